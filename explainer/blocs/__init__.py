"""Turkey between the blocs: its partners, the turning points in U.S.–Turkey relations, and the
2003 parliamentary vote as the reports of the day gave it.

Data: ``data/us_turkey_turning_points.csv`` (events of the shared timeline that the sources
describe as bringing the two countries closer or straining ties), ``data/turkey_partners.csv``
and ``data/vote_2003.csv``.

Examples
--------
>>> from explainer import blocs
>>> points = blocs.turning_points()
>>> set(points["direction"]) == {"closer", "strained"}
True
>>> blocs.vote_2003_table().columns[0]
'Figure'

Modules by job: ``blocs.data``, ``blocs.tables``, ``blocs.figures``, ``blocs.map``; import their names from here.
"""

from __future__ import annotations

from explainer.blocs.data import (  # noqa: F401
    load_partners,
    load_vote_2003,
    turning_points,
)
from explainer.blocs.tables import (  # noqa: F401
    CLAIM_IDS,
    DIRECTIONS,
    UNITS,
    chapter_claims,
    partners_table,
    turning_points_table,
    vote_2003_table,
)
from explainer.blocs.figures import (  # noqa: F401
    aid_offer_chart,
    turning_points_chart,
)
from explainer.blocs.map import (  # noqa: F401
    TURKEY_BOUNDS,
    TURKEY_LABELS,
    TURKEY_OFFSETS,
    TURKEY_PLACES,
    TURKEY_SEAS,
    turkey_map,
)

__all__ = [
    "CLAIM_IDS",
    "DIRECTIONS",
    "TURKEY_BOUNDS",
    "TURKEY_LABELS",
    "TURKEY_OFFSETS",
    "TURKEY_PLACES",
    "TURKEY_SEAS",
    "UNITS",
    "aid_offer_chart",
    "chapter_claims",
    "load_partners",
    "load_vote_2003",
    "partners_table",
    "turkey_map",
    "turning_points",
    "turning_points_chart",
    "turning_points_table",
    "vote_2003_table",
]
