"""Write the student edition (every ready chapter without its solutions) and its zip to build/student/.

Usage: python scripts/build_student_edition.py [OUT_DIR]
"""

import sys
from pathlib import Path

from explainer.authoring.registry import ROOT, chapters
from explainer.authoring.student import build_student_edition


def main() -> int:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "student"
    paths = [ROOT / "notebooks" / chapter.file for chapter in chapters() if chapter.status == "ready"]
    edition = build_student_edition(paths, out_dir)
    print(f"{len(edition.notebooks)} chapters, {edition.solutions_removed} solutions removed: {out_dir}")
    print(f"hand-out: {edition.zip_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
