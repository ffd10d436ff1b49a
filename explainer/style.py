"""The house style every figure shares: palette, fonts, margins and the source line.

The palette is Okabe and Ito's, chosen to stay distinguishable under the common forms of
colour blindness.

Examples
--------
>>> import pandas as pd
import plotly.graph_objects as go
>>> from explainer.style import apply_house_style
>>> fig = apply_house_style(go.Figure(), title="A finding", source_ids=["article"])
>>> fig.layout.title.text
'A finding'
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

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


def source_line(source_ids: Sequence[str]) -> str:
    """Return the 'Source: …' line for ``source_ids`` (publishers and dates, HTML-escaped)."""
    entries = references(source_ids).entries
    parts = []
    for row in entries.itertuples(index=False):
        date = "" if pd.isna(row.date_published) else f", {row.date_published:%Y-%m-%d}"
        parts.append(f"{html.escape(row.publisher)}{date} [{html.escape(row.id)}]")
    label = "Source" if len(parts) == 1 else "Sources"
    return f"{label}: " + "; ".join(parts)


def apply_house_style(
    fig: go.Figure,
    *,
    title: str,
    source_ids: Sequence[str],
    subtitle: str | None = None,
    height: int = 420,
) -> go.Figure:
    """Give ``fig`` the project's title, fonts, palette and a source line under the plot.

    ``title`` should state the finding, not the topic. Returns the same figure, changed in place,
    so callers can go on adjusting it.
    """
    if not title or not title.strip():
        raise ValueError("explainer: a figure needs a title that states its finding (title was empty)")
    source_ids = list(source_ids)
    if not source_ids:
        raise ValueError("explainer: a figure needs at least one source id (source_ids was empty)")
    title_text = html.escape(title)
    if subtitle:
        title_text += f"<br><sup>{html.escape(subtitle)}</sup>"
    fig.update_layout(
        title={"text": title_text, "x": 0, "xanchor": "left", "font": {"size": 18}},
        font={"family": FONT_FAMILY, "color": TEXT, "size": 13},
        colorway=PALETTE,
        plot_bgcolor="white",
        paper_bgcolor="white",
        height=height,
        margin={"l": 20, "r": 20, "t": 80 if subtitle else 60, "b": 80},
    )
    fig.add_annotation(
        text=source_line(source_ids),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-60,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        align="left",
        font={"size": 11, "color": "#555555"},
        name="source-line",
    )
    fig.layout.meta = {**(fig.layout.meta or {}), "source_ids": source_ids}
    return fig
