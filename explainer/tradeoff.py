"""Turkey's options for its Russian S-400s, scored against U.S. law, money, time and relations.

A pure model: no widgets, no plotting. Its inputs are three tables of the data package:

* ``tradeoff_options`` — the options (keep the S-400s operational, store them, put them under
  U.S. or third-party supervision, hand them to the U.S., return or sell them, dismantle them)
  and the facts U.S. law turns on for each (does Turkey still possess them? ...);
* ``legal_conditions`` — what the FY2020 NDAA (section 1245) requires for F-35 transfers and what
  CAATSA section 231 and the FY2021 NDAA (section 1241) require for lifting the sanctions, plus
  the procedural steps that follow (rows whose ``option_field`` is ``procedure``);
* ``tradeoff_parameters`` — every number, each with its sources, a range, the distribution the
  robustness analysis draws it from, and a flag saying whether it is a judgement.

Each option gets five criterion scores between 0 (worst) and 1 (best):

``legal``
    the mean of two shares: of the F-35 conditions met and of the sanction-lifting conditions
    met (a condition met counts 1, one not met 0, an unclear one ``unclear_credit``);
``money``
    the expected net money of the option in USD billion: F-35 work share regained (lifetime
    figure times ``workshare_value_share`` times ``workshare_regain_share``) and F-35 payments
    credited back (``f35_payments_credit``), both times the F-35 chance; the part of the S-400
    price recovered; minus the cost of replacing the S-400's air defence where the option gives
    it up. Past payments are sunk for both systems: only what comes back counts. The net is
    rescaled to 0..1 against fixed bounds (:func:`money_bounds`) derived from the parameter
    ranges, so an option's score never depends on which other options are compared;
``time``
    1 minus the expected years until Turkey has F-35s plus the years it would be without the
    S-400's air-defence role, as a share of twice the planning horizon;
``washington_nato`` and ``moscow``
    the judgement scores of the parameters ``relations_us_*`` and ``relations_ru_*``
    (-1 to +1), rescaled to 0 to 1.

The F-35 chance is the share of F-35 conditions met times ``follow_through_chance``: meeting a
condition on paper is not delivery (certification to Congress, review, political decision).

The reader's weights (any non-negative numbers, not all zero) give each option a weighted mean
of its scores, between 0 and 1; the options are ranked by it, ties in the order of the table.
The weighted mean is computed with exact fractions, so the ranking depends only on the ratios
of the weights.

:func:`robustness` says how far a ranking holds across the parameter ranges: one parameter at
a time (each at its low and its high end) and all at once (seeded, deterministic draws).

Every invalid input raises :class:`TradeoffError` (a ``ValueError``) naming the problem.

Examples
--------
>>> result = evaluate()
>>> result.ranking[0] in OPTION_IDS
True
>>> evaluate(weights={"legal": -1})
Traceback (most recent call last):
...
explainer.tradeoff.TradeoffError: explainer.tradeoff: weight for 'legal' must not be negative, got -1
>>> report = robustness(draws=200)
>>> round(sum(report.first_share.values()), 9)
1.0
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

import numpy as np
import pandas as pd

from explainer.prose import join_and
from explainer.tables import load_table, split_list

CRITERIA: tuple[str, ...] = ("legal", "money", "time", "washington_nato", "moscow")
CRITERION_LABELS = {
    "legal": "Meets U.S. law",
    "money": "Money",
    "time": "Time to F-35s and air defence",
    "washington_nato": "Relations with Washington and NATO",
    "moscow": "Relations with Moscow",
}
CRITERION_SHORT = {
    "legal": "law",
    "money": "money",
    "time": "time",
    "washington_nato": "Washington/NATO",
    "moscow": "Moscow",
}
DEFAULT_WEIGHTS: dict[str, float] = {criterion: 1.0 for criterion in CRITERIA}
PRESETS: dict[str, dict[str, float]] = {
    "Equal weights": dict(DEFAULT_WEIGHTS),
    "U.S. law and Washington first, money aside": {
        "legal": 3.0, "money": 0.0, "time": 1.0, "washington_nato": 3.0, "moscow": 1.0,
    },
    "Keep Moscow on side": {"legal": 1.0, "money": 1.0, "time": 1.0, "washington_nato": 1.0, "moscow": 5.0},
    "Moscow above all": {"legal": 1.0, "money": 1.0, "time": 1.0, "washington_nato": 1.0, "moscow": 10.0},
}
MONEY_COMPONENTS = {
    "workshare_regained_bn": "F-35 work share regained (expected)",
    "f35_payments_credited_bn": "F-35 payments credited back (expected)",
    "s400_value_recovered_bn": "S-400 value recovered",
    "replacement_air_defence_bn": "Replacing the S-400's air defence",
}
STATUS_MET, STATUS_NOT_MET, STATUS_UNCLEAR = "met", "not met", "unclear"
PROCEDURE = "procedure"
DEFAULT_DRAWS = 2000
DEFAULT_SEED = 20261130
# An option "leads clearly" when it ranks first in at least this share of the draws.
CLEAR_MAJORITY = 0.6
# Options that rank first in at least this share of the draws are named in a near tie.
TIE_SHARE = 0.1


class TradeoffError(ValueError):
    """Raised for any invalid input to the tradeoff model; the message names the problem."""


def _error(message: str) -> TradeoffError:
    return TradeoffError(f"explainer.tradeoff: {message}")


# --------------------------------------------------------------------------------------------
# The data


@lru_cache(maxsize=1)
def _options() -> pd.DataFrame:
    return load_table("tradeoff_options")


@lru_cache(maxsize=1)
def _conditions() -> pd.DataFrame:
    return load_table("legal_conditions")


@lru_cache(maxsize=1)
def _parameters() -> pd.DataFrame:
    frame = load_table("tradeoff_parameters")
    bad = frame[(frame["low"] > frame["value"]) | (frame["value"] > frame["high"])]
    if not bad.empty:
        raise _error(f"data/tradeoff_parameters.csv: default outside its range for {bad['parameter'].tolist()}")
    return frame


def load_options() -> pd.DataFrame:
    """The options table (a copy), in the table's order."""
    return _options().copy()


