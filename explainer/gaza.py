"""Gaza: the Strip's size and crossings, the aid figures and the casualty figures, each attributed.

Every figure comes from a table of the data package (``gaza_facts``, ``gaza_access``,
``gaza_aid``, ``gaza_casualties``) and keeps its publisher and its "as of" date, because the
numbers about Gaza are contested: the same quantity is often counted differently by different
publishers. Turkey's own aid figures are flagged as such (``turkey_own_figure``).

Examples
--------
>>> from explainer import gaza
>>> sorted(set(gaza.facts().query("measure == 'area'")["value"]))
[360.0, 365.0]
>>> gaza.aid()["turkey_own_figure"].dtype
dtype('bool')
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from explainer.charts import bar_chart
from explainer.geo import distance_km, place
from explainer.prose import Sentence, figure_label, format_date, wrap_html
from explainer.ledger import claims_by_id, claims_table
from explainer.sources import source_ids_of
from explainer.style import MUTED, OKABE_ITO, PALETTE, apply_house_style, fit_source_line, set_summary
from explainer.tables import format_ids, load_table, split_list
from explainer.timeline import events, timeline_chart

# The claims of the article (chapter 00's ledger) about Gaza.
GAZA_CLAIMS = ("S01-b", "S04-b")

# The war's truces and ceasefires, each as the timeline events (data/events.csv) that open and
# close it; None where the timeline records no end.
TRUCES = (
    ("Truce", "2023-11-24-gaza-truce-begins", "2023-12-01-gaza-truce-ends"),
    ("Ceasefire", "2025-01-19-gaza-ceasefire", "2025-03-18-israel-resumes-strikes"),
    ("Ceasefire", "2025-10-10-gaza-ceasefire", None),
)

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


def _sources(cell: str) -> str:
    """A ``;``-separated cell of source ids as a reader reads it: ``"a, b"``."""
    return format_ids(cell)


def _frame(data: pd.DataFrame | None, name: str, loader) -> pd.DataFrame:
    if data is None:
        return loader()
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"explainer: data must be a pandas DataFrame like gaza.{name}(), got {type(data).__name__}")
    return data.copy()


# --- Loaders -------------------------------------------------------------------------------


def facts() -> pd.DataFrame:
    """The Strip in numbers (``data/gaza_facts.csv``): one row per figure, publisher and date."""
    return load_table("gaza_facts")


def access_points() -> pd.DataFrame:
    """Gaza's crossings and the aid route through El Arish (``data/gaza_access.csv``)."""
    return load_table("gaza_access")


def aid() -> pd.DataFrame:
    """Aid figures (``data/gaza_aid.csv``), with ``turkey_own_figure`` as a boolean column."""
    frame = load_table("gaza_aid")
    flags = frame["turkey_own_figure"].str.lower()
    bad = sorted(set(flags) - {"true", "false"})
    if bad:
        raise ValueError(f"explainer: gaza_aid.csv column 'turkey_own_figure' must be true or false; found {bad}")
    frame["turkey_own_figure"] = flags == "true"
    return frame


def casualties() -> pd.DataFrame:
    """Casualty figures by publisher and date (``data/gaza_casualties.csv``), oldest first."""
    return load_table("gaza_casualties").sort_values(["as_of", "casualty_id"]).reset_index(drop=True)


# --- Tables for readers ---------------------------------------------------------------------


def facts_table(subject: str | list[str] | None = None) -> pd.DataFrame:
    """The facts as a reader reads them: what, the figure with its unit, as of when, and who says so.

    ``subject`` keeps one subject (e.g. ``"Gaza Strip"``) or a list of them; an unknown one raises
    ``ValueError`` naming it.
    """
    frame = facts()
    if subject is not None:
        wanted = [subject] if isinstance(subject, str) else list(subject)
        unknown = [name for name in wanted if name not in set(frame["subject"])]
        if unknown:
            raise ValueError(f"explainer: subject={unknown[0]!r} is not in gaza_facts; subjects are {sorted(set(frame['subject']))}")
        frame = frame[frame["subject"].isin(wanted)]
    return pd.DataFrame(
        {
            "Subject": frame["subject"],
            "Measure": frame["measure"],
            "Figure": [figure_label(v, q, u) for v, q, u in zip(frame["value"], frame["qualifier"], frame["unit"])],
            "As of": [format_date(d, p) for d, p in zip(frame["as_of"], frame["as_of_precision"])],
            "Publisher": frame["publisher"],
            "Sources": frame["source_ids"].map(_sources),
        }
    ).reset_index(drop=True)


