"""Execute chapter notebooks and store them in a normal form.

The normal form keeps what a reader and the notebook tests need (text outputs, the figure
descriptions) and drops what changes from run to run or bloats the repository: figure and widget
outputs (cells tagged ``nbval-ignore-output``), timing metadata, widget state and interpreter
versions. Citations are rendered as numbered links to the chapter's reference list, which
:func:`execute_and_normalise` generates from the chapter's citations and the sources of its figures
and tables (see :mod:`explainer.authoring.citations`); the first use of each glossary term links
to its entry in ``docs/glossary.md`` (see :mod:`explainer.authoring.glossary_links`). Running :func:`execute_and_normalise` twice
with nothing changed gives identical files.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat

from explainer.authoring import citations
from explainer.authoring.glossary_links import link_notebook

IGNORE_OUTPUT_TAG = "nbval-ignore-output"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python", "pygments_lexer": "ipython3", "mimetype": "text/x-python", "file_extension": ".py"}
NBFORMAT_VERSION = 4
NBFORMAT_MINOR = 5


def _coalesce_streams(outputs: list) -> list:
    merged: list = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            output.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous.get("name") == output.get("name")
        ):
            previous["text"] = previous["text"] + output["text"]
        else:
            merged.append(output)
    return merged


def normalise(notebook: nbformat.NotebookNode, tooltips: dict[str, str] | None = None) -> nbformat.NotebookNode:
    """Return a copy of ``notebook`` in the project's normal form (see the module docstring).

    ``tooltips`` (source id -> tooltip) defaults to the bibliography's.
    """
    notebook = copy.deepcopy(notebook)
    citations.number_citations(notebook, citations.bibliography_tooltips() if tooltips is None else tooltips)
    citations.hide_sources_code(notebook)
    link_notebook(notebook)
    notebook.nbformat, notebook.nbformat_minor = NBFORMAT_VERSION, NBFORMAT_MINOR
    notebook.metadata = nbformat.from_dict(
        {"kernelspec": KERNELSPEC, "language_info": LANGUAGE_INFO}
        | {key: value for key, value in notebook.metadata.items() if key in {"title", "authors"}}
    )
    for index, cell in enumerate(notebook.cells):
        cell.id = f"cell-{index:03d}"
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None) if cell.cell_type != "code" else None
        if cell.cell_type != "code":
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
            continue
        if IGNORE_OUTPUT_TAG in cell.metadata.get("tags", []):
            cell.outputs = []
        else:
            cell.outputs = _coalesce_streams(list(cell.outputs))
            for output in cell.outputs:
                output.pop("metadata", None) if output.get("output_type") == "stream" else None
                if "execution_count" in output:
                    output["execution_count"] = None
    return notebook


def execution_order_counts(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Number the code cells 1, 2, 3 ... in order, as a clean top-to-bottom run would."""
    count = 0
    for cell in notebook.cells:
        if cell.cell_type == "code":
            count += 1
            cell.execution_count = count
            for output in cell.get("outputs", []):
                if "execution_count" in output:
                    output["execution_count"] = count
    return notebook


def execute(path: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """Run every cell of the notebook at ``path`` in a fresh kernel, from the notebook's folder."""
    return execute_notebook(nbformat.read(path, as_version=NBFORMAT_VERSION), path.parent, timeout)


def execute_notebook(notebook: nbformat.NotebookNode, folder: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """Run every cell of ``notebook`` in a fresh kernel started in ``folder``; returns it."""
    from nbclient import NotebookClient

    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(folder)}},
        store_widget_state=False,
    )
    client.execute()
    return notebook


def execute_with_reference_list(path: Path) -> nbformat.NotebookNode:
    """Execute ``path`` and generate its reference list from what it cites and shows.

    When the generated list differs from the one in the Sources cell, the cell is rewritten and
    the notebook run again, so the stored output is the list's own.
    """
    from explainer.sources import load_sources

    notebook = execute(path)
    known = set(load_sources()["id"])
    if citations.set_reference_list(notebook, citations.reference_ids(notebook, known)):
        notebook = execute_notebook(notebook, path.parent)
    return notebook


def execute_and_normalise(path: Path) -> bool:
    """Execute ``path``, normalise it and write it back. Returns whether the file changed."""
    before = path.read_text(encoding="utf-8")
    notebook = execution_order_counts(normalise(execute_with_reference_list(path)))
    after = nbformat.writes(notebook) + "\n"
    if after != before:
        path.write_text(after, encoding="utf-8")
    return after != before


def is_normalised(path: Path) -> bool:
    """Whether the committed file at ``path`` is already in normal form."""
    text = path.read_text(encoding="utf-8")
    notebook = nbformat.reads(text, as_version=NBFORMAT_VERSION)
    return nbformat.writes(execution_order_counts(normalise(notebook))) + "\n" == text


CHAPTER_FILE = re.compile(r"\d{2}_[a-z0-9_]+\.ipynb")


def chapter_paths(notebook_dir: Path) -> list[Path]:
    """Every chapter notebook directly in ``notebook_dir`` (``NN_name.ipynb``), in chapter order.

    The template in ``_template/`` and JupyterLab's checkpoint copies are not chapters.
    """
    return sorted(path for path in notebook_dir.glob("*.ipynb") if CHAPTER_FILE.fullmatch(path.name))


def find_chapter(notebook_dir: Path, chapter: str) -> Path:
    """The chapter notebook named by ``chapter``: its number (``"07"``), its name or a path.

    Raises ``ValueError`` naming the argument when no chapter, or more than one, matches.
    """
    candidate = Path(chapter)
    if candidate.suffix == ".ipynb" and candidate.exists():
        return candidate.resolve()
    stem = candidate.name.removesuffix(".ipynb")
    matches = [path for path in chapter_paths(notebook_dir) if path.stem == stem or path.stem.startswith(stem + "_")]
    if len(matches) != 1:
        known = ", ".join(path.stem for path in chapter_paths(notebook_dir))
        raise ValueError(f"CHAPTER={chapter!r} matches {len(matches)} chapters; give a number or name from: {known}")
    return matches[0]


