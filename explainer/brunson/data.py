"""Chapter 06, the Brunson affair: loading and checking its tables, and the facts computed from them.

Examples
--------
>>> from explainer.brunson.data import lira_rates
>>> lira_rates()["date"].dt.year.unique().tolist()
[2018]
"""

from __future__ import annotations

import pandas as pd

from explainer.tables import load_table, split_list
from explainer.prose import format_date
from explainer.timeline import events


# Each dispute: the event of the first US penalty, and the event that ended it (None: still open,
# measured to the newest event of the topic).
DISPUTES = {
    "Brunson case": {"topic": "brunson", "start": "2018-08-01-us-sanctions-turkish-ministers", "end": "2018-10-12-brunson-released"},
    "S-400/F-35 dispute": {"topic": "f35-s400", "start": "2018-08-13-fy2019-ndaa-f35-hold", "end": None},
}
_LIRA_LIMITS = {"lira-per-dollar": (1.0, 20.0), "fall-on-day-percent": (0.0, 100.0)}


def load_lira() -> pd.DataFrame:
    """The lira table (``data/lira_2018.csv``) in date order, its values checked for plausibility.

    Raises ``ValueError`` naming the row if a value is outside the range its measure allows
    (1–20 lira per dollar; 0–100 percent).
    """
    frame = load_table("lira_2018").sort_values(["date", "observation_id"]).reset_index(drop=True)
    for row in frame.itertuples(index=False):
        low, high = _LIRA_LIMITS[row.measure]
        if not low <= row.value <= high:
            raise ValueError(
                f"explainer: lira_2018 row {row.observation_id!r}: value {row.value} is outside {low}–{high} for {row.measure}"
            )
    return frame


def lira_rates() -> pd.DataFrame:
    """Only the exchange rates (lira per US dollar), in date order."""
    frame = load_lira()
    return frame[frame["measure"] == "lira-per-dollar"].reset_index(drop=True)


def lira_falls() -> pd.DataFrame:
    """The reported one-day falls of the lira (percent), largest first."""
    frame = load_lira()
    falls = frame[frame["measure"] == "fall-on-day-percent"]
    return falls.sort_values(["value", "publisher"], ascending=[False, True]).reset_index(drop=True)


def _event(event_id: str, argument: str) -> pd.Series:
    timeline = events().set_index("event_id")
    if event_id not in timeline.index:
        raise ValueError(f"explainer: {argument}={event_id!r} is not an event id of data/events.csv")
    return timeline.loc[event_id]


def load_periods() -> pd.DataFrame:
    """The case's periods (``data/brunson_periods.csv``): detention, house arrest, and the window
    from the first U.S. sanctions to the release.

    Raises ``ValueError`` naming the period if it ends before it starts, or if a period names an
    event of the timeline whose date differs from the period's.
    """
    frame = load_table("brunson_periods")
    timeline = events().set_index("event_id")
    for row in frame.itertuples(index=False):
        if row.end < row.start:
            raise ValueError(f"explainer: brunson_periods row {row.period_id!r} ends ({row.end:%Y-%m-%d}) before it starts ({row.start:%Y-%m-%d})")
        for column, date in (("start_event_id", row.start), ("end_event_id", row.end)):
            event_id = getattr(row, column)
            if not event_id:
                continue
            if event_id not in timeline.index:
                raise ValueError(f"explainer: brunson_periods row {row.period_id!r}: {column}={event_id!r} is not an event of data/events.csv")
            if timeline.loc[event_id, "date"] != date:
                raise ValueError(
                    f"explainer: brunson_periods row {row.period_id!r}: {column}={event_id!r} is dated "
                    f"{timeline.loc[event_id, 'date']:%Y-%m-%d}, not {date:%Y-%m-%d}"
                )
    return frame.assign(days=(frame["end"] - frame["start"]).dt.days)


def load_comparison() -> pd.DataFrame:
    """The comparison as stored (``data/brunson_f35_comparison.csv``), with ``;``-separated ``source_ids``."""
    return load_table("brunson_f35_comparison")


def dispute_durations(disputes: dict | None = None) -> pd.DataFrame:
    """Days from each dispute's first US penalty to its resolution, or to the topic's newest event
    if it is still open. Dates come from the shared timeline (day-precision events only)."""
    disputes = DISPUTES if disputes is None else disputes
    rows = []
    for name, spec in disputes.items():
        start = _event(spec["start"], f"disputes[{name!r}]['start']")
        if spec["end"] is not None:
            end, status = _event(spec["end"], f"disputes[{name!r}]['end']"), "resolved"
            end_id = spec["end"]
        else:
            topical = events(topics=[spec["topic"]])
            end = topical.iloc[-1]
            end_id, status = end["event_id"], "still open"
        for event, argument in ((start, "start"), (end, "end")):
            if event["date_precision"] != "day":
                raise ValueError(f"explainer: dispute {name!r}: the {argument} event is dated only to the {event['date_precision']}")
        rows.append(
            {
                "dispute": name,
                "first_penalty": start["title"],
                "first_penalty_date": start["date"],
                "until": end["title"],
                "until_date": end["date"],
                "days": int((end["date"] - start["date"]).days),
                "status": status,
                "source_ids": ";".join(dict.fromkeys(split_list(start["source_ids"]) + split_list(end["source_ids"]))),
                "end_event": end_id,
            }
        )
    return pd.DataFrame(rows)


def event_date(event_id: str) -> str:
    """An event's date written as precisely as it is known, e.g. '12 Oct 2018'."""
    event = _event(event_id, "event_id")
    return format_date(event["date"], event["date_precision"])
