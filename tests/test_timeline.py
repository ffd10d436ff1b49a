
import pandas as pd
import pytest

from explainer import timeline
from explainer.currency import newest_fact
from explainer.prose import format_date
from explainer.describe import describe
from explainer.sources import load_sources
from explainer.tables import load_table


def test_events_are_in_date_order_and_none_is_in_the_future():
    frame = timeline.events()
    assert frame["date"].is_monotonic_increasing
    assert frame["date"].max() <= load_sources()["date_accessed"].max()


def test_month_and_year_precision_dates_fall_on_the_first_of_the_period():
    frame = load_table("events")
    month = frame[frame["date_precision"] == "month"]["date"]
    year = frame[frame["date_precision"] == "year"]["date"]
    assert (month.dt.day == 1).all()
    assert ((year.dt.day == 1) & (year.dt.month == 1)).all()


def test_event_ids_start_with_their_date():
    frame = load_table("events")
    assert (frame["event_id"].str[:10] == frame["date"].dt.strftime("%Y-%m-%d")).all()


def test_sources_were_published_before_we_read_them():
    sources = load_sources().dropna(subset=["date_published"])
    assert (sources["date_published"] <= sources["date_accessed"]).all()


def test_topic_and_date_filters():
    frame = timeline.events(topics=["brunson"], start="2018-01-01", end="2018-12-31")
    assert len(frame) >= 1
    assert frame["topics"].str.contains("brunson").all()
    assert frame["date"].between(pd.Timestamp("2018-01-01"), pd.Timestamp("2018-12-31")).all()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"topics": ["weather"]}, "weather"),
        ({"start": "2020-01-01", "end": "2019-01-01"}, "after"),
        ({"start": "not a date"}, "not a date"),
    ],
)
def test_bad_filters_are_named(kwargs, message):
    with pytest.raises(ValueError, match=message):
        timeline.events(**kwargs)


def test_a_topic_string_is_rejected():
    with pytest.raises(TypeError):
        timeline.events(topics="gaza")


def test_dates_are_written_only_as_precisely_as_known():
    stamp = pd.Timestamp("2019-12-01")
    assert format_date(stamp, "month") == "Dec 2019"
    assert format_date(stamp, "day") == "1 Dec 2019"
    assert format_date(stamp, "year-end") == "end of 2019"
    with pytest.raises(ValueError, match="decade"):
        format_date(stamp, "decade")


def test_chart_has_one_dot_per_event_and_topic_and_highlights_the_call():
    frame = timeline.events(topics=["the-call"])
    fig = timeline.timeline_chart(topics=["the-call"])
    assert len(fig.data[0].x) == len(frame)
    sizes = dict(zip(fig.data[0].x, fig.data[0].marker.size))
    assert sizes["2025-05-05"] > sizes["2025-03-16"]
    assert "Trump–Erdoğan" in describe(fig)


def test_chart_states_the_date_its_own_topics_run_to():
    fig = timeline.timeline_chart(topics=["gaza"])
    newest_gaza = timeline.events(["gaza"])["date"].max()
    assert f"Newest event on these topics in our sources: {newest_gaza:%-d %b %Y}" in fig.layout.title.text
    everything = timeline.timeline_chart()
    assert f"Newest event on any topic in our sources: {timeline.as_of():%-d %b %Y}" in everything.layout.title.text
    window = timeline.timeline_chart(topics=["gaza"], start="2023-01-01", end="2023-12-31", highlight=None)
    assert "Newest event" not in window.layout.title.text


def test_chart_escapes_strings_from_the_data(monkeypatch):
    frame = load_table("events")
    frame.loc[0, "title"] = "<img src=x onerror=alert(1)>"
    monkeypatch.setattr(timeline, "load_table", lambda name: frame)
    fig = timeline.timeline_chart(topics=["nato"], highlight=None)
    assert all("<img" not in text for text in fig.data[0].hovertext)


def test_empty_selection_and_unknown_highlight_are_errors():
    with pytest.raises(ValueError, match="no events"):
        timeline.timeline_chart(topics=["brunson"], start="2024-01-01")
    with pytest.raises(ValueError, match="highlight"):
        timeline.timeline_chart(highlight="no-such-event")


def test_every_place_an_event_names_is_in_the_gazetteer():
    from explainer.tables import split_list

    gazetteer = set(load_table("places")["id"])
    for row in load_table("events").itertuples():
        unknown = set(split_list(row.places)) - gazetteer
        assert not unknown, f"{row.event_id}: places {sorted(unknown)} are not in data/places.csv"


def test_labelled_events_are_written_on_the_chart_and_in_its_description():
    fig = timeline.timeline_chart(topics=["brunson"], labels=["2018-10-12-brunson-released"], highlight=None)
    labels = [annotation for annotation in fig.layout.annotations if annotation.name == "event-label"]
    assert len(labels) == 1 and labels[0].x == "2018-10-12"
    assert "Labelled on the chart: 12 Oct 2018:" in describe(fig)


def test_an_unknown_label_is_named():
    with pytest.raises(ValueError, match="no-such-event"):
        timeline.timeline_chart(labels=["no-such-event"])


def test_facts_run_to_the_newest_event_of_the_chosen_topics(monkeypatch):
    frame = pd.DataFrame(
        {
            "event_id": ["2020-01-05-a", "2021-03-01-b", "2022-07-09-c"],
            "date": pd.to_datetime(["2020-01-05", "2021-03-01", "2022-07-09"]),
            "date_precision": ["day", "month", "day"],
            "title": ["a", "b", "c"],
            "description": ["a", "b", "c"],
            "topics": ["gaza", "syria;gaza", "ukraine"],
            "places": ["", "", ""],
            "source_ids": ["article", "article", "article"],
        }
    )
    monkeypatch.setattr(timeline, "load_table", lambda name: frame)
    assert newest_fact(["gaza"]) == pd.Timestamp(2021, 3, 1)
    assert newest_fact(["syria"]) == pd.Timestamp(2021, 3, 1)
    assert newest_fact(["gaza", "ukraine"]) == pd.Timestamp(2022, 7, 9)
    with pytest.raises(ValueError, match="brunson"):
        newest_fact(["brunson"])
    with pytest.raises(ValueError, match="weather"):
        newest_fact(["weather"])


def test_facts_run_to_in_the_real_timeline_is_never_after_the_sources_were_read():
    newest = timeline.as_of()
    for topic in timeline.TOPICS:
        assert newest_fact([topic]) <= newest
