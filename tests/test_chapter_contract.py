"""Every chapter in notebooks/ and a chapter started from the template keep the chapter contract, and the
checker really rejects chapters that break it."""

import copy
from pathlib import Path

import nbformat
import pytest

from explainer.authoring.contract import check_chapter, check_chapter_file
from explainer.authoring.notebooks import chapter_paths

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = chapter_paths(ROOT / "notebooks")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_keeps_the_chapter_contract(path, source_ids):
    assert check_chapter_file(path, source_ids) == []


@pytest.fixture
def chapter():
    return nbformat.read(ROOT / "notebooks" / "00_the_call.ipynb", as_version=4)


def _without_section(notebook, heading):
    broken = copy.deepcopy(notebook)
    broken.cells = [cell for cell in broken.cells if not cell.source.startswith(f"## {heading}")]
    return broken


@pytest.mark.parametrize("heading", ["Learning objectives", "Prerequisites", "Time to learn", "Summary", "Exercises", "Discussion questions", "What's next", "Sources"])
def test_a_missing_section_is_reported(chapter, source_ids, heading):
    assert f"missing section '## {heading}'" in check_chapter(_without_section(chapter, heading), source_ids)


def test_an_untitled_chapter_is_reported(chapter, source_ids):
    chapter.cells[0].source = chapter.cells[0].source.replace("# ", "", 1)
    assert any("title" in problem for problem in check_chapter(chapter, source_ids))


def test_sections_out_of_order_are_reported(chapter, source_ids):
    index = next(i for i, cell in enumerate(chapter.cells) if cell.source.startswith("## Summary"))
    chapter.cells.insert(1, chapter.cells.pop(index))
    assert any("out of order" in problem for problem in check_chapter(chapter, source_ids))


def test_a_visible_solution_is_reported(chapter, source_ids):
    for cell in chapter.cells:
        if "solution" in cell.metadata.get("tags", []):
            cell.source = cell.source.replace("<details>", "").replace("</details>", "")
    assert any("no hidden solution" in problem for problem in check_chapter(chapter, source_ids))


def test_a_hidden_code_solution_is_accepted(chapter, source_ids):
    for index, cell in enumerate(chapter.cells):
        if "solution" in cell.metadata.get("tags", []):
            replacement = nbformat.v4.new_code_cell("print('answer')")
            replacement.metadata = {"tags": ["solution"], "jupyter": {"source_hidden": True}}
            chapter.cells[index] = replacement
    assert check_chapter(chapter, source_ids) == []


def test_objectives_must_be_a_list(chapter, source_ids):
    for cell in chapter.cells:
        if cell.source.startswith("## Learning objectives"):
            cell.source = "## Learning objectives\n\nYou will learn things."
    assert any("Learning objectives" in problem for problem in check_chapter(chapter, source_ids))


def test_reading_time_must_be_given_in_minutes(chapter, source_ids):
    for cell in chapter.cells:
        if cell.source.startswith("## Time to learn"):
            cell.source = "## Time to learn\n\nNot long."
    assert any("Time to learn" in problem for problem in check_chapter(chapter, source_ids))


def test_unknown_and_unlisted_citations_are_reported(chapter, source_ids):
    chapter.cells[0].source += " See [@no-such-source]."
    problems = check_chapter(chapter, source_ids)
    assert any("not in data/sources.csv: ['no-such-source']" in problem for problem in problems)
    assert any("missing from the chapter's reference list: ['no-such-source']" in problem for problem in problems)


def test_the_checker_does_not_change_its_input(chapter, source_ids):
    before = copy.deepcopy(chapter)
    check_chapter(chapter, source_ids)
    assert chapter == before


def test_a_raw_citation_is_reported_until_rendered(chapter, source_ids):
    chapter.cells[0].source += " See [@article]."
    assert any("not rendered as links (run make notebooks): ['article']" in p for p in check_chapter(chapter, source_ids))


def test_a_rendered_citation_with_an_unknown_id_is_reported(chapter, source_ids):
    chapter.cells[0].source += ' See [[99]](#src-no-such-source "x").'
    assert any("not in data/sources.csv: ['no-such-source']" in p for p in check_chapter(chapter, source_ids))


def test_a_citation_number_that_disagrees_with_the_list_is_reported(chapter, source_ids):
    chapter.cells[0].source = chapter.cells[0].source.replace("[[1]](#src-article", "[[7]](#src-article", 1)
    assert any("article is [7], not [1]" in p for p in check_chapter(chapter, source_ids))


def test_a_reference_list_out_of_citation_order_is_reported(chapter, source_ids):
    from explainer.authoring import citations

    index = citations.sources_cell_index(chapter.cells)
    listed = citations.listed_ids(chapter.cells[index].source)
    chapter.cells[index].source = citations.sources_cell_source([listed[1], listed[0], *listed[2:]])
    assert any("disagrees with the citations" in p for p in check_chapter(chapter, source_ids))


def test_a_table_source_missing_from_the_list_is_reported(chapter, source_ids):
    from explainer.authoring import citations

    index = citations.sources_cell_index(chapter.cells)
    cited = citations.text_cited_ids(chapter)
    chapter.cells[index].source = citations.sources_cell_source(cited)
    assert any("sources of the chapter's tables missing" in p for p in check_chapter(chapter, source_ids))
