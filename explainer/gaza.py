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
from explainer.ledger import claims_table, load_claims
from explainer.sources import source_ids_of
from explainer.style import MUTED, OKABE_ITO, PALETTE, apply_house_style, wrap_html
from explainer.tables import load_table, split_list

# The claims of the article (chapter 00's ledger) about Gaza.
GAZA_CLAIMS = ("S01-b", "S04-b")

# Casualty measures that count deaths in Gaza and can share one axis, in legend order.
DEATH_MEASURES = (
    "killed (reported)",
    "killed (fully identified)",
    "traumatic-injury deaths (estimated)",
    "killed (estimated)",
)
_DATE = "%-d %b %Y"


def _day(value) -> str:
    return pd.Timestamp(value).strftime(_DATE)


def _figure(value: float, qualifier: str = "") -> str:
    """A figure as a reader reads it: '101,725' or 'nearly 40,000'."""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    return f"{qualifier} {number}".strip()


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
            "Figure": [f"{_figure(v, q)}{'' if u == '%' else ' '}{u}" for v, q, u in zip(frame["value"], frame["qualifier"], frame["unit"])],
            "As of": [_as_of(d, p) for d, p in zip(frame["as_of"], frame["as_of_precision"])],
            "Publisher": frame["publisher"],
            "source_ids": frame["source_ids"],
        }
    ).reset_index(drop=True)


def _as_of(date, precision: str) -> str:
    return pd.Timestamp(date).strftime({"day": _DATE, "month": "%b %Y", "year": "%Y"}[precision])


def governorates() -> pd.DataFrame:
    """The five governorates, largest population first, with their main towns where the sources name them."""
    frame = facts()
    rows = frame[frame["subject"].str.endswith("governorate") & (frame["measure"] == "population")]
    rows = rows.sort_values("value", ascending=False)
    return pd.DataFrame(
        {
            "Governorate": rows["subject"].str.replace(" governorate", "", regex=False),
            "Population": rows["value"].map(lambda value: f"{value:,.0f}"),
            "As of": [_as_of(d, p) for d, p in zip(rows["as_of"], rows["as_of_precision"])],
            "Publisher": rows["publisher"],
            "Note": rows["note"],
            "source_ids": rows["source_ids"],
        }
    ).reset_index(drop=True)


def disagreements() -> pd.DataFrame:
    """Figures for the same subject and measure that publishers state differently.

    One row per subject and measure with more than one distinct value: the values with their
    publishers and dates, and the gap between the highest and the lowest as a share of the lowest.
    """
    frame = facts()
    rows = []
    for (subject, measure), group in frame.groupby(["subject", "measure"], sort=True):
        if group["value"].nunique() < 2:
            continue
        group = group.sort_values(["as_of", "publisher"])
        low, high = group["value"].min(), group["value"].max()
        rows.append(
            {
                "Subject": subject,
                "Measure": measure,
                "What each publisher says": "; ".join(
                    f"{p}: {_figure(v, q)} {u} ({_as_of(d, pr)})"
                    for p, v, q, u, d, pr in zip(group["publisher"], group["value"], group["qualifier"],
                                                  group["unit"], group["as_of"], group["as_of_precision"])
                ),
                "Gap": f"{(high - low) / low:.0%}",
                "source_ids": ";".join(dict.fromkeys(s for cell in group["source_ids"] for s in split_list(cell))),
            }
        )
    return pd.DataFrame(rows, columns=["Subject", "Measure", "What each publisher says", "Gap", "source_ids"])


def access_table() -> pd.DataFrame:
    """The crossings and the El Arish route, for reading."""
    frame = access_points()
    return pd.DataFrame(
        {
            "Name": frame["name"],
            "Also called": frame["other_names"].map(lambda cell: ", ".join(split_list(cell))),
            "Kind": frame["kind"],
            "Between": frame["between"],
            "Used for": frame["used_for"],
            "What the sources say": frame["as_stated"],
            "As of": frame["as_of"].map(_day),
            "source_ids": frame["source_ids"],
        }
    )


