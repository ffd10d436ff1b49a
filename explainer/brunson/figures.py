"""Chapter 06, the Brunson affair: its charts.

Examples
--------
>>> from explainer.brunson.figures import lira_chart
>>> lira_chart().layout.title.text.startswith("A dollar cost")
True
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from explainer.charts import bar_chart, reports_chart
from explainer.sources import source_ids_of
from explainer.style import OKABE_ITO, apply_house_style, fit_source_line, set_summary
from explainer.tables import format_ids
from explainer.prose import format_date
from explainer.timeline import events
from explainer.brunson.data import _event, dispute_durations, lira_falls, lira_rates, load_periods
from explainer.brunson.tables import KINDS


# The events drawn as dotted lines on the lira chart, with the short label shown at the top.
LIRA_MARKERS = {
    "2018-08-01-us-sanctions-turkish-ministers": "Sanctions",
    "2018-08-10-us-doubles-tariffs": "Tariffs",
    "2018-10-12-brunson-released": "Release",
    "2018-11-02-minister-sanctions-lifted": "Sanctions lifted",
}


def lira_chart(markers: dict[str, str] | None = None) -> go.Figure:
    """The lira against the dollar through 2018 as reported, with the case's events as dotted lines.

    One series per kind of snapshot (weakest of the day, strongest, close, level at a stated time);
    every point names its publisher. ``markers`` maps event ids of the shared timeline to short
    labels (default: sanctions, tariffs, release, sanctions lifted).
    """
    markers = LIRA_MARKERS if markers is None else markers
    if not isinstance(markers, dict):
        raise TypeError(f"explainer: markers must map event ids to labels, got {type(markers).__name__}")
    marked = {event_id: _event(event_id, "markers") for event_id in markers}
    rates = lira_rates()
    fig = go.Figure()
    for kind, style in KINDS.items():
        rows = rates[rates["kind"] == kind]
        if rows.empty:
            continue
        labels = [
            f"{row.date:%-d %b %Y}: {row.value:g} lira per dollar ({row.publisher}, {row.observed})"
            for row in rows.itertuples(index=False)
        ]
        fig.add_trace(
            go.Scatter(
                x=rows["date"].dt.strftime("%Y-%m-%d").tolist(),
                y=rows["value"].tolist(),
                mode="markers",
                name=style["label"],
                marker={"symbol": style["symbol"], "size": 11, "color": style["colour"], "line": {"color": "white", "width": 1}},
                text=[html.escape(label, quote=False) for label in labels],
                hoverinfo="text",
            )
        )
    for position, (event_id, label) in enumerate(markers.items()):
        when = marked[event_id]["date"].strftime("%Y-%m-%d")
        fig.add_vline(x=when, line={"color": "#777777", "dash": "dot", "width": 1})
        # Alternate the labels' heights so that events a few days apart do not overlap.
        fig.add_annotation(x=when, y=1.0 + 0.06 * (position % 2), yref="paper", yanchor="bottom", text=html.escape(label, quote=False),
                           showarrow=False, font={"size": 11}, bgcolor="white", name="event")
    start = rates[rates["date"] == rates["date"].min()]
    weakest = rates.loc[rates["value"].idxmax()]
    last = rates.iloc[-1]
    low, high = start["value"].min(), start["value"].max()
    start_text = f"{low:.2f}" if low == high else f"{low:.2f}–{high:.2f}"
    title = (
        f"A dollar cost {start_text} lira as 2018 began, as much as {weakest['value']:.2f} on "
        f"{weakest['date']:%-d %B}, and {last['value']:.2f} after Brunson's release"
    )
    source_ids = source_ids_of(rates)
    apply_house_style(
        fig,
        title=title,
        subtitle="Turkish lira per US dollar as news reports state it; higher means a weaker lira",
        source_ids=source_ids,
        source_note="snapshots at different times of day, not an official daily series",
        source_offset=95,
        height=560,
        legend={"orientation": "h", "x": 0, "y": -0.16},
        summary=(
            f"{len(rates)} reported rates from {len(set(rates['publisher']))} publishers: the dollar bought "
            f"{start_text} lira at the start of 2018, up to {weakest['value']:g} on {weakest['date']:%-d %B 2018} "
            f"({weakest['publisher']}), and {last['value']:g} on {last['date']:%-d %B 2018} ({last['publisher']})."
        ),
    )
    fig.update_xaxes(type="date", title_text="Date (2018)", gridcolor="#EEEEEE")
    fig.update_yaxes(title_text="Lira per US dollar", gridcolor="#EEEEEE", rangemode="tozero")
    return fig


PERIOD_STYLES = {
    "detention": {"colour": OKABE_ITO["purple"]},
    "house-arrest": {"colour": OKABE_ITO["orange"]},
    "sanctions-to-release": {"colour": OKABE_ITO["vermillion"]},
}
# Events on top, so that their labels stack up into the free space above the bars.
LANES = {"events": 2, "held": 1, "pressure": 0}
LANE_NAMES = {"held": "Brunson held", "pressure": "U.S. pressure", "events": "Events"}


def _label_rows(fig: go.Figure, items: list[tuple[pd.Timestamp, str, str]], *, y: float, middle: pd.Timestamp,
                row: int, colour: str = "#333333") -> None:
    """Label dated dots on lane ``y`` of subplot ``row``, each label on its own line above the lane,
    with a leader line down to its dot. Labels left of ``middle`` run right, the others left; the
    order of the lines keeps every leader line clear of the other labels' text."""
    left = [item for item in items if item[0] < middle]
    right = [item for item in items if item[0] >= middle]
    placed = [(item, len(left) - 1 - i, "left") for i, item in enumerate(left)]
    placed += [(item, len(left) + i, "right") for i, item in enumerate(right)]
    axis = "" if row == 1 else str(row)
    for (date, text, hover), line, anchor in placed:
        fig.add_annotation(
            x=date.strftime("%Y-%m-%d"), y=y, xref=f"x{axis}", yref=f"y{axis}", text=html.escape(text, quote=False),
            hovertext=html.escape(hover, quote=False), showarrow=True, arrowhead=0, arrowwidth=1, arrowcolor="#888888",
            ax=4 if anchor == "left" else -4, ay=-(22 + 19 * line), xanchor=anchor, font={"size": 11, "color": colour},
            bgcolor="rgba(255,255,255,0.9)", name="event-label",
        )


