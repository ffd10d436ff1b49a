"""Chapter 01, Turkey between the blocs: the reader's tables and sentences, and the chapter's claims and sources.

Examples
--------
>>> from explainer.blocs.tables import chapter_claims
>>> chapter_claims()["Claim"].tolist()
['S06-a', 'S11-b', 'S13-b']
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from explainer.prose import figure_label, format_date
from explainer.ledger import claims_table
from explainer.style import OKABE_ITO
from explainer.tables import format_ids
from explainer.blocs.data import load_partners, load_vote_2003, turning_points


CLAIM_IDS = ["S06-a", "S11-b", "S13-b"]
DIRECTIONS = {
    "closer": {"label": "Brought ties closer", "colour": OKABE_ITO["blue"], "symbol": "circle"},
    "strained": {"label": "Strained ties", "colour": OKABE_ITO["vermillion"], "symbol": "diamond"},
}
UNITS = {"votes": "votes", "troops": "troops", "billion-usd": "billion US dollars"}


def turning_points_table() -> pd.DataFrame:
    """The turning points as a reader reads them."""
    points = turning_points()
    return pd.DataFrame(
        {
            "Date": points["when"],
            "Turning point": points["label"],
            "Direction": points["direction"].map(lambda direction: DIRECTIONS[direction]["label"]),
            "How the sources put it": points["how_the_sources_put_it"],
            "Sources": points["source_ids"].map(lambda cell: format_ids(cell)),
        }
    )


def vote_2003_table() -> pd.DataFrame:
    """One row per figure, one column per publisher: where the reports agree and where they differ."""
    figures = load_vote_2003()
    cells = figures.assign(
        text=[
            figure_label(row.value, row.qualifier, "" if row.unit == "votes" else UNITS[row.unit])
            for row in figures.itertuples(index=False)
        ]
    )
    wide = cells.pivot(index="figure", columns="publisher", values="text").fillna("not given")
    order = list(dict.fromkeys(figures["figure"]))
    wide = wide.loc[order].reset_index().rename(columns={"figure": "Figure"})
    wide.columns.name = None
    agree = [len(set(figures.loc[figures["figure"] == figure, "value"])) == 1 for figure in wide["Figure"]]
    wide["Reports agree?"] = ["yes" if same else "no" for same in agree]
    return wide


def partners_table() -> pd.DataFrame:
    """Turkey's ties and frictions with each partner, with the date each row is current to."""
    partners = load_partners()
    return pd.DataFrame(
        {
            "Partner": partners["partner"],
            "Ties": partners["ties"],
            "Frictions": partners["frictions"],
            "As of": partners["as_of"].map(format_date),
            "Sources": partners["source_ids"].map(lambda cell: format_ids(cell)),
        }
    )


def chapter_claims(claim_ids: Sequence[str] = CLAIM_IDS) -> pd.DataFrame:
    """The claims ledger rows this chapter checks (default: S06-a, S11-b, S13-b)."""
    return claims_table(claim_ids)
