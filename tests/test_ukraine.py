"""The chapter-02 module: talks, prisoner and body figures, and the Black Sea Grain Initiative."""

import shutil

import pandas as pd
import pytest

from explainer import paths, tables, ukraine
from explainer.article import CALL_DATE
from explainer.describe import describe
from explainer.tables import load_table, split_list


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A writable copy of data/ that the loaders read instead of the real one."""
    shutil.copytree(paths.data_dir(), tmp_path / "data")
    shutil.copytree(paths.project_root() / "seeds", tmp_path / "seeds")
    monkeypatch.setattr(paths, "project_root", lambda: tmp_path)
    tables.datapackage.cache_clear()
    yield tmp_path / "data"
    tables.datapackage.cache_clear()


def test_every_round_is_on_the_shared_timeline_with_the_same_date():
    rounds = ukraine.talks()
    timeline = load_table("events").set_index("event_id")
    assert rounds["date"].is_monotonic_increasing
    assert (timeline.loc[rounds["event_id"], "date"].to_numpy() == rounds["date"].to_numpy()).all()
    assert set(timeline.loc[rounds["event_id"], "topics"].map(lambda cell: "ukraine" in split_list(cell))) == {True}


def test_a_round_missing_from_the_timeline_is_reported_by_name(data_copy):
    path = data_copy / "ukraine_talks.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2022-03-10-antalya-foreign-ministers", "2022-03-10-nowhere"), encoding="utf-8")
    with pytest.raises(ValueError, match="2022-03-10-nowhere"):
        ukraine.talks()


def test_talks_table_says_when_a_host_or_venue_is_not_named():
    table = ukraine.talks_table()
    assert (table["Turkish host or chair"] == "not named in the sources we read").sum() == (ukraine.talks()["turkish_host"] == "").sum()
    assert table.loc[0, "Where"].startswith("Antalya (venue not named")


def test_stages_of_the_first_exchange_add_up_to_the_total_both_sides_reported():
    figures = ukraine.talk_figures("prisoners-exchanged-each-side", "2025-05-16-istanbul")
    stages = figures[figures["scope"] == "stage"]["value"].sum()
    totals = figures[figures["scope"] == "total"]
    assert stages == 1000
    assert set(totals["value"]) == {1000} and set(totals["reporting_side"]) == {"ukraine", "russia"}


def test_prisoners_chart_draws_the_table_values_with_each_side_in_its_own_trace():
    fig = ukraine.prisoners_chart()
    traces = {trace.name: dict(zip(trace.x, trace.y)) for trace in fig.data}
    figures = ukraine.talk_figures()
    ru = figures[(figures["figure_id"] == "r2-done-ru")].iloc[0]
    ua = figures[(figures["figure_id"] == "r2-done-ua")].iloc[0]
    label = ukraine.talk_label("2025-06-02-istanbul")
    assert traces["Exchanged, as Russia reports it"][label] == ru["value"]
    assert traces["Exchanged, as Ukraine reports it"][label] == ua["value"]
    # what the delegations announced at the talks is the earliest figure, not Medinsky's later estimate
    assert traces["Agreed at the talks (each side)"][label] == 1000
    text = describe(fig)
    assert "more than 2,000" in text and "none agreed a ceasefire" in text


def test_prisoners_chart_keeps_the_publishers_qualifier_on_the_bars():
    fig = ukraine.prisoners_chart()
    agreed = next(trace for trace in fig.data if trace.name.startswith("Agreed"))
    assert list(agreed.text) == ["1,000", "at least 1,000", "at least 1,200"]


def test_the_two_body_counts_disagree_and_both_are_kept():
    bodies = ukraine.talk_figures("bodies-returned-to-ukraine")
    assert dict(zip(bodies["reporting_side"], bodies["value"])) == {"ukraine": 6057, "russia": 6060}
    assert "6,057" in ukraine.talk_figures_table("bodies").to_string()


def test_commodity_remainder_is_total_minus_itemised():
    frame = ukraine.grain_commodities()
    other = frame.set_index("commodity").loc["Other (not itemised)", "million_tonnes"]
    itemised = frame[frame["commodity"] != "Other (not itemised)"]["million_tonnes"].sum()
    assert other == pytest.approx(ukraine.grain_total("cargo-total-jcc") - itemised, abs=0.005)
    assert "Other (not itemised)" not in set(ukraine.grain_commodities(with_remainder=False)["commodity"])


def test_commodity_chart_title_states_the_largest_share_computed_from_the_data():
    fig = ukraine.commodity_chart()
    frame = ukraine.grain_commodities()
    assert list(fig.data[0].x) == frame["million_tonnes"].tolist()
    share = round(100 * frame.iloc[0]["million_tonnes"] / frame["million_tonnes"].sum())
    assert fig.layout.title.text.startswith(f"Corn made up {share}%")
    assert fig.layout.xaxis.title.text == "Cargo shipped (million tonnes)"


def test_destinations_chart_names_each_publisher_in_its_trace():
    fig = ukraine.destinations_chart()
    names = [trace.name for trace in fig.data]
    assert any(name.startswith("United Nations") for name in names)
    assert any(name.startswith("USDA") for name in names)
    china = {trace.name.split(",")[0]: dict(zip(trace.y, trace.x))["China"] for trace in fig.data}
    assert sorted(china.values()) == [7.7, 8.0]


def test_strings_from_the_data_are_html_escaped_in_the_chart(data_copy):
    path = data_copy / "grain_initiative_commodities.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Corn", "Corn <b>&</b>"), encoding="utf-8")
    fig = ukraine.commodity_chart()
    assert fig.data[0].y[0] == "Corn &lt;b&gt;&amp;&lt;/b&gt;"
    assert "<b>" not in fig.data[0].hovertext[0]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: ukraine.talk_figures(measure="prisoners"), ValueError, "measure='prisoners'"),
        (lambda: ukraine.talk_figures(talk_id="2025-08-01-ankara"), KeyError, "2025-08-01-ankara"),
        (lambda: ukraine.grain_commodities("last-week"), ValueError, "period='last-week'"),
        (lambda: ukraine.grain_total("tonnes"), KeyError, "metric_id='tonnes'"),
        (lambda: ukraine.talk_figures_table("ships"), ValueError, "kind='ships'"),
        (lambda: ukraine.talk_label("moscow"), KeyError, "talk_id='moscow'"),
    ],
)
def test_bad_arguments_raise_errors_that_name_them(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_peace_push_ends_at_the_call_and_covers_the_ceasefire_proposal():
    frame = ukraine.peace_push_events()
    assert frame["date"].max() == pd.Timestamp(CALL_DATE)
    assert frame["event_id"].str.contains("jeddah").any()


def test_every_source_of_the_chapter_tables_is_in_the_bibliography(source_ids):
    assert set(ukraine.source_ids_of_chapter()) <= source_ids


def test_talks_timeline_draws_every_round_in_its_own_lane_and_labels_it():
    rounds = ukraine.talks()
    fig = ukraine.talks_timeline_chart()
    talks = next(trace for trace in fig.data if trace.name == "Talks hosted by Turkey")
    assert list(talks.x) == rounds["date"].dt.strftime("%Y-%m-%d").tolist()
    assert talks.marker.symbol == "diamond"
    labels = [a for a in fig.layout.annotations if a.name == "event-label"]
    for talk_id in rounds["talk_id"]:
        assert sum(a.text == ukraine.talk_label(talk_id) for a in labels) == 1
    # the war's other events are grey and unlabelled; the call has its own marker and a label
    other = next(trace for trace in fig.data if trace.name == "Other events of the war")
    assert other.marker.color == "#9E9E9E"
    assert not set(other.x) & set(talks.x)
    call = next(trace for trace in fig.data if "call" in trace.name)
    assert list(call.x) == [f"{CALL_DATE:%Y-%m-%d}"]
    assert any("Trump–Erdoğan call" in a.text for a in labels)


def test_talks_timeline_marks_the_longest_gap_computed_from_the_data():
    rounds = ukraine.talks()
    gaps = rounds["date"].diff().dt.days
    widest = int(gaps.max())
    fig = ukraine.talks_timeline_chart()
    assert f"{widest:,} days" in fig.layout.title.text
    gap = next(a for a in fig.layout.annotations if "without talks" in (a.text or ""))
    assert gap.text.startswith(f"{widest:,} days without talks")
    line = fig.layout.shapes[0]
    assert (line.x0, line.x1) == ("2022-03-29", "2025-05-16")


def test_talks_timeline_labels_do_not_share_a_row_within_a_side():
    fig = ukraine.talks_timeline_chart()
    labels = [a for a in fig.layout.annotations if a.name == "event-label" and a.showarrow]
    rows = [(a.xanchor, a.ay) for a in labels]
    assert len(rows) == len(set(rows))


def test_talks_timeline_rejects_a_start_after_every_event():
    with pytest.raises(ValueError, match="start='2099-01-01'"):
        ukraine.talks_timeline_chart(start="2099-01-01")


def test_prisoners_chart_explains_missing_exchange_figures_and_leaves_headroom():
    fig = ukraine.prisoners_chart()
    label = ukraine.talk_label("2025-07-23-istanbul")
    exchanged = [trace for trace in fig.data if trace.name.startswith("Exchanged")]
    assert all(label not in trace.x for trace in exchanged)
    notes = [a for a in fig.layout.annotations if a.name == "event-label"]
    assert [a.x for a in notes] == [label]
    assert "not reported in the sources we read" in notes[0].text.replace("<br>", " ")
    tallest = max(max(trace.y) for trace in fig.data)
    assert fig.layout.yaxis.range[1] >= tallest * 1.2


def test_commodity_labels_use_one_precision_per_period():
    whole = ukraine.commodity_chart()
    assert all(len(text.split(".")[1]) == 2 for text in whole.data[0].text)
    assert list(whole.data[0].text[:2]) == ["16.81", "8.91"]
    fortnight = ukraine.commodity_chart("first-fortnight")
    assert all(len(text.split(".")[1]) == 3 for text in fortnight.data[0].text)


def test_destination_labels_say_where_a_source_gives_whole_numbers():
    fig = ukraine.destinations_chart()
    labels = {trace.name.split(",")[0]: dict(zip(trace.y, trace.text)) for trace in fig.data}
    assert labels["USDA Foreign Agricultural Service"] == {"China": "7.7", "Spain": "5.9", "Türkiye": "3.2"}
    assert labels["United Nations (via Agriland)"] == {"China": "8 (whole Mt)", "Spain": "6 (whole Mt)", "Türkiye": "3.2"}
    assert "whole million tonnes" in describe(fig)


def test_talks_timeline_summary_counts_the_grey_dots_it_draws():
    fig = ukraine.talks_timeline_chart()
    grey = next(trace for trace in fig.data if trace.name == "Other events of the war")
    summary = fig.layout.meta["summary"]
    assert f"{len(grey.x)} other events of the war are shown in grey" in summary
    assert "the Trump–Erdoğan call as a black square" in summary
