"""Charts in the house style, one function per kind, with plotly-express-like arguments.

Every function takes a DataFrame and column names, a ``title`` that states the finding,
the ``source_ids`` behind the data, and returns a ``plotly.graph_objects.Figure`` the caller
may go on changing.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"topic": ["Gaza", "Syria"], "sentences": [2, 3]})
>>> fig = bar_chart(frame, x="sentences", y="topic", title="Syria comes up most",
...                 source_ids=["article"], x_title="Sentences")
>>> [bar.orientation for bar in fig.data]
['h']
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from explainer.article import topic_mentions
from explainer.sources import source_ids_of
from explainer.style import PALETTE, apply_house_style, set_summary


def _require_columns(data_frame: pd.DataFrame, columns: dict[str, str | None]) -> None:
    if not isinstance(data_frame, pd.DataFrame):
        raise TypeError(f"explainer: expected a pandas DataFrame, got {type(data_frame).__name__}")
    for argument, column in columns.items():
        if column is not None and column not in data_frame.columns:
            raise KeyError(
                f"explainer: {argument}={column!r} is not a column; columns are {list(data_frame.columns)}"
            )


def bar_chart(
    data_frame: pd.DataFrame,
    *,
    x: str,
    y: str,
    title: str,
    source_ids: Sequence[str],
    x_title: str | None = None,
    y_title: str | None = None,
    subtitle: str | None = None,
    orientation: str = "h",
    hover: str | None = None,
    summary: str | None = None,
    bar_labels: str | None = None,
) -> go.Figure:
    """Bar chart of ``data_frame``: one bar per row, values labelled on the bars.

    With ``orientation="h"`` (the default, best for long category names) ``y`` holds the
    categories and ``x`` the values; with ``"v"`` the other way round. ``hover`` names a column
    of extra text shown on hover. ``bar_labels`` formats each bar's label with its unit, as the
    title writes it (``"{:,} days"``, ``"${:g}bn"``). Values must be numbers; a missing value
    raises ``ValueError``.
    """
    _require_columns(data_frame, {"x": x, "y": y, "hover": hover})
    if orientation not in {"h", "v"}:
        raise ValueError(f"explainer: orientation must be 'h' or 'v', got {orientation!r}")
    value_column = x if orientation == "h" else y
    values = pd.to_numeric(data_frame[value_column], errors="coerce")
    if values.isna().any():
        bad = data_frame.loc[values.isna(), value_column].tolist()
        raise ValueError(f"explainer: column {value_column!r} must hold numbers; found {bad}")
    bar = go.Bar(
        x=data_frame[x].tolist(),
        y=data_frame[y].tolist(),
        orientation=orientation,
        marker_color=PALETTE[0],
        text=[bar_labels.format(value) for value in values] if bar_labels else values.tolist(),
        texttemplate="%{text}" if bar_labels else None,
        textposition="outside",
        cliponaxis=False,
        name=x_title if orientation == "h" else y_title,
        hovertext=data_frame[hover].tolist() if hover else None,
        hoverinfo="text+x+y" if hover else "x+y",
    )
    fig = go.Figure(bar)
    apply_house_style(fig, title=title, source_ids=source_ids, subtitle=subtitle)
    category_axis = {"autorange": "reversed"} if orientation == "h" else {}
    fig.update_xaxes(title_text=x_title, showgrid=orientation == "h", gridcolor="#EEEEEE", zeroline=False)
    fig.update_yaxes(title_text=y_title, showgrid=orientation == "v", gridcolor="#EEEEEE", **category_axis)
    if summary:
        set_summary(fig, summary)
    return fig


def topic_mentions_chart() -> go.Figure:
    """How many of the article's sentences touch each topic of the call, most first."""
    mentions = topic_mentions().sort_values(["sentence_count", "label"], ascending=[False, True])
    mentions["sentences"] = mentions["sentence_ids"].map(", ".join)
    top = mentions.iloc[0]
    total = int(mentions["sentence_count"].sum())
    return bar_chart(
        mentions,
        x="sentence_count",
        y="label",
        title=f"{top['label']} takes up most of the report",
        subtitle="Sentences of the article that name each topic (a sentence can name several)",
        source_ids=["article"],
        x_title="Sentences naming the topic",
        hover="sentences",
        summary=(
            f"The article's sentences name the call's topics {total} times; "
            f"{top['label']} comes first with {int(top['sentence_count'])} sentences."
        ),
    )


def reports_chart(
    reports: pd.DataFrame,
    *,
    label: str,
    what: str,
    unit: str,
    bar_labels: str,
    subtitle: str,
    x_title: str,
    summary: str,
    hover: str | None = None,
) -> go.Figure:
    """One bar per report of the same quantity (column ``value``, one row per report, its sources
    in ``source_ids``), titled with how far the reports spread: "Reports of ``what`` range from
    ``unit.format(low)`` to ``unit.format(high)``". ``label`` names the column of (escaped) bar
    names; ``bar_labels`` formats each bar's label.

    >>> reports = pd.DataFrame({"who": ["A", "B"], "value": [6.0, 8.5], "source_ids": ["article", "article"]})
    >>> reports_chart(reports, label="who", what="the offer", unit="${:g}bn", bar_labels="${:g}bn", subtitle="s",
    ...               x_title="x", summary="s").layout.title.text.split("<br>")[0]
    'Reports of the offer range from $6bn to $8.5bn'
    """
    low, high = reports["value"].min(), reports["value"].max()
    return bar_chart(
        reports, x="value", y=label, hover=hover, subtitle=subtitle, x_title=x_title, summary=summary,
        title=f"Reports of {what} range from {unit.format(low)} to {unit.format(high)}",
        source_ids=source_ids_of(reports), bar_labels=bar_labels,
    )
