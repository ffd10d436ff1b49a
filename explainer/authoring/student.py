"""The student edition: every chapter without its solutions, and a zip a teacher can hand out.

The instructor edition is the repository's notebooks. The student edition drops every cell tagged
``solution`` and, in its place, leaves a cell for the student's own answer (with the self-check
call when the exercise has one). Everything else is kept, teaching tags included (``optional``,
``no-code``, ``code``, ``recap``: see :mod:`explainer.authoring.tags`), so the core path and the
kind of each exercise read the same in both editions.

Dropping the cells is not trusted on its own: :func:`leaked_solution_lines` searches each written
file (sources, outputs and metadata alike) for every line of every solution, and the build fails
if one is found.

Examples
--------
>>> cells = [{"cell_type": "markdown", "metadata": {"tags": ["code"]}, "source": "### Exercise 1\\n\\nCount."},
...          {"cell_type": "markdown", "metadata": {"tags": ["solution"]}, "source": "<details>The answer is four days.</details>"}]
>>> student = student_notebook({"cells": cells, "metadata": {}}, "01")
>>> [cell["metadata"].get("tags") for cell in student["cells"]]
[['code'], ['student-answer'], ['student-answer']]
>>> student["cells"][2]["source"].splitlines()[-1]
'# check("01-1", ...)'
>>> "four days" in str(student)
False
"""

from __future__ import annotations

import copy
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

from explainer.authoring.tags import exercises, is_solution, source_of

STUDENT_ANSWER_TAG = "student-answer"
ZIP_NAME = "trump-erdogan-explainer-student.zip"
# Files in the zip get a fixed date so that building twice gives the same bytes.
ZIP_DATE = (2026, 1, 1, 0, 0, 0)
# Solution lines shorter than this are too generic to prove a leak ("</details>", "```python").
MIN_LEAK_LINE = 25
KEPT_CELL_METADATA = ("tags", "jupyter", "editable", "deletable")

README = """Student edition of "The Trump–Erdoğan call, explained"
=======================================================

These are the book's chapters without the exercise solutions. Each exercise is followed by a cell
for your own answer; for the code exercises of some chapters that cell shows how to check your
answer yourself:

    from explainer.selfcheck import check
    check("04-2", my_answer)

The notebooks need the book's Python environment (the `explainer` package and its data). Your
teacher will tell you where to open them: a class JupyterHub, or a computer where the repository
has been set up with `make setup`. Copy the .ipynb files into the repository's `notebooks/` folder
(or any folder of a server where the package is installed) and open them in JupyterLab.
"""


class SolutionLeakError(RuntimeError):
    """A student notebook still contains text of a solution."""


@dataclass(frozen=True)
class StudentEdition:
    notebooks: list[Path]
    zip_path: Path
    solutions_removed: int


def _answer_cells(exercise_id: str, checkable: set[str]) -> list[dict]:
    cells = [
        {
            "cell_type": "markdown",
            "metadata": {"tags": [STUDENT_ANSWER_TAG]},
            "source": f"**Your answer to exercise {exercise_id}** (double-click to write here):\n\n…",
        }
    ]
    if exercise_id in checkable:
        cells.append(
            {
                "cell_type": "code",
                "execution_count": None,
                "metadata": {"tags": [STUDENT_ANSWER_TAG]},
                "outputs": [],
                "source": (
                    "# Check your answer: replace ... with it, then run this cell.\n"
                    "# from explainer.selfcheck import check, answer_form\n"
                    f"# print(answer_form(\"{exercise_id}\"))\n"
                    f"# check(\"{exercise_id}\", ...)"
                ),
            }
        )
    return cells


def _checkable_exercises() -> set[str]:
    from explainer.selfcheck import exercise_ids

    return set(exercise_ids())


def solution_texts(notebook) -> list[str]:
    """The full text of every solution cell: its source and the text of its outputs."""
    texts = []
    for cell in notebook["cells"]:
        if is_solution(cell):
            texts.append(source_of(cell) + "\n" + json.dumps(cell.get("outputs", []), ensure_ascii=False))
    return texts


