"""Committed notebooks are stored in normal form: small, no figure JSON, nothing run-specific.
(nbval, run over the same notebooks, checks that their text outputs are current.)"""

from pathlib import Path

import nbformat
import pytest

from explainer.authoring.notebooks import IGNORE_OUTPUT_TAG, chapter_paths, is_normalised, normalise

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = chapter_paths(ROOT / "notebooks")
MAX_BYTES = 300_000


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_notebook_is_normalised_and_small(path):
    assert is_normalised(path), f"run: python scripts/execute_notebooks.py {path.relative_to(ROOT)}"
    assert path.stat().st_size < MAX_BYTES


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_every_figure_is_followed_by_its_description(path):
    cells = nbformat.read(path, as_version=4).cells
    for index, cell in enumerate(cells):
        if cell.cell_type == "code" and ".show()" in cell.source:
            assert IGNORE_OUTPUT_TAG in cell.metadata.get("tags", []), f"cell {index}: tag the figure cell"
            following = cells[index + 1] if index + 1 < len(cells) else None
            assert following is not None and "print_description(" in following.source, f"cell {index}: describe the figure next"


def test_normalise_drops_figure_outputs_and_run_metadata():
    notebook = nbformat.v4.new_notebook()
    figure = nbformat.v4.new_code_cell("fig.show()", metadata={"tags": [IGNORE_OUTPUT_TAG], "execution": {"iopub.status.busy": "2026-11-29T00:00:00Z"}})
    figure.outputs = [nbformat.v4.new_output("display_data", data={"application/vnd.plotly.v1+json": {}})]
    text = nbformat.v4.new_code_cell("print(1)")
    text.outputs = [nbformat.v4.new_output("stream", name="stdout", text="1"), nbformat.v4.new_output("stream", name="stdout", text="\n")]
    notebook.cells = [figure, text]
    notebook.metadata["widgets"] = {"state": {}}
    result = normalise(notebook)
    assert result.cells[0].outputs == [] and "execution" not in result.cells[0].metadata
    assert [output["text"] for output in result.cells[1].outputs] == ["1\n"]
    assert "widgets" not in result.metadata