def governorates() -> pd.DataFrame:
    """The five governorates, largest population first, with their main towns where the sources name them."""
    frame = facts()
    rows = frame[frame["subject"].str.endswith("governorate") & (frame["measure"] == "population")]
    rows = rows.sort_values("value", ascending=False)
    return pd.DataFrame(
        {
            "Governorate": rows["subject"].str.replace(" governorate", "", regex=False),
            "Population": rows["value"].map(lambda value: f"{value:,.0f}"),
            "As of": [format_date(d, p) for d, p in zip(rows["as_of"], rows["as_of_precision"])],
            "Publisher": rows["publisher"],
            "Note": rows["note"],
            "Sources": rows["source_ids"].map(_sources),
        }
    ).reset_index(drop=True)


# Measures of the Strip that do not change from one date to the next: two publishers giving
# different values for them disagree, whatever the dates of their figures.
FIXED_MEASURES = ("area", "length", "width")


def _said(group: pd.DataFrame) -> str:
    return "; ".join(
        f"{p}: {figure_label(v, q)} {u} ({format_date(d, pr)})"
        for p, v, q, u, d, pr in zip(group["publisher"], group["value"], group["qualifier"],
                                      group["unit"], group["as_of"], group["as_of_precision"])
    )


def _cited(group: pd.DataFrame) -> str:
    return ", ".join(source_ids_of(group))


def _differing(frame: pd.DataFrame):
    """(subject, measure, group) for every subject and measure stated with more than one value."""
    for (subject, measure), group in frame.groupby(["subject", "measure"], sort=True):
        if group["value"].nunique() >= 2:
            yield subject, measure, group.sort_values(["as_of", "publisher"])


def disagreements() -> pd.DataFrame:
    """Where publishers give the same quantity different values for the same time.

    A row is a subject and measure with more than one distinct value, where the values can be
    compared: a measure that does not change over time (``FIXED_MEASURES``: area, length, width)
    or figures that refer to the same date. ``Gap`` is the highest value's excess over the lowest,
    as a share of the lowest. Figures of a changing quantity from different dates are not a
    disagreement: :func:`ranges_across_dates` lists them.
    """
    rows = []
    for subject, measure, group in _differing(facts()):
        if measure in FIXED_MEASURES:
            parts = [group]
        else:
            parts = [same_day for _, same_day in group.groupby("as_of") if same_day["value"].nunique() >= 2]
        for part in parts:
            low, high = part["value"].min(), part["value"].max()
            rows.append(
                {
                    "Subject": subject,
                    "Measure": measure,
                    "What each publisher says": _said(part),
                    "Gap": f"{(high - low) / low:.0%}",
                    "Sources": _cited(part),
                }
            )
    return pd.DataFrame(rows, columns=["Subject", "Measure", "What each publisher says", "Gap", "Sources"])


def ranges_across_dates() -> pd.DataFrame:
    """Figures of a quantity that changes over time (e.g. population) stated for different dates.

    One row per subject and measure outside ``FIXED_MEASURES`` with more than one value and more
    than one date: every figure with its publisher and date, oldest first, the lowest and highest
    value and the dates they span. The spread mixes change over time with differences of method,
    so no gap between publishers is computed.
    """
    rows = []
    for subject, measure, group in _differing(facts()):
        if measure in FIXED_MEASURES or group["as_of"].nunique() < 2:
            continue
        unit = group["unit"].iloc[0]
        first, last = group.iloc[0], group.iloc[-1]
        rows.append(
            {
                "Subject": subject,
                "Measure": measure,
                "Figures, oldest first": _said(group),
                "Lowest to highest": f"{group['value'].min():,.0f} to {group['value'].max():,.0f} {unit}",
                "Dates spanned": f"{format_date(first['as_of'], first['as_of_precision'])} to {format_date(last['as_of'], last['as_of_precision'])}",
                "Sources": _cited(group),
            }
        )
    return pd.DataFrame(rows, columns=["Subject", "Measure", "Figures, oldest first", "Lowest to highest", "Dates spanned", "Sources"])


def access_table() -> pd.DataFrame:
    """The crossings and the El Arish route, for reading."""
    frame = access_points()
    return pd.DataFrame(
        {
            "Name": frame["name"],
            "Also called": frame["other_names"].map(lambda cell: format_ids(cell)),
            "Kind": frame["kind"],
            "Between": frame["between"],
            "Used for": frame["used_for"],
            "What the sources say": frame["as_stated"],
            "As of": frame["as_of"].map(format_date),
            "Sources": frame["source_ids"].map(_sources),
        }
    )