def case_timeline_chart(end: str = "2018-11-30") -> go.Figure:
    """The Brunson case from his detention to ``end``: the periods he was held and the window of
    U.S. sanctions before his release as bars, the timeline's events as labelled dots. The lower
    panel enlarges the last months, where the events are days apart."""
    periods = load_periods()
    case = events(["brunson"], end=end)
    if case.empty:
        raise ValueError(f"explainer: no events of the Brunson case up to end={end!r}")
    by_id = periods.set_index("period_id")
    zoom_start = by_id.loc["house-arrest", "start"] - pd.Timedelta(days=12)
    zoom_end = max(case["date"].max(), by_id["end"].max()) + pd.Timedelta(days=12)
    overview = (min(case["date"].min(), periods["start"].min()) - pd.Timedelta(days=40), zoom_end + pd.Timedelta(days=20))
    fig = make_subplots(rows=2, cols=1, row_heights=[0.5, 0.5], vertical_spacing=0.16,
                        subplot_titles=("The whole case", f"Enlarged: {zoom_start:%-d %b} to {zoom_end:%-d %b %Y}"))
    # the enlarged panel's title at the left: its staggered event labels rise highest on the right
    fig.layout.annotations[1].update(x=0, xanchor="left")
    for row in (1, 2):
        for period in periods.itertuples(index=False):
            lane = LANES[period.lane]
            fig.add_trace(go.Scatter(
                x=[period.start.strftime("%Y-%m-%d"), period.end.strftime("%Y-%m-%d")], y=[lane, lane], mode="lines",
                line={"color": PERIOD_STYLES.get(period.period_id, {"colour": OKABE_ITO["sky"]})["colour"], "width": 16},
                name=html.escape(f"{period.label} ({period.days:,} days)", quote=False), legendgroup=period.period_id, showlegend=row == 1,
                text=[html.escape(f"from {period.start:%-d %b %Y}", quote=False), html.escape(f"to {period.end:%-d %b %Y}", quote=False)],
                hovertext=html.escape(f"{period.label}: {period.start:%-d %b %Y} to {period.end:%-d %b %Y} ({period.days:,} days)", quote=False),
                hoverinfo="text",
            ), row=row, col=1)
        shown = case if row == 1 else case[case["date"] >= zoom_start]
        fig.add_trace(go.Scatter(
            x=shown["date"].dt.strftime("%Y-%m-%d").tolist(), y=[LANES["events"]] * len(shown), mode="markers",
            name="Event of the timeline", legendgroup="events", showlegend=row == 1,
            marker={"size": 10, "color": OKABE_ITO["black"], "symbol": "circle", "line": {"color": "white", "width": 1}},
            text=[html.escape(f"{format_date(r.date, r.date_precision)}: {r.title}", quote=False) for r in shown.itertuples()],
            hoverinfo="text",
        ), row=row, col=1)
    # Labels: the early events on the overview, the last months' events on the enlargement.
    def item(r) -> tuple[pd.Timestamp, str, str]:
        when = format_date(r.date, r.date_precision)
        return (r.date, f"{when}: {r.title}", f"{when}: {r.title}. Sources: {format_ids(r.source_ids)}")

    early = [item(r) for r in case[case["date"] < zoom_start].itertuples()]
    late = [item(r) for r in case[case["date"] >= zoom_start].itertuples()]
    _label_rows(fig, early, y=LANES["events"], middle=overview[0] + (overview[1] - overview[0]) / 2, row=1)
    _label_rows(fig, late, y=LANES["events"], middle=zoom_start + (zoom_end - zoom_start) / 2, row=2)
    # The periods' own labels: inside the long detention bar on the overview, beside the bars on the enlargement.
    detention = by_id.loc["detention"]
    fig.add_annotation(x=(detention["start"] + (detention["end"] - detention["start"]) / 2).strftime("%Y-%m-%d"), y=LANES["held"],
                       xref="x", yref="y", text=html.escape(f"{detention['label']}: {detention['days']:,} days", quote=False),
                       showarrow=False, font={"size": 12, "color": "white"}, name="period-label")
    for period_id in ("house-arrest", "sanctions-to-release"):
        period = by_id.loc[period_id]
        fig.add_annotation(x=(period["start"] + (period["end"] - period["start"]) / 2).strftime("%Y-%m-%d"), y=LANES[period["lane"]],
                           xref="x2", yref="y2",
                           text=html.escape(f"{period['label']}: {period['start']:%-d %b} to {period['end']:%-d %b %Y}, {period['days']:,} days", quote=False),
                           showarrow=False, font={"size": 12, "color": "white" if period_id == "sanctions-to-release" else "black"},
                           name="period-label")
    fig.add_vrect(x0=zoom_start.strftime("%Y-%m-%d"), x1=zoom_end.strftime("%Y-%m-%d"), row=1, col=1,
                  fillcolor="#DDDDDD", opacity=0.5, line_width=0, layer="below")
    held = periods[periods["lane"] == "held"]
    window = by_id.loc["sanctions-to-release"]
    source_ids = source_ids_of(periods, case)
    apply_house_style(
        fig,
        title=(
            f"Brunson was held for {held['days'].sum():,} days; the U.S. sanctions and tariffs came in the last "
            f"{window['days']:,} days (about {round(window['days'] / 7)} weeks)"
        ),
        subtitle="Detention from 7 Oct 2016, house arrest from 25 Jul 2018, release on 12 Oct 2018; the grey band is enlarged below",
        source_ids=source_ids[:3],
        source_note=f"and {len(source_ids) - 3} more in data/brunson_periods.csv and data/events.csv" if len(source_ids) > 3 else None,
        source_offset=110,
        height=800,
    )
    fig.update_layout(legend={"orientation": "h", "x": 0, "y": -0.06, "yanchor": "top"}, hovermode="closest", margin={"t": 100})
    lane_ticks = {"tickvals": list(LANES.values()), "ticktext": [LANE_NAMES[name] for name in LANES], "range": [-0.5, 2.5],
                  "showgrid": True, "gridcolor": "#F4F4F4", "zeroline": False}
    fig.update_yaxes(**lane_ticks)
    fig.update_xaxes(type="date", gridcolor="#EEEEEE")
    fig.update_xaxes(range=[overview[0].strftime("%Y-%m-%d"), overview[1].strftime("%Y-%m-%d")], row=1, col=1)
    fig.update_xaxes(range=[zoom_start.strftime("%Y-%m-%d"), zoom_end.strftime("%Y-%m-%d")], dtick=7 * 24 * 3600 * 1000 * 2,
                     tickformat="%-d %b", row=2, col=1)
    # Room above each panel's events lane for the stacked labels.
    fig.update_yaxes(range=[-0.5, 2.5 + 0.45 * len(early)], row=1, col=1)
    fig.update_yaxes(range=[-0.5, 2.5 + 0.5 * len(late)], row=2, col=1)
    set_summary(fig, (
            "; ".join(f"{row.label}: {row.start:%-d %b %Y} to {row.end:%-d %b %Y} ({row.days:,} days)" for row in periods.itertuples(index=False))
            + f". {len(case)} events of the timeline from {format_date(case.iloc[0]['date'], case.iloc[0]['date_precision'])} "
            f"to {format_date(case.iloc[-1]['date'], case.iloc[-1]['date_precision'])}."
        ))
    return fig