def load_conditions() -> pd.DataFrame:
    """The legal conditions table (a copy)."""
    return _conditions().copy()


def scored_conditions() -> pd.DataFrame:
    """The conditions an option meets or not by its facts (the procedural steps left out)."""
    frame = _conditions()
    return frame[frame["option_field"] != PROCEDURE].reset_index(drop=True)


def procedural_steps() -> pd.DataFrame:
    """The procedural steps that follow the conditions (certification, congressional review):
    no option meets them by itself; the model folds them into ``follow_through_chance``."""
    frame = _conditions()
    return frame[frame["option_field"] == PROCEDURE].reset_index(drop=True)


def load_parameters() -> pd.DataFrame:
    """The parameters table (a copy): defaults, ranges, units, judgement flags and sources."""
    return _parameters().copy()


OPTION_IDS: tuple[str, ...] = tuple(load_table("tradeoff_options")["option_id"])


def option_labels() -> dict[str, str]:
    """Option id -> its label."""
    return dict(_option_labels())


def default_parameters() -> dict[str, float]:
    """Every parameter's default value."""
    return dict(zip(_parameters()["parameter"], _parameters()["value"]))


@lru_cache(maxsize=1)
def _ranges() -> dict[str, tuple[float, float]]:
    frame = _parameters()
    return {name: (float(low), float(high)) for name, low, high in zip(frame["parameter"], frame["low"], frame["high"])}


@lru_cache(maxsize=1)
def _records() -> dict[str, dict]:
    return {row["option_id"]: row for row in _options().to_dict("records")}


def parameter_range(name: str) -> tuple[float, float]:
    """The (low, high) range allowed for parameter ``name``."""
    if name not in _ranges():
        raise _error(f"unknown parameter {name!r}; parameters are {list(_ranges())}")
    return _ranges()[name]


def contestable_parameters() -> list[str]:
    """Parameters a reader may change: those with a range (low < high)."""
    frame = _parameters()
    return frame.loc[frame["low"] < frame["high"], "parameter"].tolist()


def relation_parameter(side: str, option_id: str) -> str:
    """The name of the relations parameter for ``side`` ('us' or 'ru') and ``option_id``."""
    return f"relations_{side}_{option_id.replace('-', '_')}"


# --------------------------------------------------------------------------------------------
# Checking inputs


