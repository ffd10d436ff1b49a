"""Chapter 03, Gaza: loading and checking its tables, and the facts computed from them.

Examples
--------
>>> from explainer.gaza.data import aid, facts
>>> sorted(set(facts().query("measure == 'area'")["value"]))
[360.0, 365.0]
>>> aid()["turkey_own_figure"].dtype.name
'bool'
"""

from __future__ import annotations

import pandas as pd

from explainer.geo import distance_km, place
from explainer.prose import figure_label, format_date
from explainer.sources import source_ids_of
from explainer.tables import format_ids, load_table, split_list
from explainer.timeline import events


# The war's truces and ceasefires, each as the timeline events (data/events.csv) that open and
# close it; None where the timeline records no end.
TRUCES = (
    ("Truce", "2023-11-24-gaza-truce-begins", "2023-12-01-gaza-truce-ends"),
    ("Ceasefire", "2025-01-19-gaza-ceasefire", "2025-03-18-israel-resumes-strikes"),
    ("Ceasefire", "2025-10-10-gaza-ceasefire", None),
)


def _sources(cell: str) -> str:
    """A ``;``-separated cell of source ids as a reader reads it: ``"a, b"``."""
    return format_ids(cell)


def facts() -> pd.DataFrame:
    """The Strip in numbers (``data/gaza_facts.csv``): one row per figure, publisher and date."""
    return load_table("gaza_facts")


def access_points() -> pd.DataFrame:
    """Gaza's crossings and the aid route through El Arish (``data/gaza_access.csv``)."""
    return load_table("gaza_access")


def aid() -> pd.DataFrame:
    """Aid figures (``data/gaza_aid.csv``), with ``turkey_own_figure`` as a boolean column."""
    frame = load_table("gaza_aid")
    flags = frame["turkey_own_figure"].str.lower()
    bad = sorted(set(flags) - {"true", "false"})
    if bad:
        raise ValueError(f"explainer: gaza_aid.csv column 'turkey_own_figure' must be true or false; found {bad}")
    frame["turkey_own_figure"] = flags == "true"
    return frame


def casualties() -> pd.DataFrame:
    """Casualty figures by publisher and date (``data/gaza_casualties.csv``), oldest first."""
    return load_table("gaza_casualties").sort_values(["as_of", "casualty_id"]).reset_index(drop=True)


def governorates() -> pd.DataFrame:
    """The five governorates, largest population first, with their main towns where the sources name them."""
    frame = facts()
    rows = frame[frame["subject"].str.endswith("governorate") & (frame["measure"] == "population")]
    rows = rows.sort_values("value", ascending=False)
    return pd.DataFrame(
        {
            "Governorate": rows["subject"].str.replace(" governorate", "", regex=False),
            "Population": rows["value"].map(lambda value: f"{value:,.0f}"),
            "As of": [format_date(d, p) for d, p in zip(rows["as_of"], rows["as_of_precision"])],
            "Publisher": rows["publisher"],
            "Note": rows["note"],
            "Sources": rows["source_ids"].map(_sources),
        }
    ).reset_index(drop=True)


# Measures of the Strip that do not change from one date to the next: two publishers giving
# different values for them disagree, whatever the dates of their figures.
FIXED_MEASURES = ("area", "length", "width")


def _said(group: pd.DataFrame) -> str:
    return "; ".join(
        f"{p}: {figure_label(v, q)} {u} ({format_date(d, pr)})"
        for p, v, q, u, d, pr in zip(group["publisher"], group["value"], group["qualifier"],
                                      group["unit"], group["as_of"], group["as_of_precision"])
    )


def _cited(group: pd.DataFrame) -> str:
    return ", ".join(source_ids_of(group))


def _differing(frame: pd.DataFrame):
    """(subject, measure, group) for every subject and measure stated with more than one value."""
    for (subject, measure), group in frame.groupby(["subject", "measure"], sort=True):
        if group["value"].nunique() >= 2:
            yield subject, measure, group.sort_values(["as_of", "publisher"])


def disagreements() -> pd.DataFrame:
    """Where publishers give the same quantity different values for the same time.

    A row is a subject and measure with more than one distinct value, where the values can be
    compared: a measure that does not change over time (``FIXED_MEASURES``: area, length, width)
    or figures that refer to the same date. ``Gap`` is the highest value's excess over the lowest,
    as a share of the lowest. Figures of a changing quantity from different dates are not a
    disagreement: :func:`ranges_across_dates` lists them.
    """
    rows = []
    for subject, measure, group in _differing(facts()):
        if measure in FIXED_MEASURES:
            parts = [group]
        else:
            parts = [same_day for _, same_day in group.groupby("as_of") if same_day["value"].nunique() >= 2]
        for part in parts:
            low, high = part["value"].min(), part["value"].max()
            rows.append(
                {
                    "Subject": subject,
                    "Measure": measure,
                    "What each publisher says": _said(part),
                    "Gap": f"{(high - low) / low:.0%}",
                    "Sources": _cited(part),
                }
            )
    return pd.DataFrame(rows, columns=["Subject", "Measure", "What each publisher says", "Gap", "Sources"])


