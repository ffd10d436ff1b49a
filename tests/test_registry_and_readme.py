"""The chapter registry, the README and the Binder links agree with each other and the files."""

import re
from urllib.parse import unquote

from explainer.authoring import registry


def test_every_notebook_is_registered_and_only_planned_chapters_lack_a_file(root):
    on_disk = {path.name for path in (root / "notebooks").glob("*.ipynb")}
    written = {chapter.file for chapter in registry.chapters() if chapter.status in {"ready", "draft"}}
    planned = {chapter.file for chapter in registry.chapters() if chapter.status == "planned"}
    assert on_disk == written, "register every notebook in notebooks/chapters.toml (make chapter does)"
    assert not planned & on_disk, f"chapters marked planned already exist: {sorted(planned & on_disk)}; mark them draft"


def test_ready_chapters_have_a_written_summary():
    from explainer.authoring.scaffold import SUMMARY_PLACEHOLDER

    for chapter in registry.chapters():
        if chapter.status == "ready":
            assert chapter.summary != SUMMARY_PLACEHOLDER and "TODO" not in chapter.summary, chapter.file


def test_registered_files_are_unique_and_numbered_in_order():
    files = [chapter.file for chapter in registry.chapters()]
    assert len(files) == len(set(files))
    assert files == sorted(files)


def test_readme_chapter_block_is_up_to_date(root):
    text = (root / "README.md").read_text(encoding="utf-8")
    assert registry.readme_block() in text, "run: python scripts/readme_links.py"


def test_every_binder_link_uses_the_repository_address_and_opens_an_existing_file(root):
    text = (root / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"https://mybinder\.org/v2/gh/([^)\s]+)", text)
    assert links, "the README has no Binder links"
    owner_and_name = registry.repository_url().removeprefix("https://github.com/")
    for link in links:
        repo, _, query = link.partition("?urlpath=")
        assert repo.startswith(owner_and_name + "/"), link
        target = unquote(query).removeprefix("lab/tree/")
        assert (root / target).exists(), f"Binder link opens {target}, which does not exist"


def test_readme_quickstart_has_the_two_commands_and_ci_runs_the_test_one(root):
    text = (root / "README.md").read_text(encoding="utf-8")
    quickstart = text.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^make (\w+)", quickstart, re.MULTILINE)
    assert commands == ["lab", "test"]
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.MULTILINE)
    assert "set -euo pipefail" in ci


def test_makefile_targets_named_in_the_readme_exist(root):
    makefile = (root / "Makefile").read_text(encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    for target in set(re.findall(r"`make (\w+)`", readme)) | {"lab", "test"}:
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target


def _pins(path):
    lines = [line for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+", line) for line in lines), lines
    return {line.split("==")[0].lower().replace("_", "-") for line in lines}


def test_reader_and_test_requirements_are_exact_pins_split_by_who_needs_them(root):
    reader = _pins(root / "binder" / "requirements.txt")
    tools = _pins(root / "tests" / "requirements.txt")
    assert {"jupyterlab", "ipywidgets", "plotly", "geopandas", "hatchling", "ipykernel"} <= reader
    assert {"pytest", "nbval", "hypothesis", "playwright", "frictionless"} <= tools
    assert not reader & tools, f"pinned twice: {sorted(reader & tools)}"
    assert not {"pytest", "nbval", "hypothesis", "playwright", "frictionless"} & reader, "test tools in the reader's environment"


def test_readme_links_the_published_book_derived_from_the_repository_address(root):
    from explainer.authoring.registry import pages_url

    readme = (root / "README.md").read_text(encoding="utf-8")
    assert f"[Read it online]({pages_url()})" in readme
    workflow = (root / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s*(?:-\s*)?run: make site\s*$", workflow, re.MULTILINE)
    assert "path: build/site" in workflow


def test_the_readme_tooling_imports_only_the_standard_library(root):
    """scripts/readme_links.py and scripts/new_chapter.py must run before the stack is installed."""
    import subprocess
    import sys

    probe = (
        "import sys, runpy; sys.argv = ['readme_links.py']; "
        "before = set(sys.modules); "
        "import explainer.authoring.registry, explainer.authoring.scaffold; "
        "third = sorted({m.split('.')[0] for m in set(sys.modules) - before} - set(sys.stdlib_module_names) - {'explainer'}); "
        "print(third)"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]", result.stdout


def test_draft_chapters_stay_out_of_the_readme(tmp_path):
    registry_file = tmp_path / "chapters.toml"
    registry_file.write_text(
        '[[chapter]]\nfile = "00_a.ipynb"\ntitle = "A"\nsummary = "First."\nstatus = "ready"\n', encoding="utf-8"
    )
    registry.register_chapter("01_b.ipynb", "Bee \"quoted\"", "Second.", "draft", registry=registry_file)
    chapters = registry.chapters(registry_file)
    assert [(c.file, c.title, c.status) for c in chapters] == [
        ("00_a.ipynb", "A", "ready"), ("01_b.ipynb", 'Bee "quoted"', "draft")
    ]
    block = registry.readme_block(registry_file)
    assert "00_a.ipynb" in block and "01_b" not in block
    import pytest

    with pytest.raises(ValueError, match="number 01 is taken"):
        registry.register_chapter("01_c.ipynb", "C", "Third.", registry=registry_file)
    with pytest.raises(ValueError, match="already registered"):
        registry.register_chapter("00_a.ipynb", "A", "First.", registry=registry_file)
