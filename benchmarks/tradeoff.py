"""Time one full update of the S-400/F-35 tradeoff widget: the model plus the figure updates.

Usage: python benchmarks/tradeoff.py [RUNS]   (default 300)

A slider change runs TradeoffWidget.update(): explainer.tradeoff.evaluate(), then batch updates
of the ranking and money FigureWidgets and the summary HTML. The script also times the model
alone. It prints medians and 95th percentiles in milliseconds; the target is well under 50 ms.
"""

from __future__ import annotations

import platform
import statistics
import sys
import time

from explainer import tradeoff
from explainer.tradeoff_widget import TradeoffWidget


def _timings(action, runs: int) -> list[float]:
    samples = []
    for index in range(runs):
        started = time.perf_counter()
        action(index)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _report(name: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"{name}: median {statistics.median(samples):.2f} ms, 95th percentile {p95:.2f} ms over {len(samples)} runs"


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 300
    app = TradeoffWidget()
    sliders = list(app.weight_sliders.values())
    values = [0.0, 2.5, 5.0, 10.0]

    def full_update(index: int) -> None:
        # a real slider change: the observer runs the model and updates both figures in place
        sliders[index % len(sliders)].value = values[index % len(values)] if sliders[index % len(sliders)].value != values[index % len(values)] else 1.0

    def model_only(index: int) -> None:
        tradeoff.evaluate({"legal": 1 + index % 5, "money": 1, "time": 1, "washington_nato": 1, "moscow": 1})

    for index in range(20):  # warm up caches and plotly's validators
        full_update(index)
    print(f"Python {platform.python_version()} on {platform.machine()}")
    print(_report("One full update (model + figures + summary)", _timings(full_update, runs)))
    print(_report("Model alone (evaluate)", _timings(model_only, runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
