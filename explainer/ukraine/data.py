"""Chapter 02, Russia–Ukraine mediation: loading and checking its tables, and the facts computed from them.

Examples
--------
>>> from explainer.ukraine.data import talks
>>> talks()["date"].is_monotonic_increasing
True
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from explainer.article import CALL_DATE
from explainer.prose import format_date
from explainer.tables import load_table
from explainer.timeline import events


PERIODS = ("whole-initiative", "first-fortnight")
MEASURES = (
    "prisoners-agreed-each-side",
    "prisoners-exchanged-each-side",
    "bodies-agreed-each-side",
    "bodies-returned-to-ukraine",
    "bodies-returned-to-russia",
    "bodies-offered-to-ukraine",
)
PEACE_PUSH_START = "2025-03-01"


def _check_choice(argument: str, value, allowed: Sequence[str]) -> None:
    if value not in allowed:
        raise ValueError(f"explainer: {argument}={value!r} is not one of {list(allowed)}")


def talks() -> pd.DataFrame:
    """Every round of Russia–Ukraine talks held in Turkey, oldest first (``data/ukraine_talks.csv``).

    Raises ``ValueError`` if a round's ``event_id`` is missing from the shared timeline or its
    date differs from the event's: the table and the timeline must tell the same story.
    """
    frame = load_table("ukraine_talks").sort_values("date").reset_index(drop=True)
    timeline = load_table("events").set_index("event_id")["date"]
    for row in frame.itertuples(index=False):
        if row.event_id not in timeline.index:
            raise ValueError(f"explainer: talk {row.talk_id!r} names event {row.event_id!r}, which data/events.csv does not have")
        if timeline[row.event_id] != row.date:
            raise ValueError(f"explainer: talk {row.talk_id!r} is dated {row.date:%Y-%m-%d} but its event is dated {timeline[row.event_id]:%Y-%m-%d}")
    return frame


def talk_label(talk_id: str) -> str:
    """A round as readers name it, e.g. 'Istanbul, 16 May 2025'."""
    rounds = talks().set_index("talk_id")
    if talk_id not in rounds.index:
        raise KeyError(f"explainer: talk_id={talk_id!r} is not a round of data/ukraine_talks.csv; rounds are {list(rounds.index)}")
    row = rounds.loc[talk_id]
    return f"{row['city']}, {format_date(row['date'])}"


def talk_figures(measure: str | None = None, talk_id: str | None = None) -> pd.DataFrame:
    """Prisoner and body figures from the Istanbul rounds (``data/ukraine_talks_figures.csv``),
    optionally only one ``measure`` (see ``MEASURES``) or one round (``talk_id``).

    Raises ``ValueError`` for an unknown measure and ``KeyError`` for an unknown round, or if
    a row of the table names a round that ``data/ukraine_talks.csv`` does not have.
    """
    frame = load_table("ukraine_talks_figures")
    known = set(talks()["talk_id"])
    unknown = sorted(set(frame["talk_id"]) - known)
    if unknown:
        raise KeyError(f"explainer: data/ukraine_talks_figures.csv names rounds {unknown} that data/ukraine_talks.csv lacks")
    if measure is not None:
        _check_choice("measure", measure, MEASURES)
        frame = frame[frame["measure"] == measure]
    if talk_id is not None:
        if talk_id not in known:
            raise KeyError(f"explainer: talk_id={talk_id!r} is not a round of data/ukraine_talks.csv; rounds are {sorted(known)}")
        frame = frame[frame["talk_id"] == talk_id]
    return frame.sort_values(["talk_id", "measure", "as_of", "figure_id"]).reset_index(drop=True)


def grain_totals() -> pd.DataFrame:
    """Headline figures of the Initiative (``data/grain_initiative_totals.csv``)."""
    return load_table("grain_initiative_totals")


def grain_total(metric_id: str) -> float:
    """One headline figure by id, e.g. ``'cargo-total'`` (million tonnes) or ``'voyages-outbound'``."""
    totals = grain_totals().set_index("metric_id")
    if metric_id not in totals.index:
        raise KeyError(f"explainer: metric_id={metric_id!r} is not in data/grain_initiative_totals.csv; ids are {list(totals.index)}")
    return float(totals.loc[metric_id, "value"])


GRAIN_SIGNED, GRAIN_ENDED = "2022-07-22-black-sea-grain-initiative", "2023-07-17-grain-initiative-ends"


def grain_commodities(period: str = "whole-initiative", with_remainder: bool = True) -> pd.DataFrame:
    """Cargo by commodity for ``period`` ('whole-initiative' or 'first-fortnight'), largest first.

    For the whole Initiative, ``with_remainder`` adds a row 'Other (not itemised)': the JCC total
    (metric 'cargo-total-jcc') minus the commodities it itemises, computed here, not reported.
    """
    _check_choice("period", period, PERIODS)
    frame = load_table("grain_initiative_commodities")
    frame = frame[frame["period"] == period].sort_values("million_tonnes", ascending=False).reset_index(drop=True)
    if period == "whole-initiative" and with_remainder:
        remainder = round(grain_total("cargo-total-jcc") - frame["million_tonnes"].sum(), 2)
        if remainder < 0:
            raise ValueError(f"explainer: the itemised commodities ({frame['million_tonnes'].sum()} Mt) exceed the JCC total")
        first = frame.iloc[0]
        extra = {
            "period": period, "commodity": "Other (not itemised)", "million_tonnes": remainder,
            "as_of": first["as_of"], "as_of_precision": first["as_of_precision"],
            "reported_by": "computed: JCC total minus itemised commodities", "source_ids": first["source_ids"],
        }
        frame = pd.concat([frame, pd.DataFrame([extra])], ignore_index=True)
    return frame


def grain_destinations(period: str = "whole-initiative") -> pd.DataFrame:
    """Cargo by destination country for ``period``, as each publisher reported it."""
    _check_choice("period", period, PERIODS)
    frame = load_table("grain_initiative_destinations")
    return frame[frame["period"] == period].reset_index(drop=True)


def peace_push_events(start: str = PEACE_PUSH_START, end=CALL_DATE) -> pd.DataFrame:
    """Timeline events on the Russia–Ukraine war between ``start`` and ``end`` (default: from
    March 2025 to the day of the call, 5 May 2025): what the US push to end the war consisted of
    at the time of the call, as the sources record it."""
    return events(["ukraine"], start=start, end=end)
