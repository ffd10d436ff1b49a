"""Turkey's options for its Russian S-400s, scored against U.S. law, money, time and relations.

A pure model: no widgets, no plotting. Its inputs are three tables of the data package:

* ``tradeoff_options`` — the options (keep the S-400s operational, store them, put them under
  U.S. or third-party supervision, hand them to the U.S., return or sell them, dismantle them)
  and the facts U.S. law turns on for each (does Turkey still possess them? ...);
* ``legal_conditions`` — what the FY2020 NDAA requires for F-35 transfers and what CAATSA
  section 231 and the FY2021 NDAA (section 1241) require for lifting the sanctions;
* ``tradeoff_parameters`` — every number, each with its sources, a range, and a flag saying
  whether it is a judgement.

Each option gets five criterion scores between 0 (worst) and 1 (best):

``legal``
    the mean of two chances: that the F-35 conditions are met and that the sanction-lifting
    conditions are met (a condition that is met counts 1, one not met 0, an unclear one
    ``unclear_credit``; the chance of a group is the product over its conditions);
``money``
    the expected net money of the option in USD billion (F-35 work share regained and F-35
    payments put to use, each times the F-35 chance; part of the S-400 price recovered; minus
    the cost of replacing the S-400's air defence where the option gives it up), rescaled so
    that the best option compared scores 1 and the worst 0;
``time``
    1 minus the expected years until Turkey has F-35s plus the years it would be without the
    S-400's air-defence role, as a share of twice the planning horizon;
``washington_nato`` and ``moscow``
    the judgement scores of the parameters ``relations_us_*`` and ``relations_ru_*``
    (-1 to +1), rescaled to 0 to 1.

The reader's weights (any non-negative numbers, not all zero) give each option a weighted mean
of its scores, between 0 and 1; the options are ranked by it, ties in the order of the table.
The weighted mean is computed with exact fractions, so the ranking depends only on the ratios
of the weights.

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
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

import pandas as pd

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
    "f35_payments_used_bn": "F-35 payments put to use (expected)",
    "s400_value_recovered_bn": "S-400 value recovered",
    "replacement_air_defence_bn": "Replacing the S-400's air defence",
}
STATUS_MET, STATUS_NOT_MET, STATUS_UNCLEAR = "met", "not met", "unclear"


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


def load_parameters() -> pd.DataFrame:
    """The parameters table (a copy): defaults, ranges, units, judgement flags and sources."""
    return _parameters().copy()


OPTION_IDS: tuple[str, ...] = tuple(load_table("tradeoff_options")["option_id"])


def option_labels() -> dict[str, str]:
    """Option id -> its label."""
    return dict(zip(_options()["option_id"], _options()["label"]))


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
    conditions = _conditions().to_dict("records")
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
    return matrix.loc[check_options(options), list(_conditions()["condition_id"])]


# --------------------------------------------------------------------------------------------
# The scores


@dataclass(frozen=True)
class Result:
    """The outcome of :func:`evaluate`: scores, ranking and the inputs that produced them."""

    scores: pd.DataFrame
    ranking: list[str]
    weights: dict[str, float]
    parameters: dict[str, float]
    totals: dict[str, Fraction] = field(repr=False)

    def summary(self) -> str:
        """One plain-language sentence (two at most) on the ranking."""
        return ranking_sentence(self)

    def ranked(self) -> pd.DataFrame:
        """The scores in ranking order."""
        return self.scores.loc[self.ranking]


def _credit(status: str, unclear_credit: float) -> float:
    return {STATUS_MET: 1.0, STATUS_NOT_MET: 0.0}.get(status, unclear_credit)


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
    records = _records()
    unclear = values["unclear_credit"]
    horizon = values["horizon_years"]
    rows = {}
    for option_id in chosen:
        option = records[option_id]
        chance = {"f35": 1.0, "caatsa": 1.0}
        counts = {STATUS_MET: 0, STATUS_NOT_MET: 0, STATUS_UNCLEAR: 0}
        for _condition_id, applies_to, status in _statuses()[option_id]:
            chance[applies_to] *= _credit(status, unclear)
            counts[status] += 1
        p_f35, p_caatsa = chance["f35"], chance["caatsa"]
        gives_up = option["gives_up_air_defence"] == "yes"
        recovery = {"us-purchase": values["us_purchase_recovery"], "resale": values["s400_resale_recovery"]}.get(
            option["value_recovered_via"], 0.0
        )
        money = {
            "workshare_regained_bn": p_f35 * values["workshare_regain_share"] * values["f35_workshare_bn"],
            "f35_payments_used_bn": p_f35 * values["f35_paid_bn"],
            "s400_value_recovered_bn": recovery * values["s400_price_bn"],
            "replacement_air_defence_bn": -values["replacement_air_defence_bn"] if gives_up else 0.0,
        }
        years_to_f35 = min(
            horizon,
            p_f35 * (values["legal_resolution_years"] + values["f35_delivery_years"]) + (1 - p_f35) * horizon,
        )
        air_defence_gap = min(horizon, values["replacement_air_defence_years"]) if gives_up else 0.0
        rows[option_id] = {
            "label": option["label"],
            "p_f35": p_f35,
            "p_caatsa": p_caatsa,
            "conditions_met": counts[STATUS_MET],
            "conditions_unclear": counts[STATUS_UNCLEAR],
            "conditions_not_met": counts[STATUS_NOT_MET],
            **money,
            "net_money_bn": sum(money.values()),
            "years_to_f35": years_to_f35,
            "air_defence_gap_years": air_defence_gap,
            "legal": (p_f35 + p_caatsa) / 2,
            "time": 1 - (years_to_f35 + air_defence_gap) / (2 * horizon),
            "washington_nato": (values[relation_parameter("us", option_id)] + 1) / 2,
            "moscow": (values[relation_parameter("ru", option_id)] + 1) / 2,
        }
    nets = [row["net_money_bn"] for row in rows.values()]
    low, high = min(nets), max(nets)
    for row in rows.values():
        row["money"] = 0.5 if high == low else (row["net_money_bn"] - low) / (high - low)
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


def ranking_sentence(result: Result) -> str:
    """The ranking in a sentence or two of plain language."""
    ranked = result.ranked()
    first = ranked.iloc[0]
    digits = 2
    if len(ranked) > 1 and f"{first['total']:.2f}" == f"{ranked.iloc[1]['total']:.2f}":
        digits = 3
    text = f"With these weights, “{first['label']}” ranks first (score {first['total']:.{digits}f} out of 1)"
    if len(ranked) > 1:
        second = ranked.iloc[1]
        if result.totals[ranked.index[0]] == result.totals[ranked.index[1]]:
            text += f", tied with “{second['label']}”"
        else:
            text += f", ahead of “{second['label']}” ({second['total']:.{digits}f})"
        last = ranked.iloc[-1]
        if len(ranked) > 2:
            text += f"; “{last['label']}” ranks last ({last['total']:.2f})"
    met = int(first["conditions_met"])
    total = met + int(first["conditions_unclear"]) + int(first["conditions_not_met"])
    text += f". It meets {met} of the {total} legal conditions"
    if first["conditions_unclear"]:
        text += f" ({int(first['conditions_unclear'])} more unclear)"
    if first["p_f35"] == 1:
        text += " and would clear the way for F-35s."
    elif first["p_f35"] == 0:
        text += " and would not bring F-35s back."
    else:
        text += " and might or might not bring F-35s back."
    return text


def ranking_lines(result: Result) -> list[str]:
    """One line per option in ranking order: position, label, total and criterion scores."""
    lines = []
    for option_id in result.ranking:
        row = result.scores.loc[option_id]
        parts = ", ".join(f"{CRITERION_SHORT[criterion]} {row[criterion]:.2f}" for criterion in CRITERIA)
        lines.append(f"{int(row['rank'])}. {row['label']}: {row['total']:.3f} ({parts})")
    return lines


def print_ranking(weights: Mapping[str, float] | None = None, parameters: Mapping[str, float] | None = None) -> None:
    """Print the weights, the ranking and the summary sentence: the notebook's text output."""
    result = evaluate(weights, parameters)
    print("Weights: " + ", ".join(f"{CRITERION_SHORT[criterion]} {result.weights[criterion]:g}" for criterion in CRITERIA))
    print("\n".join(ranking_lines(result)))
    print(result.summary())


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
