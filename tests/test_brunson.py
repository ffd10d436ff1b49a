"""explainer.brunson: the lira table, its charts, the dispute durations and the comparison."""

import pandas as pd
import pytest

from explainer import brunson
from explainer.timeline import events
from explainer.describe import describe
from explainer.sources import load_sources
from explainer.tables import load_table, split_list


@pytest.fixture
def lira_csv():
    return load_table("lira_2018")


def test_rates_and_falls_split_the_table(lira_csv):
    rates, falls = brunson.lira_rates(), brunson.lira_falls()
    assert len(rates) + len(falls) == len(lira_csv)
    assert set(rates["measure"]) == {"lira-per-dollar"}
    assert falls["value"].is_monotonic_decreasing


def test_lira_chart_draws_every_rate_with_its_publisher(lira_csv):
    fig = brunson.lira_chart()
    drawn = sorted(value for trace in fig.data for value in trace.y)
    expected = sorted(lira_csv.loc[lira_csv["measure"] == "lira-per-dollar", "value"])
    assert drawn == expected
    texts = [text for trace in fig.data for text in trace.text]
    for publisher in set(lira_csv.loc[lira_csv["measure"] == "lira-per-dollar", "publisher"]):
        assert any(publisher in text for text in texts), publisher
    assert fig.layout.yaxis.title.text == "Lira per US dollar"
    assert fig.layout.xaxis.title.text.startswith("Date")


def test_lira_chart_title_states_the_extremes_from_the_data(lira_csv):
    rates = lira_csv[lira_csv["measure"] == "lira-per-dollar"]
    fig = brunson.lira_chart()
    assert f"{rates['value'].max():.2f}" in fig.layout.title.text
    assert f"{rates['value'].min():.2f}" in fig.layout.title.text
    assert "summary" in fig.layout.meta


def test_lira_chart_marks_the_events_of_the_timeline():
    fig = brunson.lira_chart()
    labels = [a.text for a in fig.layout.annotations if a.name == "event"]
    assert labels == list(brunson.LIRA_MARKERS.values())
    lines = [shape.x0 for shape in fig.layout.shapes]
    assert "2018-10-12" in lines


def test_lira_chart_rejects_an_unknown_event():
    with pytest.raises(ValueError, match="markers='no-such-event'"):
        brunson.lira_chart(markers={"no-such-event": "x"})


def test_lira_chart_escapes_text_from_the_data(monkeypatch, lira_csv):
    evil = lira_csv.copy()
    evil.loc[0, "publisher"] = "<script>alert(1)</script>"
    monkeypatch.setattr(brunson.data, "load_table", lambda name: evil)
    fig = brunson.lira_chart()
    texts = " ".join(text for trace in fig.data for text in trace.text)
    assert "<script>" not in texts and "&lt;script&gt;" in texts


def test_implausible_rate_is_rejected_with_its_row(monkeypatch, lira_csv):
    bad = lira_csv.copy()
    bad.loc[0, "value"] = 720.0
    monkeypatch.setattr(brunson.data, "load_table", lambda name: bad)
    with pytest.raises(ValueError, match=bad.loc[0, "observation_id"]):
        brunson.load_lira()


def test_daily_fall_chart_shows_every_report_and_its_range():
    falls = brunson.lira_falls()
    fig = brunson.daily_fall_chart()
    assert list(fig.data[0].x) == falls["value"].tolist()
    assert f"{falls['value'].min():g}% to {falls['value'].max():g}%" in fig.layout.title.text
    text = describe(fig)
    for publisher in falls["publisher"]:
        assert publisher in text


def test_dispute_durations_are_computed_from_the_timeline():
    events = load_table("events").set_index("event_id")
    durations = brunson.dispute_durations().set_index("dispute")
    brunson_days = (events.loc["2018-10-12-brunson-released", "date"] - events.loc["2018-08-01-us-sanctions-turkish-ministers", "date"]).days
    assert durations.loc["Brunson case", "days"] == brunson_days == 72
    f35 = durations.loc["S-400/F-35 dispute"]
    newest = load_table("events").query("topics.str.contains('f35-s400')", engine="python")["date"].max()
    assert f35["status"] == "still open" and f35["until_date"] == newest


def test_dispute_dated_only_to_the_month_is_refused():
    spec = {"x": {"topic": "brunson", "start": "2016-10-01-brunson-detained", "end": "2018-10-12-brunson-released"}}
    with pytest.raises(ValueError, match="month"):
        brunson.dispute_durations(spec)


def test_dispute_with_unknown_event_names_the_argument():
    with pytest.raises(ValueError, match=r"disputes\['x'\]\['start'\]"):
        brunson.dispute_durations({"x": {"topic": "brunson", "start": "nope", "end": None}})


def test_dispute_chart_values_and_description():
    fig = brunson.dispute_duration_chart()
    assert list(fig.data[0].x) == brunson.dispute_durations()["days"].tolist()
    assert "72 days" in fig.layout.title.text
    durations = brunson.dispute_durations()
    assert list(fig.data[0].text) == [f"{days:,} days" for days in durations["days"]]
    assert f"{durations['days'].max():,}" in fig.layout.title.text
    assert "Horizontal bar chart." in describe(fig)


