"""The data package validates against its own schemas, and every citation resolves."""

import pytest
from frictionless import Package

from explainer.tables import datapackage, load_table, split_list


@pytest.fixture(scope="module")
def report(root):
    return Package(root / "data" / "datapackage.json").validate()


def test_data_package_is_valid(report):
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "message"])


def test_every_resource_has_a_title_description_and_schema():
    for resource in datapackage()["resources"]:
        assert resource.get("title") and resource.get("description"), resource["name"]
        assert resource["schema"]["fields"], resource["name"]


def test_package_declares_a_licence():
    assert datapackage()["licenses"]


def test_every_source_id_used_by_any_table_exists(source_ids):
    for resource in datapackage()["resources"]:
        frame = load_table(resource["name"])
        for column in [name for name in frame.columns if name == "source_ids"]:
            for row_number, cell in enumerate(frame[column], start=2):
                cited = split_list(cell)
                assert cited, f"{resource['path']} line {row_number}: no source id"
                unknown = set(cited) - source_ids
                assert not unknown, f"{resource['path']} line {row_number}: unknown source ids {sorted(unknown)}"


def test_loader_reports_a_bad_date_with_field_and_value(tmp_path, monkeypatch):
    import shutil

    from explainer import paths, tables

    data = tmp_path / "data"
    shutil.copytree(paths.data_dir(), data)
    (tmp_path / "seeds").mkdir()
    text = (data / "sources.csv").read_text(encoding="utf-8").replace("2026-11-29", "29/11/2026", 1)
    (data / "sources.csv").write_text(text, encoding="utf-8")
    monkeypatch.setattr(paths, "project_root", lambda: tmp_path)
    tables.datapackage.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"'date_accessed'.*29/11/2026"):
            load_table("sources")
    finally:
        tables.datapackage.cache_clear()


def test_frictionless_catches_a_duplicate_source_id(root, tmp_path):
    import shutil

    shutil.copytree(root / "data", tmp_path / "data")
    sources = tmp_path / "data" / "sources.csv"
    lines = sources.read_text(encoding="utf-8").splitlines()
    sources.write_text("\n".join(lines + [lines[1]]) + "\n", encoding="utf-8")
    report = Package(tmp_path / "data" / "datapackage.json").validate()
    assert not report.valid
    assert "primary-key" in {error.type for task in report.tasks for error in task.errors}
