"""A chapter's prose: the text a reader reads, without code, tables, citations or solutions.

The acronym test and the reading-level measures read this, so they agree on what counts as prose.

Examples
--------
>>> markdown_prose("CAATSA applies [@state-guidance]. Run `explainer.check()`.\\n\\n| A | B |\\n|---|---|")
'CAATSA applies . Run .'
>>> markdown_prose('Sanctions came [[2]](#src-a "OFAC: Notice (2019)").')
'Sanctions came .'
"""

from __future__ import annotations

import re
from pathlib import Path

from explainer.authoring.citations import RENDERED_CITATION
from explainer.authoring.tags import is_solution, source_of

FENCED_CODE = re.compile(r"^(```|~~~).*?^\1\s*$", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`[^`\n]*`")
CITATION = re.compile(r"\[@[^\]]*\]")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
HTML_TAG = re.compile(r"<[^>\n]+>")
URL = re.compile(r"https?://\S+")
TABLE_LINE = re.compile(r"^\s*\|.*$", re.MULTILINE)


def markdown_prose(markdown: str) -> str:
    """The prose of one Markdown text: code, tables, citations, HTML tags and link targets removed."""
    text = FENCED_CODE.sub(" ", markdown)
    text = TABLE_LINE.sub(" ", text)
    text = INLINE_CODE.sub("", text)
    text = RENDERED_CITATION.sub("", text)
    text = CITATION.sub("", text)
    text = LINK.sub(r"\1", text)
    text = HTML_TAG.sub(" ", text)
    text = URL.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def chapter_prose_cells(notebook) -> list[str]:
    """The prose of each Markdown cell of a notebook (a dict or ``nbformat`` node), solutions excluded."""
    return [
        markdown_prose(source_of(cell))
        for cell in notebook["cells"]
        if cell.get("cell_type") == "markdown" and not is_solution(cell)
    ]


def read_notebook(path: Path):
    """Read a notebook as plain JSON (no validation, so it works on a half-written chapter too)."""
    import json

    return json.loads(Path(path).read_text(encoding="utf-8"))
