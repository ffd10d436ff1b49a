"""The chapter contract: the structure every chapter notebook must have.

A chapter opens with a title (``# ...``), ``## Learning objectives`` (a list),
``## Prerequisites`` (a table of concepts and how necessary each is) and ``## Time to learn``
(an estimate in minutes). It ends with ``## Summary``, ``## Exercises`` (each ``### Exercise``
followed by a hidden solution), ``## Discussion questions``, ``## What's next`` and
``## Sources``, in that order. Authors cite as ``[@source-id]`` and ``make notebooks`` renders each
citation as a numbered link to the chapter's reference list (see
:mod:`explainer.authoring.citations`). Every cited id must be in the bibliography; the reference
list (the code cell under ``## Sources`` that calls ``explainer.references``, with its output) must
start with the cited sources in order of first citation, include the sources of the tables the
chapter shows, and every rendered citation must carry its source's number in that list. Every
relative link resolves to a file, and every ``#anchor`` to a heading or an element id of its target.

:func:`check_chapter` returns the list of problems; an empty list means the chapter conforms.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from explainer.authoring import citations as cite

OPENING = ["Learning objectives", "Prerequisites", "Time to learn"]
CLOSING = ["Summary", "Exercises", "Discussion questions", "What's next", "Sources"]
SOLUTION_TAG = "solution"
CITATION = cite.RAW_CITATION
_H2 = re.compile(r"^##\s+(.+?)\s*$", re.MULTILINE)
_LIST_ITEM = re.compile(r"^\s*(?:[-*]|\d+\.)\s+\S", re.MULTILINE)


def _sections(cells: list) -> list[tuple[str, list[int]]]:
    """Split the notebook into (H2 heading, indices of cells under it) in order."""
    sections: list[tuple[str, list[int]]] = []
    for index, cell in enumerate(cells):
        if cell.cell_type == "markdown":
            for heading in _H2.findall(cell.source):
                sections.append((heading, []))
        if sections:
            sections[-1][1].append(index)
    return sections


def _section_text(cells: list, indices: list[int]) -> str:
    return "\n".join(cells[i].source for i in indices if cells[i].cell_type == "markdown")


def _output_text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        for value in output.get("data", {}).values():
            parts.append(value if isinstance(value, str) else str(value))
    return "\n".join(parts)


def _is_hidden_solution(cell) -> bool:
    if SOLUTION_TAG not in cell.metadata.get("tags", []):
        return False
    if cell.cell_type == "markdown":
        return cell.source.lstrip().startswith("<details>") and "</details>" in cell.source
    return bool(cell.metadata.get("jupyter", {}).get("source_hidden"))


_MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HTML_LINK = re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)["']""")
_ELEMENT_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def heading_anchors(heading: str) -> set[str]:
    """The anchors a heading gets: JupyterLab's (spaces to hyphens) and the slug of static sites.

    >>> sorted(heading_anchors("What's next"))
    ["What's-next", 'whats-next']
    """
    text = re.sub(r"<[^>]+>|[*_`]", "", heading).strip()
    slug = re.sub(r"[^\w\s-]", "", text.lower())
    return {text.replace(" ", "-"), re.sub(r"\s+", "-", slug.strip())}


def anchors_of(notebook: nbformat.NotebookNode) -> set[str]:
    """Every anchor a link may point at in ``notebook``: its headings and the element ids in its
    Markdown and stored HTML outputs."""
    anchors: set[str] = set()
    for cell in notebook.cells:
        text = cell.source if cell.cell_type == "markdown" else _output_text(cell)
        if cell.cell_type == "markdown":
            for heading in _HEADING.findall(cell.source):
                anchors |= heading_anchors(heading)
        anchors.update(_ELEMENT_ID.findall(text))
    return anchors


def link_problems(notebook: nbformat.NotebookNode, notebook_path: Path) -> list[str]:
    """Every relative link in the Markdown of ``notebook`` (stored at ``notebook_path``) whose file
    does not exist, or whose ``#anchor`` is neither a heading nor an element id of its target."""
    problems: list[str] = []
    targets_read: dict[Path, set[str]] = {}
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "markdown":
            continue
        for target in _MARKDOWN_LINK.findall(cell.source) + _HTML_LINK.findall(cell.source):
            if _EXTERNAL.match(target):
                continue
            file_part, _, anchor = target.partition("#")
            resolved = (notebook_path.parent / file_part).resolve() if file_part else notebook_path.resolve()
            if file_part and not resolved.exists():
                problems.append(f"cell {index}: link {target!r} points at {file_part!r}, which does not exist")
                continue
            if not anchor:
                continue
            if resolved == notebook_path.resolve():
                anchors = targets_read.setdefault(resolved, anchors_of(notebook))
            elif resolved.suffix == ".ipynb":
                anchors = targets_read.setdefault(resolved, anchors_of(nbformat.read(resolved, as_version=4)))
            else:
                continue
            if anchor not in anchors:
                problems.append(f"cell {index}: link {target!r}: no heading or element id {anchor!r} in {resolved.name}")
    return problems


