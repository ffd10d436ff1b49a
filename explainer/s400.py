"""The S-400's published engagement ranges, drawn as true geodesic rings around Mürted Air Base.

Examples
--------
>>> from explainer.s400 import load_s400_ranges
>>> int(load_s400_ranges()["range_km"].max())
400
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from explainer.geo import distance_km, place
from explainer.maps import range_rings_map
from explainer.tables import format_ids, load_table, split_list

MARKED_PLACES = ("ankara", "istanbul", "incirlik-air-base")


def load_s400_ranges() -> pd.DataFrame:
    """The ranges in ``data/s400_ranges.csv``, shortest first."""
    return load_table("s400_ranges").sort_values("range_km").reset_index(drop=True)


def s400_range_map(
    *,
    center: str = "murted-air-base",
    title: str | None = None,
    subtitle: str | None = "Rings at the published ranges of the S-400's four missile types: maxima on paper, not coverage",
) -> go.Figure:
    """Rings at each published S-400 missile range around ``center`` (a gazetteer id), with
    Ankara, Istanbul and Incirlik Air Base marked. The default title says, from the data, which
    of them lie inside the longest ring and which outside."""
    ranges = load_s400_ranges()
    if title is None:
        title = _reach_title(center, int(ranges["range_km"].max()))
    source_ids = list(dict.fromkeys(source for cell in ranges["source_ids"] for source in split_list(cell)))
    return range_rings_map(
        center=center,
        radii_km=[float(value) for value in ranges["range_km"]],
        ring_labels=[f"{label}: {value} km" for label, value in zip(ranges["label"], ranges["range_km"])],
        title=title,
        subtitle=subtitle,
        source_ids=source_ids,
    )


def ranges_table() -> pd.DataFrame:
    """The published ranges as a reader reads them."""
    table = load_s400_ranges()
    return pd.DataFrame({
        "Missile type": table["label"],
        "Published range (km)": table["range_km"],
        "What it is": table["note"],
        "Sources": table["source_ids"].map(lambda cell: format_ids(cell)),
    })


def place_distances(center: str = "murted-air-base", place_ids=MARKED_PLACES) -> pd.DataFrame:
    """Great-circle (WGS 84 geodesic) distance in km from ``center`` to each of ``place_ids``."""
    origin = place(center)
    rows = []
    for place_id in place_ids:
        target = place(place_id)
        rows.append({"place_id": place_id, "name": target["name"],
                     "distance_km": distance_km(origin["latitude"], origin["longitude"], target["latitude"], target["longitude"])})
    return pd.DataFrame(rows)


def _reach_title(center: str, longest_km: int) -> str:
    distances = place_distances(center)
    inside = distances[distances["distance_km"] <= longest_km]
    outside = distances[distances["distance_km"] > longest_km]
    name = place(center)["name"].removesuffix(" Air Base")
    title = f"A {longest_km} km ring around {name} spans " + " and ".join(inside["name"])
    if not outside.empty:
        title += " but not " + " or ".join(f"{row.name} ({row.distance_km:.0f} km)" for row in outside.itertuples())
    return title
