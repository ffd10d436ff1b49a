"""Maps of Turkey, Syria, Ukraine and Gaza that draw with no network.

One function per map, each returning a ``plotly.graph_objects.Figure`` in the house style, with a
caption that states the border policy where the map shows a disputed area, a legend, hover text
and a one-sentence summary in ``fig.layout.meta["summary"]`` (read by :func:`explainer.describe`).

How they stay offline: plotly's ``geo`` subplot fetches its own base map from a CDN whenever a
base layer is shown or the *first* trace has a ``locationmode``. So every map here switches the
base layers off (``geo.visible=False``), draws our own Natural Earth countries as the muted
context, and puts a ``Scattergeo`` trace (the labelled places) first. Polygons go through
:func:`explainer.geo.plotly_geojson`, the one place that gives them plotly's clockwise rings.

Examples
--------
>>> fig = turkey_map()
>>> fig.data[0].type, fig.layout.geo.visible
('scattergeo', False)
>>> "straits" in fig.layout.meta["summary"]
True
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping, Sequence

import geopandas as gpd
import plotly.graph_objects as go

from explainer import geo
from explainer.style import OKABE_ITO, TEXT, apply_house_style
from explainer.tables import split_list

SEA = "#EAF2F8"
LAND = "#E4E4E4"
BORDER = "#FFFFFF"
SUBJECT = "#A6CEE9"  # a tint of Okabe and Ito's sky blue
SUBJECT_LINE = "#FFFFFF"
OCCUPIED_LINE = OKABE_ITO["vermillion"]
COUNTRY_LABEL = "#777777"

BOUNDARY_SOURCES = ["natural-earth-admin0-deu", "natural-earth-admin1"]
POLICY_SOURCES = {
    "Ukrainian territory occupied by Russia since 2014": "unga-68-262",
    "Syrian territory occupied by Israel since 1967": "unsc-497",
    "Palestinian territory occupied by Israel since 1967": "icj-2024-opt-advisory-opinion",
}
PLACE_STYLE = {
    "capital": {"symbol": "star", "color": OKABE_ITO["black"], "size": 11, "legend": "Capital"},
    "city": {"symbol": "circle", "color": OKABE_ITO["black"], "size": 7, "legend": "City or town"},
    "port": {"symbol": "square", "color": OKABE_ITO["blue"], "size": 8, "legend": "Port"},
    "air-base": {"symbol": "triangle-up", "color": OKABE_ITO["orange"], "size": 11, "legend": "Air base"},
    "talks-venue": {"symbol": "diamond", "color": OKABE_ITO["purple"], "size": 9, "legend": "Talks venue"},
    "strait": {"symbol": "circle-open", "color": OKABE_ITO["blue"], "size": 12, "legend": "Strait"},
    "border-crossing": {"symbol": "x", "color": OKABE_ITO["vermillion"], "size": 10, "legend": "Border crossing"},
}


# --- building blocks -----------------------------------------------------------------------


def _escape(value) -> str:
    return html.escape(str(value), quote=True)


def _check_bounds(bounds: Sequence[float]) -> tuple[float, float, float, float]:
    if len(bounds) != 4:
        raise ValueError(f"explainer: bounds must be (west, south, east, north), got {bounds!r}")
    for value in bounds:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
            raise ValueError(f"explainer: bounds must hold numbers, got {bounds!r}")
    west, south, east, north = (float(value) for value in bounds)
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise ValueError(f"explainer: bounds must be (west, south, east, north) in degrees, got {bounds!r}")
    return west, south, east, north


def _padded(bounds, pad: float = 1.0):
    west, south, east, north = bounds
    return (max(west - pad, -180), max(south - pad, -90), min(east + pad, 180), min(north + pad, 90))


def _areas_trace(frame: gpd.GeoDataFrame, *, name: str, color: str, line_color: str, line_width: float,
                 hover: bool = True, digits: int = 4, describe: str | None = None) -> go.Choropleth:
    """Filled areas of one colour; hover shows the area's name, country and status."""
    names = [_escape(value) for value in frame["name"]]
    statuses = [_escape(value) for value in frame["status"]]
    kinds = [_escape(value) for value in frame["kind"]]
    return go.Choropleth(
        geojson=geo.plotly_geojson(frame, digits=digits),
        locations=list(frame["id"]),
        z=[1] * len(frame),
        colorscale=[[0, color], [1, color]],
        showscale=False,
        marker={"line": {"color": line_color, "width": line_width}},
        customdata=[[n, k, s] for n, k, s in zip(names, kinds, statuses)],
        hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>"
        if hover
        else None,
        hoverinfo=None if hover else "skip",
        name=name,
        meta={"describe": describe or ", ".join(frame["name"].astype(str))},
    )


