"""Start a chapter: `python scripts/new_chapter.py 07_topic "Title" ["One-line summary"]` (or `make chapter`).

Copies the chapter template into notebooks/, registers it in notebooks/chapters.toml as a draft
(executed and tested, not yet shown to readers) and refreshes the README. Standard library only.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from explainer.authoring.cli import run_command  # noqa: E402
from explainer.authoring.scaffold import scaffold_chapter  # noqa: E402


def start(name: str, title: str, summary: str = "") -> int:
    path = scaffold_chapter(name, title, summary=summary)
    print(f"Created {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path} (registered as a draft).")
    print("Next: write it in JupyterLab (make lab), then `make check CHAPTER=" + path.name[:2] + "`.")
    print(f"When it is finished: `make ready CHAPTER={path.name[:2]}`.")
    return 0


if __name__ == "__main__":
    sys.exit(run_command("make chapter", __doc__.strip().splitlines()[0], sys.argv[1:], [2, 3], start))
