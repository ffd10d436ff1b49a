"""The shared machinery of the explainer's maps, which draw with no network, and the two maps no
single topic owns: the overview of the region and the distance rings around a place.

Each topic's own map lives with its topic (``explainer.blocs.map``, ``explainer.ukraine.map``,
``explainer.gaza.map``, ``explainer.syria.map``) and is built from the pieces here. Every map
returns a ``plotly.graph_objects.Figure`` in the house style, with a
caption that states the border policy where the map shows a disputed area, a legend, hover text
and a one-sentence summary in ``fig.layout.meta["summary"]`` (read by :func:`explainer.describe`).

How they stay offline: plotly's ``geo`` subplot fetches its own base map from a CDN whenever a
base layer is shown or the *first* trace has a ``locationmode``. So every map here switches the
base layers off (``geo.visible=False``), draws our own Natural Earth countries as the muted
context, and puts a ``Scattergeo`` trace (the country names) first. Polygons go through
:func:`explainer.geo.plotly_geojson`, the one place that gives them plotly's clockwise rings.

How they stay legible: all scatter traces draw above all filled areas, in trace order, so the
places come last (above routes and outlines); every text carries a white halo (``HALO``); places
too close to label in place get their label on a leader line (``label_offsets``); the legend
stands in a column right of the map (``LEGEND_COLUMN``), never over it.

Examples
--------
>>> fig = region_map()
>>> fig.data[0].type, fig.layout.geo.visible
('scattergeo', False)
>>> sorted(all_maps())
['gaza', 'region', 'syria', 'turkey', 'ukraine']
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping, Sequence

import geopandas as gpd
import plotly.graph_objects as go

from explainer import geo
from explainer.prose import wrap_lines
from explainer.style import OKABE_ITO, TEXT, apply_house_style
from explainer.tables import split_list

SEA = "#EAF2F8"
LAND = "#E4E4E4"
BORDER = "#FFFFFF"
SUBJECT = "#A6CEE9"  # a tint of Okabe and Ito's sky blue
SUBJECT_LINE = "#FFFFFF"
OCCUPIED_LINE = OKABE_ITO["vermillion"]
COUNTRY_LABEL = "#666666"
REGION_LABEL = "#555555"
SEA_LABEL = "#3C6E91"
LEADER_LINE = "#555555"
# A white glow around map text (CSS text-shadow), so labels stay legible over dark fills and lines.
HALO = "0px 0px 2px #FFFFFF, 0px 0px 2px #FFFFFF, 0px 0px 3px #FFFFFF, 0px 0px 4px #FFFFFF"
FONT = "Helvetica Neue, Arial, sans-serif"
LEGEND_COLUMN = 0.77  # the map takes the left part of the width, the legend the column to its right
TEXT_POSITIONS = ("top left", "top center", "top right", "middle left", "middle center", "middle right",
                  "bottom left", "bottom center", "bottom right")

BOUNDARY_SOURCES = ["natural-earth-admin0-deu", "natural-earth-admin1"]
POLICY_SOURCES = {
    "Ukrainian territory occupied by Russia since 2014": "unga-68-262",
    "Syrian territory occupied by Israel since 1967": "unsc-497",
    "Palestinian territory occupied by Israel since 1967": "icj-2024-opt-advisory-opinion",
}
PLACE_STYLE = {
    "capital": {"symbol": "star", "color": OKABE_ITO["black"], "size": 11, "legend": "Capital"},
    "city": {"symbol": "circle", "color": OKABE_ITO["black"], "size": 7, "legend": "City or town"},
    "port": {"symbol": "square", "color": OKABE_ITO["blue"], "size": 7, "legend": "Port"},
    "air-base": {"symbol": "triangle-up", "color": OKABE_ITO["orange"], "size": 11, "legend": "Air base"},
    "talks-venue": {"symbol": "diamond", "color": OKABE_ITO["purple"], "size": 9, "legend": "Talks venue"},
    "strait": {"symbol": "circle-open", "color": OKABE_ITO["blue"], "size": 22, "legend": "Strait",
               "line_color": OKABE_ITO["blue"], "line_width": 3},
    "border-crossing": {"symbol": "x", "color": OKABE_ITO["vermillion"], "size": 10, "legend": "Border crossing"},
}


# --- building blocks -----------------------------------------------------------------------


def html_text(value) -> str:
    """``value`` as text for a map's labels and hover, HTML-escaped (quotes too)."""
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