def _context_traces(bounds, *, exclude: Sequence[str] = (), digits: int = 4) -> list:
    """Our own admin-0 layer as muted land, clipped to the view: no downloaded base map."""
    countries = geo.clip(geo.load_boundaries("admin0"), _padded(bounds))
    countries = countries[~countries["iso3"].isin(list(exclude))]
    return [_areas_trace(countries, name="Neighbouring countries", color=LAND, line_color=BORDER,
                         line_width=0.8, hover=True, digits=digits,
                         describe=", ".join(sorted(countries["name"].astype(str))))]


def _country_labels(bounds, iso3s: Sequence[str], *, uppercase: bool = True) -> go.Scattergeo:
    """Country names at a point inside each country's visible part, in small grey capitals."""
    west, south, east, north = bounds
    dx, dy = (east - west) * 0.08, (north - south) * 0.08
    countries = geo.clip(geo.load_boundaries("admin0"), (west + dx, south + dy, east - dx, north - dy))
    countries = countries[countries["iso3"].isin(list(iso3s))].copy()
    points = countries.geometry.apply(lambda g: max(getattr(g, "geoms", [g]), key=lambda p: p.area).representative_point())
    labels = [(_escape(name).upper() if uppercase else _escape(name)) for name in countries["name"]]
    return go.Scattergeo(
        lon=[round(p.x, 3) for p in points], lat=[round(p.y, 3) for p in points], text=labels,
        mode="text", textfont={"size": 11, "color": COUNTRY_LABEL, "family": "Helvetica Neue, Arial, sans-serif"},
        hoverinfo="skip", showlegend=False, name="Country names",
    )


def _occupied_outline(frame: gpd.GeoDataFrame) -> go.Scattergeo | None:
    """Dashed outlines of the areas the border policy marks, with a legend entry."""
    marked = frame[frame["status"] != ""]
    if marked.empty:
        return None
    lons, lats = geo.outline_lonlat(marked)
    return go.Scattergeo(
        lon=lons, lat=lats, mode="lines", line={"color": OCCUPIED_LINE, "width": 1.6, "dash": "dot"},
        name="Occupied (see note)", hoverinfo="skip",
        meta={"describe": "; ".join(f"{n}: {s}" for n, s in zip(marked["name"], marked["status"]))},
    )


def _label(name: str, kind: str) -> str:
    """The label drawn on the map: a crossing named after both sides keeps only its first name."""
    return name.split("–")[0] if kind == "border-crossing" else name


