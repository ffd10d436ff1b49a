"""Forecasts expire: every statement about the future that the book repeats, with its due date.

``data/forecasts.csv`` records, for each forecast, the date by which it was due
(``expected_by``) and its status: ``open`` while that date is ahead of the book's as-of
date, ``resolved`` once a source records the outcome, ``lapsed`` when the date has passed
and no source we read records one. A forecast still ``open`` after its date is stale, and
:func:`expired_forecasts` lists it so a test can fail.

Examples
--------
>>> from explainer.forecasts import load_forecasts, expired_forecasts
>>> set(load_forecasts()["status"]) <= {"open", "resolved", "lapsed"}
True
>>> expired_forecasts(as_of="2026-11-30").empty
True
"""

from __future__ import annotations

import pandas as pd

from explainer.prose import format_date
from explainer.tables import format_ids, load_table, split_list

STATUSES = ("open", "resolved", "lapsed")


def book_as_of() -> pd.Timestamp:
    """The book's as-of date: the newest day on which a source was read (``date_accessed``).

    >>> book_as_of() >= pd.Timestamp("2026-11-29")
    True
    """
    return load_table("sources")["date_accessed"].max()


def load_forecasts() -> pd.DataFrame:
    """Return ``data/forecasts.csv``, checked beyond its schema.

    Raises ``ValueError`` naming the forecast and the field when ``expected_by`` is before
    ``made_on``, or when a resolved forecast cites no source for its outcome.
    """
    forecasts = load_table("forecasts")
    for row in forecasts.itertuples(index=False):
        if row.expected_by < row.made_on:
            raise ValueError(
                f"explainer: forecast {row.forecast_id!r}: expected_by {row.expected_by:%Y-%m-%d} "
                f"is before made_on {row.made_on:%Y-%m-%d}"
            )
        if row.status == "resolved" and not split_list(row.outcome_source_ids):
            raise ValueError(f"explainer: forecast {row.forecast_id!r} is resolved but outcome_source_ids is empty")
    return forecasts


def expired_forecasts(as_of=None) -> pd.DataFrame:
    """Forecasts still ``open`` although ``as_of`` is past their ``expected_by``.

    ``as_of`` defaults to the later of :func:`book_as_of` and today, so a forecast expires even
    when nobody touches the data.
    """
    as_of = pd.Timestamp(as_of) if as_of is not None else max(book_as_of(), pd.Timestamp.today().normalize())
    forecasts = load_forecasts()
    stale = forecasts[(forecasts["status"] == "open") & (forecasts["expected_by"] < as_of)]
    return stale.reset_index(drop=True)


def forecasts_table(status: str | None = None) -> pd.DataFrame:
    """The forecasts as a reader reads them, optionally only those with one ``status``."""
    forecasts = load_forecasts()
    if status is not None:
        if status not in STATUSES:
            raise ValueError(f"explainer: status must be one of {STATUSES}, not {status!r}")
        forecasts = forecasts[forecasts["status"] == status]
    return pd.DataFrame(
        {
            "Forecast": forecasts["statement"],
            "By": forecasts["made_by"],
            "Due by": forecasts["expected_by"].map(format_date),
            "Status": forecasts["status"],
            "Outcome": forecasts["outcome"],
            "Sources": [
                format_ids(";".join(split_list(a) + split_list(b)))
                for a, b in zip(forecasts["source_ids"], forecasts["outcome_source_ids"])
            ],
        }
    ).reset_index(drop=True)
