"""Turkey's mediation in the Russia–Ukraine war: the talks it hosted and the Black Sea Grain Initiative.

Loaders for the chapter's tables (``data/ukraine_talks*.csv``, ``data/grain_initiative_*.csv``),
reader-friendly views of them, and the chapter's figures. Contested figures (prisoners, bodies,
who received the grain) keep the name of whoever reported them, in the tables and in the charts.

Examples
--------
>>> from explainer import ukraine
>>> list(ukraine.talks()["city"].unique())
['Antalya', 'Istanbul']
>>> ukraine.grain_total("cargo-total")
32.8
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from explainer.article import CALL_DATE
from explainer.prose import Sentence, figure_label, format_date
from explainer.sources import source_ids_of
from explainer.style import OKABE_ITO, add_lane_labels, apply_house_style, set_summary
from explainer.tables import format_ids, load_table, split_list
from explainer.timeline import events

PERIODS = ("whole-initiative", "first-fortnight")
MEASURES = (
    "prisoners-agreed-each-side",
    "prisoners-exchanged-each-side",
    "bodies-agreed-each-side",
    "bodies-returned-to-ukraine",
    "bodies-returned-to-russia",
    "bodies-offered-to-ukraine",
)
MEASURE_LABELS = {
    "prisoners-agreed-each-side": "Prisoners to be exchanged, each side (agreed)",
    "prisoners-exchanged-each-side": "Prisoners exchanged, each side",
    "bodies-agreed-each-side": "Bodies to be returned, each side (agreed)",
    "bodies-returned-to-ukraine": "Bodies returned to Ukraine",
    "bodies-returned-to-russia": "Bodies returned to Russia",
    "bodies-offered-to-ukraine": "Further bodies offered to Ukraine",
}
SIDE_COLOURS = {"agreed": OKABE_ITO["black"], "ukraine": OKABE_ITO["blue"], "russia": OKABE_ITO["vermillion"]}
# Decimals shown on the commodity bars: the JCC's whole-Initiative figures come to two decimals of a
# million tonnes; its first-fortnight figures are in tonnes, shown to the nearest thousand.
COMMODITY_DECIMALS = {"whole-initiative": 2, "first-fortnight": 3}
PEACE_PUSH_START = "2025-03-01"


def _check_choice(argument: str, value, allowed: Sequence[str]) -> None:
    if value not in allowed:
        raise ValueError(f"explainer: {argument}={value!r} is not one of {list(allowed)}")


# --- The talks ---------------------------------------------------------------------------------


def talks() -> pd.DataFrame:
    """Every round of Russia–Ukraine talks held in Turkey, oldest first (``data/ukraine_talks.csv``).

    Raises ``ValueError`` if a round's ``event_id`` is missing from the shared timeline or its
    date differs from the event's: the table and the timeline must tell the same story.
    """
    frame = load_table("ukraine_talks").sort_values("date").reset_index(drop=True)
    timeline = load_table("events").set_index("event_id")["date"]
    for row in frame.itertuples(index=False):
        if row.event_id not in timeline.index:
            raise ValueError(f"explainer: talk {row.talk_id!r} names event {row.event_id!r}, which data/events.csv does not have")
        if timeline[row.event_id] != row.date:
            raise ValueError(f"explainer: talk {row.talk_id!r} is dated {row.date:%Y-%m-%d} but its event is dated {timeline[row.event_id]:%Y-%m-%d}")
    return frame


def talk_label(talk_id: str) -> str:
    """A round as readers name it, e.g. 'Istanbul, 16 May 2025'."""
    rounds = talks().set_index("talk_id")
    if talk_id not in rounds.index:
        raise KeyError(f"explainer: talk_id={talk_id!r} is not a round of data/ukraine_talks.csv; rounds are {list(rounds.index)}")
    row = rounds.loc[talk_id]
    return f"{row['city']}, {format_date(row['date'])}"


def talks_table() -> pd.DataFrame:
    """The rounds as a reader reads them: when, where, who led each side, what came of it."""
    frame = talks()
    host = frame["turkish_host"].replace("", "not named in the sources we read")
    where = [f"{row.city}, {row.venue}" if row.venue else f"{row.city} (venue not named in our sources)" for row in frame.itertuples()]
    return pd.DataFrame(
        {
            "Date": [format_date(date) for date in frame["date"]],
            "Where": where,
            "Format": frame["format"],
            "Turkish host or chair": host,
            "Ukraine's delegation led by": frame["ukraine_head"],
            "Russia's delegation led by": frame["russia_head"],
            "Outcome": frame["outcome"],
            "Ceasefire agreed": frame["ceasefire_agreed"],
            "Sources": frame["source_ids"].map(lambda ids: format_ids(ids)),
        }
    )


def talk_figures(measure: str | None = None, talk_id: str | None = None) -> pd.DataFrame:
    """Prisoner and body figures from the Istanbul rounds (``data/ukraine_talks_figures.csv``),
    optionally only one ``measure`` (see ``MEASURES``) or one round (``talk_id``).

    Raises ``ValueError`` for an unknown measure and ``KeyError`` for an unknown round, or if
    a row of the table names a round that ``data/ukraine_talks.csv`` does not have.
    """
    frame = load_table("ukraine_talks_figures")
    known = set(talks()["talk_id"])
    unknown = sorted(set(frame["talk_id"]) - known)
    if unknown:
        raise KeyError(f"explainer: data/ukraine_talks_figures.csv names rounds {unknown} that data/ukraine_talks.csv lacks")
    if measure is not None:
        _check_choice("measure", measure, MEASURES)
        frame = frame[frame["measure"] == measure]
    if talk_id is not None:
        if talk_id not in known:
            raise KeyError(f"explainer: talk_id={talk_id!r} is not a round of data/ukraine_talks.csv; rounds are {sorted(known)}")
        frame = frame[frame["talk_id"] == talk_id]
    return frame.sort_values(["talk_id", "measure", "as_of", "figure_id"]).reset_index(drop=True)


def talk_figures_table(kind: str = "prisoners") -> pd.DataFrame:
    """The figures for ``kind`` ('prisoners' or 'bodies') as a reader reads them, with who reported each."""
    _check_choice("kind", kind, ("prisoners", "bodies"))
    frame = talk_figures()
    frame = frame[frame["measure"].str.startswith(kind)]
    return pd.DataFrame(
        {
            "Round": frame["talk_id"].map(talk_label),
            "What": frame["measure"].map(MEASURE_LABELS) + frame["scope"].map({"stage": " (one stage)", "total": ""}),
            "Number": [figure_label(row.value, row.qualifier) for row in frame.itertuples()],
            "Reported by": frame["reported_by"],
            "As of": [format_date(date) for date in frame["as_of"]],
            "Note": frame["note"],
            "Sources": frame["source_ids"].map(lambda ids: format_ids(ids)),
        }
    ).reset_index(drop=True)


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
    labelled diamond in its own lane, the war's other events as grey dots (hover for details),
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
        subtitle=f"Rounds of talks in Turkey (diamonds) among the war's other events (grey), {format_date(first)} to {format_date(last)}; hover for details",
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
            f"{len(rest) + len(call)} other events of the war are shown in grey."
            if widest is not None else f"{len(rounds)} round of talks in Turkey."
        ))
    return fig


# --- The Black Sea Grain Initiative ------------------------------------------------------------


def grain_totals() -> pd.DataFrame:
    """Headline figures of the Initiative (``data/grain_initiative_totals.csv``)."""
    return load_table("grain_initiative_totals")


def grain_total(metric_id: str) -> float:
    """One headline figure by id, e.g. ``'cargo-total'`` (million tonnes) or ``'voyages-outbound'``."""
    totals = grain_totals().set_index("metric_id")
    if metric_id not in totals.index:
        raise KeyError(f"explainer: metric_id={metric_id!r} is not in data/grain_initiative_totals.csv; ids are {list(totals.index)}")
    return float(totals.loc[metric_id, "value"])


GRAIN_SIGNED, GRAIN_ENDED = "2022-07-22-black-sea-grain-initiative", "2023-07-17-grain-initiative-ends"


def grain_totals_sentence() -> Sentence:
    """The UN's last count before the Initiative ended, worded from the data so no chapter retypes it.

    The count of voyages from the ports excludes the one ship the same update says was still
    loading, so the closing number of voyages is at least one higher; the sentence says so.
    """
    totals = grain_totals().set_index("metric_id")
    cargo, voyages = totals.loc["cargo-total"], totals.loc["voyages-outbound"]
    timeline = events().set_index("event_id")
    signed, ended = timeline.loc[GRAIN_SIGNED, "date"], timeline.loc[GRAIN_ENDED, "date"]
    return Sentence(
        f"The Initiative ran from {format_date(signed)}, when it was signed, to {format_date(ended)}, when Russia ended its participation. "
        f"The last operational update of the {cargo['reported_by']} before the end, of {format_date(cargo['as_of'], cargo['as_of_precision'])}, "
        f"counts {figure_label(cargo['value'], cargo['qualifier'], cargo['unit'])} exported from the three ports "
        f"on {figure_label(voyages['value'], voyages['qualifier'])} voyages. It is not the closing count: the ship still loading "
        f"that day sailed afterwards, so the voyages out of the ports numbered at least {int(voyages['value']) + 1:,}."
    )


def grain_totals_table() -> pd.DataFrame:
    """The headline figures as a reader reads them."""
    frame = grain_totals()
    return pd.DataFrame(
        {
            "Figure": frame["label"],
            "Value": [figure_label(row.value, row.qualifier, row.unit) for row in frame.itertuples()],
            "As of": [format_date(row.as_of, row.as_of_precision) for row in frame.itertuples()],
            "Reported by": frame["reported_by"],
            "Sources": frame["source_ids"].map(lambda ids: format_ids(ids)),
        }
    )


def grain_commodities(period: str = "whole-initiative", with_remainder: bool = True) -> pd.DataFrame:
    """Cargo by commodity for ``period`` ('whole-initiative' or 'first-fortnight'), largest first.

    For the whole Initiative, ``with_remainder`` adds a row 'Other (not itemised)': the JCC total
    (metric 'cargo-total-jcc') minus the commodities it itemises, computed here, not reported.
    """
    _check_choice("period", period, PERIODS)
    frame = load_table("grain_initiative_commodities")
    frame = frame[frame["period"] == period].sort_values("million_tonnes", ascending=False).reset_index(drop=True)
    if period == "whole-initiative" and with_remainder:
        remainder = round(grain_total("cargo-total-jcc") - frame["million_tonnes"].sum(), 2)
        if remainder < 0:
            raise ValueError(f"explainer: the itemised commodities ({frame['million_tonnes'].sum()} Mt) exceed the JCC total")
        first = frame.iloc[0]
        extra = {
            "period": period, "commodity": "Other (not itemised)", "million_tonnes": remainder,
            "as_of": first["as_of"], "as_of_precision": first["as_of_precision"],
            "reported_by": "computed: JCC total minus itemised commodities", "source_ids": first["source_ids"],
        }
        frame = pd.concat([frame, pd.DataFrame([extra])], ignore_index=True)
    return frame


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


def grain_destinations(period: str = "whole-initiative") -> pd.DataFrame:
    """Cargo by destination country for ``period``, as each publisher reported it."""
    _check_choice("period", period, PERIODS)
    frame = load_table("grain_initiative_destinations")
    return frame[frame["period"] == period].reset_index(drop=True)


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


def first_fortnight_destinations_table() -> pd.DataFrame:
    """Preliminary destination shares of the first fortnight (1–15 August 2022), largest first."""
    frame = grain_destinations("first-fortnight").sort_values("share_pct", ascending=False, kind="stable")
    return pd.DataFrame(
        {
            "Destination": frame["country"],
            "Share of cargo (%)": frame["share_pct"].map(lambda value: f"{value:g}"),
            "Reported by": frame["reported_by"],
            "Sources": frame["source_ids"],
        }
    ).reset_index(drop=True)


def income_groups_table() -> pd.DataFrame:
    """Who received the grain by income group, as the UN and Russia each reported it (contested)."""
    frame = load_table("grain_initiative_income_groups").sort_values(["as_of", "figure_id"])
    return pd.DataFrame(
        {
            "Reported by": frame["reported_by"],
            "As of": [format_date(row.as_of, row.as_of_precision) for row in frame.itertuples()],
            "Cargo": frame["cargo"],
            "Destination group": frame["income_group"],
            "Share": [figure_label(row.share_pct, row.qualifier, "%") for row in frame.itertuples()],
            "Sources": frame["source_ids"].map(lambda ids: format_ids(ids)),
        }
    ).reset_index(drop=True)


# --- Trump's push to end the war ---------------------------------------------------------------


def peace_push_events(start: str = PEACE_PUSH_START, end=CALL_DATE) -> pd.DataFrame:
    """Timeline events on the Russia–Ukraine war between ``start`` and ``end`` (default: from
    March 2025 to the day of the call, 5 May 2025): what the US push to end the war consisted of
    at the time of the call, as the sources record it."""
    return events(["ukraine"], start=start, end=end)


def source_ids_of_chapter() -> list[str]:
    """Every source id behind the chapter's tables, in order of first use."""
    tables = ("ukraine_talks", "ukraine_talks_figures", "grain_initiative_totals", "grain_initiative_commodities",
              "grain_initiative_destinations", "grain_initiative_income_groups")
    return source_ids_of(*(load_table(name) for name in tables))


# --- The article's claims this chapter explains -----------------------------------------------

CLAIM_IDS = ("S01-b", "S04-a", "S10-a", "S11-a", "S11-b", "S13-c")


def chapter_claims() -> pd.DataFrame:
    """The rows of chapter 00's claims ledger that this chapter explains, as a reader reads them."""
    from explainer.ledger import claims_table

    return claims_table(CLAIM_IDS)


def chapter_source_ids() -> list[str]:
    """Every source id behind the chapter's tables, its claims and the war's timeline, in order of first use."""
    from explainer.ledger import claim_source_ids

    return list(dict.fromkeys(claim_source_ids(CLAIM_IDS) + source_ids_of_chapter() + source_ids_of(events(["ukraine"]))))