def _places_trace(place_ids: Sequence[str], label_positions: Mapping[str, str] | None = None) -> list:
    """The labelled places, one trace per kind (the first is the figure's first trace)."""
    label_positions = dict(label_positions or {})
    for place_id in label_positions:
        geo.place(place_id)
    places = geo.places_frame(place_ids)
    traces = []
    for kind in dict.fromkeys(places["kind"]):
        rows = places[places["kind"] == kind]
        style = PLACE_STYLE[kind]
        hover = [
            f"<b>{_escape(r.name)}</b>" + (f" ({_escape(r.alt_names)})" if r.alt_names else "")
            + f"<br>{_escape(r.note)}" if r.note else f"<b>{_escape(r.name)}</b>"
            for r in rows.itertuples()
        ]
        traces.append(
            go.Scattergeo(
                lon=list(rows["longitude"]), lat=list(rows["latitude"]),
                text=[_escape(_label(name, kind)) for name in rows["name"]],
                customdata=hover, hovertemplate="%{customdata}<extra></extra>",
                mode="markers+text",
                textposition=[label_positions.get(pid, "top center") for pid in rows["id"]],
                textfont={"size": 12, "color": TEXT},
                marker={"symbol": style["symbol"], "size": style["size"], "color": style["color"],
                        "line": {"color": "white", "width": 1}},
                name=style["legend"],
                meta={"place_ids": list(rows["id"])},
            )
        )
    return traces


def _route(points: Sequence[tuple[float, float]], *, name: str, color: str, dash: str = "solid",
           width: float = 2.5, describe: str = "") -> go.Scattergeo:
    return go.Scattergeo(
        lon=[lon for _, lon in points], lat=[lat for lat, _ in points], mode="lines",
        line={"color": color, "width": width, "dash": dash}, name=name, hoverinfo="name",
        meta={"describe": describe or name},
    )


def _place_sources(place_ids: Sequence[str]) -> list[str]:
    places = geo.load_places()
    out: list[str] = []
    for place_id in place_ids:
        for source_id in split_list(places.loc[place_id, "source_ids"]):
            if source_id not in out:
                out.append(source_id)
    return out


def _finish(fig: go.Figure, *, bounds, title: str, subtitle: str | None, caption: str, summary: str,
            source_ids: Sequence[str], place_ids: Sequence[str], height: int, projection: str = "mercator") -> go.Figure:
    """Geo settings that keep the map offline, the house style, the caption and the summary."""
    west, south, east, north = bounds
    fig.update_geos(
        visible=False,  # no base layers: nothing to fetch
        projection_type=projection,
        lonaxis_range=[west, east],
        lataxis_range=[south, north],
        bgcolor=SEA,
        domain={"x": [0, 1], "y": [0, 1]},
    )
    ids = list(dict.fromkeys(list(BOUNDARY_SOURCES) + list(source_ids)))
    apply_house_style(fig, title=title, source_ids=ids, subtitle=subtitle, height=height)
    fig.update_layout(
        margin={"l": 10, "r": 10, "t": 80 if subtitle else 60, "b": 120},
        legend={"orientation": "v", "x": 0.01, "y": 0.99, "xanchor": "left", "yanchor": "top",
                "bgcolor": "rgba(255,255,255,0.85)", "bordercolor": "#CCCCCC", "borderwidth": 1,
                "font": {"size": 11}},
        hoverlabel={"bgcolor": "white", "font": {"size": 12}},
    )
    caption_lines = _wrap(caption).count("\n") + 1
    fig.add_annotation(
        text=_caption_annotation_text(caption), xref="paper", yref="paper", x=0, y=0, yshift=-6,
        xanchor="left", yanchor="top", showarrow=False, align="left", font={"size": 11, "color": TEXT},
        name="caption",
    )
    source_lines = 1
    for annotation in fig.layout.annotations:
        if annotation.name == "source-line":  # below the caption, wrapped between sources
            parts = re.split(r"(?<=\]); ", re.sub(r"<br\s*/?>", " ", annotation.text))
            lines, line = [], ""
            for part in parts:
                if line and len(line) + len(part) > 140:
                    lines.append(line + ";")
                    line = part
                else:
                    line = f"{line}; {part}" if line else part
            lines.append(line)
            annotation.text = "<br>".join(lines)
            annotation.yshift = -(16 + 15 * caption_lines)
            source_lines = len(lines)
    fig.update_layout(margin={"b": 30 + 15 * (caption_lines + source_lines)})
    place_sources = _place_sources(place_ids)
    fig.layout.meta = {**fig.layout.meta, "summary": summary, "caption": caption,
                       "place_source_ids": place_sources, "offline": True}
    return fig


