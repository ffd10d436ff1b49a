"""How the explainer writes for a reader: dates, figures with their qualifiers, wrapped lines, and
sentences computed from the data.

Every chapter writes a date, a figure or a wrapped caption through these functions, so one date
reads the same in every chapter and a bad value fails the same way everywhere.

Examples
--------
>>> import pandas as pd
>>> format_date(pd.Timestamp("2025-05-05"))
'5 May 2025'
>>> format_date(pd.Timestamp("2019-12-01"), "month")
'Dec 2019'
>>> figure_label(3600000, "almost", "people")
'almost 3,600,000 people'
>>> figure_label(18.5, "about", "%")
'about 18.5%'
>>> wrap_lines("one two three four", 9)
['one two', 'three', 'four']
>>> Sentence("A & B")._repr_html_()
'<p>A &amp; B</p>'
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence

import pandas as pd

DATE_FORMATS = {
    "day": "%-d %b %Y",
    "month": "%b %Y",
    "year": "%Y",
    "year-end": "end of %Y",
    "approximate": "c. %-d %b %Y",
}
"""How a date is written at each precision a table may give ('12 Jul 2019', 'Dec 2019', '2016' …)."""

UNSTATED_QUALIFIERS = ("", "as stated")
"""Qualifiers that add no words before a figure."""


def format_date(date, precision: str = "day") -> str:
    """A date written only as precisely as it is known: '12 Jul 2019', 'Dec 2019' or '2016'.

    Raises ``ValueError`` naming the precision if it is not one of :data:`DATE_FORMATS`.

    >>> format_date("2016-07-15", "year")
    '2016'
    >>> format_date("2016-07-15", "week")
    Traceback (most recent call last):
    ...
    ValueError: explainer: date_precision 'week' is not one of ['day', 'month', 'year', 'year-end', 'approximate']
    """
    if precision not in DATE_FORMATS:
        raise ValueError(f"explainer: date_precision {precision!r} is not one of {list(DATE_FORMATS)}")
    return pd.Timestamp(date).strftime(DATE_FORMATS[precision])


def figure_label(value, qualifier: str = "", unit: str = "") -> str:
    """A figure as its publisher worded it: thousands separators, at most two decimals, the
    qualifier before it ('about', 'nearly'; 'as stated' adds nothing) and the unit after it
    ('%' without a space).

    >>> figure_label(101725.0)
    '101,725'
    >>> figure_label(2.5, "as stated", "million tonnes")
    '2.5 million tonnes'
    """
    value = float(value)
    number = f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    words = number if qualifier in UNSTATED_QUALIFIERS else f"{qualifier} {number}"
    if not unit:
        return words
    return f"{words}{unit}" if unit == "%" else f"{words} {unit}"


def wrap_lines(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` characters, at spaces only (a long word
    keeps its own line; hyphenated words stay whole).

    >>> wrap_lines("a well-known name", 6)
    ['a', 'well-known', 'name']
    """
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def wrap_html(text: str, width: int, *, escape: bool = False) -> str:
    """``text`` wrapped by :func:`wrap_lines` and joined by ``<br>`` (plotly does not wrap
    annotation text by itself); ``escape=True`` HTML-escapes each line first.

    >>> wrap_html("A & B and C", 5, escape=True)
    'A &amp; B<br>and C'
    """
    lines = wrap_lines(text, width)
    return "<br>".join(html.escape(line) for line in lines) if escape else "<br>".join(lines)


def join_and(items: Sequence[str]) -> str:
    """``items`` as a reader lists them: "A", "A and B", "A, B and C" ("" for none).

    >>> join_and(["Gaza", "Syria", "Ukraine"]), join_and(["Gaza"]), join_and([])
    ('Gaza, Syria and Ukraine', 'Gaza', '')
    """
    items = list(items)
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


class Sentence(str):
    """A sentence for the reader: a wrapped paragraph in a notebook, plain text (no quotes) elsewhere."""

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(str(self))}</p>"
