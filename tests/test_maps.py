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
from explainer.blocs.map import TURKEY_LABELS, turkey_map
from explainer.gaza.map import GAZA_COUNTRY_LABELS
from explainer.syria.map import SYRIA_COUNTRY_LABELS, SYRIA_UNLABELLED, syria_map
from explainer.ukraine.map import UKRAINE_OFFSETS, ukraine_map

COUNTRY_MAPS = ["turkey", "syria", "ukraine", "gaza"]
SIZE_BUDGET_KB = {"turkey": 250, "syria": 250, "ukraine": 250, "gaza": 250, "region": 250, "rings": 250}


def build(name: str) -> go.Figure:
    if name == "rings":
        return maps.range_rings_map(radii_km=[250, 400], title="Two rings around Mürted")
    return maps.all_maps()[name]()


ALL = [*maps.all_maps(), "rings"]


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
        turkey_map(places=["ankara", "atlantis"])


def test_a_map_needs_a_title_stating_its_finding():
    with pytest.raises(ValueError, match="title"):
        syria_map(title=" ")


def test_strings_from_data_are_html_escaped_in_hover_text():
    hostile = gpd.GeoDataFrame(
        {"id": ["x"], "name": ["<script>alert(1)</script>"], "kind": ["<b>k</b>"], "status": [""]},
        geometry=[shapely.box(30, 40, 31, 41)], crs="EPSG:4326",
    )
    trace = maps.areas_trace(hostile, name="test", color="#000", line_color="#fff", line_width=1)
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


# --- labels, legends and notes ---------------------------------------------------------------


def trace_named(fig: go.Figure, name: str):
    return next(trace for trace in fig.data if trace.name == name)


def place_label(fig: go.Figure, place_id: str) -> tuple[str, str]:
    """The (text, textposition) a place's marker trace gives it."""
    for trace in fig.data:
        if isinstance(trace.meta, dict) and place_id in trace.meta.get("place_ids", []):
            index = trace.meta["place_ids"].index(place_id)
            return trace.text[index], trace.textposition[index]
    raise AssertionError(f"{place_id} is not on the map")


@pytest.mark.parametrize(
    "name, seas",
    [
        ("turkey", {"Black Sea", "Sea of Marmara", "Aegean Sea", "Mediterranean Sea"}),
        ("ukraine", {"Black Sea", "Sea of Azov"}),
        ("gaza", {"Mediterranean Sea"}),
        ("region", {"Black Sea", "Mediterranean Sea"}),
    ],
)
def test_seas_are_named_at_points_in_open_water(figures, name, seas):
    trace = trace_named(figures[name], "Sea names")
    assert {text.replace("<br>", " ") for text in trace.text} == seas
    west, east = figures[name].layout.geo.lonaxis.range
    south, north = figures[name].layout.geo.lataxis.range
    for lon, lat, text in zip(trace.lon, trace.lat, trace.text):
        assert geo.country_of(lat, lon, tolerance_km=5) is None, f"{text} is within 5 km of land"
        assert west < lon < east and south < lat < north, text


@pytest.mark.parametrize("name", ALL)
def test_every_text_on_a_map_has_a_white_halo(figures, name):
    texts = [trace for trace in figures[name].data if trace.type == "scattergeo" and "text" in (trace.mode or "")]
    assert len(texts) >= 2
    for trace in texts:
        assert "#FFFFFF" in (trace.textfont.shadow or ""), trace.name


@pytest.mark.parametrize("name", ALL)
def test_the_legend_stands_in_a_column_right_of_the_map(figures, name):
    layout = figures[name].layout
    assert layout.geo.domain.x[1] == maps.LEGEND_COLUMN < 1
    assert (layout.legend.x, layout.legend.xanchor) == (1, "right")


def test_label_positions_given_by_the_caller_are_honoured():
    fig = turkey_map(label_positions={"ankara": "top left", "izmir": "bottom right"})
    assert place_label(fig, "ankara") == ("Ankara", "top left")
    assert place_label(fig, "izmir") == ("Izmir", "bottom right")
    assert place_label(turkey_map(), "ankara") == ("Ankara", TURKEY_LABELS["ankara"])


def test_offset_labels_stand_on_leader_lines_from_their_places(figures):
    fig = figures["ukraine"]
    leaders = trace_named(fig, "Label leader lines")
    labels = trace_named(fig, "Place labels")
    for place_id, (dlon, dlat) in UKRAINE_OFFSETS.items():
        row = geo.place(place_id)
        assert place_label(fig, place_id)[0] == ""  # not also written beside the marker
        index = labels.text.index(row["name"])
        assert math.isclose(labels.lon[index], row.longitude + dlon)
        assert math.isclose(labels.lat[index], row.latitude + dlat)
        pairs = list(zip(leaders.lon, leaders.lat))
        start = pairs.index((row.longitude, row.latitude))
        assert pairs[start + 1] == (labels.lon[index], labels.lat[index])