def _wrap(text: str, width: int = 150) -> str:
    """Break a long caption into lines for plotly (which does not wrap annotations)."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)


def _caption_annotation_text(caption: str) -> str:
    return "<br>".join(_escape(line) for line in _wrap(caption).split("\n"))


# --- the maps --------------------------------------------------------------------------------

TURKEY_BOUNDS = (25.0, 35.0, 45.5, 42.6)
TURKEY_PLACES = ("ankara", "istanbul", "izmir", "antalya", "murted-air-base", "incirlik-air-base", "bosporus",
                 "dardanelles")
TURKEY_LABELS = {"ankara": "bottom right", "murted-air-base": "top left", "istanbul": "bottom left",
                 "bosporus": "top right", "dardanelles": "bottom right", "izmir": "middle left",
                 "incirlik-air-base": "bottom center", "antalya": "bottom center"}


def turkey_map(*, title: str = "Turkey holds both straits between the Black Sea and the Mediterranean",
               subtitle: str | None = "Turkey's provinces, the Bosporus and the Dardanelles, and the air bases in the chapters",
               places: Sequence[str] = TURKEY_PLACES, label_positions: Mapping[str, str] | None = None,
               height: int = 560) -> go.Figure:
    """Turkey and its 81 provinces, the straits, Ankara, Istanbul and the Mürted and Incirlik air bases."""
    bounds = TURKEY_BOUNDS
    provinces = geo.load_boundaries("admin1")
    provinces = provinces[provinces["iso3"] == "TUR"]
    fig = go.Figure()
    for trace in _places_trace(places, {**TURKEY_LABELS, **dict(label_positions or {})}):
        fig.add_trace(trace)
    for trace in _context_traces(bounds, exclude=["TUR"]):
        fig.add_trace(trace)
    fig.add_trace(_areas_trace(provinces, name="Turkey's provinces", color=SUBJECT, line_color=SUBJECT_LINE,
                               line_width=0.5, describe=f"Turkey's {len(provinces)} provinces"))
    fig.add_trace(_country_labels(bounds, ["GRC", "BGR", "GEO", "ARM", "IRN", "IRQ", "SYR", "CYP"]))
    caption = (f"Turkey's {len(provinces)} provinces in blue, its neighbours in grey. " + geo.policy_note([])
               + " Place coordinates: data/places.csv.")
    _finish(fig, bounds=bounds, title=title, subtitle=subtitle, caption=caption, place_ids=places,
            summary=f"A map of Turkey's {len(provinces)} provinces marking the straits (the Bosporus and the "
            "Dardanelles), Ankara, Istanbul and the Mürted and Incirlik air bases.",
            source_ids=["dailysabah-2019-07-13-murted-s400"], height=height)
    return fig


SYRIA_BOUNDS = (34.4, 32.0, 42.6, 37.7)
SYRIA_PLACES = ("damascus", "aleppo", "idlib", "bab-al-hawa", "bab-al-salam")
SYRIA_LABELS = {"idlib": "bottom center", "bab-al-hawa": "middle left", "bab-al-salam": "top center",
                "aleppo": "bottom right", "damascus": "bottom right"}


def syria_map(*, title: str = "Syria's main crossings to Turkey lie on its north-western border",
              subtitle: str | None = "Syria's governorates and the Bab al-Hawa and Bab al-Salam crossings",
              places: Sequence[str] = SYRIA_PLACES, label_positions: Mapping[str, str] | None = None,
              height: int = 560) -> go.Figure:
    """Syria's governorates, the Golan Heights marked as occupied, and the crossings to Turkey."""
    bounds = SYRIA_BOUNDS
    regions = geo.load_boundaries("admin1")
    syria = regions[regions["iso3"] == "SYR"]
    governorates = syria[syria["status"] == ""]
    golan = syria[syria["status"] != ""]
    fig = go.Figure()
    for trace in _places_trace(places, {**SYRIA_LABELS, **dict(label_positions or {})}):
        fig.add_trace(trace)
    for trace in _context_traces(bounds, exclude=["SYR"]):
        fig.add_trace(trace)
    fig.add_trace(_areas_trace(governorates, name="Syria's governorates", color=SUBJECT, line_color=SUBJECT_LINE,
                               line_width=0.6, describe=f"Syria's {len(governorates)} governorates: "
                               + ", ".join(sorted(governorates["name"]))))
    fig.add_trace(_areas_trace(golan, name="Golan Heights", color=SUBJECT, line_color=SUBJECT_LINE, line_width=0.6))
    outline = _occupied_outline(golan)
    fig.add_trace(outline)
    fig.add_trace(_country_labels(bounds, ["TUR", "IRQ", "JOR", "LBN", "ISR"]))
    note = geo.policy_note(golan["status"])
    caption = (f"Syria's {len(governorates)} governorates in blue, its neighbours in grey. {note} "
               "Place coordinates: data/places.csv.")
    _finish(fig, bounds=bounds, title=title, subtitle=subtitle, caption=caption, place_ids=places,
            summary=f"A map of Syria's {len(governorates)} governorates with Damascus, Aleppo, Idlib and the Bab "
            "al-Hawa and Bab al-Salam crossings to Turkey; the Golan Heights are marked as Syrian territory "
            "occupied by Israel.",
            source_ids=[POLICY_SOURCES[s] for s in sorted(set(golan["status"]))], height=height)
    return fig


