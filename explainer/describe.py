"""Plain-text descriptions of figures.

A figure's description is its text alternative for readers who cannot see it, and the stable
output that the notebook tests compare (figure JSON itself is not compared). It is built from
the figure object, so it changes whenever the data drawn changes.

Examples
--------
>>> import plotly.graph_objects as go
>>> fig = go.Figure(go.Bar(x=[3, 1], y=["a", "b"], orientation="h", name="count"))
>>> print(describe(fig))
Figure: (untitled)
Horizontal bar chart.
Trace "count" (bar, 2 bars): a = 3; b = 1.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import plotly.graph_objects as go

MAX_ITEMS = 40
_TAG = re.compile(r"<[^>]+>")


def plain(text: str | None) -> str:
    """Strip plotly's HTML tags and entities from ``text``; ``<br>`` becomes ' — '."""
    if not text:
        return ""
    text = re.sub(r"<br\s*/?>", " — ", str(text))
    return html.unescape(_TAG.sub("", text)).strip()


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _number(value) -> str:
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1e4 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return plain(str(value))


def _pairs(labels: Sequence, values: Sequence) -> str:
    items = [f"{plain(str(label))} = {_number(value)}" for label, value in zip(labels, values)]
    more = len(items) - MAX_ITEMS
    text = "; ".join(items[:MAX_ITEMS])
    return text + (f"; and {more} more" if more > 0 else "")


def _listing(values: Sequence, separator: str = ", ") -> str:
    items = [plain(str(value)) for value in values]
    more = len(items) - MAX_ITEMS
    return separator.join(items[:MAX_ITEMS]) + (f"{separator}and {more} more" if more > 0 else "")


def _own_description(trace) -> str | None:
    """A trace may carry its own description in ``trace.meta["describe"]`` (maps use it to name areas)."""
    meta = trace.meta if isinstance(trace.meta, dict) else {}
    text = meta.get("describe")
    return plain(str(text)) if text else None


def _describe_trace(trace) -> str:
    name = f'"{plain(trace.name)}"' if trace.name else "(unnamed)"
    kind = trace.type
    own = _own_description(trace)
    if kind == "bar":
        horizontal = trace.orientation == "h"
        labels, values = (trace.y, trace.x) if horizontal else (trace.x, trace.y)
        labels, values = list(labels or []), list(values or [])
        return f"Trace {name} (bar, {_count(len(values), 'bar')}): {_pairs(labels, values)}."
    if kind in {"scatter", "scattergl"}:
        xs, ys = list(trace.x or []), list(trace.y or [])
        mode = trace.mode or "markers"
        labels = [plain(str(x)) for x in xs]
        if trace.text is not None and not isinstance(trace.text, str) and len(trace.text) == len(xs):
            items = [plain(str(text)) for text in trace.text]
            return f"Trace {name} (scatter, {mode}, {_count(len(xs), 'point')}): {_listing(items, separator='; ')}."
        return f"Trace {name} (scatter, {mode}, {_count(len(xs), 'point')}): {_pairs(labels, ys)}."
    if kind == "scattergeo":
        texts = list(trace.text or []) if not isinstance(trace.text, str) else [trace.text]
        if own:
            mode = trace.mode or "markers"
            what = "map lines" if "lines" in mode and "markers" not in mode else "map points"
            return f"Trace {name} ({what}): {own}."
        count = len(trace.lat or [])
        shown = texts if texts else [f"({lat:.2f}, {lon:.2f})" for lat, lon in zip(trace.lat or [], trace.lon or [])]
        return f"Trace {name} (map points or lines, {_count(count, 'point')}): {_listing(shown)}."
    if kind in {"choropleth", "choroplethmap"}:
        locations = list(trace.locations or [])
        if own:
            return f"Trace {name} (filled map areas, {_count(len(locations), 'area')}): {own}."
        values = list(trace.z or [])
        if values:
            return f"Trace {name} (filled map areas, {_count(len(locations), 'area')}): {_pairs(locations, values)}."
        return f"Trace {name} (filled map areas, {_count(len(locations), 'area')}): {_listing(locations)}."
    if kind == "table":
        header = [plain(str(value)) for value in (trace.header.values or [])]
        columns = trace.cells.values or []
        rows = len(columns[0]) if columns else 0
        return f"Trace {name} (table, {_count(rows, 'row')}): columns {_listing(header)}."
    return f"Trace {name} ({kind})."