def padded(bounds, pad: float = 1.0):
    """``bounds`` (west, south, east, north) widened by ``pad`` degrees on every side, within the globe.

    >>> padded((10, 20, 30, 40), 2)
    (8, 18, 32, 42)
    """
    west, south, east, north = bounds
    return (max(west - pad, -180), max(south - pad, -90), min(east + pad, 180), min(north + pad, 90))


def areas_trace(frame: gpd.GeoDataFrame, *, name: str, color: str, line_color: str, line_width: float,
                 hover: bool = True, digits: int = 4, describe: str | None = None) -> go.Choropleth:
    """Filled areas of one colour; hover shows the area's name, country and status."""
    names = [html_text(value) for value in frame["name"]]
    statuses = [html_text(value) for value in frame["status"]]
    kinds = [html_text(value) for value in frame["kind"]]
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


def context_traces(bounds, *, exclude: Sequence[str] = (), digits: int = 4, pad: float = 1.0,
                   simplify_degrees: float = 0.0) -> list:
    """Our own admin-0 layer as muted land, clipped to the view (plus ``pad`` degrees): no downloaded base map.

    ``simplify_degrees`` thins the grey land further on small-scale maps, where a tolerance below a
    pixel keeps it looking the same and the figure light enough for a web page.
    """
    countries = geo.clip(geo.load_boundaries("admin0"), padded(bounds, pad))
    countries = countries[~countries["iso3"].isin(list(exclude))]
    if simplify_degrees:
        countries = countries.assign(geometry=countries.geometry.simplify(simplify_degrees, preserve_topology=True))
    return [areas_trace(countries, name="Neighbouring countries", color=LAND, line_color=BORDER,
                         line_width=0.8, hover=True, digits=digits,
                         describe=", ".join(sorted(countries["name"].astype(str))))]


def country_labels(bounds, iso3s: Sequence[str], *, positions: Mapping[str, tuple[float, float]] | None = None,
                    uppercase: bool = True) -> go.Scattergeo:
    """Country names in small grey capitals, at ``positions[iso3]`` = (lon, lat) or else at a point
    inside each country's visible part. A map's first trace (it has no ``locationmode``)."""
    positions = dict(positions or {})
    west, south, east, north = bounds
    dx, dy = (east - west) * 0.08, (north - south) * 0.08
    countries = geo.clip(geo.load_boundaries("admin0"), (west + dx, south + dy, east - dx, north - dy))
    countries = countries[countries["iso3"].isin(list(iso3s))].copy()
    lons, lats, labels = [], [], []
    for row in countries.itertuples():
        if row.iso3 in positions:
            lon, lat = positions[row.iso3]
        else:
            point = max(getattr(row.geometry, "geoms", [row.geometry]), key=lambda p: p.area).representative_point()
            lon, lat = point.x, point.y
        lons.append(round(lon, 3))
        lats.append(round(lat, 3))
        labels.append(html_text(row.name).upper() if uppercase else html_text(row.name))
    return go.Scattergeo(
        lon=lons, lat=lats, text=labels, mode="text",
        textfont={"size": 11, "color": COUNTRY_LABEL, "family": FONT, "shadow": HALO},
        hoverinfo="skip", showlegend=False, name="Country names",
    )


def text_labels(labels: Sequence[tuple[float, float, str]], *, name: str, color: str, size: int = 11,
                 style: str = "normal", describe: str | None = None, showlegend: bool = False,
                 textposition: str | Sequence[str] = "middle center") -> go.Scattergeo:
    """Plain text at fixed (lon, lat) points, with the white halo: seas, regions, callouts."""
    return go.Scattergeo(
        lon=[lon for lon, _, _ in labels], lat=[lat for _, lat, _ in labels],
        text=[text for _, _, text in labels], mode="text", textposition=textposition,
        textfont={"size": size, "color": color, "family": FONT, "style": style, "shadow": HALO},
        hoverinfo="skip", showlegend=showlegend, name=name,
        meta={"describe": describe or ", ".join(re.sub(r"<br>", " ", text) for _, _, text in labels)},
    )


