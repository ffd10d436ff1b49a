"""The syllabus page for teachers, generated from the chapter registry and the chapters themselves.

For every registered chapter it reads, from the notebook, the learning objectives, the
prerequisites table, the time to learn and the exercises with their ``no-code``/``code`` tags, so
the page says what the chapters say. ``scripts/build_teaching_pages.py`` writes it to
``docs/teachers/syllabus.md``; a test fails when the page and the chapters disagree.

Examples
--------
>>> cells = [{"cell_type": "markdown", "metadata": {}, "source": "# T\\n\\n## Time to learn\\n\\nAbout 20 minutes."}]
>>> sections({"cells": cells})["Time to learn"]
'About 20 minutes.'
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from explainer.authoring.prose import read_notebook
from explainer.authoring.files import write_if_changed
from explainer.authoring.registry import ROOT, Chapter, chapters
from explainer.authoring.tags import exercises, is_solution, source_of

SYLLABUS = ROOT / "docs" / "teachers" / "syllabus.md"
NOTEBOOKS_FROM_PAGE = "../../notebooks/"
HEADING = re.compile(r"^##\s+(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Outline:
    chapter: Chapter
    number: str
    objectives_intro: str
    objectives: list[str]
    prerequisites: list[list[str]]
    time_to_learn: str
    exercises: list[tuple[str, str | None]]


def sections(notebook) -> dict[str, str]:
    """Each ``## Heading`` of the notebook's Markdown (solutions excluded) mapped to its text."""
    text = "\n\n".join(source_of(cell) for cell in notebook["cells"]
                       if cell.get("cell_type") == "markdown" and not is_solution(cell))
    found = {}
    matches = list(HEADING.finditer(text))
    for match, following in zip(matches, [*matches[1:], None][:len(matches)], strict=True):
        end = following.start() if following else len(text)
        found[match.group(1)] = text[match.end():end].strip()
    return found


def _list_items(text: str) -> tuple[str, list[str]]:
    intro = text.split("\n- ", 1)[0].strip() if not text.startswith("- ") else ""
    items = [line[2:].strip() for line in text.splitlines() if line.startswith("- ")]
    return intro, items


def _table_rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if not line.strip().startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-{3,}:?", cell) for cell in cells):
            continue
        rows.append(cells)
    return rows


def outline(chapter: Chapter, notebook_dir: Path = ROOT / "notebooks") -> Outline:
    """What the syllabus says about one chapter; raise ``ValueError`` naming a missing section."""
    notebook = read_notebook(notebook_dir / chapter.file)
    found = sections(notebook)
    for needed in ("Learning objectives", "Prerequisites", "Time to learn"):
        if needed not in found:
            raise ValueError(f"{chapter.file}: no '## {needed}' section for the syllabus")
    intro, objectives = _list_items(found["Learning objectives"])
    number = chapter.file[:2]
    return Outline(
        chapter=chapter,
        number=number,
        objectives_intro=intro,
        objectives=objectives,
        prerequisites=_table_rows(found["Prerequisites"]),
        # the section's first paragraph is the estimate; what follows (how current the chapter is) is not
        time_to_learn=" ".join(found["Time to learn"].strip().split("\n\n")[0].split()),
        exercises=[(exercise.exercise_id, exercise.kind) for exercise in exercises(notebook, number)],
    )


CHAPTER_LINK = re.compile(r"\(((?:\.\./notebooks/)?\d{2}_[a-z0-9_]+\.ipynb)\)")


def necessary_chapters(item: Outline) -> list[str]:
    """The other chapters that ``item`` lists as *Necessary* prerequisites (their notebook files).

    A chapter that "stands alone" lists none.

    >>> necessary_chapters(outline(chapters()[0]))
    []
    """
    found = []
    for row in item.prerequisites[1:]:
        if len(row) > 1 and row[1].strip().lower() == "necessary":
            found += [link.rsplit("/", 1)[-1] for link in CHAPTER_LINK.findall(row[0])]
    return [name for name in found if name != item.chapter.file]


def _relink(markdown: str) -> str:
    """Point the chapters' relative links (``00_the_call.ipynb``) at the notebooks from the page."""
    return re.sub(r"\]\((?!https?://|#|/)([^)]+)\)",
                  lambda m: f"]({posixpath.normpath(NOTEBOOKS_FROM_PAGE + m.group(1))})", markdown)


def _kinds(found: list[tuple[str, str | None]]) -> str:
    if not found:
        return "none"
    labels = {"no-code": "no code", "code": "code", None: "not yet tagged"}
    return ", ".join(f"{exercise_id} ({labels[kind]})" for exercise_id, kind in found)


def syllabus_markdown(notebook_dir: Path = ROOT / "notebooks") -> str:
    """The syllabus page."""
    outlines = [outline(chapter, notebook_dir) for chapter in chapters() if chapter.status == "ready"]
    lines = [
        "# Syllabus",
        "",
        "<!-- generated by scripts/build_teaching_pages.py from notebooks/chapters.toml and the chapters; do not edit by hand -->",
        "",
        "Every chapter of the book, with the objectives, prerequisites and reading time it states itself.",
        "Each chapter has a [lesson plan](README.md#lesson-plans) for a 50-minute class; the",
        "[teacher's guide](README.md) suggests units of one, two and four weeks.",
        "",
        "| # | Chapter | Time to learn | Prerequisites marked *Necessary* | Exercises |",
        "|---|---|---|---|---|",
    ]
    for item in outlines:
        necessary = [row[0] for row in item.prerequisites[1:] if len(row) > 1 and row[1].lower() == "necessary"]
        lines.append(
            f"| {item.number} | [{item.chapter.title}](#chapter-{item.number}) | {_relink(item.time_to_learn)} "
            f"| {_relink('; '.join(necessary)) or 'none'} | {len(item.exercises)} |"
        )
    for item in outlines:
        lines += [
            "",
            f'<a id="chapter-{item.number}"></a>',
            "",
            f"## {item.number} {item.chapter.title}",
            "",
            f"{item.chapter.summary} [Open the chapter]({NOTEBOOKS_FROM_PAGE}{item.chapter.file}) ·"
            f" [Lesson plan]({Path(item.chapter.file).stem}.md)",
            "",
            f"**Time to learn.** {_relink(item.time_to_learn)}",
            "",
            f"**Learning objectives.** {_relink(item.objectives_intro)}",
            "",
            *[f"- {_relink(objective)}" for objective in item.objectives],
            "",
            "**Prerequisites.**",
            "",
        ]
        if item.prerequisites:
            header, *rows = item.prerequisites
            lines.append("| " + " | ".join(header) + " |")
            lines.append("|" + "---|" * len(header))
            lines += ["| " + " | ".join(_relink(cell) for cell in row) + " |" for row in rows]
        lines += ["", f"**Exercises.** {_kinds(item.exercises)}."]
    return "\n".join(lines) + "\n"


def update_syllabus(path: Path = SYLLABUS) -> bool:
    """Write the syllabus page; return whether it changed."""
    return write_if_changed(path, syllabus_markdown())
