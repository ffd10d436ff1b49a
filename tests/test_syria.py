import html

import pandas as pd
import pytest

from explainer import syria
from explainer.article import CALL_DATE
from explainer.prose import figure_label, format_date
from explainer.describe import describe, plain
from explainer.tables import split_list


def _trace(fig, name_start):
    return next(trace for trace in fig.data if trace.name.startswith(name_start))


def test_refugee_chart_draws_every_figure_of_each_publisher():
    frame = syria.refugees()
    fig = syria.refugee_chart()
    for publisher, style in syria.PUBLISHERS.items():
        rows = frame[frame["publisher"] == publisher]
        trace = _trace(fig, style["label"][:10])
        assert list(trace.y) == rows["value"].astype(int).tolist()
        assert list(trace.x) == rows["date"].dt.strftime("%Y-%m-%d").tolist()


def test_refugee_chart_names_each_publisher_in_the_chart_and_keeps_unhcr_qualifiers():
    fig = syria.refugee_chart()
    names = [trace.name for trace in fig.data]
    assert any(name.startswith("Turkish government") for name in names)
    assert any(name.startswith("UNHCR") for name in names)
    unhcr = _trace(fig, "UNHCR")
    assert any(text.endswith("over 3,600,000 people") for text in unhcr.text)
    assert "UNHCR" in describe(fig)


def test_refugee_chart_title_states_the_fall_computed_from_the_data():
    government = syria.verified(syria.refugees().query("publisher == 'Turkish government'"))
    peak, last = government["value"].max(), government.sort_values("date")["value"].iloc[-1]
    fig = syria.refugee_chart()
    assert f"{int(peak):,}" in fig.layout.title.text and f"{int(last):,}" in fig.layout.title.text
    assert f"{(peak - last) / peak * 100:.0f}%" in fig.layout.title.text
    assert fig.layout.xaxis.title.text and "people" in fig.layout.yaxis.title.text.lower()


def test_no_headline_figure_rests_on_an_unverified_row_and_the_chart_names_the_newer_ones():
    frame = syria.refugees().copy()
    government = frame["publisher"] == "Turkish government"
    newest = frame[government].sort_values("date").index[-1]
    frame.loc[newest, "note"] = syria.UNVERIFIED + " test row"
    frame.loc[newest, "value"] = 1
    fig = syria.refugee_chart(frame)
    when = format_date(frame.loc[newest, "date"], frame.loc[newest, "date_precision"])
    assert f"to 1 ({when})" not in fig.layout.title.text
    assert "unverified" in describe(fig) and f"1 ({when})" in describe(fig)
    symbols = _trace(fig, "Turkish government").marker.symbol
    assert symbols[-1] == "circle-open" and symbols[0] == "circle"
    peak = syria.register_peak(frame)["Turkish government"]
    assert peak["newest_value"] != 1 and f"{peak['newest_value']:,}" in fig.layout.title.text
    assert peak["newer_unverified"][-1] == f"1 ({when})"


def test_axis_titles_are_short_enough_not_to_run_into_the_subtitle():
    # A vertical axis title longer than the plotting area is tall runs up into the subtitle.
    for fig in (syria.refugee_chart(), syria.returns_chart()):
        assert len(fig.layout.yaxis.title.text) <= 30
    for fig in (syria.refugee_chart(), syria.returns_chart(), syria.sanctions_timeline_chart()):
        title = plain(fig.layout.title.text.split("<br>")[0])
        assert len(title) <= 105, title


def test_returns_chart_keeps_the_measures_apart_and_matches_the_data():
    frame = syria.returns()
    fig = syria.returns_chart()
    assert len(fig.data) == frame["measure"].nunique()
    for measure, style in syria.RETURN_MEASURES.items():
        trace = _trace(fig, style["label"])
        assert list(trace.y) == frame.loc[frame["measure"] == measure, "value"].astype(int).tolist()
    newest = frame[frame["measure"] == "returns-from-turkiye-since-fall-of-assad"].iloc[-1]
    title = fig.layout.title.text.split("<br>")[0]
    assert f"{int(newest['value']):,}" in title and "UNHCR" in title and "Turkish government" in title


