"""Build the book's static site in build/site/ (entry build/site/index.html). Run by `make site`.

Every chapter is executed here, so every figure is drawn; figures use the one copy of plotly.js
the site ships (`_static/plotly.min.js`), and nothing on any page is fetched from another host.
Jupyter Book 1 (Sphinx, myst-nb) turns the executed chapters and the generated pages (landing,
timeline, claims ledger, data, bibliography) into HTML; Pagefind indexes it for search.

Runs in the build environment (.venv-book, pinned in book/requirements.txt).
Usage: python scripts/build_site.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "build" / "book-src"
OUTPUT = ROOT / "build" / "site"
JB_OUTPUT = ROOT / "build" / "book-html"
IPYTHON_DIR = ROOT / "build" / "book-ipython"
BIN = Path(sys.executable).parent

STARTUP = "from explainer.authoring.site import register_site_renderer\nregister_site_renderer()\n"


def _execute(path: Path) -> nbformat.NotebookNode:
    from explainer.authoring.notebooks import execute_notebook

    notebook = nbformat.read(path, as_version=4)
    return execute_notebook(notebook, path.parent)


def _execute_chapter(path_text: str) -> tuple[str, dict, float]:
    started = time.perf_counter()
    notebook = _execute(Path(path_text))
    return path_text, nbformat.writes(notebook), time.perf_counter() - started


def config(repository: str) -> dict:
    return {
        "title": "The Trump–Erdoğan call, explained",
        "author": "The explainer contributors",
        "copyright": "the explainer contributors (text CC BY 4.0, code MIT)",
        "only_build_toc_files": True,
        "exclude_patterns": ["_extra/*", "_build/*"],
        "execute": {"execute_notebooks": "off"},
        # heading anchors: the teacher's guide links to its own sections (#a-three-level-rubric...)
        "parse": {"myst_enable_extensions": ["colon_fence", "substitution"], "myst_heading_anchors": 3},
        "repository": {"url": repository, "path_to_book": "notebooks", "branch": "main"},
        "launch_buttons": {"thebe": False, "binderhub_url": "", "colab_url": "", "jupyterhub_url": ""},
        "html": {
            "use_issues_button": False,
            "use_repository_button": False,
            "use_edit_page_button": False,
            "use_download_button": False,
            "use_fullscreen_button": False,
            "use_multitoc_numbering": False,
            "home_page_in_navbar": True,
            "extra_footer": "",
        },
        "sphinx": {
            "config": {
                "html_js_files": ["plotly.min.js"],
                "html_css_files": ["site.css"],
                "html_extra_path": ["_extra"],
                "html_copy_source": False,
                "html_show_sourcelink": False,
                "html_last_updated_fmt": None,
                "mathjax_path": "data:,",
                "nb_ipywidgets_js": {},
                "nb_output_stderr": "remove",
                "nb_merge_streams": True,
                "suppress_warnings": ["mystnb.unknown_mime_type", "myst.header"],
                # One colour scheme, light, whose contrast the browser test checks.
                "html_context": {"default_mode": "light"},
                "html_theme_options": {
                    "use_download_button": False,
                    "use_fullscreen_button": False,
                    "use_source_button": False,
                    "use_repository_button": False,
                    "use_issues_button": False,
                    "use_edit_page_button": False,
                    "search_bar_text": "Search the book…",
                    "show_navbar_depth": 1,
                    "use_sidenotes": False,
                },
            }
        },
    }


def toc(chapter_pages: list[str], teacher_pages: list[str] = ()) -> dict:
    parts = [
        {"caption": "Chapters", "chapters": [{"file": page} for page in chapter_pages]},
        {"caption": "Reference", "chapters": [{"file": name} for name in ("timeline", "claims", "data", "bibliography", "glossary", "find")]},
    ]
    if teacher_pages:
        parts.append({"caption": "For educators", "chapters": [{"file": page} for page in teacher_pages]})
    return {"format": "jb-book", "root": "index", "parts": parts}


TEACHER_GUIDE = ROOT / "docs" / "teachers"
_NOTEBOOK_LINK = re.compile(r"\]\((?:\.\./)+notebooks/(\d{2}_[a-z0-9_]+\.ipynb)")


def copy_teaching_pages(source: Path) -> list[str]:
    """Put the glossary and the teacher's guide into the site's sources, their links to chapters
    pointed at the chapter pages; return the guide's pages in reading order (toc entries)."""
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    # on the site the bibliography is a page of its own
    (source / "glossary.md").write_text(glossary.replace("](../data/sources.csv)", "](bibliography.md)"), encoding="utf-8")
    (source / "teachers").mkdir(exist_ok=True)
    for page in TEACHER_GUIDE.glob("*.md"):
        text = _NOTEBOOK_LINK.sub(r"](../\1", page.read_text(encoding="utf-8"))
        text = text.replace("](../../docs/glossary.md", "](../glossary.md")  # from docs/teachers/ to the site's page
        (source / "teachers" / page.name).write_text(text, encoding="utf-8")
    lessons = sorted(page.stem for page in TEACHER_GUIDE.glob("[0-9][0-9]_*.md"))
    return [f"teachers/{name}" for name in ["README", "syllabus", "running-a-class", *lessons]]


SEARCH_PAGE = """# Search

```{raw} html
<div id="search" class="pagefind-search"></div>
<link href="pagefind/pagefind-ui.css" rel="stylesheet">
<script src="pagefind/pagefind-ui.js"></script>
<script>
window.addEventListener("DOMContentLoaded", () => {
  const ui = new PagefindUI({element: "#search", showSubResults: true, showImages: false, resetStyles: false});
  const query = new URLSearchParams(window.location.search).get("q");
  const input = document.querySelector("#search input");
  if (input) { input.setAttribute("aria-label", "Search the book"); }
  if (query) { ui.triggerSearch(query); }
});
</script>
```
"""