UKRAINE_BOUNDS = (21.5, 40.4, 41.5, 52.6)
UKRAINE_PLACES = ("kyiv", "odesa", "chornomorsk", "pivdennyi", "simferopol", "istanbul", "bosporus")
UKRAINE_LABELS = {"odesa": "middle right", "chornomorsk": "bottom left", "pivdennyi": "top right",
                  "istanbul": "bottom left", "bosporus": "middle right", "kyiv": "top center",
                  "simferopol": "bottom center"}
# Schematic corridor: from each port to the open sea, then towards the Bosporus (no published
# waypoints are used; the line shows direction, not the agreed track).
GRAIN_OPEN_SEA = (45.2, 30.9)


def ukraine_map(*, title: str = "Ukraine's grain left from three ports near Odesa and passed Istanbul",
                subtitle: str | None = "Ukraine's oblasts, Crimea, and the Black Sea Grain Initiative's ports and corridor",
                places: Sequence[str] = UKRAINE_PLACES, label_positions: Mapping[str, str] | None = None,
                height: int = 680) -> go.Figure:
    """Ukraine's oblasts, Crimea marked per the border policy, and the grain corridor to the Bosporus."""
    bounds = UKRAINE_BOUNDS
    regions = geo.load_boundaries("admin1")
    ukraine = regions[regions["iso3"] == "UKR"]
    oblasts = ukraine[ukraine["status"] == ""]
    crimea = ukraine[ukraine["status"] != ""]
    fig = go.Figure()
    for trace in _places_trace(places, {**UKRAINE_LABELS, **dict(label_positions or {})}):
        fig.add_trace(trace)
    for trace in _context_traces(bounds, exclude=["UKR"]):
        fig.add_trace(trace)
    fig.add_trace(_areas_trace(oblasts, name="Ukraine's oblasts", color=SUBJECT, line_color=SUBJECT_LINE,
                               line_width=0.5, describe=f"Ukraine's {len(oblasts)} oblasts and Kyiv city"))
    fig.add_trace(_areas_trace(crimea, name="Crimea and Sevastopol", color=SUBJECT, line_color=SUBJECT_LINE,
                               line_width=0.5))
    fig.add_trace(_occupied_outline(crimea))
    ports = geo.places_frame(["odesa", "chornomorsk", "pivdennyi"])
    bosporus = geo.place("bosporus")
    for row in ports.itertuples():
        fig.add_trace(_route([(row.latitude, row.longitude), GRAIN_OPEN_SEA], name="Grain corridor (schematic)",
                             color=OKABE_ITO["green"], width=2, describe=f"from {row.name} to the open sea"))
        fig.data[-1].showlegend = row.Index == 0
        fig.data[-1].legendgroup = "grain"
    fig.add_trace(_route([GRAIN_OPEN_SEA, (bosporus.latitude, bosporus.longitude)], name="Grain corridor (schematic)",
                         color=OKABE_ITO["green"], width=3, describe="from the open sea to the Bosporus and Istanbul"))
    fig.data[-1].showlegend = False
    fig.data[-1].legendgroup = "grain"
    fig.add_trace(_country_labels(bounds, ["POL", "BLR", "RUS", "MDA", "ROU", "HUN", "SVK", "BGR", "TUR", "GEO"]))
    note = geo.policy_note(crimea["status"])
    caption = (f"Ukraine's {len(oblasts)} oblasts and Kyiv city in blue, neighbours in grey. {note} "
               "The corridor is drawn schematically from the three ports to the Bosporus. "
               "Areas occupied since 2022 are not drawn.")
    _finish(fig, bounds=bounds, title=title, subtitle=subtitle, caption=caption, place_ids=places,
            summary="A map of Ukraine's oblasts with Crimea and Sevastopol marked as Ukrainian territory occupied by "
            "Russia since 2014, and the Black Sea Grain Initiative's route from Odesa, Chornomorsk and "
            "Pivdennyi through the Bosporus past Istanbul.",
            source_ids=[POLICY_SOURCES[s] for s in sorted(set(crimea["status"]))] + ["un-black-sea-grain-initiative"],
            height=height)
    return fig


