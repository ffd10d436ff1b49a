"""Describe a new data table: `python scripts/new_table.py data/new.csv` (or `make table CSV=...`).

Infers the table's schema with frictionless and adds it to data/datapackage.json in the file's
stable format, with TODOs for its title, description, sources and licence: the tests fail until
they are written. Then tighten the inferred schema (constraints, enum values, the primary key).
"""

from __future__ import annotations

import sys
from pathlib import Path

from explainer.authoring.cli import run_command
from explainer.authoring.data_package import describe_table

ROOT = Path(__file__).resolve().parents[1]


def describe(csv_path: str) -> int:
    resource = describe_table(Path(csv_path), ROOT / "data" / "datapackage.json")
    fields = ", ".join(f"{field['name']} ({field['type']})" for field in resource["schema"]["fields"])
    print(f"Added resource {resource['name']!r} to data/datapackage.json: {fields}.")
    print("Next: replace its TODOs, check the inferred types and constraints, then `make test`.")
    return 0


if __name__ == "__main__":
    sys.exit(run_command("make table", __doc__.strip().splitlines()[0], sys.argv[1:], [1], describe))
