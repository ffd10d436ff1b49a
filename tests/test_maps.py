"""The map figures: offline settings, ring orientation, border-policy captions, sizes, no network."""

from __future__ import annotations

import math
import socket

import geopandas as gpd
import plotly.graph_objects as go
import pytest
import shapely

from explainer import geo, maps
from explainer.describe import describe

COUNTRY_MAPS = ["turkey", "syria", "ukraine", "gaza"]
SIZE_BUDGET_KB = {"turkey": 250, "syria": 250, "ukraine": 250, "gaza": 250, "region": 300, "rings": 250}


def build(name: str) -> go.Figure:
    if name == "rings":
        return maps.range_rings_map(radii_km=[250, 400], title="Two rings around Mürted")
    return maps.ALL_MAPS[name]()


ALL = [*maps.ALL_MAPS, "rings"]


@pytest.fixture(scope="module")
def figures():
    return {name: build(name) for name in ALL}


def signed_area(ring) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2


@pytest.mark.parametrize("name", ALL)
def test_first_trace_is_scattergeo_without_locationmode_and_base_layers_are_off(figures, name):
    fig = figures[name]
    first = fig.data[0]
    assert first.type == "scattergeo"
    assert first.locationmode is None
    assert fig.layout.geo.visible is False
    for layer in ("showland", "showocean", "showcountries", "showcoastlines", "showlakes", "showrivers",
                  "showsubunits"):
        assert not fig.layout.geo[layer], layer


@pytest.mark.parametrize("name", ALL)
def test_every_polygon_has_the_clockwise_rings_plotly_needs(figures, name):
    count = 0
    for trace in figures[name].data:
        if trace.type != "choropleth":
            continue
        for feature in trace.geojson["features"]:
            for polygon in feature["geometry"]["coordinates"]:
                assert signed_area(polygon[0]) < 0, f"{name}: {feature['id']}"
                count += 1
    assert count > 0


@pytest.mark.parametrize("name", ALL)
def test_figure_json_stays_within_its_size_budget(figures, name):
    size_kb = len(figures[name].to_json()) / 1024
    assert size_kb < SIZE_BUDGET_KB[name], f"{name}: {size_kb:.0f} kB"


@pytest.mark.parametrize("name", ALL)
def test_every_map_has_a_summary_caption_sources_and_a_description(figures, name):
    fig = figures[name]
    meta = fig.layout.meta
    assert meta["summary"] and meta["caption"]
    assert {"natural-earth-admin0-deu", "natural-earth-admin1"} <= set(meta["source_ids"])
    text = describe(fig)
    assert text.splitlines()[1] == meta["summary"]
    for trace in fig.data:
        if trace.type == "scattergeo" and isinstance(trace.meta, dict) and "place_ids" in trace.meta:
            for place_id in trace.meta["place_ids"]:
                assert geo.place(place_id)["name"].split("–")[0] in text


@pytest.mark.parametrize(
    "name, statuses",
    [
        ("ukraine", ["Ukrainian territory occupied by Russia since 2014"]),
        ("syria", ["Syrian territory occupied by Israel since 1967"]),
        ("gaza", ["Palestinian territory occupied by Israel since 1967"]),
        ("region", ["Ukrainian territory occupied by Russia since 2014",
                    "Syrian territory occupied by Israel since 1967",
                    "Palestinian territory occupied by Israel since 1967"]),
    ],
)
def test_maps_showing_a_disputed_area_say_so_in_caption_and_legend(figures, name, statuses):
    fig = figures[name]
    caption = next(a.text for a in fig.layout.annotations if a.name == "caption").replace("<br>", " ")
    for status in statuses:
        assert status in caption, f"{name}: caption lacks {status!r}"
    assert any(trace.name == "Occupied (see note)" for trace in fig.data)


def test_ukraine_map_draws_crimea_inside_ukraine_with_the_corridor_to_the_bosporus(figures):
    fig = figures["ukraine"]
    crimea = next(trace for trace in fig.data if trace.name == "Crimea and Sevastopol")
    assert set(crimea.locations) == {"UA-43", "UA-40"}
    corridor = [trace for trace in fig.data if trace.legendgroup == "grain"]
    bosporus = geo.place("bosporus")
    assert any(math.isclose(trace.lat[-1], bosporus.latitude) for trace in corridor)
    assert "istanbul" in sum((t.meta.get("place_ids", []) for t in fig.data if isinstance(t.meta, dict)), [])


def test_gaza_map_routes_aid_through_el_arish_to_the_rafah_crossing(figures):
    fig = figures["gaza"]
    el_arish, crossing = geo.place("el-arish"), geo.place("rafah-crossing")
    road = next(trace for trace in fig.data if trace.name == "Aid trucks to the Rafah crossing")
    assert (road.lat[0], road.lon[0]) == (el_arish.latitude, el_arish.longitude)
    assert (road.lat[-1], road.lon[-1]) == (crossing.latitude, crossing.longitude)


def test_range_rings_are_true_geodesic_circles():
    fig = maps.range_rings_map(radii_km=[300], title="A 300 km ring")
    murted = geo.place("murted-air-base")
    ring = next(trace for trace in fig.data if trace.name == "300 km")
    points = [(lat, lon) for lat, lon in zip(ring.lat, ring.lon) if lat is not None]
    distances = [geo.distance_km(murted.latitude, murted.longitude, lat, lon) for lat, lon in points]
    assert max(abs(d - 300) for d in distances) < 1.5


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"radii_km": [-50]}, ValueError, "radius_km"),
        ({"radii_km": [math.nan]}, ValueError, "radius_km"),
        ({"radii_km": []}, ValueError, "radii_km"),
        ({"radii_km": [100], "center": "nowhere-base"}, KeyError, "nowhere-base"),
        ({"radii_km": [100, 200], "ring_labels": ["one"]}, ValueError, "ring_labels"),
    ],
)
def test_range_rings_reject_bad_input_naming_argument_and_value(kwargs, error, message):
    with pytest.raises(error, match=message):
        maps.range_rings_map(title="A ring", **kwargs)


def test_unknown_place_in_a_map_is_named():
    with pytest.raises(KeyError, match="atlantis"):
        maps.turkey_map(places=["ankara", "atlantis"])


def test_a_map_needs_a_title_stating_its_finding():
    with pytest.raises(ValueError, match="title"):
        maps.syria_map(title=" ")


def test_strings_from_data_are_html_escaped_in_hover_text():
    hostile = gpd.GeoDataFrame(
        {"id": ["x"], "name": ["<script>alert(1)</script>"], "kind": ["<b>k</b>"], "status": [""]},
        geometry=[shapely.box(30, 40, 31, 41)], crs="EPSG:4326",
    )
    trace = maps._areas_trace(hostile, name="test", color="#000", line_color="#fff", line_width=1)
    assert "<script>" not in str(trace.customdata)
    assert "&lt;script&gt;" in trace.customdata[0][0]


def test_no_socket_is_opened_while_building_the_maps(monkeypatch):
    geo._read_layer.cache_clear()
    opened = []

    def refuse(*args, **kwargs):
        opened.append(args)
        raise OSError("explainer tests: network access while building a map")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for name in ALL:
        build(name).to_json()
    assert opened == []
