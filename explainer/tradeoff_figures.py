"""Charts of the S-400/F-35 tradeoff: ranking, robustness (tornado), money, reported sums and the legal checklist.

Every function returns a ``plotly.graph_objects.Figure`` in the house style (title stating the
finding, labelled axes, source line, one-sentence summary in ``fig.layout.meta["summary"]``).
The widget (:mod:`explainer.tradeoff_widget`) draws the same figures and updates them in place;
the kernel-free explorer (:mod:`explainer.tradeoff_explorer`) draws them in the browser.

Scores are printed with no more decimals than their spread across the robustness draws
supports (:func:`explainer.tradeoff.score_digits`).

Examples
--------
>>> fig = ranking_chart()
>>> fig.data[0].orientation
'h'
>>> tornado_chart().data[0].name
'Assumption at its low end'
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from explainer import tradeoff
from explainer.prose import join_and, wrap_html
from explainer.style import OKABE_ITO, PALETTE, apply_house_style, fit_source_line, set_summary
from explainer.tables import format_ids, load_table, split_list
from explainer.tradeoff import CRITERIA, CRITERION_LABELS, CRITERION_SHORT, MONEY_COMPONENTS, Result, Robustness

STATUS_SYMBOLS = {"met": "✓ met", "not met": "✗ not met", "unclear": "? unclear"}
MONEY_COLOURS = {
    "workshare_regained_bn": OKABE_ITO["blue"],
    "f35_payments_credited_bn": OKABE_ITO["sky"],
    "s400_value_recovered_bn": OKABE_ITO["green"],
    "replacement_air_defence_bn": OKABE_ITO["vermillion"],
}
GROUP_COLOURS = {"What Turkey paid": OKABE_ITO["orange"], "What Turkey lost": OKABE_ITO["vermillion"], "Alternatives": OKABE_ITO["blue"]}


def _result(result: Result | None, weights, parameters) -> Result:
    if result is not None:
        if not isinstance(result, Result):
            raise TypeError(f"explainer: result must be a tradeoff.Result, got {type(result).__name__}")
        if weights is not None or parameters is not None:
            raise ValueError("explainer: pass either result or weights/parameters, not both")
        return result
    return tradeoff.evaluate(weights, parameters)


ARTICLE_SENTENCES = ("S07", "S08", "S09")
"""The article's sentences on the F-35, whose claims the chapter checks."""


def _model_sources() -> tuple[list[str], str]:
    cited = tradeoff.source_ids()
    return cited[:3], f"and {len(cited) - 3} more sources in data/tradeoff_parameters.csv, tradeoff_options.csv and legal_conditions.csv; judgements marked there"


def _digits(report: Robustness | None, option_id: str) -> int:
    if report is None or option_id not in report.total_interval:
        return 2
    low, high = report.total_interval[option_id]
    return tradeoff.score_digits(high - low)


def _report(result: Result, report: Robustness | None) -> Robustness:
    if report is None:
        return tradeoff.robustness(result.weights, result.parameters, options=result.ranking)
    if not isinstance(report, Robustness):
        raise TypeError(f"explainer: report must be a tradeoff.Robustness, got {type(report).__name__}")
    return report


def ranking_bars(result: Result, report: Robustness | None = None) -> dict:
    """The bar data of the ranking chart for ``result``: best option on top; each score printed
    with the decimals its spread across the draws of ``report`` supports (two without one)."""
    ranked = result.ranked()
    digits = [_digits(report, option_id) for option_id in ranked.index]
    return {
        "x": [round(float(value), 4) for value in ranked["total"]],
        "y": [wrap_html(label, 38, escape=True) for label in ranked["label"]],
        "text": [f"{value:.{d}f}" for value, d in zip(ranked["total"], digits)],
        "customdata": [
            [html.escape(row.label), f"{row.total:.{d}f}"] + [f"{getattr(row, criterion):.2f}" for criterion in CRITERIA]
            for row, d in zip(ranked.itertuples(), digits)
        ],
    }


RANKING_HOVER = "<b>%{customdata[0]}</b><br>Weighted score %{customdata[1]}<br>" + "<br>".join(
    f"{html.escape(CRITERION_LABELS[criterion])}: %{{customdata[{index + 2}]}}" for index, criterion in enumerate(CRITERIA)
) + "<extra></extra>"


