"""Helpers for the Trump–Erdoğan call explainer: data loading, figures and their descriptions.

The notebooks call these functions; the logic lives here so it can be tested.

>>> import explainer
>>> explainer.article_sentences().shape[0] > 0
True
"""

from explainer.article import (
    article_paragraphs,
    article_sentences,
    article_text,
    load_topics,
    print_article,
    topic_mentions,
    topic_overview,
)
from explainer.charts import bar_chart, topic_mentions_chart
from explainer.describe import describe, print_description
from explainer.sources import load_sources, references
from explainer.tables import load_table

__all__ = [
    "article_paragraphs",
    "article_sentences",
    "article_text",
    "bar_chart",
    "describe",
    "load_sources",
    "load_table",
    "load_topics",
    "print_article",
    "print_description",
    "references",
    "topic_mentions",
    "topic_mentions_chart",
    "topic_overview",
]
__version__ = "0.1.0"
