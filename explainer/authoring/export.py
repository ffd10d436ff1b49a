"""Export chapters to static HTML that shows every figure without a network.

plotly draws in exported HTML only when the figure carries an HTML output; the ``notebook``
renderer inlines plotly.js into the page, so nothing is fetched when the page is opened.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat

from explainer.authoring.notebooks import execute


_CHAPTER_LINK = re.compile(r'href="((?:\.\./)?[\w./-]*?)\.ipynb(#[^"]*)?"')


def link_chapters_as_html(body: str) -> str:
    """Point links between chapters at their exported pages (``NN_name.html``), not the notebooks.

    >>> link_chapters_as_html('<a href="00_the_call.ipynb#summary">')
    '<a href="00_the_call.html#summary">'
    """
    return _CHAPTER_LINK.sub(lambda match: f'href="{match.group(1)}.html{match.group(2) or ""}"', body)


_REFERENCE_ITEM = re.compile(r'<li id="ref-([a-z0-9-]+)"')
_CITATION = re.compile(r"\[@([a-z0-9]+(?:-[a-z0-9]+)*)\]")


def number_citations(body: str) -> str:
    """Turn each ``[@source-id]`` in a page into a numbered link to its entry in the page's
    reference list (``[3]``, pointing at ``#ref-source-id``). Ids not in the list stay as written.

    >>> page = '<p>Said so [@b].</p><ol><li id="ref-a">A</li><li id="ref-b">B</li></ol>'
    >>> number_citations(page)
    '<p>Said so <a class="citation" href="#ref-b" title="b">[2]</a>.</p><ol><li id="ref-a">A</li><li id="ref-b">B</li></ol>'
    """
    numbers = {}
    for source_id in _REFERENCE_ITEM.findall(body):
        numbers.setdefault(source_id, len(numbers) + 1)

    def link(match: re.Match) -> str:
        source_id = match.group(1)
        if source_id not in numbers:
            return match.group(0)
        return f'<a class="citation" href="#ref-{source_id}" title="{source_id}">[{numbers[source_id]}]</a>'

    return _CITATION.sub(link, body)


def export_html(notebook_path: Path, out_dir: Path) -> Path:
    """Execute ``notebook_path`` with the offline plotly renderer and write ``out_dir/NAME.html``."""
    from nbconvert import HTMLExporter

    previous = os.environ.get("PLOTLY_RENDERER")
    os.environ["PLOTLY_RENDERER"] = "notebook"  # the kernel inherits it
    try:
        notebook = execute(notebook_path)
    finally:
        if previous is None:
            os.environ.pop("PLOTLY_RENDERER", None)
        else:
            os.environ["PLOTLY_RENDERER"] = previous
    exporter = HTMLExporter(template_name="lab")
    body, _resources = exporter.from_notebook_node(nbformat.from_dict(notebook))
    body = number_citations(link_chapters_as_html(body))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / (notebook_path.stem + ".html")
    target.write_text(body, encoding="utf-8")
    return target