def _solution_lines(texts: list[str]) -> set[str]:
    lines = set()
    for text in texts:
        for line in text.splitlines():
            line = line.strip()
            if len(line) >= MIN_LEAK_LINE:
                lines.add(line)
    return lines


def leaked_solution_lines(written: str, solutions: list[str], chapter_text: str = "") -> list[str]:
    """The lines of ``solutions`` that appear in ``written`` (a notebook file's text), except those
    the chapter's own cells already say outside its solutions (``chapter_text``, their sources): a
    solution may repeat a call the text makes, but neither its answer nor an output showing it may survive.

    The file is searched both as stored (JSON-escaped) and decoded, so a solution line cannot hide
    behind escaping in an output or in metadata.

    >>> leaked_solution_lines('{"source": "Four days: from 24 February"}', ["Four days: from 24 February"])
    ['Four days: from 24 February']
    """
    decoded = _decoded_strings(written)
    haystacks = (written, decoded)
    return sorted(line for line in _solution_lines(solutions) if line not in chapter_text
                  and any(line in haystack or json.dumps(line)[1:-1] in haystack for haystack in haystacks))


def _decoded_strings(written: str) -> str:
    try:
        data = json.loads(written)
    except json.JSONDecodeError:
        return written
    strings: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                strings.append(str(key))
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return "\n".join(strings)


def student_notebook(notebook, chapter_number: str, checkable: set[str] | None = None):
    """A copy of ``notebook`` without its solutions, each replaced by a cell for the student's answer."""
    checkable = _checkable_exercises() if checkable is None else checkable
    solution_owner = {exercise.solution_index: exercise.exercise_id
                      for exercise in exercises(notebook, chapter_number) if exercise.solution_index is not None}
    student = copy.deepcopy(notebook)
    cells = []
    for index, cell in enumerate(notebook["cells"]):
        if is_solution(cell):
            if index in solution_owner:
                cells.extend(_answer_cells(solution_owner[index], checkable))
            continue
        kept = copy.deepcopy(cell)
        kept["metadata"] = {key: value for key, value in cell.get("metadata", {}).items() if key in KEPT_CELL_METADATA}
        cells.append(kept)
    if any("id" in cell for cell in notebook["cells"]):
        for number, cell in enumerate(cells):
            cell["id"] = f"cell-{number:03d}"
    student["cells"] = cells
    return student


def chapter_number(path: Path) -> str:
    match = re.match(r"(\d{2})_", path.name)
    if not match:
        raise ValueError(f"student edition: {path.name!r} does not start with a two-digit chapter number")
    return match.group(1)


def build_student_edition(notebook_paths: list[Path], out_dir: Path) -> StudentEdition:
    """Write the student edition of ``notebook_paths`` into ``out_dir``, with its zip.

    Raises :class:`SolutionLeakError` naming the file and the line if any solution text survives.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    checkable = _checkable_exercises()
    written, removed = [], 0
    for path in notebook_paths:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        solutions = solution_texts(notebook)
        student = student_notebook(notebook, chapter_number(path), checkable)
        text = nbformat.writes(nbformat.from_dict(student)) + "\n"
        chapter_text = "\n".join(source_of(cell) for cell in notebook["cells"] if not is_solution(cell))
        leaks = leaked_solution_lines(text, solutions, chapter_text)
        if leaks:
            raise SolutionLeakError(f"{path.name}: solution text survives in the student edition: {leaks[0]!r}")
        target = out_dir / path.name
        target.write_text(text, encoding="utf-8")
        written.append(target)
        removed += len(solutions)
    zip_path = out_dir / ZIP_NAME
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        folder = ZIP_NAME.removesuffix(".zip")
        for name, data in [("README.txt", README.encode("utf-8"))] + [(p.name, p.read_bytes()) for p in written]:
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return StudentEdition(written, zip_path, removed)
