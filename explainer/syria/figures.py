"""Chapter 04, Syria: its charts.

Examples
--------
>>> from explainer.syria.figures import refugee_chart
>>> len(refugee_chart().data)
2
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from explainer.article import CALL_DATE
from explainer.prose import figure_label, format_date, wrap_html
from explainer.sources import source_ids_of
from explainer.style import OKABE_ITO, add_staggered_label, apply_house_style, set_summary
from explainer.tables import format_ids, parse_date
from explainer.syria.data import (
    GAP_DAYS, TURKISH_GOVERNMENT, UNVERIFIED, _require, gaps, in_force, refugees, returns, sanctions, verified,
)
from explainer.syria.tables import RETURN_MEASURES


FALL_OF_ASSAD = pd.Timestamp("2024-12-08")
UNHCR = "UNHCR"
PUBLISHERS = {
    TURKISH_GOVERNMENT: {"label": "Turkish government (migration directorate / Interior Ministry)", "colour": OKABE_ITO["vermillion"]},
    UNHCR: {"label": "UNHCR (rounded figures)", "colour": OKABE_ITO["blue"]},
}
MAX_SOURCES_IN_LINE = 4


def _source_arguments(frame: pd.DataFrame, table: str) -> dict:
    """The chart's source line: the first few sources, and a note naming the table with the rest."""
    cited = source_ids_of(frame)
    shown = cited[:MAX_SOURCES_IN_LINE]
    rest = len(cited) - len(shown)
    note = f"and {rest} more sources listed in data/{table}.csv" if rest > 0 else None
    return {"source_ids": shown, "source_note": note}


REFUGEE_AXIS_TITLE = "People"
RETURNS_AXIS_TITLE = "Returns, cumulative (people)"


def _dated_trace(rows: pd.DataFrame, labels: list[str], y: list, *, name: str, hover, **style) -> go.Scatter:
    """One dated series: each point labelled with ``labels`` (escaped here) and hovered with
    ``hover(label, row)`` (escaped HTML) followed by the row's sources."""
    return go.Scatter(
        x=rows["date"].dt.strftime("%Y-%m-%d").tolist(),
        y=y,
        name=html.escape(name),
        text=[html.escape(label) for label in labels],
        hovertext=[
            f"{hover(label, row)}<br><i>Sources: {html.escape(format_ids(row.source_ids))}</i>"
            for label, row in zip(labels, rows.itertuples())
        ],
        hoverinfo="text",
        **style,
    )


def _people_trace(rows: pd.DataFrame, *, name: str, heading: str, **style) -> go.Scatter:
    """People counts over time: each point labelled with its date and figure, hovered with
    ``heading`` (escaped HTML) and who reported it."""
    labels = [f"{format_date(row.date, row.date_precision)}: {figure_label(row.value, row.qualifier, 'people')}" for row in rows.itertuples()]
    return _dated_trace(rows, labels, [int(value) for value in rows["value"]], name=name,
                        hover=lambda label, row: f"{heading}{html.escape(label)}<br>{html.escape(row.reported_by)}", **style)



def _series_in_date_order(frame: pd.DataFrame, columns: list[str], kind: str, styles: dict) -> pd.DataFrame:
    """``frame`` checked (its ``columns``, and every value of ``kind`` one the chart has a style for)
    and sorted by date; raises naming the unknown values."""
    _require(frame, columns)
    unknown = sorted(set(frame[kind]) - set(styles))
    if unknown:
        raise ValueError(f"explainer: unknown {kind}(s) {unknown}; known: {list(styles)}")
    return frame.sort_values("date")

