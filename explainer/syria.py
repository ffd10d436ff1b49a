"""Syria: Syrians under temporary protection in Turkey, returns since the fall of Assad, and
U.S. sanctions, each figure attributed to its publisher.

The tables live in ``data/`` (``syrian_refugees_turkey``, ``syria_returns``, ``syria_sanctions``,
``syria_governorates``, ``syria_border_crossings``, ``syria_turkish_operations``); this module
loads them, turns them into reader-facing tables and draws them.

Examples
--------
>>> from explainer import syria
>>> sorted(set(syria.refugees()["publisher"]))
['Turkish government', 'UNHCR']
>>> syria.figure_label(3600000, "over")
'over 3,600,000'
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from explainer.article import CALL_DATE
from explainer.prose import Sentence, figure_label, format_date, wrap_html
from explainer.sources import source_ids_of
from explainer.style import OKABE_ITO, add_staggered_label, apply_house_style, set_summary
from explainer.tables import format_ids, load_table, parse_date, split_list

FALL_OF_ASSAD = pd.Timestamp("2024-12-08")
TURKISH_GOVERNMENT = "Turkish government"
UNHCR = "UNHCR"
PUBLISHERS = {
    TURKISH_GOVERNMENT: {"label": "Turkish government (migration directorate / Interior Ministry)", "colour": OKABE_ITO["vermillion"]},
    UNHCR: {"label": "UNHCR (rounded figures)", "colour": OKABE_ITO["blue"]},
}
RETURN_MEASURES = {
    "returns-from-turkiye-since-fall-of-assad": {
        "label": "Turkish government: returns from Türkiye",
        "colour": OKABE_ITO["vermillion"],
        "mode": "lines+markers",
    },
    "returns-from-abroad-since-fall-of-assad": {
        "label": "UNHCR: refugee returns from all neighbouring countries",
        "colour": OKABE_ITO["blue"],
        "mode": "lines+markers",
    },
    "returns-from-turkiye-monitored-by-unhcr": {
        "label": "UNHCR: returns from Türkiye it monitored itself",
        "colour": OKABE_ITO["sky"],
        "mode": "markers",
    },
}
MEASURE_NAMES = {
    "syrians-under-temporary-protection": "Syrians under temporary protection in Turkey",
    "returns-from-turkiye-since-fall-of-assad": "Returns from Türkiye since 8 Dec 2024",
    "returns-from-abroad-since-fall-of-assad": "Refugee returns from all neighbouring countries since 8 Dec 2024",
    "returns-from-turkiye-monitored-by-unhcr": "Returns from Türkiye that UNHCR monitored, since 8 Dec 2024",
}
GAP_DAYS = 92
"""Figures further apart than this (about three months) are joined by a dotted line, marked as a gap."""
MAX_SOURCES_IN_LINE = 4


# --- loading ---------------------------------------------------------------------------------


def refugees() -> pd.DataFrame:
    """Syrians under temporary protection in Turkey, one row per published figure, oldest first."""
    return load_table("syrian_refugees_turkey").sort_values(["date", "publisher"]).reset_index(drop=True)


def returns() -> pd.DataFrame:
    """Cumulative returns to Syria since 8 December 2024, one row per published figure, oldest first."""
    return load_table("syria_returns").sort_values(["date", "publisher", "measure"]).reset_index(drop=True)


def sanctions() -> pd.DataFrame:
    """U.S. restrictions on Syria and the steps that eased them, in date order."""
    return load_table("syria_sanctions").sort_values(["date", "measure_id"]).reset_index(drop=True)


def governorates() -> pd.DataFrame:
    """Syria's 14 governorates, with notes and sources."""
    return load_table("syria_governorates")


def border_crossings() -> pd.DataFrame:
    """Crossings on the Syria–Turkey border, west to east, with who held the Syrian side in 2017."""
    return load_table("syria_border_crossings")


def turkish_operations() -> pd.DataFrame:
    """Turkey's three cross-border operations of 2016–2019, with dates and places."""
    return load_table("syria_turkish_operations").sort_values("start").reset_index(drop=True)


