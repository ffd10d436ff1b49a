"""The Brunson affair of 2016–2018: the case, the lira in the 2018 crisis, and the F-35 comparison.

Data: ``data/lira_2018.csv`` (the lira against the dollar as news reports state it, each value
with its publisher), ``data/brunson_f35_comparison.csv`` (the Brunson case and the S-400/F-35
dispute, aspect by aspect) and the shared timeline ``data/events.csv``.

Examples
--------
>>> from explainer import brunson
>>> rates = brunson.lira_rates()
>>> bool((rates["value"] > 1).all())
True
>>> int(brunson.dispute_durations().loc[0, "days"])
72

Modules by job: ``brunson.data``, ``brunson.tables``, ``brunson.figures``; import their names from here.
"""

from __future__ import annotations

from explainer.brunson.data import (  # noqa: F401
    DISPUTES,
    dispute_durations,
    event_date,
    lira_falls,
    lira_rates,
    load_comparison,
    load_lira,
    load_periods,
)
from explainer.brunson.tables import (  # noqa: F401
    CLAIM_IDS,
    KINDS,
    LIRA_VALUE_COLUMN,
    START_OF_YEAR,
    chapter_claims,
    comparison_table,
    lira_table,
)
from explainer.brunson.figures import (  # noqa: F401
    LANES,
    LANE_NAMES,
    LIRA_MARKERS,
    PERIOD_STYLES,
    case_timeline_chart,
    daily_fall_chart,
    dispute_duration_chart,
    lira_chart,
)

__all__ = [
    "CLAIM_IDS",
    "DISPUTES",
    "KINDS",
    "LANES",
    "LANE_NAMES",
    "LIRA_MARKERS",
    "LIRA_VALUE_COLUMN",
    "PERIOD_STYLES",
    "START_OF_YEAR",
    "case_timeline_chart",
    "chapter_claims",
    "comparison_table",
    "daily_fall_chart",
    "dispute_duration_chart",
    "dispute_durations",
    "event_date",
    "lira_chart",
    "lira_falls",
    "lira_rates",
    "lira_table",
    "load_comparison",
    "load_lira",
    "load_periods",
]
