"""Recap boxes: what the article claims on a chapter's topic, and the verdict the claims ledger
gives each claim, generated from ``data/claims.csv`` so that any chapter can be read on its own.

A claim belongs to a topic when its quoted words contain one of the topic's keywords
(``data/topics.csv``, matched as :func:`explainer.topic_mentions` matches sentences), or when its
sentence touches that topic and no other. A chapter can instead name its claims explicitly.

Examples
--------
>>> recap_claims("brunson")["claim_id"].tolist()
['S12-a', 'S12-b', 'S12-c']
>>> print(recap_markdown(claim_ids=["S12-a"]).splitlines()[0])
**Recap: what the article claims, and what the claims ledger found**
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from explainer.article import article_sentences, load_topics
from explainer.glossary import markdown_text
from explainer.ledger import VERDICTS, claims_by_id, load_claims
from explainer.tables import split_list

LEDGER_CHAPTER = "00_the_call.ipynb"


def topic_of_chapter(chapter_file: str) -> str:
    """The topic a chapter explains, from ``data/topics.csv``; raise ``KeyError`` naming the file.

    >>> topic_of_chapter("03_gaza.ipynb")
    'gaza'
    """
    topics = load_topics()
    match = topics[topics["chapter"] == chapter_file]
    if match.empty:
        raise KeyError(f"recap: no topic in data/topics.csv has chapter {chapter_file!r}")
    return match["topic_id"].iloc[0]


def recap_claims(topic_id: str | None = None, *, claim_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """The ledger's claims on ``topic_id`` (or exactly ``claim_ids``), in the article's order."""
    claims = load_claims()
    if (topic_id is None) == (claim_ids is None):
        raise ValueError("recap: give either topic_id or claim_ids")
    if claim_ids is not None:
        chosen = claims[claims["claim_id"].isin(claims_by_id(claim_ids)["claim_id"])]
    else:
        topics = load_topics().set_index("topic_id")
        if topic_id not in topics.index:
            raise KeyError(f"recap: no topic {topic_id!r} in data/topics.csv; known: {sorted(topics.index)}")
        patterns = {
            topic: re.compile(r"\b(?:" + "|".join(re.escape(word) for word in split_list(keywords)) + r")\b", re.IGNORECASE)
            for topic, keywords in topics["keywords"].items()
        }
        sentences = article_sentences().set_index("sentence_id")["text"]

        def on_topic(claim) -> bool:
            if patterns[topic_id].search(claim.quote):
                return True
            touched = {topic for topic, pattern in patterns.items() if pattern.search(sentences[claim.sentence_id])}
            return touched == {topic_id}

        chosen = claims[[on_topic(claim) for claim in claims.itertuples(index=False)]]
    return chosen.reset_index(drop=True)


def recap_markdown(topic_id: str | None = None, *, claim_ids: Sequence[str] | None = None,
                   ledger_link: str = LEDGER_CHAPTER) -> str:
    """The recap box as Markdown: each claim quoted verbatim with its verdict, and where to read more."""
    claims = recap_claims(topic_id, claim_ids=claim_ids)
    if claims.empty:
        raise ValueError(f"recap: the ledger has no claim on topic {topic_id!r}")
    counts = claims["verdict"].map(lambda verdict: VERDICTS[verdict]["label"]).value_counts()
    lines = ["**Recap: what the article claims, and what the claims ledger found**", ""]
    for claim in claims.itertuples(index=False):
        label = VERDICTS[claim.verdict]["label"]
        lines.append(f"- {claim.claim_id}: “{markdown_text(claim.quote)}”: **{label}**")
    summary = "; ".join(f"{count} {label.lower()}" for label, count in counts.items())
    lines += [
        "",
        f"{len(claims)} claim(s): {summary}. The reasons and sources for each verdict are in the "
        f"[claims ledger]({ledger_link}).",
    ]
    return "\n".join(lines)


class Recap:
    """A recap box that shows as Markdown in JupyterLab and as the same text in plain output."""

    def __init__(self, markdown: str):
        self.markdown = markdown

    def _repr_markdown_(self) -> str:
        return self.markdown

    def __repr__(self) -> str:
        return self.markdown


def recap(topic_id: str | None = None, *, claim_ids: Sequence[str] | None = None,
          ledger_link: str = LEDGER_CHAPTER) -> Recap:
    """The recap box for a chapter's code cell (tag the cell ``recap``)."""
    return Recap(recap_markdown(topic_id, claim_ids=claim_ids, ledger_link=ledger_link))
