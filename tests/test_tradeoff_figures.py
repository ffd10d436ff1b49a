"""Figures of the tradeoff: what they draw equals the model and the data; escaping; errors."""

from __future__ import annotations

import pytest

import explainer
from explainer import tradeoff
from explainer import tradeoff_figures as figures


def test_ranking_chart_draws_the_totals_in_ranking_order():
    result = tradeoff.evaluate({"legal": 2, "money": 1})
    fig = figures.ranking_chart(result)
    labels = tradeoff.option_labels()
    assert [y.replace("<br>", " ") for y in fig.data[0].y] == [labels[o] for o in result.ranking]
    assert list(fig.data[0].x) == [round(float(result.scores.loc[o, "total"]), 4) for o in result.ranking]
    assert fig.layout.meta["summary"] == result.summary()
    assert "ranks first" in explainer.describe(fig)


def test_money_chart_components_add_up_to_the_net():
    result = tradeoff.evaluate()
    fig = figures.money_chart(result)
    bars = [trace for trace in fig.data if trace.type == "bar"]
    net = fig.data[-1]
    for index in range(len(net.x)):
        assert sum(bar.x[index] for bar in bars) == pytest.approx(net.x[index], abs=1e-3)
    assert fig.layout.barmode == "relative"


def test_amounts_chart_draws_every_reported_figure_with_its_publisher():
    frame = figures.amounts_table()
    fig = figures.amounts_chart()
    drawn = [value for trace in fig.data for value in trace.x]
    assert sorted(drawn) == sorted(frame["amount_usd_bn"].tolist())
    labels = " ".join(y for trace in fig.data for y in trace.y)
    for who in ("Ellen Lord", "Erdoğan", "DSCA"):
        assert who in labels


def test_kernel_free_figure_has_one_button_per_preset_with_precomputed_rankings():
    fig = figures.kernel_free_figure()
    buttons = fig.layout.updatemenus[0].buttons
    assert [b.label for b in buttons] == [name for name in tradeoff.PRESETS]
    labels = tradeoff.option_labels()
    for button, (name, weights) in zip(buttons, tradeoff.PRESETS.items()):
        result = tradeoff.evaluate(weights)
        ys = [y.replace("<br>", " ") for y in button.args[0]["y"][0]]
        assert ys == [labels[o] for o in result.ranking]
        assert labels[result.ranking[0]] in button.args[1]["title.text"]
    assert fig.layout.meta["presets"]["Keep Moscow on side"][0] == labels[tradeoff.evaluate(tradeoff.PRESETS["Keep Moscow on side"]).ranking[0]]


def test_labels_from_data_are_escaped(monkeypatch):
    labels = tradeoff.option_labels()
    frame = tradeoff._options().copy()
    frame.loc[0, "label"] = "<b>Keep</b> & hold"
    monkeypatch.setattr(tradeoff, "_options", lambda: frame)
    monkeypatch.setattr(tradeoff, "_records", lambda: {row["option_id"]: row for row in frame.to_dict("records")})
    fig = figures.ranking_chart()
    assert any("&lt;b&gt;Keep&lt;/b&gt; &amp; hold" in y for y in fig.data[0].y)
    assert "<b>Keep</b>" not in "".join(fig.data[0].y)
    assert labels  # unchanged original


def test_checklist_table_and_html():
    table = figures.checklist_table()
    assert table.shape == (len(tradeoff.OPTION_IDS), 1 + len(tradeoff.load_conditions()))
    assert set(table.iloc[:, 1:].stack()) <= {"✓ met", "✗ not met", "? unclear"}
    assert "<caption" in figures.checklist_html()


def test_bad_arguments_are_named():
    with pytest.raises(TypeError, match="result must be a tradeoff.Result"):
        figures.ranking_chart("ranking")
    with pytest.raises(ValueError, match="presets is empty"):
        figures.kernel_free_figure({})
    with pytest.raises(tradeoff.TradeoffError, match="unknown criterion"):
        figures.kernel_free_figure({"Bad": {"speed": 1}})
