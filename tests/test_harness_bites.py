"""Negative control for the notebook tests: change one value in data/ and strict nbval must fail.

A copy of the package, its data and chapter 00 is made in a temporary folder and put first on
PYTHONPATH, so the kernel nbval starts imports the copy. The unchanged copy must pass (proving the
set-up is sound); the copy with one verdict changed must fail on the figure description.
"""

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = "00_the_call.ipynb"


def _copy_project(target: Path) -> Path:
    for folder in ("explainer", "data", "seeds"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "notebooks").mkdir()
    shutil.copy(ROOT / "notebooks" / CHAPTER, target / "notebooks" / CHAPTER)
    shutil.copy(ROOT / "tests" / "nbval_sanitize.cfg", target / "nbval_sanitize.cfg")
    (target / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    return target


def _run_nbval(project: Path) -> subprocess.CompletedProcess:
    environment = os.environ | {"PYTHONPATH": str(project)}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", "--nbval-current-env",
         "--nbval-sanitize-with", "nbval_sanitize.cfg", f"notebooks/{CHAPTER}"],
        cwd=project, env=environment, capture_output=True, text=True, timeout=600,
    )


def _set_verdict(project: Path, claim_id: str, verdict: str) -> None:
    path = project / "data" / "claims.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    (row,) = [row for row in rows if row["claim_id"] == claim_id]
    assert row["verdict"] != verdict
    row["verdict"] = verdict
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.slow
def test_changing_one_data_value_makes_strict_nbval_fail(tmp_path):
    project = _copy_project(tmp_path)
    unchanged = _run_nbval(project)
    assert unchanged.returncode == 0, unchanged.stdout[-3000:]
    check = subprocess.run(
        [sys.executable, "-c", "import explainer; print(explainer.__file__)"],
        cwd=project / "notebooks", env=os.environ | {"PYTHONPATH": str(project)}, capture_output=True, text=True, check=True,
    )
    assert check.stdout.strip().startswith(str(project)), "the copy must be the package the kernel imports"

    _set_verdict(project, "S02-b", "accurate")
    changed = _run_nbval(project)
    assert changed.returncode == 1, changed.stdout[-3000:]
    assert "failed" in changed.stdout
    assert "Figure: 6 of the article&#x27;s 28 claims do not hold up" in changed.stdout
