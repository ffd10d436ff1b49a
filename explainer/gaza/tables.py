"""Chapter 03, Gaza: the reader's tables and sentences, and the chapter's claims and sources.

Examples
--------
>>> from explainer.gaza.tables import gaza_claims
>>> gaza_claims()["Claim"].tolist()
['S01-b', 'S04-b']
"""

from __future__ import annotations

import pandas as pd

from explainer.geo import place
from explainer.prose import Sentence, figure_label, format_date
from explainer.ledger import claims_by_id, claims_table
from explainer.sources import source_ids_of
from explainer.tables import format_ids
from explainer.gaza.data import _sources, access_points, aid, casualties, facts, straight_line_km


# The claims of the article (chapter 00's ledger) about Gaza.
GAZA_CLAIMS = ("S01-b", "S04-b")


def facts_table(subject: str | list[str] | None = None) -> pd.DataFrame:
    """The facts as a reader reads them: what, the figure with its unit, as of when, and who says so.

    ``subject`` keeps one subject (e.g. ``"Gaza Strip"``) or a list of them; an unknown one raises
    ``ValueError`` naming it.
    """
    frame = facts()
    if subject is not None:
        wanted = [subject] if isinstance(subject, str) else list(subject)
        unknown = [name for name in wanted if name not in set(frame["subject"])]
        if unknown:
            raise ValueError(f"explainer: subject={unknown[0]!r} is not in gaza_facts; subjects are {sorted(set(frame['subject']))}")
        frame = frame[frame["subject"].isin(wanted)]
    return pd.DataFrame(
        {
            "Subject": frame["subject"],
            "Measure": frame["measure"],
            "Figure": [figure_label(v, q, u) for v, q, u in zip(frame["value"], frame["qualifier"], frame["unit"])],
            "As of": [format_date(d, p) for d, p in zip(frame["as_of"], frame["as_of_precision"])],
            "Publisher": frame["publisher"],
            "Sources": frame["source_ids"].map(_sources),
        }
    ).reset_index(drop=True)


def access_table() -> pd.DataFrame:
    """The crossings and the El Arish route, for reading."""
    frame = access_points()
    return pd.DataFrame(
        {
            "Name": frame["name"],
            "Also called": frame["other_names"].map(lambda cell: format_ids(cell)),
            "Kind": frame["kind"],
            "Between": frame["between"],
            "Used for": frame["used_for"],
            "What the sources say": frame["as_stated"],
            "As of": frame["as_of"].map(format_date),
            "Sources": frame["source_ids"].map(_sources),
        }
    )


def aid_table(turkey_own: bool | None = None, measure: str | None = None) -> pd.DataFrame:
    """Aid figures for reading: publisher, whether it is Turkey's own figure, what is counted, the period.

    ``turkey_own=True`` keeps Turkey's own figures, ``False`` the others; ``measure`` keeps one
    unit (e.g. ``"tonnes"``). Unknown values raise ``ValueError`` naming the argument. The
    "Turkey's own figure" column is shown only when the rows kept mix both kinds; when it would
    be the same on every row, say so in the table's caption instead. A period whose end the
    source does not state reads "from <start> (end not stated)".
    """
    frame = aid()
    if turkey_own is not None:
        if not isinstance(turkey_own, bool):
            raise ValueError(f"explainer: turkey_own must be True, False or None, got {turkey_own!r}")
        frame = frame[frame["turkey_own_figure"] == turkey_own]
    if measure is not None:
        if measure not in set(aid()["measure"]):
            raise ValueError(f"explainer: measure={measure!r} is not in gaza_aid; measures are {sorted(set(aid()['measure']))}")
        frame = frame[frame["measure"] == measure]
    table = pd.DataFrame(
        {
            "Publisher": frame["publisher"],
            "Turkey's own figure": frame["turkey_own_figure"].map({True: "yes", False: "no"}),
            "Figure": [f"{figure_label(v, q)} {m}" for v, q, m in zip(frame["value"], frame["qualifier"], frame["measure"])],
            "What is counted": frame["what_counted"],
            "Period": [_period(a, b) for a, b in zip(frame["period_start"], frame["period_end"])],
            "Sources": frame["source_ids"].map(_sources),
        }
    ).reset_index(drop=True)
    if table["Turkey's own figure"].nunique() < 2:
        table = table.drop(columns="Turkey's own figure")
    return table


def _period(start, end) -> str:
    """'12 Oct 2025 – 7 Dec 2025', or 'from 10 Oct 2025 (end not stated)' when ``end`` is missing."""
    if pd.isna(end):
        return f"from {format_date(start)} (end not stated)"
    return f"{format_date(start)} – {format_date(end)}"


def casualties_table(where: str | None = None) -> pd.DataFrame:
    """Casualty figures for reading, oldest first; ``where`` is ``"Gaza"`` or ``"Israel"``."""
    frame = casualties()
    if where is not None:
        if where not in {"Gaza", "Israel"}:
            raise ValueError(f"explainer: where must be 'Gaza' or 'Israel', got {where!r}")
        frame = frame[frame["where"] == where]
    figures = []
    for row in frame.itertuples(index=False):
        text = figure_label(row.value, row.qualifier)
        if pd.notna(row.low) and pd.notna(row.high):
            text += f" (range {row.low:,.0f}–{row.high:,.0f})"
        figures.append(text)
    return pd.DataFrame(
        {
            "As of": [format_date(d, p) for d, p in zip(frame["as_of"], frame["as_of_precision"])],
            "Publisher": frame["publisher"],
            "What is counted": frame["measure"],
            "Figure": figures,
            "Note": frame["note"],
            "Sources": frame["source_ids"].map(_sources),
        }
    ).reset_index(drop=True)


def gaza_claims() -> pd.DataFrame:
    """The article's claims about Gaza from chapter 00's ledger (S01-b and S04-b), with their source ids."""
    return claims_table(GAZA_CLAIMS)


def sources_cited() -> list[str]:
    """Every source id cited by the chapter's tables: the Gaza claims, facts, crossings, aid and casualties."""
    return source_ids_of(claims_by_id(GAZA_CLAIMS), facts(), access_points(), aid(), casualties())


def distance_sentence(place_a: str = "el-arish", place_b: str = "rafah-crossing") -> Sentence:
    """The straight-line distance between two gazetteer places, as a sentence citing the gazetteer rows."""
    a, b = place(place_a), place(place_b)
    line = straight_line_km(place_a, place_b)
    return Sentence(
        f"In the gazetteer (data/places.csv), {a['name']} ({a['latitude']:.4f}° N, {a['longitude']:.4f}° E) lies "
        f"{line:.0f} km in a straight line from the {b['name']} ({b['latitude']:.4f}° N, {b['longitude']:.4f}° E)."
    )
