"""Chapter 02, Russia–Ukraine mediation: its charts.

Examples
--------
>>> from explainer.ukraine.figures import talks_timeline_chart
>>> "Trump–Erdoğan call" in str(talks_timeline_chart().layout.annotations)
True
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from explainer.article import CALL_DATE
from explainer.prose import figure_label, format_date
from explainer.sources import source_ids_of
from explainer.style import OKABE_ITO, add_lane_labels, apply_house_style, set_summary
from explainer.tables import format_ids, split_list
from explainer.timeline import events
from explainer.ukraine.data import grain_commodities, grain_destinations, talk_figures, talk_label, talks


SIDE_COLOURS = {"agreed": OKABE_ITO["black"], "ukraine": OKABE_ITO["blue"], "russia": OKABE_ITO["vermillion"]}
# Decimals shown on the commodity bars: the JCC's whole-Initiative figures come to two decimals of a
# million tonnes; its first-fortnight figures are in tonnes, shown to the nearest thousand.
COMMODITY_DECIMALS = {"whole-initiative": 2, "first-fortnight": 3}


def _prisoner_series(frame: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """One row per round for each series of the prisoners chart."""
    agreed = frame[frame["measure"] == "prisoners-agreed-each-side"].sort_values(["as_of", "figure_id"])
    # What the delegations announced at the talks: the earliest figure for each round.
    series = {"agreed": agreed.groupby("talk_id", sort=True).head(1)}
    exchanged = frame[(frame["measure"] == "prisoners-exchanged-each-side") & (frame["scope"] == "total")]
    for side in ("ukraine", "russia"):
        series[side] = exchanged[exchanged["reporting_side"].isin([side, "both"])].sort_values("as_of").groupby("talk_id").tail(1)
    return series


def prisoners_chart() -> go.Figure:
    """Prisoners per Istanbul round: the number agreed at the talks, and the number exchanged as
    Ukraine and as Russia each reported it. Bars carry the publisher's qualifier ('at least', 'about')."""
    frame = talk_figures()
    rounds = [talk_id for talk_id in talks()["talk_id"] if talk_id in set(frame["talk_id"])]
    labels = {talk_id: talk_label(talk_id) for talk_id in rounds}
    series = _prisoner_series(frame)
    names = {
        "agreed": "Agreed at the talks (each side)",
        "ukraine": "Exchanged, as Ukraine reports it",
        "russia": "Exchanged, as Russia reports it",
    }
    fig = go.Figure()
    for key, rows in series.items():
        rows = rows.set_index("talk_id").reindex([r for r in rounds if r in set(rows["talk_id"])])
        if rows.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=[labels[talk_id] for talk_id in rows.index],
                y=rows["value"].astype(int).tolist(),
                name=names[key],
                marker_color=SIDE_COLOURS[key],
                text=[figure_label(row.value, row.qualifier) for row in rows.itertuples()],
                textposition="outside",
                textfont={"size": 11},
                cliponaxis=False,
                hovertext=[
                    html.escape(f"{names[key]}: {figure_label(row.value, row.qualifier)} — {row.reported_by}, as of {format_date(row.as_of)}")
                    for row in rows.itertuples()
                ],
                hoverinfo="text",
            )
        )
    # Say so where a round has no exchange figure, instead of leaving an unexplained empty slot.
    newest = frame["as_of"].max()
    missing = {
        talk_id: [names[key] for key in ("ukraine", "russia") if talk_id not in set(series[key]["talk_id"])]
        for talk_id in rounds
    }
    tallest = max(int(rows["value"].max()) for rows in series.values() if not rows.empty)
    for talk_id, absent in missing.items():
        if not absent:
            continue
        fig.add_annotation(
            x=labels[talk_id], y=tallest * 0.45, xshift=28, showarrow=False, align="center",
            text=html.escape("Exchange not reported") + "<br>" + html.escape("in the sources we read") + "<br>"
            + html.escape(f"(figures up to {format_date(newest)})"),
            hovertext=html.escape(f"{labels[talk_id]}: no figure for " + " or ".join(a.lower() for a in absent) + f" in the sources we read (figures up to {format_date(newest)})"),
            font={"size": 11, "color": "#555555"}, bgcolor="rgba(255,255,255,0.9)", bordercolor="#BBBBBB", borderwidth=1,
            name="event-label",
        )
    agreed = series["agreed"]
    last = agreed.iloc[-1]
    ceasefires = int((talks().set_index("talk_id").loc[rounds, "ceasefire_agreed"] == "yes").sum())
    ukraine_done = series["ukraine"]
    approximate = any(q != "as stated" for q in ukraine_done["qualifier"])
    words = {0: "none", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}
    apply_house_style(
        fig,
        title=(
            f"All {words.get(len(rounds), len(rounds))} Istanbul rounds of 2025 agreed prisoner swaps "
            f"(the last: {figure_label(last['value'], last['qualifier'])} a side); {words.get(ceasefires, ceasefires)} agreed a ceasefire"
        ),
        subtitle="Prisoners of war (and some civilians) per side; where Kyiv and Moscow count differently, both are shown",
        source_ids=sorted(source_ids_of(frame))[:3],
        source_note=f"and {len(source_ids_of(frame)) - 3} more in data/ukraine_talks_figures.csv",
        source_offset=95,
        height=480,
    )
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": -0.18, "x": 0})
    fig.update_xaxes(title_text=None)
    # Headroom above the tallest bar for its label.
    fig.update_yaxes(title_text="Prisoners per side (people)", gridcolor="#EEEEEE", range=[0, tallest * 1.25], tickformat=",")
    set_summary(fig, (
            f"Three rounds in Istanbul agreed swaps of {', '.join(figure_label(v, q) for v, q in zip(agreed['value'], agreed['qualifier']))} "
            f"prisoners per side; by Ukraine's own count {'more than ' if approximate else ''}{int(ukraine_done['value'].sum()):,} "
            f"of its people came home under the {words.get(len(ukraine_done), len(ukraine_done))} swaps it reported complete by {format_date(ukraine_done['as_of'].max())}."
        ))
    return fig