def main() -> int:
    from explainer.authoring import citations as cite
    from explainer.authoring import site
    from explainer.authoring.registry import binder_url, chapters, repository_url
    from explainer.sources import load_sources
    from explainer.tables import load_table

    started = time.perf_counter()
    shutil.rmtree(SOURCE, ignore_errors=True)
    (SOURCE / "_static").mkdir(parents=True)
    (SOURCE / "_extra" / "notebooks").mkdir(parents=True)
    (SOURCE / "_extra" / "data").mkdir(parents=True)
    startup = IPYTHON_DIR / "profile_default" / "startup"
    startup.mkdir(parents=True, exist_ok=True)
    (startup / "00-explainer-site.py").write_text(STARTUP, encoding="utf-8")
    os.environ["IPYTHONDIR"] = str(IPYTHON_DIR)  # the kernels inherit it: figures use the site renderer

    ready = [chapter for chapter in chapters() if chapter.status == "ready"]
    sources = load_sources()
    known = set(sources["id"])
    tooltips = cite.bibliography_tooltips()

    timeline_path = SOURCE / "timeline.ipynb"
    nbformat.write(site.timeline_notebook(), timeline_path)
    jobs = [str(ROOT / "notebooks" / chapter.file) for chapter in ready] + [str(timeline_path)]
    executed = {}
    with ProcessPoolExecutor(max_workers=2) as pool:
        for path_text, text, seconds in pool.map(_execute_chapter, jobs):
            executed[path_text] = nbformat.reads(text, as_version=4)
            print(f"executed {Path(path_text).name} ({seconds:.1f} s)", flush=True)

    problems = []
    cards = []
    for chapter in ready:
        notebook = executed[str(ROOT / "notebooks" / chapter.file)]
        index = cite.sources_cell_index(notebook.cells)
        if index is not None:
            listed = cite.listed_ids(notebook.cells[index].source)
            expected = cite.reference_ids(notebook, known)
            if listed != expected:
                problems.append(
                    f"{chapter.file}: its reference list disagrees with what it cites and shows "
                    f"(missing {[i for i in expected if i not in listed]}, extra {[i for i in listed if i not in expected]}, "
                    "or out of order): run `make notebooks`"
                )
            raw = sorted({i for cell in notebook.cells if cell.cell_type == "markdown" for i in cite.raw_cited_ids(cell.source)})
            if raw:
                problems.append(f"{chapter.file}: citations not rendered as links {raw}: run `make notebooks`")
        page = Path(chapter.file).stem
        prepared = site.prepare_chapter(notebook, chapter.file, binder_url("notebooks/" + chapter.file))
        nbformat.write(prepared, SOURCE / chapter.file)
        shutil.copy2(ROOT / "notebooks" / chapter.file, SOURCE / "_extra" / "notebooks" / chapter.file)
        outline = site.chapter_outline(notebook)
        cards.append({**outline, "page": page, "number": chapter.file[:2], "summary": chapter.summary})
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    nbformat.write(executed[str(timeline_path)], timeline_path)

    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    row_counts = {resource["name"]: len(load_table(resource["name"])) for resource in package["resources"]}
    for resource in package["resources"]:
        target = SOURCE / "_extra" / "data" / resource["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "data" / resource["path"], target)
    shutil.copy2(ROOT / "data" / "datapackage.json", SOURCE / "_extra" / "data" / "datapackage.json")

    repository = repository_url()
    pages = {
        "index.md": site.landing_page(cards, repository),
        "bibliography.md": site.bibliography_page(sources),
        "claims.md": site.claims_page(load_table("claims"), tooltips),
        "data.md": site.data_page(package, row_counts),
        "find.md": SEARCH_PAGE,
    }
    for name, text in pages.items():
        (SOURCE / name).write_text(text, encoding="utf-8")
    (SOURCE / "_config.yml").write_text(json.dumps(config(repository), indent=1), encoding="utf-8")
    teacher_pages = copy_teaching_pages(SOURCE)
    (SOURCE / "_toc.yml").write_text(json.dumps(toc([Path(c.file).stem for c in ready], teacher_pages), indent=1), encoding="utf-8")
    import plotly

    shutil.copy2(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", SOURCE / "_static" / "plotly.min.js")
    shutil.copy2(ROOT / "book" / "site.css", SOURCE / "_static" / "site.css")

    shutil.rmtree(JB_OUTPUT, ignore_errors=True)
    subprocess.run([str(BIN / "jupyter-book"), "build", str(SOURCE), "--path-output", str(JB_OUTPUT), "--builder", "html"], check=True)
    shutil.rmtree(OUTPUT, ignore_errors=True)
    shutil.copytree(JB_OUTPUT / "_build" / "html", OUTPUT, ignore=shutil.ignore_patterns(".buildinfo", "_sources", ".doctrees"))
    for page_path in OUTPUT.rglob("*.html"):
        text = page_path.read_text(encoding="utf-8")
        fixed = site.postprocess_page(text)
        if fixed != text:
            page_path.write_text(fixed, encoding="utf-8")
    # Pagefind replaces Sphinx's search, which cannot find words with hyphens such as "S-400".
    (OUTPUT / "search.html").write_text((OUTPUT / "find.html").read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run([str(BIN / "python"), "-m", "pagefind", "--site", str(OUTPUT), "--quiet"], check=True)
    for leftover in ("searchindex.js",):
        (OUTPUT / leftover).unlink(missing_ok=True)
    print(f"site built in {time.perf_counter() - started:.0f} s: {OUTPUT / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
