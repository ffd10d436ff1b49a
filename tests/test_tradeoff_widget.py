"""The tradeoff widget, driven programmatically: sliders change the outputs in place."""

from __future__ import annotations

import html

import plotly.graph_objects as go
import pytest

from explainer import tradeoff
from explainer.tradeoff_widget import ASSUMPTIONS, TradeoffWidget


@pytest.fixture()
def app():
    return TradeoffWidget()


def test_starts_from_equal_weights_and_the_sourced_defaults(app):
    assert app.weights() == tradeoff.DEFAULT_WEIGHTS
    defaults = tradeoff.default_parameters()
    assert app.parameters() == {name: defaults[name] for name in ASSUMPTIONS}
    assert isinstance(app.ranking_figure, go.FigureWidget) and isinstance(app.money_figure, go.FigureWidget)
    assert app.report.summary() in app.summary.value.replace("&quot;", '"')
    assert isinstance(app.tornado_figure, go.FigureWidget)


def test_moving_a_weight_slider_changes_ranking_chart_and_sentence(app):
    before_summary, before_y = app.summary.value, list(app.ranking_figure.data[0].y)
    app.weight_sliders["moscow"].value = 10
    expected = tradeoff.evaluate(app.weights(), app.parameters())
    labels = tradeoff.option_labels()
    assert app.summary.value != before_summary
    assert tradeoff.robustness(app.weights(), app.parameters()).summary() == html.unescape(app.summary.value.split(">", 1)[1].rsplit("<", 1)[0])
    assert f"“{labels[expected.ranking[0]]}” ranks first in" in app.summary.value
    assert list(app.ranking_figure.data[0].y) != before_y
    assert app.ranking_figure.data[0].y[0].replace("<br>", " ") == labels[expected.ranking[0]]
    assert list(app.ranking_figure.data[0].x) == [round(float(v), 4) for v in expected.ranked()["total"]]
    assert labels[expected.ranking[0]] in app.ranking_figure.layout.title.text


def test_moving_an_assumption_changes_the_money_chart(app):
    net = app.money_figure.data[-1]
    before = list(net.x)
    app.assumption_sliders["us_purchase_recovery"].value = 1.0
    after = list(app.money_figure.data[-1].x)
    assert after != before
    expected = tradeoff.evaluate(app.weights(), app.parameters()).ranked()["net_money_bn"]
    assert after == [round(float(v), 4) for v in expected]


def test_updates_in_place_without_new_figures_or_traces(app):
    ranking, money, traces = app.ranking_figure, app.money_figure, len(app.money_figure.data)
    for value in (0, 3, 7.5, 10):
        app.weight_sliders["legal"].value = value
    assert app.ranking_figure is ranking and app.money_figure is money
    assert len(app.money_figure.data) == traces and len(app.ranking_figure.data) == 1


def test_all_zero_weights_explain_instead_of_failing(app):
    for slider in app.weight_sliders.values():
        slider.value = 0
    assert "at least one criterion" in app.summary.value
    app.weight_sliders["time"].value = 1
    assert "draws of the assumptions" in app.summary.value


def test_reset_restores_defaults(app):
    app.weight_sliders["money"].value = 9
    app.assumption_sliders["unclear_credit"].value = 1.0
    app.reset_button.click()
    assert app.weights() == tradeoff.DEFAULT_WEIGHTS
    assert app.assumption_sliders["unclear_credit"].value == tradeoff.default_parameters()["unclear_credit"]
    assert app.result.ranking == tradeoff.evaluate().ranking


def test_callbacks_print_nothing(app, capsys):
    app.weight_sliders["washington_nato"].value = 4
    app.assumption_sliders["f35_delivery_years"].value = 6
    app.reset_button.click()
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_every_control_has_a_visible_label(app):
    for slider in [*app.weight_sliders.values(), *app.assumption_sliders.values()]:
        assert slider.description.strip()
    assert "aria-live" in app.summary.value
    assert '<th scope="col"' in app.checklist.value


def test_a_static_copy_shows_a_plain_note_instead_of_the_widget_repr(app):
    from explainer.tradeoff_widget import NO_KERNEL_TEXT

    bundle = app._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert data["text/plain"] == NO_KERNEL_TEXT
    assert "application/vnd.jupyter.widget-view+json" in data


def test_moving_a_weight_updates_the_robustness_table_and_tornado_in_place(app):
    tornado, before_table, before_low = app.tornado_figure, app.robustness_table.value, list(app.tornado_figure.data[0].x)
    app.weight_sliders["moscow"].value = 10
    report = tradeoff.robustness(app.weights(), app.parameters())
    assert app.tornado_figure is tornado
    assert app.robustness_table.value != before_table
    assert report.table_rows()[0][1] in app.robustness_table.value
    expected = report.one_at_a_time.head(12)
    assert list(app.tornado_figure.data[0].x) == [round(float(v), 4) for v in expected["margin_at_low"] - expected["margin_base"]]
    assert list(app.tornado_figure.data[0].x) != before_low


def test_sliders_sit_on_a_grid_that_holds_the_defaults(app):
    defaults = tradeoff.default_parameters()
    for name, slider in app.assumption_sliders.items():
        steps = (defaults[name] - slider.min) / slider.step
        assert abs(steps - round(steps)) < 1e-9, name
