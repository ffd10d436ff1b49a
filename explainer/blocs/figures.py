"""Chapter 01, Turkey between the blocs: its charts.

Examples
--------
>>> from explainer.blocs.figures import aid_offer_chart
>>> aid_offer_chart().data[0].type
'bar'
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from explainer.charts import reports_chart
from explainer.sources import source_ids_of
from explainer.style import apply_house_style
from explainer.blocs.data import load_vote_2003, turning_points
from explainer.blocs.tables import DIRECTIONS


def _latest_run(directions: Sequence[str]) -> tuple[str, int]:
    """The direction of the newest turning points and how many in a row share it."""
    last, count = directions[-1], 0
    for direction in reversed(directions):
        if direction != last:
            break
        count += 1
    return last, count


def turning_points_chart(start=None) -> go.Figure:
    """A dot timeline of the turning points on a true date axis, one row per point in date order,
    each dot labelled and coloured by the direction of the shift (closer or strained).

    ``start`` ('YYYY-MM-DD') keeps only the turning points on or after that date.
    """
    points = turning_points()
    if start is not None:
        try:
            stamp = pd.Timestamp(start)
        except (ValueError, TypeError) as error:
            raise ValueError(f"explainer: start={start!r} is not a date (use 'YYYY-MM-DD')") from error
        points = points[points["date"] >= stamp].reset_index(drop=True)
        if points.empty:
            raise ValueError(f"explainer: no turning points on or after start={start!r}")
    first, last_date = points["date"].min(), points["date"].max()
    span = max((last_date - first).days, 365)
    low = first - pd.Timedelta(days=int(span * 0.03) + 90)
    high = last_date + pd.Timedelta(days=int(span * 0.03) + 90)
    # Labels sit right of dots in the first half of the axis and left of those in the second,
    # so that no label runs off the plot.
    middle = low + (high - low) / 2
    rows = {event_id: number for number, event_id in enumerate(points["event_id"])}
    fig = go.Figure()
    for direction, style in DIRECTIONS.items():
        chosen = points[points["direction"] == direction]
        if chosen.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=chosen["date"].dt.strftime("%Y-%m-%d").tolist(),
                y=[rows[event_id] for event_id in chosen["event_id"]],
                mode="markers+text",
                name=style["label"],
                marker={"size": 13, "color": style["colour"], "symbol": style["symbol"], "line": {"color": "white", "width": 1}},
                text=[html.escape(f"{row.when}: {row.label}", quote=False) for row in chosen.itertuples(index=False)],
                textposition=["middle right" if date < middle else "middle left" for date in chosen["date"]],
                textfont={"size": 12, "color": style["colour"]},
                cliponaxis=False,
                hovertext=[
                    html.escape(f"{row.when}: {row.label}. {row.how_the_sources_put_it}", quote=False)
                    for row in chosen.itertuples(index=False)
                ],
                hoverinfo="text",
            )
        )
    strained = int((points["direction"] == "strained").sum())
    last, run = _latest_run(points["direction"].tolist())
    newest = "the latest" if run == 1 else f"the latest {run}"
    title = (
        f"{strained} of {len(points)} turning points since {first:%Y} strained U.S.–Turkey ties; "
        f"{newest} {'brought them closer' if last == 'closer' else 'strained them'}"
    )
    apply_house_style(
        fig,
        title=title,
        subtitle="Events of the shared timeline the sources describe as a shift, on a true date axis; closer or strained is our reading of the sources",
        source_ids=source_ids_of(points),
        source_offset=105,
        height=260 + 30 * len(points),
        legend={"orientation": "h", "x": 0, "y": -0.11, "yanchor": "top"},
        summary=(
            f"{len(points)} turning points from {points.iloc[0]['when']} to {points.iloc[-1]['when']}: "
            f"{strained} strained ties and {len(points) - strained} brought them closer; "
            f"{newest} ({', '.join(points['label'].tail(run))}) {'brought them closer' if last == 'closer' else 'strained them'}."
        ),
    )
    fig.update_xaxes(type="date", range=[low.strftime("%Y-%m-%d"), high.strftime("%Y-%m-%d")], title_text="Date of the turning point",
                     gridcolor="#EEEEEE", zeroline=False)
    fig.update_yaxes(autorange="reversed", showticklabels=False, showgrid=True, gridcolor="#F4F4F4", zeroline=False,
                     tickvals=list(range(len(points))), range=[len(points) - 0.4, -0.6])
    return fig


def aid_offer_chart() -> go.Figure:
    """The U.S. aid offer of 2003 as each report gave it."""
    figures = load_vote_2003()
    aid = figures[figures["figure"] == "U.S. aid offered"].sort_values("value").reset_index(drop=True)
    if aid.empty:
        raise ValueError("explainer: vote_2003 has no 'U.S. aid offered' rows")
    # Each bar is labelled with its unit, as the reports give it: '$6bn', not a bare '6.0'.
    return reports_chart(
        aid.assign(name=[html.escape(p, quote=False) for p in aid["publisher"]]),
        label="name",
        what="the aid the U.S. offered Turkey in 2003",
        unit="${:g} billion",
        bar_labels="${:g}bn",
        subtitle="U.S. aid offered for letting U.S. troops deploy through Turkey, as reported on 1–2 March 2003",
        x_title="U.S. aid offered (billion US dollars)",
        summary=(
            f"{len(aid)} reports give the U.S. aid offer as "
            + ", ".join(f"${row.value:g} billion ({row.publisher})" for row in aid.itertuples(index=False))
            + "; the reports do not say whether they count the same package."
        ),
    )
