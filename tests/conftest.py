"""Shared fixtures. The repository root, and the bibliography's ids, used across test modules."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def source_ids() -> set[str]:
    from explainer.sources import load_sources

    return set(load_sources()["id"])
