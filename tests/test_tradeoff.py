"""The S-400/F-35 tradeoff model: its data, its legal checklist, its scores and its errors.

Property-based tests (hypothesis) check what must hold for any weights and parameters:
scores stay within bounds, scaling all weights leaves the ranking alone, raising a criterion's
weight never lowers an option that is best on it, an option's scores do not depend on which
other options are compared, and invalid input raises TradeoffError only. The robustness
analysis is tested in tests/test_tradeoff_robustness.py.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from explainer import tradeoff
from explainer.tables import split_list
from explainer.tradeoff import CRITERIA, OPTION_IDS, TradeoffError

PARAMETERS = tradeoff.load_parameters()
CONTESTABLE = tradeoff.contestable_parameters()

# Weights are zero or normal floats (tiny subnormal weights lose precision when scaled, which is
# floating point's doing, not the model's).
weight = st.one_of(st.just(0.0), st.floats(min_value=1e-100, max_value=1e6, allow_nan=False, allow_infinity=False))
weights_strategy = st.fixed_dictionaries({criterion: weight for criterion in CRITERIA}).filter(
    lambda weights: any(weights.values())
)


@st.composite
def parameters_strategy(draw):
    chosen = draw(st.lists(st.sampled_from(CONTESTABLE), unique=True, max_size=len(CONTESTABLE)))
    return {name: draw(st.floats(*tradeoff.parameter_range(name))) for name in chosen}


options_strategy = st.lists(st.sampled_from(OPTION_IDS), min_size=1, unique=True)


# ---------------------------------------------------------------------------------------------
# The data behind the model


def test_every_parameter_cites_a_source_and_judgements_carry_a_range(source_ids):
    for row in PARAMETERS.itertuples():
        cited = split_list(row.source_ids)
        assert cited and set(cited) <= source_ids, row.parameter
        assert row.low <= row.value <= row.high, row.parameter
        if row.is_judgement == "yes":
            assert row.low < row.high, f"{row.parameter}: a judgement needs a plausible range"
            assert "judgement" in row.note.lower(), f"{row.parameter}: the note must say it is a judgement"


def test_parameters_where_sources_disagree_carry_the_range_of_the_sources():
    frame = PARAMETERS.set_index("parameter")
    assert (frame.at["f35_workshare_bn", "low"], frame.at["f35_workshare_bn", "high"]) == (9, 12)
    assert (frame.at["f35_paid_bn", "low"], frame.at["f35_paid_bn", "high"]) == (1.25, 1.4)
    assert frame.at["s400_price_bn", "value"] == 2.5


def test_every_option_has_both_relations_parameters():
    names = set(PARAMETERS["parameter"])
    for option_id in OPTION_IDS:
        assert tradeoff.relation_parameter("us", option_id) in names
        assert tradeoff.relation_parameter("ru", option_id) in names


def test_the_options_cover_the_choices_the_article_and_the_law_raise():
    assert set(OPTION_IDS) == {
        "keep-operational", "store-inactive", "supervise-in-turkey", "hand-over-to-us", "return-or-sell-abroad", "dismantle",
    }


def test_the_settling_time_no_longer_rests_on_the_lapsed_forecast():
    row = PARAMETERS.set_index("parameter").loc["legal_resolution_years"]
    # Barrack's "four to six months" of December 2025 ran out by June 2026, before the sources were read
    assert row.value >= 0.5 and "window has passed" in row.note
    assert "30 November 2026" in row.note


def test_legal_texts_are_paraphrases_or_quoted_official_summaries():
    conditions = tradeoff.load_conditions()
    for row in conditions.itertuples():
        if row.text_kind == "paraphrase":
            assert "“" not in row.text and '"' not in row.text, row.condition_id
        else:
            assert row.text.startswith("“"), row.condition_id
    assert set(conditions["applies_to"]) == {"f35", "caatsa"}


# ---------------------------------------------------------------------------------------------
# The legal checklist


def test_checklist_follows_the_option_facts():
    matrix = tradeoff.checklist_matrix()
    assert matrix.loc["keep-operational", "caatsa231-no-new-transaction"] == "unclear"
    assert matrix.loc["keep-operational", "ndaa2020-no-possession"] == "not met"
    assert matrix.loc["store-inactive", "ndaa2020-no-possession"] == "not met"
    assert matrix.loc["supervise-in-turkey", "ndaa2020-no-possession"] == "unclear"
    assert matrix.loc["hand-over-to-us", "ndaa2020-no-possession"] == "met"
    assert matrix.loc["return-or-sell-abroad", "caatsa231-no-new-transaction"] == "unclear"
    assert (matrix["ndaa2021-one-year"] == "met").all()


def test_condition_status_reads_the_named_field():
    condition = {"option_field": "possession", "required_value": "no"}
    assert tradeoff.condition_status(condition, {"possession": "no"}) == "met"
    assert tradeoff.condition_status(condition, {"possession": "yes"}) == "not met"
    assert tradeoff.condition_status(condition, {"possession": "unclear"}) == "unclear"


# ---------------------------------------------------------------------------------------------
# Scores: worked values


def test_money_is_computed_from_the_parameters():
    result = tradeoff.evaluate()
    values = tradeoff.default_parameters()
    hand_over = result.scores.loc["hand-over-to-us"]
    # hand-over meets the one F-35 condition, so the F-35 chance is the follow-through judgement
    p_f35 = values["follow_through_chance"]
    expected = (
        p_f35 * values["workshare_regain_share"] * values["f35_workshare_bn"] * values["workshare_value_share"]
        + p_f35 * values["f35_payments_credit"] * values["f35_paid_bn"]
        + values["us_purchase_recovery"] * values["s400_price_bn"]
        - values["replacement_air_defence_bn"]
    )
    assert hand_over["p_f35"] == pytest.approx(p_f35)
    assert hand_over["net_money_bn"] == pytest.approx(expected)
    assert result.scores.loc["keep-operational", "net_money_bn"] == 0
    low, high = tradeoff.money_bounds()
    assert hand_over["money"] == pytest.approx((expected - low) / (high - low))


def test_money_bounds_are_the_extremes_of_the_ranges():
    low, high = tradeoff.money_bounds()
    frame = PARAMETERS.set_index("parameter")
    # highest: the U.S. buys at the top of its range, every F-35 gain at the top, cheapest replacement
    best = (
        frame.at["unclear_credit", "high"] * 0 + frame.at["follow_through_chance", "high"]
        * (frame.at["workshare_regain_share", "high"] * frame.at["f35_workshare_bn", "high"] * frame.at["workshare_value_share", "high"]
           + frame.at["f35_payments_credit", "high"] * frame.at["f35_paid_bn", "high"])
        + frame.at["us_purchase_recovery", "high"] * frame.at["s400_price_bn", "high"]
        - frame.at["replacement_air_defence_bn", "low"]
    )
    assert high == pytest.approx(best)
    assert low == pytest.approx(-frame.at["replacement_air_defence_bn", "high"])


def test_meeting_the_f35_condition_is_not_delivery():
    scores = tradeoff.evaluate(parameters={"follow_through_chance": 0.2}).scores
    assert scores.loc["dismantle", "share_f35"] == 1
    assert scores.loc["dismantle", "p_f35"] == pytest.approx(0.2)
    assert scores.loc["keep-operational", "p_f35"] == 0


def test_procedural_steps_are_listed_but_not_scored_per_option():
    steps = tradeoff.procedural_steps()
    assert set(steps["condition_id"]) == {"ndaa2020-certification", "caatsa216-congressional-review"}
    assert not set(steps["condition_id"]) & set(tradeoff.checklist_matrix().columns)
    assert "1245" in tradeoff.load_conditions().set_index("condition_id").at["ndaa2020-no-possession", "provision"]


def test_unclear_credit_moves_only_options_with_unclear_conditions():
    strict = tradeoff.evaluate(parameters={"unclear_credit": 0.0}).scores
    lenient = tradeoff.evaluate(parameters={"unclear_credit": 1.0}).scores
    # supervision: possession unclear under both laws; the other four sanction conditions met
    assert strict.loc["supervise-in-turkey", "legal"] == pytest.approx((0 + 4 / 5) / 2)
    assert lenient.loc["supervise-in-turkey", "legal"] == 1
    assert strict.loc["dismantle", "legal"] == lenient.loc["dismantle", "legal"] == 1
    assert strict.loc["return-or-sell-abroad", "legal"] == pytest.approx((1 + 4 / 5) / 2)


def test_a_single_criterion_ranks_by_that_criterion():
    result = tradeoff.evaluate({"washington_nato": 1})
    scores = result.scores.loc[result.ranking, "washington_nato"].tolist()
    assert scores == sorted(scores, reverse=True)
    assert result.ranking[-1] == "keep-operational"


def test_summary_names_the_first_and_the_last_option():
    result = tradeoff.evaluate({"moscow": 1})
    labels = tradeoff.option_labels()
    assert f"“{labels[result.ranking[0]]}” scores highest" in result.summary()
    assert f"“{labels[result.ranking[-1]]}” ranks last" in result.summary()


def test_the_store_option_never_ranks_first_with_the_defaults():
    assert tradeoff.weights_that_rank_first("store-inactive") is None
    found = tradeoff.weights_that_rank_first("dismantle")
    assert found is not None and tradeoff.evaluate(found).ranking[0] == "dismantle"


def test_presets_give_different_winners():
    winners = {tuple(tradeoff.evaluate(weights).ranking[:1]) for weights in tradeoff.PRESETS.values()}
    assert len(winners) >= 3


# ---------------------------------------------------------------------------------------------
# Properties


@settings(max_examples=100, deadline=None)
@given(weights=weights_strategy, parameters=parameters_strategy(), options=options_strategy)
def test_scores_stay_within_bounds(weights, parameters, options):
    scores = tradeoff.evaluate(weights, parameters, options).scores
    for column in (*CRITERIA, "total", "p_f35", "share_f35", "share_caatsa"):
        assert ((scores[column] >= 0) & (scores[column] <= 1)).all(), column
    assert (scores["years_to_f35"] <= tradeoff.check_parameters(parameters)["horizon_years"]).all()
    assert sorted(scores["rank"]) == list(range(1, len(options) + 1))


@settings(max_examples=100, deadline=None)
@given(weights=weights_strategy, parameters=parameters_strategy(), exponent=st.integers(-30, 30))
def test_scaling_weights_by_a_power_of_two_leaves_ranking_and_totals_unchanged(weights, parameters, exponent):
    # Multiplying by a power of two is exact in floating point, so the totals must be equal exactly.
    factor = 2.0**exponent
    scaled = {criterion: weight * factor for criterion, weight in weights.items()}
    assume(all(math.isfinite(value) for value in scaled.values()) and any(scaled.values()))
    assume(all((weight == 0) == (scaled[c] == 0) for c, weight in weights.items()))
    before = tradeoff.evaluate(weights, parameters)
    after = tradeoff.evaluate(scaled, parameters)
    assert after.ranking == before.ranking
    assert after.totals == before.totals


@settings(max_examples=100, deadline=None)
@given(
    weights=weights_strategy,
    parameters=parameters_strategy(),
    factor=st.floats(min_value=1e-6, max_value=1e6, allow_nan=False, allow_infinity=False),
)
def test_scaling_weights_by_any_positive_constant_leaves_the_ranking_unchanged(weights, parameters, factor):
    scaled = {criterion: weight * factor for criterion, weight in weights.items()}
    before = tradeoff.evaluate(weights, parameters)
    totals = sorted(before.totals.values())
    # Rounding c * w in floating point moves a total by about 1e-16; only options closer than
    # that could swap, so such near-ties (not ties: those are broken by table order) are skipped.
    gaps = [b - a for a, b in zip(totals, totals[1:]) if b != a]
    assume(all(gap > Fraction(1, 10**9) for gap in gaps))
    assume(all((weight == 0) == (scaled[c] == 0) for c, weight in weights.items()))
    ties = len(set(totals)) < len(totals)
    after = tradeoff.evaluate(scaled, parameters)
    if ties:
        # exact ties stay ties: every option keeps its total up to rounding
        for option_id in OPTION_IDS:
            assert float(after.totals[option_id]) == pytest.approx(float(before.totals[option_id]), abs=1e-12)
    else:
        assert after.ranking == before.ranking


@settings(max_examples=120, deadline=None)
@given(
    weights=weights_strategy,
    parameters=parameters_strategy(),
    criterion=st.sampled_from(CRITERIA),
    increase=st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False),
)
def test_raising_a_weight_never_lowers_an_option_best_on_that_criterion(weights, parameters, criterion, increase):
    before = tradeoff.evaluate(weights, parameters)
    raised = dict(weights, **{criterion: weights[criterion] + increase})
    after = tradeoff.evaluate(raised, parameters)
    best_score = before.scores[criterion].max()
    for option_id in before.scores.index[before.scores[criterion] == best_score]:
        assert after.ranking.index(option_id) <= before.ranking.index(option_id), (option_id, criterion)


@settings(max_examples=200, deadline=None)
@given(weights=weights_strategy, parameters=parameters_strategy(), options=options_strategy)
def test_an_options_scores_do_not_depend_on_which_others_are_compared(weights, parameters, options):
    alone = tradeoff.evaluate(weights, parameters, options).scores
    everyone = tradeoff.evaluate(weights, parameters).scores
    for option_id in options:
        for column in (*CRITERIA, "net_money_bn"):
            assert alone.loc[option_id, column] == everyone.loc[option_id, column], (option_id, column)
        assert tradeoff.evaluate(weights, parameters, options).totals[option_id] == tradeoff.evaluate(weights, parameters).totals[option_id]


# ---------------------------------------------------------------------------------------------
# Errors: every invalid input raises TradeoffError, naming the problem, and nothing else


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"legal": -1.0}, r"weight for 'legal' must not be negative, got -1"),
        ({"legal": 0, "money": 0}, r"weights are all zero"),
        ({"legal": float("nan")}, r"weight for 'legal' must be a number, got NaN"),
        ({"legal": float("inf")}, r"weight for 'legal' must be finite"),
        ({"speed": 1.0}, r"unknown criterion 'speed'"),
        ({"legal": "high"}, r"weight for 'legal' must be a number, got 'high'"),
        ({"legal": True}, r"weight for 'legal' must be a number, got True"),
        ([1, 2, 3], r"weights must be a mapping"),
    ],
)
def test_invalid_weights_raise_a_named_error(weights, message):
    with pytest.raises(TradeoffError, match=message):
        tradeoff.evaluate(weights)


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"s400_price": 2.5}, r"unknown parameter 's400_price'"),
        ({"unclear_credit": float("nan")}, r"parameter 'unclear_credit' must be a number, got NaN"),
        ({"unclear_credit": 1.5}, r"parameter 'unclear_credit' must lie between 0 and 1, got 1.5"),
        ({"f35_workshare_bn": 20}, r"parameter 'f35_workshare_bn' must lie between 9 and 12"),
        ("unclear_credit", r"parameters must be a mapping"),
    ],
)
def test_invalid_parameters_raise_a_named_error(parameters, message):
    with pytest.raises(TradeoffError, match=message):
        tradeoff.evaluate(parameters=parameters)


@pytest.mark.parametrize(
    ("options", "message"),
    [(["sink-them"], r"unknown option 'sink-them'"), ([], r"options is empty"), ("dismantle", r"not a single string")],
)
def test_invalid_options_raise_a_named_error(options, message):
    with pytest.raises(TradeoffError, match=message):
        tradeoff.evaluate(options=options)


def test_tradeoff_error_is_a_value_error():
    assert issubclass(TradeoffError, ValueError)


bad_number = st.sampled_from([float("nan"), float("inf"), -float("inf"), "1", None, True])


@settings(max_examples=120, deadline=None)
@given(
    data=st.data(),
    kind=st.sampled_from(["negative-weight", "bad-weight", "zero-weights", "unknown-criterion", "unknown-option",
                          "unknown-parameter", "bad-parameter", "out-of-range-parameter"]),
)
def test_every_invalid_input_raises_tradeoff_error_and_nothing_else(data, kind):
    weights = data.draw(weights_strategy)
    parameters, options = None, None
    if kind == "negative-weight":
        weights[data.draw(st.sampled_from(CRITERIA))] = data.draw(st.floats(max_value=-1e-12, allow_nan=False, allow_infinity=False))
    elif kind == "bad-weight":
        weights[data.draw(st.sampled_from(CRITERIA))] = data.draw(bad_number)
    elif kind == "zero-weights":
        weights = dict.fromkeys(data.draw(st.lists(st.sampled_from(CRITERIA), unique=True)), 0.0)
    elif kind == "unknown-criterion":
        weights[data.draw(st.text(min_size=1).filter(lambda name: name not in CRITERIA))] = 1.0
    elif kind == "unknown-option":
        options = [data.draw(st.text().filter(lambda name: name not in OPTION_IDS))]
    elif kind == "unknown-parameter":
        parameters = {data.draw(st.text().filter(lambda name: name not in set(PARAMETERS["parameter"]))): 1.0}
    elif kind == "bad-parameter":
        parameters = {data.draw(st.sampled_from(list(PARAMETERS["parameter"]))): data.draw(bad_number)}
    else:
        name = data.draw(st.sampled_from(list(PARAMETERS["parameter"])))
        low, high = tradeoff.parameter_range(name)
        parameters = {name: data.draw(st.sampled_from([low - 1, high + 1, low - 1e-6 * (1 + abs(low))]))}
    with pytest.raises(TradeoffError):
        tradeoff.evaluate(weights, parameters, options)
