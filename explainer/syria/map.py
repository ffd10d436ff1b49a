"""Chapter 04, Syria: the map of its governorates, with the Golan Heights marked as occupied and
the two north-western crossings to Turkey, Bab al-Hawa and Bab al-Salam.

The two smallest governorates are left unnamed on the map; the caption says so.

>>> from explainer.syria.map import SYRIA_UNLABELLED, syria_map
>>> SYRIA_UNLABELLED
('SY-DI', 'SY-QU')
>>> syria_map().layout.meta["caption"].startswith("Syria's 14 governorates")
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import geopandas as gpd
import plotly.graph_objects as go
import shapely

from explainer import geo
from explainer.maps import POLICY_SOURCES, REGION_LABEL, SUBJECT, SUBJECT_LINE, areas_trace, context_traces, finish, html_text, occupied_outline, places_traces, regions_of, start_map, text_labels
from explainer.syria.data import governorates


SYRIA_BOUNDS = (32.6, 31.9, 44.6, 38.8)
SYRIA_PLACES = ("damascus", "aleppo", "idlib", "bab-al-hawa", "bab-al-salam")
SYRIA_LABELS = {"idlib": "middle left", "aleppo": "bottom right", "damascus": "bottom right"}
# The crossings sit on the border line: their labels stand off into Turkey, on leader lines.
SYRIA_OFFSETS = {"bab-al-hawa": (-0.7, 0.3), "bab-al-salam": (0.0, 0.42)}
SYRIA_COUNTRY_LABELS = {"TUR": (38.6, 38.05), "ISR": (35.1, 32.5), "LBN": (35.55, 33.75)}
# Governorate names sit at a point inside each; these move a few off the places named the same.
SYRIA_GOVERNORATE_LABELS = {"SY-HL": (37.85, 36.45), "SY-ID": (36.62, 35.6), "SY-RD": (37.9, 33.2),
                            "SY-DR": (36.25, 32.7)}
SYRIA_UNLABELLED = ("SY-DI", "SY-QU")  # Damascus city and Quneitra: too small to name legibly


def _governorate_labels(frame: gpd.GeoDataFrame, positions: Mapping[str, tuple[float, float]],
                        skip: Sequence[str] = ()) -> go.Scattergeo:
    labels = []
    for row in frame.itertuples():
        if row.id in skip:
            continue
        if row.id in positions:
            lon, lat = positions[row.id]
        else:
            point = row.geometry.representative_point()
            lon, lat = round(point.x, 3), round(point.y, 3)
        labels.append((lon, lat, html_text(row.name)))
    trace = text_labels(labels, name="Governorate names", color=REGION_LABEL, size=10, showlegend=True,
                         describe="governorates named on the map: " + ", ".join(t for _, _, t in labels))
    trace.meta = {**trace.meta, "ids": [i for i in frame["id"] if i not in skip]}
    trace.legendrank = 950
    return trace


def _shared_border(iso3_a: str, iso3_b: str, *, name: str) -> go.Scattergeo:
    """The land border two countries share (from the admin-0 layer), as one dark line."""
    countries = geo.load_boundaries("admin0").set_index("iso3")
    line = shapely.line_merge(countries.loc[iso3_a, "geometry"].boundary.intersection(
        countries.loc[iso3_b, "geometry"].boundary))
    lons, lats = [], []
    for part in shapely.get_parts(line):
        xs, ys = part.xy
        lons += [round(x, 4) for x in xs] + [None]
        lats += [round(y, 4) for y in ys] + [None]
    return go.Scattergeo(lon=lons, lat=lats, mode="lines", line={"color": "#333333", "width": 2.2}, name=name,
                         hoverinfo="name", legendrank=800, meta={"describe": f"the {name}, drawn as a dark line"})


def syria_map(*, title: str = "Syria's 14 governorates, with the Bab al-Hawa and Bab al-Salam crossings to Turkey",
              subtitle: str | None = "Syria's governorates, its border with Turkey and two north-western crossings",
              places: Sequence[str] = SYRIA_PLACES, label_positions: Mapping[str, str] | None = None,
              label_offsets: Mapping[str, tuple[float, float]] | None = None, height: int = 700) -> go.Figure:
    """Syria's governorates (named), the Golan Heights marked as occupied, southern Turkey and
    the crossings between them."""
    bounds = SYRIA_BOUNDS
    governorates, golan = regions_of("SYR")
    fig, positions, offsets = start_map(
        bounds, ["TUR", "IRQ", "JOR", "LBN", "ISR"], positions=SYRIA_COUNTRY_LABELS,
        labels=(SYRIA_LABELS, SYRIA_OFFSETS), chosen=(label_positions, label_offsets),
    )
    for trace in context_traces(bounds, exclude=["SYR"]):
        fig.add_trace(trace)
    fig.add_trace(areas_trace(governorates, name="Syria's governorates", color=SUBJECT, line_color=SUBJECT_LINE,
                               line_width=0.6, describe=f"Syria's {len(governorates)} governorates: "
                               + ", ".join(sorted(governorates["name"]))))
    fig.add_trace(areas_trace(golan, name="Golan Heights", color=SUBJECT, line_color=SUBJECT_LINE, line_width=0.6))
    fig.add_trace(_governorate_labels(governorates, SYRIA_GOVERNORATE_LABELS, SYRIA_UNLABELLED))
    fig.add_trace(occupied_outline(golan))
    fig.add_trace(_shared_border("SYR", "TUR", name="Syria–Turkey border"))
    for trace in places_traces(places, positions, offsets):
        fig.add_trace(trace)
    note = geo.policy_note(golan["status"])
    caption = (f"Syria's {len(governorates)} governorates in blue (named in grey, except the small Damascus and "
               f"Quneitra governorates), its neighbours in grey, the Syria–Turkey border as a dark line. {note} "
               "Place coordinates: data/places.csv.")
    finish(fig, bounds=bounds, title=title, subtitle=subtitle, caption=caption, place_ids=places,
            summary=f"A map of Syria's {len(governorates)} governorates and southern Turkey with Damascus, Aleppo, "
            "Idlib and the Bab al-Hawa and Bab al-Salam crossings to Turkey; the Golan Heights are marked as "
            "Syrian territory occupied by Israel.",
            source_ids=[POLICY_SOURCES[s] for s in sorted(set(golan["status"]))], height=height)
    return fig
