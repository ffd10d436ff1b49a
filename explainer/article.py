"""The article the project explains, read from ``seeds/`` and split into numbered sentences.

Sentence ids (``S01``, ``S02``, ...) are derived from the seed file, never retyped, so the
claims ledger and every chapter refer to the same words.

Examples
--------
>>> from explainer.article import article_sentences
>>> sentences = article_sentences()
>>> sentences.loc[0, "sentence_id"], sentences.loc[0, "text"][:27]
('S01', 'U.S. President Donald Trump')
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from explainer.paths import seed_path
from explainer.tables import load_table, split_list

# A sentence ends at . ! or ? followed by space and a capital or an opening quote, except after
# the abbreviation "U.S." (the article writes "U.S. President", "U.S. supervision").
CALL_DATE = pd.Timestamp("2025-05-05")
"""The day of the Trump–Erdoğan call the article reports."""

_SENTENCE_BREAK = re.compile(r"(?<!\bU\.S\.)(?<=[.!?])\s+(?=[A-Z“\"])")


@lru_cache(maxsize=1)
def article_text() -> str:
    """Return the article exactly as stored in ``seeds/`` (UTF-8)."""
    return seed_path().read_text(encoding="utf-8")


def article_paragraphs() -> list[str]:
    """Return the article's non-empty paragraphs (one per line of the seed)."""
    return [line for line in article_text().split("\n") if line.strip()]


def article_sentences() -> pd.DataFrame:
    """Return one row per sentence: ``sentence_id``, ``paragraph`` (1-based) and ``text``.

    Every sentence is a verbatim slice of the seed file.
    """
    rows = []
    for paragraph_number, paragraph in enumerate(article_paragraphs(), start=1):
        for sentence in _SENTENCE_BREAK.split(paragraph):
            rows.append({"paragraph": paragraph_number, "text": sentence})
    frame = pd.DataFrame(rows, columns=["paragraph", "text"])
    frame.insert(0, "sentence_id", [f"S{number:02d}" for number in range(1, len(frame) + 1)])
    return frame


def load_topics() -> pd.DataFrame:
    """Return the topics the article touches (``data/topics.csv``)."""
    return load_table("topics")


def topic_mentions() -> pd.DataFrame:
    """Return, for each topic, the ids of the sentences whose text names one of its keywords.

    Matching is case-insensitive on whole words. Columns: ``topic_id``, ``label``,
    ``sentence_ids`` (list) and ``sentence_count``.
    """
    sentences = article_sentences()
    rows = []
    for topic in load_topics().itertuples(index=False):
        keywords = split_list(topic.keywords)
        if not keywords:
            raise ValueError(f"explainer: topic {topic.topic_id!r} has no keywords in data/topics.csv")
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(word) for word in keywords) + r")\b", re.IGNORECASE)
        hits = [row.sentence_id for row in sentences.itertuples(index=False) if pattern.search(row.text)]
        rows.append(
            {"topic_id": topic.topic_id, "label": topic.label, "sentence_ids": hits, "sentence_count": len(hits)}
        )
    return pd.DataFrame(rows, columns=["topic_id", "label", "sentence_ids", "sentence_count"])


def print_article() -> None:
    """Print the article one sentence per line, each with its id and paragraph number."""
    for row in article_sentences().itertuples(index=False):
        print(f"{row.sentence_id} (¶{row.paragraph}) {row.text}")


def topic_overview() -> pd.DataFrame:
    """One row per topic: its label, where it happens, the chapter that explains it and the
    ids of the article's sentences that name it."""
    topics = load_topics().set_index("topic_id")
    mentions = topic_mentions().set_index("topic_id")
    overview = pd.DataFrame(
        {
            "Topic": topics["label"],
            "Where": topics["region"],
            "Sentences": mentions["sentence_ids"].map(", ".join),
            "Chapter": topics["chapter"],
        }
    )
    return overview.reset_index(drop=True)
