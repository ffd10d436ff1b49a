"""Helpers for the Trump–Erdoğan call explainer: data loading, figures and their descriptions.

The notebooks call these functions; the logic lives here so it can be tested.

>>> import explainer
>>> explainer.article_sentences().shape[0] > 0
True
"""

# Names are imported from their modules on first use (PEP 562), so `import explainer` stays
# cheap and the authoring tools (explainer.authoring.registry) run with the standard library alone.
from __future__ import annotations

import importlib
import sys
import types

_SOURCES = {
    "annotated_article": "explainer.ledger",
    "article_paragraphs": "explainer.article",
    "article_sentences": "explainer.article",
    "article_text": "explainer.article",
    "as_of": "explainer.timeline",
    "bar_chart": "explainer.charts",
    "check": "explainer.selfcheck",
    "claims_table": "explainer.ledger",
    "country_of": "explainer.geo",
    "describe": "explainer.describe",
    "distance_km": "explainer.geo",
    "events": "explainer.timeline",
    "events_table": "explainer.timeline",
    "facts_run_to": "explainer.currency",
    "gaza_map": "explainer.gaza.map",
    "geodesic_ring": "explainer.geo",
    "load_boundaries": "explainer.geo",
    "load_claims": "explainer.ledger",
    "load_places": "explainer.geo",
    "load_sources": "explainer.sources",
    "load_table": "explainer.tables",
    "load_topics": "explainer.article",
    "places_frame": "explainer.geo",
    "plotly_geojson": "explainer.geo",
    "policy_note": "explainer.geo",
    "print_article": "explainer.article",
    "print_description": "explainer.describe",
    "print_verdict_summary": "explainer.ledger",
    "range_rings_map": "explainer.maps",
    "references": "explainer.sources",
    "region_map": "explainer.maps",
    "source_ids_of": "explainer.sources",
    "syria_map": "explainer.syria.map",
    "table": "explainer.display",
    "timeline_chart": "explainer.timeline",
    "topic_mentions": "explainer.article",
    "topic_mentions_chart": "explainer.charts",
    "topic_overview": "explainer.article",
    "turkey_map": "explainer.blocs.map",
    "ukraine_map": "explainer.ukraine.map",
    "verdict_chart": "explainer.ledger",
    "verdict_counts": "explainer.ledger",
}

__all__ = sorted(_SOURCES)
__version__ = "0.1.0"


def __getattr__(name: str):
    if name not in _SOURCES:
        raise AttributeError(f"module 'explainer' has no attribute {name!r}")
    value = getattr(importlib.import_module(_SOURCES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_SOURCES))


class _Package(types.ModuleType):
    """Importing a submodule sets it as an attribute of its package. ``explainer.describe`` is both
    a submodule and the function readers call, and the function must win, as it did when this
    package imported every name eagerly."""

    def __setattr__(self, name: str, value) -> None:
        if isinstance(value, types.ModuleType) and _SOURCES.get(name) == value.__name__:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
