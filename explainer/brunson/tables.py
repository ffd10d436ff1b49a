"""Chapter 06, the Brunson affair: the reader's tables and sentences, and the chapter's claims and sources.

Examples
--------
>>> from explainer.brunson.tables import chapter_claims
>>> chapter_claims()["Claim"].tolist()
['S12-a', 'S12-b', 'S12-c']
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from explainer.ledger import claims_table
from explainer.style import OKABE_ITO
from explainer.tables import format_ids
from explainer.brunson.data import lira_rates, load_comparison


CLAIM_IDS = ["S12-a", "S12-b", "S12-c"]
KINDS = {
    "weakest-of-day": {"label": "Weakest lira of the day", "symbol": "triangle-up", "colour": OKABE_ITO["vermillion"]},
    "strongest-of-day": {"label": "Strongest lira of the day", "symbol": "triangle-down", "colour": OKABE_ITO["green"]},
    "close": {"label": "Close of the day or week", "symbol": "square", "colour": OKABE_ITO["black"]},
    "at-a-time": {"label": "Level at a stated time", "symbol": "circle", "colour": OKABE_ITO["blue"]},
}
START_OF_YEAR = pd.Timestamp("2018-01-01")
LIRA_VALUE_COLUMN = "Lira per US dollar (precision varies by source)"


def lira_table() -> pd.DataFrame:
    """The exchange rates as a reader reads them: date, rate, what was measured, publisher, source.

    Each rate is written with the decimals stored for it, so '6.2' and '7.2149' stand side by
    side: the sources state rates to different precisions, as the column heading says.
    """
    rates = lira_rates()
    return pd.DataFrame(
        {
            "Date": [
                "Start of 2018" if date == START_OF_YEAR else f"{date:%-d %b %Y}" for date in rates["date"]
            ],
            LIRA_VALUE_COLUMN: rates["value"].map(repr),
            "What was measured": rates["kind"].map(lambda kind: KINDS[kind]["label"]) + ": " + rates["observed"],
            "Publisher": rates["publisher"],
            "Sources": rates["source_ids"].map(lambda cell: format_ids(cell)),
        }
    )


def comparison_table() -> pd.DataFrame:
    """The Brunson case and the S-400/F-35 dispute, aspect by aspect, with sources."""
    frame = load_comparison()
    return pd.DataFrame(
        {
            "Aspect": frame["aspect"],
            "Brunson case (2016–2018)": frame["brunson_case"],
            "S-400/F-35 dispute (2017– )": frame["f35_dispute"],
            "Alike?": frame["comparison"],
            "Sources": frame["source_ids"].map(lambda cell: format_ids(cell)),
        }
    )


def chapter_claims(claim_ids: Sequence[str] = CLAIM_IDS) -> pd.DataFrame:
    """The claims ledger rows this chapter checks (default: sentence S12, on Brunson)."""
    return claims_table(claim_ids)
