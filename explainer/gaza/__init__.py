"""Gaza: the Strip's size and crossings, the aid figures and the casualty figures, each attributed.

Every figure comes from a table of the data package (``gaza_facts``, ``gaza_access``,
``gaza_aid``, ``gaza_casualties``) and keeps its publisher and its "as of" date, because the
numbers about Gaza are contested: the same quantity is often counted differently by different
publishers. Turkey's own aid figures are flagged as such (``turkey_own_figure``).

Examples
--------
>>> from explainer import gaza
>>> sorted(set(gaza.facts().query("measure == 'area'")["value"]))
[360.0, 365.0]
>>> gaza.aid()["turkey_own_figure"].dtype
dtype('bool')

Modules by job: ``gaza.data``, ``gaza.tables``, ``gaza.figures``, ``gaza.map``; import their names from here.
"""

from __future__ import annotations

from explainer.gaza.data import (  # noqa: F401
    EL_ARISH_RAFAH_FACTS,
    FIXED_MEASURES,
    TRUCES,
    access_points,
    aid,
    casualties,
    disagreements,
    distance_check,
    facts,
    governorates,
    lancet_comparison,
    ranges_across_dates,
    straight_line_km,
    truces,
)
from explainer.gaza.tables import (  # noqa: F401
    GAZA_CLAIMS,
    access_table,
    aid_table,
    casualties_table,
    distance_sentence,
    facts_table,
    gaza_claims,
    sources_cited,
)
from explainer.gaza.figures import (  # noqa: F401
    DEATH_MEASURES,
    SYMBOLS,
    aid_comparison_chart,
    casualty_chart,
    ceasefires_chart,
    print_lancet_comparison,
    turkey_aid_chart,
)
from explainer.gaza.map import (  # noqa: F401
    GAZA_BOUNDS,
    GAZA_COUNTRY_LABELS,
    GAZA_LABELS,
    GAZA_OFFSETS,
    GAZA_PLACES,
    GAZA_SEAS,
    GAZA_TERRITORY_LABELS,
    gaza_map,
)

__all__ = [
    "DEATH_MEASURES",
    "EL_ARISH_RAFAH_FACTS",
    "FIXED_MEASURES",
    "GAZA_BOUNDS",
    "GAZA_CLAIMS",
    "GAZA_COUNTRY_LABELS",
    "GAZA_LABELS",
    "GAZA_OFFSETS",
    "GAZA_PLACES",
    "GAZA_SEAS",
    "GAZA_TERRITORY_LABELS",
    "SYMBOLS",
    "TRUCES",
    "access_points",
    "access_table",
    "aid",
    "aid_comparison_chart",
    "aid_table",
    "casualties",
    "casualties_table",
    "casualty_chart",
    "ceasefires_chart",
    "disagreements",
    "distance_check",
    "distance_sentence",
    "facts",
    "facts_table",
    "gaza_claims",
    "gaza_map",
    "governorates",
    "lancet_comparison",
    "print_lancet_comparison",
    "ranges_across_dates",
    "sources_cited",
    "straight_line_km",
    "truces",
    "turkey_aid_chart",
]