def ranking_title(result: Result, report: Robustness | None = None) -> str:
    """The finding the ranking chart states: a near tie is called one."""
    report = _report(result, report)
    labels = tradeoff.option_labels()
    if report.near_tie:
        names = [labels[o] for o in report.contenders]
        return "Near tie: " + join_and([f"“{n}”" for n in names])
    share = tradeoff._percent(report.first_share[report.leader], report.draws)
    return f"“{labels[report.leader]}” ranks first in {share} of draws"


def ranking_chart(
    result: Result | None = None,
    *,
    weights: Mapping[str, float] | None = None,
    parameters: Mapping[str, float] | None = None,
    report: Robustness | None = None,
    title: str | None = None,
) -> go.Figure:
    """Horizontal bars of each option's weighted score (0 worst, 1 best) at one setting, best on
    top; the title and the printed precision follow the robustness ``report`` (computed when
    not given).

    Pass a :class:`~explainer.tradeoff.Result`, or ``weights`` and ``parameters`` for
    :func:`explainer.tradeoff.evaluate` (defaults: equal weights, sourced parameters).
    """
    result = _result(result, weights, parameters)
    report = _report(result, report)
    bars = ranking_bars(result, report)
    fig = go.Figure(
        go.Bar(
            **bars, orientation="h", name="Weighted score", marker_color=PALETTE[0], textposition="outside",
            cliponaxis=False, hovertemplate=RANKING_HOVER,
        )
    )
    shown, note = _model_sources()
    apply_house_style(
        fig,
        title=title or ranking_title(result, report),
        subtitle="Weighted score of each option at this setting (0 worst, 1 best); weights: "
        + ", ".join(f"{CRITERION_SHORT[c]} {result.weights[c]:g}" for c in CRITERIA),
        source_ids=shown,
        source_note=note,
        height=440,
    )
    fig.update_xaxes(title_text="Weighted score (0 = worst, 1 = best)", range=[0, 1.08], gridcolor="#EEEEEE", zeroline=False)
    fig.update_yaxes(autorange="reversed", title_text=None)
    fig.update_layout(margin={"l": 10}, showlegend=False)
    set_summary(fig, report.summary())
    return fig


TORNADO_ROWS = 12


def tornado_bars(report: Robustness, rows: int = TORNADO_ROWS) -> dict:
    """The tornado chart's data: for the ``rows`` assumptions that move the leader's margin
    most, the change in margin at the low and at the high end (biggest swing on top)."""
    frame = report.one_at_a_time.head(rows)
    marks = ["⇄ " if changes else "" for changes in frame["changes_leader"]]
    return {
        "y": [wrap_html(mark + label, 46, escape=True) for mark, label in zip(marks, frame["label"])],
        # + 0.0 turns a rounded -0.0 into 0.0
        "low": [round(float(v), 4) + 0.0 for v in frame["margin_at_low"] - frame["margin_base"]],
        "high": [round(float(v), 4) + 0.0 for v in frame["margin_at_high"] - frame["margin_base"]],
        "base": float(frame["margin_base"].iloc[0]) if len(frame) else 0.0,
    }


