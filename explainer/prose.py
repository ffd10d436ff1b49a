"""Sentences computed from the data, shown to a reader as prose.

>>> from explainer.prose import Sentence
>>> Sentence("A & B")._repr_html_()
'<p>A &amp; B</p>'
"""

from __future__ import annotations

import html


class Sentence(str):
    """A sentence for the reader: a wrapped paragraph in a notebook, plain text (no quotes) elsewhere."""

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(str(self))}</p>"
