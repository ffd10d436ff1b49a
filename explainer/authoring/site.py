"""The pages of the published book, and the changes a chapter needs to become a web page.

``scripts/build_site.py`` executes every chapter, passes it through :func:`prepare_chapter`,
writes the generated pages below next to it and lets Jupyter Book 1 (Sphinx and myst-nb) turn the
lot into ``build/site/``. Everything here is plain Python that the tests can run without Sphinx.

Every string from the data is HTML-escaped where HTML is built.

>>> binder = "https://mybinder.org/v2/gh/o/n/HEAD?urlpath=x"
>>> "Launch on Binder" in chapter_banner("00_a.ipynb", binder)
True
"""

from __future__ import annotations

import copy
import html
import json
import re

import nbformat
import pandas as pd

from explainer.authoring import citations as cite
from explainer.glossary import DEFAULT_TARGET as GLOSSARY_FROM_CHAPTERS

WIDGET_MIME_TYPES = ("application/vnd.jupyter.widget-view+json", "application/vnd.jupyter.widget-state+json")
WIDGET_NOTE = (
    '<p class="widget-note">This interactive widget needs Python running behind it, so it does not '
    "show on this page: open the chapter on Binder (link at the top) or in JupyterLab to use it.</p>"
)
_OBJECTIVES = re.compile(r"^##\s+Learning objectives\s*$(.*?)(?=^##\s|\Z)", re.MULTILINE | re.DOTALL)
_LIST_ITEM = re.compile(r"^\s*(?:[-*]|\d+\.)\s+(.+)$", re.MULTILINE)
_MINUTES = re.compile(r"(\d+)\s*minutes")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def e(value) -> str:
    """HTML-escape any value (``None`` and NaN become the empty string)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def _date(value) -> str:
    return "undated" if value is None or pd.isna(value) else value.strftime("%Y-%m-%d")


def raw_html_page(title: str, body: str, intro: str = "") -> str:
    """A MyST Markdown page whose body is raw HTML (Sphinx passes it through untouched)."""
    return f"# {title}\n\n{intro}\n\n```{{raw}} html\n{body}\n```\n"


# ----------------------------------------------------------------------------- chapters


def chapter_outline(notebook) -> dict:
    """The title, learning objectives and reading time (minutes) of a chapter notebook."""
    text = "\n\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), "")
    objectives_match = _OBJECTIVES.search(text)
    objectives = _LIST_ITEM.findall(objectives_match.group(1)) if objectives_match else []
    time_match = re.search(r"^##\s+Time to learn\s*$(.*?)(?=^##\s|\Z)", text, re.MULTILINE | re.DOTALL)
    minutes_match = _MINUTES.search(time_match.group(1)) if time_match else None
    return {
        "title": title,
        "objectives": [strip_markdown(item.rstrip(";.")) for item in objectives],
        "minutes": int(minutes_match.group(1)) if minutes_match else None,
    }


def strip_markdown(text: str) -> str:
    """Plain text of a line of Markdown: links keep their text, emphasis and code marks go.

    >>> strip_markdown("read *the* [map](x.ipynb) and `code` [[2]](#src-a)")
    'read the map and code'
    """
    text = cite.RENDERED_CITATION.sub("", text)
    text = cite.RAW_CITATION.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = re.sub(r"[*_`]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def chapter_banner(notebook_file: str, binder: str) -> str:
    """The links at the top of a chapter page: run it on Binder, download the notebook."""
    return (
        '<p class="chapter-actions">'
        f'<a class="chapter-action" href="{e(binder)}">Launch on Binder</a> '
        f'<a class="chapter-action" href="notebooks/{e(notebook_file)}" download>Download the notebook (.ipynb)</a>'
        "</p>"
    )


def citation_html(match: re.Match) -> str:
    number, source_id, title = match.group(1), match.group(2), match.group(3)
    title = re.sub(r"\\(.)", r"\1", title) if title else source_id
    return (
        f'<a class="citation" href="#{cite.anchor(source_id)}" title="{e(title)}">'
        f'<span class="visually-hidden">source </span>[{number}]</a>'
    )


def prepare_chapter(notebook, notebook_file: str, binder: str):
    """Return a copy of an executed chapter ready for the site.

    - widget outputs and saved widget state are dropped (they need a kernel; a chapter shows a
      kernel-free alternative beside them);
    - citations become links with a tooltip; code solutions are collapsed (``hide-input``);
    - the Binder and download links go under the title.
    """
    notebook = copy.deepcopy(notebook)
    notebook.metadata.pop("widgets", None)
    sources_index = cite.sources_cell_index(notebook.cells)
    if sources_index is not None:  # the reference list shows; the call that makes it need not
        notebook.cells[sources_index].metadata.setdefault("tags", []).append("remove-input")
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown":
            cell.source = cell.source.replace(f"]({GLOSSARY_FROM_CHAPTERS}", "](glossary.md")  # a page of the site
            cell.source = "".join(
                piece if is_code else cite.RENDERED_CITATION.sub(citation_html, piece)
                for is_code, piece in cite._outside_code(cell.source)
            )
            continue
        if cell.cell_type != "code":
            continue
        outputs = cell.get("outputs", [])
        kept = [output for output in outputs if not _is_widget_output(output)]
        if len(kept) < len(outputs):
            kept.append(nbformat.v4.new_output("display_data", {"text/html": WIDGET_NOTE}))
        cell.outputs = kept
        tags = cell.metadata.setdefault("tags", [])
        if cell.metadata.get("jupyter", {}).get("source_hidden") and index != sources_index and "hide-input" not in tags:
            tags.append("hide-input")
    if not notebook.cells or notebook.cells[0].cell_type != "markdown":
        raise ValueError(f"explainer: {notebook_file} must open with a Markdown title cell")
    banner = nbformat.v4.new_markdown_cell(chapter_banner(notebook_file, binder))
    banner.id = "chapter-actions"
    notebook.cells.insert(1, banner)
    return notebook


def _is_widget_output(output) -> bool:
    return any(mime in output.get("data", {}) for mime in WIDGET_MIME_TYPES)


# ----------------------------------------------------------------------------- landing page


def landing_page(chapters: list[dict], repository: str) -> str:
    """The book's front page: what it is, how to read it, and a card per chapter."""
    cards = []
    for chapter in chapters:
        objectives = "".join(f"<li>{e(item)}</li>" for item in chapter["objectives"])
        minutes = f'{chapter["minutes"]} minutes' if chapter["minutes"] else "reading time not given"
        cards.append(
            '<article class="chapter-card">'
            f'<h3><a href="{e(chapter["page"])}.html">{e(chapter["title"])}</a></h3>'
            f'<p class="chapter-question">{e(chapter["summary"])}</p>'
            f'<p class="chapter-time">Reading time: {e(minutes)}</p>'
            f"<details><summary>Learning objectives</summary><ul>{objectives}</ul></details>"
            "</article>"
        )
    body = f'<div class="chapter-cards">{"".join(cards)}</div>'
    intro = (
        "An interactive, tested explainer of one news event: a phone call between Presidents Donald Trump "
        "and Recep Tayyip Erdoğan. In one call the two men touched the Russia–Ukraine war, Gaza, sanctions "
        "on Syria and the return of refugees, Turkey's removal from the F-35 programme after it bought "
        "Russian S-400 missiles, and the 2018 release of pastor Andrew Brunson. Each chapter checks what "
        "the report says against primary sources and explains the background with maps, charts and "
        "timelines drawn from sourced data.\n\n"
        "## How to read it\n\n"
        "Each chapter stands alone: read them in order, or start with the topic you need. Every chapter "
        "opens with its learning objectives and reading time and ends with a summary, exercises (solutions "
        "open with a click) and discussion questions. A number in brackets, like [1], links to the "
        "chapter's list of sources; point at it, or focus it with the keyboard, to see the source. Each "
        "figure is followed by a text description. To run the code, use a chapter's *Launch on Binder* "
        "link, or download its notebook. The [shared timeline](timeline.ipynb), the [claims ledger](claims.md), "
        "the [data](data.md), the [glossary](glossary.md) and the [bibliography](bibliography.md) are pages "
        f"of their own. The source is at <{repository}>.\n\n"
        "Teaching with it? The [teacher's guide](teachers/README.md) has a lesson plan for each chapter, "
        "the [syllabus](teachers/syllabus.md) lists times, objectives and prerequisites, and each chapter "
        "marks a core path of about 25 minutes.\n\n"
        "## Chapters"
    )
    return raw_html_page("The Trump–Erdoğan call, explained", body, intro)


