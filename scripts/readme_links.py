"""Regenerate the README's chapter table and Binder links from notebooks/chapters.toml and
the repository address in pyproject.toml. Standard library only.

Usage: python scripts/readme_links.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from explainer.authoring.registry import update_readme  # noqa: E402

if __name__ == "__main__":
    print("README.md updated" if update_readme() else "README.md already up to date")
    sys.exit(0)
