"""Publish a finished draft: `python scripts/ready_chapter.py 07` (or `make ready CHAPTER=07`).

Sets the chapter's status to "ready" in notebooks/chapters.toml and refreshes the README's
chapter table. Standard library only.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from explainer.authoring.registry import chapters, mark_ready, update_readme  # noqa: E402


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    wanted = argv[0].removesuffix(".ipynb")
    matches = [chapter.file for chapter in chapters() if chapter.file.removesuffix(".ipynb") == wanted or chapter.file.startswith(wanted + "_")]
    try:
        if len(matches) != 1:
            raise ValueError(f"CHAPTER={argv[0]!r} matches {len(matches)} registered chapters")
        chapter = mark_ready(matches[0])
    except ValueError as error:
        print(f"make ready: {error}", file=sys.stderr)
        return 2
    update_readme()
    print(f"{chapter.file} is ready: it is listed in the README now. Run `make test` before you commit.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
