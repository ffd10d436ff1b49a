"""Syria: Syrians under temporary protection in Turkey, returns since the fall of Assad, and
U.S. sanctions, each figure attributed to its publisher.

The tables live in ``data/`` (``syrian_refugees_turkey``, ``syria_returns``, ``syria_sanctions``,
``syria_governorates``, ``syria_border_crossings``, ``syria_turkish_operations``); this module
loads them, turns them into reader-facing tables and draws them.

Examples
--------
>>> from explainer import syria
>>> sorted(set(syria.refugees()["publisher"]))
['Turkish government', 'UNHCR']
>>> syria.latest_figures().empty
False

Modules by job: ``syria.data``, ``syria.tables``, ``syria.figures``, ``syria.map``; import their names from here.
"""

from __future__ import annotations

from explainer.syria.data import (  # noqa: F401
    GAP_DAYS,
    MEASURE_NAMES,
    TURKISH_GOVERNMENT,
    UNVERIFIED,
    border_crossings,
    gaps,
    governorates,
    in_force,
    latest_figures,
    measure_name,
    refugees,
    register_change,
    register_peak,
    returns,
    sanctions,
    sanctions_on,
    turkish_operations,
    verified,
)
from explainer.syria.tables import (  # noqa: F401
    CROSSINGS_CONTROL_COLUMN,
    RETURN_MEASURES,
    call_claims,
    crossings_table,
    governorates_table,
    operations_table,
    refugees_table,
    register_change_sentence,
    register_peak_sentence,
    returns_table,
    sanctions_table,
)
from explainer.syria.figures import (  # noqa: F401
    FALL_OF_ASSAD,
    MAX_SOURCES_IN_LINE,
    PUBLISHERS,
    REFUGEE_AXIS_TITLE,
    RETURNS_AXIS_TITLE,
    STILL_IN_FORCE,
    UNHCR,
    refugee_chart,
    returns_chart,
    sanctions_timeline_chart,
)
from explainer.syria.map import (  # noqa: F401
    SYRIA_BOUNDS,
    SYRIA_COUNTRY_LABELS,
    SYRIA_GOVERNORATE_LABELS,
    SYRIA_LABELS,
    SYRIA_OFFSETS,
    SYRIA_PLACES,
    SYRIA_UNLABELLED,
    syria_map,
)

__all__ = [
    "CROSSINGS_CONTROL_COLUMN",
    "FALL_OF_ASSAD",
    "GAP_DAYS",
    "MAX_SOURCES_IN_LINE",
    "MEASURE_NAMES",
    "PUBLISHERS",
    "REFUGEE_AXIS_TITLE",
    "RETURNS_AXIS_TITLE",
    "RETURN_MEASURES",
    "STILL_IN_FORCE",
    "SYRIA_BOUNDS",
    "SYRIA_COUNTRY_LABELS",
    "SYRIA_GOVERNORATE_LABELS",
    "SYRIA_LABELS",
    "SYRIA_OFFSETS",
    "SYRIA_PLACES",
    "SYRIA_UNLABELLED",
    "TURKISH_GOVERNMENT",
    "UNHCR",
    "UNVERIFIED",
    "border_crossings",
    "call_claims",
    "crossings_table",
    "gaps",
    "governorates",
    "governorates_table",
    "in_force",
    "latest_figures",
    "measure_name",
    "operations_table",
    "refugee_chart",
    "refugees",
    "refugees_table",
    "register_change",
    "register_change_sentence",
    "register_peak",
    "register_peak_sentence",
    "returns",
    "returns_chart",
    "returns_table",
    "sanctions",
    "sanctions_on",
    "sanctions_table",
    "sanctions_timeline_chart",
    "syria_map",
    "turkish_operations",
    "verified",
]
