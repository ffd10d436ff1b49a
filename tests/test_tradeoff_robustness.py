"""Robustness of the tradeoff ranking: one assumption at a time and all at once.

Property tests (hypothesis): shares of first place sum to 1; a parameter outside its range is
rejected with a clear error; a dominated option never leads in any draw; the same seed gives
the same result. Worked checks: the draws follow the parameter table, the wording calls a near
tie one, and the one-at-a-time table agrees with evaluate().
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer import tradeoff
from explainer.tradeoff import CRITERIA, OPTION_IDS, TradeoffError

CONTESTABLE = tradeoff.contestable_parameters()
weight = st.one_of(st.just(0.0), st.floats(min_value=1e-3, max_value=1e3, allow_nan=False, allow_infinity=False))
weights_strategy = st.fixed_dictionaries({criterion: weight for criterion in CRITERIA}).filter(lambda w: any(w.values()))
options_strategy = st.lists(st.sampled_from(OPTION_IDS), min_size=1, unique=True)
# small draw counts and a few seeds keep the property tests fast; the chapter uses 2,000 draws
draws_strategy = st.sampled_from([40, 100, 250])
seed_strategy = st.sampled_from([0, 1, 7, tradeoff.DEFAULT_SEED])


@settings(max_examples=120, deadline=None)
@given(weights=weights_strategy, options=options_strategy, draws=draws_strategy, seed=seed_strategy)
def test_shares_of_first_place_sum_to_one(weights, options, draws, seed):
    report = tradeoff.robustness(weights, options=options, draws=draws, seed=seed)
    assert sum(report.first_share.values()) == pytest.approx(1.0, abs=1e-12)
    assert set(report.first_share) == set(options)
    for option_id, (low, high) in report.rank_interval.items():
        assert 1 <= low <= high <= len(options), option_id


@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_a_parameter_outside_its_range_is_rejected_with_a_clear_error(data):
    name = data.draw(st.sampled_from(list(tradeoff.load_parameters()["parameter"])))
    low, high = tradeoff.parameter_range(name)
    outside = data.draw(st.one_of(
        st.floats(max_value=low, exclude_max=True, allow_nan=False, allow_infinity=False),
        st.floats(min_value=high, exclude_min=True, allow_nan=False, allow_infinity=False),
    ))
    with pytest.raises(TradeoffError, match=rf"parameter '{name}' must lie between"):
        tradeoff.robustness(parameters={name: outside}, draws=40)
    with pytest.raises(TradeoffError, match=rf"parameter '{name}' must lie between"):
        tradeoff.one_at_a_time(parameters={name: outside})


@settings(max_examples=150, deadline=None)
@given(weights=weights_strategy, draws=draws_strategy, seed=seed_strategy)
def test_a_dominated_option_never_leads_in_any_draw(weights, draws, seed):
    report = tradeoff.robustness(weights, draws=draws, seed=seed)
    scores = tradeoff._drawn_scores(draws, seed)  # (draws, options, criteria)
    positive = np.array([weights[c] > 0 for c in CRITERIA])
    for draw, leader in enumerate(report.leaders):
        mine = scores[draw, OPTION_IDS.index(str(leader))][positive]
        for other in range(len(OPTION_IDS)):
            theirs = scores[draw, other][positive]
            # strictly worse on a weighted criterion and nowhere better: dominated
            assert not (np.all(mine <= theirs) and np.any(mine < theirs)), (draw, leader, OPTION_IDS[other])


@settings(max_examples=60, deadline=None)
@given(weights=weights_strategy, draws=draws_strategy, seed=seed_strategy)
def test_the_same_seed_gives_the_same_result(weights, draws, seed):
    first = tradeoff.robustness(weights, draws=draws, seed=seed)
    tradeoff._drawn.cache_clear()
    tradeoff._drawn_scores.cache_clear()
    second = tradeoff.robustness(weights, draws=draws, seed=seed)
    assert first.first_share == second.first_share
    assert first.rank_interval == second.rank_interval
    assert first.total_interval == second.total_interval
    assert first.summary() == second.summary()


def test_different_seeds_give_different_draws():
    a = tradeoff.drawn_parameters(50, seed=1)["unclear_credit"]
    b = tradeoff.drawn_parameters(50, seed=2)["unclear_credit"]
    assert not np.array_equal(a, b)


def test_draws_follow_the_parameter_table():
    frame = tradeoff.load_parameters().set_index("parameter")
    drawn = tradeoff.drawn_parameters(500)
    for name, values in drawn.items():
        low, high = frame.at[name, "low"], frame.at[name, "high"]
        if frame.at[name, "distribution"] == "fixed":
            assert (values == frame.at[name, "value"]).all(), name
        else:
            assert values.min() >= low and values.max() <= high, name
            # uniform: about a tenth of the draws in each tenth of the range
            counts = np.histogram(values, bins=10, range=(low, high))[0]
            assert counts.min() > 20, (name, counts)
    assert set(frame.index[frame["distribution"] == "uniform"]) == set(CONTESTABLE)


def test_one_at_a_time_agrees_with_evaluate():
    table = tradeoff.one_at_a_time().set_index("parameter")
    labels = tradeoff.option_labels()
    for name in ("relations_ru_return_or_sell_abroad", "unclear_credit", "us_purchase_recovery"):
        low, high = tradeoff.parameter_range(name)
        assert table.at[name, "leader_at_low"] == labels[tradeoff.evaluate(parameters={name: low}).ranking[0]]
        assert table.at[name, "leader_at_high"] == labels[tradeoff.evaluate(parameters={name: high}).ranking[0]]
        at_high = tradeoff.evaluate(parameters={name: high})
        base_leader = tradeoff.evaluate().ranking[0]
        others = max(float(at_high.totals[o]) for o in OPTION_IDS if o != base_leader)
        assert table.at[name, "margin_at_high"] == pytest.approx(float(at_high.totals[base_leader]) - others, abs=1e-12)
    assert set(table.index) == set(CONTESTABLE)
    swings = tradeoff.one_at_a_time()["swing"].tolist()
    assert swings == sorted(swings, reverse=True)


def test_equal_weights_are_a_near_tie_and_the_text_says_so():
    report = tradeoff.robustness()
    assert report.near_tie
    labels = tradeoff.option_labels()
    text = report.summary()
    assert text.startswith("Near tie between")
    for option_id in report.contenders:
        assert labels[option_id] in text
    assert not re.search(r"” ranks first in \d+%", text)


def test_a_clear_leader_is_named_with_a_score_no_more_precise_than_its_spread():
    report = tradeoff.robustness({"moscow": 10, "legal": 1, "money": 1, "time": 1, "washington_nato": 1})
    assert not report.near_tie and report.leader == "keep-operational"
    low, high = report.total_interval["keep-operational"]
    digits = tradeoff.score_digits(high - low)
    assert f"score {low:.{digits}f} to {high:.{digits}f} in 90% of draws" in report.summary()
    assert f"{low:.{digits + 1}f}" not in report.summary()


@pytest.mark.parametrize(("spread", "digits"), [(0.2, 1), (0.05, 1), (0.049, 2), (0.005, 2), (0.0049, 3), (0.0, 3)])
def test_score_digits(spread, digits):
    assert tradeoff.score_digits(spread) == digits


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"draws": 0}, "draws must be an integer of at least 1, got 0"),
    ({"draws": 2.5}, "draws must be an integer"),
    ({"seed": -1}, "seed must be an integer of at least 0, got -1"),
    ({"seed": True}, "seed must be an integer"),
    ({"weights": {"legal": -1}}, "weight for 'legal' must not be negative"),
    ({"options": []}, "options is empty"),
])
def test_bad_robustness_arguments_are_named(kwargs, message):
    with pytest.raises(TradeoffError, match=message):
        tradeoff.robustness(**kwargs)



def _chapter_section(title: str) -> str:
    import nbformat

    notebook = nbformat.read(Path(__file__).resolve().parents[1] / "notebooks" / "05_f35_s400.ipynb", as_version=4)
    return next(cell.source for cell in notebook.cells if cell.cell_type == "markdown" and cell.source.startswith(title))


def test_chapter_05_summary_says_what_the_draws_show():
    summary = _chapter_section("## Summary")
    equal = tradeoff.robustness()
    # the text calls equal weights a near tie of three options, and says three judgements can flip it
    assert equal.near_tie and len(equal.contenders) == 3 and "near tie" in summary
    assert len(equal.leader_changers()) == 3 and "three unsourced relations judgements" in summary
    assert all(tradeoff.load_parameters().set_index("parameter").at[name, "is_judgement"] == "yes" for name in equal.leader_changers())
    assert all(name.startswith("relations_") for name in equal.leader_changers())
    # "Keeping the systems leads clearly only when relations with Moscow dominate"
    moscow = tradeoff.robustness(tradeoff.PRESETS["Moscow above all"])
    assert not moscow.near_tie and moscow.leader == "keep-operational"
    # and the exclusion from the F-35 programme is dated to April 2021, as a Pentagon official put it, not to July 2019
    assert "in April 2021 a Pentagon official said it had been officially excluded" in summary


def test_chapter_05_states_the_money_bounds_the_model_uses():
    low, high = tradeoff.money_bounds()
    text = _chapter_section("How the model counts money")
    assert f"−{abs(low):.1f} to +{high:.1f} billion USD" in text
