"""The house style every figure shares: palette, fonts, margins and the source line.

The palette is Okabe and Ito's, chosen to stay distinguishable under the common forms of
colour blindness.

Examples
--------
>>> import plotly.graph_objects as go
>>> from explainer.style import apply_house_style
>>> fig = apply_house_style(go.Figure(), title="A finding", source_ids=["article"])
>>> fig.layout.title.text
'A finding'
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from explainer.prose import wrap_html, wrap_lines
from explainer.sources import references

OKABE_ITO = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}
PALETTE = [OKABE_ITO[name] for name in ("blue", "orange", "green", "vermillion", "purple", "sky", "yellow", "black")]
MUTED = "#D9D9D9"
TEXT = "#222222"
FONT_FAMILY = "Helvetica Neue, Helvetica, Arial, sans-serif"
# Characters per line of the 11 px source line and the subtitle: plotly does not wrap text, and a
# figure on a book page or in a narrow JupyterLab panel is about 700 px wide.
SOURCE_LINE_WIDTH = 115
SUBTITLE_WIDTH = 110
TITLE_WIDTH = 95  # characters of an 18 px title that fit a notebook-wide figure


def source_line(source_ids: Sequence[str]) -> str:
    """Return the 'Source: …' line for ``source_ids`` (publishers and dates, HTML-escaped)."""
    entries = references(source_ids).entries
    parts = []
    for row in entries.itertuples(index=False):
        date = "" if pd.isna(row.date_published) else f", {row.date_published:%Y-%m-%d}"
        parts.append(f"{html.escape(row.publisher)}{date} [{html.escape(row.id)}]")
    label = "Source" if len(parts) == 1 else "Sources"
    return f"{label}: " + "; ".join(parts)


def fit_source_line(fig: go.Figure, width: int) -> go.Figure:
    """Re-wrap the source line to ``width`` characters, for charts whose long category labels
    leave a narrow plotting area, and make room for it under the chart. Returns ``fig``.

    >>> fig = apply_house_style(go.Figure(), title="A finding", source_ids=["article"])
    >>> fit_source_line(fig, 20).layout.margin.b > 40
    True
    """
    for annotation in fig.layout.annotations:
        if annotation.name == "source-line":
            old_lines = annotation.text.count("<br>") + 1
            annotation.text = wrap_html(annotation.text.replace("<br>", " "), width)
            fig.layout.margin.b += 15 * (annotation.text.count("<br>") + 1 - old_lines)
    return fig


def set_summary(fig: go.Figure, summary: str) -> go.Figure:
    """Store the figure's one-paragraph summary (what :func:`explainer.describe` reads first),
    keeping the rest of its metadata. Returns ``fig``."""
    fig.layout.meta = {**(fig.layout.meta or {}), "summary": summary}
    return fig


def apply_house_style(
    fig: go.Figure,
    *,
    title: str,
    source_ids: Sequence[str],
    subtitle: str | None = None,
    source_note: str | None = None,
    source_offset: int = 60,
    height: int = 420,
    legend: dict | None = None,
    summary: str | None = None,
) -> go.Figure:
    """Give ``fig`` the project's title, fonts, palette and a source line under the plot.

    ``title`` should state the finding, not the topic. ``source_note`` is added after the source
    line, for how the data was derived from the sources. ``source_offset`` is how far below the
    plotting area (in pixels) the source line starts: raise it when a legend sits under the axis.
    ``legend`` places the legend (and makes hover pick the closest point); ``summary`` is the
    figure's one-paragraph summary (:func:`set_summary`). Returns the same figure, changed in place,
    so callers can go on adjusting it.
    """
    if not title or not title.strip():
        raise ValueError("explainer: a figure needs a title that states its finding (title was empty)")
    source_ids = list(source_ids)
    if not source_ids:
        raise ValueError("explainer: a figure needs at least one source id (source_ids was empty)")
    source_text = wrap_html(source_line(source_ids) + (f"; {html.escape(source_note)}" if source_note else ""), SOURCE_LINE_WIDTH)
    source_lines = source_text.count("<br>") + 1
    title_text = html.escape(title)
    # A long title shrinks to stay on one line rather than run off the figure.
    title_size = max(13, min(18, round(18 * TITLE_WIDTH / max(len(title), 1))))
    # lines of even length, so a wrapped subtitle never leaves one word on a line of its own
    subtitle_lines = wrap_lines(subtitle, min(SUBTITLE_WIDTH, math.ceil(len(subtitle) / math.ceil(len(subtitle) / SUBTITLE_WIDTH)) + 8)) if subtitle else []
    for line in subtitle_lines:
        title_text += f"<br><sup>{html.escape(line)}</sup>"
    fig.update_layout(
        title={"text": title_text, "x": 0, "xanchor": "left", "font": {"size": title_size}},
        font={"family": FONT_FAMILY, "color": TEXT, "size": 13},
        colorway=PALETTE,
        plot_bgcolor="white",
        paper_bgcolor="white",
        height=height,
        margin={"l": 20, "r": 20, "t": 60 + 22 * len(subtitle_lines), "b": source_offset + 8 + 15 * source_lines},
    )
    fig.add_annotation(
        text=source_text,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-source_offset,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        align="left",
        font={"size": 11, "color": "#555555"},
        name="source-line",
    )
    fig.layout.meta = {**(fig.layout.meta or {}), "source_ids": source_ids}
    if legend is not None:
        fig.update_layout(legend=legend, hovermode="closest")
    if summary is not None:
        set_summary(fig, summary)
    return fig


def add_staggered_label(fig: go.Figure, number: int, *, x: str, y, text: str, hovertext: str,
                        near: int = 28, far: int = 58, size: int = 11) -> None:
    """Label a point on a timeline with a leader line; label ``number`` of a run goes above, then
    below, then higher above and lower below, so that neighbouring labels do not overlap.
    ``text`` and ``hovertext`` must already be HTML-escaped."""
    fig.add_annotation(
        x=x, y=y, text=text, hovertext=hovertext,
        showarrow=True, arrowhead=0, arrowwidth=1, arrowcolor="#777",
        ax=0, ay=(-near, near, -far, far)[number % 4], font={"size": size}, bgcolor="rgba(255,255,255,0.85)",
        name="event-label",
    )


def add_lane_labels(fig: go.Figure, items: list[tuple[pd.Timestamp, str, str]], y: float, middle: pd.Timestamp,
                    *, above: bool, colour: str) -> None:
    """Label dates on lane ``y`` with leader lines, one row of text per label so none overlap;
    ``items`` are (date, label, hover text), escaped here.

    Labels left of ``middle`` run to the right of their dot and the later of them sit nearer the
    lane; labels right of ``middle`` run to the left and the earlier sit nearer. Leader lines then
    never cross another label's text.
    """
    left = [item for item in items if item[0] < middle]
    right = [item for item in items if item[0] >= middle]
    placed = [(item, len(left) - 1 - i, "left") for i, item in enumerate(left)] + [(item, i, "right") for i, item in enumerate(right)]
    sign = -1 if above else 1
    for (date, text, hover), row, anchor in placed:
        fig.add_annotation(
            x=date.strftime("%Y-%m-%d"), y=y, text=html.escape(text), hovertext=html.escape(hover),
            showarrow=True, arrowhead=0, arrowwidth=1, arrowcolor="#777777",
            ax=4 if anchor == "left" else -4, ay=sign * (26 + 21 * row), xanchor=anchor,
            font={"size": 12, "color": colour}, bgcolor="rgba(255,255,255,0.9)", name="event-label",
        )