def aid_table(turkey_own: bool | None = None, measure: str | None = None) -> pd.DataFrame:
    """Aid figures for reading: publisher, whether it is Turkey's own figure, what is counted, the period.

    ``turkey_own=True`` keeps Turkey's own figures, ``False`` the others; ``measure`` keeps one
    unit (e.g. ``"tonnes"``). Unknown values raise ``ValueError`` naming the argument.
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
    return pd.DataFrame(
        {
            "Publisher": frame["publisher"],
            "Turkey's own figure": frame["turkey_own_figure"].map({True: "yes", False: "no"}),
            "Figure": [f"{_figure(v, q)} {m}" for v, q, m in zip(frame["value"], frame["qualifier"], frame["measure"])],
            "What is counted": frame["what_counted"],
            "Period": [f"{_day(a)} – {_day(b)}" for a, b in zip(frame["period_start"], frame["period_end"])],
            "source_ids": frame["source_ids"],
        }
    ).reset_index(drop=True)


def casualties_table(where: str | None = None) -> pd.DataFrame:
    """Casualty figures for reading, oldest first; ``where`` is ``"Gaza"`` or ``"Israel"``."""
    frame = casualties()
    if where is not None:
        if where not in {"Gaza", "Israel"}:
            raise ValueError(f"explainer: where must be 'Gaza' or 'Israel', got {where!r}")
        frame = frame[frame["where"] == where]
    figures = []
    for row in frame.itertuples(index=False):
        text = _figure(row.value, row.qualifier)
        if pd.notna(row.low) and pd.notna(row.high):
            text += f" (range {row.low:,.0f}–{row.high:,.0f})"
        figures.append(text)
    return pd.DataFrame(
        {
            "As of": [_as_of(d, p) for d, p in zip(frame["as_of"], frame["as_of_precision"])],
            "Publisher": frame["publisher"],
            "What is counted": frame["measure"],
            "Figure": figures,
            "Note": frame["note"],
            "source_ids": frame["source_ids"],
        }
    ).reset_index(drop=True)


def gaza_claims() -> pd.DataFrame:
    """The article's claims about Gaza from chapter 00's ledger (S01-b and S04-b), with their source ids."""
    table = claims_table()
    table = table[table["Claim"].isin(GAZA_CLAIMS)].drop(columns="Sources")
    ids = load_claims().set_index("claim_id")["source_ids"]
    return table.assign(source_ids=table["Claim"].map(ids)).reset_index(drop=True)


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
        f"To {_day(c['date'])} the Gaza Ministry of Health reported {c['ministry']:,.0f} deaths; "
        f"the Lancet study estimated {c['estimate']:,.0f} deaths from traumatic injury "
        f"(range {c['low']:,.0f} to {c['high']:,.0f})."
    )
    print(
        f"So the ministry's list missed {c['missed_share']:.0%} of the estimated deaths; "
        f"put the other way round, the estimate is {c['excess']:.0%} higher than the list."
    )


# --- Figures --------------------------------------------------------------------------------


def aid_comparison_chart(group: str = "ceasefire-trucks-2025", *, data: pd.DataFrame | None = None) -> go.Figure:
    """Bars of the aid figures that count the same thing over the same period (one ``comparison_group``).

    Each bar is labelled with its publisher; a target (what an agreement required) is drawn in
    grey beside the counts. The title states how far apart the highest and lowest counts are.
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
    start, end = rows["period_start"].min(), rows["period_end"].max()
    labels = [
        html.escape(f"{p}{' (target)' if k == 'target' else ''}{' — Turkey' + chr(39) + 's own figure' if t else ''}")
        for p, k, t in zip(rows["publisher"], rows["figure_kind"], rows["turkey_own_figure"])
    ]
    plot = pd.DataFrame(
        {"label": labels, "value": rows["value"], "hover": [html.escape(text) for text in rows["what_counted"]]}
    )
    title = f"{_short(top['publisher'])} counted about {ratio:.0f} times as many aid {measure} as {_short(bottom['publisher'])}"
    subtitle = f"Aid {measure} into Gaza from the start of the ceasefire ({_day(start)}) to {_day(end)}, by who counts"
    if not targets.empty:
        subtitle += f"; every count is below the {targets.iloc[0]['value']:,.0f} the ceasefire terms required"
    fig = bar_chart(
        plot, x="value", y="label", title=title, subtitle=subtitle,
        source_ids=source_ids_of(rows), x_title=f"Aid {measure} (number)", hover="hover",
        summary=(
            f"From the start of the ceasefire to {_day(end)}, counts of aid {measure} range from "
            f"{bottom['value']:,.0f} ({bottom['publisher']}) to {top['value']:,.0f} ({top['publisher']})"
            + (f", against {targets.iloc[0]['value']:,.0f} required ({targets.iloc[0]['publisher']})." if not targets.empty else ".")
        ),
    )
    fig.data[0].marker.color = [
        MUTED if kind == "target" else OKABE_ITO["orange"] if own else PALETTE[0]
        for kind, own in zip(rows["figure_kind"], rows["turkey_own_figure"])
    ]
    fig.data[0].texttemplate = "%{x:,.0f}"
    fig.data[0].name = f"Aid {measure}"
    fig.update_layout(height=160 + 60 * len(rows), margin={"r": 70})
    return fig


