"""The interactive S-400/F-35 tradeoff: ipywidgets controls over :mod:`explainer.tradeoff`.

Sliders set the reader's weights over the five criteria and the main contestable assumptions.
Linked outputs update in place on every change: the robustness summary (a live region), the
ranking, the one-at-a-time tornado chart and the money as plotly ``FigureWidget`` charts
(updated with ``batch_update``, never redrawn), and the robustness table (all assumptions at
once, 2,000 seeded draws) and the legal checklist as HTML widgets. Nothing is printed, so
the notebook output never grows. Every control is a native ipywidgets control with a visible
label: Tab moves between them and the arrow keys change a slider.

Examples
--------
>>> app = TradeoffWidget()
>>> app.weight_sliders["moscow"].value = 10
>>> "“Keep them operational” ranks first in" in app.summary.value
True
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import plotly.graph_objects as go

from explainer import tradeoff
from explainer import tradeoff_figures as figures
from explainer.tradeoff import CRITERIA, CRITERION_LABELS, WEIGHT_MAX, WEIGHT_STEP

ASSUMPTIONS = tradeoff.MAIN_ASSUMPTIONS
NO_KERNEL_TEXT = (
    "[Interactive tradeoff model: it needs a running Python kernel. "
    "In a static copy, use the explorer further down, which runs in the browser.]"
)
_LABEL_STYLE = {"description_width": "17em"}
_SLIDER_LAYOUT = {"width": "34em"}


class TradeoffWidget:
    """Controls and linked outputs for the tradeoff model; display it as the last expression
    of a notebook cell. ``update()`` recomputes everything; the sliders call it on change."""

    def __init__(self, weights=None, parameters=None):
        start_weights = tradeoff.check_weights(weights)
        start_parameters = tradeoff.check_parameters(parameters)
        frame = tradeoff.load_parameters().set_index("parameter")
        self.weight_sliders = {
            criterion: widgets.FloatSlider(
                value=start_weights[criterion], min=0, max=WEIGHT_MAX, step=WEIGHT_STEP,
                description=CRITERION_LABELS[criterion], style=_LABEL_STYLE, layout=_SLIDER_LAYOUT,
                continuous_update=False, readout_format=".1f",
            )
            for criterion in CRITERIA
        }
        self.assumption_sliders = {}
        for name in ASSUMPTIONS:
            low, high = tradeoff.parameter_range(name)
            judgement = " (judgement)" if frame.at[name, "is_judgement"] == "yes" else " (sources disagree)"
            self.assumption_sliders[name] = widgets.FloatSlider(
                value=start_parameters[name], min=low, max=high, step=tradeoff.slider_step(name),
                description=f"{frame.at[name, 'label']}{judgement}",
                description_allow_html=False, style=_LABEL_STYLE, layout=_SLIDER_LAYOUT,
                continuous_update=False, readout_format=".2f",
                tooltip=frame.at[name, "note"],
            )
        self.reset_button = widgets.Button(description="Reset to defaults", tooltip="Equal weights and the sourced defaults")
        self.summary = widgets.HTML()
        self.checklist = widgets.HTML()
        self.robustness_table = widgets.HTML()
        self.result = tradeoff.evaluate(start_weights, start_parameters)
        self.report = tradeoff.robustness(start_weights, start_parameters)
        self.ranking_figure = go.FigureWidget(figures.ranking_chart(self.result, report=self.report))
        self.tornado_figure = go.FigureWidget(figures.tornado_chart(self.report))
        self.money_figure = go.FigureWidget(figures.money_chart(self.result))
        self.checklist.value = figures.checklist_html()
        self.robustness_table.value = figures.robustness_html(self.report)
        self._set_summary(self.report.summary())
        for slider in [*self.weight_sliders.values(), *self.assumption_sliders.values()]:
            slider.observe(self._on_change, names="value")
        self.reset_button.on_click(self._on_reset)
        self._defaults = (dict(tradeoff.DEFAULT_WEIGHTS), tradeoff.default_parameters())
        self.container = widgets.VBox(
            [
                widgets.HTML("<b>Your weights</b> (0 = ignore, 10 = matters most)"),
                *self.weight_sliders.values(),
                widgets.HTML("<b>Contestable assumptions</b>"),
                *self.assumption_sliders.values(),
                self.reset_button,
                self.summary,
                self.ranking_figure,
                self.robustness_table,
                self.tornado_figure,
                self.checklist,
                self.money_figure,
            ]
        )

    # ------------------------------------------------------------------------------------
    def weights(self) -> dict[str, float]:
        """The weights the sliders show."""
        return {criterion: slider.value for criterion, slider in self.weight_sliders.items()}

    def parameters(self) -> dict[str, float]:
        """The assumptions the sliders show."""
        return {name: slider.value for name, slider in self.assumption_sliders.items()}

    def _set_summary(self, text: str, problem: bool = False) -> None:
        colour = "#A63D00" if problem else "#222222"
        self.summary.value = (
            f'<p role="status" aria-live="polite" style="font-size:15px;color:{colour};max-width:48em">{html.escape(text)}</p>'
        )

    def _on_change(self, _change=None) -> None:
        self.update()

    def _on_reset(self, _button=None) -> None:
        weights, parameters = self._defaults
        with self.ranking_figure.hold_trait_notifications():
            for criterion, slider in self.weight_sliders.items():
                slider.unobserve(self._on_change, names="value")
                slider.value = weights[criterion]
                slider.observe(self._on_change, names="value")
            for name, slider in self.assumption_sliders.items():
                slider.unobserve(self._on_change, names="value")
                slider.value = parameters[name]
                slider.observe(self._on_change, names="value")
        self.update()

    def update(self) -> None:
        """Recompute the model and its robustness from the sliders and update every output in
        place."""
        try:
            result = tradeoff.evaluate(self.weights(), self.parameters())
        except tradeoff.TradeoffError:
            self._set_summary("Give at least one criterion a weight above zero to rank the options.", problem=True)
            return
        report = tradeoff.robustness(result.weights, result.parameters)
        self.result, self.report = result, report
        bars = figures.ranking_bars(result, report)
        with self.ranking_figure.batch_update():
            trace = self.ranking_figure.data[0]
            trace.x, trace.y, trace.text, trace.customdata = bars["x"], bars["y"], bars["text"], bars["customdata"]
            self.ranking_figure.layout.title.text = (
                f"{html.escape(figures.ranking_title(result, report))}<br><sup>"
                + html.escape("Weights: " + ", ".join(f"{tradeoff.CRITERION_SHORT[c]} {result.weights[c]:g}" for c in CRITERIA))
                + "</sup>"
            )
        tornado = figures.tornado_bars(report)
        with self.tornado_figure.batch_update():
            low, high = self.tornado_figure.data[0], self.tornado_figure.data[1]
            low.y, low.x, high.y, high.x = tornado["y"], tornado["low"], tornado["y"], tornado["high"]
            self.tornado_figure.layout.shapes[0].x0 = self.tornado_figure.layout.shapes[0].x1 = -tornado["base"]
        parts = figures.money_bars(result)
        with self.money_figure.batch_update():
            for trace, part in zip(self.money_figure.data, parts):
                trace.x, trace.y = part["x"], part["y"]
                if "text" in part:
                    trace.text = part["text"]
        self.robustness_table.value = figures.robustness_html(report)
        self._set_summary(report.summary())

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.container._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        if isinstance(data, dict):
            # what a static copy (no kernel, no widget state) shows instead of the widget
            data["text/plain"] = NO_KERNEL_TEXT
        return bundle


def tradeoff_widget(weights=None, parameters=None) -> TradeoffWidget:
    """Build the interactive tradeoff (see :class:`TradeoffWidget`)."""
    return TradeoffWidget(weights, parameters)
