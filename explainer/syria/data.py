"""Chapter 04, Syria: loading and checking its tables, and the facts computed from them.

Examples
--------
>>> from explainer.syria.data import refugees
>>> sorted(set(refugees()["publisher"]))
['Turkish government', 'UNHCR']
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from explainer.article import CALL_DATE
from explainer.prose import figure_label, format_date
from explainer.tables import format_ids, load_table, parse_date, split_list


TURKISH_GOVERNMENT = "Turkish government"
MEASURE_NAMES = {
    "syrians-under-temporary-protection": "Syrians under temporary protection in Turkey",
    "returns-from-turkiye-since-fall-of-assad": "Returns from Türkiye since 8 Dec 2024",
    "returns-from-abroad-since-fall-of-assad": "Refugee returns from all neighbouring countries since 8 Dec 2024",
    "returns-from-turkiye-monitored-by-unhcr": "Returns from Türkiye that UNHCR monitored, since 8 Dec 2024",
}
UNVERIFIED = "Unverified:"
"""A note that starts with this marks a figure whose cited page we could not re-read: it is drawn
and listed, labelled as unverified, but no headline figure rests on it."""
GAP_DAYS = 92
"""Figures further apart than this (about three months) are joined by a dotted line, marked as a gap."""


def refugees() -> pd.DataFrame:
    """Syrians under temporary protection in Turkey, one row per published figure, oldest first."""
    return load_table("syrian_refugees_turkey").sort_values(["date", "publisher"]).reset_index(drop=True)


def returns() -> pd.DataFrame:
    """Cumulative returns to Syria since 8 December 2024, one row per published figure, oldest first."""
    return load_table("syria_returns").sort_values(["date", "publisher", "measure"]).reset_index(drop=True)


def sanctions() -> pd.DataFrame:
    """U.S. restrictions on Syria and the steps that eased them, in date order."""
    return load_table("syria_sanctions").sort_values(["date", "measure_id"]).reset_index(drop=True)


def governorates() -> pd.DataFrame:
    """Syria's 14 governorates, with notes and sources."""
    return load_table("syria_governorates")


def border_crossings() -> pd.DataFrame:
    """Crossings on the Syria–Turkey border, west to east, with who held the Syrian side in 2017."""
    return load_table("syria_border_crossings")


def turkish_operations() -> pd.DataFrame:
    """Turkey's three cross-border operations of 2016–2019, with dates and places."""
    return load_table("syria_turkish_operations").sort_values("start").reset_index(drop=True)


def measure_name(measure: str) -> str:
    """The reader's name for a measure key of the data ('syrians-under-temporary-protection' ->
    'Syrians under temporary protection in Turkey')."""
    if measure not in MEASURE_NAMES:
        raise ValueError(f"explainer: measure {measure!r} is not one of {list(MEASURE_NAMES)}")
    return MEASURE_NAMES[measure]


def _require(frame: pd.DataFrame, columns: Sequence[str], argument: str = "frame") -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"explainer: {argument} must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise KeyError(f"explainer: {argument} lacks column(s) {missing}; columns are {list(frame.columns)}")
    if frame.empty:
        raise ValueError(f"explainer: {argument} has no rows to draw")


def _sources_cell(cell: str) -> str:
    """A ``;``-separated source_ids cell as the reader sees it: ids joined with ', '."""
    return format_ids(cell)


def latest_figures() -> pd.DataFrame:
    """The newest figure of each publisher and measure, across both tables."""
    frames = [refugees(), returns()]
    combined = pd.concat(frames, ignore_index=True)
    latest = combined.sort_values("date").groupby(["publisher", "measure"], sort=True).tail(1)
    return pd.DataFrame(
        {
            "Publisher": latest["publisher"],
            "What it counts": latest["measure"].map(measure_name),
            "Newest figure": [
                figure_label(row.value, row.qualifier, "people") + (" (unverified)" if str(row.note).startswith(UNVERIFIED) else "")
                for row in latest.itertuples()
            ],
            "As of": [format_date(row.date, row.date_precision) for row in latest.itertuples()],
            "Sources": latest["source_ids"].map(_sources_cell),
        }
    ).reset_index(drop=True)


