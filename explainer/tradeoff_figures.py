"""Charts of the S-400/F-35 tradeoff, and the kernel-free version of the interactive model.

Every function returns a ``plotly.graph_objects.Figure`` in the house style (title stating the
finding, labelled axes, source line, one-sentence summary in ``fig.layout.meta["summary"]``).
The widget (:mod:`explainer.tradeoff_widget`) draws the same figures and updates them in place.

:func:`kernel_free_figure` precomputes the ranking for a few weight presets and switches between
them with plotly's own buttons, so it works in exported HTML where no Python kernel runs.

Examples
--------
>>> fig = ranking_chart()
>>> fig.data[0].orientation
'h'
>>> len(kernel_free_figure().layout.updatemenus[0].buttons) == len(tradeoff.PRESETS)
True
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from explainer import tradeoff
from explainer.style import OKABE_ITO, PALETTE, apply_house_style
from explainer.tables import format_ids, load_table, split_list
from explainer.tradeoff import CRITERIA, CRITERION_LABELS, CRITERION_SHORT, MONEY_COMPONENTS, Result

STATUS_SYMBOLS = {"met": "✓ met", "not met": "✗ not met", "unclear": "? unclear"}
MONEY_COLOURS = {
    "workshare_regained_bn": OKABE_ITO["blue"],
    "f35_payments_used_bn": OKABE_ITO["sky"],
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


def _model_sources() -> tuple[list[str], str]:
    cited = tradeoff.source_ids()
    return cited[:3], f"and {len(cited) - 3} more sources in data/tradeoff_parameters.csv, tradeoff_options.csv and legal_conditions.csv; judgements marked there"


def _wrap(text: str, width: int = 38) -> str:
    import textwrap

    return "<br>".join(html.escape(line) for line in textwrap.wrap(text, width))


def ranking_bars(result: Result) -> dict:
    """The bar data of the ranking chart for ``result``: best option on top."""
    ranked = result.ranked()
    return {
        "x": [round(float(value), 4) for value in ranked["total"]],
        "y": [_wrap(label) for label in ranked["label"]],
        "text": [f"{value:.3f}" for value in ranked["total"]],
        "customdata": [
            [html.escape(row.label)] + [f"{getattr(row, criterion):.2f}" for criterion in CRITERIA]
            for row in ranked.itertuples()
        ],
    }


RANKING_HOVER = "<b>%{customdata[0]}</b><br>Weighted score %{x:.3f}<br>" + "<br>".join(
    f"{html.escape(CRITERION_LABELS[criterion])}: %{{customdata[{index + 1}]}}" for index, criterion in enumerate(CRITERIA)
) + "<extra></extra>"


def ranking_title(result: Result) -> str:
    """The finding the ranking chart states."""
    return f"“{result.scores.loc[result.ranking[0], 'label']}” ranks first with these weights"


def ranking_chart(
    result: Result | None = None,
    *,
    weights: Mapping[str, float] | None = None,
    parameters: Mapping[str, float] | None = None,
    title: str | None = None,
) -> go.Figure:
    """Horizontal bars of each option's weighted score (0 worst, 1 best), best on top.

    Pass a :class:`~explainer.tradeoff.Result`, or ``weights`` and ``parameters`` for
    :func:`explainer.tradeoff.evaluate` (defaults: equal weights, sourced parameters).
    """
    result = _result(result, weights, parameters)
    bars = ranking_bars(result)
    fig = go.Figure(
        go.Bar(
            **bars, orientation="h", name="Weighted score", marker_color=PALETTE[0], textposition="outside",
            cliponaxis=False, hovertemplate=RANKING_HOVER,
        )
    )
    shown, note = _model_sources()
    apply_house_style(
        fig,
        title=title or ranking_title(result),
        subtitle="Weighted score of each option for Turkey's S-400s (0 worst, 1 best); weights: "
        + ", ".join(f"{CRITERION_SHORT[c]} {result.weights[c]:g}" for c in CRITERIA),
        source_ids=shown,
        source_note=note,
        height=440,
    )
    fig.update_xaxes(title_text="Weighted score (0 = worst, 1 = best)", range=[0, 1.08], gridcolor="#EEEEEE", zeroline=False)
    fig.update_yaxes(autorange="reversed", title_text=None)
    fig.update_layout(margin={"l": 10}, showlegend=False)
    fig.layout.meta = {**fig.layout.meta, "summary": result.summary()}
    return fig


def money_bars(result: Result) -> list[dict]:
    """The stacked-bar data of the money chart, one dict per component, options in ranking order."""
    ranked = result.ranked()
    labels = [_wrap(label) for label in ranked["label"]]
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
        title=f"“{result.scores.loc[best, 'label']}” could bring back the most money: about {result.scores.loc[best, 'net_money_bn']:.1f} billion USD",
        subtitle="Expected gains and costs of each option, USD billion; the S-400's $2.5 billion and the F-35 payments are already spent",
        source_ids=shown,
        source_note=note,
        source_offset=95,
        height=500,
    )
    fig.update_layout(barmode="relative", legend={"orientation": "h", "y": -0.17, "x": 0}, margin={"l": 10})
    fig.update_xaxes(title_text="USD billion (expected)", gridcolor="#EEEEEE", zeroline=True, zerolinecolor="#888888")
    fig.update_yaxes(autorange="reversed")
    fig.layout.meta = {
        **fig.layout.meta,
        "summary": (
            f"Expected net money ranges from {result.scores['net_money_bn'].min():+.1f} to "
            f"{result.scores['net_money_bn'].max():+.1f} billion USD; judgement parameters drive most of it."
        ),
    }
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
                y=[_wrap(f"{item} ({who})", 48) for item, who in zip(rows["item"], rows["attributed_to"])],
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
    fig.layout.meta = {
        **fig.layout.meta,
        "summary": "Sources disagree on Turkey's F-35 payments ($1.25 or $1.3-1.4 billion), on the F-35 work it lost "
        "($9 or $12 billion) and on the F-16 deal ($23 billion approved, $7 billion confirmed).",
    }
    return fig


def checklist_table(options=None) -> pd.DataFrame:
    """The legal checklist as a reader's table: one row per option, one column per condition."""
    matrix = tradeoff.checklist_matrix(options)
    conditions = tradeoff.load_conditions().set_index("condition_id")
    labels = tradeoff.option_labels()
    columns = {
        condition_id: f"{'F-35' if conditions.at[condition_id, 'applies_to'] == 'f35' else 'Sanctions'}: {short}"
        for condition_id, short in CONDITION_SHORT.items()
    }
    table = matrix.rename(columns=columns, index=labels).map(STATUS_SYMBOLS.get)
    table.columns.name = None
    table.insert(0, "Option", table.index)
    return table.reset_index(drop=True)


