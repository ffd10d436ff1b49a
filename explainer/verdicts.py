"""The claims ledger's verdicts, worded for a chapter's prose.

A chapter that discusses a claim prints its verdict from ``data/claims.csv`` through
:func:`verdict_list` instead of writing it by hand, so a chapter can never state a verdict the
ledger does not hold.

Examples
--------
>>> from explainer.verdicts import verdict_list
>>> lines = verdict_list(["S01-a"])
>>> str(lines).startswith("S01-a, “U.S. President Donald Trump announced")
True
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from explainer.ledger import VERDICTS, claims_by_id

_SHORT_QUOTE = 60
"""Quotes longer than this many characters are shortened at a word boundary, with an ellipsis."""


def _shorten(quote: str, limit: int = _SHORT_QUOTE) -> str:
    if len(quote) <= limit:
        return quote
    cut = quote[:limit].rsplit(" ", 1)[0]
    return f"{cut} …"


class VerdictList(list):
    """Claims with their ledger verdicts: a bulleted list in a notebook, one line each as text."""

    def __str__(self) -> str:
        return "\n".join(f"{claim_id}, “{quote}”: {verdict}." for claim_id, quote, verdict in self)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        items = "".join(
            f"<li><b>{html.escape(claim_id)}</b>, “{html.escape(quote)}”: <i>{html.escape(verdict)}</i></li>"
            for claim_id, quote, verdict in self
        )
        return f"<ul>{items}</ul>"


def verdict_label(claim_id: str) -> str:
    """The ledger's verdict on one claim, as a reader reads it ('Accurate, with caveats').

    Raises ``ValueError`` naming the claim id if the ledger has no such claim.
    """
    return verdict_list([claim_id])[0][2]


def verdict_list(claim_ids: Sequence[str]) -> VerdictList:
    """The ledger's verdicts on ``claim_ids``, in the order given: (claim id, quote, verdict) each.

    Raises ``TypeError`` for a single string and ``ValueError`` naming any id the ledger lacks.
    """
    return VerdictList(
        (claim.claim_id, _shorten(claim.quote), VERDICTS[claim.verdict]["label"])
        for claim in claims_by_id(claim_ids).itertuples(index=False)
    )
