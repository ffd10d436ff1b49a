"""Chapter 01, Turkey between the blocs: the map of Turkey, its provinces, its air bases and both
straits between the Black Sea and the Mediterranean.

Examples
--------
>>> from explainer.blocs.map import turkey_map
>>> "straits" in turkey_map().layout.meta["summary"]
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from explainer import geo
from explainer.maps import SUBJECT, SUBJECT_LINE, areas_trace, context_traces, finish, places_traces, sea_labels, start_map


TURKEY_BOUNDS = (23.0, 34.4, 45.5, 43.6)
TURKEY_PLACES = ("ankara", "istanbul", "izmir", "antalya", "murted-air-base", "incirlik-air-base", "bosporus",
                 "dardanelles")
TURKEY_LABELS = {"ankara": "bottom right", "murted-air-base": "top left",
                 "bosporus": "top right", "dardanelles": "bottom left", "izmir": "middle left",
                 "incirlik-air-base": "bottom center", "antalya": "bottom center"}
# Istanbul sits inside the Bosporus ring: its label stands off on a leader line.
TURKEY_OFFSETS = {"istanbul": (-0.8, 0.3)}
# Sea names at fixed points in open water (tests check that no country contains them).
TURKEY_SEAS = ((34.0, 42.75, "Black Sea"), (28.05, 40.62, "Sea of<br>Marmara"), (25.0, 38.9, "Aegean<br>Sea"),
               (30.6, 35.2, "Mediterranean Sea"))


def turkey_map(*, title: str = "Turkey holds both straits between the Black Sea and the Mediterranean",
               subtitle: str | None = "Turkey's provinces, the Bosporus and the Dardanelles, and the air bases in the chapters",
               places: Sequence[str] = TURKEY_PLACES, label_positions: Mapping[str, str] | None = None,
               label_offsets: Mapping[str, tuple[float, float]] | None = None, height: int = 600) -> go.Figure:
    """Turkey and its 81 provinces, the straits, the seas they join, Ankara, Istanbul and the
    Mürted and Incirlik air bases."""
    bounds = TURKEY_BOUNDS
    provinces = geo.load_boundaries("admin1")
    provinces = provinces[provinces["iso3"] == "TUR"]
    fig, positions, offsets = start_map(
        bounds, ["GRC", "BGR", "GEO", "ARM", "IRN", "IRQ", "SYR", "CYP"], positions={"GRC": (24.0, 41.05)},
        labels=(TURKEY_LABELS, TURKEY_OFFSETS), chosen=(label_positions, label_offsets),
    )
    for trace in context_traces(bounds, exclude=["TUR"]):
        fig.add_trace(trace)
    fig.add_trace(areas_trace(provinces, name="Turkey's provinces", color=SUBJECT, line_color=SUBJECT_LINE,
                               line_width=0.5, describe=f"Turkey's {len(provinces)} provinces"))
    fig.add_trace(sea_labels(TURKEY_SEAS))
    for trace in places_traces(places, positions, offsets):
        fig.add_trace(trace)
    caption = (f"Turkey's {len(provinces)} provinces in blue, its neighbours in grey. " + geo.policy_note([])
               + " Place coordinates: data/places.csv.")
    finish(fig, bounds=bounds, title=title, subtitle=subtitle, caption=caption, place_ids=places,
            summary=f"A map of Turkey's {len(provinces)} provinces marking the straits (the Bosporus and the "
            "Dardanelles) between the Black Sea, the Sea of Marmara and the Aegean, Ankara, Istanbul and the "
            "Mürted and Incirlik air bases.",
            source_ids=["dailysabah-2019-07-13-murted-s400"], height=height)
    return fig
