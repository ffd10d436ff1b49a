"""Chapter 03, Gaza: its charts.

Examples
--------
>>> from explainer.gaza.figures import casualty_chart
>>> "Gaza" in casualty_chart().layout.title.text
True
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from explainer.charts import bar_chart
from explainer.prose import figure_label, format_date, join_and, wrap_html
from explainer.sources import source_ids_of
from explainer.style import MUTED, OKABE_ITO, PALETTE, apply_house_style, fit_source_line
from explainer.timeline import events, timeline_chart
from explainer.gaza.data import aid, casualties, lancet_comparison, truces


# Casualty measures that count deaths in Gaza and can share one axis, in legend order.
DEATH_MEASURES = (
    "killed (reported)",
    "killed (fully identified)",
    "traumatic-injury deaths (estimated)",
    "killed (estimated)",
)
# One marker shape per series as well as one colour, so series stay apart where points overlap.
SYMBOLS = ("circle", "square", "triangle-up", "star", "cross", "diamond", "triangle-down", "x")


def _short(publisher: str) -> str:
    """The publisher without the 'per …' or 'via …' of who relayed the figure."""
    for marker in (" per ", " via "):
        publisher = publisher.split(marker)[0]
    return publisher


def _frame(data: pd.DataFrame | None, name: str, loader) -> pd.DataFrame:
    if data is None:
        return loader()
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"explainer: data must be a pandas DataFrame like gaza.{name}(), got {type(data).__name__}")
    return data.copy()


def print_lancet_comparison() -> None:
    """Print :func:`lancet_comparison` as two sentences."""
    c = lancet_comparison()
    print(
        f"To {format_date(c['date'])} the Gaza Ministry of Health reported {c['ministry']:,.0f} deaths; "
        f"the Lancet study estimated {c['estimate']:,.0f} deaths from traumatic injury "
        f"(range {c['low']:,.0f} to {c['high']:,.0f})."
    )
    print(
        f"So the ministry's list missed {c['missed_share']:.0%} of the estimated deaths; "
        f"put the other way round, the estimate is {c['excess']:.0%} higher than the list."
    )


def _the(name: str) -> str:
    """A publisher's name as it reads inside a sentence: a name ending in a common noun takes
    "the" ("the UN 2720 mechanism database", "the Hamas document"); a proper name ("COGAT
    (Israel)", "WFP") does not."""
    core = name.split(" (")[0].split()
    return f"the {name}" if core and core[-1].islower() else name


def _span(start, end) -> str:
    """A period as short as it reads clearly: '12 Oct – 7 Dec 2025', '5 Dec 2024 – 7 Jan 2025',
    or 'from 10 Oct 2025, end not stated' when the source gives no end date."""
    start = pd.Timestamp(start)
    if pd.isna(end):
        return f"from {format_date(start)}, end not stated"
    end = pd.Timestamp(end)
    first = start.strftime("%-d %b") if start.year == end.year else format_date(start)
    return f"{first} – {format_date(end)}"


def aid_comparison_chart(group: str = "ceasefire-trucks-2025", *, data: pd.DataFrame | None = None) -> go.Figure:
    """Bars of the aid figures that count the same thing over (about) the same period (one ``comparison_group``).

    Each bar is labelled with its publisher and the exact period that publisher's figure covers
    (publishers start and stop counting on different days); a target (what an agreement
    required) is drawn in grey beside the counts. The title states how far apart the highest and
    lowest counts are.
    """
    frame = _frame(data, "aid", aid)
    groups = sorted(set(frame["comparison_group"]) - {""})
    if group not in groups:
        raise ValueError(f"explainer: group={group!r} is not a comparison_group of gaza_aid; groups are {groups}")
    rows = frame[frame["comparison_group"] == group].sort_values("value", ascending=False).reset_index(drop=True)
    measures = sorted(set(rows["measure"]))
    if len(measures) != 1:
        raise ValueError(f"explainer: comparison group {group!r} mixes measures {measures}; a chart needs one unit")
    measure = measures[0]
    counts = rows[rows["figure_kind"] == "count"]
    targets = rows[rows["figure_kind"] == "target"]
    if len(counts) < 2:
        raise ValueError(f"explainer: comparison group {group!r} needs at least two counts to compare")
    top, bottom = counts.iloc[0], counts.iloc[-1]
    ratio = top["value"] / bottom["value"]
    periods = [_span(a, b) for a, b in zip(rows["period_start"], rows["period_end"])]
    labels = [
        html.escape(f"{p}{' (target)' if k == 'target' else ''}{' — Turkey' + chr(39) + 's own figure' if t else ''}")
        + "<br>" + html.escape(period)
        for p, k, t, period in zip(rows["publisher"], rows["figure_kind"], rows["turkey_own_figure"], periods)
    ]
    plot = pd.DataFrame(
        {"label": labels, "value": rows["value"], "hover": [html.escape(text) for text in rows["what_counted"]]}
    )
    title = (f"{_short(top['publisher'])} counted about {ratio:.0f} times as many aid {measure} "
             f"as {_the(_short(bottom['publisher']))}")
    if len(set(periods)) == 1:
        subtitle = f"Aid {measure} into Gaza, {periods[0]}, by who counts"
    else:
        subtitle = f"Aid {measure} into Gaza by who counts, each over the period its publisher states"
    if not targets.empty:
        subtitle += f"; every count is below the {targets.iloc[0]['value']:,.0f} the ceasefire terms required"

    def stated(row, period):
        return f"{row['value']:,.0f} ({row['publisher']}, {period})"

    at = dict(zip(rows.index, periods))
    fig = bar_chart(
        plot, x="value", y="label", title=title, subtitle=subtitle,
        source_ids=source_ids_of(rows), x_title=f"Aid {measure} (number)", hover="hover",
        summary=(
            f"Counts of aid {measure} range from {stated(bottom, at[bottom.name])} to {stated(top, at[top.name])}"
            + (f", against {stated(targets.iloc[0], at[targets.index[0]])} required." if not targets.empty else ".")
        ),
    )
    fig.data[0].marker.color = [
        MUTED if kind == "target" else OKABE_ITO["orange"] if own else PALETTE[0]
        for kind, own in zip(rows["figure_kind"], rows["turkey_own_figure"])
    ]
    fig.data[0].text = [figure_label(v, q) for v, q in zip(rows["value"], rows["qualifier"])]
    fig.data[0].name = f"Aid {measure}"
    fig.update_layout(height=170 + 70 * len(rows), margin={"r": 70})
    return fig


def turkey_aid_chart(*, data: pd.DataFrame | None = None) -> go.Figure:
    """Turkey's own totals of aid tonnes sent to Gaza since 7 October 2023, one bar per total.

    Only rows with ``turkey_own_figure`` true and comparison group ``turkey-tonnes`` are drawn,
    oldest on top. The totals count different things (one includes flour delivered with UNRWA
    and goods bought locally, another only what went by ship and plane), so they are not one
    running series: each bar is labelled with its publisher and end date, and the chart writes
    under each bar what that total counts.
    """
    frame = _frame(data, "aid", aid)
    rows = frame[(frame["comparison_group"] == "turkey-tonnes") & frame["turkey_own_figure"].astype(bool)]
    if rows.empty:
        raise ValueError("explainer: no rows with comparison_group 'turkey-tonnes' and turkey_own_figure true in the aid data")
    rows = rows.sort_values("period_end").reset_index(drop=True)
    last = rows.iloc[-1]
    plot = pd.DataFrame(
        {
            "label": [html.escape(f"{p}") + "<br>" + html.escape(f"total to {format_date(d)}")
                      for p, d in zip(rows["publisher"], rows["period_end"])],
            "value": rows["value"],
            "hover": [html.escape(text) for text in rows["what_counted"]],
        }
    )
    totals = "; ".join(
        f"{figure_label(v, q)} tonnes by {format_date(d)} ({w})"
        for v, q, d, w in zip(rows["value"], rows["qualifier"], rows["period_end"], rows["what_counted"])
    )
    fig = bar_chart(
        plot, x="value", y="label", hover="hover", source_ids=source_ids_of(rows),
        title=f"Turkey says its aid to Gaza reached {last['value']:,.0f} tonnes by {format_date(last['period_end'])}",
        subtitle=("Turkey's own totals since 7 October 2023 (AFAD, Turkish Red Crescent). "
                  "Each counts different things: read the note under each bar"),
        x_title="Aid Turkey says it sent since 7 Oct 2023 (tonnes)",
        summary=f"Turkey's own totals of aid to Gaza, which count different things: {totals}.",
    )
    bar = fig.data[0]
    bar.marker.color = OKABE_ITO["orange"]
    bar.text = [figure_label(v, q) for v, q in zip(rows["value"], rows["qualifier"])]
    bar.name = "Turkey's own figure (tonnes)"
    bar.width = 0.45
    bar.offset = -0.45
    for label, counted in zip(plot["label"], rows["what_counted"]):
        fig.add_annotation(
            x=0, xref="x", xanchor="left", y=label, yref="y", yanchor="top", yshift=-2,
            text=wrap_html("Counts: " + html.escape(counted), 95), showarrow=False, align="left",
            font={"size": 11, "color": "#444444"}, name="what-counted",
        )
    fig.update_layout(height=170 + 105 * len(rows), margin={"r": 110})
    fit_source_line(fig, 105)
    return fig


def casualty_chart(*, data: pd.DataFrame | None = None) -> go.Figure:
    """Deaths in Gaza since 7 October 2023 as each publisher reported or estimated them, over time.

    One trace per publisher and measure, named with the publisher, so the chart itself says who
    stands behind each figure; a published range is drawn as an error bar.
    """
    frame = _frame(data, "casualties", casualties)
    rows = frame[(frame["where"] == "Gaza") & frame["measure"].isin(DEATH_MEASURES)].copy()
    if rows.empty:
        raise ValueError(f"explainer: no Gaza death figures with measures {list(DEATH_MEASURES)} in the data")
    rows["as_of"] = pd.to_datetime(rows["as_of"])
    rows = rows.sort_values(["as_of", "casualty_id"])
    fig = go.Figure()
    colours = iter(PALETTE)
    symbols = iter(SYMBOLS)
    keys = list(dict.fromkeys(zip(rows["publisher"], rows["measure"])))
    for publisher, measure in keys:
        part = rows[(rows["publisher"] == publisher) & (rows["measure"] == measure)]
        has_range = part["low"].notna() & part["high"].notna()
        texts = []
        for row in part.itertuples(index=False):
            text = f"{format_date(row.as_of, row.as_of_precision)}: {figure_label(row.value, row.qualifier)}"
            if pd.notna(row.low) and pd.notna(row.high):
                text += f" (range {row.low:,.0f}–{row.high:,.0f})"
            texts.append(html.escape(text))
        fig.add_trace(
            go.Scatter(
                x=part["as_of"].dt.strftime("%Y-%m-%d").tolist(),
                y=part["value"].tolist(),
                mode="lines+markers" if len(part) > 1 else "markers",
                name=html.escape(f"{publisher}: {measure}"),
                text=texts,
                hovertext=[f"<b>{html.escape(publisher)}</b><br>{t}<br>{html.escape(n)}" for t, n in zip(texts, part["note"])],
                hoverinfo="text",
                marker={"size": 10, "color": next(colours), "symbol": next(symbols), "line": {"color": "white", "width": 1}},
                # Dotted: the line only joins published figures; nothing was published in between.
                line={"dash": "dot", "width": 1.5},
                error_y=(
                    {"type": "data", "symmetric": False,
                     "array": (part["high"] - part["value"]).fillna(0).tolist(),
                     "arrayminus": (part["value"] - part["low"]).fillna(0).tolist(), "visible": True}
                    if has_range.any() else None
                ),
            )
        )
    ministry = rows[(rows["publisher"] == "Gaza Ministry of Health") & (rows["measure"] == "killed (reported)")]
    latest = ministry.iloc[-1] if not ministry.empty else rows.iloc[-1]
    israeli = rows[rows["publisher_kind"] == "israeli-government"]
    if not israeli.empty:
        newest_israeli = israeli.iloc[-1]
        title = (f"An Israeli estimate of {figure_label(newest_israeli['value'], newest_israeli['qualifier'])} came close to "
                 f"the Gaza ministry's {latest['value']:,.0f}")
        # The two figures the title compares sit almost on top of each other: write both on the chart.
        _label_point(fig, latest, ay=-55)
        _label_point(fig, newest_israeli, ay=110)
    else:
        title = f"The Gaza ministry's count reached {latest['value']:,.0f} by {format_date(latest['as_of'])}"
    apply_house_style(
        fig,
        title=title,
        subtitle="Deaths in Gaza since 7 October 2023 as each publisher reported or estimated them; dotted lines only join published figures",
        source_ids=source_ids_of(rows)[:4],
        source_note=f"and {len(source_ids_of(rows)) - 4} more sources listed in data/gaza_casualties.csv" if len(source_ids_of(rows)) > 4 else None,
        source_offset=150,
        height=620,
        legend={"orientation": "h", "yanchor": "top", "y": -0.14, "x": 0},
        summary=(
            f"{len(rows)} figures from {len(keys)} publisher series, {format_date(rows['as_of'].min())} to "
            f"{format_date(rows['as_of'].max())}; the Gaza Ministry of Health's newest count is {latest['value']:,.0f} "
            f"({format_date(latest['as_of'])})"
            + (f", and {newest_israeli['publisher']} estimated {figure_label(newest_israeli['value'], newest_israeli['qualifier'])} "
               f"({format_date(newest_israeli['as_of'], newest_israeli['as_of_precision'])}); both are labelled on the chart."
               if not israeli.empty else ".")
        ),
    )
    fig.update_xaxes(type="date", title_text="Date the figure refers to", gridcolor="#EEEEEE")
    fig.update_yaxes(title_text="Deaths (number of people)", gridcolor="#EEEEEE", rangemode="tozero")
    return fig


def _label_point(fig: go.Figure, row: pd.Series, ay: int) -> None:
    """Write a figure's publisher, value and date beside its point, with a leader line ``ay`` px long."""
    fig.add_annotation(
        x=pd.Timestamp(row["as_of"]).strftime("%Y-%m-%d"), y=row["value"],
        text=(f"<b>{html.escape(row['publisher'])}</b><br>"
              f"{html.escape(figure_label(row['value'], row['qualifier']))} ({html.escape(format_date(row['as_of'], row['as_of_precision']))})"),
        showarrow=True, arrowhead=0, arrowwidth=1, arrowcolor="#555555", ax=-40, ay=ay,
        xanchor="right", align="right", font={"size": 11}, bgcolor="rgba(255,255,255,0.9)", name="value-label",
    )


_COUNT_WORDS = {1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five"}


def ceasefires_chart(start="2023-10-01", *, title: str | None = None) -> go.Figure:
    """The Gaza war and the Trump–Erdoğan calls on the shared timeline, with the truces shaded.

    Each truce or ceasefire of :func:`truces` is a shaded band from its first to its last day
    (an open one runs to the timeline's newest event) labelled on the chart with its dates and the
    event that ended it. ``start`` is the first date shown (``'YYYY-MM-DD'``). The default title
    counts the truces that ended before the newest one began.
    """
    periods = truces()
    ended = periods[periods["end"].notna()]
    newest = periods.iloc[-1]
    if title is None:
        count = len(ended)
        title = (f"{_COUNT_WORDS.get(count, str(count))} truce{'s' if count != 1 else ''} ended in renewed fighting "
                 f"before the ceasefire of {newest['start']:%B %Y}")
    fig = timeline_chart(topics=["gaza", "the-call"], start=start, title=title)
    shown = events(["gaza", "the-call"], start=start)
    first_day, last_day = shown["date"].min(), shown["date"].max()
    middle = first_day + (last_day - first_day) / 2
    described = []
    for row in periods.itertuples(index=False):
        if row.start > last_day or (pd.notna(row.end) and row.end < first_day):
            continue
        until = row.end if pd.notna(row.end) else last_day
        span = _span(row.start, row.end) if pd.notna(row.end) else f"from {format_date(row.start)}"
        fig.add_vrect(
            x0=row.start.strftime("%Y-%m-%d"), x1=until.strftime("%Y-%m-%d"),
            fillcolor=OKABE_ITO["sky"], opacity=0.25, line_width=0, layer="below", name="truce",
        )
        ending = f"Ended: {row.ended_by}" if row.ended_by else f"No end recorded on the timeline (to {format_date(last_day)})"
        text = f"{row.name}, {span}"
        left = row.start < middle
        fig.add_annotation(
            x=(row.start if left else until).strftime("%Y-%m-%d"), y=0.64 if len(described) % 2 == 0 else 0.36, yref="paper",
            xanchor="left" if left else "right", yanchor="middle", align="left" if left else "right",
            text=f"<b>{html.escape(text)}</b><br>{html.escape(ending)}", hovertext=html.escape(f"{text}. {ending}"),
            showarrow=False, font={"size": 11}, bgcolor="rgba(255,255,255,0.85)", name="event-label",
        )
        described.append(span)
    before, closing, after = fig.layout.title.text.rpartition("</sup>")
    fig.layout.title.text = before + ". Shaded: truces and ceasefires" + closing + after
    fig.update_layout(height=440)
    shaded = join_and(described)
    if shaded:
        fig.layout.meta = {**fig.layout.meta,
                           "summary": f"{fig.layout.meta['summary']} Truces and ceasefires shaded: {shaded}."}
    return fig