def aid_table(turkey_own: bool | None = None, measure: str | None = None) -> pd.DataFrame:
    """Aid figures for reading: publisher, whether it is Turkey's own figure, what is counted, the period.

    ``turkey_own=True`` keeps Turkey's own figures, ``False`` the others; ``measure`` keeps one
    unit (e.g. ``"tonnes"``). Unknown values raise ``ValueError`` naming the argument. The
    "Turkey's own figure" column is shown only when the rows kept mix both kinds; when it would
    be the same on every row, say so in the table's caption instead. A period whose end the
    source does not state reads "from <start> (end not stated)".
    """
    frame = aid()
    if turkey_own is not None:
        if not isinstance(turkey_own, bool):
            raise ValueError(f"explainer: turkey_own must be True, False or None, got {turkey_own!r}")
        frame = frame[frame["turkey_own_figure"] == turkey_own]
    if measure is not None:
        if measure not in set(aid()["measure"]):
            raise ValueError(f"explainer: measure={measure!r} is not in gaza_aid; measures are {sorted(set(aid()['measure']))}")
        frame = frame[frame["measure"] == measure]
    table = pd.DataFrame(
        {
            "Publisher": frame["publisher"],
            "Turkey's own figure": frame["turkey_own_figure"].map({True: "yes", False: "no"}),
            "Figure": [f"{figure_label(v, q)} {m}" for v, q, m in zip(frame["value"], frame["qualifier"], frame["measure"])],
            "What is counted": frame["what_counted"],
            "Period": [_period(a, b) for a, b in zip(frame["period_start"], frame["period_end"])],
            "Sources": frame["source_ids"].map(_sources),
        }
    ).reset_index(drop=True)
    if table["Turkey's own figure"].nunique() < 2:
        table = table.drop(columns="Turkey's own figure")
    return table


def _period(start, end) -> str:
    """'12 Oct 2025 – 7 Dec 2025', or 'from 10 Oct 2025 (end not stated)' when ``end`` is missing."""
    if pd.isna(end):
        return f"from {format_date(start)} (end not stated)"
    return f"{format_date(start)} – {format_date(end)}"


def casualties_table(where: str | None = None) -> pd.DataFrame:
    """Casualty figures for reading, oldest first; ``where`` is ``"Gaza"`` or ``"Israel"``."""
    frame = casualties()
    if where is not None:
        if where not in {"Gaza", "Israel"}:
            raise ValueError(f"explainer: where must be 'Gaza' or 'Israel', got {where!r}")
        frame = frame[frame["where"] == where]
    figures = []
    for row in frame.itertuples(index=False):
        text = figure_label(row.value, row.qualifier)
        if pd.notna(row.low) and pd.notna(row.high):
            text += f" (range {row.low:,.0f}–{row.high:,.0f})"
        figures.append(text)
    return pd.DataFrame(
        {
            "As of": [format_date(d, p) for d, p in zip(frame["as_of"], frame["as_of_precision"])],
            "Publisher": frame["publisher"],
            "What is counted": frame["measure"],
            "Figure": figures,
            "Note": frame["note"],
            "Sources": frame["source_ids"].map(_sources),
        }
    ).reset_index(drop=True)


def gaza_claims() -> pd.DataFrame:
    """The article's claims about Gaza from chapter 00's ledger (S01-b and S04-b), with their source ids."""
    return claims_table(GAZA_CLAIMS)


def sources_cited() -> list[str]:
    """Every source id cited by the chapter's tables: the Gaza claims, facts, crossings, aid and casualties."""
    return source_ids_of(claims_by_id(GAZA_CLAIMS), facts(), access_points(), aid(), casualties())


def lancet_comparison() -> dict:
    """The Lancet estimate beside the ministry's count for the same date, in both directions.

    Returns ``date``, ``ministry``, ``estimate``, ``low``, ``high``, ``missed_share`` (the share of
    the estimated deaths missing from the ministry's count, the study's "41%") and ``excess`` (how
    much higher the estimate is than the count).
    """
    frame = casualties()
    study = frame[frame["measure"] == "traumatic-injury deaths (estimated)"].iloc[0]
    same_day = frame[(frame["measure"] == "killed (reported)") & (frame["publisher"] == "Gaza Ministry of Health")
                     & (frame["as_of"] == study["as_of"])]
    if same_day.empty:
        raise ValueError(f"explainer: no Gaza Ministry of Health count dated {study['as_of']:%Y-%m-%d} to compare with the study")
    ministry = float(same_day.iloc[0]["value"])
    estimate = float(study["value"])
    return {
        "date": study["as_of"],
        "ministry": ministry,
        "estimate": estimate,
        "low": float(study["low"]),
        "high": float(study["high"]),
        "missed_share": 1 - ministry / estimate,
        "excess": estimate / ministry - 1,
    }


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