def sea_labels(labels: Sequence[tuple[float, float, str]]) -> go.Scattergeo:
    """Names of seas, in blue italics, at fixed points chosen in open water (labels, not data)."""
    return text_labels(labels, name="Sea names", color=SEA_LABEL, size=12, style="italic")


def occupied_outline(frame: gpd.GeoDataFrame) -> go.Scattergeo | None:
    """Dashed outlines of the areas the border policy marks, with a legend entry."""
    marked = frame[frame["status"] != ""]
    if marked.empty:
        return None
    lons, lats = geo.outline_lonlat(marked)
    return go.Scattergeo(
        lon=lons, lat=lats, mode="lines", line={"color": OCCUPIED_LINE, "width": 1.6, "dash": "dot"},
        name="Occupied (see note)", hoverinfo="skip", legendrank=900,
        meta={"describe": "; ".join(f"{n}: {s}" for n, s in zip(marked["name"], marked["status"]))},
    )


def _label(name: str, kind: str) -> str:
    """The label drawn on the map: a crossing named after both sides keeps only its first name."""
    return name.split("–")[0] if kind == "border-crossing" else name


def _side(dlon: float, dlat: float) -> str:
    """Where an offset label's text goes from its anchor: away from the place it names."""
    if abs(dlon) >= abs(dlat):
        return "middle right" if dlon > 0 else "middle left"
    return "top center" if dlat > 0 else "bottom center"


def _check_label_options(place_ids, label_positions, label_offsets) -> tuple[dict, dict]:
    label_positions = dict(label_positions or {})
    label_offsets = dict(label_offsets or {})
    for place_id, position in label_positions.items():
        geo.place(place_id)
        if position not in TEXT_POSITIONS:
            raise ValueError(f"explainer: label_positions[{place_id!r}] must be one of {', '.join(TEXT_POSITIONS)}, "
                             f"got {position!r}")
    for place_id, offset in label_offsets.items():
        geo.place(place_id)
        ok = (isinstance(offset, (tuple, list)) and len(offset) == 2
              and all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in offset)
              and any(offset))
        if not ok:
            raise ValueError(f"explainer: label_offsets[{place_id!r}] must be a non-zero (dlon, dlat) pair of "
                             f"degrees, got {offset!r}")
    return label_positions, label_offsets


def places_traces(place_ids: Sequence[str], label_positions: Mapping[str, str] | None = None,
                   label_offsets: Mapping[str, tuple[float, float]] | None = None) -> list:
    """The labelled places: one marker trace per kind, then leader lines and their offset labels.

    ``label_positions[id]`` puts a label beside its marker (plotly's ``textposition``);
    ``label_offsets[id]`` = (dlon, dlat) moves it that many degrees away instead, joined to the
    marker by a thin leader line (for places too close together to label in place).
    """
    label_positions, label_offsets = _check_label_options(place_ids, label_positions, label_offsets)
    places = geo.places_frame(place_ids)
    traces = []
    for kind in dict.fromkeys(places["kind"]):
        rows = places[places["kind"] == kind]
        style = PLACE_STYLE[kind]
        hover = [
            f"<b>{html_text(r.name)}</b>" + (f" ({html_text(r.alt_names)})" if r.alt_names else "")
            + f"<br>{html_text(r.note)}" if r.note else f"<b>{html_text(r.name)}</b>"
            for r in rows.itertuples()
        ]
        names = [html_text(_label(name, kind)) for name in rows["name"]]
        traces.append(
            go.Scattergeo(
                lon=list(rows["longitude"]), lat=list(rows["latitude"]),
                text=["" if pid in label_offsets else name for pid, name in zip(rows["id"], names)],
                customdata=hover, hovertemplate="%{customdata}<extra></extra>",
                mode="markers+text",
                textposition=[label_positions.get(pid, "top center") for pid in rows["id"]],
                textfont={"size": 12, "color": TEXT, "family": FONT, "shadow": HALO},
                marker={"symbol": style["symbol"], "size": style["size"], "color": style["color"],
                        "line": {"color": style.get("line_color", "white"), "width": style.get("line_width", 1)}},
                name=style["legend"], legendrank=100,
                meta={"place_ids": list(rows["id"]), "describe": ", ".join(names)},
            )
        )
    offset = places[places["id"].isin(list(label_offsets))]
    if not offset.empty:
        lons, lats, anchors = [], [], []
        for row in offset.itertuples():
            dlon, dlat = label_offsets[row.id]
            end = (row.longitude + dlon, row.latitude + dlat)
            lons += [row.longitude, end[0], None]
            lats += [row.latitude, end[1], None]
            anchors.append((end[0], end[1], html_text(_label(row.name, row.kind)),
                            label_positions.get(row.id, _side(dlon, dlat))))
        traces.append(go.Scattergeo(
            lon=lons, lat=lats, mode="lines", line={"color": LEADER_LINE, "width": 0.8}, hoverinfo="skip",
            showlegend=False, name="Label leader lines",
            meta={"describe": "thin lines joining " + ", ".join(a[2] for a in anchors) + " to their labels",
                  "place_ids_offset": list(offset["id"])},
        ))
        traces.append(text_labels([(lon, lat, text) for lon, lat, text, _ in anchors], name="Place labels",
                                   color=TEXT, size=12, textposition=[a[3] for a in anchors]))
    return traces


