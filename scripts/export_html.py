"""Export every chapter notebook to HTML in build/html, executed, with figures drawn offline.

Usage: python scripts/export_html.py [NOTEBOOK ...]   (default: all of notebooks/)
"""

from __future__ import annotations

import sys
from pathlib import Path

from explainer.authoring.export import export_html
from explainer.authoring.notebooks import chapter_paths

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    paths = [Path(arg).resolve() for arg in argv] or chapter_paths(ROOT / "notebooks")
    for path in paths:
        target = export_html(path, ROOT / "build" / "html")
        print(f"{path.name} -> {target.relative_to(ROOT)} ({target.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
