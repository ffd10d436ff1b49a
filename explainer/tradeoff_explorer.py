"""The tradeoff explorer: the S-400/F-35 model in the reader's browser, with no kernel.

:func:`explorer_html` writes one self-contained ``text/html`` block: native, labelled range
inputs for the five weights and the main assumptions, preset buttons, a summary sentence in an
``aria-live`` region, three chart areas and a robustness table, the model's tables as JSON, and
the script ``tradeoff_explorer.js``. The script uses the page's global ``window.Plotly`` (the
site and exported pages load plotly.js once) and no other library and no network; without
Plotly the text still updates. It exposes ``window.tradeoffExplorer.evaluate(weights,
parameters)``, which returns ``{ranking, totals}`` exactly as :func:`explainer.tradeoff.evaluate`
ranks and totals.

The output is deterministic (no random ids, no timestamps), so a notebook can store it and
compare it run to run.

Examples
--------
>>> page = explorer_html()
>>> 'aria-live="polite"' in page and "window.tradeoffExplorer" in page
True
>>> explorer_model()["money_bounds"] == list(tradeoff.money_bounds())
True
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from explainer import tradeoff
from explainer.style import OKABE_ITO, PALETTE
from explainer.tradeoff import CRITERIA, CRITERION_LABELS, MONEY_COMPONENTS, WEIGHT_MAX, WEIGHT_STEP

SCRIPT = Path(__file__).with_name("tradeoff_explorer.js")
TORNADO_ROWS = 12
_ID = re.compile(r"[a-z][a-z0-9-]*")
_MONEY_COLOURS = [OKABE_ITO["blue"], OKABE_ITO["sky"], OKABE_ITO["green"], OKABE_ITO["vermillion"]]


def explorer_model() -> dict:
    """Everything the browser needs, as JSON-ready data: criteria, options with their legal
    counts, parameters with ranges and distributions, presets, money bounds and draw settings."""
    counts = tradeoff._condition_counts()
    statuses = {o: [s for _c, _g, s in tradeoff._statuses()[o]] for o in tradeoff.OPTION_IDS}
    options = []
    for record in tradeoff.load_options().to_dict("records"):
        option_id = record["option_id"]
        options.append({
            "id": option_id,
            "label": record["label"],
            "f35": list(counts[option_id]["f35"]),
            "caatsa": list(counts[option_id]["caatsa"]),
            "gives_up": record["gives_up_air_defence"] == "yes",
            "via": record["value_recovered_via"],
            "relations_us": tradeoff.relation_parameter("us", option_id),
            "relations_ru": tradeoff.relation_parameter("ru", option_id),
            "conditions_met": statuses[option_id].count(tradeoff.STATUS_MET),
        })
    parameters = [
        {"name": row.parameter, "label": row.label, "value": float(row.value), "low": float(row.low), "high": float(row.high),
         "distribution": row.distribution, "unit": row.unit, "is_judgement": row.is_judgement == "yes"}
        for row in tradeoff.load_parameters().itertuples()
    ]
    return {
        "criteria": list(CRITERIA),
        "criterion_labels": dict(CRITERION_LABELS),
        "options": options,
        "parameters": parameters,
        "contestable": tradeoff.contestable_parameters(),
        "assumptions": list(tradeoff.MAIN_ASSUMPTIONS),
        "presets": tradeoff.PRESETS,
        "money_bounds": list(tradeoff.money_bounds()),
        "money_components": [{"name": name, "colour": colour} for name, colour in zip(MONEY_COMPONENTS.values(), _MONEY_COLOURS)],
        "draws": tradeoff.DEFAULT_DRAWS,
        "seed": tradeoff.DEFAULT_SEED,
        "clear_majority": tradeoff.CLEAR_MAJORITY,
        "tie_share": tradeoff.TIE_SHARE,
        "tornado_rows": TORNADO_ROWS,
        "colours": {"ranking": PALETTE[0], "low": OKABE_ITO["vermillion"], "high": OKABE_ITO["blue"]},
    }


def _slider(root: str, name: str, label: str, low: float, high: float, step: float, value: float, note: str = "") -> str:
    control = f"{root}-{name}"
    hint = f' <span id="{control}-hint" style="color:#555;font-size:11px">({html.escape(note)})</span>' if note else ""
    return (
        f'<div style="margin:4px 0"><label for="{control}" style="display:block">{html.escape(label)}: '
        f'<output id="{root}-out-{name}" for="{control}">{value:g}</output>{hint}</label>'
        f'<input type="range" id="{control}" name="{name}" min="{low:g}" max="{high:g}" step="{step:g}" value="{value:g}"'
        f' style="width:26em;max-width:100%"></div>'
    )


def explorer_html(element_id: str = "tradeoff-explorer") -> str:
    """The explorer as one self-contained HTML block (see the module docstring).

    Raises ``ValueError`` for an ``element_id`` that is not a lower-case HTML id
    (letters, digits and hyphens, starting with a letter).
    """
    if not isinstance(element_id, str) or not _ID.fullmatch(element_id):
        raise ValueError(f"explainer: element_id must be lower-case letters, digits and hyphens starting with a letter, got {element_id!r}")
    root = element_id
    frame = tradeoff.load_parameters().set_index("parameter")
    weights = "".join(
        _slider(root, f"weight-{c}", f"Weight: {CRITERION_LABELS[c]}", 0, WEIGHT_MAX, WEIGHT_STEP, 1.0) for c in CRITERIA
    )
    assumptions = "".join(
        _slider(root, name, frame.at[name, "label"] + (" (judgement)" if frame.at[name, "is_judgement"] == "yes" else " (sources disagree)"),
                float(frame.at[name, "low"]), float(frame.at[name, "high"]), tradeoff.slider_step(name), float(frame.at[name, "value"]),
                frame.at[name, "unit"])
        for name in tradeoff.MAIN_ASSUMPTIONS
    )
    presets = "".join(
        f'<button type="button" data-preset="{html.escape(name)}" style="margin:2px">{html.escape(name)}</button>' for name in tradeoff.PRESETS
    )
    model = json.dumps(explorer_model(), ensure_ascii=False, sort_keys=True, separators=(",", ":")).replace("</", "<\\/")
    script = SCRIPT.read_text(encoding="utf-8")
    head = "".join(f'<th scope="col" style="text-align:left;padding:2px 6px">{c}</th>' for c in ("Option", "Ranks first in", "Rank (90% of draws)", "Score (90% of draws)"))
    return (
        f'<section id="{root}" aria-label="Tradeoff explorer" style="font-family:Arial,Helvetica,sans-serif;font-size:13px;max-width:60em">'
        '<h3 style="margin:0 0 4px">Weigh the options: the explorer</h3>'
        '<p style="margin:0 0 6px">Move a slider with the mouse, or focus it with Tab and use the arrow keys. '
        'The summary below the controls is read out by screen readers when it changes.</p>'
        f'<fieldset style="border:1px solid #ccc"><legend>Your weights (0 = ignore, 10 = matters most)</legend>{weights}'
        f'<div role="group" aria-label="Preset weightings">Presets: {presets}'
        '<button type="button" data-reset="1" style="margin:2px">Reset to defaults</button></div></fieldset>'
        f'<fieldset style="border:1px solid #ccc"><legend>Contestable assumptions</legend>{assumptions}</fieldset>'
        f'<p id="{root}-summary" role="status" aria-live="polite" style="font-size:15px;max-width:48em">'
        "The explorer needs JavaScript; without it, the ranking printed in the chapter applies.</p>"
        f'<table id="{root}-ranking" style="border-collapse:collapse;font-size:13px;margin:6px 0"><caption style="text-align:left;font-weight:bold">'
        "Score of each option at this setting (0 worst, 1 best), best first</caption><tbody></tbody></table>"
        f'<table id="{root}-robustness" style="border-collapse:collapse;font-size:12px"><caption style="text-align:left;font-weight:bold">'
        f"All assumptions at once: {tradeoff.DEFAULT_DRAWS:,} draws within their ranges</caption><thead><tr>{head}</tr></thead><tbody></tbody></table>"
        f'<div id="{root}-tornado" role="img" aria-label="Tornado chart: how far each assumption, alone, moves the leader\'s lead"></div>'
        f'<div id="{root}-money" role="img" aria-label="Stacked bar chart of expected gains and costs of each option, USD billion"></div>'
        f'<script type="application/json" id="{root}-model">{model}</script>'
        f"<script>{script}({json.dumps(root)});</script>"
        "</section>"
    )


class Explorer:
    """Displays :func:`explorer_html` in a notebook (``text/html``) with a plain-text
    fallback for viewers that show no HTML."""

    def __init__(self, element_id: str = "tradeoff-explorer"):
        self.html = explorer_html(element_id)

    def _repr_mimebundle_(self, **_kwargs):
        return {
            "text/html": self.html,
            "text/plain": "[Tradeoff explorer: sliders, charts and a robustness summary that run in the browser without a kernel.]",
        }


def explorer(element_id: str = "tradeoff-explorer") -> Explorer:
    """The kernel-free explorer, to show as the last expression of a notebook cell."""
    return Explorer(element_id)
