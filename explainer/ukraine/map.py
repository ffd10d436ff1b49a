"""Chapter 02, Russia–Ukraine mediation: the map of Ukraine's oblasts, Crimea drawn per the
border policy, and the Black Sea Grain Initiative's ports and corridor past Istanbul.

>>> from explainer.ukraine.map import ukraine_map
>>> ukraine_map().layout.meta["caption"].startswith("Areas occupied since 2022 are not drawn")
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from explainer import geo
from explainer.style import OKABE_ITO
from explainer.maps import NOT_DRAWN_2022, POLICY_SOURCES, SUBJECT, SUBJECT_LINE, areas_trace, context_traces, finish, occupied_outline, places_traces, route, sea_labels, regions_of, side_note, start_map


UKRAINE_BOUNDS = (18.5, 40.4, 44.5, 52.6)
UKRAINE_PLACES = ("kyiv", "odesa", "chornomorsk", "pivdennyi", "simferopol", "istanbul", "bosporus")
UKRAINE_LABELS = {"istanbul": "bottom left", "bosporus": "middle right", "kyiv": "top center"}
# The three ports lie within 40 km of each other: their labels stand off, on leader lines.
UKRAINE_OFFSETS = {"pivdennyi": (1.5, 0.55), "odesa": (1.4, -0.2), "chornomorsk": (-1.3, -0.35),
                   "simferopol": (0.0, -0.85)}
UKRAINE_SEAS = ((33.6, 43.2, "Black Sea"), (36.7, 46.1, "Sea of<br>Azov"))
# Schematic corridor: from each port to the open sea, then towards the Bosporus (no published
# waypoints are used; the line shows direction, not the agreed track).
GRAIN_OPEN_SEA = (45.2, 30.9)


def ukraine_map(*, title: str = "Ukraine's grain left from three ports near Odesa and passed Istanbul",
                subtitle: str | None = "Ukraine's oblasts, Crimea, and the Black Sea Grain Initiative's ports and corridor",
                places: Sequence[str] = UKRAINE_PLACES, label_positions: Mapping[str, str] | None = None,
                label_offsets: Mapping[str, tuple[float, float]] | None = None, height: int = 760) -> go.Figure:
    """Ukraine's oblasts, Crimea marked per the border policy, and the grain corridor to the Bosporus."""
    bounds = UKRAINE_BOUNDS
    oblasts, crimea = regions_of("UKR")
    fig, positions, offsets = start_map(
        bounds, ["POL", "BLR", "RUS", "MDA", "ROU", "HUN", "SVK", "BGR", "TUR", "GEO"],
        labels=(UKRAINE_LABELS, UKRAINE_OFFSETS), chosen=(label_positions, label_offsets),
    )
    for trace in context_traces(bounds, exclude=["UKR"]):
        fig.add_trace(trace)
    fig.add_trace(areas_trace(oblasts, name="Ukraine's oblasts", color=SUBJECT, line_color=SUBJECT_LINE,
                               line_width=0.5, describe=f"Ukraine's {len(oblasts)} oblasts and Kyiv city"))
    fig.add_trace(areas_trace(crimea, name="Crimea and Sevastopol", color=SUBJECT, line_color=SUBJECT_LINE,
                               line_width=0.5))
    fig.add_trace(sea_labels(UKRAINE_SEAS))
    fig.add_trace(occupied_outline(crimea))
    ports = geo.places_frame(["odesa", "chornomorsk", "pivdennyi"])
    bosporus = geo.place("bosporus")
    for row in ports.itertuples():
        fig.add_trace(route([(row.latitude, row.longitude), GRAIN_OPEN_SEA], name="Grain corridor (schematic)",
                             color=OKABE_ITO["green"], width=2, describe=f"from {row.name} to the open sea"))
        fig.data[-1].showlegend = row.Index == 0
        fig.data[-1].legendgroup = "grain"
    fig.add_trace(route([GRAIN_OPEN_SEA, (bosporus.latitude, bosporus.longitude)], name="Grain corridor (schematic)",
                         color=OKABE_ITO["green"], width=3, describe="from the open sea to the Bosporus and Istanbul"))
    fig.data[-1].showlegend = False
    fig.data[-1].legendgroup = "grain"
    for trace in places_traces(places, positions, offsets):
        fig.add_trace(trace)
    note = geo.policy_note(crimea["status"])
    caption = (f"Areas occupied since 2022 are not drawn. Ukraine's {len(oblasts)} oblasts and Kyiv city in blue, "
               f"neighbours in grey. {note} The corridor is drawn schematically from the three ports to the Bosporus.")
    finish(fig, bounds=bounds, title=title, subtitle=subtitle, caption=caption, place_ids=places,
            summary="A map of Ukraine's oblasts with Crimea and Sevastopol marked as Ukrainian territory occupied by "
            "Russia since 2014, and the Black Sea Grain Initiative's route from Odesa, Chornomorsk and "
            "Pivdennyi through the Bosporus past Istanbul; areas occupied since 2022 are not drawn.",
            source_ids=[POLICY_SOURCES[s] for s in sorted(set(crimea["status"]))] + ["un-black-sea-grain-initiative"],
            height=height)
    side_note(fig, NOT_DRAWN_2022)
    return fig
