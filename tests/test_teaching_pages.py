"""The teacher's guide: the generated syllabus is up to date, every chapter has a lesson plan with
the parts the guide promises, and every link in the guide and the glossary page resolves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from explainer.authoring.registry import ROOT, Chapter, chapters
from explainer.authoring.syllabus import outline, sections, syllabus_markdown

GUIDE = ROOT / "docs" / "teachers"
PAGES = sorted(GUIDE.glob("*.md")) + [ROOT / "docs" / "glossary.md"]
READY = [chapter for chapter in chapters() if chapter.status == "ready"]
LESSON_PARTS = [
    "## Before the class",
    "## During the class (50 minutes)",
    "## After the class",
    "## Objectives and the exercises that practise them",
    "## Discussion questions: what a good answer includes",
    "## Misconceptions to expect",
]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_syllabus_is_up_to_date():
    page = GUIDE / "syllabus.md"
    assert page.read_text(encoding="utf-8") == syllabus_markdown(), "run: make teaching-pages"


def test_syllabus_reads_what_the_chapters_say():
    chapter = READY[0]
    item = outline(chapter)
    assert item.objectives and all(objective in syllabus_markdown() for objective in item.objectives)
    assert item.prerequisites[0][:2] == ["Concepts", "Importance"]
    assert re.search(r"\d+ minutes", item.time_to_learn)


def test_syllabus_names_a_chapter_without_a_section(tmp_path):
    (tmp_path / "00_x.ipynb").write_text('{"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# X"}]}')
    with pytest.raises(ValueError, match="00_x.ipynb.*Learning objectives"):
        outline(Chapter("00_x.ipynb", "X", "x", "ready"), tmp_path)


def test_sections_split_on_second_level_headings_only():
    notebook = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "## A\n\ntext\n\n### B\n\nmore\n\n## C\n\nend"}]}
    assert sections(notebook) == {"A": "text\n\n### B\n\nmore", "C": "end"}


@pytest.mark.parametrize("chapter", READY, ids=lambda chapter: chapter.file)
def test_every_chapter_has_a_lesson_plan_with_every_part(chapter):
    plan = GUIDE / chapter.file.replace(".ipynb", ".md")
    assert plan.exists(), f"no lesson plan for {chapter.file}"
    text = plan.read_text(encoding="utf-8")
    for part in LESSON_PARTS:
        assert part in text, f"{plan.name} lacks {part!r}"
    assert f"../../notebooks/{chapter.file}" in text
    discussion = sections({"cells": [{"cell_type": "markdown", "metadata": {}, "source": text}]})
    notes = discussion["Discussion questions: what a good answer includes"]
    assert len(re.findall(r"^\d+\. ", notes, re.MULTILINE)) >= 3


def test_the_gaza_lesson_plan_has_a_content_note():
    text = (GUIDE / "03_gaza.md").read_text(encoding="utf-8")
    assert "## Content note" in text and text.index("## Content note") < text.index("## During the class")


def test_the_guide_covers_units_rubric_and_running_a_class():
    index = (GUIDE / "README.md").read_text(encoding="utf-8")
    for needed in ("**One week", "**Two weeks", "**Four weeks", "Secure", "Developing", "Beginning", "running-a-class.md"):
        assert needed in index
    running = (GUIDE / "running-a-class.md").read_text(encoding="utf-8")
    for needed in ("Binder", "Littlest JupyterHub", "binder/requirements.txt", "make site"):
        assert needed in running


def anchors_of(page: Path) -> set[str]:
    text = page.read_text(encoding="utf-8")
    ids = set(re.findall(r'<a id="([^"]+)"></a>', text))
    headings = {re.sub(r"[^a-z0-9 -]", "", heading.lower()).replace(" ", "-")
                for heading in re.findall(r"^#+ (.+)$", text, re.MULTILINE)}
    return ids | headings


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_relative_link_resolves(page):
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        path_part, _, fragment = target.partition("#")
        destination = (page.parent / path_part).resolve() if path_part else page
        assert destination.exists(), f"{page.name}: broken link {target}"
        if fragment and destination.suffix == ".md":
            assert fragment in anchors_of(destination), f"{page.name}: no anchor #{fragment} in {destination.name}"


def test_readme_links_the_guide_syllabus_and_glossary():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## For educators", 1)[1].split("\n## ", 1)[0]
    for target in ("docs/teachers/README.md", "docs/teachers/syllabus.md", "docs/glossary.md"):
        assert f"]({target})" in section
        assert (ROOT / target).exists()


def test_necessary_chapters_reads_chapter_links_marked_necessary(tmp_path):
    from explainer.authoring.syllabus import necessary_chapters

    source = ("## Learning objectives\n\n- one\n\n## Prerequisites\n\n| Concepts | Importance | Notes |\n|---|---|---|\n"
              "| [Chapter 00: the call](00_the_call.ipynb) | Necessary | x |\n"
              "| [Chapter 01](01_turkey_between_blocs.ipynb) | Helpful | y |\n\n## Time to learn\n\nAbout 20 minutes.")
    (tmp_path / "03_x.ipynb").write_text(
        '{"cells": [{"cell_type": "markdown", "metadata": {}, "source": %s}]}' % __import__("json").dumps(source))
    item = outline(Chapter("03_x.ipynb", "X", "x", "ready"), tmp_path)
    assert necessary_chapters(item) == ["00_the_call.ipynb"]


def test_the_readme_says_each_chapter_stands_alone_and_no_chapter_needs_another():
    from explainer.authoring.syllabus import necessary_chapters

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Each chapter stands alone" in readme
    needing = {chapter.file: necessary_chapters(outline(chapter)) for chapter in chapters() if chapter.status == "ready"}
    assert not {file: needed for file, needed in needing.items() if needed}, (
        "the README says each chapter stands alone, but these chapters mark another chapter as Necessary"
    )
