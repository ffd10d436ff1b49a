"""Regenerate the pages built from data and chapters: docs/glossary.md and docs/teachers/syllabus.md.

Usage: python scripts/build_teaching_pages.py
Run it after changing data/glossary.csv, data/sources.csv, notebooks/chapters.toml or a chapter's
opening sections; the tests fail while either page is out of date.
"""

import sys

from explainer.authoring.files import write_if_changed
from explainer.authoring.registry import ROOT
from explainer.authoring.syllabus import update_syllabus
from explainer.glossary import glossary_markdown

GLOSSARY_PAGE = ROOT / "docs" / "glossary.md"


def update_glossary_page() -> bool:
    return write_if_changed(GLOSSARY_PAGE, glossary_markdown())


def main() -> int:
    for name, changed in (("docs/glossary.md", update_glossary_page()), ("docs/teachers/syllabus.md", update_syllabus())):
        print(f"{name}: {'updated' if changed else 'up to date'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