def test_a_callers_position_or_offset_replaces_the_default_placement():
    fig = ukraine_map(label_positions={"odesa": "bottom left"}, label_offsets={"kyiv": (2.0, 0.5)})
    assert place_label(fig, "odesa") == ("Odesa", "bottom left")
    labels = trace_named(fig, "Place labels")
    assert "Odesa" not in labels.text
    kyiv = geo.place("kyiv")
    index = labels.text.index("Kyiv")
    assert (labels.lon[index], labels.lat[index]) == (kyiv.longitude + 2.0, kyiv.latitude + 0.5)
    assert labels.textposition[index] == "middle right"


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"label_positions": {"ankara": "upper left"}}, "label_positions.*ankara.*upper left"),
        ({"label_positions": {"atlantis": "top left"}}, "atlantis"),
        ({"label_offsets": {"ankara": (0, 0)}}, "label_offsets.*ankara"),
        ({"label_offsets": {"ankara": (1.0,)}}, "label_offsets.*ankara"),
        ({"label_offsets": {"ankara": (math.nan, 1.0)}}, "label_offsets.*ankara"),
    ],
)
def test_bad_label_placement_is_rejected_naming_argument_and_value(kwargs, message):
    with pytest.raises((ValueError, KeyError), match=message):
        turkey_map(**kwargs)


def test_region_map_puts_each_subject_country_colour_in_the_legend(figures):
    fig = figures["region"]
    shown = {trace.name: trace.colorscale[0][1] for trace in fig.data if trace.type == "choropleth" and trace.showlegend}
    assert set(shown) == {"Turkey", "Ukraine", "Syria", "Palestine"}
    assert len(set(shown.values())) == 4


def test_region_map_names_the_small_occupied_areas_on_leader_lines_from_inside_them(figures):
    fig = figures["region"]
    regions = geo.load_boundaries("admin1").set_index("id")
    leaders = trace_named(fig, "Label leader lines")
    named = trace_named(fig, "Occupied areas named")
    starts = [(lon, lat) for i, (lon, lat) in enumerate(zip(leaders.lon, leaders.lat)) if i % 3 == 0]
    for (area_id, (lon, lat, text)), start in zip(maps.REGION_CALLOUTS.items(), starts):
        assert regions.loc[area_id, "geometry"].contains(shapely.Point(start)), area_id
        assert text in named.text
        assert geo.country_of(lat, lon) is None, f"{text} label is not at sea"


def test_region_map_frame_is_wider_than_tall(figures):
    west, east = figures["region"].layout.geo.lonaxis.range
    south, north = figures["region"].layout.geo.lataxis.range
    assert (east - west) > 1.5 * (north - south)


def test_syria_map_shows_the_border_with_turkey_and_southern_turkey(figures):
    fig = figures["syria"]
    border = trace_named(fig, "Syria–Turkey border")
    lats = [lat for lat in border.lat if lat is not None]
    lons = [lon for lon in border.lon if lon is not None]
    assert len(lats) > 20
    for lon, lat in list(zip(lons, lats))[::10]:
        assert geo.distance_to_country_km(lat, lon, "SYR") < 0.5
        assert geo.distance_to_country_km(lat, lon, "TUR") < 0.5
    assert fig.layout.geo.lataxis.range[1] >= max(lats) + 1.0  # a band of Turkey above the border


def test_syria_map_names_governorates_at_points_inside_them(figures):
    trace = trace_named(figures["syria"], "Governorate names")
    regions = geo.load_boundaries("admin1").set_index("id")
    assert len(trace.text) == 14 - len(SYRIA_UNLABELLED)
    for area_id, lon, lat, text in zip(trace.meta["ids"], trace.lon, trace.lat, trace.text):
        assert regions.loc[area_id, "name"] == text
        assert regions.loc[area_id, "geometry"].contains(shapely.Point(lon, lat)), text


@pytest.mark.parametrize(
    "name, positions",
    [("syria", SYRIA_COUNTRY_LABELS), ("gaza", GAZA_COUNTRY_LABELS), ("turkey", {"GRC": (24.0, 41.05)})],
)
def test_country_names_placed_by_hand_lie_inside_their_country(figures, name, positions):
    trace = trace_named(figures[name], "Country names")
    for iso3, (lon, lat) in positions.items():
        assert geo.country_of(lat, lon) == iso3
        assert (lon, lat) in list(zip(trace.lon, trace.lat))


def test_gaza_map_names_the_west_bank_and_notes_east_jerusalem(figures):
    fig = figures["gaza"]
    trace = trace_named(fig, "Territory names")
    assert list(trace.text) == ["WEST BANK"]
    west_bank = geo.load_boundaries("gaza").set_index("id").loc["PS-WBK", "geometry"]
    assert west_bank.contains(shapely.Point(trace.lon[0], trace.lat[0]))
    assert "East Jerusalem" in fig.layout.meta["caption"]


def test_gaza_map_labels_the_two_crossings_apart(figures):
    labels = trace_named(figures["gaza"], "Place labels")
    rafah = labels.text.index("Rafah crossing")
    kerem = labels.text.index("Kerem Shalom crossing")
    assert abs(labels.lon[rafah] - labels.lon[kerem]) + abs(labels.lat[rafah] - labels.lat[kerem]) > 0.15


def test_ukraine_map_says_prominently_that_areas_occupied_since_2022_are_not_drawn(figures):
    fig = figures["ukraine"]
    assert fig.layout.meta["caption"].startswith("Areas occupied since 2022 are not drawn.")
    note = next(a for a in fig.layout.annotations if a.name == "side-note")
    assert "2022" in note.text and note.bgcolor and note.borderwidth >= 1


def test_straits_are_drawn_large_enough_to_see(figures):
    trace = trace_named(figures["turkey"], "Strait")
    assert trace.marker.size >= 18 and trace.marker.line.width >= 2
