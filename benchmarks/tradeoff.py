"""Time the S-400/F-35 tradeoff: one full widget update, and one explorer update in Chromium.

Usage: python benchmarks/tradeoff.py [RUNS]   (default 300)

Widget: a slider change runs TradeoffWidget.update(): explainer.tradeoff.evaluate(), the
robustness analysis (2,000 seeded draws, whose criterion scores are computed once per seed and
cached, and every contestable assumption at its low and high end), then batch updates of the
ranking, tornado and money FigureWidgets and the summary and robustness HTML. Budget: 30 ms.

Explorer: the kernel-free explorer's HTML on a page with the plotly.js of the plotly wheel, in
Debian's Chromium driven by Playwright. One update is what a slider's input event runs: the
model, the robustness analysis over the same 2,000 draws, the summary (a live region), the
ranking bars and the robustness table. The two plotly charts (tornado, money) are redrawn in
the next animation frame; their time is reported separately. Budget: 16 ms, one frame.

Prints medians and 95th percentiles in milliseconds (wall clock).
"""

from __future__ import annotations

import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from explainer import tradeoff
from explainer.tradeoff_widget import TradeoffWidget

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


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


def widget(runs: int) -> None:
    app = TradeoffWidget()
    sliders = list(app.weight_sliders.values())
    values = [0.0, 2.5, 5.0, 10.0]

    def full_update(index: int) -> None:
        # a real slider change: the observer runs the model and robustness and updates every output in place
        slider, value = sliders[index % len(sliders)], values[index % len(values)]
        slider.value = value if slider.value != value else 1.0

    def model_only(index: int) -> None:
        tradeoff.evaluate({"legal": 1 + index % 5, "money": 1, "time": 1, "washington_nato": 1, "moscow": 1})

    def robustness_only(index: int) -> None:
        tradeoff.robustness({"legal": 1 + index % 5, "money": 1, "time": 1, "washington_nato": 1, "moscow": 1})

    for index in range(20):  # warm up caches and plotly's validators
        full_update(index)
    print(_report("Widget: one full update (model + robustness + figures + summary)", _timings(full_update, runs)))
    print(_report("Model alone (evaluate)", _timings(model_only, runs)))
    print(_report("Robustness alone (2,000 draws + one at a time)", _timings(robustness_only, runs)))


def explorer(runs: int) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("Explorer: skipped (Playwright for Python is not installed)")
        return
    if not Path(CHROMIUM).exists():
        print(f"Explorer: skipped (no Chromium at {CHROMIUM})")
        return
    import plotly

    from explainer.tradeoff_explorer import explorer_html

    folder = Path(tempfile.mkdtemp())
    shutil.copy(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", folder / "plotly.min.js")
    page_path = folder / "explorer.html"
    page_path.write_text('<!doctype html><html><head><meta charset="utf-8"><script src="plotly.min.js"></script></head><body>'
                         + explorer_html() + "</body></html>", encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        page = browser.new_page(viewport={"width": 1100, "height": 1400})
        page.goto(page_path.as_uri())
        page.wait_for_function("window.tradeoffExplorer !== undefined")
        timings = page.evaluate(
            """runs => {
              const E = window.tradeoffExplorer, slider = document.getElementById('tradeoff-explorer-weight-legal');
              const values = ['0', '2.5', '5', '10'], update = [], charts = [];
              for (let i = 0; i < runs + 20; i++) {
                slider.value = values[i % values.length] === slider.value ? '1' : values[i % values.length];
                const t0 = performance.now();
                slider.dispatchEvent(new Event('input'));
                const t1 = performance.now();
                E.drawCharts();
                const t2 = performance.now();
                if (i >= 20) { update.push(t1 - t0); charts.push(t2 - t1); }
              }
              return {update, charts};
            }""",
            runs,
        )
        version = browser.version
        browser.close()
    print(f"Chromium {version}")
    print(_report("Explorer: one update (model + robustness + summary + ranking + table)", timings["update"]))
    print(_report("Explorer: redrawing the two plotly charts (next animation frame)", timings["charts"]))


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 300
    print(f"Python {platform.python_version()} on {platform.machine()}")
    widget(runs)
    explorer(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