def refugee_chart(frame: pd.DataFrame | None = None, *, title: str | None = None) -> go.Figure:
    """Syrians under temporary protection in Turkey over time, one line per publisher.

    The publisher is named in each trace; UNHCR's figures are drawn as published (rounded) and
    their hover text keeps the qualifier ('over 3.6 million'). The fall of the Assad government
    (8 Dec 2024) is marked.
    """
    frame = refugees() if frame is None else frame
    frame = _series_in_date_order(frame, ["date", "date_precision", "publisher", "value", "qualifier", "reported_by", "note", "source_ids"],
                                  "publisher", PUBLISHERS)
    fig = go.Figure()
    for publisher, style in PUBLISHERS.items():
        rows = frame[frame["publisher"] == publisher]
        if rows.empty:
            continue
        fig.add_trace(_people_trace(
            rows, name=style["label"], heading=f"<b>{html.escape(publisher)}</b>: ", mode="lines+markers",
            line={"color": style["colour"], "width": 2, "dash": "dot" if publisher == UNHCR else "solid"},
            marker={"color": style["colour"], "size": 8, "symbol": [
                # An open marker: a figure whose source we could not re-read.
                ("diamond" if publisher == UNHCR else "circle") + ("-open" if str(note).startswith(UNVERIFIED) else "")
                for note in rows["note"].fillna("")
            ]},
        ))
    government = verified(frame[frame["publisher"] == TURKISH_GOVERNMENT])
    summary_parts = []
    if not government.empty:
        # The headline rests on verified figures only; newer unverified ones are named after it.
        peak = government.loc[government["value"].idxmax()]
        last = government.iloc[-1]
        newer = frame[(frame["publisher"] == TURKISH_GOVERNMENT) & (frame["date"] > last["date"])]
        drop = (peak["value"] - last["value"]) / peak["value"] * 100
        default_title = (
            f"Turkey's register of Syrians fell {drop:.0f}%, from {int(peak['value']):,} "
            f"({format_date(peak['date'], peak['date_precision'])}) to {int(last['value']):,} ({format_date(last['date'], last['date_precision'])})"
        )
        summary_parts.append(
            f"The Turkish government's count peaks at {int(peak['value']):,} people ({format_date(peak['date'], peak['date_precision'])}) "
            f"and falls to {int(last['value']):,} people ({format_date(last['date'], last['date_precision'])})"
        )
        if not newer.empty:
            summary_parts.append(
                "newer figures, unverified because their source could not be re-read: "
                + ", ".join(f"{int(row.value):,} ({format_date(row.date, row.date_precision)})" for row in newer.itertuples())
            )
    else:
        default_title = "Syrians under temporary protection in Turkey, by publisher"
    unhcr = frame[frame["publisher"] == UNHCR]
    if not unhcr.empty:
        summary_parts.append(
            f"UNHCR's rounded figures run from {figure_label(unhcr.iloc[0]['value'], unhcr.iloc[0]['qualifier'], 'people')} "
            f"({format_date(unhcr.iloc[0]['date'], unhcr.iloc[0]['date_precision'])}) to "
            f"{figure_label(unhcr.iloc[-1]['value'], unhcr.iloc[-1]['qualifier'], 'people')} "
            f"({format_date(unhcr.iloc[-1]['date'], unhcr.iloc[-1]['date_precision'])})"
        )
    fig.add_vline(x=FALL_OF_ASSAD.strftime("%Y-%m-%d"), line={"color": "#444", "dash": "dot", "width": 1})
    fig.add_annotation(
        x=FALL_OF_ASSAD.strftime("%Y-%m-%d"), y=1.0, yref="paper", yanchor="bottom", xanchor="right",
        text="Assad falls, 8 Dec 2024", showarrow=False, font={"size": 11}, bgcolor="white", name="fall-of-assad",
    )
    apply_house_style(
        fig,
        title=title or default_title,
        subtitle="Syrians under temporary protection in Turkey, as each publisher reported them (UNHCR's figures are rounded restatements of the register; open circles: unverified)",
        height=520,
        source_offset=125,
        **_source_arguments(frame, "syrian_refugees_turkey"),
    )
    fig.update_layout(legend={"orientation": "h", "x": 0, "y": -0.24, "yanchor": "top"}, hovermode="closest")
    fig.update_xaxes(type="date", title_text="Date the figure refers to", gridcolor="#EEEEEE")
    fig.update_yaxes(title_text=REFUGEE_AXIS_TITLE, gridcolor="#EEEEEE", rangemode="tozero", tickformat=",")
    set_summary(fig, "; ".join(summary_parts) + ".")
    return fig


