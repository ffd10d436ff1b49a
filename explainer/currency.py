"""How current a chapter is: the newest dated fact behind it, computed from the data.

A chapter states the date its facts run to by calling :func:`facts_run_to`, so the date moves
when the data move and no chapter has to retype it.

Examples
--------
>>> from explainer.currency import newest_fact
>>> newest_fact(["ukraine"]) >= newest_fact(["ukraine"], tables={})
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from explainer.prose import Sentence
from explainer.sources import load_sources
from explainer.tables import load_table
from explainer.timeline import events


def newest_fact(topics: Sequence[str], tables: Mapping[str, str] | None = None) -> pd.Timestamp:
    """The newest date among the timeline's events of ``topics`` and the given table columns.

    ``tables`` maps a data-package table to its date column (e.g. ``{"ukraine_talks": "date"}``).
    Raises ``ValueError`` naming a topic with no events, or a column the table does not have.
    """
    if isinstance(topics, str):
        raise TypeError("explainer: topics must be a list of topic tags, not a single string")
    dates = []
    for topic in topics:
        topical = events([topic])
        if topical.empty:
            raise ValueError(f"explainer: topic {topic!r} has no events in data/events.csv")
        dates.append(topical["date"].max())
    for table, column in (tables or {}).items():
        frame = load_table(table)
        if column not in frame.columns:
            raise ValueError(f"explainer: table {table!r} has no column {column!r}; columns are {list(frame.columns)}")
        dates.append(pd.to_datetime(frame[column]).max())
    return max(dates)


def facts_run_to(topics: Sequence[str], tables: Mapping[str, str] | None = None) -> Sentence:
    """One sentence saying the date a chapter's facts run to and when the sources were read."""
    newest = newest_fact(topics, tables)
    read = load_sources()["date_accessed"].max()
    return Sentence(
        f"The facts in this chapter run to {newest:%-d %B %Y}, the newest dated fact in its data "
        f"(the shared timeline and the chapter's own tables); the sources were last read on {read:%-d %B %Y}."
    )