def route(points: Sequence[tuple[float, float]], *, name: str, color: str, dash: str = "solid",
           width: float = 2.5, describe: str = "") -> go.Scattergeo:
    """A line through ``points`` given as (latitude, longitude), such as a shipping route."""
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


def merge_labels(default_positions: Mapping[str, str], default_offsets: Mapping[str, tuple[float, float]],
                  label_positions: Mapping[str, str] | None,
                  label_offsets: Mapping[str, tuple[float, float]] | None) -> tuple[dict, dict]:
    """A map's own label placement overridden by the caller's: a position given for a place drops
    its default offset (the label goes back beside the marker), an offset drops its default position."""
    label_positions, label_offsets = dict(label_positions or {}), dict(label_offsets or {})
    positions = {k: v for k, v in default_positions.items() if k not in label_offsets}
    offsets = {k: v for k, v in default_offsets.items() if k not in label_positions}
    return {**positions, **label_positions}, {**offsets, **label_offsets}


def regions_of(iso3: str) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """A country's first-level regions from the committed boundaries, split in two: those it
    governs, and those the border policy marks (occupied or annexed areas, ``status`` set).

    >>> governed, marked = regions_of("UKR")
    >>> len(governed) > len(marked) > 0
    True
    """
    regions = geo.load_boundaries("admin1")
    country = regions[regions["iso3"] == iso3]
    return country[country["status"] == ""], country[country["status"] != ""]


def start_map(bounds, countries: Sequence[str], *, labels: tuple[Mapping, Mapping], chosen: tuple[Mapping | None, Mapping | None],
              positions: Mapping[str, tuple[float, float]] | None = None) -> tuple[go.Figure, dict, dict]:
    """A new map: its first trace names ``countries`` (at ``positions`` where given), and the map's
    own label placement ``labels`` (positions, offsets) is overridden by the caller's ``chosen``.
    Returns the figure and the merged label positions and offsets."""
    merged_positions, merged_offsets = merge_labels(*labels, *chosen)
    fig = go.Figure()
    fig.add_trace(country_labels(bounds, countries, positions=positions))
    return fig, merged_positions, merged_offsets


def side_note(fig: go.Figure, text: str) -> None:
    """A boxed note in the legend column, at the foot of the map: for what the map does not show."""
    fig.add_annotation(
        text=text, xref="paper", yref="paper", x=1, y=0, xanchor="right", yanchor="bottom", showarrow=False,
        align="left", font={"size": 12, "color": TEXT}, bgcolor="#FFF4E0", bordercolor=OKABE_ITO["orange"],
        borderwidth=1.5, borderpad=6, name="side-note",
    )


