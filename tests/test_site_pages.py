"""The generated pages of the site: escaped, complete, and chapters prepared for the web."""

import json
from pathlib import Path

import nbformat
import pandas as pd

from explainer.authoring import site
from explainer.sources import load_sources
from explainer.tables import load_table

ROOT = Path(__file__).resolve().parents[1]


def test_bibliography_has_every_source_with_its_anchor():
    sources = load_sources()
    page = site.bibliography_page(sources)
    for source_id in sources["id"]:
        assert f'<li id="src-{source_id}">' in page


def test_claims_page_lists_every_claim_with_verdict_and_linked_sources():
    claims = load_table("claims")
    page = site.claims_page(claims, {})
    for row in claims.itertuples(index=False):
        assert f'id="claim-{row.claim_id}"' in page
        first_source = row.source_ids.split(";")[0].strip()
        assert f'href="bibliography.html#src-{first_source}"' in page


def test_data_page_describes_every_resource_with_rows_and_a_download():
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    counts = {resource["name"]: len(load_table(resource["name"])) for resource in package["resources"]}
    page = site.data_page(package, counts)
    for resource in package["resources"]:
        assert f'href="data/{resource["path"]}" download' in page
        assert f'({counts[resource["name"]]:,} rows)' in page
    assert "Creative Commons Attribution 4.0" in page


def test_strings_from_data_are_escaped():
    sources = pd.DataFrame([{
        "id": "x", "publisher": "<script>alert(1)</script>", "title": "A & B", "url": 'https://e.org/"q',
        "date_published": pd.NaT, "date_accessed": pd.Timestamp("2026-11-30"), "note": "", "kind": "news",
    }])
    page = site.bibliography_page(sources)
    assert "<script>alert" not in page and "&lt;script&gt;" in page and "A &amp; B" in page
    assert 'href="https://e.org/&quot;q"' in page


def test_prepared_chapter_drops_widgets_links_citations_and_offers_binder_and_download():
    notebook = nbformat.v4.new_notebook()
    widget = nbformat.v4.new_output("display_data", {"application/vnd.jupyter.widget-view+json": {"model_id": "m"}, "text/plain": "VBox()"})
    solution = nbformat.v4.new_code_cell("answer()", metadata={"tags": ["solution"], "jupyter": {"source_hidden": True}})
    notebook.cells = [
        nbformat.v4.new_markdown_cell('# Title\n\nSaid [[1]](#src-a "Pub: T (2020)"), see `[[1]](#src-a)`.'),
        nbformat.v4.new_code_cell("app", outputs=[widget]),
        solution,
        nbformat.v4.new_markdown_cell("## Sources"),
        nbformat.v4.new_code_cell('explainer.references(["a"])', metadata={"jupyter": {"source_hidden": True}}),
    ]
    notebook.metadata["widgets"] = {"state": {}}
    prepared = site.prepare_chapter(notebook, "09_x.ipynb", "https://mybinder.org/v2/gh/o/n/HEAD?urlpath=x")
    assert "widgets" not in prepared.metadata
    assert prepared.cells[0].source.startswith('# Title\n\nSaid <a class="citation" href="#src-a" title="Pub: T (2020)">')
    assert "`[[1]](#src-a)`" in prepared.cells[0].source  # code stays code
    assert 'href="notebooks/09_x.ipynb" download' in prepared.cells[1].source
    assert [list(output["data"]) for output in prepared.cells[2].outputs] == [["text/html"]]
    assert "Binder" in prepared.cells[2].outputs[0]["data"]["text/html"]
    assert "hide-input" in prepared.cells[3].metadata["tags"]
    assert "remove-input" in prepared.cells[5].metadata["tags"]
    assert notebook.cells[1].outputs == [widget]  # the input is left alone


def test_chapter_outline_reads_objectives_and_minutes():
    notebook = nbformat.read(ROOT / "notebooks" / "00_the_call.ipynb", as_version=4)
    outline = site.chapter_outline(notebook)
    assert outline["title"].startswith("00 ·")
    assert len(outline["objectives"]) >= 2 and outline["minutes"] and outline["minutes"] > 0
    assert all("[[" not in item and "](" not in item for item in outline["objectives"])


def test_postprocess_keeps_one_thebe_declaration_and_drops_sphinx_search_and_unused_plotly():
    page = (
        '<script>const THEBE_JS_URL = "x"</script><script>const THEBE_JS_URL = "x"</script>'
        '<script src="_static/plotly.min.js?v=1a"></script><script src="searchindex.js"></script>'
        '<button class="btn theme-switch-button">x</button><article class="bd-article">text</article>'
    )
    fixed = site.postprocess_page(page)
    assert fixed.count("THEBE_JS_URL") == 1
    assert "plotly.min.js" not in fixed and "searchindex.js" not in fixed and "theme-switch" not in fixed
    assert '<article class="bd-article" data-pagefind-body>' in fixed
    with_figure = site.postprocess_page(page + "<script>Plotly.newPlot('f', [])</script>")
    assert "plotly.min.js" in with_figure


def test_chapter_links_inside_cell_outputs_point_at_the_chapter_pages():
    page = ('<p>In the <a href="00_the_call.ipynb">claims ledger</a> and '
            '<a href="05_f35_s400.ipynb#the-money">money</a>; '
            '<a href="notebooks/00_the_call.ipynb" download>download</a></p>')
    fixed = site.postprocess_page(page)
    assert 'href="00_the_call.html"' in fixed and 'href="05_f35_s400.html#the-money"' in fixed
    assert 'href="notebooks/00_the_call.ipynb" download' in fixed