# --- formatting ------------------------------------------------------------------------------


def measure_name(measure: str) -> str:
    """The reader's name for a measure key of the data ('syrians-under-temporary-protection' ->
    'Syrians under temporary protection in Turkey')."""
    if measure not in MEASURE_NAMES:
        raise ValueError(f"explainer: measure {measure!r} is not one of {list(MEASURE_NAMES)}")
    return MEASURE_NAMES[measure]




def _require(frame: pd.DataFrame, columns: Sequence[str], argument: str = "frame") -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"explainer: {argument} must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise KeyError(f"explainer: {argument} lacks column(s) {missing}; columns are {list(frame.columns)}")
    if frame.empty:
        raise ValueError(f"explainer: {argument} has no rows to draw")


def _source_arguments(frame: pd.DataFrame, table: str) -> dict:
    """The chart's source line: the first few sources, and a note naming the table with the rest."""
    cited = source_ids_of(frame)
    shown = cited[:MAX_SOURCES_IN_LINE]
    rest = len(cited) - len(shown)
    note = f"and {rest} more sources listed in data/{table}.csv" if rest > 0 else None
    return {"source_ids": shown, "source_note": note}


# --- reader tables ---------------------------------------------------------------------------


def _sources_cell(cell: str) -> str:
    """A ``;``-separated source_ids cell as the reader sees it: ids joined with ', '."""
    return format_ids(cell)


def refugees_table() -> pd.DataFrame:
    """The refugee figures as a reader reads them: when, whose figure, the figure, who said it."""
    frame = refugees()
    return pd.DataFrame(
        {
            "As of": [format_date(row.date, row.date_precision) for row in frame.itertuples()],
            "Publisher": frame["publisher"],
            "Syrians under temporary protection (people)": [figure_label(v, q) for v, q in zip(frame["value"], frame["qualifier"])],
            "Reported by": frame["reported_by"],
            "Sources": frame["source_ids"].map(_sources_cell),
        }
    )


def returns_table() -> pd.DataFrame:
    """The return figures as a reader reads them, each labelled with what it counts."""
    frame = returns()
    return pd.DataFrame(
        {
            "As of": [format_date(row.date, row.date_precision) for row in frame.itertuples()],
            "What it counts": frame["measure"].map(lambda measure: RETURN_MEASURES[measure]["label"]),
            "Returns since 8 Dec 2024 (people)": [figure_label(v, q) for v, q in zip(frame["value"], frame["qualifier"])],
            "Reported by": frame["reported_by"],
            "Sources": frame["source_ids"].map(_sources_cell),
        }
    )


def governorates_table() -> pd.DataFrame:
    """The governorates as a reader reads them."""
    frame = governorates()
    return pd.DataFrame({"Governorate": frame["governorate"], "Note": frame["note"], "Sources": frame["source_ids"].map(_sources_cell)})


CROSSINGS_CONTROL_COLUMN = "Syrian side held by, Sep 2017 (out of date)"


def crossings_table() -> pd.DataFrame:
    """The border crossings as a reader reads them, west to east."""
    frame = border_crossings()
    return pd.DataFrame(
        {
            "Syrian side": frame["syrian_side"],
            "Turkish side": frame["turkish_side"],
            "Turkish province": frame["turkish_province"].replace("", "not given in our sources"),
            CROSSINGS_CONTROL_COLUMN: frame["held_on_syrian_side_sep_2017"],
            "Note": frame["note"],
            "Sources": frame["source_ids"].map(_sources_cell),
        }
    )


def operations_table() -> pd.DataFrame:
    """Turkey's operations in northern Syria as a reader reads them."""
    frame = turkish_operations()
    return pd.DataFrame(
        {
            "Operation": frame["operation"],
            "Began": frame["start"].dt.strftime("%-d %b %Y"),
            "Ended": [("" if pd.isna(value) else f"{value:%-d %b %Y}") for value in frame["end"]],
            "Where": frame["main_places"],
            "Against": frame["against"],
            "Result": frame["result"],
            "Sources": frame["source_ids"].map(_sources_cell),
        }
    )


