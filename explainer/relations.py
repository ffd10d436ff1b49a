"""Turkey between the blocs: its partners, the turning points in U.S.–Turkey relations, and the
2003 parliamentary vote as the reports of the day gave it.

Data: ``data/us_turkey_turning_points.csv`` (events of the shared timeline that the sources
describe as bringing the two countries closer or straining ties), ``data/turkey_partners.csv``
and ``data/vote_2003.csv``.

Examples
--------
>>> from explainer import relations
>>> points = relations.turning_points()
>>> set(points["direction"]) == {"closer", "strained"}
True
>>> relations.vote_2003_table().columns[0]
'Figure'
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from explainer.charts import bar_chart
from explainer.ledger import claims_table
from explainer.sources import source_ids_of
from explainer.style import OKABE_ITO, apply_house_style, set_summary
from explainer.tables import format_ids, load_table, split_list
from explainer.prose import format_date
from explainer.timeline import events

CLAIM_IDS = ["S06-a", "S11-b", "S13-b"]
DIRECTIONS = {
    "closer": {"label": "Brought ties closer", "colour": OKABE_ITO["blue"], "symbol": "circle"},
    "strained": {"label": "Strained ties", "colour": OKABE_ITO["vermillion"], "symbol": "diamond"},
}
UNITS = {"votes": "votes", "troops": "troops", "billion-usd": "billion US dollars"}


def turning_points() -> pd.DataFrame:
    """The turning points joined to their timeline events (date, title), oldest first.

    Raises ``ValueError`` naming any event id that is not in the shared timeline.
    """
    points = load_table("us_turkey_turning_points")
    timeline = events().set_index("event_id")
    missing = [event_id for event_id in points["event_id"] if event_id not in timeline.index]
    if missing:
        raise ValueError(f"explainer: us_turkey_turning_points names event(s) {missing} that data/events.csv does not have")
    joined = points.join(timeline[["date", "date_precision", "title"]], on="event_id")
    joined["when"] = [format_date(row.date, row.date_precision) for row in joined.itertuples(index=False)]
    return joined.sort_values(["date", "event_id"]).reset_index(drop=True)


def turning_points_table() -> pd.DataFrame:
    """The turning points as a reader reads them."""
    points = turning_points()
    return pd.DataFrame(
        {
            "Date": points["when"],
            "Turning point": points["label"],
            "Direction": points["direction"].map(lambda direction: DIRECTIONS[direction]["label"]),
            "How the sources put it": points["how_the_sources_put_it"],
            "Sources": points["source_ids"].map(lambda cell: format_ids(cell)),
        }
    )


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


def load_vote_2003() -> pd.DataFrame:
    """The 2003 vote figures, one row per figure and publisher."""
    return load_table("vote_2003")


def vote_2003_table() -> pd.DataFrame:
    """One row per figure, one column per publisher: where the reports agree and where they differ."""
    figures = load_vote_2003()
    cells = figures.assign(
        text=[
            f"{row.qualifier + ' ' if row.qualifier else ''}{row.value:,.0f}{'' if row.unit == 'votes' else ' ' + UNITS[row.unit]}"
            for row in figures.itertuples(index=False)
        ]
    )
    wide = cells.pivot(index="figure", columns="publisher", values="text").fillna("not given")
    order = list(dict.fromkeys(figures["figure"]))
    wide = wide.loc[order].reset_index().rename(columns={"figure": "Figure"})
    wide.columns.name = None
    agree = [len(set(figures.loc[figures["figure"] == figure, "value"])) == 1 for figure in wide["Figure"]]
    wide["Reports agree?"] = ["yes" if same else "no" for same in agree]
    return wide


def aid_offer_chart() -> go.Figure:
    """The U.S. aid offer of 2003 as each report gave it."""
    figures = load_vote_2003()
    aid = figures[figures["figure"] == "U.S. aid offered"].sort_values("value").reset_index(drop=True)
    if aid.empty:
        raise ValueError("explainer: vote_2003 has no 'U.S. aid offered' rows")
    frame = pd.DataFrame({"publisher": [html.escape(p, quote=False) for p in aid["publisher"]], "billion": aid["value"].tolist()})
    low, high = aid["value"].min(), aid["value"].max()
    fig = bar_chart(
        frame,
        x="billion",
        y="publisher",
        title=f"Reports of the aid the U.S. offered Turkey in 2003 range from ${low:g} billion to ${high:g} billion",
        subtitle="U.S. aid offered for letting U.S. troops deploy through Turkey, as reported on 1–2 March 2003",
        source_ids=source_ids_of(aid),
        x_title="U.S. aid offered (billion US dollars)",
        summary=(
            f"{len(aid)} reports give the U.S. aid offer as "
            + ", ".join(f"${row.value:g} billion ({row.publisher})" for row in aid.itertuples(index=False))
            + "; the reports do not say whether they count the same package."
        ),
    )
    # Label each bar with its unit, as the reports give it: '$6bn', not a bare '6.0'.
    fig.update_traces(text=[f"${value:g}bn" for value in aid["value"]], texttemplate="%{text}")
    return fig


def load_partners() -> pd.DataFrame:
    """Turkey's partners as stored (``data/turkey_partners.csv``), with ``;``-separated ``source_ids``."""
    return load_table("turkey_partners")


def partners_table() -> pd.DataFrame:
    """Turkey's ties and frictions with each partner, with the date each row is current to."""
    partners = load_partners()
    return pd.DataFrame(
        {
            "Partner": partners["partner"],
            "Ties": partners["ties"],
            "Frictions": partners["frictions"],
            "As of": partners["as_of"].dt.strftime("%-d %b %Y"),
            "Sources": partners["source_ids"].map(lambda cell: format_ids(cell)),
        }
    )


def chapter_claims(claim_ids: Sequence[str] = CLAIM_IDS) -> pd.DataFrame:
    """The claims ledger rows this chapter checks (default: S06-a, S11-b, S13-b)."""
    return claims_table(claim_ids)