def talks_timeline_chart(start: str = "2022-02-24", *, title: str | None = None) -> go.Figure:
    """The rounds of talks Turkey hosted, on the war's timeline from ``start``: each round a
    labelled diamond in its own lane, the war's other events as grey dots (details on pointing or tapping),
    the call of 5 May 2025 labelled, and the gap between the 2022 and 2025 rounds marked."""
    rounds = talks()
    others = events(["ukraine"], start=start)
    if others.empty:
        raise ValueError(f"explainer: no events of the war on or after start={start!r}")
    rounds = rounds[rounds["date"] >= others["date"].min()].reset_index(drop=True)
    if rounds.empty:
        raise ValueError(f"explainer: no rounds of talks on or after start={start!r}")
    talk_events = set(rounds["event_id"])
    call = others[others["date"] == pd.Timestamp(CALL_DATE)]
    rest = others[~others["event_id"].isin(talk_events | set(call["event_id"]))]
    first, last = others["date"].min(), others["date"].max()
    low, high = first - pd.Timedelta(days=30), last + pd.Timedelta(days=45)
    middle = low + (high - low) / 2
    lanes = {"talks": 1, "other": 0}
    fig = go.Figure()

    def hover(row) -> str:
        return (
            f"<b>{html.escape(format_date(row.date, row.date_precision))}: {html.escape(row.title)}</b><br>"
            f"<i>Sources: {html.escape(format_ids(row.source_ids))}</i>"
        )

    fig.add_trace(go.Scatter(
        x=rest["date"].dt.strftime("%Y-%m-%d").tolist(), y=[lanes["other"]] * len(rest), mode="markers",
        name="Other events of the war", marker={"size": 9, "color": "#9E9E9E", "line": {"color": "white", "width": 1}},
        text=[html.escape(f"{format_date(row.date, row.date_precision)}: {row.title}") for row in rest.itertuples()],
        hovertext=[hover(row) for row in rest.itertuples()], hoverinfo="text",
    ))
    if not call.empty:
        fig.add_trace(go.Scatter(
            x=call["date"].dt.strftime("%Y-%m-%d").tolist(), y=[lanes["other"]] * len(call), mode="markers",
            name="The Trump–Erdoğan call", marker={"size": 13, "color": OKABE_ITO["black"], "symbol": "square"},
            text=[html.escape(f"{format_date(row.date)}: {row.title}") for row in call.itertuples()],
            hovertext=[hover(row) for row in call.itertuples()], hoverinfo="text",
        ))
    fig.add_trace(go.Scatter(
        x=rounds["date"].dt.strftime("%Y-%m-%d").tolist(), y=[lanes["talks"]] * len(rounds), mode="markers",
        name="Talks hosted by Turkey", marker={"size": 13, "color": OKABE_ITO["orange"], "symbol": "diamond", "line": {"color": OKABE_ITO["black"], "width": 1}},
        text=[html.escape(talk_label(talk_id)) for talk_id in rounds["talk_id"]],
        hovertext=[
            f"<b>{html.escape(talk_label(row.talk_id))}</b><br>{html.escape(row.format)}; ceasefire agreed: {html.escape(row.ceasefire_agreed)}<br>"
            f"<i>Sources: {html.escape(format_ids(row.source_ids))}</i>"
            for row in rounds.itertuples()
        ],
        hoverinfo="text",
    ))
    add_lane_labels(
        fig, [(row.date, talk_label(row.talk_id), f"{talk_label(row.talk_id)}: {row.format}") for row in rounds.itertuples()],
        lanes["talks"], middle, above=True, colour="#8A5A00",
    )
    if not call.empty:
        row = call.iloc[0]
        add_lane_labels(fig, [(row["date"], f"{format_date(row['date'])}: the Trump–Erdoğan call", f"{format_date(row['date'])}: {row['title']}")],
                          lanes["other"], middle, above=False, colour=OKABE_ITO["black"])
    # The longest pause between two rounds, drawn on the talks lane.
    gaps = rounds["date"].diff().dt.days
    widest = int(gaps.idxmax()) if len(rounds) > 1 else None
    gap_days = int(gaps.max()) if widest is not None else 0
    if widest is not None:
        before, after = rounds.loc[widest - 1, "date"], rounds.loc[widest, "date"]
        fig.add_shape(type="line", x0=before.strftime("%Y-%m-%d"), x1=after.strftime("%Y-%m-%d"), y0=lanes["talks"], y1=lanes["talks"],
                      line={"color": "#8A5A00", "width": 1.5, "dash": "dot"}, layer="below")
        fig.add_annotation(
            x=(before + (after - before) / 2).strftime("%Y-%m-%d"), y=lanes["talks"], yshift=14,
            text=html.escape(f"{gap_days:,} days without talks in Turkey ({format_date(before)} to {format_date(after)})"),
            showarrow=False, font={"size": 12, "color": "#8A5A00"}, bgcolor="white", name="event-label",
        )
    by_year = rounds.groupby(rounds["date"].dt.year).size()
    cited = source_ids_of(rounds, others)
    apply_house_style(
        fig,
        title=title or (
            f"Turkey hosted {len(rounds)} rounds of Russia–Ukraine talks: "
            + " and ".join(f"{count} in {year}" for year, count in by_year.items())
            + (f", after a gap of {gap_days:,} days" if widest is not None else "")
        ),
        subtitle=f"Rounds of talks in Turkey (diamonds) among the war's other events (grey), {format_date(first)} to {format_date(last)}; point at or tap a mark for details",
        source_ids=cited[:3],
        source_note=f"and {len(cited) - 3} more in data/ukraine_talks.csv and data/events.csv" if len(cited) > 3 else None,
        source_offset=95,
        height=470,
    )
    fig.update_layout(legend={"orientation": "h", "x": 0, "y": -0.2, "yanchor": "top"}, hovermode="closest")
    fig.update_xaxes(type="date", range=[low.strftime("%Y-%m-%d"), high.strftime("%Y-%m-%d")], title_text=None, gridcolor="#EEEEEE")
    fig.update_yaxes(tickvals=list(lanes.values()), ticktext=["Talks in Turkey", "Other events"], range=[-0.9, 2.1],
                     showgrid=True, gridcolor="#F4F4F4", zeroline=False)
    set_summary(fig, (
            f"{len(rounds)} rounds of talks in Turkey ("
            + "; ".join(talk_label(talk_id) for talk_id in rounds["talk_id"])
            + f"), with the longest pause, {gap_days:,} days, between {format_date(rounds.loc[widest - 1, 'date'])} and {format_date(rounds.loc[widest, 'date'])}; "
            f"{len(rest)} other events of the war are shown in grey"
            + (", and the Trump–Erdoğan call as a black square." if not call.empty else ".")
            if widest is not None else f"{len(rounds)} round of talks in Turkey."
        ))
    return fig