def latest_figures() -> pd.DataFrame:
    """The newest figure of each publisher and measure, across both tables."""
    frames = [refugees(), returns()]
    combined = pd.concat(frames, ignore_index=True)
    latest = combined.sort_values("date").groupby(["publisher", "measure"], sort=True).tail(1)
    return pd.DataFrame(
        {
            "Publisher": latest["publisher"],
            "What it counts": latest["measure"].map(measure_name),
            "Newest figure": [figure_label(v, q, "people") for v, q in zip(latest["value"], latest["qualifier"])],
            "As of": [format_date(row.date, row.date_precision) for row in latest.itertuples()],
            "Sources": latest["source_ids"].map(_sources_cell),
        }
    ).reset_index(drop=True)


def register_change(start, end) -> dict:
    """How the Turkish government's count changed between the figures nearest ``start`` and ``end``.

    Returns the two figures used (date and value) and the change. Raises ``ValueError`` for a bad
    date or ``start`` after ``end``.
    """
    start_stamp, end_stamp = parse_date(start, "start"), parse_date(end, "end")
    if start_stamp > end_stamp:
        raise ValueError(f"explainer: start={start!r} is after end={end!r}")
    series = refugees()
    series = series[series["publisher"] == TURKISH_GOVERNMENT].set_index("date")["value"]
    first = series.index[abs(series.index - start_stamp).argmin()]
    last = series.index[abs(series.index - end_stamp).argmin()]
    return {
        "from": first.date().isoformat(),
        "from_value": int(series[first]),
        "to": last.date().isoformat(),
        "to_value": int(series[last]),
        "change": int(series[last] - series[first]),
    }


def register_peak(frame: pd.DataFrame | None = None) -> dict:
    """The largest figure of each publisher's series and its newest figure, with their dates as
    precisely as the sources give them. The chapters quote the register's peak from here, so it
    cannot drift from the data.

    >>> peak = register_peak()["Turkish government"]
    >>> bool(peak["peak_value"] == refugees().query("publisher == 'Turkish government'")["value"].max())
    True
    """
    frame = refugees() if frame is None else frame
    _require(frame, ["date", "date_precision", "publisher", "value", "qualifier", "source_ids"])
    if frame.empty:
        raise ValueError("explainer: the refugees frame has no rows")
    result = {}
    for publisher, rows in frame.sort_values("date").groupby("publisher", sort=True):
        peak, newest = rows.loc[rows["value"].idxmax()], rows.iloc[-1]
        result[publisher] = {
            "peak_value": int(peak["value"]),
            "peak_label": figure_label(peak["value"], peak["qualifier"]),
            "peak_when": format_date(peak["date"], peak["date_precision"]),
            "peak_sources": peak["source_ids"],
            "newest_value": int(newest["value"]),
            "newest_label": figure_label(newest["value"], newest["qualifier"]),
            "newest_when": format_date(newest["date"], newest["date_precision"]),
            "fall_percent": (int(peak["value"]) - int(newest["value"])) / int(peak["value"]) * 100,
        }
    return result


def register_peak_sentence(frame: pd.DataFrame | None = None) -> Sentence:
    """:func:`register_peak` as sentences a reader can quote, one per publisher."""
    parts = []
    for publisher, figures in register_peak(frame).items():
        parts.append(
            f"{publisher}: largest figure {figures['peak_label']} ({figures['peak_when']}), "
            f"newest {figures['newest_label']} ({figures['newest_when']})."
        )
    return Sentence(" ".join(parts))


