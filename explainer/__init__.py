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
from explainer.display import table
from explainer.ledger import (
    annotated_article,
    claims_table,
    load_claims,
    print_verdict_summary,
    verdict_chart,
    verdict_counts,
)
from explainer.sources import load_sources, references, source_ids_of
from explainer.tables import load_table
from explainer.timeline import as_of, events, events_table, timeline_chart

__all__ = [
    "annotated_article",
    "article_paragraphs",
    "article_sentences",
    "article_text",
    "as_of",
    "bar_chart",
    "claims_table",
    "describe",
    "events",
    "events_table",
    "load_claims",
    "load_sources",
    "load_table",
    "load_topics",
    "print_article",
    "print_description",
    "print_verdict_summary",
    "references",
    "source_ids_of",
    "table",
    "timeline_chart",
    "topic_mentions",
    "topic_mentions_chart",
    "topic_overview",
    "verdict_chart",
    "verdict_counts",
]
__version__ = "0.1.0"