def tornado_chart(report: Robustness | None = None, *, weights=None, parameters=None, rows: int = TORNADO_ROWS) -> go.Figure:
    """One assumption at a time: how far each moves the first-placed option's lead over the
    next when set to its low or its high end (a tornado chart). Assumptions marked ⇄ change
    first place on their own; the dashed line marks where the lead is lost."""
    if report is None:
        report = tradeoff.robustness(weights, parameters)
    elif weights is not None or parameters is not None:
        raise ValueError("explainer: pass either report or weights/parameters, not both")
    if not isinstance(report, Robustness):
        raise TypeError(f"explainer: report must be a tradeoff.Robustness, got {type(report).__name__}")
    bars = tornado_bars(report, rows)
    labels = tradeoff.option_labels()
    base_leader = labels[tradeoff.evaluate(report.weights, report.parameters).ranking[0]]
    fig = go.Figure()
    fig.add_trace(go.Bar(y=bars["y"], x=bars["low"], orientation="h", name="Assumption at its low end", marker_color=OKABE_ITO["vermillion"],
                         hovertemplate="%{y}<br>low end: lead changes by %{x:+.3f}<extra></extra>"))
    fig.add_trace(go.Bar(y=bars["y"], x=bars["high"], orientation="h", name="Assumption at its high end", marker_color=OKABE_ITO["blue"],
                         hovertemplate="%{y}<br>high end: lead changes by %{x:+.3f}<extra></extra>"))
    fig.add_vline(x=-bars["base"], line_dash="dash", line_color="#555555")
    changers = report.leader_changers()
    shown, note = _model_sources()
    title = (f"{len(changers)} assumption{'s' if len(changers) != 1 else ''} can change first place on {'their' if len(changers) != 1 else 'its'} own"
             if changers else "No single assumption changes first place on its own")
    apply_house_style(
        fig,
        title=title,
        subtitle=f"Change in the lead of “{base_leader}” over the next option (now {bars['base']:.3f}) when one assumption is set to the end of its range; ⇄ changes first place",
        # each assumption's name wraps over two lines: give every bar room for both
        source_ids=shown, source_note=note, source_offset=95, height=320 + 34 * len(bars["y"]),
    )
    fig.update_layout(barmode="overlay", legend={"orientation": "h", "y": -0.14, "x": 0}, margin={"l": 10})
    fig.update_xaxes(title_text="Change in the leader's lead (score points)", gridcolor="#EEEEEE", zeroline=True, zerolinecolor="#888888")
    fig.update_yaxes(autorange="reversed")
    set_summary(fig, (
        f"One assumption at a time, {len(changers)} of {len(report.one_at_a_time)} change first place: "
        + (", ".join(report.one_at_a_time.loc[report.one_at_a_time['changes_leader'], 'label']) if changers else "none")
        + "."))
    return fit_source_line(fig, 80)  # the long assumption names leave a narrow plotting area


