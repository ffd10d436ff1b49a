"""The student edition contains no solution: no solution cell, and no line of any solution anywhere
in the file (sources, outputs, metadata). It keeps every other cell and its teaching tags."""

from __future__ import annotations

import json
import zipfile

import pytest

from explainer.authoring.registry import ROOT, chapters
from explainer.authoring.student import (
    STUDENT_ANSWER_TAG,
    ZIP_NAME,
    SolutionLeakError,
    build_student_edition,
)

CHAPTERS = [ROOT / "notebooks" / chapter.file for chapter in chapters() if chapter.status == "ready"]


def cell_text(cell) -> str:
    source = cell["source"]
    return "".join(source) if isinstance(source, list) else source


def solution_lines(notebook) -> list[str]:
    """Every substantial line of every solution cell, its outputs included."""
    lines = []
    for cell in notebook["cells"]:
        if "solution" in cell["metadata"].get("tags", []):
            text = cell_text(cell) + "\n" + "\n".join(
                "".join(output.get("text", "")) for output in cell.get("outputs", []))
            lines += [line.strip() for line in text.splitlines() if len(line.strip()) >= 25]
    return lines


def every_string(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in [key, *every_string(item)]]
    if isinstance(value, list):
        return [text for item in value for text in every_string(item)]
    return []


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return build_student_edition(CHAPTERS, tmp_path_factory.mktemp("student"))


def test_every_chapter_is_in_the_edition(edition):
    assert [path.name for path in edition.notebooks] == [path.name for path in CHAPTERS]


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.name)
def test_no_solution_survives(edition, path):
    original = json.loads(path.read_text(encoding="utf-8"))
    lines = solution_lines(original)
    assert lines, f"{path.name} has no solutions to look for"
    written = (edition.notebooks[0].parent / path.name).read_text(encoding="utf-8")
    student = json.loads(written)
    assert not any("solution" in cell["metadata"].get("tags", []) for cell in student["cells"])
    haystack = "\n".join(every_string(student))
    # A solution may repeat what the chapter's own cells say (a call, the exercise's words); its answer must not survive.
    chapter_text = "\n".join(cell_text(cell) for cell in original["cells"] if "solution" not in cell["metadata"].get("tags", []))
    for line in [line for line in lines if line not in chapter_text]:
        assert line not in haystack, f"{path.name}: solution text survives: {line!r}"
        assert line not in written


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.name)
def test_every_other_cell_and_its_tags_are_kept(edition, path):
    original = json.loads(path.read_text(encoding="utf-8"))
    student = json.loads((edition.notebooks[0].parent / path.name).read_text(encoding="utf-8"))
    kept = [cell for cell in original["cells"] if "solution" not in cell["metadata"].get("tags", [])]
    given = [cell for cell in student["cells"] if STUDENT_ANSWER_TAG not in cell["metadata"].get("tags", [])]
    assert [cell_text(cell) for cell in given] == [cell_text(cell) for cell in kept]
    assert [cell["metadata"].get("tags") for cell in given] == [cell["metadata"].get("tags") for cell in kept]
    solutions = len(original["cells"]) - len(kept)
    answers = [cell for cell in student["cells"] if cell["cell_type"] == "markdown"
               and STUDENT_ANSWER_TAG in cell["metadata"].get("tags", [])]
    assert len(answers) == solutions


def test_checkable_exercises_get_the_check_call(edition):
    student = json.loads((edition.notebooks[0].parent / "04_syria.ipynb").read_text(encoding="utf-8"))
    calls = [cell_text(cell) for cell in student["cells"] if cell["cell_type"] == "code"
             and STUDENT_ANSWER_TAG in cell["metadata"].get("tags", [])]
    assert any('check("04-2", ...)' in call for call in calls)


def test_the_zip_holds_the_notebooks_and_a_readme(edition):
    assert edition.zip_path.name == ZIP_NAME
    with zipfile.ZipFile(edition.zip_path) as archive:
        names = archive.namelist()
        folder = ZIP_NAME.removesuffix(".zip")
        assert f"{folder}/README.txt" in names
        for path in edition.notebooks:
            assert archive.read(f"{folder}/{path.name}") == path.read_bytes()


def test_building_twice_gives_the_same_zip(tmp_path):
    first = build_student_edition(CHAPTERS[:1], tmp_path / "a").zip_path.read_bytes()
    second = build_student_edition(CHAPTERS[:1], tmp_path / "b").zip_path.read_bytes()
    assert first == second


def test_a_solution_copied_into_an_output_stops_the_build(tmp_path):
    secret = "The answer is that the two totals differ by exactly one vote."
    notebook = {
        "nbformat": 4, "nbformat_minor": 5, "metadata": {},
        "cells": [
            {"id": "a", "cell_type": "markdown", "metadata": {}, "source": "### Exercise 1\n\nAdd the votes."},
            {"id": "b", "cell_type": "markdown", "metadata": {"tags": ["solution"]},
             "source": f"<details>\n<summary>Solution</summary>\n\n{secret}\n\n</details>"},
            {"id": "c", "cell_type": "code", "metadata": {}, "execution_count": 1, "source": "print(x)",
             "outputs": [{"output_type": "stream", "name": "stdout", "text": secret + "\n"}]},
        ],
    }
    path = tmp_path / "09_leaky.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    with pytest.raises(SolutionLeakError, match="09_leaky.ipynb"):
        build_student_edition([path], tmp_path / "out")


def test_solution_text_in_cell_metadata_is_dropped(tmp_path):
    secret = "Seventy-nine days under house arrest, seventy-two from sanctions."
    notebook = {
        "nbformat": 4, "nbformat_minor": 5, "metadata": {},
        "cells": [
            {"id": "a", "cell_type": "markdown", "metadata": {"tags": ["code"], "hint": secret},
             "source": "### Exercise 1\n\nCount the days."},
            {"id": "b", "cell_type": "markdown", "metadata": {"tags": ["solution"]}, "source": secret},
        ],
    }
    path = tmp_path / "09_meta.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    edition = build_student_edition([path], tmp_path / "out")
    written = edition.notebooks[0].read_text(encoding="utf-8")
    assert secret not in written and '"code"' in written


def test_a_solution_may_repeat_a_call_the_chapter_makes_but_not_its_answer(tmp_path):
    call = "explainer.tradeoff.robustness().table()"
    answer = "The first place changes in 44 per cent of the draws."
    notebook = {
        "nbformat": 4, "nbformat_minor": 5, "metadata": {},
        "cells": [
            {"id": "a", "cell_type": "code", "metadata": {}, "execution_count": 1, "source": call, "outputs": []},
            {"id": "b", "cell_type": "markdown", "metadata": {}, "source": "### Exercise 1\n\nHow robust is it?"},
            {"id": "c", "cell_type": "markdown", "metadata": {"tags": ["solution"]},
             "source": f"<details>\n<summary>Solution</summary>\n\n{call}\n\n{answer}\n\n</details>"},
        ],
    }
    path = tmp_path / "09_calls.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    edition = build_student_edition([path], tmp_path / "out")
    written = edition.notebooks[0].read_text(encoding="utf-8")
    assert call in written and answer not in written
