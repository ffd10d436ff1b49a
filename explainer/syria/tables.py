"""Chapter 04, Syria: the reader's tables and sentences, and the chapter's claims and sources.

Examples
--------
>>> from explainer.syria.tables import call_claims
>>> call_claims()["Claim"].tolist()
['S05-a', 'S05-b']
"""

from __future__ import annotations

import pandas as pd

from explainer.prose import Sentence, figure_label, format_date
from explainer.style import OKABE_ITO
from explainer.syria.data import TURKISH_GOVERNMENT, _sources_cell, border_crossings, governorates, refugees, register_change, register_peak, returns, sanctions, turkish_operations


RETURN_MEASURES = {
    "returns-from-turkiye-since-fall-of-assad": {
        "label": "Turkish government: returns from Türkiye",
        "colour": OKABE_ITO["vermillion"],
        "mode": "lines+markers",
    },
    "returns-from-abroad-since-fall-of-assad": {
        "label": "UNHCR: refugee returns from all neighbouring countries",
        "colour": OKABE_ITO["blue"],
        "mode": "lines+markers",
    },
    "returns-from-turkiye-monitored-by-unhcr": {
        "label": "UNHCR: returns from Türkiye it monitored itself",
        "colour": OKABE_ITO["sky"],
        "mode": "markers",
    },
}


def refugees_table() -> pd.DataFrame:
    """The refugee figures as a reader reads them: when, whose figure, the figure, who said it."""
    frame = refugees()
    return pd.DataFrame(
        {
            "As of": [format_date(row.date, row.date_precision) for row in frame.itertuples()],
            "Publisher": frame["publisher"],
            "Syrians under temporary protection (people)": [figure_label(v, q) for v, q in zip(frame["value"], frame["qualifier"])],
            "Reported by": frame["reported_by"],
            "Sources": frame["source_ids"].map(_sources_cell),
        }
    )


def returns_table() -> pd.DataFrame:
    """The return figures as a reader reads them, each labelled with what it counts."""
    frame = returns()
    return pd.DataFrame(
        {
            "As of": [format_date(row.date, row.date_precision) for row in frame.itertuples()],
            "What it counts": frame["measure"].map(lambda measure: RETURN_MEASURES[measure]["label"]),
            "Returns since 8 Dec 2024 (people)": [figure_label(v, q) for v, q in zip(frame["value"], frame["qualifier"])],
            "Reported by": frame["reported_by"],
            "Sources": frame["source_ids"].map(_sources_cell),
        }
    )


def governorates_table() -> pd.DataFrame:
    """The governorates as a reader reads them."""
    frame = governorates()
    return pd.DataFrame({"Governorate": frame["governorate"], "Note": frame["note"], "Sources": frame["source_ids"].map(_sources_cell)})


CROSSINGS_CONTROL_COLUMN = "Syrian side held by, Sep 2017 (out of date)"


def crossings_table() -> pd.DataFrame:
    """The border crossings as a reader reads them, west to east."""
    frame = border_crossings()
    return pd.DataFrame(
        {
            "Syrian side": frame["syrian_side"],
            "Turkish side": frame["turkish_side"],
            "Turkish province": frame["turkish_province"].replace("", "not given in our sources"),
            CROSSINGS_CONTROL_COLUMN: frame["held_on_syrian_side_sep_2017"],
            "Note": frame["note"],
            "Sources": frame["source_ids"].map(_sources_cell),
        }
    )


def operations_table() -> pd.DataFrame:
    """Turkey's operations in northern Syria as a reader reads them."""
    frame = turkish_operations()
    return pd.DataFrame(
        {
            "Operation": frame["operation"],
            "Began": frame["start"].map(format_date),
            "Ended": [("" if pd.isna(value) else f"{value:%-d %b %Y}") for value in frame["end"]],
            "Where": frame["main_places"],
            "Against": frame["against"],
            "Result": frame["result"],
            "Sources": frame["source_ids"].map(_sources_cell),
        }
    )


def register_peak_sentence(frame: pd.DataFrame | None = None) -> Sentence:
    """:func:`register_peak` as sentences a reader can quote, one per publisher."""
    parts = []
    for publisher, figures in register_peak(frame).items():
        parts.append(
            f"{publisher}: largest figure {figures['peak_label']} ({figures['peak_when']}), "
            f"newest {figures['newest_label']} ({figures['newest_when']})."
        )
        if figures["newer_unverified"]:
            parts.append(f"Newer figures we could not re-read in their source (unverified): {', '.join(figures['newer_unverified'])}.")
    return Sentence(" ".join(parts))


def register_change_sentence(start, end) -> Sentence:
    """:func:`register_change` as one sentence a reader can quote, with the figures' dates as
    precisely as the sources give them."""
    change = register_change(start, end)
    government = refugees()
    government = government[government["publisher"] == TURKISH_GOVERNMENT].set_index("date")
    first, last = pd.Timestamp(change["from"]), pd.Timestamp(change["to"])
    first_when = format_date(first, government.loc[first, "date_precision"])
    last_when = format_date(last, government.loc[last, "date_precision"])
    if change["change"] == 0:
        movement = "did not change"
    else:
        share = abs(change["change"]) / change["from_value"] * 100
        movement = f"{'fell' if change['change'] < 0 else 'rose'} by {abs(change['change']):,} people ({share:.0f}%)"
    return Sentence(
        f"The Turkish government's count of Syrians under temporary protection {movement}, "
        f"from {change['from_value']:,} ({first_when}) to {change['to_value']:,} ({last_when})."
    )


def call_claims() -> pd.DataFrame:
    """The claims of the article this chapter checks (S05-a and S05-b), from the claims ledger."""
    from explainer.ledger import claims_table

    return claims_table(["S05-a", "S05-b"])


def sanctions_table(role: str | None = None) -> pd.DataFrame:
    """The sanctions table as a reader reads it; ``role`` = 'restriction' or 'relief' to filter."""
    frame = sanctions()
    if role is not None:
        if role not in {"restriction", "relief"}:
            raise ValueError(f"explainer: role must be 'restriction' or 'relief', got {role!r}")
        frame = frame[frame["role"] == role]
    return pd.DataFrame(
        {
            "Date": [format_date(row.date, row.date_precision) for row in frame.itertuples()],
            "Measure": frame["instrument"],
            "Issued by": frame["issued_by"],
            "What it did": frame["what_it_did"],
            "Status": [f"{row.status} (as of {row.status_as_of:%-d %b %Y})" for row in frame.itertuples()],
            "Sources": frame["source_ids"].map(_sources_cell),
        }
    ).reset_index(drop=True)