def daily_fall_chart() -> go.Figure:
    """How far the lira fell on 10 August 2018, publisher by publisher (each a snapshot in time)."""
    falls = lira_falls()
    days = sorted(set(falls["date"]))
    if len(days) != 1:
        raise ValueError(f"explainer: daily_fall_chart expects falls reported for one day, found {[f'{d:%Y-%m-%d}' for d in days]}")
    day = days[0]
    low, high = falls["value"].min(), falls["value"].max()
    fig = reports_chart(
        falls.assign(
            label=[html.escape(f"{row.publisher}: {row.observed}", quote=False) for row in falls.itertuples(index=False)],
            publisher=[html.escape(publisher, quote=False) for publisher in falls["publisher"]],
        ),
        label="label",
        what=f"the lira's fall on {day:%-d %B %Y}",
        unit="{:g}%",
        bar_labels="{:g}%",
        subtitle="Each publisher measured at a different moment of a day of steep losses",
        x_title=f"Reported fall of the lira against the dollar on {day:%-d %b %Y} (%)",
        hover="publisher",
        summary=(
            f"{len(falls)} reports give the lira's loss on {day:%-d %B %Y} as between {low:g}% and {high:g}%; "
            "the larger figures are the day's extreme or its end, the smaller ones were written earlier in the day."
        ),
    )
    return fit_source_line(fig, 95)