def test_returns_chart_draws_long_spans_without_figures_as_dotted_gaps():
    frame = syria.returns()
    fig = syria.returns_chart()
    assert all(trace.mode == "markers" for trace in fig.data)  # points are the published figures
    segments = [shape for shape in fig.layout.shapes if (shape.name or "").startswith(("gap:", "line:"))]
    assert segments
    dotted = [(shape.x0, shape.x1) for shape in segments if shape.line.dash == "dot"]
    expected = syria.gaps(frame[frame["measure"] != "returns-from-turkiye-monitored-by-unhcr"])
    assert sorted(dotted) == sorted(zip(expected["start"].dt.strftime("%Y-%m-%d"), expected["end"].dt.strftime("%Y-%m-%d")))
    # the spans around the call: Turkey's 28 Dec 2024 -> mid-June 2025 and UNHCR's 16 Jan -> 19 Jun 2025
    assert ("2024-12-28", "2025-06-15") in dotted and ("2025-01-16", "2025-06-19") in dotted
    assert all((pd.Timestamp(b) - pd.Timestamp(a)).days > syria.GAP_DAYS for a, b in dotted)
    assert all(shape.name.startswith("gap:") == (shape.line.dash == "dot") for shape in segments)
    solid = [shape for shape in segments if shape.line.dash == "solid"]
    assert all((pd.Timestamp(s.x1) - pd.Timestamp(s.x0)).days <= syria.GAP_DAYS for s in solid)
    summary = describe(fig)
    assert "dotted lines join figures more than three months apart" in summary
    assert "28 Dec 2024 to c. 15 Jun 2025" in summary
    assert any(annotation.name == "gap-label" for annotation in fig.layout.annotations)


def test_gaps_checks_its_threshold():
    with pytest.raises(ValueError, match="days must be"):
        syria.gaps(syria.returns(), days=0)
    assert syria.gaps(syria.returns(), days=10_000).empty


def test_sanctions_status_on_the_call_date_agrees_with_the_recorded_column():
    frame = syria.sanctions()
    restrictions = frame[frame["role"] == "restriction"]
    computed = syria.in_force(restrictions, CALL_DATE).map({True: "yes", False: "no"})
    assert computed.tolist() == restrictions["in_force_on_call_date"].tolist()
    assert (frame.loc[frame["role"] == "relief", "date"] > CALL_DATE).sum() == (
        frame["in_force_on_call_date"] == "not-yet"
    ).sum()


def test_sanctions_on_a_date_follows_the_end_dates():
    table = syria.sanctions_on("2025-07-02")
    status = dict(zip(table["Restriction"], table["In force on 2 Jul 2025"]))
    assert status["Executive Order 13338 (national emergency with respect to Syria)"] == "no"
    assert status["Caesar Syria Civilian Protection Act of 2019"] == "yes"
    before = syria.sanctions_on("2000-01-01")
    assert before["In force on 1 Jan 2000"].tolist().count("yes") == 1  # only the 1979 designation


def test_relief_steps_name_restrictions_that_exist():
    frame = syria.sanctions()
    restrictions = set(frame.loc[frame["role"] == "restriction", "measure_id"])
    for cell in frame["affects"]:
        assert set(split_list(cell)) <= restrictions


def test_sanctions_chart_draws_one_bar_per_restriction_ending_where_the_data_say():
    frame = syria.sanctions()
    fig = syria.sanctions_timeline_chart()
    bars = [trace for trace in fig.data if trace.mode == "lines+markers"]
    restrictions = frame[frame["role"] == "restriction"].sort_values("date")
    assert len(bars) == len(restrictions)
    for bar, row in zip(bars, restrictions.itertuples()):
        finish = row.status_as_of if pd.isna(row.ended) else row.ended
        assert list(bar.x) == [row.date.strftime("%Y-%m-%d"), finish.strftime("%Y-%m-%d")]
    relief = _trace(fig, "Steps that eased")
    assert len(relief.x) == (frame["role"] == "relief").sum()


