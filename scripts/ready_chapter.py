"""Publish a finished draft: `python scripts/ready_chapter.py 07` (or `make ready CHAPTER=07`).

Sets the chapter's status to "ready" in notebooks/chapters.toml and refreshes the README's
chapter table. Standard library only.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from explainer.authoring.cli import run_command  # noqa: E402
from explainer.authoring.registry import chapters, mark_ready, update_readme  # noqa: E402


def publish(wanted: str) -> int:
    stem = wanted.removesuffix(".ipynb")
    matches = [chapter.file for chapter in chapters() if chapter.file.removesuffix(".ipynb") == stem or chapter.file.startswith(stem + "_")]
    if len(matches) != 1:
        raise ValueError(f"CHAPTER={wanted!r} matches {len(matches)} registered chapters")
    chapter = mark_ready(matches[0])
    update_readme()
    print(f"{chapter.file} is ready: it is listed in the README and the syllabus now.")
    print(f"A ready chapter also needs a core path of about 25 minutes (cells tagged optional) and a lesson plan,"
          f" docs/teachers/{chapter.file.removesuffix('.ipynb')}.md; `make test` checks both.")
    return 0


if __name__ == "__main__":
    sys.exit(run_command("make ready", __doc__.strip().splitlines()[0], sys.argv[1:], [1], publish))