def finish(fig: go.Figure, *, bounds, title: str, subtitle: str | None, caption: str, summary: str,
            source_ids: Sequence[str], place_ids: Sequence[str], height: int, projection: str = "mercator") -> go.Figure:
    """Geo settings that keep the map offline, the house style, the caption and the summary.

    The map fills the left ``LEGEND_COLUMN`` of the width; the legend (and any side note) stands
    in the column to its right, so it never covers the map.
    """
    west, south, east, north = bounds
    fig.update_geos(
        visible=False,  # no base layers: nothing to fetch
        projection_type=projection,
        lonaxis_range=[west, east],
        lataxis_range=[south, north],
        bgcolor=SEA,
        domain={"x": [0, LEGEND_COLUMN], "y": [0, 1]},
    )
    ids = list(dict.fromkeys(list(BOUNDARY_SOURCES) + list(source_ids)))
    apply_house_style(fig, title=title, source_ids=ids, subtitle=subtitle, height=height)
    fig.update_layout(
        margin={"l": 10, "r": 10, "t": 80 if subtitle else 60, "b": 120},
        legend={"orientation": "v", "x": 1, "y": 1, "xanchor": "right", "yanchor": "top",
                "bgcolor": "rgba(255,255,255,0.85)", "bordercolor": "#CCCCCC", "borderwidth": 1,
                "font": {"size": 11}},
        hoverlabel={"bgcolor": "white", "font": {"size": 12}},
    )
    caption_lines = max(1, len(wrap_lines(caption, 150)))
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


def _caption_annotation_text(caption: str) -> str:
    return "<br>".join(html_text(line) for line in wrap_lines(caption, 150))


# --- the maps --------------------------------------------------------------------------------


NOT_DRAWN_2022 = "Not drawn: the areas of Ukraine<br>occupied by Russia since 2022.<br>The front line moves, and we have<br>no sourced line for it."


REGION_BOUNDS = (13.0, 29.0, 57.0, 56.8)
REGION_PLACES = ("ankara", "istanbul", "kyiv", "moscow", "damascus", "gaza-city")
REGION_LABELS = {"ankara": "bottom center", "istanbul": "top left", "kyiv": "top center", "moscow": "bottom right",
                 "damascus": "middle right", "gaza-city": "middle right"}
REGION_COLORS = {"TUR": OKABE_ITO["blue"], "UKR": OKABE_ITO["sky"], "SYR": OKABE_ITO["green"],
                 "PSE": OKABE_ITO["purple"]}
# The occupied areas in the Levant are too small to read at this scale: named on leader lines
# from a point inside each to a label in the open sea.
REGION_CALLOUTS = {"SY-GOLAN": (33.9, 34.1, "Golan Heights"), "PS-WBK": (33.6, 33.0, "West Bank"),
                   "PS-GZZ": (33.2, 32.1, "Gaza Strip")}
REGION_SEAS = ((34.0, 43.4, "Black Sea"), (20.0, 35.0, "Mediterranean Sea"))