# ----------------------------------------------------------------------------- reference pages


def source_link(source_id: str, tooltips: dict[str, str], page: str = "bibliography.html") -> str:
    """A link to a source's entry in the bibliography, with its tooltip."""
    return f'<a href="{page}#{cite.anchor(source_id)}" title="{e(tooltips.get(source_id, source_id))}">{e(source_id)}</a>'


def bibliography_page(sources: pd.DataFrame) -> str:
    """Every row of ``data/sources.csv`` with a stable anchor ``#src-<id>``."""
    items = []
    for row in sources.sort_values("id").itertuples(index=False):
        note = f' <span class="source-note">{e(row.note)}</span>' if getattr(row, "note", "") else ""
        items.append(
            f'<li id="{e(cite.anchor(row.id))}"><code>{e(row.id)}</code> {e(row.publisher)}. '
            f"<cite>{e(row.title)}</cite>. Published {_date(row.date_published)}; accessed "
            f'{_date(row.date_accessed)}. <a href="{e(row.url)}">{e(row.url)}</a>.{note}</li>'
        )
    body = f'<ul class="bibliography">{"".join(items)}</ul>'
    intro = (
        f"Every source the book cites: {len(sources)} entries from `data/sources.csv`, by id. "
        "Each entry says who published it, when, where, and when we read it."
    )
    return raw_html_page("Bibliography", body, intro)


