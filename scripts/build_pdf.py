"""Print the book to build/pdf/book.pdf from the built site, with headless Chromium. Run by `make pdf`.

The chapters' article text is taken from build/site (run `make site` first) and assembled into one
print document, build/pdf/book.html: a title page and a table of contents, every chapter with its
figures drawn and each figure's text description shown, the exercise solutions gathered in an
appendix, then the bibliography. Debian's Chromium, driven by Playwright, prints it with page
numbers. No LaTeX, and no request leaves 127.0.0.1.
"""

from __future__ import annotations

import functools
import html
import re
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
SITE = BUILD / "site"
OUT = BUILD / "pdf"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
_ARTICLE = re.compile(r'<article class="bd-article"[^>]*>(.*?)</article>', re.DOTALL)
_SOLUTION = re.compile(r"<details[^>]*>\s*<summary>\s*Solution\s*</summary>.*?</details>", re.DOTALL)
_EXERCISE = re.compile(r"<h3[^>]*>\s*(Exercise[^<]*)", re.DOTALL)
_TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
_DROP = [
    re.compile(r'<p class="chapter-actions">.*?</p>', re.DOTALL),  # Binder and download links
    re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL),
]

PRINT_CSS = """
@page { size: A4; margin: 18mm 15mm 20mm 15mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 13.5pt; line-height: 1.45; color: #111; width: 900px; margin: 0 auto; }
h1 { font-size: 26pt; break-before: page; } h2 { font-size: 18pt; } h3 { font-size: 15pt; }
h1, h2, h3 { break-after: avoid; }
a { color: #1a4f8b; }
table { border-collapse: collapse; font-size: 11pt; margin: 0.5em 0; break-inside: auto; }
th, td { border: 1px solid #bbb; padding: 2px 4px; vertical-align: top; }
pre { white-space: pre-wrap; font-size: 11pt; background: #f5f5f5; padding: 4px; }
.explainer-figure { break-inside: avoid; margin: 0.5em 0; }
details > summary { font-weight: bold; list-style: none; }
.cell_input, .copybtn, .visually-hidden, .toggle-details__summary svg { display: none !important; }
.title-page { text-align: center; padding-top: 35%; break-after: page; }
.title-page h1 { font-size: 28pt; break-before: avoid; }
.toc { break-after: page; } .toc h1 { break-before: avoid; }
.toc ol { list-style: none; padding-left: 0; } .toc li { margin: 0.4em 0; }
.chapter-cards { display: block; } .chapter-card { margin-bottom: 0.6em; }
li { overflow-wrap: anywhere; }
"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def chapter_pages() -> list[Path]:
    return sorted(SITE.glob("[0-9][0-9]_*.html"))


def article(path: Path) -> str:
    match = _ARTICLE.search(path.read_text(encoding="utf-8"))
    if not match:
        raise ValueError(f"{path}: no <article class='bd-article'> found; was the site built with `make site`?")
    body = match.group(1)
    for pattern in _DROP:
        body = pattern.sub("", body)
    return body


def scope_ids(body: str, prefix: str) -> str:
    """Prefix the ids that in-page links point at, so that pages put together do not clash
    (other ids, such as the figures' own, stay as their scripts expect).

    >>> scope_ids('<li id="src-a"></li><a href="#src-a">1</a><div id="fig"></div>', "c3")
    '<li id="c3-src-a"></li><a href="#c3-src-a">1</a><div id="fig"></div>'
    """
    targets = set(re.findall(r'href="#([^"]+)"', body))
    body = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}-{m.group(1)}"' if m.group(1) in targets else m.group(0), body)
    return re.sub(r'href="#([^"]+)"', lambda m: f'href="#{prefix}-{m.group(1)}"', body)


def gather_solutions(body: str, chapter_title: str) -> tuple[str, list[str]]:
    """Take every collapsed solution out of a chapter; return the chapter and the solutions."""
    solutions = []

    def take(match: re.Match) -> str:
        exercises = _EXERCISE.findall(body[: match.start()])
        label = html.unescape(exercises[-1]).strip() if exercises else f"Solution {len(solutions) + 1}"
        inner = re.sub(r"^<details[^>]*>\s*<summary>\s*Solution\s*</summary>|</details>$", "", match.group(0).strip())
        solutions.append(f"<h3>{html.escape(chapter_title)}: {html.escape(label)}</h3>{inner}")
        return '<p class="solution-note"><em>Solution in the appendix.</em></p>'

    return _SOLUTION.sub(take, body), solutions


def print_document() -> str:
    chapters, appendix, toc = [], [], []
    for number, path in enumerate(chapter_pages()):
        body = article(path)
        title_match = _TITLE.search(body)
        title = re.sub(r"<[^>]+>", "", title_match.group(1)).strip() if title_match else path.stem
        body, solutions = gather_solutions(body, title)
        body = body.replace("<details class=\"explainer-description\">", "<details class=\"explainer-description\" open>")
        anchor = f"chapter-{number:02d}"
        toc.append(f'<li><a href="#{anchor}">{html.escape(html.unescape(title))}</a></li>')
        chapters.append(f'<section id="{anchor}">{scope_ids(body, anchor)}</section>')
        appendix.extend(solutions)
    toc.append('<li><a href="#solutions">Appendix: solutions to the exercises</a></li>')
    toc.append('<li><a href="#bibliography">Bibliography</a></li>')
    bibliography = scope_ids(article(SITE / "bibliography.html"), "bibliography")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>The Trump–Erdoğan call, explained</title>
<script src="../site/_static/plotly.min.js"></script>
<style>{PRINT_CSS}</style></head><body>
<section class="title-page"><h1>The Trump–Erdoğan call, explained</h1>
<p>An interactive, tested explainer of one news event, checked against its sources.</p>
<p>The explainer contributors · text CC BY 4.0, code MIT</p></section>
<nav class="toc"><h1>Contents</h1><ol>{''.join(toc)}</ol></nav>
{''.join(chapters)}
<section id="solutions"><h1>Appendix: solutions to the exercises</h1>{''.join(appendix)}</section>
<section id="bibliography">{bibliography}</section>
</body></html>"""


def main() -> int:
    from playwright.sync_api import sync_playwright

    if not (SITE / "index.html").is_file():
        print("no built site in build/site: run `make site` first", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "book.html").write_text(print_document(), encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(BUILD))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
            page = browser.new_page(viewport={"width": 950, "height": 1200})
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin) else route.abort())
            page.goto(origin + "pdf/book.html", wait_until="load")
            page.wait_for_function(
                "[...document.querySelectorAll('.explainer-figure')].every(f => f.querySelector('svg.main-svg'))",
                timeout=60_000,
            )
            page.emulate_media(media="print")
            page.pdf(
                path=str(OUT / "book.pdf"),
                format="A4",
                scale=0.75,  # the 900 px column, at which figures are drawn, fits the A4 text width
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template='<div style="font-size:8pt;width:100%;text-align:center;color:#444">'
                '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
                margin={"top": "18mm", "bottom": "20mm", "left": "15mm", "right": "15mm"},
            )
            browser.close()
    finally:
        httpd.shutdown()
    size = (OUT / "book.pdf").stat().st_size / 1e6
    print(f"wrote {OUT / 'book.pdf'} ({size:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