def register_change_sentence(start, end) -> Sentence:
    """:func:`register_change` as one sentence a reader can quote, with the figures' dates as
    precisely as the sources give them."""
    change = register_change(start, end)
    government = refugees()
    government = government[government["publisher"] == TURKISH_GOVERNMENT].set_index("date")
    first, last = pd.Timestamp(change["from"]), pd.Timestamp(change["to"])
    first_when = format_date(first, government.loc[first, "date_precision"])
    last_when = format_date(last, government.loc[last, "date_precision"])
    if change["change"] == 0:
        movement = "did not change"
    else:
        share = abs(change["change"]) / change["from_value"] * 100
        movement = f"{'fell' if change['change'] < 0 else 'rose'} by {abs(change['change']):,} people ({share:.0f}%)"
    return Sentence(
        f"The Turkish government's count of Syrians under temporary protection {movement}, "
        f"from {change['from_value']:,} ({first_when}) to {change['to_value']:,} ({last_when})."
    )


def call_claims() -> pd.DataFrame:
    """The claims of the article this chapter checks (S05-a and S05-b), from the claims ledger."""
    from explainer.ledger import claims_table

    return claims_table(["S05-a", "S05-b"])


def sanctions_table(role: str | None = None) -> pd.DataFrame:
    """The sanctions table as a reader reads it; ``role`` = 'restriction' or 'relief' to filter."""
    frame = sanctions()
    if role is not None:
        if role not in {"restriction", "relief"}:
            raise ValueError(f"explainer: role must be 'restriction' or 'relief', got {role!r}")
        frame = frame[frame["role"] == role]
    return pd.DataFrame(
        {
            "Date": [format_date(row.date, row.date_precision) for row in frame.itertuples()],
            "Measure": frame["instrument"],
            "Issued by": frame["issued_by"],
            "What it did": frame["what_it_did"],
            "Status": [f"{row.status} (as of {row.status_as_of:%-d %b %Y})" for row in frame.itertuples()],
            "Sources": frame["source_ids"].map(_sources_cell),
        }
    ).reset_index(drop=True)


def in_force(frame: pd.DataFrame, date) -> pd.Series:
    """For each restriction row of ``frame``, whether it applied on ``date`` (True/False)."""
    stamp = parse_date(date, "date")
    started = frame["date"] <= stamp
    not_ended = frame["ended"].isna() | (frame["ended"] > stamp)
    return started & not_ended


def sanctions_on(date=CALL_DATE) -> pd.DataFrame:
    """Which U.S. restrictions on Syria applied on ``date`` (default: the day of the call), the
    legal steps (licences, waivers, orders; not announcements) that had eased each by then, and
    who had the power to lift each: the question behind 'lifting sanctions' in the article."""
    stamp = parse_date(date, "date")
    frame = sanctions()
    restrictions = frame[frame["role"] == "restriction"].reset_index(drop=True)
    applies = in_force(restrictions, stamp)
    eased_by = []
    for measure_id in restrictions["measure_id"]:
        steps = frame[
            (frame["role"] == "relief")
            & (frame["kind"] != "announcement")
            & (frame["date"] <= stamp)
            & frame["affects"].map(lambda cell: measure_id in split_list(cell))
        ]
        eased_by.append(", ".join(steps["short_name"]) if not steps.empty else "")
    return pd.DataFrame(
        {
            "Restriction": restrictions["instrument"],
            "Since": [format_date(row.date, row.date_precision) for row in restrictions.itertuples()],
            f"In force on {stamp:%-d %b %Y}": applies.map({True: "yes", False: "no"}),
            "Eased by then by": eased_by,
            "Who could lift it": restrictions["who_could_lift"],
            "Lifted on": [("" if pd.isna(value) else f"{value:%-d %b %Y}") for value in restrictions["ended"]],
        }
    )


# --- charts ----------------------------------------------------------------------------------


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