def commodity_chart(period: str = "whole-initiative") -> go.Figure:
    """Horizontal bars: cargo shipped under the Initiative by commodity, in million tonnes."""
    frame = grain_commodities(period)
    total = frame["million_tonnes"].sum()
    top = frame.iloc[0]
    share = 100 * top["million_tonnes"] / total
    as_of = format_date(top["as_of"], top["as_of_precision"])
    when = "under the whole Initiative" if period == "whole-initiative" else "in its first fortnight"
    fig = go.Figure(
        go.Bar(
            x=frame["million_tonnes"].tolist(),
            y=[html.escape(name) for name in frame["commodity"]],
            orientation="h",
            marker_color=[OKABE_ITO["orange"] if i == 0 else OKABE_ITO["blue"] for i in range(len(frame))],
            text=[f"{value:.{COMMODITY_DECIMALS[period]}f}" for value in frame["million_tonnes"]],
            textposition="outside",
            cliponaxis=False,
            name="Cargo (million tonnes)",
            hovertext=[html.escape(f"{row.commodity}: {row.million_tonnes} Mt ({row.reported_by})") for row in frame.itertuples()],
            hoverinfo="text",
        )
    )
    apply_house_style(
        fig,
        title=f"{top['commodity']} made up {share:.0f}% of the cargo shipped {when}",
        subtitle=f"Cargo by commodity, million tonnes; {total:.1f} Mt in all, as of {as_of}",
        source_ids=split_list(top["source_ids"]),
        source_note=(
            "values to two decimals, as the JCC gives them; 'Other' is the total minus the itemised commodities"
            if period == "whole-initiative" else "the JCC gives tonnes; shown here in million tonnes to three decimals"
        ),
        height=400,
    )
    fig.update_xaxes(title_text="Cargo shipped (million tonnes)", gridcolor="#EEEEEE", range=[0, frame["million_tonnes"].max() * 1.12])
    fig.update_yaxes(autorange="reversed")
    set_summary(fig, f"Of {total:.1f} million tonnes, {top['commodity'].lower()} accounted for {top['million_tonnes']} Mt ({share:.0f}%), "
        f"followed by {frame.iloc[1]['commodity'].lower()} at {frame.iloc[1]['million_tonnes']} Mt.")
    return fig