def ranges_across_dates() -> pd.DataFrame:
    """Figures of a quantity that changes over time (e.g. population) stated for different dates.

    One row per subject and measure outside ``FIXED_MEASURES`` with more than one value and more
    than one date: every figure with its publisher and date, oldest first, the lowest and highest
    value and the dates they span. The spread mixes change over time with differences of method,
    so no gap between publishers is computed.
    """
    rows = []
    for subject, measure, group in _differing(facts()):
        if measure in FIXED_MEASURES or group["as_of"].nunique() < 2:
            continue
        unit = group["unit"].iloc[0]
        first, last = group.iloc[0], group.iloc[-1]
        rows.append(
            {
                "Subject": subject,
                "Measure": measure,
                "Figures, oldest first": _said(group),
                "Lowest to highest": f"{group['value'].min():,.0f} to {group['value'].max():,.0f} {unit}",
                "Dates spanned": f"{format_date(first['as_of'], first['as_of_precision'])} to {format_date(last['as_of'], last['as_of_precision'])}",
                "Sources": _cited(group),
            }
        )
    return pd.DataFrame(rows, columns=["Subject", "Measure", "Figures, oldest first", "Lowest to highest", "Dates spanned", "Sources"])


def lancet_comparison() -> dict:
    """The Lancet estimate beside the ministry's count for the same date, in both directions.

    Returns ``date``, ``ministry``, ``estimate``, ``low``, ``high``, ``missed_share`` (the share of
    the estimated deaths missing from the ministry's count, the study's "41%") and ``excess`` (how
    much higher the estimate is than the count).
    """
    frame = casualties()
    study = frame[frame["measure"] == "traumatic-injury deaths (estimated)"].iloc[0]
    same_day = frame[(frame["measure"] == "killed (reported)") & (frame["publisher"] == "Gaza Ministry of Health")
                     & (frame["as_of"] == study["as_of"])]
    if same_day.empty:
        raise ValueError(f"explainer: no Gaza Ministry of Health count dated {study['as_of']:%Y-%m-%d} to compare with the study")
    ministry = float(same_day.iloc[0]["value"])
    estimate = float(study["value"])
    return {
        "date": study["as_of"],
        "ministry": ministry,
        "estimate": estimate,
        "low": float(study["low"]),
        "high": float(study["high"]),
        "missed_share": 1 - ministry / estimate,
        "excess": estimate / ministry - 1,
    }


def truces() -> pd.DataFrame:
    """The truces and ceasefires of ``TRUCES`` with the dates of their opening and closing events.

    Columns: ``name``, ``start``, ``end`` (NaT when the timeline records no end), ``start_event``,
    ``end_event``, ``ended_by`` (the closing event's title, empty when open) and ``source_ids``
    (the two events' sources). Dates come from ``data/events.csv``, so they carry its sources.
    """
    table = events().set_index("event_id")
    rows = []
    for name, opening, closing in TRUCES:
        for event_id in (opening, closing):
            if event_id is not None and event_id not in table.index:
                raise ValueError(f"explainer: TRUCES names event {event_id!r}, which is not in data/events.csv")
        first = table.loc[opening]
        last = table.loc[closing] if closing else None
        if last is not None and last["date"] < first["date"]:
            raise ValueError(f"explainer: truce {opening!r} ends ({closing!r}) before it begins")
        rows.append(
            {
                "name": name,
                "start": first["date"],
                "end": last["date"] if last is not None else pd.NaT,
                "start_event": opening,
                "end_event": closing or "",
                "ended_by": last["title"] if last is not None else "",
                "source_ids": ";".join(dict.fromkeys(
                    split_list(first["source_ids"]) + (split_list(last["source_ids"]) if last is not None else []))),
            }
        )
    return pd.DataFrame(rows)


EL_ARISH_RAFAH_FACTS = ("el-arish-rafah-distance-ahram", "el-arish-rafah-road-afp")
"""The two published distances from El Arish to Rafah that chapter 03 checks against the gazetteer."""


def straight_line_km(place_a: str = "el-arish", place_b: str = "rafah-crossing") -> float:
    """The geodesic distance between two gazetteer places (``data/places.csv``), in kilometres.

    >>> round(straight_line_km("el-arish", "rafah-crossing"))
    46
    """
    a, b = place(place_a), place(place_b)
    return distance_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"])


def distance_check(fact_ids=EL_ARISH_RAFAH_FACTS, place_a: str = "el-arish", place_b: str = "rafah-crossing") -> pd.DataFrame:
    """Each published distance set against the straight line between the gazetteer's two points.

    A road or route cannot be shorter than the straight line between its ends, so a published
    figure below it cannot be right for those ends. Raises ``ValueError`` naming an unknown fact id.
    """
    frame = facts().set_index("fact_id")
    unknown = [fact_id for fact_id in fact_ids if fact_id not in frame.index]
    if unknown:
        raise ValueError(f"explainer: fact_ids {unknown} are not in gaza_facts")
    line = straight_line_km(place_a, place_b)
    rows = frame.loc[list(fact_ids)]
    if not (rows["unit"] == "km").all():
        raise ValueError(f"explainer: every fact checked must be in km; got units {sorted(set(rows['unit']))}")
    return pd.DataFrame(
        {
            "Publisher": rows["publisher"].tolist(),
            "What it measures": rows["measure"].tolist(),
            "Published": [f"{figure_label(v, q)} km" for v, q in zip(rows["value"], rows["qualifier"])],
            "Straight line in the gazetteer": [f"{line:.0f} km"] * len(rows),
            "Possible?": ["no: shorter than the straight line" if value < line else "yes" for value in rows["value"]],
            "Sources": rows["source_ids"].map(_sources).tolist(),
        }
    )
