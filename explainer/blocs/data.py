"""Chapter 01, Turkey between the blocs: loading and checking its tables, and the facts computed from them.

Examples
--------
>>> from explainer.blocs.data import turning_points
>>> sorted(set(turning_points()["direction"]))
['closer', 'strained']
"""

from __future__ import annotations

import pandas as pd

from explainer.tables import load_table
from explainer.prose import format_date
from explainer.timeline import events


def turning_points() -> pd.DataFrame:
    """The turning points joined to their timeline events (date, title), oldest first.

    Raises ``ValueError`` naming any event id that is not in the shared timeline.
    """
    points = load_table("us_turkey_turning_points")
    timeline = events().set_index("event_id")
    missing = [event_id for event_id in points["event_id"] if event_id not in timeline.index]
    if missing:
        raise ValueError(f"explainer: us_turkey_turning_points names event(s) {missing} that data/events.csv does not have")
    joined = points.join(timeline[["date", "date_precision", "title"]], on="event_id")
    joined["when"] = [format_date(row.date, row.date_precision) for row in joined.itertuples(index=False)]
    return joined.sort_values(["date", "event_id"]).reset_index(drop=True)


def load_vote_2003() -> pd.DataFrame:
    """The 2003 vote figures, one row per figure and publisher."""
    return load_table("vote_2003")


def load_partners() -> pd.DataFrame:
    """Turkey's partners as stored (``data/turkey_partners.csv``), with ``;``-separated ``source_ids``."""
    return load_table("turkey_partners")
