"""The shared timeline (``data/events.csv``): load, filter and draw it.

Examples
--------
>>> from explainer.timeline import events
>>> events(topics=["brunson"])["event_id"].iloc[0]
'2016-10-01-brunson-detained'
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from explainer.prose import format_date, wrap_lines
from explainer.sources import load_sources, source_ids_of
from explainer.style import OKABE_ITO, add_staggered_label, apply_house_style, set_summary
from explainer.tables import format_ids, load_table, parse_date, split_list

TOPICS = {
    "the-call": "Trump–Erdoğan calls and meetings",
    "ukraine": "Russia–Ukraine war",
    "gaza": "Gaza",
    "syria": "Syria",
    "f35-s400": "S-400 and F-35",
    "brunson": "Brunson affair",
    "nato": "NATO",
}
TOPIC_COLOURS = {
    "the-call": OKABE_ITO["black"],
    "ukraine": OKABE_ITO["blue"],
    "gaza": OKABE_ITO["vermillion"],
    "syria": OKABE_ITO["green"],
    "f35-s400": OKABE_ITO["orange"],
    "brunson": OKABE_ITO["purple"],
    "nato": OKABE_ITO["sky"],
}




def events(topics: Sequence[str] | None = None, start=None, end=None) -> pd.DataFrame:
    """Return the timeline's events in date order, optionally only those tagged with any of
    ``topics`` and dated between ``start`` and ``end`` (inclusive; ``'YYYY-MM-DD'`` or dates).

    Raises ``ValueError`` for an unknown topic, a date that does not parse, or ``start`` after ``end``.
    """
    frame = load_table("events").sort_values(["date", "event_id"]).reset_index(drop=True)
    if isinstance(topics, str):
        raise TypeError("explainer: topics must be a list of topic tags, not a single string")
    if topics is not None:
        unknown = [topic for topic in topics if topic not in TOPICS]
        if unknown:
            raise ValueError(f"explainer: unknown topic(s) {unknown}; known topics: {list(TOPICS)}")
        wanted = set(topics)
        frame = frame[frame["topics"].map(lambda cell: bool(wanted & set(split_list(cell))))]
    start_stamp = parse_date(start, "start") if start is not None else None
    end_stamp = parse_date(end, "end") if end is not None else None
    if start_stamp is not None and end_stamp is not None and start_stamp > end_stamp:
        raise ValueError(f"explainer: start={start!r} is after end={end!r}")
    if start_stamp is not None:
        frame = frame[frame["date"] >= start_stamp]
    if end_stamp is not None:
        frame = frame[frame["date"] <= end_stamp]
    return frame.reset_index(drop=True)


def as_of() -> pd.Timestamp:
    """The date of the newest event: the timeline is current to this date."""
    return load_table("events")["date"].max()


def events_table(topics: Sequence[str] | None = None, start=None, end=None) -> pd.DataFrame:
    """The filtered timeline as a reader reads it: date, event, topics and sources."""
    chosen = events(topics, start, end)
    return pd.DataFrame(
        {
            "Date": [format_date(row.date, row.date_precision) for row in chosen.itertuples()],
            "Event": chosen["title"],
            "Topics": chosen["topics"].map(lambda cell: ", ".join(TOPICS[t] for t in split_list(cell))),
            "Sources": chosen["source_ids"].map(lambda cell: format_ids(cell)),
        }
    )


def _primary_topic(cell: str, lanes: Sequence[str]) -> str:
    tags = split_list(cell)
    return next(topic for topic in lanes if topic in tags)


def timeline_chart(
    topics: Sequence[str] | None = None,
    start=None,
    end=None,
    *,
    title: str | None = None,
    highlight: str | None = "2025-05-05-trump-erdogan-call",
    labels: Sequence[str] = (),
) -> go.Figure:
    """The timeline as dots in one lane per topic; hover shows each event's description.

    An event tagged with several topics appears in each of their lanes. ``highlight`` names an
    event drawn larger and labelled (default: the call the article reports; ``None`` for none).
    ``labels`` names events to label on the chart itself with their date and title, so the
    chart reads without hovering (in print, or a static page).
    """
    lanes = list(topics) if topics is not None else list(TOPICS)
    chosen = events(lanes, start, end)
    if chosen.empty:
        raise ValueError(f"explainer: no events for topics={lanes} between start={start!r} and end={end!r}")
    known_ids = set(load_table("events")["event_id"])
    unknown_labels = [event_id for event_id in labels if event_id not in known_ids]
    if unknown_labels:
        raise ValueError(f"explainer: labels {unknown_labels} are not event ids of data/events.csv")
    if highlight is not None and highlight not in known_ids:
        raise ValueError(f"explainer: highlight={highlight!r} is not an event id of data/events.csv")
    fig = go.Figure()
    for topic in lanes:
        rows = chosen[chosen["topics"].map(lambda cell: topic in split_list(cell))]
        if rows.empty:
            continue
        hover = [
            f"<b>{html.escape(format_date(row.date, row.date_precision))}: {html.escape(row.title)}</b><br>"
            f"{'<br>'.join(html.escape(line) for line in wrap_lines(row.description, 70))}<br><i>Sources: {html.escape(format_ids(row.source_ids))}</i>"
            for row in rows.itertuples()
        ]
        fig.add_trace(
            go.Scatter(
                x=rows["date"].dt.strftime("%Y-%m-%d").tolist(),
                y=[TOPICS[topic]] * len(rows),
                mode="markers",
                name=TOPICS[topic],
                marker={"size": [16 if event_id == highlight else 10 for event_id in rows["event_id"]],
                        "color": TOPIC_COLOURS[topic], "line": {"color": "white", "width": 1}},
                text=[f"{format_date(row.date, row.date_precision)}: {row.title}" for row in rows.itertuples()],
                hovertext=hover,
                hoverinfo="text",
            )
        )
    if highlight is not None and highlight in set(chosen["event_id"]):
        event = chosen.set_index("event_id").loc[highlight]
        fig.add_vline(x=event["date"].strftime("%Y-%m-%d"), line={"color": "#444", "dash": "dot", "width": 1})
        fig.add_annotation(
            x=event["date"].strftime("%Y-%m-%d"), y=1.0, yref="paper", yanchor="bottom",
            text=html.escape(f"{event['title']} ({format_date(event['date'], event['date_precision'])})"),
            showarrow=False, font={"size": 11}, bgcolor="white", name="highlight",
        )
    labelled = chosen[chosen["event_id"].isin(labels)].reset_index(drop=True)
    lane_of = {}
    for trace in fig.data:
        for text in trace.text:
            lane_of.setdefault(text, trace.y[0])
    for number, row in enumerate(labelled.itertuples()):
        text = f"{format_date(row.date, row.date_precision)}: {row.title}"
        add_staggered_label(fig, number, x=row.date.strftime("%Y-%m-%d"), y=lane_of[text],
                            text=html.escape(_short(text)), hovertext=html.escape(text))
    cited = sorted(source_ids_of(chosen))
    checked = load_sources().set_index("id").loc[cited, "date_accessed"].max()
    first, last = chosen["date"].min(), chosen["date"].max()
    apply_house_style(
        fig,
        title=title or f"{len(chosen)} events from {first:%Y} to {last:%Y}",
        subtitle=(
            f"Newest event on {'these topics' if topics is not None else 'any topic'} in our sources: "
            f"{events(topics)['date'].max():%-d %b %Y} (sources read {checked:%-d %b %Y}). Point at or tap a dot for details"
            if end is None else "Point at or tap a dot for details"
        ),
        source_ids=cited[:3],
        source_note=f"and {len(cited) - 3} more sources listed in data/events.csv" if len(cited) > 3 else None,
        height=max(340, 170 + 60 * len(fig.data)),
    )
    fig.update_layout(showlegend=False, hovermode="closest")
    fig.update_xaxes(type="date", gridcolor="#EEEEEE", title_text="Date")
    fig.update_yaxes(autorange="reversed", gridcolor="#F4F4F4")
    set_summary(fig, f"{len(chosen)} dated events, {_when(chosen.iloc[0])} to {_when(chosen.iloc[-1])}, in {len(fig.data)} topic lane{'s' if len(fig.data) != 1 else ''}.")
    return fig


def _short(text: str, width: int = 52) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _when(row: pd.Series) -> str:
    return format_date(row["date"], row["date_precision"])
