"""Turkey's mediation in the Russia–Ukraine war: the talks it hosted and the Black Sea Grain Initiative.

Loaders for the chapter's tables (``data/ukraine_talks*.csv``, ``data/grain_initiative_*.csv``),
reader-friendly views of them, and the chapter's figures. Contested figures (prisoners, bodies,
who received the grain) keep the name of whoever reported them, in the tables and in the charts.

Examples
--------
>>> from explainer import ukraine
>>> list(ukraine.talks()["city"].unique())
['Antalya', 'Istanbul']
>>> ukraine.grain_total("cargo-total")
32.8

Modules by job: ``ukraine.data``, ``ukraine.tables``, ``ukraine.figures``, ``ukraine.map``; import their names from here.
"""

from __future__ import annotations

from explainer.ukraine.data import (  # noqa: F401
    GRAIN_ENDED,
    GRAIN_SIGNED,
    MEASURES,
    PEACE_PUSH_START,
    PERIODS,
    grain_commodities,
    grain_destinations,
    grain_total,
    grain_totals,
    peace_push_events,
    talk_figures,
    talk_label,
    talks,
)
from explainer.ukraine.tables import (  # noqa: F401
    CLAIM_IDS,
    MEASURE_LABELS,
    chapter_claims,
    first_fortnight_destinations_table,
    grain_totals_sentence,
    grain_totals_table,
    income_groups_table,
    source_ids_of_chapter,
    talk_figures_table,
    talks_table,
)
from explainer.ukraine.figures import (  # noqa: F401
    COMMODITY_DECIMALS,
    SIDE_COLOURS,
    commodity_chart,
    destinations_chart,
    prisoners_chart,
    talks_timeline_chart,
)
from explainer.ukraine.map import (  # noqa: F401
    GRAIN_OPEN_SEA,
    UKRAINE_BOUNDS,
    UKRAINE_LABELS,
    UKRAINE_OFFSETS,
    UKRAINE_PLACES,
    UKRAINE_SEAS,
    ukraine_map,
)

__all__ = [
    "GRAIN_ENDED",
    "GRAIN_SIGNED",
    "CLAIM_IDS",
    "COMMODITY_DECIMALS",
    "GRAIN_OPEN_SEA",
    "MEASURES",
    "MEASURE_LABELS",
    "PEACE_PUSH_START",
    "PERIODS",
    "SIDE_COLOURS",
    "UKRAINE_BOUNDS",
    "UKRAINE_LABELS",
    "UKRAINE_OFFSETS",
    "UKRAINE_PLACES",
    "UKRAINE_SEAS",
    "chapter_claims",
    "commodity_chart",
    "destinations_chart",
    "first_fortnight_destinations_table",
    "grain_commodities",
    "grain_destinations",
    "grain_total",
    "grain_totals",
    "grain_totals_sentence",
    "grain_totals_table",
    "income_groups_table",
    "peace_push_events",
    "prisoners_chart",
    "source_ids_of_chapter",
    "talk_figures",
    "talk_figures_table",
    "talk_label",
    "talks",
    "talks_table",
    "talks_timeline_chart",
    "ukraine_map",
]
