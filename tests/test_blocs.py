"""explainer.blocs (chapter 01): turning points, the 2003 vote figures, partners and the chapter's claims."""

import re
import pandas as pd
import pytest

from explainer import blocs
from explainer.describe import describe
from explainer.sources import load_sources
from explainer.tables import load_table, split_list


def test_turning_points_are_timeline_events_in_date_order():
    points = blocs.turning_points()
    timeline = set(load_table("events")["event_id"])
    assert set(points["event_id"]) <= timeline
    assert points["date"].is_monotonic_increasing


def test_unknown_event_in_turning_points_is_named(monkeypatch):
    frame = load_table("us_turkey_turning_points").copy()
    frame.loc[0, "event_id"] = "1999-01-01-made-up"
    monkeypatch.setattr(blocs.data, "load_table", lambda name: frame)
    with pytest.raises(ValueError, match="1999-01-01-made-up"):
        blocs.turning_points()


def test_chart_draws_each_turning_point_at_its_true_date_coloured_by_direction():
    points = blocs.turning_points()
    fig = blocs.turning_points_chart()
    assert fig.layout.xaxis.type == "date"
    for direction, style in blocs.DIRECTIONS.items():
        trace = next(trace for trace in fig.data if trace.name == style["label"])
        chosen = points[points["direction"] == direction]
        assert list(trace.x) == chosen["date"].dt.strftime("%Y-%m-%d").tolist()
        assert trace.marker.color == style["colour"]
        # every dot carries its own label: date and name
        assert [text.split(": ", 1)[0] for text in trace.text] == chosen["when"].tolist()
    assert sum(len(trace.x) for trace in fig.data) == len(points)
    # one row per point, in date order
    rows = sorted(y for trace in fig.data for y in trace.y)
    assert rows == list(range(len(points)))
    assert fig.layout.showlegend is not False and fig.layout.xaxis.title.text
    assert "our reading" in " ".join(re.sub(r"</?sup>|<br>", " ", fig.layout.title.text).split())


def test_chart_spaces_points_by_date_not_by_rank():
    fig = blocs.turning_points_chart()
    dates = sorted(pd.Timestamp(x) for trace in fig.data for x in trace.x)
    low, high = (pd.Timestamp(bound) for bound in fig.layout.xaxis.range)
    assert low <= dates[0] and dates[-1] <= high
    assert (dates[1] - dates[0]).days > 50 * 365  # 1952 to 2003


def test_chart_labels_stay_inside_the_axis():
    fig = blocs.turning_points_chart()
    low, high = (pd.Timestamp(bound) for bound in fig.layout.xaxis.range)
    middle = low + (high - low) / 2
    for trace in fig.data:
        for x, position in zip(trace.x, trace.textposition):
            assert position == ("middle right" if pd.Timestamp(x) < middle else "middle left")


def test_chart_title_counts_from_the_data():
    points = blocs.turning_points()
    strained = int((points["direction"] == "strained").sum())
    assert blocs.turning_points_chart().layout.title.text.startswith(f"{strained} of {len(points)} turning points")


def test_chart_start_filter_and_errors():
    later = blocs.turning_points_chart(start="2018-01-01")
    labels = [label for trace in later.data for label in trace.text]
    assert labels and not any("1952" in label or "2003" in label for label in labels)
    with pytest.raises(ValueError, match="start='soon'"):
        blocs.turning_points_chart(start="soon")
    with pytest.raises(ValueError, match="no turning points"):
        blocs.turning_points_chart(start="2099-01-01")


def test_chart_escapes_labels(monkeypatch):
    frame = load_table("us_turkey_turning_points").copy()
    frame.loc[0, "label"] = "<b>bold</b>"
    monkeypatch.setattr(blocs.data, "load_table", lambda name: frame)
    labels = [label for trace in blocs.turning_points_chart().data for label in list(trace.text) + list(trace.hovertext)]
    assert any("&lt;b&gt;" in label for label in labels)
    assert not any("<b>" in label for label in labels)


def test_latest_run():
    assert blocs.figures._latest_run(["strained", "closer", "closer"]) == ("closer", 2)
    assert blocs.figures._latest_run(["closer", "strained"]) == ("strained", 1)


def test_vote_table_flags_the_figures_the_reports_disagree_on():
    table = blocs.vote_2003_table().set_index("Figure")
    assert table.loc["Votes in favour", "Reports agree?"] == "yes"
    assert table.loc["Votes against", "Reports agree?"] == "no"
    assert table.loc["Votes against", "CNN"] == "250"
    assert table.loc["Votes against", "Lawrence Journal-World"] == "251"


def test_aid_chart_shows_every_reported_offer():
    figures = load_table("vote_2003")
    aid = figures[figures["figure"] == "U.S. aid offered"]
    fig = blocs.aid_offer_chart()
    assert sorted(fig.data[0].x) == sorted(aid["value"])
    assert sorted(fig.data[0].text) == sorted(f"${value:g}bn" for value in aid["value"])
    text = describe(fig)
    for publisher in aid["publisher"]:
        assert publisher in text


def test_partners_cite_known_sources_and_have_dates():
    table = blocs.partners_table()
    known = set(load_sources()["id"])
    assert {"United States", "Russia", "Ukraine", "Israel"} <= set(table["Partner"])
    assert "source_ids" not in table.columns
    for cell, raw in zip(table["Sources"], blocs.load_partners()["source_ids"]):
        assert cell.split(", ") == split_list(raw)
        assert set(cell.split(", ")) <= known
    assert table["As of"].str.match(r"\d{1,2} \w{3} \d{4}").all()


def test_chapter_claims():
    assert blocs.chapter_claims()["Claim"].tolist() == ["S06-a", "S11-b", "S13-b"]
    with pytest.raises(ValueError, match="S00-x"):
        blocs.chapter_claims(["S00-x"])


def test_turning_points_table_lists_sources_for_readers():
    table = blocs.turning_points_table()
    assert "source_ids" not in table.columns
    raw = blocs.turning_points()["source_ids"]
    assert table["Sources"].tolist() == [", ".join(split_list(cell)) for cell in raw]