def returns_chart(frame: pd.DataFrame | None = None, *, title: str | None = None) -> go.Figure:
    """Cumulative returns to Syria since 8 December 2024: Turkey's count of returns from Türkiye,
    UNHCR's count of refugee returns from all neighbouring countries, and the Türkiye returns
    UNHCR monitored itself, each trace named by publisher and measure.

    Each published figure is a marker. Figures at most ``GAP_DAYS`` apart are joined by a solid
    line; longer spans with no figure in the table (such as the months around the call) are
    joined by a thin dotted line, labelled on the chart as a gap, so no line suggests a value
    that was not published.
    """
    frame = returns() if frame is None else frame
    frame = _series_in_date_order(frame, ["date", "date_precision", "publisher", "measure", "value", "qualifier", "reported_by", "source_ids"],
                                  "measure", RETURN_MEASURES)
    fig = go.Figure()
    latest = {}
    for measure, style in RETURN_MEASURES.items():
        rows = frame[frame["measure"] == measure]
        if rows.empty:
            continue
        latest[measure] = rows.iloc[-1]
        single = style["mode"] == "markers"
        fig.add_trace(_people_trace(
            rows, name=style["label"], heading=f"<b>{html.escape(style['label'])}</b><br>", mode="markers",
            marker={"color": style["colour"], "size": 10 if single else 8, "symbol": "square" if single else "circle",
                    "line": {"color": "white", "width": 1}},
        ))
        if single:
            continue
        for before, after in zip(rows.iloc[:-1].itertuples(), rows.iloc[1:].itertuples()):
            gap = (after.date - before.date).days > GAP_DAYS
            fig.add_shape(
                type="line", xref="x", yref="y", layer="between",
                x0=before.date.strftime("%Y-%m-%d"), y0=int(before.value),
                x1=after.date.strftime("%Y-%m-%d"), y1=int(after.value),
                line={"color": style["colour"], "width": 1.5 if gap else 2, "dash": "dot" if gap else "solid"},
                name=f"{'gap' if gap else 'line'}:{measure}",
            )
    joined = frame[frame["measure"].map(lambda measure: RETURN_MEASURES[measure]["mode"] != "markers")]
    spans = gaps(joined)
    if not spans.empty:
        # point at the highest gap from the empty space above it
        top = spans.loc[(spans["start_value"] + spans["end_value"]).idxmax()]
        middle = top["start"] + (top["end"] - top["start"]) / 2
        fig.add_annotation(
            x=middle.strftime("%Y-%m-%d"), y=(top["start_value"] + top["end_value"]) / 2,
            text="dotted lines: no figure in<br>our sources in between",
            showarrow=True, arrowhead=0, arrowwidth=1, arrowcolor="#666", ax=-50, ay=-100,
            font={"size": 11, "color": "#444"}, bgcolor="white", align="left", name="gap-label",
        )
    parts = []
    for measure, row in latest.items():
        parts.append(f"{RETURN_MEASURES[measure]['label']}: {figure_label(row['value'], row['qualifier'], 'people')} by {format_date(row['date'], row['date_precision'])}")
    gap_text = "; ".join(
        f"{RETURN_MEASURES[span.measure]['label'].split(':')[0]}, {format_date(span.start, _precision(joined, span.measure, span.start))} "
        f"to {format_date(span.end, _precision(joined, span.measure, span.end))}"
        for span in spans.itertuples()
    )
    abroad = latest.get("returns-from-abroad-since-fall-of-assad")
    turkiye = latest.get("returns-from-turkiye-since-fall-of-assad")
    if title is None and abroad is not None and turkiye is not None:
        lead = figure_label(abroad["value"], abroad["qualifier"])
        title = (
            f"{lead[0].upper()}{lead[1:]} returns by {format_date(abroad['date'], abroad['date_precision'])} (UNHCR); "
            f"{figure_label(turkiye['value'], turkiye['qualifier'])} from Türkiye by "
            f"{format_date(turkiye['date'], turkiye['date_precision'])} (Turkish government)"
        )
    apply_house_style(
        fig,
        title=title or "Returns to Syria since 8 December 2024, by publisher",
        subtitle=(
            "Refugee returns to Syria since 8 Dec 2024, cumulative, as each publisher counts them (from different countries). "
            "Dotted: over three months with no figure"
        ),
        height=540,
        source_offset=130,
        **_source_arguments(frame, "syria_returns"),
    )
    fig.add_vline(x=CALL_DATE.strftime("%Y-%m-%d"), line={"color": "#444", "dash": "dot", "width": 1})
    fig.add_annotation(
        x=CALL_DATE.strftime("%Y-%m-%d"), y=1.0, yref="paper", yanchor="bottom",
        text="The call, 5 May 2025", showarrow=False, font={"size": 11}, bgcolor="white", name="the-call",
    )
    fig.update_layout(legend={"orientation": "h", "x": 0, "y": -0.26, "yanchor": "top"}, hovermode="closest")
    fig.update_xaxes(type="date", title_text="Date of the count", gridcolor="#EEEEEE")
    fig.update_yaxes(title_text=RETURNS_AXIS_TITLE, gridcolor="#EEEEEE", rangemode="tozero", tickformat=",")
    summary = "Newest figures: " + "; ".join(parts) + "."
    if gap_text:
        summary += (
            f" Markers are published figures; dotted lines join figures more than three months apart ({gap_text}): "
            "the sources we read give no figure in between, so the path between them is unknown."
        )
    set_summary(fig, summary)
    return fig


