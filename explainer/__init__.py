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
from explainer.geo import (
    country_of,
    distance_km,
    geodesic_ring,
    load_boundaries,
    load_places,
    places_frame,
    plotly_geojson,
    policy_note,
)
from explainer.ledger import (
    annotated_article,
    claims_table,
    load_claims,
    print_verdict_summary,
    verdict_chart,
    verdict_counts,
)
from explainer.maps import gaza_map, range_rings_map, region_map, syria_map, turkey_map, ukraine_map
from explainer.sources import load_sources, references, source_ids_of
from explainer.tables import load_table
from explainer.timeline import as_of, events, events_table, facts_run_to, timeline_chart

__all__ = [
    "annotated_article",
    "article_paragraphs",
    "article_sentences",
    "article_text",
    "as_of",
    "bar_chart",
    "claims_table",
    "country_of",
    "describe",
    "distance_km",
    "events",
    "events_table",
    "facts_run_to",
    "gaza_map",
    "geodesic_ring",
    "load_boundaries",
    "load_claims",
    "load_places",
    "load_sources",
    "load_table",
    "load_topics",
    "places_frame",
    "plotly_geojson",
    "policy_note",
    "print_article",
    "print_description",
    "print_verdict_summary",
    "range_rings_map",
    "references",
    "region_map",
    "source_ids_of",
    "syria_map",
    "table",
    "timeline_chart",
    "topic_mentions",
    "topic_mentions_chart",
    "topic_overview",
    "turkey_map",
    "ukraine_map",
    "verdict_chart",
    "verdict_counts",
]
__version__ = "0.1.0"