CONDITION_SHORT = {
    "ndaa2020-no-possession": "no longer possesses the S-400 (FY2020 NDAA)",
    "caatsa231-no-new-transaction": "no new deal with Russia's defence sector (CAATSA §231)",
    "ndaa2021-no-possession": "no longer possesses the S-400 (FY2021 NDAA §1241)",
    "ndaa2021-no-russian-operators": "no Russians operate or maintain it (§1241)",
    "ndaa2021-assurances": "assurances for the future (§1241)",
    "ndaa2021-one-year": "a year has passed since the sanctions (§1241)",
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
        "Which legal conditions each option meets (F-35: FY2020 NDAA; Sanctions: CAATSA and FY2021 NDAA)</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def kernel_free_figure(
    presets: Mapping[str, Mapping[str, float]] | None = None,
    parameters: Mapping[str, float] | None = None,
) -> go.Figure:
    """The tradeoff without a kernel: the ranking precomputed for each weight preset and switched
    with plotly buttons (they work in exported HTML). Default presets: ``tradeoff.PRESETS``."""
    presets = dict(tradeoff.PRESETS if presets is None else presets)
    if not presets:
        raise ValueError("explainer: presets is empty; give at least one name -> weights")
    results = {name: tradeoff.evaluate(weights, parameters) for name, weights in presets.items()}
    first_name, first = next(iter(results.items()))
    fig = go.Figure(
        go.Bar(**ranking_bars(first), orientation="h", name="Weighted score", marker_color=PALETTE[0], textposition="outside",
               cliponaxis=False, hovertemplate=RANKING_HOVER)
    )
    shown, note = _model_sources()

    def title_of(name: str, result: Result) -> str:
        return html.escape(f"{name}: “{result.scores.loc[result.ranking[0], 'label']}” ranks first")

    def subtitle_of(result: Result) -> str:
        return html.escape("Weights: " + ", ".join(f"{CRITERION_SHORT[c]} {result.weights[c]:g}" for c in CRITERIA))

    apply_house_style(fig, title=f"{first_name}: “{first.scores.loc[first.ranking[0], 'label']}” ranks first",
                      subtitle="Weights: " + ", ".join(f"{CRITERION_SHORT[c]} {first.weights[c]:g}" for c in CRITERIA),
                      source_ids=shown, source_note=note, height=520)
    fig.update_layout(margin={"t": 150, "l": 10}, showlegend=False)
    fig.update_xaxes(title_text="Weighted score (0 = worst, 1 = best)", range=[0, 1.08], gridcolor="#EEEEEE", zeroline=False)
    fig.update_yaxes(autorange="reversed")
    buttons = []
    for name, result in results.items():
        bars = ranking_bars(result)
        buttons.append({
            "label": html.escape(name),
            "method": "update",
            "args": [
                {key: [value] for key, value in bars.items()},
                {"title.text": f"{title_of(name, result)}<br><sup>{subtitle_of(result)}</sup>"},
            ],
        })
    fig.update_layout(
        updatemenus=[{
            "type": "buttons", "direction": "right", "buttons": buttons, "showactive": True, "active": 0,
            "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom", "pad": {"r": 4, "b": 4},
            "bgcolor": "#F2F2F2", "bordercolor": "#BBBBBB", "font": {"size": 12},
        }],
    )
    fig.layout.meta = {
        **fig.layout.meta,
        "summary": "Weight presets and the option each ranks first: "
        + "; ".join(f"{name}: {result.scores.loc[result.ranking[0], 'label']}" for name, result in results.items())
        + ".",
        "presets": {name: [result.scores.loc[option, "label"] for option in result.ranking] for name, result in results.items()},
    }
    return fig