def turkey_aid_chart(*, data: pd.DataFrame | None = None) -> go.Figure:
    """Turkey's own running total of aid tonnes sent to Gaza, one bar per announcement.

    Only rows with ``turkey_own_figure`` true and comparison group ``turkey-tonnes`` are drawn;
    each bar is labelled with the publisher and the date the total runs to, oldest on top.
    """
    frame = _frame(data, "aid", aid)
    rows = frame[(frame["comparison_group"] == "turkey-tonnes") & frame["turkey_own_figure"].astype(bool)]
    if rows.empty:
        raise ValueError("explainer: no rows with comparison_group 'turkey-tonnes' and turkey_own_figure true in the aid data")
    rows = rows.sort_values("period_end").reset_index(drop=True)
    first, last = rows.iloc[0], rows.iloc[-1]
    plot = pd.DataFrame(
        {
            "label": [html.escape(f"{p}, to {_day(d)}") for p, d in zip(rows["publisher"], rows["period_end"])],
            "value": rows["value"],
            "hover": [html.escape(text) for text in rows["what_counted"]],
        }
    )
    fig = bar_chart(
        plot, x="value", y="label", hover="hover", source_ids=source_ids_of(rows),
        title=f"Turkey says its aid to Gaza reached {last['value']:,.0f} tonnes by {_day(last['period_end'])}",
        subtitle="Running total since 7 October 2023, as Turkey's AFAD and Red Crescent report it (Turkey's own figures)",
        x_title="Aid sent (tonnes, cumulative)", y_title="Announcement",
        summary=(
            f"Turkey's own running total of aid to Gaza rose from {_figure(first['value'], first['qualifier'])} "
            f"tonnes by {_day(first['period_end'])} to {last['value']:,.0f} tonnes by {_day(last['period_end'])}."
        ),
    )
    bar = fig.data[0]
    bar.marker.color = OKABE_ITO["orange"]
    bar.text = [_figure(v, q) for v, q in zip(rows["value"], rows["qualifier"])]
    bar.name = "Turkey's own figure (tonnes)"
    fig.update_layout(height=160 + 70 * len(rows), margin={"r": 110})
    _narrow_source_line(fig, width=105)
    return fig


def _narrow_source_line(fig: go.Figure, width: int) -> None:
    """Re-wrap the source line to ``width`` characters, for charts whose long category labels
    push the plotting area (where the line starts) to the right."""
    for annotation in fig.layout.annotations:
        if annotation.name == "source-line":
            old_lines = annotation.text.count("<br>") + 1
            annotation.text = wrap_html(annotation.text.replace("<br>", " "), width)
            fig.layout.margin.b += 15 * (annotation.text.count("<br>") + 1 - old_lines)


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
    keys = list(dict.fromkeys(zip(rows["publisher"], rows["measure"])))
    for publisher, measure in keys:
        part = rows[(rows["publisher"] == publisher) & (rows["measure"] == measure)]
        has_range = part["low"].notna() & part["high"].notna()
        texts = []
        for row in part.itertuples(index=False):
            text = f"{_as_of(row.as_of, row.as_of_precision)}: {_figure(row.value, row.qualifier)}"
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
                marker={"size": 9, "color": next(colours)},
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
        title = (f"An Israeli estimate of {_figure(newest_israeli['value'], newest_israeli['qualifier'])} came close to "
                 f"the Gaza ministry's {latest['value']:,.0f}")
    else:
        title = f"The Gaza ministry's count reached {latest['value']:,.0f} by {_day(latest['as_of'])}"
    apply_house_style(
        fig,
        title=title,
        subtitle="Deaths in Gaza since 7 October 2023 as each publisher reported or estimated them",
        source_ids=source_ids_of(rows)[:4],
        source_note=f"and {len(source_ids_of(rows)) - 4} more sources listed in data/gaza_casualties.csv" if len(source_ids_of(rows)) > 4 else None,
        source_offset=150,
        height=620,
    )
    fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.14, "x": 0}, hovermode="closest")
    fig.update_xaxes(type="date", title_text="Date the figure refers to", gridcolor="#EEEEEE")
    fig.update_yaxes(title_text="Deaths (number of people)", gridcolor="#EEEEEE", rangemode="tozero")
    fig.layout.meta = {
        **fig.layout.meta,
        "summary": (
            f"{len(rows)} figures from {len(keys)} publisher series, {_day(rows['as_of'].min())} to "
            f"{_day(rows['as_of'].max())}; the Gaza Ministry of Health's newest count is {latest['value']:,.0f} "
            f"({_day(latest['as_of'])})."
        ),
    }
    return fig