def claims_page(claims: pd.DataFrame, tooltips: dict[str, str]) -> str:
    """The claims ledger: every claim of the article with its verdict, reasons and sources."""
    from explainer.ledger import VERDICTS
    from explainer.tables import split_list

    rows = []
    for row in claims.itertuples(index=False):
        sources = ", ".join(source_link(source_id, tooltips) for source_id in split_list(row.source_ids))
        verdict = VERDICTS[row.verdict]["label"]
        rows.append(
            f'<tr id="claim-{e(row.claim_id)}"><th scope="row">{e(row.claim_id)}</th><td>{e(row.quote)}</td>'
            f'<td class="verdict verdict-{e(row.verdict)}">{e(verdict)}</td><td>{e(row.explanation)}</td><td>{sources}</td></tr>'
        )
    body = (
        '<div class="table-scroll" role="region" aria-label="Claims ledger" tabindex="0"><table class="ledger">'
        "<thead><tr><th scope=\"col\">Claim</th><th scope=\"col\">The article says</th><th scope=\"col\">Verdict</th>"
        "<th scope=\"col\">Why</th><th scope=\"col\">Sources</th></tr></thead>"
        f'<tbody>{"".join(rows)}</tbody></table></div>'
    )
    intro = (
        f"Every claim of the article ({len(claims)} claims in `data/claims.csv`), with our verdict, the "
        "reasons for it and the sources. Quotations are verbatim from the article."
    )
    return raw_html_page("Claims ledger", body, intro)


def data_page(package: dict, row_counts: dict[str, int]) -> str:
    """Every resource of the data package: description, fields, licence, rows and a download."""
    licences = ", ".join(
        f'<a href="{e(licence.get("path", ""))}">{e(licence.get("title") or licence.get("name"))}</a>'
        if licence.get("path") else e(licence.get("title") or licence.get("name"))
        for licence in package.get("licenses", [])
    )
    sections = []
    for resource in package["resources"]:
        resource_licences = resource.get("licenses")
        licence_text = ", ".join(e(item.get("title") or item.get("name")) for item in resource_licences) if resource_licences else licences
        fields = "".join(
            f'<tr><th scope="row"><code>{e(field["name"])}</code></th><td>{e(field.get("type", "string"))}</td>'
            f'<td>{e(field.get("description") or field.get("title") or "")}</td></tr>'
            for field in resource["schema"]["fields"]
        )
        sections.append(
            f'<section id="data-{e(resource["name"])}" class="data-resource">'
            f'<h2>{e(resource.get("title") or resource["name"])}</h2>'
            f'<p>{e(resource.get("description", ""))}</p>'
            f'<p><a href="data/{e(resource["path"])}" download>Download <code>{e(resource["path"])}</code></a> '
            f'({row_counts[resource["name"]]:,} rows) · Licence: {licence_text}</p>'
            f'<div class="table-scroll" role="region" aria-label="Fields of {e(resource["path"])}" tabindex="0">'
            '<table class="fields"><thead><tr><th scope="col">Field</th><th scope="col">Type</th>'
            f'<th scope="col">Description</th></tr></thead><tbody>{fields}</tbody></table></div></section>'
        )
    intro = (
        f"**{e(package.get('title', ''))}.** {e(package.get('description', ''))}\n\nThe data are a Frictionless Data Package "
        f"(<a href=\"data/datapackage.json\" download>datapackage.json</a>) of {len(package['resources'])} tables."
    )
    return raw_html_page("Data", "".join(sections), intro)


