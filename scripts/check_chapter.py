"""Check one chapter: `python scripts/check_chapter.py 07` (or `make check CHAPTER=07`).

Runs the chapter, stores it in normal form, then checks the chapter contract (structure,
citations, links) and runs it under strict nbval. The number alone is enough; a name or a path
works too. Exit status 0 means the chapter is ready to commit.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from explainer.authoring.cli import run_command
from explainer.authoring.contract import check_chapter_file
from explainer.authoring.notebooks import execute_and_normalise, find_chapter
from explainer.sources import load_sources

ROOT = Path(__file__).resolve().parents[1]


def check(chapter: str) -> int:
    path = find_chapter(ROOT / "notebooks", chapter)
    started = time.perf_counter()
    changed = execute_and_normalise(path)
    print(f"{path.name}: executed and normalised ({'updated' if changed else 'unchanged'})")
    problems = check_chapter_file(path, set(load_sources()["id"]))
    for problem in problems:
        print(f"  contract: {problem}")
    print(f"{path.name}: contract {'broken' if problems else 'kept'}, links checked")
    nbval = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--no-header", "-p", "no:randomly", str(path.relative_to(ROOT))],
        cwd=ROOT,
    )
    print(f"{path.name}: checked in {time.perf_counter() - started:.0f} s")
    return 1 if problems or nbval.returncode else 0


if __name__ == "__main__":
    sys.exit(run_command("make check", __doc__.strip().splitlines()[0], sys.argv[1:], [1], check))
