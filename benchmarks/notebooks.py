"""Benchmark: how long each chapter takes to run from a cold kernel, and how heavy it is.

For every notebook in notebooks/ this prints the wall time of a full execution (kernel start
included, median of --repeat runs), the size of the committed file, and the size of every plotly
figure the chapter draws (the JSON a browser receives). Run: `make benchmark` or
`python benchmarks/notebooks.py [--repeat N]`. A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from explainer.authoring.notebooks import chapter_paths, execute

ROOT = Path(__file__).resolve().parents[1]
PLOTLY_MIME = "application/vnd.plotly.v1+json"


def figure_sizes(notebook) -> list[int]:
    sizes = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            figure = output.get("data", {}).get(PLOTLY_MIME)
            if figure is not None:
                sizes.append(len(json.dumps(figure, separators=(",", ":"))))
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per notebook (median reported)")
    args = parser.parse_args()
    print(f"{'notebook':<44} {'run (s)':>8} {'file (kB)':>10}  figures (kB of JSON each)")
    for path in chapter_paths(ROOT / "notebooks"):
        times, executed = [], None
        for _ in range(args.repeat):
            started = time.perf_counter()
            executed = execute(path)
            times.append(time.perf_counter() - started)
        sizes = ", ".join(f"{size / 1000:.0f}" for size in figure_sizes(executed)) or "none"
        name = str(path.relative_to(ROOT / "notebooks"))
        print(f"{name:<44} {statistics.median(times):>8.2f} {path.stat().st_size / 1000:>10.0f}  {sizes}")


if __name__ == "__main__":
    main()
