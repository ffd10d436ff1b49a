"""Link a chapter notebook's glossary terms, for the notebook normaliser to call.

Only Markdown cells that are not solutions are touched, and only the first use of each term in the
chapter is linked (see :func:`explainer.glossary.link_chapter`). Running it again changes nothing.

Examples
--------
>>> notebook = {"cells": [
...     {"cell_type": "markdown", "metadata": {}, "source": "Turkey joined NATO in 1952."},
...     {"cell_type": "markdown", "metadata": {"tags": ["solution"]}, "source": "NATO again."},
...     {"cell_type": "markdown", "metadata": {}, "source": ["NATO ", "and the UN."]}]}
>>> [cell["source"] for cell in link_notebook(notebook, target="g.md")["cells"]]
['Turkey joined [NATO](g.md#term-nato) in 1952.', 'NATO again.', 'NATO and the [UN](g.md#term-un).']
"""

from __future__ import annotations

from explainer.authoring.tags import is_solution, source_of
from explainer.glossary import DEFAULT_TARGET, link_chapter


def link_notebook(notebook, target: str = DEFAULT_TARGET):
    """Link the first use of each glossary term in ``notebook`` (changed in place and returned)."""
    cells = [cell for cell in notebook["cells"] if cell.get("cell_type") == "markdown" and not is_solution(cell)]
    linked = link_chapter([source_of(cell) for cell in cells], target)
    for cell, text in zip(cells, linked, strict=True):
        if text != source_of(cell):
            cell["source"] = text
    return notebook