def test_sanctions_chart_labels_each_bar_end_with_its_own_date():
    frame = syria.sanctions()
    restrictions = frame[frame["role"] == "restriction"]
    for fig in (syria.sanctions_timeline_chart(), syria.sanctions_timeline_chart(start="2024-12-01", end="2026-01-31")):
        labels = {annotation.y: annotation.text for annotation in fig.layout.annotations if annotation.name == "bar-end-label"}
        assert len(labels) == len(restrictions)
        for row in restrictions.itertuples():
            if pd.isna(row.ended):
                assert labels[row.short_name].startswith(f"in force when last checked, {row.status_as_of:%-d %b %Y}")
            else:
                assert labels[row.short_name] == f"ended {row.ended:%-d %b %Y}"
    act = restrictions.set_index("measure_id").loc["syria-accountability-act-2003"]
    assert f"Syria Accountability Act (2003) (checked {act['status_as_of']:%-d %b %Y})" in describe(fig)


def test_sanctions_chart_zoom_clips_bars_and_drops_earlier_steps():
    fig = syria.sanctions_timeline_chart(start="2025-03-01", end="2025-12-31")
    for trace in fig.data:
        assert all("2025-03-01" <= x <= "2025-12-31" for x in trace.x)
    assert list(fig.layout.xaxis.range) == ["2025-03-01", "2025-12-31"]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: syria.sanctions_timeline_chart(start="2026-01-01", end="2025-01-01"), ValueError, "start='2026-01-01'"),
        (lambda: syria.sanctions_timeline_chart(start="not a date"), ValueError, "start='not a date'"),
        (lambda: syria.sanctions_on("someday"), ValueError, "date='someday'"),
        (lambda: syria.register_change("2025-10-31", "2017-01-01"), ValueError, "start='2025-10-31'"),
        (lambda: syria.refugee_chart(pd.DataFrame({"date": []})), KeyError, "date_precision"),
        (lambda: syria.refugee_chart(syria.refugees().iloc[0:0]), ValueError, "no rows"),
        (lambda: syria.returns_chart("returns"), TypeError, "str"),
        (lambda: syria.sanctions_table(role="both"), ValueError, "role must be"),
        (lambda: format_date(pd.Timestamp("2025-01-01"), "week"), ValueError, "week"),
    ],
)
def test_bad_input_raises_errors_that_name_the_argument_and_value(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_unknown_publisher_is_named():
    frame = syria.refugees()
    frame.loc[0, "publisher"] = "Somebody"
    with pytest.raises(ValueError, match="Somebody"):
        syria.refugee_chart(frame)


def test_strings_from_the_data_are_escaped_in_chart_text_and_hover():
    frame = syria.refugees()
    frame.loc[frame.index[0], "reported_by"] = "<script>alert(1)</script>"
    fig = syria.refugee_chart(frame)
    hover = " ".join(text for trace in fig.data for text in trace.hovertext)
    assert "<script>" not in hover and "&lt;script&gt;" in hover
    sanctions = syria.sanctions()
    sanctions.loc[0, "short_name"] = "A & <b>B</b>"
    fig = syria.sanctions_timeline_chart(sanctions)
    assert "A &amp; &lt;b&gt;B&lt;/b&gt;" in fig.data[0].y


def test_register_change_uses_the_nearest_government_figures():
    change = syria.register_change("2024-12-08", "2025-10-31")
    government = syria.refugees().query("publisher == 'Turkish government'").set_index("date")["value"]
    assert change["from"] == "2024-12-14" and change["from_value"] == government[pd.Timestamp("2024-12-14")]
    assert change["change"] == change["to_value"] - change["from_value"]


def test_call_claims_are_the_two_syria_claims_of_sentence_s05():
    assert syria.call_claims()["Claim"].tolist() == ["S05-a", "S05-b"]


def test_reader_tables_keep_publisher_and_qualifier():
    table = syria.refugees_table()
    assert set(table["Publisher"]) == {"Turkish government", "UNHCR"}
    assert "almost 3,600,000" in set(table["Syrians under temporary protection (people)"])
    assert len(syria.returns_table()) == len(syria.returns())
    assert len(syria.sanctions_table("relief")) + len(syria.sanctions_table("restriction")) == len(syria.sanctions())


def test_geography_tables_have_fourteen_governorates_and_named_crossings():
    assert len(syria.governorates()) == 14
    crossings = syria.border_crossings().set_index("crossing_id")
    assert crossings.loc["bab-al-hawa-cilvegozu", "turkish_side"].startswith("Cilvegözü")
    assert crossings.loc["bab-al-salam-oncupinar", "turkish_side"] == "Öncüpınar"
    assert syria.turkish_operations()["start"].is_monotonic_increasing


def test_reader_tables_for_places_format_dates_and_flag_missing_provinces():
    operations = syria.operations_table()
    assert operations["Began"].tolist()[0] == "24 Aug 2016"
    crossings = syria.crossings_table()
    assert (crossings["Turkish province"] == "not given in our sources").sum() == (syria.border_crossings()["turkish_province"] == "").sum()
    assert len(syria.governorates_table()) == 14


def test_an_announcement_is_not_counted_as_easing_a_restriction():
    table = syria.sanctions_on("2025-05-20")
    assert not table["Eased by then by"].str.contains("announcement").any()
    later = syria.sanctions_on("2025-05-23").set_index("Restriction")["Eased by then by"]
    assert "General License 25" in later["Caesar Syria Civilian Protection Act of 2019"]


def test_reader_tables_use_readable_headers_and_labels():
    tables = [syria.refugees_table(), syria.returns_table(), syria.latest_figures(), syria.sanctions_table(),
              syria.governorates_table(), syria.crossings_table(), syria.operations_table()]
    for table in tables:
        assert "source_ids" not in table.columns and "Sources" in table.columns
        assert not table["Sources"].str.contains(";").any()
    latest = syria.latest_figures()
    assert not latest.astype(str).apply(lambda column: column.str.contains("since-fall-of-assad|under-temporary")).any().any()
    assert set(latest["What it counts"]) <= set(syria.MEASURE_NAMES.values())
    assert latest["Newest figure"].str.contains(r" people(?: \(unverified\))?$").all()
    for table in tables:
        assert not table.astype(str).apply(lambda column: column.str.contains(r"\bkm2\b")).any().any()
    assert "km²" in " ".join(syria.governorates_table()["Note"])


def test_measure_name_names_an_unknown_key():
    assert syria.measure_name("syrians-under-temporary-protection") == "Syrians under temporary protection in Turkey"
    with pytest.raises(ValueError, match="'refugees'"):
        syria.measure_name("refugees")


def test_crossings_table_flags_that_control_is_from_2017():
    assert "Sep 2017" in syria.CROSSINGS_CONTROL_COLUMN and "out of date" in syria.CROSSINGS_CONTROL_COLUMN
    table = syria.crossings_table()
    assert table[syria.CROSSINGS_CONTROL_COLUMN].tolist() == syria.border_crossings()["held_on_syrian_side_sep_2017"].tolist()


def test_register_change_sentence_states_the_figures_with_separators():
    change = syria.register_change("2024-12-08", "2025-10-31")
    sentence = syria.register_change_sentence("2024-12-08", "2025-10-31")
    assert f"{change['from_value']:,}" in sentence and f"{change['to_value']:,}" in sentence
    assert f"by {abs(change['change']):,} people" in sentence
    assert ("fell" if change["change"] < 0 else "rose") in sentence
    assert "14 Dec 2024" in sentence and "{" not in sentence
    assert repr(sentence) == str(sentence)  # shown without quotes
    assert sentence._repr_html_() == "<p>" + html.escape(sentence) + "</p>"


def test_figure_label_adds_separators_and_unit():
    assert figure_label(1847) == "1,847"
    assert figure_label(3600000, "almost", "people") == "almost 3,600,000 people"
