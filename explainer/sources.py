"""The bibliography: every fact in the project cites an entry of ``data/sources.csv``.

Examples
--------
>>> from explainer.sources import references
>>> print(references(["article"]).text().splitlines()[0][:9])
[article]
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from explainer.tables import load_table


def load_sources() -> pd.DataFrame:
    """Return the bibliography, one row per source, indexed by nothing (``id`` is a column)."""
    return load_table("sources")


def _format_date(value) -> str:
    return "undated" if pd.isna(value) else value.strftime("%Y-%m-%d")


@dataclass(frozen=True)
class References:
    """A chapter's reference list; renders as Markdown, HTML (escaped) and plain text."""

    entries: pd.DataFrame

    def text(self) -> str:
        lines = []
        for row in self.entries.itertuples(index=False):
            lines.append(
                f"[{row.id}] {row.publisher}. {row.title}. Published {_format_date(row.date_published)}; "
                f"accessed {_format_date(row.date_accessed)}. {row.url}"
            )
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        items = []
        for row in self.entries.itertuples(index=False):
            url = html.escape(row.url, quote=True)
            items.append(
                f'<li id="src-{html.escape(row.id, quote=True)}"><code>[{html.escape(row.id)}]</code> '
                f"{html.escape(row.publisher)}. <em>{html.escape(row.title)}</em>. "
                f"Published {_format_date(row.date_published)}; accessed {_format_date(row.date_accessed)}. "
                f'<a href="{url}">{html.escape(row.url)}</a></li>'
            )
        return '<ol class="explainer-references" style="padding-left:3.5em">' + "".join(items) + "</ol>"

    def __repr__(self) -> str:
        return self.text()


def references(source_ids: Iterable[str]) -> References:
    """Return the bibliography entries for ``source_ids``, in the order given, without repeats.

    Raises ``KeyError`` naming every id that is not in ``data/sources.csv``.
    """
    if isinstance(source_ids, str):
        raise TypeError("explainer: references() takes a list of source ids, not a single string")
    wanted = list(dict.fromkeys(source_ids))
    if not wanted:
        raise ValueError("explainer: references() needs at least one source id")
    sources = load_sources().set_index("id", drop=False)
    missing = [source_id for source_id in wanted if source_id not in sources.index]
    if missing:
        raise KeyError(f"explainer: unknown source id(s) {missing}; add them to data/sources.csv first")
    return References(sources.loc[wanted].reset_index(drop=True))


def source_ids_of(*frames: pd.DataFrame) -> list[str]:
    """The source ids cited in the ``source_ids`` column of each of ``frames``, in order of first
    use: the one way a chapter lists the sources behind its tables.

    Raises ``KeyError`` naming the columns of a frame that has no ``source_ids`` column.

    >>> import pandas as pd
    >>> source_ids_of(pd.DataFrame({"source_ids": ["a;b", "b;c"]}))
    ['a', 'b', 'c']
    >>> source_ids_of(pd.DataFrame({"source_ids": ["c"]}), pd.DataFrame({"source_ids": ["d;a"]}))
    ['c', 'd', 'a']
    """
    from explainer.tables import split_list

    for frame in frames:
        if "source_ids" not in frame.columns:
            raise KeyError(f"explainer: the table has no 'source_ids' column; columns are {list(frame.columns)}")
    return list(dict.fromkeys(source for frame in frames for cell in frame["source_ids"] for source in split_list(cell)))