GAZA_BOUNDS = (33.55, 30.95, 35.0, 31.75)
GAZA_PLACES = ("gaza-city", "khan-yunis", "rafah", "rafah-crossing", "kerem-shalom-crossing", "el-arish")
GAZA_LABELS = {"gaza-city": "middle right", "khan-yunis": "middle right", "rafah": "top left",
               "rafah-crossing": "bottom left", "kerem-shalom-crossing": "bottom right", "el-arish": "bottom center"}


def gaza_map(*, title: str = "Turkish aid for Gaza was shipped to El Arish and trucked to the Rafah crossing",
             subtitle: str | None = "The Gaza Strip, its towns and crossings, and the route of Turkish aid ships",
             places: Sequence[str] = GAZA_PLACES, label_positions: Mapping[str, str] | None = None,
             height: int = 600) -> go.Figure:
    """The Gaza Strip with its towns and crossings and the route of Turkish aid through El Arish."""
    bounds = GAZA_BOUNDS
    detail = geo.load_boundaries("gaza")
    strip = detail[detail["id"] == "PS-GZZ"]
    others = detail[detail["id"] != "PS-GZZ"]
    fig = go.Figure()
    for trace in _places_trace(places, {**GAZA_LABELS, **dict(label_positions or {})}):
        fig.add_trace(trace)
    fig.add_trace(_areas_trace(geo.clip(others, _padded(bounds, 0.3)), name="Neighbouring areas", color=LAND,
                               line_color=BORDER, line_width=1, digits=5,
                               describe=", ".join(sorted(others["name"]))))
    fig.add_trace(_areas_trace(strip, name="Gaza Strip", color=SUBJECT, line_color=SUBJECT_LINE, line_width=1, digits=5))
    fig.add_trace(_occupied_outline(geo.clip(detail[detail["status"] != ""], _padded(bounds, 0.3))))
    mersin, el_arish, crossing = geo.place("mersin"), geo.place("el-arish"), geo.place("rafah-crossing")
    fig.add_trace(_route([(mersin.latitude, mersin.longitude), (el_arish.latitude, el_arish.longitude)],
                         name="Aid ships from Mersin, Turkey", color=OKABE_ITO["orange"], dash="dash",
                         describe="by sea from Mersin, Turkey, to the port of El Arish"))
    fig.add_trace(_route([(el_arish.latitude, el_arish.longitude), (crossing.latitude, crossing.longitude)],
                         name="Aid trucks to the Rafah crossing", color=OKABE_ITO["orange"],
                         describe="by road from El Arish to the Rafah crossing"))
    fig.add_trace(_country_labels(bounds, ["EGY", "ISR"]))
    note = geo.policy_note(detail.loc[detail["id"].isin(["PS-GZZ", "PS-WBK"]), "status"])
    caption = (f"The Gaza Strip in blue, Egypt and Israel in grey. {note} "
               "Routes are drawn straight between their end points; ships sailed from Mersin, off the map to the north.")
    _finish(fig, bounds=bounds, title=title, subtitle=subtitle, caption=caption, place_ids=[*places, "mersin"],
            summary="A map of the Gaza Strip, a Palestinian territory occupied by Israel, with Gaza City, Khan Yunis, "
            "Rafah, the Rafah and Kerem Shalom crossings, and the route of Turkish aid by sea from Mersin to El "
            "Arish and by road to the Rafah crossing.",
            source_ids=["icj-2024-opt-advisory-opinion", "trtworld-2024-03-30-aid-ship-el-arish",
                        "dailysabah-2024-04-15-red-crescent-aid-ship"], height=height)
    return fig


