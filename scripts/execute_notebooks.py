"""Re-execute every chapter notebook in place and store it in the project's normal form.

Usage: python scripts/execute_notebooks.py [NOTEBOOK ...]   (default: all of notebooks/)
Run it (or `make notebooks`) after changing a chapter, data or the package, then commit.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from explainer.authoring.notebooks import chapter_paths, execute_and_normalise

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"


def main(argv: list[str]) -> int:
    paths = [Path(arg).resolve() for arg in argv] or chapter_paths(NOTEBOOK_DIR)
    for path in paths:
        started = time.perf_counter()
        changed = execute_and_normalise(path)
        state = "updated" if changed else "unchanged"
        print(f"{path.name}: {state} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