def dispute_duration_chart() -> go.Figure:
    """Bar chart: how long each dispute lasted after the first US penalty."""
    durations = dispute_durations()
    frame = durations.assign(
        label=[html.escape(f"{row.dispute}, from {row.first_penalty_date:%-d %b %Y} ({row.status})", quote=False) for row in durations.itertuples(index=False)],
        detail=[
            html.escape(f"From {row.first_penalty_date:%-d %b %Y} ({row.first_penalty}) to {row.until_date:%-d %b %Y} ({row.until})", quote=False)
            for row in durations.itertuples(index=False)
        ],
    )
    brunson_row, f35_row = durations.iloc[0], durations.iloc[1]
    fig = bar_chart(
        frame,
        x="days",
        y="label",
        title=(
            f"Brunson was freed {brunson_row['days']:,} days after the first US sanctions; the F-35 dispute "
            f"was still open {f35_row['days']:,} days after the first US penalty ({f35_row['first_penalty_date']:%b %Y})"
        ),
        subtitle=(
            "Days from each dispute's first US penalty (point at or tap it) to its resolution, or to the timeline's newest "
            f"event ({f35_row['until_date']:%-d %b %Y})"
        ),
        source_ids=source_ids_of(durations),
        x_title="Days after the first US penalty",
        hover="detail",
        bar_labels="{:,} days",  # as the title writes them: '2,337 days', not '2337'

        summary="; ".join(
            f"{row.dispute}: {row.days:,} days from {row.first_penalty_date:%-d %b %Y} to {row.until_date:%-d %b %Y} ({row.status})"
            for row in durations.itertuples(index=False)
        ) + ".",
    )
    fig.update_xaxes(tickformat=",", range=[0, durations["days"].max() * 1.15])
    # The long dispute names push the plotting area, where the source line starts, to the right.
    return fit_source_line(fig, 110)
