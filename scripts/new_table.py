"""Describe a new data table: `python scripts/new_table.py data/new.csv` (or `make table CSV=...`).

Infers the table's schema with frictionless and adds it to data/datapackage.json in the file's
stable format, with TODOs for its title, description, sources and licence: the tests fail until
they are written. Then tighten the inferred schema (constraints, enum values, the primary key).
"""

from __future__ import annotations

import sys
from pathlib import Path

from explainer.authoring.data_package import describe_table

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    try:
        resource = describe_table(Path(argv[0]), ROOT / "data" / "datapackage.json")
    except ValueError as error:
        print(f"make table: {error}", file=sys.stderr)
        return 2
    fields = ", ".join(f"{field['name']} ({field['type']})" for field in resource["schema"]["fields"])
    print(f"Added resource {resource['name']!r} to data/datapackage.json: {fields}.")
    print("Next: replace its TODOs, check the inferred types and constraints, then `make test`.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
