"""The chapter registry, the README and the Binder links agree with each other and the files."""

import re
from urllib.parse import unquote

from explainer.authoring import registry


def test_every_notebook_is_registered_as_ready_and_every_ready_chapter_exists(root):
    on_disk = {path.name for path in (root / "notebooks").glob("*.ipynb")}
    ready = {chapter.file for chapter in registry.chapters() if chapter.status == "ready"}
    assert on_disk == ready


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


def test_binder_requirements_are_exact_pins_including_the_stack(root):
    lines = [
        line for line in (root / "binder" / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+", line) for line in lines), lines
    pinned = {line.split("==")[0].lower() for line in lines}
    assert {"jupyterlab", "ipywidgets", "plotly", "geopandas", "nbval", "pytest", "frictionless", "hatchling"} <= pinned


def test_readme_links_the_published_book_derived_from_the_repository_address(root):
    from explainer.authoring.registry import pages_url

    readme = (root / "README.md").read_text(encoding="utf-8")
    assert f"[Read it online]({pages_url()})" in readme
    workflow = (root / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s*(?:-\s*)?run: make site\s*$", workflow, re.MULTILINE)
    assert "path: build/site" in workflow