# --------------------------------------------------------------------------------------------
# Tables for the chapter (shown with explainer.table)


def article_claims_table() -> pd.DataFrame:
    """The claims ledger's rows for the article's F-35 sentences (S07 to S09)."""
    from explainer.ledger import claims_table

    claims = claims_table()
    return claims[claims["Claim"].str[:3].isin(["S07", "S08", "S09"])].reset_index(drop=True)


def conditions_table() -> pd.DataFrame:
    """The legal conditions as a reader's table: provision, what it requires, how the text is given."""
    frame = tradeoff.load_conditions()
    kinds = {"paraphrase": "Paraphrase (text not read)", "official-summary": "State Department summary, quoted", "verbatim": "Verbatim"}
    return pd.DataFrame(
        {
            "Condition": [CONDITION_SHORT[c] for c in frame["condition_id"]],
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


def chapter_source_ids() -> list[str]:
    """Every source behind the chapter's tables and charts: the model's tables, the reported
    sums, the S-400/F-35 timeline and the ledger's F-35 claims."""
    from explainer.sources import source_ids_of
    from explainer.timeline import events

    cited = tradeoff.source_ids() + source_ids_of(amounts_table()) + source_ids_of(events(topics=["f35-s400"]))
    from explainer.ledger import load_claims

    claims = load_claims()
    cited += source_ids_of(claims[claims["sentence_id"].isin(["S07", "S08", "S09"])])
    return list(dict.fromkeys(cited))