def region_map(*, title: str = "Turkey sits between the wars in Ukraine, Syria and Gaza",
               subtitle: str | None = "Turkey, Ukraine, Syria and the Palestinian territories, and the capitals in the chapters",
               places: Sequence[str] = REGION_PLACES, label_positions: Mapping[str, str] | None = None,
               label_offsets: Mapping[str, tuple[float, float]] | None = None, height: int = 820) -> go.Figure:
    """An overview of the region with Turkey, Ukraine, Syria and the Palestinian territories
    coloured (their colours in the legend) and the small occupied areas named on leader lines."""
    bounds = REGION_BOUNDS
    subjects = list(REGION_COLORS)
    countries = geo.clip(geo.load_boundaries("admin0"), padded(bounds))
    regions = geo.load_boundaries("admin1")
    marked = regions[regions["status"] != ""]
    fig, positions, offsets = start_map(
        bounds, ["RUS", "EGY", "IRN", "SAU", "ROU", "BLR", "POL", "GRC", "BGR", "GEO", "IRQ", "LBY", "KAZ", "DEU", "ITA"], positions={"SAU": (41.0, 29.6)},
        labels=(REGION_LABELS, {}), chosen=(label_positions, label_offsets),
    )
    # a conic frame's corners reach wider; at about 3 km a pixel, 0.02° (2 km) of simplification does not show
    for trace in context_traces(bounds, exclude=subjects, digits=3, pad=4.0, simplify_degrees=0.02):
        fig.add_trace(trace)
    for rank, iso3 in enumerate(subjects):
        shape = countries[countries["iso3"] == iso3]
        fig.add_trace(areas_trace(shape, name=str(shape["name"].iloc[0]), color=REGION_COLORS[iso3], line_color=BORDER,
                                   line_width=0.8, digits=3))
        fig.data[-1].showlegend = True
        fig.data[-1].legendrank = 10 + rank
    fig.add_trace(sea_labels(REGION_SEAS))
    fig.add_trace(occupied_outline(marked))
    lons, lats, callouts = [], [], []
    for area_id, (lon, lat, text) in REGION_CALLOUTS.items():
        inside = marked.loc[marked["id"] == area_id, "geometry"].iloc[0].representative_point()
        lons += [round(inside.x, 3), lon, None]
        lats += [round(inside.y, 3), lat, None]
        callouts.append((lon, lat, text))
    fig.add_trace(go.Scattergeo(lon=lons, lat=lats, mode="lines", line={"color": LEADER_LINE, "width": 0.8},
                                hoverinfo="skip", showlegend=False, name="Label leader lines",
                                meta={"describe": "thin lines joining the Golan Heights, the West Bank and the "
                                      "Gaza Strip to their labels"}))
    fig.add_trace(text_labels(callouts, name="Occupied areas named", color=TEXT, textposition="middle left"))
    for trace in places_traces(places, positions, offsets):
        fig.add_trace(trace)
    note = geo.policy_note(marked["status"], east_jerusalem=True)
    caption = (f"Turkey, Ukraine, Syria and Palestine coloured (see the legend), other countries in grey. {note} "
               "Areas of Ukraine occupied by Russia since 2022 are not drawn.")
    finish(fig, bounds=bounds, title=title, subtitle=subtitle, caption=caption, place_ids=places,
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
    west, south, east, north = west - 1.5, south - 1.0, east + 1.5, north + 1.0
    # widen to a landscape frame (about 1.8 : 1 on the map) so the map fills the width beside its legend
    wanted = 1.8 * (north - south) / math.cos(math.radians((north + south) / 2))
    if east - west < wanted:
        extra = (wanted - (east - west)) / 2
        west, east = west - extra, east + extra
    bounds = _check_bounds((max(west, -180), max(south, -90), min(east, 180), min(north, 90)))
    place_ids = list(dict.fromkeys([center, *places]))
    fig = go.Figure()
    fig.add_trace(country_labels(bounds, ["GRC", "BGR", "GEO", "ARM", "IRN", "IRQ", "SYR", "CYP", "RUS", "UKR",
                                           "ROU", "EGY", "ISR", "LBN", "JOR", "SAU", "AZE"]))
    for trace in context_traces(bounds, exclude=["TUR"]):
        fig.add_trace(trace)
    turkey = geo.clip(geo.load_boundaries("admin0"), padded(bounds))
    fig.add_trace(areas_trace(turkey[turkey["iso3"] == "TUR"], name="Turkey", color=SUBJECT, line_color=BORDER,
                               line_width=0.8))
    palette = [OKABE_ITO["vermillion"], OKABE_ITO["orange"], OKABE_ITO["purple"], OKABE_ITO["blue"]]
    for index, (radius, ring) in enumerate(zip(radii, rings)):
        lons, lats = geo.outline_lonlat(ring)
        label = ring_labels[index] if ring_labels else f"{radius:,.0f} km"
        fig.add_trace(go.Scattergeo(lon=lons, lat=lats, mode="lines", name=html_text(label),
                                    line={"color": palette[index % len(palette)], "width": 2}, hoverinfo="name",
                                    meta={"describe": f"{radius:,.0f} km from {middle['name']}"}))
    for trace in places_traces(place_ids, {center: "top left", "ankara": "bottom right"}):
        fig.add_trace(trace)
    caption = (f"Circles of equal distance from {middle['name']}, computed on the WGS 84 ellipsoid. "
               + geo.policy_note([]))
    radii_text = ", ".join(f"{radius:,.0f}" for radius in radii)
    finish(fig, bounds=bounds, title=title, subtitle=subtitle, caption=caption, place_ids=place_ids,
            summary=f"A map of true distance rings of {radii_text} km around {middle['name']}.",
            source_ids=list(source_ids), height=height)
    return fig


def all_maps() -> dict:
    """Every map drawn with its defaults, by short name: the topics' maps and the overview.
    (The topics' map modules build on this one, so they are imported only when asked for.)"""
    from explainer.blocs.map import turkey_map
    from explainer.gaza.map import gaza_map
    from explainer.syria.map import syria_map
    from explainer.ukraine.map import ukraine_map

    return {"turkey": turkey_map, "syria": syria_map, "ukraine": ukraine_map, "gaza": gaza_map, "region": region_map}