def verified(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``frame`` whose note does not mark them :data:`UNVERIFIED`.

    >>> rows = pd.DataFrame({"value": [1, 2], "note": ["", "Unverified: page not re-read"]})
    >>> verified(rows)["value"].tolist()
    [1]
    """
    _require(frame, ["note"])
    return frame[~frame["note"].fillna("").astype(str).str.startswith(UNVERIFIED)]


def register_change(start, end) -> dict:
    """How the Turkish government's count changed between the figures nearest ``start`` and ``end``.

    Returns the two figures used (date and value) and the change. Raises ``ValueError`` for a bad
    date or ``start`` after ``end``.
    """
    start_stamp, end_stamp = parse_date(start, "start"), parse_date(end, "end")
    if start_stamp > end_stamp:
        raise ValueError(f"explainer: start={start!r} is after end={end!r}")
    series = refugees()
    series = series[series["publisher"] == TURKISH_GOVERNMENT].set_index("date")["value"]
    first = series.index[abs(series.index - start_stamp).argmin()]
    last = series.index[abs(series.index - end_stamp).argmin()]
    return {
        "from": first.date().isoformat(),
        "from_value": int(series[first]),
        "to": last.date().isoformat(),
        "to_value": int(series[last]),
        "change": int(series[last] - series[first]),
    }


def register_peak(frame: pd.DataFrame | None = None) -> dict:
    """The largest figure of each publisher's series and its newest figure, with their dates as
    precisely as the sources give them. The chapters quote the register's peak from here, so it
    cannot drift from the data. Both rest on verified rows only; figures newer than the newest
    verified one are listed, labelled, under ``newer_unverified``.

    >>> peak = register_peak()["Turkish government"]
    >>> bool(peak["peak_value"] == refugees().query("publisher == 'Turkish government'")["value"].max())
    True
    """
    frame = refugees() if frame is None else frame
    _require(frame, ["date", "date_precision", "publisher", "value", "qualifier", "note", "source_ids"])
    if frame.empty:
        raise ValueError("explainer: the refugees frame has no rows")
    result = {}
    for publisher, every_row in frame.sort_values("date").groupby("publisher", sort=True):
        rows = verified(every_row)
        if rows.empty:
            continue
        peak, newest = rows.loc[rows["value"].idxmax()], rows.iloc[-1]
        later = every_row[every_row["date"] > newest["date"]]
        result[publisher] = {
            "peak_value": int(peak["value"]),
            "peak_label": figure_label(peak["value"], peak["qualifier"]),
            "peak_when": format_date(peak["date"], peak["date_precision"]),
            "peak_sources": peak["source_ids"],
            "newest_value": int(newest["value"]),
            "newest_label": figure_label(newest["value"], newest["qualifier"]),
            "newest_when": format_date(newest["date"], newest["date_precision"]),
            "fall_percent": (int(peak["value"]) - int(newest["value"])) / int(peak["value"]) * 100,
            "newer_unverified": [
                f"{figure_label(row.value, row.qualifier)} ({format_date(row.date, row.date_precision)})"
                for row in later.itertuples()
            ],
        }
    return result


def in_force(frame: pd.DataFrame, date) -> pd.Series:
    """For each restriction row of ``frame``, whether it applied on ``date`` (True/False)."""
    stamp = parse_date(date, "date")
    started = frame["date"] <= stamp
    not_ended = frame["ended"].isna() | (frame["ended"] > stamp)
    return started & not_ended


def sanctions_on(date=CALL_DATE) -> pd.DataFrame:
    """Which U.S. restrictions on Syria applied on ``date`` (default: the day of the call), the
    legal steps (licences, waivers, orders; not announcements) that had eased each by then, and
    who had the power to lift each: the question behind 'lifting sanctions' in the article."""
    stamp = parse_date(date, "date")
    frame = sanctions()
    restrictions = frame[frame["role"] == "restriction"].reset_index(drop=True)
    applies = in_force(restrictions, stamp)
    eased_by = []
    for measure_id in restrictions["measure_id"]:
        steps = frame[
            (frame["role"] == "relief")
            & (frame["kind"] != "announcement")
            & (frame["date"] <= stamp)
            & frame["affects"].map(lambda cell: measure_id in split_list(cell))
        ]
        eased_by.append(", ".join(steps["short_name"]) if not steps.empty else "")
    return pd.DataFrame(
        {
            "Restriction": restrictions["instrument"],
            "Since": [format_date(row.date, row.date_precision) for row in restrictions.itertuples()],
            f"In force on {stamp:%-d %b %Y}": applies.map({True: "yes", False: "no"}),
            "Eased by then by": eased_by,
            "Who could lift it": restrictions["who_could_lift"],
            "Lifted on": [("" if pd.isna(value) else f"{value:%-d %b %Y}") for value in restrictions["ended"]],
        }
    )


def gaps(frame: pd.DataFrame, days: int = GAP_DAYS) -> pd.DataFrame:
    """Pairs of consecutive figures of the same measure more than ``days`` apart: spans with no
    figure in the table. Columns: measure, start, end, start_value, end_value, days."""
    if not isinstance(days, int) or isinstance(days, bool) or days < 1:
        raise ValueError(f"explainer: days must be a positive whole number, got {days!r}")
    _require(frame, ["date", "measure", "value"])
    rows = []
    for measure, series in frame.sort_values("date").groupby("measure", sort=False):
        for before, after in zip(series.iloc[:-1].itertuples(), series.iloc[1:].itertuples()):
            span = (after.date - before.date).days
            if span > days:
                rows.append({"measure": measure, "start": before.date, "end": after.date,
                             "start_value": int(before.value), "end_value": int(after.value), "days": span})
    return pd.DataFrame(rows, columns=["measure", "start", "end", "start_value", "end_value", "days"])