REGION_BOUNDS = (20.0, 27.0, 50.0, 56.5)
REGION_PLACES = ("ankara", "istanbul", "kyiv", "moscow", "damascus", "gaza-city")
REGION_LABELS = {"ankara": "bottom center", "istanbul": "top left", "kyiv": "top center", "moscow": "bottom right",
                 "damascus": "middle right", "gaza-city": "middle left"}


def region_map(*, title: str = "Turkey sits between the wars in Ukraine, Syria and Gaza",
               subtitle: str | None = "Turkey, Ukraine, Syria and the Palestinian territories, and the capitals in the chapters",
               places: Sequence[str] = REGION_PLACES, label_positions: Mapping[str, str] | None = None,
               height: int = 680) -> go.Figure:
    """An overview of the region with Turkey, Ukraine, Syria and Gaza highlighted."""
    bounds = REGION_BOUNDS
    subjects = ["TUR", "UKR", "SYR", "PSE"]
    countries = geo.clip(geo.load_boundaries("admin0"), _padded(bounds))
    regions = geo.load_boundaries("admin1")
    marked = regions[regions["status"] != ""]
    fig = go.Figure()
    for trace in _places_trace(places, {**REGION_LABELS, **dict(label_positions or {})}):
        fig.add_trace(trace)
    for trace in _context_traces(bounds, exclude=subjects, digits=3):
        fig.add_trace(trace)
    colors = {"TUR": OKABE_ITO["blue"], "UKR": OKABE_ITO["sky"], "SYR": OKABE_ITO["green"], "PSE": OKABE_ITO["purple"]}
    for iso3 in subjects:
        shape = countries[countries["iso3"] == iso3]
        fig.add_trace(_areas_trace(shape, name=str(shape["name"].iloc[0]), color=colors[iso3], line_color=BORDER,
                                   line_width=0.8, digits=3))
    fig.add_trace(_occupied_outline(marked))
    fig.add_trace(_country_labels(bounds, ["RUS", "EGY", "IRN", "SAU", "ROU", "BLR", "POL", "GRC", "BGR", "GEO"]))
    note = geo.policy_note(marked["status"], east_jerusalem=True)
    caption = f"Turkey, Ukraine, Syria and Palestine coloured, other countries in grey. {note}"
    _finish(fig, bounds=bounds, title=title, subtitle=subtitle, caption=caption, place_ids=places,
            summary="An overview map of Turkey between Ukraine, Russia, Syria and the Palestinian territories, with "
            "Crimea, the Golan Heights, the West Bank and the Gaza Strip marked as occupied.",
            source_ids=[POLICY_SOURCES[s] for s in sorted(set(marked["status"]))], height=height,
            projection="conic conformal")
    fig.update_geos(projection_parallels=[33, 50], projection_rotation={"lon": 35})
    return fig


