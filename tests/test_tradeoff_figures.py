"""Figures of the tradeoff: what they draw equals the model and the data; escaping; errors."""

from __future__ import annotations

import html

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
    assert fig.layout.meta["summary"] == tradeoff.robustness({"legal": 2, "money": 1}).summary()
    assert fig.layout.meta["summary"] in explainer.describe(fig)


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


def test_tornado_chart_draws_the_one_at_a_time_table():
    report = tradeoff.robustness()
    fig = figures.tornado_chart(report)
    table = report.one_at_a_time.head(figures.TORNADO_ROWS)
    low, high = fig.data[0], fig.data[1]
    assert [html.unescape(y.replace("<br>", " ")).removeprefix("⇄ ") for y in low.y] == table["label"].tolist()
    assert list(low.x) == [round(float(v), 4) for v in table["margin_at_low"] - table["margin_base"]]
    assert list(high.x) == [round(float(v), 4) for v in table["margin_at_high"] - table["margin_base"]]
    changers = [y for y in low.y if y.startswith("⇄ ")]
    assert len(changers) == int(table["changes_leader"].sum())
    assert fig.layout.shapes[0].x0 == pytest.approx(-float(table["margin_base"].iloc[0]))
    assert f"{len(report.leader_changers())} assumptions can change first place" in fig.layout.title.text


def test_ranking_chart_calls_a_near_tie_one_and_limits_decimals():
    report = tradeoff.robustness()
    fig = figures.ranking_chart(report=report)
    assert fig.layout.title.text.startswith("Near tie")
    for text, option_id in zip(fig.data[0].text, tradeoff.evaluate().ranking):
        low, high = report.total_interval[option_id]
        assert len(text.split(".")[1]) == tradeoff.score_digits(high - low)


def test_robustness_html_is_an_accessible_table_of_the_report():
    report = tradeoff.robustness()
    page = figures.robustness_html(report)
    assert page.count('<th scope="row"') == len(tradeoff.OPTION_IDS) and "<caption" in page
    for row in report.table_rows():
        assert html.escape(row[0]) in page and row[1] in page


def test_labels_from_data_are_escaped(monkeypatch):
    labels = tradeoff.option_labels()
    frame = tradeoff._options().copy()
    frame.loc[0, "label"] = "<b>Keep</b> & hold"
    monkeypatch.setattr(tradeoff, "_options", lambda: frame)
    monkeypatch.setattr(tradeoff, "_records", lambda: {row["option_id"]: row for row in frame.to_dict("records")})
    monkeypatch.setattr(tradeoff, "_option_labels", lambda: dict(zip(frame["option_id"], frame["label"])))
    fig = figures.ranking_chart()
    assert any("&lt;b&gt;Keep&lt;/b&gt; &amp; hold" in y for y in fig.data[0].y)
    assert "<b>Keep</b>" not in "".join(fig.data[0].y)
    assert labels  # unchanged original


def test_checklist_table_and_html():
    table = figures.checklist_table()
    assert table.shape == (len(tradeoff.OPTION_IDS), 1 + len(tradeoff.scored_conditions()))
    assert set(table.iloc[:, 1:].stack()) <= {"✓ met", "✗ not met", "? unclear"}
    assert "<caption" in figures.checklist_html()


def test_bad_arguments_are_named():
    with pytest.raises(TypeError, match="result must be a tradeoff.Result"):
        figures.ranking_chart("ranking")
    with pytest.raises(TypeError, match="report must be a tradeoff.Robustness"):
        figures.tornado_chart("report")
    with pytest.raises(ValueError, match="either report or weights"):
        figures.tornado_chart(tradeoff.robustness(draws=40), weights={"legal": 1})