def check_chapter(
    notebook: nbformat.NotebookNode, known_source_ids: set[str], notebook_path: Path | None = None
) -> list[str]:
    """Return every way ``notebook`` breaks the chapter contract (empty list: it conforms).

    Relative links are checked too when ``notebook_path``, where the notebook is stored, is given.
    """
    problems: list[str] = []
    cells = notebook.cells
    if not cells or cells[0].cell_type != "markdown" or not cells[0].source.lstrip().startswith("# "):
        problems.append("the first cell must be Markdown starting with the chapter title ('# Title')")
    sections = _sections(cells)
    headings = [heading for heading, _ in sections]
    missing = [required for required in OPENING + CLOSING if required not in headings]
    problems.extend(f"missing section '## {required}'" for required in missing)
    required_order = OPENING + CLOSING
    present = [heading for heading in headings if heading in required_order]
    if present != [heading for heading in required_order if heading in present]:
        problems.append(f"sections out of order or repeated: found {present}, expected {required_order}")
    elif not missing and headings[: len(OPENING)] != OPENING:
        problems.append(f"the chapter must open with {OPENING}; its first sections are {headings[:len(OPENING)]}")
    elif not missing and headings[-len(CLOSING):] != CLOSING:
        problems.append(f"the chapter must end with {CLOSING}; its last sections are {headings[-len(CLOSING):]}")
    by_heading = dict(sections)

    if "Learning objectives" in by_heading:
        objectives = _LIST_ITEM.findall(_section_text(cells, by_heading["Learning objectives"]))
        if len(objectives) < 2:
            problems.append("'## Learning objectives' needs a list of at least two objectives")
    if "Prerequisites" in by_heading:
        text = _section_text(cells, by_heading["Prerequisites"])
        if not re.search(r"^\|.*Concepts?.*\|.*Importance.*\|", text, re.MULTILINE | re.IGNORECASE):
            problems.append("'## Prerequisites' needs a table with 'Concepts' and 'Importance' columns")
    if "Time to learn" in by_heading:
        if not re.search(r"\b\d+\s*minutes\b", _section_text(cells, by_heading["Time to learn"])):
            problems.append("'## Time to learn' must give an estimate such as '20 minutes'")
    if "Exercises" in by_heading:
        indices = by_heading["Exercises"]
        exercise_cells = [i for i in indices if cells[i].cell_type == "markdown" and re.search(r"^###\s+Exercise", cells[i].source, re.MULTILINE)]
        if not exercise_cells:
            problems.append("'## Exercises' needs at least one '### Exercise ...'")
        for position, start in enumerate(exercise_cells):
            end = exercise_cells[position + 1] if position + 1 < len(exercise_cells) else indices[-1] + 1
            if not any(_is_hidden_solution(cells[i]) for i in range(start + 1, end)):
                title = re.search(r"^###\s+(.+)$", cells[start].source, re.MULTILINE).group(1)
                problems.append(
                    f"exercise '{title}' has no hidden solution: add a cell tagged 'solution' "
                    "(Markdown wrapped in <details>, or code with metadata.jupyter.source_hidden = true)"
                )
    if "Discussion questions" in by_heading:
        if not _LIST_ITEM.findall(_section_text(cells, by_heading["Discussion questions"])):
            problems.append("'## Discussion questions' needs a list of questions")

    cited = cite.text_cited_ids(notebook)
    unknown = [source_id for source_id in cited if source_id not in known_source_ids]
    if unknown:
        problems.append(f"citations not in data/sources.csv: {unknown}")
    raw = sorted({i for cell in cells if cell.cell_type == "markdown" for i in cite.raw_cited_ids(cell.source)})
    if raw:
        problems.append(f"citations not rendered as links (run make notebooks): {raw}")
    sources_index = cite.sources_cell_index(cells)
    if "Sources" in by_heading:
        if sources_index is None:
            problems.append("'## Sources' needs a code cell calling explainer.references([...])")
            return problems
        listed = cite.listed_ids(cells[sources_index].source)
        listing = _output_text(cells[sources_index])
        if not listing:
            problems.append("the reference list under '## Sources' has no stored output (run make notebooks)")
        unlisted = [source_id for source_id in cited if source_id not in listed]
        if unlisted:
            problems.append(f"cited but missing from the chapter's reference list: {unlisted}")
        elif listed[: len(cited)] != cited:
            problems.append(
                "the reference list disagrees with the citations: it must start with the cited sources "
                f"in order of first citation {cited}, but starts with {listed[:len(cited)]} (run make notebooks)"
            )
        numbers = {source_id: position for position, source_id in enumerate(listed, start=1)}
        wrong = sorted({
            f"{source_id} is [{number}], not [{numbers.get(source_id)}]"
            for cell in cells if cell.cell_type == "markdown"
            for number, source_id, _title in cite.rendered_citations(cell.source)
            if numbers.get(source_id) != number
        })
        if wrong:
            problems.append(f"citation numbers disagree with the reference list: {wrong}")
        shown = [
            source_id for index, cell in enumerate(cells)
            if cell.cell_type == "code" and index != sources_index
            for source_id in cite.output_source_ids(cell, known_source_ids)
        ]
        missing_shown = sorted(set(shown) - set(listed))
        if missing_shown:
            problems.append(f"sources of the chapter's tables missing from its reference list: {missing_shown}")
        not_in_output = [source_id for source_id in listed if f'id="src-{source_id}"' not in listing and f"[{source_id}]" not in listing]
        if listing and not_in_output:
            problems.append(f"the stored reference list output lacks {not_in_output} (run make notebooks)")
    if notebook_path is not None:
        problems.extend(link_problems(notebook, notebook_path))
    return problems


def check_chapter_file(path: Path, known_source_ids: set[str]) -> list[str]:
    """:func:`check_chapter` for the notebook stored at ``path``."""
    return check_chapter(nbformat.read(path, as_version=4), known_source_ids, path)