def _number(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise _error(f"{what} must be a number, got {value!r}")
    value = float(value)
    if math.isnan(value):
        raise _error(f"{what} must be a number, got NaN")
    if math.isinf(value):
        raise _error(f"{what} must be finite, got {value}")
    return value


def check_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    """Return the weights as a dict over all criteria (left-out criteria get 0).

    Raises :class:`TradeoffError` for a weights argument that is not a mapping, an unknown
    criterion, a weight that is not a finite number (NaN included), a negative weight, or
    weights that are all zero.
    """
    if weights is None:
        return dict(DEFAULT_WEIGHTS)
    if not isinstance(weights, Mapping):
        raise _error(f"weights must be a mapping from criterion to weight, got {type(weights).__name__}")
    unknown = [name for name in weights if name not in CRITERIA]
    if unknown:
        raise _error(f"unknown criterion {unknown[0]!r} in weights; criteria are {list(CRITERIA)}")
    checked = {criterion: 0.0 for criterion in CRITERIA}
    for criterion, value in weights.items():
        number = _number(value, f"weight for {criterion!r}")
        if number < 0:
            raise _error(f"weight for {criterion!r} must not be negative, got {value!r}")
        checked[criterion] = number
    if not any(checked.values()):
        raise _error("weights are all zero; give at least one criterion a positive weight")
    return checked


def check_parameters(parameters: Mapping[str, float] | None) -> dict[str, float]:
    """Return the defaults updated with ``parameters``.

    Raises :class:`TradeoffError` for an unknown parameter, a value that is not a finite
    number (NaN included) or a value outside the parameter's range (low to high).
    """
    merged = default_parameters()
    if parameters is None:
        return merged
    if not isinstance(parameters, Mapping):
        raise _error(f"parameters must be a mapping from parameter name to value, got {type(parameters).__name__}")
    for name, value in parameters.items():
        if name not in merged:
            raise _error(f"unknown parameter {name!r}; parameters are {list(merged)}")
        number = _number(value, f"parameter {name!r}")
        low, high = parameter_range(name)
        if not low <= number <= high:
            raise _error(f"parameter {name!r} must lie between {low:g} and {high:g}, got {number:g}")
        merged[name] = number
    return merged


def check_options(options: Iterable[str] | None) -> list[str]:
    """Return the option ids to compare, in the table's order.

    Raises :class:`TradeoffError` for an unknown option id or an empty selection.
    """
    if options is None:
        return list(OPTION_IDS)
    if isinstance(options, str):
        raise _error("options must be a list of option ids, not a single string")
    chosen = list(options)
    unknown = [option for option in chosen if option not in OPTION_IDS]
    if unknown:
        raise _error(f"unknown option {unknown[0]!r}; options are {list(OPTION_IDS)}")
    if not chosen:
        raise _error("options is empty; compare at least one option")
    return [option for option in OPTION_IDS if option in set(chosen)]


# --------------------------------------------------------------------------------------------
# The legal checklist


def condition_status(condition: Mapping, option: Mapping) -> str:
    """'met', 'not met' or 'unclear': does ``option`` (a row of the options table) meet
    ``condition`` (a row of the legal conditions table)?"""
    if condition["option_field"] == "always":
        return STATUS_MET
    value = option[condition["option_field"]]
    if value == "unclear":
        return STATUS_UNCLEAR
    return STATUS_MET if value == condition["required_value"] else STATUS_NOT_MET


@lru_cache(maxsize=1)
def _statuses() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """Option id -> ((condition_id, applies_to, status), ...)."""
    conditions = scored_conditions().to_dict("records")
    return {
        option["option_id"]: tuple(
            (condition["condition_id"], condition["applies_to"], condition_status(condition, option))
            for condition in conditions
        )
        for option in _options().to_dict("records")
    }


def legal_checklist(options: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per option and condition: the provision, what it requires, and the status."""
    chosen = check_options(options)
    conditions = _conditions().set_index("condition_id")
    labels = option_labels()
    rows = []
    for option_id in chosen:
        for condition_id, applies_to, status in _statuses()[option_id]:
            rows.append(
                {
                    "option_id": option_id,
                    "option": labels[option_id],
                    "condition_id": condition_id,
                    "applies_to": "F-35 transfers" if applies_to == "f35" else "Lifting the sanctions",
                    "provision": conditions.at[condition_id, "provision"],
                    "status": status,
                    "source_ids": conditions.at[condition_id, "source_ids"],
                }
            )
    return pd.DataFrame(rows)


def checklist_matrix(options: Iterable[str] | None = None) -> pd.DataFrame:
    """Options as rows, conditions as columns, status in each cell."""
    frame = legal_checklist(options)
    matrix = frame.pivot(index="option_id", columns="condition_id", values="status")
    return matrix.loc[check_options(options), list(scored_conditions()["condition_id"])]


# --------------------------------------------------------------------------------------------
# The scores


@lru_cache(maxsize=1)
def _condition_counts() -> dict[str, dict[str, tuple[int, int, int]]]:
    """Option id -> {group: (met, unclear, total)} over the scored conditions of each group."""
    counts: dict[str, dict[str, list[int]]] = {}
    for option_id, statuses in _statuses().items():
        groups = {"f35": [0, 0, 0], "caatsa": [0, 0, 0]}
        for _condition_id, applies_to, status in statuses:
            groups[applies_to][0] += status == STATUS_MET
            groups[applies_to][1] += status == STATUS_UNCLEAR
            groups[applies_to][2] += 1
        counts[option_id] = groups
    return {option_id: {group: tuple(values) for group, values in groups.items()} for option_id, groups in counts.items()}


def _criterion_arrays(values: Mapping[str, np.ndarray], option_ids: Iterable[str], bounds: tuple[float, float]) -> dict[str, dict[str, np.ndarray]]:
    """The model itself, on arrays of parameter values (one element per setting).

    The browser explorer (:mod:`explainer.tradeoff_explorer`) repeats these operations in the
    same order, so both give the same floating-point results.
    """
    records = _records()
    counts = _condition_counts()
    credit = values["unclear_credit"]
    horizon = values["horizon_years"]
    low, high = bounds
    out = {}
    for option_id in option_ids:
        option = records[option_id]
        met_f, unclear_f, total_f = counts[option_id]["f35"]
        met_c, unclear_c, total_c = counts[option_id]["caatsa"]
        share_f35 = (met_f + unclear_f * credit) / total_f
        share_caatsa = (met_c + unclear_c * credit) / total_c
        p_f35 = share_f35 * values["follow_through_chance"]
        gives_up = option["gives_up_air_defence"] == "yes"
        via = option["value_recovered_via"]
        recovery = values["us_purchase_recovery"] if via == "us-purchase" else values["s400_resale_recovery"] if via == "resale" else credit * 0
        workshare = p_f35 * (values["workshare_regain_share"] * (values["f35_workshare_bn"] * values["workshare_value_share"]))
        payments = p_f35 * (values["f35_payments_credit"] * values["f35_paid_bn"])
        recovered = recovery * values["s400_price_bn"]
        replacement = -values["replacement_air_defence_bn"] if gives_up else credit * 0
        net = workshare + payments + recovered + replacement
        years_to_f35 = np.minimum(horizon, p_f35 * (values["legal_resolution_years"] + values["f35_delivery_years"]) + (1 - p_f35) * horizon)
        gap = np.minimum(horizon, values["replacement_air_defence_years"]) if gives_up else credit * 0
        out[option_id] = {
            "share_f35": share_f35,
            "share_caatsa": share_caatsa,
            "p_f35": p_f35,
            "workshare_regained_bn": workshare,
            "f35_payments_credited_bn": payments,
            "s400_value_recovered_bn": recovered,
            "replacement_air_defence_bn": replacement,
            "net_money_bn": net,
            "years_to_f35": years_to_f35,
            "air_defence_gap_years": gap,
            "legal": (share_f35 + share_caatsa) / 2,
            "money": (net - low) / (high - low),
            "time": 1 - (years_to_f35 + gap) / (2 * horizon),
            "washington_nato": (values[relation_parameter("us", option_id)] + 1) / 2,
            "moscow": (values[relation_parameter("ru", option_id)] + 1) / 2,
        }
    return out


@lru_cache(maxsize=1)
def money_bounds() -> tuple[float, float]:
    """The lowest and highest expected net money (USD billion) any option of the table can
    reach with parameters inside their ranges: the fixed ends of the money score.

    Net money rises with every parameter except the replacement cost, so the extremes lie at
    the corners of the ranges.
    """
    frame = _parameters()
    falling = {"replacement_air_defence_bn"}
    corners = {}
    for end in ("low", "high"):
        other = "high" if end == "low" else "low"
        corners[end] = {
            name: np.array([float(row[other] if name in falling else row[end])])
            for name, row in frame.set_index("parameter").iterrows()
        }
    nets = [
        float(arrays["net_money_bn"][0])
        for corner in corners.values()
        for arrays in _criterion_arrays(corner, OPTION_IDS, (0.0, 1.0)).values()
    ]
    return min(nets), max(nets)


@dataclass(frozen=True)
class Result:
    """The outcome of :func:`evaluate`: scores, ranking and the inputs that produced them."""

    scores: pd.DataFrame
    ranking: list[str]
    weights: dict[str, float]
    parameters: dict[str, float]
    totals: dict[str, Fraction] = field(repr=False)

    def summary(self) -> str:
        """One plain-language sentence (two at most) on the ranking at this one setting."""
        return ranking_sentence(self)

    def ranked(self) -> pd.DataFrame:
        """The scores in ranking order."""
        return self.scores.loc[self.ranking]


def evaluate(
    weights: Mapping[str, float] | None = None,
    parameters: Mapping[str, float] | None = None,
    options: Iterable[str] | None = None,
) -> Result:
    """Score and rank ``options`` (default: all) with the reader's ``weights`` (default: equal)
    and ``parameters`` (default: the sourced defaults; pass only those you change).

    Raises :class:`TradeoffError` for any invalid input (see :func:`check_weights`,
    :func:`check_parameters`, :func:`check_options`).
    """
    weights = check_weights(weights)
    values = check_parameters(parameters)
    chosen = check_options(options)
    arrays = _criterion_arrays({name: np.array([value]) for name, value in values.items()}, chosen, money_bounds())
    counts = _condition_counts()
    labels = option_labels()
    rows = {}
    for option_id in chosen:
        row = {"label": labels[option_id]}
        row.update({key: float(array[0]) for key, array in arrays[option_id].items()})
        statuses = [status for _c, _group, status in _statuses()[option_id]]
        row["conditions_met"] = statuses.count(STATUS_MET)
        row["conditions_unclear"] = statuses.count(STATUS_UNCLEAR)
        row["conditions_not_met"] = statuses.count(STATUS_NOT_MET)
        row["f35_conditions_met"] = counts[option_id]["f35"][0] == counts[option_id]["f35"][2]
        rows[option_id] = row
    weight_sum = sum(Fraction(weight) for weight in weights.values())
    totals = {
        option_id: sum(Fraction(weights[c]) * Fraction(row[c]) for c in CRITERIA) / weight_sum
        for option_id, row in rows.items()
    }
    order = {option_id: index for index, option_id in enumerate(OPTION_IDS)}
    ranking = sorted(rows, key=lambda option_id: (-totals[option_id], order[option_id]))
    for position, option_id in enumerate(ranking, start=1):
        rows[option_id]["total"] = float(totals[option_id])
        rows[option_id]["rank"] = position
    scores = pd.DataFrame.from_dict(rows, orient="index")
    scores.index.name = "option_id"
    return Result(scores=scores, ranking=ranking, weights=weights, parameters=values, totals=totals)


def _legal_clause(row) -> str:
    met = int(row["conditions_met"])
    total = met + int(row["conditions_unclear"]) + int(row["conditions_not_met"])
    text = f"It meets {met} of the {total} legal conditions"
    if row["conditions_unclear"]:
        text += f" ({int(row['conditions_unclear'])} more unclear)"
    if row["p_f35"] == 0:
        return text + " and would not bring F-35s back."
    if row["f35_conditions_met"]:
        return text + "; F-35s would still need certification and a political decision."
    return text + " and might or might not bring F-35s back."


def _total_digits(report: "Robustness | None", option_id: str) -> int:
    if report is None or option_id not in report.total_interval:
        return 2
    low, high = report.total_interval[option_id]
    return score_digits(high - low)


def ranking_sentence(result: Result, report: "Robustness | None" = None) -> str:
    """The ranking at this one setting in a sentence or two of plain language (for robustness
    across the parameter ranges, see :meth:`Robustness.summary`). With a robustness ``report``
    each score carries only the decimals its spread across the draws supports."""
    ranked = result.ranked()

    def score(option_id: str) -> str:
        return f"{ranked.at[option_id, 'total']:.{_total_digits(report, option_id)}f}"

    first = ranked.iloc[0]
    text = f"At this one setting, “{first['label']}” scores highest ({score(ranked.index[0])} out of 1)"
    if len(ranked) > 1:
        second = ranked.iloc[1]
        if result.totals[ranked.index[0]] == result.totals[ranked.index[1]]:
            text += f", tied with “{second['label']}”"
        else:
            text += f", then “{second['label']}” ({score(ranked.index[1])})"
        if len(ranked) > 2:
            last = ranked.iloc[-1]
            text += f"; “{last['label']}” ranks last ({score(ranked.index[-1])})"
    return text + ". " + _legal_clause(first)


def ranking_lines(result: Result, report: "Robustness | None" = None) -> list[str]:
    """One line per option in ranking order: position, label, total (with the decimals its
    spread in ``report`` supports) and criterion scores."""
    lines = []
    for option_id in result.ranking:
        row = result.scores.loc[option_id]
        parts = ", ".join(f"{CRITERION_SHORT[criterion]} {row[criterion]:.2f}" for criterion in CRITERIA)
        lines.append(f"{int(row['rank'])}. {row['label']}: {row['total']:.{_total_digits(report, option_id)}f} ({parts})")
    return lines


def print_ranking(weights: Mapping[str, float] | None = None, parameters: Mapping[str, float] | None = None) -> None:
    """Print the weights, the ranking at this setting and the robustness summary: the
    notebook's text output."""
    result = evaluate(weights, parameters)
    report = robustness(weights, parameters)
    print("Weights: " + ", ".join(f"{CRITERION_SHORT[criterion]} {result.weights[criterion]:g}" for criterion in CRITERIA))
    print("\n".join(ranking_lines(result, report)))
    print(ranking_sentence(result, report))
    print(report.summary())


# --------------------------------------------------------------------------------------------
# Robustness


def _mulberry32(seed: int):
    """A small, fast 32-bit pseudo-random generator (Tommy Ettinger's Mulberry32), chosen
    because the browser explorer can repeat it bit for bit; yields floats in [0, 1)."""
    mask = 0xFFFFFFFF
    state = seed & mask
    while True:
        state = (state + 0x6D2B79F5) & mask
        t = ((state ^ (state >> 15)) * (state | 1)) & mask
        t = ((t + (((t ^ (t >> 7)) * (t | 61)) & mask)) & mask) ^ t
        yield ((t ^ (t >> 14)) & mask) / 4294967296


def drawn_parameters(draws: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED) -> dict[str, np.ndarray]:
    """``draws`` settings of every parameter: those whose distribution is 'uniform' drawn
    between low and high (draw by draw, parameters in table order), the others at their value.

    Deterministic: the same seed gives the same draws, here and in the browser explorer.
    """
    return {name: array.copy() for name, array in _drawn(_count(draws, "draws"), _count(seed, "seed", minimum=0)).items()}


def _count(value, what: str, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        raise _error(f"{what} must be an integer of at least {minimum}, got {value!r}")
    return int(value)


@lru_cache(maxsize=4)
def _drawn(draws: int, seed: int) -> dict[str, np.ndarray]:
    frame = _parameters()
    drawn_names = frame.loc[frame["distribution"] == "uniform", "parameter"].tolist()
    generator = _mulberry32(seed)
    uniforms = np.array([[next(generator) for _ in drawn_names] for _ in range(draws)]).reshape(draws, len(drawn_names))
    values = {}
    for row in frame.itertuples():
        if row.parameter in drawn_names:
            column = uniforms[:, drawn_names.index(row.parameter)]
            values[row.parameter] = row.low + column * (row.high - row.low)
        else:
            values[row.parameter] = np.full(draws, float(row.value))
    return values


@lru_cache(maxsize=4)
def _drawn_scores(draws: int, seed: int) -> np.ndarray:
    """Criterion scores of every option in every draw: shape (draws, options, criteria)."""
    arrays = _criterion_arrays(_drawn(draws, seed), OPTION_IDS, money_bounds())
    return np.stack([np.stack([arrays[o][c] for c in CRITERIA], axis=-1) for o in OPTION_IDS], axis=1)


def _float_totals(scores: np.ndarray, weights: Mapping[str, float]) -> np.ndarray:
    """Weighted means over the last axis, summed criterion by criterion in order (as the
    browser does), so both give identical floats."""
    total = np.zeros(scores.shape[:-1])
    weight_sum = 0.0
    for index, criterion in enumerate(CRITERIA):
        total = total + weights[criterion] * scores[..., index]
        weight_sum = weight_sum + weights[criterion]
    return total / weight_sum


def _ranks(totals: np.ndarray) -> np.ndarray:
    """Rank (1 = first) of each option in each row; ties in table order."""
    order = np.argsort(-totals, axis=-1, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(1, totals.shape[-1] + 1)[None, :].repeat(totals.shape[0], axis=0), axis=-1)
    return ranks


def _interval(values: np.ndarray) -> tuple[float, float]:
    """The 5th and 95th percentiles (the central 90%) as order statistics."""
    ordered = np.sort(values)
    n = len(ordered)
    return float(ordered[math.floor(0.05 * (n - 1))]), float(ordered[math.ceil(0.95 * (n - 1))])


def score_digits(spread: float) -> int:
    """Decimals a score may carry when its central 90% spans ``spread``: one decimal for a
    spread of 0.05 or more, two down to 0.005, three below."""
    return 1 if spread >= 0.05 else 2 if spread >= 0.005 else 3


@dataclass(frozen=True)
class Robustness:
    """How far a ranking holds across the parameter ranges (see :func:`robustness`)."""

    weights: dict[str, float]
    parameters: dict[str, float]
    draws: int
    seed: int
    first_share: dict[str, float]
    rank_interval: dict[str, tuple[int, int]]
    total_interval: dict[str, tuple[float, float]]
    one_at_a_time: pd.DataFrame = field(repr=False)
    leaders: np.ndarray = field(repr=False)

    @property
    def leader(self) -> str:
        """The option that ranks first in the most draws (ties in table order)."""
        return max(OPTION_IDS, key=lambda option_id: (self.first_share.get(option_id, -1), -OPTION_IDS.index(option_id)))

    @property
    def near_tie(self) -> bool:
        """True when no option ranks first in a clear majority (``CLEAR_MAJORITY``) of draws."""
        return self.first_share[self.leader] < CLEAR_MAJORITY

    @property
    def contenders(self) -> list[str]:
        """The options named in a near tie: those first in at least ``TIE_SHARE`` of the
        draws (at least two), most first places first."""
        ordered = sorted(self.first_share, key=lambda o: (-self.first_share[o], OPTION_IDS.index(o)))
        named = [o for o in ordered if self.first_share[o] >= TIE_SHARE]
        return named if len(named) >= 2 else ordered[:2]

    def leader_changers(self) -> list[str]:
        """Parameters that change first place on their own (at their low or high end)."""
        frame = self.one_at_a_time
        return frame.loc[frame["changes_leader"], "parameter"].tolist()

    def summary(self) -> str:
        """The robustness in plain language: a near tie is called one, and no score is given
        more precisely than its spread across the draws supports."""
        return robustness_sentence(self)

    TABLE_COLUMNS = ("Option", "Ranks first in", "Rank (90% of draws)", "Score (90% of draws)")

    def table_rows(self) -> list[tuple[str, str, str, str]]:
        """The rows of :meth:`table` as tuples of text."""
        labels = _option_labels()
        ordered = sorted(self.first_share, key=lambda o: (-self.first_share[o], OPTION_IDS.index(o)))
        return [
            (labels[o], _percent(self.first_share[o], self.draws), _span(*self.rank_interval[o]), _score_span(*self.total_interval[o]))
            for o in ordered
        ]

    def table(self) -> pd.DataFrame:
        """One row per option: share of draws in which it ranks first, its rank interval and
        its score interval (central 90% of the draws), most first places first."""
        return pd.DataFrame(self.table_rows(), columns=list(self.TABLE_COLUMNS))


def _percent(share: float, draws: int) -> str:
    count = round(share * draws)
    return f"{(200 * count + draws) // (2 * draws)}%"


def _span(low, high) -> str:
    return f"{low:g}" if low == high else f"{low:g} to {high:g}"


def _score_span(low: float, high: float) -> str:
    digits = score_digits(high - low)
    return f"{low:.{digits}f} to {high:.{digits}f}"


def robustness(
    weights: Mapping[str, float] | None = None,
    parameters: Mapping[str, float] | None = None,
    options: Iterable[str] | None = None,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
) -> Robustness:
    """How far the ranking for ``weights`` holds across the ranges of the parameters.

    *All at once*: ``draws`` seeded, deterministic settings of every parameter with a range
    (see :func:`drawn_parameters`); reports the share of draws in which each option ranks
    first and its rank and score intervals. *One at a time*: starting from ``parameters``
    (default: the sourced defaults), each parameter with a range is set to its low and its high
    end; reports the first-placed option at each end and the leader's margin over the next.

    Raises :class:`TradeoffError` for invalid weights, parameters, options, draws or seed.
    """
    weights = check_weights(weights)
    values = check_parameters(parameters)
    chosen = check_options(options)
    draws, seed = _count(draws, "draws"), _count(seed, "seed", minimum=0)
    columns = [OPTION_IDS.index(o) for o in chosen]
    totals = _float_totals(_drawn_scores(draws, seed)[:, columns, :], weights)
    ranks = _ranks(totals)
    leaders = np.array(chosen)[np.argmax(ranks == 1, axis=1)]
    first_share = {o: float(np.count_nonzero(leaders == o)) / draws for o in chosen}
    rank_interval = {o: tuple(int(v) for v in _interval(ranks[:, i])) for i, o in enumerate(chosen)}
    total_interval = {o: _interval(totals[:, i]) for i, o in enumerate(chosen)}
    return Robustness(
        weights=weights, parameters=values, draws=draws, seed=seed, first_share=first_share,
        rank_interval=rank_interval, total_interval=total_interval,
        one_at_a_time=one_at_a_time(weights, values, chosen), leaders=leaders,
    )


def one_at_a_time(weights: Mapping[str, float] | None = None, parameters: Mapping[str, float] | None = None,
                  options: Iterable[str] | None = None) -> pd.DataFrame:
    """Each parameter with a range set to its low and its high end, the others as given: who
    ranks first at each end, and the margin of the first-placed option at ``parameters`` over
    the best other option (base, at low, at high; negative when it no longer leads). Sorted by
    how far the margin swings, largest first."""
    weights = check_weights(weights)
    values = check_parameters(parameters)
    chosen = check_options(options)
    names = contestable_parameters()
    settings = {name: np.full(1 + 2 * len(names), value) for name, value in values.items()}
    for index, name in enumerate(names):
        settings[name][1 + 2 * index], settings[name][2 + 2 * index] = parameter_range(name)
    arrays = _criterion_arrays(settings, chosen, money_bounds())
    scores = np.stack([np.stack([arrays[o][c] for c in CRITERIA], axis=-1) for o in chosen], axis=1)
    totals = _float_totals(scores, weights)
    leaders = [chosen[i] for i in np.argmax(_ranks(totals) == 1, axis=1)]
    base = chosen.index(leaders[0])
    others = np.delete(totals, base, axis=1)
    margins = (totals[:, base] - (others.max(axis=1) if others.shape[1] else 0)).tolist()
    labels, parameter_labels = option_labels(), _parameter_labels()
    rows = []
    for index, name in enumerate(names):
        low_row, high_row = 1 + 2 * index, 2 + 2 * index
        low, high = parameter_range(name)
        rows.append((
            name, parameter_labels[name], low, high, labels[leaders[low_row]], labels[leaders[high_row]],
            margins[0], margins[low_row], margins[high_row], leaders[low_row] != leaders[0] or leaders[high_row] != leaders[0],
            # rounded so that floating-point noise does not decide the order of parameters that do nothing
            round(abs(margins[high_row] - margins[low_row]), 12),
        ))
    rows.sort(key=lambda row: (-row[-1], row[0]))
    return pd.DataFrame(rows, columns=["parameter", "label", "low", "high", "leader_at_low", "leader_at_high", "margin_base",
                                       "margin_at_low", "margin_at_high", "changes_leader", "swing"])


@lru_cache(maxsize=1)
def _parameter_labels() -> dict[str, str]:
    return dict(zip(_parameters()["parameter"], _parameters()["label"]))


@lru_cache(maxsize=1)
def _option_labels() -> dict[str, str]:
    return dict(zip(_options()["option_id"], _options()["label"]))


def _join(names: list[str]) -> str:
    return join_and([f"“{name}”" for name in names])


def robustness_sentence(report: Robustness) -> str:
    """The robustness summary in two or three plain sentences."""
    labels = option_labels()
    n = f"{report.draws:,}"
    changers = len(report.leader_changers())
    total = len(report.one_at_a_time)
    if len(report.first_share) == 1:
        return f"Only “{labels[report.leader]}” is compared, so it ranks first in every draw."
    if report.near_tie:
        named = report.contenders
        shares = ", ".join(f"“{labels[o]}” {_percent(report.first_share[o], report.draws)}" for o in named)
        text = (f"Near tie between {_join([labels[o] for o in named])}: across {n} draws of the assumptions within their ranges, "
                f"none ranks first in a clear majority (first place: {shares}).")
    else:
        leader = report.leader
        low, high = report.total_interval[leader]
        text = (f"“{labels[leader]}” ranks first in {_percent(report.first_share[leader], report.draws)} of {n} draws of the "
                f"assumptions within their ranges (score {_score_span(low, high)} in 90% of draws).")
    if changers:
        text += f" {changers} of the {total} contestable assumptions can change first place on their own."
    else:
        text += f" None of the {total} contestable assumptions changes first place on its own."
    return text


def weights_that_rank_first(

    option_id: str, levels: Iterable[float] = (0, 1, 2, 3, 4, 5), margin: float = 0.01
) -> dict[str, float] | None:
    """The first weights (trying every combination of ``levels``) under which ``option_id``
    ranks first with the default parameters, at least ``margin`` ahead of the second, or
    ``None`` if none does."""
    check_options([option_id])
    import itertools

    grid = sorted({_number(level, "level") for level in levels})
    if any(level < 0 for level in grid):
        raise _error(f"levels must not be negative, got {grid}")
    for combination in itertools.product(grid, repeat=len(CRITERIA)):
        if not any(combination):
            continue
        weights = dict(zip(CRITERIA, combination))
        result = evaluate(weights)
        totals = result.scores.loc[result.ranking, "total"]
        if result.ranking[0] == option_id and (len(totals) == 1 or totals.iloc[0] - totals.iloc[1] >= margin):
            return weights
    return None


def source_ids() -> list[str]:
    """Every source id cited by the model's three tables, in order of first use."""
    cited: list[str] = []
    for frame in (_options(), _conditions(), _parameters()):
        for cell in frame["source_ids"]:
            cited.extend(split_list(cell))
    return list(dict.fromkeys(cited))


# The assumptions a reader can move in the widget and in the browser explorer: the ones that
# move the ranking most, and every judgement the money rests on.
# The weight sliders' range and step, the same in the widget and the kernel-free explorer.
WEIGHT_MAX = 10
WEIGHT_STEP = 0.5

MAIN_ASSUMPTIONS: tuple[str, ...] = (
    "unclear_credit",
    "follow_through_chance",
    "workshare_regain_share",
    "workshare_value_share",
    "f35_workshare_bn",
    "f35_payments_credit",
    "f35_paid_bn",
    "us_purchase_recovery",
    "s400_resale_recovery",
    "replacement_air_defence_bn",
    "replacement_air_defence_years",
    "legal_resolution_years",
    "f35_delivery_years",
)


def slider_step(name: str) -> float:
    """A slider step for parameter ``name`` that puts its low end, its default and its high end
    on the slider's grid (browsers snap a range input's value to its step), with at least ten
    steps across the range.

    >>> slider_step("replacement_air_defence_bn")
    0.02
    """
    low, high = parameter_range(name)
    value = default_parameters()[name]
    for step in (1, 0.5, 0.25, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001):
        if step > (high - low) / 10:
            continue
        if all(abs(x / step - round(x / step)) < 1e-9 for x in (value - low, high - low)):
            return step
    return 0.001
