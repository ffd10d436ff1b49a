"""The contributor tools: starting a chapter from the template, finding a chapter by number,
and the contract's link checks."""

from __future__ import annotations

import shutil

import nbformat
import pytest

from explainer.authoring import registry
from explainer.authoring.contract import check_chapter_file, link_problems
from explainer.authoring.notebooks import chapter_paths, find_chapter
from explainer.authoring.scaffold import SUMMARY_PLACEHOLDER, scaffold_chapter


@pytest.fixture
def project(root, tmp_path):
    """A copy of the files `make chapter` reads and writes."""
    shutil.copytree(root / "notebooks", tmp_path / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copy(root / "README.md", tmp_path / "README.md")
    return tmp_path


def test_a_new_chapter_is_a_registered_draft_that_keeps_the_contract(project, source_ids):
    readme_before = (project / "README.md").read_text(encoding="utf-8")
    path = scaffold_chapter("07_energy_deals", "Energy: the pipeline deals", root=project)
    assert path == project / "notebooks" / "07_energy_deals.ipynb"
    notebook = nbformat.read(path, as_version=4)
    assert notebook.cells[0].source.startswith("# 07 · Energy: the pipeline deals\n")
    entry = registry.chapters(project / "notebooks" / "chapters.toml")[-1]
    assert (entry.file, entry.title, entry.summary, entry.status) == (
        "07_energy_deals.ipynb", "Energy: the pipeline deals", SUMMARY_PLACEHOLDER, "draft"
    )
    # drafts stay out of the README until they are ready
    assert (project / "README.md").read_text(encoding="utf-8") == readme_before
    assert path in chapter_paths(project / "notebooks")
    assert check_chapter_file(path, source_ids) == []


def test_starting_a_chapter_twice_or_with_a_bad_name_is_refused(project):
    scaffold_chapter("07_energy", "Energy", root=project)
    with pytest.raises(ValueError, match="already exists"):
        scaffold_chapter("07_energy", "Energy", root=project)
    with pytest.raises(ValueError, match="number 07 is taken"):
        scaffold_chapter("07_other", "Other", root=project)
    with pytest.raises(ValueError, match="'Energy' must look like 07_short_name"):
        scaffold_chapter("Energy", "Energy", root=project)
    with pytest.raises(ValueError, match="TITLE is empty"):
        scaffold_chapter("08_x", "  ", root=project)


def test_the_template_is_not_a_chapter(root):
    names = [path.name for path in chapter_paths(root / "notebooks")]
    assert "chapter_template.ipynb" not in names
    assert names and all(name[:2].isdigit() for name in names)


def test_a_chapter_is_found_by_number_name_or_path(root):
    notebooks = root / "notebooks"
    assert find_chapter(notebooks, "05").name == "05_f35_s400.ipynb"
    assert find_chapter(notebooks, "05_f35_s400").name == "05_f35_s400.ipynb"
    assert find_chapter(notebooks, str(notebooks / "03_gaza.ipynb")).name == "03_gaza.ipynb"
    with pytest.raises(ValueError, match="CHAPTER='99' matches 0 chapters"):
        find_chapter(notebooks, "99")


def _chapter_with(markdown: str) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Title\n\n## What's next\n\n<span id=\"box\"></span>"),
        nbformat.v4.new_markdown_cell(markdown),
    ]
    return notebook


@pytest.mark.parametrize(
    "markdown",
    [
        "[next](01_turkey_between_blocs.ipynb)",
        "[a heading here](#What's-next)",
        "[the same, as a static site writes it](#whats-next)",
        '<a href="#box">an element id</a>',
        "[a heading in another chapter](00_the_call.ipynb#Summary)",
        "[data](../data/sources.csv) and [the web](https://example.org/x#y) and [mail](mailto:a@b.c)",
    ],
)
def test_links_that_resolve_pass(root, markdown):
    assert link_problems(_chapter_with(markdown), root / "notebooks" / "99_probe.ipynb") == []


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("[old path](../00_the_call.ipynb)", "'../00_the_call.ipynb' points at '../00_the_call.ipynb', which does not exist"),
        ("[typo](#Whats-nxt)", "no heading or element id 'Whats-nxt' in 99_probe.ipynb"),
        ("[wrong anchor](00_the_call.ipynb#no-such-part)", "no heading or element id 'no-such-part' in 00_the_call.ipynb"),
        ('<img src="figures/missing.png">', "'figures/missing.png', which does not exist"),
    ],
)
def test_broken_links_are_reported_with_the_cell_and_target(root, markdown, message):
    problems = link_problems(_chapter_with(markdown), root / "notebooks" / "99_probe.ipynb")
    assert len(problems) == 1 and problems[0].startswith("cell 1: ") and message in problems[0], problems


def test_explainer_exports_resolve_lazily():
    import explainer

    for name in explainer.__all__:
        assert callable(getattr(explainer, name)), name
    with pytest.raises(AttributeError, match="no attribute 'not_a_function'"):
        explainer.not_a_function  # noqa: B018


def test_a_finished_draft_is_marked_ready_and_nothing_else_in_the_registry_changes(project):
    registry_file = project / "notebooks" / "chapters.toml"
    scaffold_chapter("07_energy", "Energy", root=project)
    with pytest.raises(ValueError, match="still says TODO"):
        registry.mark_ready("07_energy.ipynb", registry=registry_file)
    before = registry_file.read_text(encoding="utf-8").replace(SUMMARY_PLACEHOLDER, "Pipelines and power.")
    registry_file.write_text(before, encoding="utf-8")
    chapter = registry.mark_ready("07_energy.ipynb", registry=registry_file)
    assert chapter.status == "ready"
    after = registry_file.read_text(encoding="utf-8")
    assert after == before.rsplit('status = "draft"', 1)[0] + 'status = "ready"' + before.rsplit('status = "draft"', 1)[1]
    with pytest.raises(ValueError, match="'ready', not 'draft'"):
        registry.mark_ready("05_f35_s400.ipynb", registry=registry_file)
