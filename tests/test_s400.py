"""The S-400 range map: rings at the published ranges, and a title that the distances support."""


import pytest

from explainer import s400
from explainer.describe import describe
from explainer.geo import distance_km, place


def test_one_ring_per_published_range_and_each_ring_is_at_its_distance():
    table = s400.load_s400_ranges()
    fig = s400.s400_range_map()
    rings = [trace for trace in fig.data if trace.name and trace.name.endswith(" km") and ":" in trace.name]
    assert [trace.name for trace in rings] == [f"{row.label}: {row.range_km} km" for row in table.itertuples()]
    centre = place("murted-air-base")
    for trace, expected in zip(rings, table["range_km"]):
        points = [(lat, lon) for lat, lon in zip(trace.lat, trace.lon) if lat is not None]
        measured = [distance_km(centre["latitude"], centre["longitude"], lat, lon) for lat, lon in points]
        assert min(measured) == pytest.approx(expected, rel=0.01)
        assert max(measured) == pytest.approx(expected, rel=0.01)


def test_title_puts_each_place_on_the_right_side_of_the_longest_ring():
    longest = int(s400.load_s400_ranges()["range_km"].max())
    distances = s400.place_distances()
    title = describe(s400.s400_range_map()).splitlines()[0].split(" — ")[0]
    spans, _, beyond = title.partition(" but not ")
    for row in distances.itertuples():
        if row.distance_km <= longest:
            assert row.name in spans and row.name not in beyond
        else:
            assert row.name in beyond and f"({row.distance_km:.0f} km)" in beyond


def test_every_range_cites_a_source(source_ids):
    from explainer.tables import split_list

    for cell in s400.load_s400_ranges()["source_ids"]:
        assert set(split_list(cell)) <= source_ids


def test_unknown_centre_is_an_error():
    with pytest.raises(Exception, match="nowhere"):
        s400.s400_range_map(center="nowhere")


def test_reader_table_lists_every_range_with_its_sources():
    table = s400.ranges_table()
    assert list(table["Published range (km)"]) == list(s400.load_s400_ranges()["range_km"])
    assert not table["Sources"].str.contains(";").any()