# --- Figures --------------------------------------------------------------------------------


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


# --- The truces on the timeline ------------------------------------------------------------


def truces() -> pd.DataFrame:
    """The truces and ceasefires of ``TRUCES`` with the dates of their opening and closing events.

    Columns: ``name``, ``start``, ``end`` (NaT when the timeline records no end), ``start_event``,
    ``end_event``, ``ended_by`` (the closing event's title, empty when open) and ``source_ids``
    (the two events' sources). Dates come from ``data/events.csv``, so they carry its sources.
    """
    table = events().set_index("event_id")
    rows = []
    for name, opening, closing in TRUCES:
        for event_id in (opening, closing):
            if event_id is not None and event_id not in table.index:
                raise ValueError(f"explainer: TRUCES names event {event_id!r}, which is not in data/events.csv")
        first = table.loc[opening]
        last = table.loc[closing] if closing else None
        if last is not None and last["date"] < first["date"]:
            raise ValueError(f"explainer: truce {opening!r} ends ({closing!r}) before it begins")
        rows.append(
            {
                "name": name,
                "start": first["date"],
                "end": last["date"] if last is not None else pd.NaT,
                "start_event": opening,
                "end_event": closing or "",
                "ended_by": last["title"] if last is not None else "",
                "source_ids": ";".join(dict.fromkeys(
                    split_list(first["source_ids"]) + (split_list(last["source_ids"]) if last is not None else []))),
            }
        )
    return pd.DataFrame(rows)


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
    fig.layout.title.text = fig.layout.title.text.replace("</sup>", ". Shaded: truces and ceasefires</sup>")
    fig.update_layout(height=440)
    shaded = ", ".join(described[:-1]) + (" and " if len(described) > 1 else "") + described[-1] if described else ""
    if shaded:
        fig.layout.meta = {**fig.layout.meta,
                           "summary": f"{fig.layout.meta['summary']} Truces and ceasefires shaded: {shaded}."}
    return fig


EL_ARISH_RAFAH_FACTS = ("el-arish-rafah-distance-ahram", "el-arish-rafah-road-afp")
"""The two published distances from El Arish to Rafah that chapter 03 checks against the gazetteer."""


def straight_line_km(place_a: str = "el-arish", place_b: str = "rafah-crossing") -> float:
    """The geodesic distance between two gazetteer places (``data/places.csv``), in kilometres.

    >>> round(straight_line_km("el-arish", "rafah-crossing"))
    46
    """
    a, b = place(place_a), place(place_b)
    return distance_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"])


def distance_check(fact_ids=EL_ARISH_RAFAH_FACTS, place_a: str = "el-arish", place_b: str = "rafah-crossing") -> pd.DataFrame:
    """Each published distance set against the straight line between the gazetteer's two points.

    A road or route cannot be shorter than the straight line between its ends, so a published
    figure below it cannot be right for those ends. Raises ``ValueError`` naming an unknown fact id.
    """
    frame = facts().set_index("fact_id")
    unknown = [fact_id for fact_id in fact_ids if fact_id not in frame.index]
    if unknown:
        raise ValueError(f"explainer: fact_ids {unknown} are not in gaza_facts")
    line = straight_line_km(place_a, place_b)
    rows = frame.loc[list(fact_ids)]
    if not (rows["unit"] == "km").all():
        raise ValueError(f"explainer: every fact checked must be in km; got units {sorted(set(rows['unit']))}")
    return pd.DataFrame(
        {
            "Publisher": rows["publisher"].tolist(),
            "What it measures": rows["measure"].tolist(),
            "Published": [f"{figure_label(v, q)} km" for v, q in zip(rows["value"], rows["qualifier"])],
            "Straight line in the gazetteer": [f"{line:.0f} km"] * len(rows),
            "Possible?": ["no: shorter than the straight line" if value < line else "yes" for value in rows["value"]],
            "Sources": rows["source_ids"].map(_sources).tolist(),
        }
    )


def distance_sentence(place_a: str = "el-arish", place_b: str = "rafah-crossing") -> Sentence:
    """The straight-line distance between two gazetteer places, as a sentence citing the gazetteer rows."""
    a, b = place(place_a), place(place_b)
    line = straight_line_km(place_a, place_b)
    return Sentence(
        f"In the gazetteer (data/places.csv), {a['name']} ({a['latitude']:.4f}° N, {a['longitude']:.4f}° E) lies "
        f"{line:.0f} km in a straight line from the {b['name']} ({b['latitude']:.4f}° N, {b['longitude']:.4f}° E)."
    )
