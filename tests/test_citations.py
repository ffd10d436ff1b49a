"""Citations render as numbered links, and each reference list is generated from the chapter."""

from pathlib import Path

import nbformat
import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer.authoring import citations
from explainer.authoring.notebooks import normalise

ROOT = Path(__file__).resolve().parents[1]
ids = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
titles = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


def test_raw_and_rendered_citations_are_read_in_order_of_first_citation():
    text = 'First [@b], then [[1]](#src-a "A: x (2020)"), again [@b] and ``[@in-code]``.'
    assert citations.cited_ids(text) == ["b", "a"]
    assert citations.raw_cited_ids(text) == ["b"]
    assert citations.rendered_citations(text) == [(1, "a", "A: x (2020)")]


@given(ids, titles, st.integers(min_value=1, max_value=500))
def test_rendering_is_idempotent_and_reads_back(source_id, title, number):
    text = f"Claim [@{source_id}]. Code `[@{source_id}]` stays."
    once = citations.render_citations(text, {source_id: number}, {source_id: title})
    assert citations.render_citations(once, {source_id: number}, {source_id: title}) == once
    assert "[@" not in once.split("`")[0]
    assert f"`[@{source_id}]`" in once
    assert citations.rendered_citations(once) == [(number, source_id, title or None)] or not title


def test_renumbering_follows_the_list_and_unknown_ids_stay_raw():
    text = '[[1]](#src-a "old") and [@b] and [@c]'
    assert citations.render_citations(text, {"a": 2, "b": 1}, {"a": "A", "b": "B"}) == (
        '[[2]](#src-a "A") and [[1]](#src-b "B") and [@c]'
    )


def test_generated_reference_list_puts_citations_first_then_figure_and_table_sources():
    notebook = nbformat.v4.new_notebook()
    figure = {"data": [], "layout": {"meta": {"source_ids": ["fig-src", "a"]}}}
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# T\n\nText [@b] and [@a]."),
        nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output("display_data", {"application/vnd.plotly.v1+json": figure})]),
        nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output("display_data", {"text/html": "<td>tab-src; b</td><td>article words</td>"})]),
        nbformat.v4.new_markdown_cell("## Sources"),
        nbformat.v4.new_code_cell('explainer.references(["stale"])'),
    ]
    generated = citations.reference_ids(notebook, {"a", "b", "fig-src", "tab-src", "article"})
    assert generated == ["b", "a", "fig-src", "tab-src"]
    assert citations.set_reference_list(notebook, generated) is True
    assert citations.listed_ids(notebook.cells[4].source) == generated
    assert citations.set_reference_list(notebook, generated) is False
    rendered = normalise(notebook, tooltips={"a": "A: t (2020)"})
    assert rendered.cells[0].source == '# T\n\nText [[1]](#src-b) and [[2]](#src-a "A: t (2020)").'


def test_listed_ids_rejects_a_sources_cell_without_a_literal_list():
    with pytest.raises(ValueError, match="references"):
        citations.listed_ids("explainer.references(ids)")


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("0*.ipynb")), ids=lambda p: p.name)
def test_no_raw_citation_key_is_left_in_a_committed_chapter(path):
    notebook = nbformat.read(path, as_version=4)
    raw = [i for cell in notebook.cells if cell.cell_type == "markdown" for i in citations.raw_cited_ids(cell.source)]
    assert raw == [], f"{path.name}: run make notebooks to render {raw}"