def timeline_notebook() -> nbformat.NotebookNode:
    """The shared timeline as a small notebook: the chart, its description and the table."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata.update({"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}})
    notebook.cells = [
        nbformat.v4.new_markdown_cell(
            "# The shared timeline\n\nEvery dated event the chapters draw on, from `data/events.csv`, "
            "each with its sources. The chart shows the years since 2016, where most events fall, and "
            "marks the call of 5 May 2025; the table below lists every event, the oldest included."
        ),
        nbformat.v4.new_code_cell(
            "import explainer\n"
            'fig = explainer.timeline_chart(start="2016-01-01", title="The events of the chapters since 2016")\n'
            "fig.show()",
            metadata={"tags": ["remove-input"]},
        ),
        nbformat.v4.new_code_cell("explainer.print_description(fig)", metadata={"tags": ["remove-input"]}),
        nbformat.v4.new_code_cell(
            'explainer.table(explainer.events_table(), caption=f"Every event of the timeline, as of {explainer.as_of():%d %B %Y}")',
            metadata={"tags": ["remove-input"]},
        ),
    ]
    return notebook


# ----------------------------------------------------------------------------- figures


def figure_html(fig) -> str:
    """A plotly figure as an HTML fragment that relies on the site's one copy of plotly.js.

    The wrapper carries the figure's sources (``data-source-ids``) so reference lists can be
    checked against what a page shows.
    """
    import plotly.io as pio

    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    source_ids = " ".join(meta.get("source_ids", []))
    inner = pio.to_html(
        fig, include_plotlyjs=False, include_mathjax=False, full_html=False,
        config={"responsive": True, "displaylogo": False},
    )
    return f'<div class="explainer-figure" data-source-ids="{e(source_ids)}">{inner}</div>'


def register_site_renderer() -> None:
    """Make every figure display as :func:`figure_html` (run at kernel start by the site build)."""
    import plotly.io as pio
    from plotly.io._base_renderers import MimetypeRenderer

    class SiteRenderer(MimetypeRenderer):
        def to_mimebundle(self, fig_dict):
            import plotly.graph_objects as go

            return {"text/html": figure_html(go.Figure(fig_dict))}

    pio.renderers["explainer_site"] = SiteRenderer()
    pio.renderers.default = "explainer_site"


# ----------------------------------------------------------------------------- after Sphinx

_SPHINX_SEARCH = re.compile(r'<script src="(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)"></script>\s*')
_MODE_SWITCH = re.compile(r'<button class="[^"]*theme-switch-button[^"]*".*?</button>', re.DOTALL)
_PLOTLY_JS = re.compile(r'<script src="_static/plotly\.min\.js(?:\?v=[0-9a-f]+)?"></script>\s*')
_THEBE_DUPLICATE = re.compile(r"<script>\s*const THEBE_JS_URL[^<]*</script>", re.DOTALL)


_OUTPUT_CHAPTER_LINK = re.compile(r'href="(\d{2}_[a-z0-9_]+)\.ipynb(#[^"]*)?"')


def postprocess_page(page: str) -> str:
    """Fix what Jupyter Book writes into every page: keep one THEBE_JS_URL declaration (two make
    the console report an error), mark the article as what search indexes, and drop the
    Sphinx search scripts that Pagefind replaces."""
    seen = []

    def once(match: re.Match) -> str:
        seen.append(match)
        return match.group(0) if len(seen) == 1 else ""

    page = _THEBE_DUPLICATE.sub(once, page)
    # Buttons whose accessible name differs from their visible label confuse speech input: the
    # search buttons show "Search Ctrl+K" and are named by it; the colour-mode switch goes (the
    # site has one, light, colour scheme).
    page = page.replace('title="Search" aria-label="Search" ', 'title="Search" ')
    page = _MODE_SWITCH.sub("", page)
    page = page.replace('<article class="bd-article">', '<article class="bd-article" data-pagefind-body>', 1)
    page = _SPHINX_SEARCH.sub("", page)
    # Sphinx resolves chapter links written in Markdown cells, not those inside cell outputs
    # (a recap box's link to the ledger): point those at the chapter's page too.
    page = _OUTPUT_CHAPTER_LINK.sub(r'href="\1.html\2"', page)
    if "Plotly" not in page:  # no figure and no script of its own that draws one (window.Plotly)
        page = _PLOTLY_JS.sub("", page)
    return page