def robustness_html(report: Robustness) -> str:
    """The robustness table as accessible HTML (header cells with scope), for the widget."""
    head = "".join(f'<th scope="col" style="text-align:left;padding:2px 6px">{html.escape(c)}</th>' for c in report.TABLE_COLUMNS)
    rows = "".join(
        "<tr>" + f'<th scope="row" style="text-align:left;padding:2px 6px;font-weight:normal">{html.escape(values[0])}</th>'
        + "".join(f'<td style="padding:2px 6px">{html.escape(str(v))}</td>' for v in values[1:]) + "</tr>"
        for values in report.table_rows()
    )
    return (
        '<table style="border-collapse:collapse;font-size:12px"><caption style="text-align:left;font-weight:bold">'
        f"All assumptions at once: {report.draws:,} draws within their ranges</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def money_bars(result: Result) -> list[dict]:
    """The stacked-bar data of the money chart, one dict per component, options in ranking order."""
    ranked = result.ranked()
    labels = [wrap_html(label, 38, escape=True) for label in ranked["label"]]
    return [
        {"x": [round(float(value), 4) for value in ranked[component]], "y": labels, "name": name}
        for component, name in MONEY_COMPONENTS.items()
    ] + [{"x": [round(float(value), 4) for value in ranked["net_money_bn"]], "y": labels, "name": "Net (expected)",
          "text": [f"{value:+.1f}" for value in ranked["net_money_bn"]]}]


def money_chart(
    result: Result | None = None,
    *,
    weights: Mapping[str, float] | None = None,
    parameters: Mapping[str, float] | None = None,
) -> go.Figure:
    """What each option could bring back or cost Turkey, in USD billion, as stacked bars with
    the expected net marked; options in ranking order."""
    result = _result(result, weights, parameters)
    fig = go.Figure()
    parts = money_bars(result)
    for component, bars in zip(MONEY_COMPONENTS, parts[:-1]):
        fig.add_trace(
            go.Bar(**bars, orientation="h", marker_color=MONEY_COLOURS[component],
                   hovertemplate="%{y}: %{x:.2f} billion USD<extra>" + html.escape(bars["name"]) + "</extra>")
        )
    net = parts[-1]
    fig.add_trace(
        go.Scatter(**net, mode="markers+text", textposition="middle right", marker={"symbol": "diamond", "size": 11, "color": OKABE_ITO["black"]},
                   hovertemplate="%{y}: net %{x:.2f} billion USD<extra></extra>")
    )
    best = result.scores["net_money_bn"].idxmax()
    shown, note = _model_sources()
    apply_house_style(
        fig,
        title=f"At this setting “{result.scores.loc[best, 'label']}” brings back the most: about {result.scores.loc[best, 'net_money_bn']:.1f} billion USD",
        subtitle="Expected gains and costs of each option, USD billion; past payments for both systems are sunk: only what comes back counts",
        source_ids=shown,
        source_note=note,
        source_offset=95,
        height=500,
    )
    fig.update_layout(barmode="relative", legend={"orientation": "h", "y": -0.17, "x": 0}, margin={"l": 10})
    fig.update_xaxes(title_text="USD billion (expected)", gridcolor="#EEEEEE", zeroline=True, zerolinecolor="#888888")
    fig.update_yaxes(autorange="reversed")
    set_summary(fig, (
            f"Expected net money ranges from {result.scores['net_money_bn'].min():+.1f} to "
            f"{result.scores['net_money_bn'].max():+.1f} billion USD; judgement parameters drive most of it."
        ))
    return fig


def amounts_table() -> pd.DataFrame:
    """The sums behind the dispute as reported, one row per figure and publisher."""
    return load_table("tradeoff_amounts")


def amounts_chart() -> go.Figure:
    """Bars of the reported sums (USD billion), each labelled with who gives it; where sources
    disagree both figures are drawn."""
    frame = amounts_table()
    fig = go.Figure()
    for group, rows in frame.groupby("group", sort=False):
        fig.add_trace(
            go.Bar(
                x=rows["amount_usd_bn"].tolist(),
                y=[wrap_html(f"{item} ({who})", 48, escape=True) for item, who in zip(rows["item"], rows["attributed_to"])],
                orientation="h", name=group, marker_color=GROUP_COLOURS[group],
                text=[html.escape(value) for value in rows["as_reported"]], textposition="outside", cliponaxis=False,
                hovertemplate="%{y}<br>%{text}<extra></extra>",
            )
        )
    cited = list(dict.fromkeys(source for cell in frame["source_ids"] for source in split_list(cell)))
    apply_house_style(
        fig,
        title="The F-16 and Eurofighter deals dwarf the $2.5 billion Turkey paid for the S-400",
        subtitle="Sums in the S-400/F-35 dispute as reported, USD billion; each bar says who gives the figure",
        source_ids=cited[:3],
        source_note=f"and {len(cited) - 3} more sources in data/tradeoff_amounts.csv",
        source_offset=95,
        height=600,
    )
    fig.update_layout(legend={"orientation": "h", "y": -0.12, "x": 0}, margin={"l": 10, "r": 150})
    fig.update_xaxes(title_text="USD billion", gridcolor="#EEEEEE", range=[0, 30])
    fig.update_yaxes(autorange="reversed")
    set_summary(fig, "Sources disagree on Turkey's F-35 payments ($1.25 or $1.3-1.4 billion), on the F-35 work it lost "
        "($9 or $12 billion) and on the F-16 deal ($23 billion approved, $7 billion confirmed).")
    return fig


def checklist_table(options=None) -> pd.DataFrame:
    """The legal checklist as a reader's table: one row per option, one column per condition."""
    matrix = tradeoff.checklist_matrix(options)
    conditions = tradeoff.load_conditions().set_index("condition_id")
    labels = tradeoff.option_labels()
    columns = {
        condition_id: f"{'F-35' if conditions.at[condition_id, 'applies_to'] == 'f35' else 'Sanctions'}: {short}"
        for condition_id, short in CONDITION_SHORT.items()
        if condition_id in matrix.columns
    }
    table = matrix.rename(columns=columns, index=labels).map(STATUS_SYMBOLS.get)
    table.columns.name = None
    table.insert(0, "Option", table.index)
    return table.reset_index(drop=True)


CONDITION_SHORT = {
    "ndaa2020-no-possession": "no longer possesses the S-400 (FY2020 NDAA §1245)",
    "ndaa2020-certification": "certification to Congress (§1245)",
    "caatsa231-no-new-transaction": "no new deal with Russia's defence sector (CAATSA §231)",
    "ndaa2021-no-possession": "no longer possesses the S-400 (FY2021 NDAA §1241)",
    "ndaa2021-no-russian-operators": "no Russians operate or maintain it (§1241)",
    "ndaa2021-assurances": "assurances for the future (§1241)",
    "ndaa2021-one-year": "a year has passed since the sanctions (§1241)",
    "caatsa216-congressional-review": "report and 30-day review by Congress (CAATSA §216; reach unverified)",
}


def checklist_html(options=None) -> str:
    """The legal checklist as an accessible HTML table (header cells with scope, symbols with
    words), for the widget."""
    table = checklist_table(options)
    head = "".join(f'<th scope="col" style="text-align:left;padding:2px 6px;vertical-align:bottom">{html.escape(c)}</th>' for c in table.columns)
    rows = []
    colours = {"✓ met": "#00704F", "✗ not met": "#A63D00", "? unclear": "#555555"}
    for values in table.itertuples(index=False):
        cells = [f'<th scope="row" style="text-align:left;padding:2px 6px;font-weight:normal">{html.escape(values[0])}</th>']
        cells += [f'<td style="padding:2px 6px;color:{colours[v]}">{html.escape(v)}</td>' for v in values[1:]]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<table style="border-collapse:collapse;font-size:12px"><caption style="text-align:left;font-weight:bold">'
        "Which legal conditions each option meets (F-35: FY2020 NDAA §1245; Sanctions: CAATSA and FY2021 NDAA)</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


# --------------------------------------------------------------------------------------------
# Tables for the chapter (shown with explainer.table)


def article_claims_table() -> pd.DataFrame:
    """The claims ledger's rows for the article's F-35 sentences (S07 to S09)."""
    from explainer.ledger import claim_ids_in, claims_table

    return claims_table(claim_ids_in(ARTICLE_SENTENCES))


def conditions_table() -> pd.DataFrame:
    """The legal conditions as a reader's table: provision, what it requires, how the text is given."""
    frame = tradeoff.load_conditions()
    kinds = {"paraphrase": "Paraphrase (text not read)", "official-summary": "State Department summary, quoted", "verbatim": "Verbatim"}
    return pd.DataFrame(
        {
            "Condition": [CONDITION_SHORT[c] for c in frame["condition_id"]],
            "Kind": ["Procedural step (not scored per option)" if f == tradeoff.PROCEDURE else "Condition" for f in frame["option_field"]],
            "Governs": frame["applies_to"].map({"f35": "F-35 transfers", "caatsa": "Lifting the CAATSA sanctions"}),
            "Provision": frame["provision"],
            "What it says": frame["text"],
            "Text given as": frame["text_kind"].map(kinds),
            "Sources": frame["source_ids"].map(lambda cell: format_ids(cell)),
        }
    )


def options_table() -> pd.DataFrame:
    """The options: what each means, which part of the article's condition it could be, and why."""
    frame = tradeoff.load_options()
    return pd.DataFrame(
        {
            "Option": frame["label"],
            "What it means": frame["description"],
            "The article's condition": frame["article_condition"].replace("", "—"),
            "Notes": frame["note"],
            "Sources": frame["source_ids"].map(lambda cell: format_ids(cell)),
        }
    )


def parameters_table() -> pd.DataFrame:
    """Every parameter of the model: default, range, unit, whether it is a judgement, sources."""
    frame = tradeoff.load_parameters()
    return pd.DataFrame(
        {
            "Parameter": frame["label"],
            "Default": frame["value"].map(lambda v: f"{v:g}"),
            "Range": [f"{low:g} to {high:g}" if low < high else "—" for low, high in zip(frame["low"], frame["high"])],
            "Unit": frame["unit"],
            "Judgement?": frame["is_judgement"],
            "Why": frame["note"],
            "Sources": frame["source_ids"].map(lambda cell: format_ids(cell)),
        }
    )
