"""Open a chapter in a real JupyterLab, run it, and report what a reader would see.

Starts JupyterLab on 127.0.0.1, drives Debian's Chromium with Playwright (never a downloaded
browser), runs every cell from the command palette, waits for the kernel to go idle, then prints
how many plotly figures and map paths drew, and how the rendered citations read (numbered links
with a tooltip, no raw ``[@id]`` key). With --slider it also moves the first widget slider
with the keyboard and reports whether the widget's text output changed. A manual check, not a
test: it needs a browser and a few seconds per chapter.

Usage: python scripts/check_in_jupyterlab.py 05_f35_s400.ipynb [--slider] [--screenshot out.png]
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import time
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDGET_TEXT = "() => Array.from(document.querySelectorAll('.widget-html-content')).map(e => e.innerText).join(' | ')"


def wait_until_idle(page, timeout: float = 180) -> None:
    time.sleep(5)
    deadline = time.time() + timeout
    while time.time() < deadline:
        if "| Idle" in page.evaluate("() => document.body.innerText.slice(-600)"):
            return
        time.sleep(2)
    raise TimeoutError("the kernel did not go idle")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook")
    parser.add_argument("--slider", action="store_true")
    parser.add_argument("--screenshot")
    parser.add_argument("--port", type=int, default=8899)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    token = "check"
    lab = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", f"--port={args.port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={NOTEBOOKS}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(6)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"http://127.0.0.1:{args.port}/lab/tree/{args.notebook}?token={token}&reset")
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60000)
            time.sleep(3)
            page.click(".jp-Notebook .jp-Cell")
            page.keyboard.press("Escape")
            page.keyboard.press("Control+Shift+C")
            page.keyboard.type("Run All Cells")
            time.sleep(1)
            page.keyboard.press("Enter")
            wait_until_idle(page)
            time.sleep(3)
            plots = page.evaluate("() => document.querySelectorAll('.js-plotly-plot').length")
            paths = page.evaluate("() => document.querySelectorAll('.js-plotly-plot .geo path').length")
            errors = page.evaluate("() => document.querySelectorAll('.jp-OutputArea-output[data-mime-type=\"application/vnd.jupyter.stderr\"]').length")
            print(f"{args.notebook}: {plots} plotly figures drawn, {paths} map paths, {errors} error outputs")
            citations = page.evaluate(
                "() => [...document.querySelectorAll('.jp-RenderedMarkdown a[href^=\"#src-\"]')]"
                ".map(a => ({text: a.textContent, title: a.title}))"
            )
            raw_keys = page.evaluate("() => [...document.querySelectorAll('.jp-RenderedMarkdown')].filter(e => e.innerText.includes('[@')).length")
            example = citations[0] if citations else None
            print(f"citations rendered as links (cells on screen): {len(citations)}, e.g. {example}; "
                  f"rendered Markdown cells showing a raw [@ key: {raw_keys}")
            if args.slider:
                before = page.evaluate(WIDGET_TEXT)
                slider = page.query_selector(".widget-slider [role=slider], .widget-slider .noUi-handle")
                slider.scroll_into_view_if_needed()
                slider.focus()
                for _ in range(15):
                    page.keyboard.press("ArrowRight")
                time.sleep(3)
                after = page.evaluate(WIDGET_TEXT)
                print(f"slider moved with the keyboard; widget text changed: {before != after}")
            if args.screenshot:
                page.screenshot(path=args.screenshot)
            browser.close()
    finally:
        lab.send_signal(signal.SIGTERM)
        lab.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
