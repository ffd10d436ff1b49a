"""Start a chapter: `python scripts/new_chapter.py 07_topic "Title" ["One-line summary"]` (or `make chapter`).

Copies the chapter template into notebooks/, registers it in notebooks/chapters.toml as a draft
(executed and tested, not yet shown to readers) and refreshes the README. Standard library only.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from explainer.authoring.scaffold import scaffold_chapter  # noqa: E402


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    try:
        path = scaffold_chapter(argv[0], argv[1], summary=argv[2] if len(argv) == 3 else "")
    except ValueError as error:
        print(f"make chapter: {error}", file=sys.stderr)
        return 2
    print(f"Created {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path} (registered as a draft).")
    print("Next: write it in JupyterLab (make lab), then `make check CHAPTER=" + path.name[:2] + "`.")
    print(f"When it is finished: `make ready CHAPTER={path.name[:2]}`.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
