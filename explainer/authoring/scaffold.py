"""Start a chapter: copy the template, register it as a draft and refresh the README.

Standard library only, so ``make chapter`` works before the environment is set up.

>>> chapter_file_name("07_energy")
'07_energy.ipynb'
>>> chapter_file_name("7_energy")
Traceback (most recent call last):
...
ValueError: chapter name '7_energy' must look like 07_short_name (two digits, an underscore, lower-case words)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from explainer.authoring import registry

TEMPLATE = Path("notebooks") / "_template" / "chapter_template.ipynb"
TITLE_PLACEHOLDER = "NN · Chapter title: state what the reader will understand"
SUMMARY_PLACEHOLDER = "TODO: one sentence on what the chapter explains (shown in the README and on the site)."


def chapter_file_name(name: str) -> str:
    """The notebook file name for a chapter called ``name`` (``07_topic``), checked."""
    stem = name.removesuffix(".ipynb")
    if not re.fullmatch(r"\d{2}_[a-z0-9]+(?:_[a-z0-9]+)*", stem):
        raise ValueError(
            f"chapter name {name!r} must look like 07_short_name (two digits, an underscore, lower-case words)"
        )
    return stem + ".ipynb"


def scaffold_chapter(name: str, title: str, root: Path = registry.ROOT, summary: str = "") -> Path:
    """Create ``notebooks/<name>.ipynb`` from the template, register it as a draft and return its path.

    Raises ``ValueError`` naming the problem if the name or title is bad or the chapter exists.
    """
    file = chapter_file_name(name)
    title = " ".join(title.split())
    if not title:
        raise ValueError("TITLE is empty: give the chapter a title, e.g. TITLE=\"Energy: what the pipeline deals mean\"")
    target = root / "notebooks" / file
    if target.exists():
        raise ValueError(f"{target.relative_to(root)} already exists")
    notebook = json.loads((root / TEMPLATE).read_text(encoding="utf-8"))
    heading = notebook["cells"][0]["source"]
    heading_text = "".join(heading) if isinstance(heading, list) else heading
    if TITLE_PLACEHOLDER not in heading_text:
        raise ValueError(f"{TEMPLATE}: its first cell no longer holds the title placeholder {TITLE_PLACEHOLDER!r}")
    notebook["cells"][0]["source"] = heading_text.replace(TITLE_PLACEHOLDER, f"{file[:2]} · {title}")
    summary = " ".join(summary.split()) or SUMMARY_PLACEHOLDER
    registry.register_chapter(file, title, summary, "draft", registry=root / "notebooks" / "chapters.toml")
    target.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    registry.update_readme(root / "README.md", root / "notebooks" / "chapters.toml")
    return target