def _precision(frame: pd.DataFrame, measure: str, date: pd.Timestamp) -> str:
    rows = frame[(frame["measure"] == measure) & (frame["date"] == date)]
    return rows["date_precision"].iloc[0]


STILL_IN_FORCE = "In force when last checked (date at the bar's end)"


def sanctions_timeline_chart(
    frame: pd.DataFrame | None = None,
    *,
    start=None,
    end=None,
    title: str | None = None,
) -> go.Figure:
    """U.S. restrictions on Syria as bars in time (from imposed to lifted, or to the last check
    if still in force) and the 2025 relief steps as diamonds, with the day of the call marked.

    Each bar's end is labelled on the chart: 'ended <date>', or 'in force when last checked,
    <date>' where the newest source we read still shows the restriction in force (those dates
    differ from one restriction to another, so a bar's end is not a lifting date).

    ``start`` and ``end`` ('YYYY-MM-DD') zoom the time axis; bars are clipped to it.
    """
    frame = sanctions() if frame is None else frame
    _require(frame, ["measure_id", "role", "date", "date_precision", "short_name", "ended", "status", "status_as_of", "source_ids"])
    start_stamp = parse_date(start, "start") if start is not None else None
    end_stamp = parse_date(end, "end") if end is not None else None
    if start_stamp is not None and end_stamp is not None and start_stamp > end_stamp:
        raise ValueError(f"explainer: start={start!r} is after end={end!r}")
    restrictions = frame[frame["role"] == "restriction"].sort_values("date")
    relief = frame[frame["role"] == "relief"].sort_values("date")
    if start_stamp is not None:
        relief = relief[relief["date"] >= start_stamp]
    if end_stamp is not None:
        relief = relief[relief["date"] <= end_stamp]
    fig = go.Figure()
    shown_in_legend = set()
    lifted_colour, active_colour = OKABE_ITO["blue"], OKABE_ITO["vermillion"]
    for row in restrictions.itertuples():
        still = pd.isna(row.ended)
        finish = row.status_as_of if still else row.ended
        begin = max(row.date, start_stamp) if start_stamp is not None else row.date
        stop = min(finish, end_stamp) if end_stamp is not None else finish
        if stop < begin:
            continue  # the whole bar lies outside the zoomed time axis
        group = STILL_IN_FORCE if still else "Lifted or repealed"
        start_text = f"{row.short_name}: since {format_date(row.date, row.date_precision)}"
        end_text = (
            f"{row.short_name}: still in force at the last check ({row.status_as_of:%-d %b %Y})"
            if still else f"{row.short_name}: ended {row.ended:%-d %b %Y}"
        )
        fig.add_annotation(
            x=stop.strftime("%Y-%m-%d"), y=html.escape(row.short_name), xanchor="right", yanchor="bottom", yshift=7,
            text=(f"in force when last checked, {row.status_as_of:%-d %b %Y} \u25b8" if still else f"ended {row.ended:%-d %b %Y}"),
            showarrow=False, font={"size": 11, "color": active_colour if still else lifted_colour},
            bgcolor="rgba(255,255,255,0.85)", name="bar-end-label",
        )
        fig.add_trace(
            go.Scatter(
                x=[begin.strftime("%Y-%m-%d"), stop.strftime("%Y-%m-%d")],
                y=[html.escape(row.short_name)] * 2,
                mode="lines+markers",
                name=group,
                legendgroup=group,
                showlegend=group not in shown_in_legend,
                line={"color": active_colour if still else lifted_colour, "width": 10},
                marker={"color": active_colour if still else lifted_colour, "size": 12,
                        "symbol": ["line-ns", "triangle-right" if still else "x-thin"],
                        "line": {"width": 2, "color": active_colour if still else lifted_colour}},
                text=[html.escape(start_text), html.escape(end_text)],
                hovertext=[
                    f"<b>{html.escape(row.instrument)}</b><br>{html.escape(text)}<br><i>Sources: {html.escape(format_ids(row.source_ids))}</i>"
                    for text in (start_text, end_text)
                ],
                hoverinfo="text",
            )
        )
        shown_in_legend.add(group)
    relief_lane = "Steps that eased sanctions"
    if not relief.empty:
        labels = [f"{format_date(row.date, row.date_precision)}: {row.short_name}" for row in relief.itertuples()]
        fig.add_trace(_dated_trace(
            relief, labels, [relief_lane] * len(relief), name="Steps that eased or lifted sanctions", mode="markers",
            marker={"color": OKABE_ITO["green"], "size": 12, "symbol": "diamond", "line": {"color": "white", "width": 1}},
            hover=lambda label, row: f"<b>{html.escape(label)}</b><br>{wrap_html(row.what_it_did, 70, escape=True)}",
        ))
    if start_stamp is not None and not relief.empty:
        # Zoomed in, the relief steps are far enough apart to name on the chart itself.
        for number, row in enumerate(relief[relief["date"] >= start_stamp].itertuples()):
            add_staggered_label(fig, number, x=row.date.strftime("%Y-%m-%d"), y=relief_lane, text=html.escape(row.short_name),
                                hovertext=html.escape(f"{format_date(row.date, row.date_precision)}: {row.short_name}"),
                                near=26, far=50, size=10)
    applying = in_force(restrictions, CALL_DATE)
    lifted = restrictions[restrictions["ended"].notna()]
    remaining = restrictions[restrictions["ended"].isna()]
    default_title = (
        f"All {int(applying.sum())} main U.S. restrictions on Syria applied on the day of the call; "
        f"{len(lifted)} were lifted after it, {len(remaining)} remained"
        if applying.all() else
        f"{int(applying.sum())} of {len(restrictions)} main U.S. restrictions on Syria applied on the day of the call"
    )
    fig.add_vline(x=CALL_DATE.strftime("%Y-%m-%d"), line={"color": "#444", "dash": "dot", "width": 1})
    fig.add_annotation(
        x=CALL_DATE.strftime("%Y-%m-%d"), y=1.0, yref="paper", yanchor="bottom", xanchor="right",
        text="The call, 5 May 2025", showarrow=False, font={"size": 11}, bgcolor="white", name="the-call",
    )
    shown = pd.concat([restrictions, relief])
    apply_house_style(
        fig,
        title=title or default_title,
        subtitle="Bars: restrictions, from imposition to lifting, or to the newest source showing them in force (date labelled). Diamonds: relief steps",
        height=180 + 48 * (len(restrictions) + (0 if relief.empty else 1)),
        source_offset=95,
        **_source_arguments(shown, "syria_sanctions"),
    )
    x_range = None
    if start_stamp is not None or end_stamp is not None:
        lowest = start_stamp if start_stamp is not None else shown["date"].min()
        highest = end_stamp if end_stamp is not None else shown["status_as_of"].max()
        x_range = [lowest.strftime("%Y-%m-%d"), highest.strftime("%Y-%m-%d")]
    fig.update_layout(legend={"orientation": "h", "x": 0, "y": -0.18, "yanchor": "top"}, hovermode="closest", margin={"l": 20})
    fig.update_xaxes(type="date", title_text="Date", gridcolor="#EEEEEE", range=x_range)
    fig.update_yaxes(autorange="reversed", gridcolor="#F4F4F4")
    set_summary(fig, (
            f"In force on 5 May 2025: {', '.join(restrictions.loc[applying, 'short_name'])}. "
            f"Lifted since: {', '.join(f'{r.short_name} ({r.ended:%-d %b %Y})' for r in lifted.itertuples()) or 'none'}. "
            "Still in force when last checked: "
            + (", ".join(f"{r.short_name} (checked {r.status_as_of:%-d %b %Y})" for r in remaining.itertuples()) or "none")
            + "; each bar ends at its own check date, which is not a lifting date."
        ))
    return fig
