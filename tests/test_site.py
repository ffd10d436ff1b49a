"""The built site (``make site``, in build/site/) works in a real browser with the network cut.

The site is served from 127.0.0.1 and every page is opened in Debian's Chromium driven by
Playwright, with every request to any other host refused and counted. On every page: no
external request, no failed request, no console error, every plotly figure drawn (maps with
their country paths), every internal link and anchor resolving, and no serious or critical
axe-core violation (axe-core from npm, installed by ``make test`` into build/npm). Search
(Pagefind) must list chapter 05 for "S-400".

``make test`` builds the site first. Without Chromium, Playwright, axe-core or a built site the
test skips, unless ``EXPLAINER_REQUIRE_BROWSER=1`` (set by ``.ci/run``), which turns the skip
into a failure.
"""

from __future__ import annotations

import functools
import html.parser
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE = Path(os.environ.get("EXPLAINER_SITE", ROOT / "build" / "site"))
AXE = ROOT / "build" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("EXPLAINER_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CHAPTER_05 = "05_f35_s400.html"
# What every page shares (and a browser caches once) is not part of a page's own weight.
SHARED = ("_static/", "pagefind/")
PAGE_BUDGET_BYTES = 1_000_000

FIGURES_DRAWN = """() => {
    const figures = [...document.querySelectorAll('.explainer-figure')];
    return figures.length === 0 || figures.every(figure => {
        const plot = figure.querySelector('.js-plotly-plot');
        if (!plot || !plot.querySelector('svg.main-svg')) return false;
        if (plot.querySelector('.geo') && plot.querySelectorAll('path.choroplethlocation').length === 0) return false;
        return true;
    });
}"""

FIGURE_REPORT = """() => [...document.querySelectorAll('.explainer-figure')].map(figure => {
    const plot = figure.querySelector('.js-plotly-plot');
    return {
        drawn: Boolean(plot && plot.querySelector('svg.main-svg')),
        map: Boolean(plot && plot.querySelector('.geo')),
        countries: plot ? plot.querySelectorAll('path.choroplethlocation').length : 0,
        marks: plot ? plot.querySelectorAll('.point, .bars path, .scatterlayer path, .choroplethlocation').length : 0,
    };
})"""


def _require(condition: bool, message: str) -> None:
    if condition:
        return
    if os.environ.get("EXPLAINER_REQUIRE_BROWSER") == "1":
        pytest.fail(f"EXPLAINER_REQUIRE_BROWSER=1 but {message}")
    pytest.skip(message)


class _Ids(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in {"id", "name"} and value:
                self.ids.add(value)


@functools.lru_cache(maxsize=None)
def _ids_of(path: Path) -> frozenset[str]:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return frozenset(parser.ids)


def site_pages() -> list[Path]:
    """Every HTML page of the site a reader can reach (theme fragments excluded)."""
    return sorted(path for path in SITE.glob("*.html"))


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    _require(SITE.joinpath("index.html").is_file(), f"no built site at {SITE} (run `make site`)")
    handler = functools.partial(_QuietHandler, directory=str(SITE))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    _require(Path(CHROMIUM).exists() and shutil.which(CHROMIUM) is not None, f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    _require(AXE.is_file(), f"axe-core is not installed at {AXE} (make test installs it from npm)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    _require(sync_playwright is not None, "Playwright for Python is not installed (pip install playwright)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield chromium
        chromium.close()


def open_page(browser, url: str, origin: str):
    """Open ``url`` with every request outside ``origin`` refused; returns the page and its logs."""
    log = {"external": [], "failed": [], "errors": [], "loaded": set()}
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()

    def route(request_route):
        target = request_route.request.url
        if target.startswith(origin) or target.startswith("data:") or target.startswith("blob:"):
            request_route.continue_()
        else:
            log["external"].append(target)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda message: log["errors"].append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: log["errors"].append(str(error)))
    page.on("requestfinished", lambda request: log["loaded"].add(unquote(urlsplit(request.url).path)[1:]))
    page.on("response", lambda response: log["failed"].append(f"{response.status} {response.url}") if response.status >= 400 else None)
    page.goto(url, wait_until="load")
    return context, page, log


def _internal_link_problems(page, origin: str, page_path: Path) -> list[str]:
    problems = []
    hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
    for href in sorted(set(hrefs)):
        if not href.startswith(origin):
            continue
        parts = urlsplit(href)
        relative = unquote(parts.path)[1:] or "index.html"
        target = SITE / relative
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            problems.append(f"{page_path.name}: link to missing {relative}")
            continue
        if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids_of(target):
            problems.append(f"{page_path.name}: link to missing anchor {relative}#{parts.fragment}")
    return problems


def test_every_page_works_offline_and_is_accessible(server, browser):
    pages = site_pages()
    names = {path.name for path in pages}
    assert {"index.html", "bibliography.html", "claims.html", "data.html", "timeline.html", CHAPTER_05} <= names, names
    axe_source = AXE.read_text(encoding="utf-8")
    problems: list[str] = []
    figures_seen = maps_seen = 0
    for path in pages:
        context, page, log = open_page(browser, server + path.name, server)
        try:
            page.wait_for_function(FIGURES_DRAWN, timeout=60_000)
            figures = page.evaluate(FIGURE_REPORT)
            figures_seen += len(figures)
            maps_seen += sum(1 for figure in figures if figure["map"])
            for number, figure in enumerate(figures, start=1):
                if not figure["drawn"] or figure["marks"] == 0 or (figure["map"] and figure["countries"] < 3):
                    problems.append(f"{path.name}: figure {number} not drawn: {figure}")
            problems.extend(_internal_link_problems(page, server, path))
            page.add_script_tag(content=axe_source)
            violations = page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
            )
            problems.extend(f"{path.name}: axe {v['impact']} {v['id']} at {v['nodes']}" for v in violations)
            page.wait_for_timeout(200)  # late requests and errors of the page's own scripts
        finally:
            context.close()
        own = sum((SITE / name).stat().st_size for name in log["loaded"] if (SITE / name).is_file() and not name.startswith(SHARED))
        if own > PAGE_BUDGET_BYTES:
            problems.append(f"{path.name}: weighs {own / 1e6:.2f} MB of its own (budget 1 MB)")
        problems.extend(f"{path.name}: external request {url}" for url in log["external"])
        problems.extend(f"{path.name}: failed request {entry}" for entry in log["failed"])
        problems.extend(f"{path.name}: console error {text}" for text in log["errors"])
    assert not problems, "\n".join(problems)
    # every chapter draws figures, and chapter 00's region map is among them
    assert figures_seen >= 25 and maps_seen >= 5, (figures_seen, maps_seen)


def test_search_lists_chapter_05_for_s400(server, browser):
    context, page, log = open_page(browser, server + "search.html?q=S-400", server)
    try:
        page.wait_for_selector(".pagefind-ui__result-link", timeout=30_000)
        links = page.evaluate("() => [...document.querySelectorAll('.pagefind-ui__result-link')].map(a => a.getAttribute('href'))")
    finally:
        context.close()
    assert any(CHAPTER_05 in link for link in links), links
    assert not log["external"] and not log["errors"], log


def test_citations_link_to_the_reference_list_with_a_tooltip(server, browser):
    context, page, _log = open_page(browser, server + "04_syria.html", server)
    try:
        citations = page.evaluate(
            "() => [...document.querySelectorAll('a.citation')].map(a => ({href: a.getAttribute('href'), title: a.title, text: a.textContent}))"
        )
        body_text = page.evaluate("() => document.body.innerText")
    finally:
        context.close()
    assert len(citations) >= 10
    ids = _ids_of(SITE / "04_syria.html")
    for citation in citations:
        assert citation["href"].startswith("#src-") and citation["href"][1:] in ids, citation
        assert citation["text"].endswith("]") and citation["title"].count("(") >= 1, citation
    assert "[@" not in body_text


def test_the_harness_refuses_and_counts_external_requests(server, browser):
    context, page, log = open_page(browser, server + "index.html", server)
    try:
        page.evaluate("() => { const img = document.createElement('img'); img.src = 'https://example.org/x.png'; document.body.append(img); }")
        page.wait_for_timeout(500)
    finally:
        context.close()
    assert log["external"] == ["https://example.org/x.png"]


def test_print_edition_has_title_contents_chapters_solutions_and_bibliography(browser):
    """`make pdf` from the built site: one document, figures drawn, solutions in an appendix."""
    import re
    import subprocess
    import sys

    _require(SITE.joinpath("index.html").is_file(), f"no built site at {SITE} (run `make site`)")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pdf.py")], check=True, timeout=300)
    pdf = (ROOT / "build" / "pdf" / "book.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 50
    document = (ROOT / "build" / "pdf" / "book.html").read_text(encoding="utf-8")
    chapters = sorted(SITE.glob("[0-9][0-9]_*.html"))
    solutions_on_site = sum(len(re.findall(r"<summary>\s*Solution\s*</summary>", p.read_text(encoding="utf-8"))) for p in chapters)
    appendix = document.split('<section id="solutions">', 1)[1].split('<section id="bibliography">', 1)[0]
    assert solutions_on_site > 0 and appendix.count("<h3>") == solutions_on_site
    assert "<summary>Solution</summary>" not in document.split('<section id="solutions">', 1)[0]
    assert document.count('<section id="chapter-') == len(chapters)
    assert 'class="title-page"' in document and 'class="toc"' in document
    bibliography = document.split('<section id="bibliography">', 1)[1]
    assert all(f'id="src-{source_id}"' in bibliography for source_id in load_source_ids())
    assert "[@" not in re.sub(r"<code>.*?</code>|<pre>.*?</pre>", "", document, flags=re.DOTALL)


def load_source_ids() -> list[str]:
    from explainer.sources import load_sources

    return list(load_sources()["id"])
