"""Keep ``data/datapackage.json`` in one stable format, and describe a new table in it.

The file is written as ``json.dumps(package, indent=2, ensure_ascii=False)`` plus a newline, by
:func:`write_package` only, so a diff shows just what changed.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

TODO = "TODO"


def format_package(package: dict) -> str:
    """The package as the file stores it.

    >>> format_package({"name": "x", "title": "Ç"})
    '{\\n  "name": "x",\\n  "title": "Ç"\\n}\\n'
    """
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"


def read_package(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def write_package(path: Path, package: dict) -> None:
    path.write_text(format_package(package), encoding="utf-8")


def describe_table(csv_path: Path, package_path: Path) -> dict:
    """Add a resource for ``csv_path`` to the package at ``package_path`` and return it.

    The schema (field names and types) is inferred by frictionless; title, description, sources and
    licence are left as TODOs, which the tests reject until a person has written them.
    Raises ``ValueError`` naming the file if it is not a CSV inside the package's folder or is
    already described.
    """
    from frictionless import Resource

    csv_path, data_dir = csv_path.resolve(), package_path.resolve().parent
    if csv_path.suffix != ".csv" or not csv_path.is_file():
        raise ValueError(f"CSV={csv_path}: not an existing .csv file")
    if csv_path.parent != data_dir:
        raise ValueError(f"CSV={csv_path}: put the table in {data_dir} first")
    package = read_package(package_path)
    name = csv_path.stem
    if any(resource["name"] == name or resource["path"] == csv_path.name for resource in package["resources"]):
        raise ValueError(f"{package_path.name} already describes {csv_path.name}")
    inferred = Resource(path=csv_path.name, basepath=str(data_dir))
    inferred.infer()
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = []
    for field in inferred.schema.fields:
        always_filled = bool(rows) and all((row.get(field.name) or "").strip() for row in rows)
        described = {"name": field.name, "type": field.type, "constraints": {"required": always_filled}}
        if field.name == "source_ids":
            described["description"] = "Semicolon-separated ids from sources.csv."
            described["constraints"]["pattern"] = "[a-z0-9]+(-[a-z0-9]+)*(;[a-z0-9]+(-[a-z0-9]+)*)*"
        fields.append(described)
    resource = {
        "name": name,
        "path": csv_path.name,
        "title": f"{TODO}: what one row of {csv_path.name} is",
        "description": f"{TODO}: what the table holds, where its figures come from, and as of when.",
        "format": "csv",
        "encoding": "utf-8",
        "sources": [{"title": f"{TODO}: the sources' titles, or the bibliography", "path": "sources.csv"}],
        "licenses": [{"name": f"{TODO}: CC-BY-4.0 for figures we compiled, or the source's own licence"}],
        "schema": {"fields": fields, "primaryKey": [fields[0]["name"]]},
    }
    package["resources"].append(resource)
    write_package(package_path, package)
    return resource