def destinations_chart() -> go.Figure:
    """Grouped horizontal bars: the largest destinations of the whole Initiative, one bar per publisher."""
    frame = grain_destinations("whole-initiative").dropna(subset=["million_tonnes"])
    order = frame.groupby("country")["million_tonnes"].max().sort_values(ascending=False).index.tolist()
    fig = go.Figure()
    colours = [OKABE_ITO["blue"], OKABE_ITO["orange"], OKABE_ITO["green"]]
    publishers = list(dict.fromkeys(frame.sort_values("as_of")["reported_by"]))
    # A publisher that gives some countries in whole million tonnes (8, 6) beside others to one
    # decimal (3.2) has rounded them: their labels say so rather than show a false '8.0'.
    decimal_publishers = {p for p, values in frame.groupby("reported_by")["million_tonnes"] if not all(float(v).is_integer() for v in values)}
    rounded_rows = frame[frame["reported_by"].isin(decimal_publishers) & frame["million_tonnes"].map(lambda v: float(v).is_integer())]
    for colour, publisher in zip(colours, publishers):
        rounded = publisher in decimal_publishers
        rows = frame[frame["reported_by"] == publisher].set_index("country").reindex(order).dropna(subset=["million_tonnes"])
        as_of = format_date(rows["as_of"].iloc[0], rows["as_of_precision"].iloc[0])
        name = f"{publisher}, as of {as_of}"
        fig.add_trace(
            go.Bar(
                x=rows["million_tonnes"].tolist(),
                y=[html.escape(country) for country in rows.index],
                orientation="h",
                name=html.escape(name),
                marker_color=colour,
                text=[_tonnes_label(value, rounded) for value in rows["million_tonnes"]],
                textposition="outside",
                cliponaxis=False,
                hovertext=[
                    html.escape(f"{country}: {row.million_tonnes:g} Mt" + (f" ({row.share_pct:g}% of all cargo)" if pd.notna(row.share_pct) else "") + f" — {name}")
                    for country, row in rows.iterrows()
                ],
                hoverinfo="text",
            )
        )
    spread = frame.groupby("country")["million_tonnes"].agg(lambda values: values.max() - values.min()).max()
    sources = source_ids_of(frame)
    apply_house_style(
        fig,
        title=f"{order[0]}, {order[1]} and {order[2]} received the most grain; two counts differ by at most {spread:.1f} Mt",
        subtitle="Cargo shipped under the Black Sea Grain Initiative to its three largest destinations, million tonnes",
        source_ids=sources,
        source_note=(
            "; ".join(
                f"{publisher} gives {', '.join(f'{row.country} ({row.million_tonnes:g} Mt)' for row in group.itertuples())} in whole million tonnes, the rest to one decimal"
                for publisher, group in rounded_rows.groupby("reported_by", sort=False)
            )
            if not rounded_rows.empty else None
        ),
        source_offset=95,
        height=440,
    )
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": -0.25, "x": 0})
    # Headroom on the right for the bars' labels.
    fig.update_xaxes(title_text="Cargo received (million tonnes)", gridcolor="#EEEEEE", range=[0, frame["million_tonnes"].max() * 1.22])
    fig.update_yaxes(autorange="reversed")
    set_summary(fig, f"{order[0]} was the largest destination in both counts, with "
        + " and ".join(f"{value:g} Mt" for value in frame[frame['country'] == order[0]]["million_tonnes"])
        + ".")
    return fig


def _tonnes_label(value: float, rounded_by_source: bool) -> str:
    """'7.7' to one decimal; a whole number from a source that rounds it: '8 (whole Mt)'."""
    if rounded_by_source and float(value).is_integer():
        return f"{value:.0f} (whole Mt)"
    return f"{value:.1f}"