def refugee_chart(frame: pd.DataFrame | None = None, *, title: str | None = None) -> go.Figure:
    """Syrians under temporary protection in Turkey over time, one line per publisher.

    The publisher is named in each trace; UNHCR's figures are drawn as published (rounded) and
    their hover text keeps the qualifier ('over 3.6 million'). The fall of the Assad government
    (8 Dec 2024) is marked.
    """
    frame = refugees() if frame is None else frame
    _require(frame, ["date", "date_precision", "publisher", "value", "qualifier", "reported_by", "source_ids"])
    unknown = sorted(set(frame["publisher"]) - set(PUBLISHERS))
    if unknown:
        raise ValueError(f"explainer: unknown publisher(s) {unknown}; known: {list(PUBLISHERS)}")
    frame = frame.sort_values("date")
    fig = go.Figure()
    for publisher, style in PUBLISHERS.items():
        rows = frame[frame["publisher"] == publisher]
        if rows.empty:
            continue
        fig.add_trace(_people_trace(
            rows, name=style["label"], heading=f"<b>{html.escape(publisher)}</b>: ", mode="lines+markers",
            line={"color": style["colour"], "width": 2, "dash": "dot" if publisher == UNHCR else "solid"},
            marker={"color": style["colour"], "size": 8, "symbol": "diamond" if publisher == UNHCR else "circle"},
        ))
    government = frame[frame["publisher"] == TURKISH_GOVERNMENT]
    summary_parts = []
    if not government.empty:
        peak = government.loc[government["value"].idxmax()]
        last = government.iloc[-1]
        drop = (peak["value"] - last["value"]) / peak["value"] * 100
        default_title = (
            f"Turkey's register of Syrians fell {drop:.0f}%, from {int(peak['value']):,} "
            f"({format_date(peak['date'], peak['date_precision'])}) to {int(last['value']):,} ({format_date(last['date'], last['date_precision'])})"
        )
        summary_parts.append(
            f"The Turkish government's count peaks at {int(peak['value']):,} people ({format_date(peak['date'], peak['date_precision'])}) "
            f"and falls to {int(last['value']):,} people ({format_date(last['date'], last['date_precision'])})"
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
        subtitle="Syrians under temporary protection in Turkey, as each publisher reported them (UNHCR's figures are rounded restatements of the register)",
        height=500,
        source_offset=110,
        **_source_arguments(frame, "syrian_refugees_turkey"),
    )
    fig.update_layout(legend={"orientation": "h", "x": 0, "y": -0.16, "yanchor": "top"}, hovermode="closest")
    fig.update_xaxes(type="date", title_text="Date the figure refers to", gridcolor="#EEEEEE")
    fig.update_yaxes(title_text=REFUGEE_AXIS_TITLE, gridcolor="#EEEEEE", rangemode="tozero", tickformat=",")
    set_summary(fig, "; ".join(summary_parts) + ".")
    return fig


def gaps(frame: pd.DataFrame, days: int = GAP_DAYS) -> pd.DataFrame:
    """Pairs of consecutive figures of the same measure more than ``days`` apart: spans with no
    figure in the table. Columns: measure, start, end, start_value, end_value, days."""
    if not isinstance(days, int) or isinstance(days, bool) or days < 1:
        raise ValueError(f"explainer: days must be a positive whole number, got {days!r}")
    _require(frame, ["date", "measure", "value"])
    rows = []
    for measure, series in frame.sort_values("date").groupby("measure", sort=False):
        for before, after in zip(series.iloc[:-1].itertuples(), series.iloc[1:].itertuples()):
            span = (after.date - before.date).days
            if span > days:
                rows.append({"measure": measure, "start": before.date, "end": after.date,
                             "start_value": int(before.value), "end_value": int(after.value), "days": span})
    return pd.DataFrame(rows, columns=["measure", "start", "end", "start_value", "end_value", "days"])


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
    _require(frame, ["date", "date_precision", "publisher", "measure", "value", "qualifier", "reported_by", "source_ids"])
    unknown = sorted(set(frame["measure"]) - set(RETURN_MEASURES))
    if unknown:
        raise ValueError(f"explainer: unknown measure(s) {unknown}; known: {list(RETURN_MEASURES)}")
    frame = frame.sort_values("date")
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
    fig.update_layout(legend={"orientation": "h", "x": 0, "y": -0.16, "yanchor": "top"}, hovermode="closest")
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