def _chart_kind(fig: go.Figure) -> str:
    kinds = [trace.type for trace in fig.data]
    if not kinds:
        return "Empty figure."
    if all(kind == "bar" for kind in kinds):
        return "Horizontal bar chart." if fig.data[0].orientation == "h" else "Vertical bar chart."
    if any(kind in {"choropleth", "scattergeo", "choroplethmap", "scattermap"} for kind in kinds):
        return "Map."
    if all(kind in {"scatter", "scattergl"} for kind in kinds):
        return "Line or scatter chart."
    return "Chart combining " + ", ".join(sorted(set(kinds))) + "."


def _title(text: str | None) -> str:
    """The title and subtitle as one line: wrapped title lines joined by spaces, then ' — subtitle'."""
    if not text:
        return ""
    # a subtitle wrapped over several lines is one sentence: join its lines
    text = re.sub(r"</sup>\s*<br\s*/?>\s*<sup>", " ", str(text))
    title, _, subtitle = text.partition("<br><sup>")
    joined = plain(re.sub(r"<br\s*/?>", " ", title))
    return f"{joined} — {plain(subtitle)}" if subtitle else joined


def describe(fig: go.Figure) -> str:
    """Return a deterministic, plain-text description of ``fig``.

    Lists the title, the kind of chart, the axis titles, every trace's values (up to
    ``MAX_ITEMS`` each), the figure's own summary sentence if it has one
    (``fig.layout.meta["summary"]``) and its source line.
    """
    if not isinstance(fig, go.Figure):
        raise TypeError(f"explainer: describe() takes a plotly Figure, got {type(fig).__name__}")
    lines = [f"Figure: {_title(fig.layout.title.text) or '(untitled)'}"]
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    if meta.get("summary"):
        lines.append(plain(meta["summary"]))
    lines.append(_chart_kind(fig))
    axes = []
    for axis_name in ("xaxis", "yaxis"):
        axis = fig.layout[axis_name]
        if axis.title and axis.title.text:
            axes.append(f"{axis_name[0]} axis: {plain(axis.title.text)}")
    if axes:
        lines.append("; ".join(axes) + ".")
    lines.extend(_describe_trace(trace) for trace in fig.data)
    labels = [plain(annotation.hovertext or annotation.text) for annotation in fig.layout.annotations if annotation.name == "event-label"]
    if labels:
        lines.append("Labelled on the chart: " + "; ".join(labels) + ".")
    for annotation in fig.layout.annotations:
        if annotation.name == "source-line":
            lines.append(plain(re.sub(r"<br\s*/?>", " ", annotation.text)))
    return "\n".join(lines)


class Description:
    """A figure's text description, shown folded under the figure in a notebook
    ("Text description of the figure above"), and as plain text everywhere else."""

    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_html_(self) -> str:
        return (
            '<details class="explainer-description"><summary>Text description of the figure above</summary>'
            f'<pre style="white-space:pre-wrap;font-size:90%">{html.escape(self.text)}</pre></details>'
        )

    def __repr__(self) -> str:
        return self.text


def print_description(fig: go.Figure) -> None:
    """Show ``describe(fig)`` right after a figure: folded in a notebook, plain text elsewhere.

    The notebook tests compare this output exactly, and it is the figure's text alternative.
    """
    from IPython.display import display

    display(Description(describe(fig)))
