"""Where the project's data tables and the seed article live.

A checkout keeps them at the repository root (``data/``, ``seeds/``); an installed wheel
carries copies under ``explainer/_bundled/``. Every loader asks this module, never the
current working directory, so a notebook works wherever it is started from.

Examples
--------
>>> from explainer.paths import data_path
>>> data_path("sources.csv").name
'sources.csv'
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_CANDIDATE_ROOTS = (_PACKAGE_DIR / "_bundled", _PACKAGE_DIR.parent)

SEED_FILENAME = "000_cc6a21e2ac53e75e.txt"


def project_root() -> Path:
    """Return the folder that holds ``data/`` and ``seeds/`` for this copy of the package."""
    for root in _CANDIDATE_ROOTS:
        if (root / "data").is_dir() and (root / "seeds").is_dir():
            return root
    searched = ", ".join(str(root) for root in _CANDIDATE_ROOTS)
    raise FileNotFoundError(f"explainer: no data/ and seeds/ folders found (searched: {searched})")


def data_dir() -> Path:
    """Return the ``data/`` folder."""
    return project_root() / "data"


def data_path(name: str) -> Path:
    """Return the path of a file in ``data/``, raising a clear error if it is missing."""
    path = data_dir() / name
    if not path.is_file():
        raise FileNotFoundError(f"explainer: data file {name!r} not found at {path}")
    return path


def seed_path() -> Path:
    """Return the path of the article the project explains."""
    path = project_root() / "seeds" / SEED_FILENAME
    if not path.is_file():
        raise FileNotFoundError(f"explainer: the seed article is missing at {path}")
    return path
