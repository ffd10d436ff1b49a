"""The cell tags that the chapters, the student edition, the site and the tests all read.

One convention, written once here and in CONTRIBUTING.md ("Cell tags for teaching"):

``solution``
    The cell holds an exercise's solution. The student edition drops it.
``optional``
    The cell is outside the chapter's core path (about 25 minutes of reading). Every cell without
    this tag is on the core path, so a chapter with no ``optional`` cell is all core.
``core``
    Reserved: may mark a cell as core explicitly (the default), for instance inside an optional
    section. A cell must not carry both ``core`` and ``optional``.
``no-code`` / ``code``
    On an exercise's ``### Exercise N`` cell: whether it can be done without writing code.
``recap``
    A generated recap box at the top of a chapter (the article's claims on its topic).

Exercise ids are ``"CC-N"``: the chapter's two-digit number and the exercise number, as
``explainer.selfcheck.check`` takes them.

Examples
--------
>>> cell = {"cell_type": "markdown", "metadata": {"tags": ["optional"]}, "source": "Aside"}
>>> is_core(cell), is_solution(cell)
(False, False)
>>> exercise_kind({"cell_type": "markdown", "metadata": {"tags": ["no-code"]}, "source": "### Exercise 2"})
'no-code'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SOLUTION_TAG = "solution"
CORE_TAG = "core"
OPTIONAL_TAG = "optional"
NO_CODE_TAG = "no-code"
CODE_TAG = "code"
RECAP_TAG = "recap"
EXERCISE_KINDS = (NO_CODE_TAG, CODE_TAG)
TEACHING_TAGS = (SOLUTION_TAG, CORE_TAG, OPTIONAL_TAG, NO_CODE_TAG, CODE_TAG, RECAP_TAG)
EXERCISE_HEADING = re.compile(r"^###\s+Exercise\s+(\d+)\b", re.MULTILINE)


def tags_of(cell) -> list[str]:
    """The cell's tags (an empty list when it has none)."""
    return list(cell.get("metadata", {}).get("tags", []))


def source_of(cell) -> str:
    """The cell's source as one string (notebook JSON may store it as a list of lines)."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def is_solution(cell) -> bool:
    return SOLUTION_TAG in tags_of(cell)


def is_core(cell) -> bool:
    """Whether the cell is on the core path; raise ``ValueError`` if it is tagged both ways."""
    tags = tags_of(cell)
    if CORE_TAG in tags and OPTIONAL_TAG in tags:
        raise ValueError(f"cell {cell.get('id', '?')!r} is tagged both {CORE_TAG!r} and {OPTIONAL_TAG!r}")
    return OPTIONAL_TAG not in tags


def exercise_kind(cell) -> str | None:
    """``"no-code"``, ``"code"`` or ``None`` (untagged) for an exercise cell."""
    kinds = [tag for tag in tags_of(cell) if tag in EXERCISE_KINDS]
    if len(kinds) > 1:
        raise ValueError(f"cell {cell.get('id', '?')!r} is tagged both {NO_CODE_TAG!r} and {CODE_TAG!r}")
    return kinds[0] if kinds else None


@dataclass(frozen=True)
class Exercise:
    """One exercise of a chapter: its id, kind tag, prompt, and the index of its solution cell."""

    exercise_id: str
    kind: str | None
    prompt: str
    cell_index: int
    solution_index: int | None


def exercises(notebook, chapter_number: str) -> list[Exercise]:
    """The chapter's exercises, each matched with the solution cell that follows it.

    >>> cells = [{"cell_type": "markdown", "metadata": {"tags": ["code"]}, "source": "### Exercise 1\\n\\nCount."},
    ...          {"cell_type": "markdown", "metadata": {"tags": ["solution"]}, "source": "<details>4</details>"}]
    >>> [(e.exercise_id, e.kind, e.solution_index) for e in exercises({"cells": cells}, "01")]
    [('01-1', 'code', 1)]
    """
    cells = notebook["cells"]
    found = []
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "markdown" or is_solution(cell):
            continue
        match = EXERCISE_HEADING.search(source_of(cell))
        if not match:
            continue
        solution = next((later for later in range(index + 1, len(cells)) if is_solution(cells[later])), None)
        if solution is not None and any(EXERCISE_HEADING.search(source_of(cells[between])) for between in range(index + 1, solution)):
            solution = None
        found.append(Exercise(f"{chapter_number}-{match.group(1)}", exercise_kind(cell), source_of(cell), index, solution))
    return found
