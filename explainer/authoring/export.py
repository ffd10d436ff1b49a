"""Render one notebook to a standalone HTML page, plotly.js inlined, for browser tests.

The book itself is built by ``make site`` (``scripts/build_site.py``), which loads plotly.js once
for the whole site; this helper serves tests that need a single page that draws with no server,
such as the check that every map draws in Chromium (``tests/test_browser.py``).
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat

from explainer.authoring.notebooks import execute


def export_html(notebook_path: Path, out_dir: Path) -> Path:
    """Execute ``notebook_path`` with plotly's ``notebook`` renderer and write ``out_dir/NAME.html``."""
    from nbconvert import HTMLExporter

    previous = os.environ.get("PLOTLY_RENDERER")
    os.environ["PLOTLY_RENDERER"] = "notebook"  # the kernel inherits it
    try:
        notebook = execute(notebook_path)
    finally:
        if previous is None:
            os.environ.pop("PLOTLY_RENDERER", None)
        else:
            os.environ["PLOTLY_RENDERER"] = previous
    body, _resources = HTMLExporter(template_name="lab").from_notebook_node(nbformat.from_dict(notebook))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / (notebook_path.stem + ".html")
    target.write_text(body, encoding="utf-8")
    return target
