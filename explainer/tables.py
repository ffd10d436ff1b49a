"""Load the project's data tables as typed DataFrames.

The tables and their schemas are described once, in ``data/datapackage.json`` (a Frictionless
Data Package). This module reads a resource's CSV and converts each column to the type its
schema declares, so every loader in the package agrees with the validated description.

Examples
--------
>>> from explainer.tables import load_table
>>> sources = load_table("sources")
>>> "article" in set(sources["id"])
True
"""

from __future__ import annotations

import json
from functools import lru_cache

import pandas as pd

from explainer.paths import data_path

LIST_SEPARATOR = ";"


@lru_cache(maxsize=1)
def datapackage() -> dict:
    """Return the parsed ``data/datapackage.json``."""
    with data_path("datapackage.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def resource_descriptor(name: str) -> dict:
    """Return the descriptor of resource ``name``; raise ``KeyError`` naming the known ones."""
    resources = {res["name"]: res for res in datapackage()["resources"]}
    if name not in resources:
        known = ", ".join(sorted(resources))
        raise KeyError(f"explainer: no data resource named {name!r}; known resources: {known}")
    return resources[name]


def _convert(frame: pd.DataFrame, field: dict, resource: str) -> pd.Series:
    column = frame[field["name"]]
    kind = field.get("type", "string")
    try:
        if kind == "date":
            return pd.to_datetime(column.replace("", None), format="%Y-%m-%d", errors="raise")
        if kind == "integer":
            return pd.to_numeric(column.replace("", None), errors="raise").astype("Int64")
        if kind == "number":
            return pd.to_numeric(column.replace("", None), errors="raise").astype("float64")
    except (ValueError, TypeError) as error:
        raise ValueError(
            f"explainer: resource {resource!r}, field {field['name']!r} is not a valid {kind}: {error}"
        ) from error
    return column


def load_table(name: str) -> pd.DataFrame:
    """Load resource ``name`` of the data package with the column types of its schema.

    Strings stay strings (empty cells become ``""``, never NaN); ``date`` fields become
    pandas timestamps, ``integer`` fields nullable integers, ``number`` fields floats.
    """
    descriptor = resource_descriptor(name)
    path = data_path(descriptor["path"])
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    fields = descriptor["schema"]["fields"]
    expected = [field["name"] for field in fields]
    if list(frame.columns) != expected:
        raise ValueError(
            f"explainer: {descriptor['path']} has columns {list(frame.columns)}, "
            f"but its schema declares {expected}"
        )
    for field in fields:
        frame[field["name"]] = _convert(frame, field, name)
    return frame


def split_list(value: str) -> list[str]:
    """Split a ``;``-separated cell into its trimmed, non-empty items.

    >>> split_list("a; b;;c")
    ['a', 'b', 'c']
    """
    return [item.strip() for item in str(value).split(LIST_SEPARATOR) if item.strip()]


def format_ids(value: str) -> str:
    """A ``;``-separated cell of source ids as a reader reads it.

    >>> format_ids("a;b; c")
    'a, b, c'
    """
    return ", ".join(split_list(value))


def parse_date(value, argument: str) -> pd.Timestamp:
    """Parse a date a caller passed (``'YYYY-MM-DD'``, a date or a Timestamp).

    Raises ``ValueError`` naming ``argument`` and the value when it is not a date.

    >>> parse_date("2025-05-05", "start").year
    2025
    """
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError) as error:
        raise ValueError(f"explainer: {argument}={value!r} is not a date (use 'YYYY-MM-DD')") from error
    if pd.isna(stamp):
        raise ValueError(f"explainer: {argument}={value!r} is not a date (use 'YYYY-MM-DD')")
    return stamp