def test_comparison_table_cites_known_sources():
    table = brunson.comparison_table()
    known = set(load_sources()["id"])
    assert set(table["Alike?"]) <= {"similar", "different"}
    assert "source_ids" not in table.columns
    for cell, raw in zip(table["Sources"], brunson.load_comparison()["source_ids"]):
        assert cell.split(", ") == split_list(raw)
        assert set(cell.split(", ")) <= known


def test_chapter_claims_are_the_brunson_sentence():
    claims = brunson.chapter_claims()
    assert claims["Claim"].tolist() == ["S12-a", "S12-b", "S12-c"]
    with pytest.raises(ValueError, match="S99-z"):
        brunson.chapter_claims(["S99-z"])
    with pytest.raises(TypeError):
        brunson.chapter_claims("S12-a")


def test_lira_table_names_the_start_of_the_year():
    table = brunson.lira_table()
    assert (table["Date"] == "Start of 2018").sum() == 2
    assert isinstance(table, pd.DataFrame)


def test_daily_fall_chart_source_line_fits_the_narrow_plot():
    fig = brunson.daily_fall_chart()
    line = next(a for a in fig.layout.annotations if a.name == "source-line")
    assert all(len(part) <= 95 for part in line.text.split("<br>"))
    assert fig.layout.margin.b > 60 + 15 * line.text.count("<br>")


def test_lira_chart_event_labels_alternate_in_height():
    heights = [a.y for a in brunson.lira_chart().layout.annotations if a.name == "event"]
    assert heights[0] != heights[1]


def test_daily_fall_labels_carry_the_percent_sign():
    fig = brunson.daily_fall_chart()
    falls = brunson.lira_falls()
    assert list(fig.data[0].text) == [f"{value:g}%" for value in falls["value"]]


def test_lira_table_shows_rates_as_stored_and_says_precision_varies():
    table = brunson.lira_table()
    rates = brunson.lira_rates()
    column = next(c for c in table.columns if c.startswith("Lira per US dollar"))
    assert "precision varies" in column
    assert [float(text) for text in table[column]] == rates["value"].tolist()
    assert "7.2149" in set(table[column]) and "6.2" in set(table[column])
    assert table["Sources"].tolist() == [", ".join(split_list(cell)) for cell in rates["source_ids"]]


def test_periods_agree_with_the_timeline_and_the_sources():
    periods = brunson.load_periods().set_index("period_id")
    assert periods.loc["detention", "start"] == pd.Timestamp("2016-10-07")
    assert periods.loc["detention", "end"] == periods.loc["house-arrest", "start"]
    timeline = load_table("events").set_index("event_id")["date"]
    assert periods.loc["house-arrest", "end"] == timeline["2018-10-12-brunson-released"]
    assert periods.loc["sanctions-to-release", "start"] == timeline["2018-08-01-us-sanctions-turkish-ministers"]
    assert periods.loc["sanctions-to-release", "days"] == 72
    known = set(load_sources()["id"])
    for cell in periods["source_ids"]:
        assert set(split_list(cell)) <= known


def test_period_whose_date_disagrees_with_its_event_is_named(monkeypatch):
    frame = load_table("brunson_periods").copy()
    frame.loc[frame["period_id"] == "house-arrest", "end"] = pd.Timestamp("2018-10-13")
    real = brunson.data.load_table
    monkeypatch.setattr(brunson.data, "load_table", lambda name: frame if name == "brunson_periods" else real(name))
    with pytest.raises(ValueError, match="'house-arrest'.*2018-10-12-brunson-released"):
        brunson.load_periods()


def test_case_timeline_draws_the_periods_and_labels_every_event():
    fig = brunson.case_timeline_chart()
    periods = brunson.load_periods()
    for period in periods.itertuples():
        bars = [trace for trace in fig.data if trace.legendgroup == period.period_id]
        assert len(bars) == 2  # overview and enlargement
        assert all(list(bar.x) == [f"{period.start:%Y-%m-%d}", f"{period.end:%Y-%m-%d}"] for bar in bars)
    case = events(["brunson"], end="2018-11-30")
    labels = [a.text for a in fig.layout.annotations if a.name == "event-label"]
    assert len(labels) == len(case)
    for title in case["title"]:
        assert sum(title in label for label in labels) == 1
    held = periods[periods["lane"] == "held"]["days"].sum()
    assert fig.layout.title.text.startswith(f"Brunson was held for {held:,} days")
    assert fig.layout.xaxis.type == "date" and fig.layout.xaxis2.type == "date"


def test_case_timeline_enlarges_the_last_months_so_august_events_are_apart():
    fig = brunson.case_timeline_chart()
    low, high = (pd.Timestamp(bound) for bound in fig.layout.xaxis2.range)
    assert (high - low).days < 130
    assert low < pd.Timestamp("2018-07-25") and high > pd.Timestamp("2018-11-02")
    # each label of the enlargement has a line of its own
    rows = [a.ay for a in fig.layout.annotations if a.name == "event-label" and a.xref == "x2"]
    in_window = events(["brunson"], end="2018-11-30").query("@low <= date <= @high")
    assert len(rows) == len(set(rows)) == len(in_window) >= 6
