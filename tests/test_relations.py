"""explainer.relations: turning points, the 2003 vote figures, partners and the chapter's claims."""

import pytest

from explainer import relations
from explainer.describe import describe
from explainer.sources import load_sources
from explainer.tables import load_table, split_list


def test_turning_points_are_timeline_events_in_date_order():
    points = relations.turning_points()
    timeline = set(load_table("events")["event_id"])
    assert set(points["event_id"]) <= timeline
    assert points["date"].is_monotonic_increasing


def test_unknown_event_in_turning_points_is_named(monkeypatch):
    frame = load_table("us_turkey_turning_points").copy()
    frame.loc[0, "event_id"] = "1999-01-01-made-up"
    monkeypatch.setattr(relations, "load_table", lambda name: frame)
    with pytest.raises(ValueError, match="1999-01-01-made-up"):
        relations.turning_points()


def test_chart_draws_one_bar_per_turning_point_with_its_direction():
    points = relations.turning_points()
    fig = relations.turning_points_chart()
    drawn = {trace.name: list(trace.x) for trace in fig.data}
    assert drawn["Strained ties"] == [-1] * int((points["direction"] == "strained").sum())
    assert drawn["Brought ties closer"] == [1] * int((points["direction"] == "closer").sum())
    assert sum(len(trace.y) for trace in fig.data) == len(points)
    assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text


def test_chart_title_counts_from_the_data():
    points = relations.turning_points()
    strained = int((points["direction"] == "strained").sum())
    assert relations.turning_points_chart().layout.title.text.startswith(f"{strained} of {len(points)} turning points")


def test_chart_start_filter_and_errors():
    later = relations.turning_points_chart(start="2018-01-01")
    labels = [label for trace in later.data for label in trace.y]
    assert not any("1952" in label or "2003" in label for label in labels)
    with pytest.raises(ValueError, match="start='soon'"):
        relations.turning_points_chart(start="soon")
    with pytest.raises(ValueError, match="no turning points"):
        relations.turning_points_chart(start="2099-01-01")


def test_chart_escapes_labels(monkeypatch):
    frame = load_table("us_turkey_turning_points").copy()
    frame.loc[0, "label"] = "<b>bold</b>"
    monkeypatch.setattr(relations, "load_table", lambda name: frame)
    labels = [label for trace in relations.turning_points_chart().data for label in trace.y]
    assert any("&lt;b&gt;" in label for label in labels)
    assert not any("<b>" in label for label in labels)


def test_latest_run():
    assert relations._latest_run(["strained", "closer", "closer"]) == ("closer", 2)
    assert relations._latest_run(["closer", "strained"]) == ("strained", 1)


def test_vote_table_flags_the_figures_the_reports_disagree_on():
    table = relations.vote_2003_table().set_index("Figure")
    assert table.loc["Votes in favour", "Reports agree?"] == "yes"
    assert table.loc["Votes against", "Reports agree?"] == "no"
    assert table.loc["Votes against", "CNN"] == "250"
    assert table.loc["Votes against", "Lawrence Journal-World"] == "251"


def test_aid_chart_shows_every_reported_offer():
    figures = load_table("vote_2003")
    aid = figures[figures["figure"] == "U.S. aid offered"]
    fig = relations.aid_offer_chart()
    assert sorted(fig.data[0].x) == sorted(aid["value"])
    text = describe(fig)
    for publisher in aid["publisher"]:
        assert publisher in text


def test_partners_cite_known_sources_and_have_dates():
    table = relations.partners_table()
    known = set(load_sources()["id"])
    assert {"United States", "Russia", "Ukraine", "Israel"} <= set(table["Partner"])
    for cell in table["source_ids"]:
        assert set(split_list(cell)) <= known
    assert table["As of"].str.match(r"\d{1,2} \w{3} \d{4}").all()


def test_chapter_claims():
    assert relations.chapter_claims()["Claim"].tolist() == ["S06-a", "S11-b", "S13-b"]
    with pytest.raises(ValueError, match="S00-x"):
        relations.chapter_claims(["S00-x"])
