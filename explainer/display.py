"""Readable tables for notebooks: full text, left-aligned, wrapped, every cell HTML-escaped.

pandas' own notebook view cuts long text at 50 characters and right-aligns it, which suits
numbers but not sentences and explanations.

Examples
--------
>>> import pandas as pd
>>> print(repr(table(pd.DataFrame({"a": ["x"]}), caption="One row")))
One row
a
x
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Table:
    """A DataFrame shown in full. ``frame`` stays available for further work."""

    frame: pd.DataFrame
    caption: str | None = None

    def _repr_html_(self) -> str:
        head = "".join(f'<th style="text-align:left;vertical-align:bottom">{html.escape(str(c))}</th>' for c in self.frame.columns)
        rows = []
        for values in self.frame.itertuples(index=False):
            cells = "".join(
                f'<td style="text-align:left;vertical-align:top;white-space:normal;max-width:28em">{html.escape("" if pd.isna(v) else str(v))}</td>'
                for v in values
            )
            rows.append(f"<tr>{cells}</tr>")
        caption = f'<caption style="text-align:left;caption-side:top">{html.escape(self.caption)}</caption>' if self.caption else ""
        return f'<table class="explainer-table">{caption}<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'

    def __repr__(self) -> str:
        body = self.frame.to_csv(index=False, sep="|", lineterminator="\n").rstrip("\n").replace("|", " | ")
        return f"{self.caption}\n{body}" if self.caption else body


def table(frame: pd.DataFrame, caption: str | None = None) -> Table:
    """Show ``frame`` in full in a notebook, with an optional ``caption`` above it."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"explainer: table() takes a pandas DataFrame, got {type(frame).__name__}")
    return Table(frame, caption)
