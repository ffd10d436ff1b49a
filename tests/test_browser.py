"""The maps really draw in a browser with no network: exported HTML rendered in headless Chromium.

A throwaway notebook showing every map is executed and exported to one standalone page
(plotly.js inlined by the ``notebook`` renderer), then opened from ``file://`` in Debian's Chromium
driven by Playwright, with every non-file request refused. Each map must have drawn filled
country paths and its places, and no map may have asked for plotly's CDN base map.

Without Chromium or Playwright the test skips, unless ``EXPLAINER_REQUIRE_BROWSER=1`` (set by
``.ci/run``), which turns the skip into a failure.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import nbformat
import pytest

from explainer.authoring.export import export_html

CHROMIUM = os.environ.get("EXPLAINER_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MAP_CALLS = {
    "turkey": "explainer.turkey_map()",
    "syria": "explainer.syria_map()",
    "ukraine": "explainer.ukraine_map()",
    "gaza": "explainer.gaza_map()",
    "region": "explainer.region_map()",
    "rings": "explainer.maps.range_rings_map(radii_km=[250, 400], title='Rings of 250 and 400 km around Mürted')",
}


def _browser_or_skip():
    reasons = []
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        reasons.append(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
        reasons.append("Playwright for Python is not installed (pip install playwright)")
    if reasons:
        message = "; ".join(reasons)
        if os.environ.get("EXPLAINER_REQUIRE_BROWSER") == "1":
            pytest.fail(f"EXPLAINER_REQUIRE_BROWSER=1 but {message}")
        pytest.skip(message)
    return sync_playwright


@contextmanager
def offline_page(sync_playwright, viewport: dict):
    """A headless Chromium page that may load only ``file://`` addresses: yields the page and the
    list of the addresses it refused, which a test expects to stay empty."""
    refused = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            page = browser.new_page(viewport=viewport)

            def route(request_route):
                if request_route.request.url.startswith("file://"):
                    request_route.continue_()
                else:
                    refused.append(request_route.request.url)
                    request_route.abort()

            page.route("**/*", route)
            yield page, refused
        finally:
            browser.close()


@pytest.fixture(scope="module")
def exported_page(tmp_path_factory):
    sync_playwright = _browser_or_skip()
    folder = tmp_path_factory.mktemp("maps-notebook")
    notebook = nbformat.v4.new_notebook()
    notebook.cells.append(nbformat.v4.new_code_cell("import explainer\nimport explainer.maps"))
    for call in MAP_CALLS.values():
        notebook.cells.append(nbformat.v4.new_code_cell(call))
    path = folder / "maps.ipynb"
    nbformat.write(notebook, path)
    html_path = export_html(path, folder / "html")
    return sync_playwright, html_path


def test_every_map_draws_offline_in_headless_chromium(exported_page):
    sync_playwright, html_path = exported_page
    console = []
    with offline_page(sync_playwright, {"width": 1200, "height": 900}) as (page, refused):
        page.on("console", lambda message: console.append(message.text))
        page.goto(html_path.as_uri())
        page.wait_for_function(
            f"document.querySelectorAll('.js-plotly-plot').length >= {len(MAP_CALLS)}", timeout=60_000
        )
        page.wait_for_function(
            "[...document.querySelectorAll('.js-plotly-plot')].every("
            "p => p.querySelectorAll('path.choroplethlocation').length > 0)",
            timeout=60_000,
        )
        drawn = page.evaluate(
            """() => [...document.querySelectorAll('.js-plotly-plot')].map(plot => {
                const frame = plot.querySelector('.geo .bg rect') || plot.querySelector('.geo');
                const box = frame.getBoundingClientRect();
                const areas = [...plot.querySelectorAll('path.choroplethlocation')];
                const filled = areas.filter(p => {
                    const fill = getComputedStyle(p).fill;
                    return fill && fill !== 'none' && !fill.endsWith(', 0)');
                });
                const flooding = areas.filter(p => {
                    const b = p.getBoundingClientRect();
                    return b.width >= box.width * 0.999 && b.height >= box.height * 0.999
                        && b.left <= box.left + 1 && b.top <= box.top + 1;
                }).length;
                const legend = plot.querySelector('.legend .bg') || plot.querySelector('.legend');
                const lbox = legend ? legend.getBoundingClientRect() : null;
                const pbox = plot.getBoundingClientRect();
                return {
                    title: (plot.querySelector('.gtitle') || {}).textContent || '',
                    frame: [box.left, box.top, box.right, box.bottom],
                    legend: lbox ? [lbox.left, lbox.top, lbox.right, lbox.bottom] : null,
                    plot_width: pbox.width,
                    areas: areas.length,
                    filled: filled.length,
                    flooding: flooding,
                    points: plot.querySelectorAll('.scattergeo .point').length,
                    labels: plot.querySelectorAll('.scattergeo text').length,
                };
            })"""
        )
    assert len(drawn) == len(MAP_CALLS)
    for plot in drawn:
        assert plot["filled"] >= 3, plot
        assert plot["points"] >= 3 and plot["labels"] >= 3, plot
        # a counter-clockwise ring makes plotly fill the whole frame; at most the sea-sized
        # neighbour layer may legitimately span the frame, never most areas
        assert plot["flooding"] <= 2, plot
        # the legend stands beside the map, never over it, and the map takes most of the width
        left, top, right, bottom = plot["frame"]
        l_left, l_top, l_right, l_bottom = plot["legend"]
        assert l_left >= right or l_right <= left or l_top >= bottom or l_bottom <= top, plot
        assert right - left >= 0.6 * plot["plot_width"], plot
    assert not [text for text in console if "topojson" in text.lower()], console
    assert not [url for url in refused if "topojson" in url or "cdn.plot.ly" in url], refused