def range_rings_map(*, center: str = "murted-air-base", radii_km: Sequence[float],
                    title: str, subtitle: str | None = None, ring_labels: Sequence[str] | None = None,
                    places: Sequence[str] = ("ankara", "istanbul", "incirlik-air-base"),
                    source_ids: Sequence[str] = (), height: int = 600) -> go.Figure:
    """True geodesic distance rings of ``radii_km`` around the gazetteer place ``center``.

    Rings are computed by :func:`explainer.geo.geodesic_ring` (buffered in an azimuthal
    equidistant projection), not drawn as circles in degrees. ``source_ids`` should cite where the
    radii come from; ``ring_labels`` name each ring in the legend (default: "N km").
    """
    radii = list(radii_km)
    if not radii:
        raise ValueError("explainer: radii_km must hold at least one radius, got an empty list")
    if ring_labels is not None and len(ring_labels) != len(radii):
        raise ValueError(f"explainer: ring_labels must have one label per radius ({len(radii)}), got {len(ring_labels)}")
    middle = geo.place(center)
    rings = [geo.geodesic_ring(middle.latitude, middle.longitude, radius) for radius in radii]
    west, south, east, north = rings[int(max(range(len(radii)), key=lambda i: radii[i]))].total_bounds
    bounds = _check_bounds((max(west - 1.5, -180), max(south - 1.0, -90), min(east + 1.5, 180), min(north + 1.0, 90)))
    place_ids = list(dict.fromkeys([center, *places]))
    fig = go.Figure()
    for trace in _places_trace(place_ids, {center: "top left", "ankara": "bottom right"}):
        fig.add_trace(trace)
    for trace in _context_traces(bounds, exclude=["TUR"]):
        fig.add_trace(trace)
    turkey = geo.clip(geo.load_boundaries("admin0"), _padded(bounds))
    fig.add_trace(_areas_trace(turkey[turkey["iso3"] == "TUR"], name="Turkey", color=SUBJECT, line_color=BORDER,
                               line_width=0.8))
    palette = [OKABE_ITO["vermillion"], OKABE_ITO["orange"], OKABE_ITO["purple"], OKABE_ITO["blue"]]
    for index, (radius, ring) in enumerate(zip(radii, rings)):
        lons, lats = geo.outline_lonlat(ring)
        label = ring_labels[index] if ring_labels else f"{radius:,.0f} km"
        fig.add_trace(go.Scattergeo(lon=lons, lat=lats, mode="lines", name=_escape(label),
                                    line={"color": palette[index % len(palette)], "width": 2}, hoverinfo="name",
                                    meta={"describe": f"{radius:,.0f} km from {middle['name']}"}))
    fig.add_trace(_country_labels(bounds, ["GRC", "BGR", "GEO", "ARM", "IRN", "IRQ", "SYR", "CYP", "RUS", "UKR",
                                           "ROU", "EGY", "ISR", "LBN", "JOR", "SAU", "AZE"]))
    caption = (f"Circles of equal distance from {middle['name']}, computed on the WGS 84 ellipsoid. "
               + geo.policy_note([]))
    radii_text = ", ".join(f"{radius:,.0f}" for radius in radii)
    _finish(fig, bounds=bounds, title=title, subtitle=subtitle, caption=caption, place_ids=place_ids,
            summary=f"A map of true distance rings of {radii_text} km around {middle['name']}.",
            source_ids=list(source_ids), height=height)
    return fig


ALL_MAPS = {
    "turkey": turkey_map,
    "syria": syria_map,
    "ukraine": ukraine_map,
    "gaza": gaza_map,
    "region": region_map,
}
