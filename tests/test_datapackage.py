"""The data package validates against its own schemas, and every citation resolves."""

import json

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


def test_datapackage_json_is_stored_in_its_stable_format(root):
    from explainer.authoring.data_package import format_package, read_package

    path = root / "data" / "datapackage.json"
    assert path.read_text(encoding="utf-8") == format_package(read_package(path)), (
        "data/datapackage.json is not in its stable format: write it with "
        "explainer.authoring.data_package.write_package (make table does)"
    )


def test_no_resource_keeps_a_todo_from_make_table():
    from explainer.authoring.data_package import TODO

    for resource in datapackage()["resources"]:
        described = json.dumps({key: value for key, value in resource.items() if key != "schema"}, ensure_ascii=False)
        assert TODO not in described, (
            f"resource {resource['name']!r} still has a {TODO}: write its title, description, sources and licence"
        )


def test_make_table_describes_a_new_csv_and_changes_nothing_else(root, tmp_path):
    import shutil

    from explainer.authoring.data_package import describe_table, read_package

    shutil.copytree(root / "data", tmp_path / "data", ignore=shutil.ignore_patterns("boundaries"))
    package_path = tmp_path / "data" / "datapackage.json"
    before = package_path.read_text(encoding="utf-8")
    (tmp_path / "data" / "oil_prices.csv").write_text(
        "month,price_usd,note,source_ids\n2025-01-01,80.5,,a-source\n2025-02-01,75.25,estimate,a-source\n",
        encoding="utf-8",
    )
    resource = describe_table(tmp_path / "data" / "oil_prices.csv", package_path)
    after = package_path.read_text(encoding="utf-8")
    assert after.startswith(before.rsplit("\n    }\n  ]\n}", 1)[0]), "existing resources were reformatted"
    fields = {field["name"]: field for field in resource["schema"]["fields"]}
    assert fields["price_usd"]["type"] == "number" and fields["month"]["type"] == "date"
    assert fields["price_usd"]["constraints"]["required"] and not fields["note"]["constraints"]["required"]
    assert "pattern" in fields["source_ids"]["constraints"]
    assert read_package(package_path)["resources"][-1]["name"] == "oil_prices"
    with pytest.raises(ValueError, match="already describes oil_prices.csv"):
        describe_table(tmp_path / "data" / "oil_prices.csv", package_path)
    with pytest.raises(ValueError, match="not an existing .csv"):
        describe_table(tmp_path / "data" / "missing.csv", package_path)
