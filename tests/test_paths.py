import subprocess
import sys
import zipfile

import pytest


def test_data_is_found_from_any_working_directory(tmp_path):
    code = "import explainer; print(len(explainer.load_sources()) > 0, explainer.article_sentences().shape[0])"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "13"]


def test_missing_data_file_is_a_clear_error():
    from explainer.paths import data_path

    with pytest.raises(FileNotFoundError, match="'no-such-table.csv'"):
        data_path("no-such-table.csv")


def test_unknown_resource_names_the_known_ones():
    from explainer.tables import load_table

    with pytest.raises(KeyError, match="known resources: .*sources"):
        load_table("nonexistent")


def test_installed_wheel_carries_data_and_seed(root, tmp_path):
    """A regular (non-editable) install, as Binder makes, must find the tables inside the package."""
    pytest.importorskip("hatchling")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(root)],
        check=True, capture_output=True,
    )
    (wheel,) = tmp_path.glob("explainer-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "explainer/_bundled/data/datapackage.json" in names
    assert "explainer/_bundled/seeds/000_cc6a21e2ac53e75e.txt" in names
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import explainer, explainer.paths as p; "
        "print(p.project_root()); print(explainer.article_sentences().shape[0])"
    )
    result = subprocess.run([sys.executable, "-c", code, str(unpacked)], cwd=tmp_path, capture_output=True, text=True, check=True)
    location, count = result.stdout.split()
    assert location == str(unpacked / "explainer" / "_bundled")
    assert count == "13"
