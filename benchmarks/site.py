"""Page weight and time until every figure has drawn, for every page of the built site.

Serves build/site (run `make site` first) from 127.0.0.1 and opens each page in Debian's
Chromium (Playwright), with every request outside the site refused. For each page:

- own kB: the HTML plus every file only that page loads (its figures travel inside the HTML);
- shared kB: what every page loads once and the browser caches (plotly.js, theme, fonts);
- drawn ms: from navigation start until every plotly figure on the page has drawn its SVG
  (maps with their country paths), median of three cold loads.

Usage: python benchmarks/site.py [--screenshots DIR]
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "build" / "site"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHARED_PREFIXES = ("_static/", "pagefind/")
RUNS = 3
FIGURES_DRAWN = """() => [...document.querySelectorAll('.explainer-figure')].every(figure => {
    const plot = figure.querySelector('.js-plotly-plot');
    return plot && plot.querySelector('svg.main-svg')
        && (!plot.querySelector('.geo') || plot.querySelectorAll('path.choroplethlocation').length > 0);
})"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def page_weight(relative_paths: set[str]) -> tuple[int, int]:
    """(own bytes, shared bytes) of the files a page loaded, by their size on disk."""
    own = shared = 0
    for relative in relative_paths:
        path = SITE / relative
        if not path.is_file():
            continue
        if relative.startswith(SHARED_PREFIXES):
            shared += path.stat().st_size
        else:
            own += path.stat().st_size
    return own, shared


def measure(browser, origin: str, name: str, screenshots: Path | None) -> dict:
    times, loaded = [], set()
    figures = 0
    for run in range(RUNS):
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin) else route.abort())
        page.on("requestfinished", lambda request: loaded.add(unquote(urlsplit(request.url).path)[1:]))
        page.goto(origin + name, wait_until="load")
        page.wait_for_function(FIGURES_DRAWN, timeout=60_000, polling=20)
        times.append(page.evaluate("() => performance.now()"))
        figures = page.evaluate("() => document.querySelectorAll('.explainer-figure').length")
        if screenshots and run == 0:
            page.screenshot(path=str(screenshots / (Path(name).stem + ".png")), full_page=True)
        context.close()
    own, shared = page_weight(loaded)
    return {"page": name, "figures": figures, "own_kB": own / 1000, "shared_kB": shared / 1000, "drawn_ms": statistics.median(times)}


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshots", type=Path, help="also save a full-page screenshot of every page here")
    args = parser.parse_args(argv)
    if not (SITE / "index.html").is_file():
        print("no built site in build/site: run `make site` first", file=sys.stderr)
        return 1
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(SITE)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{httpd.server_address[1]}/"
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
            for path in sorted(SITE.glob("*.html")):
                rows.append(measure(browser, origin, path.name, args.screenshots))
            browser.close()
    finally:
        httpd.shutdown()
    print(f"{'page':<40} {'figures':>7} {'own kB':>8} {'shared kB':>10} {'drawn ms':>9}")
    print("-" * 78)
    for row in rows:
        print(f"{row['page']:<40} {row['figures']:>7} {row['own_kB']:>8.0f} {row['shared_kB']:>10.0f} {row['drawn_ms']:>9.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
