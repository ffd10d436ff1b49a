"""Facts that several places of the book state are printed from one data row, never retyped.

These tests read the chapters' Markdown as a reader would and check it against the data, so a
chapter cannot restate a ledger verdict, the register's peak or a round's chair by hand.
"""

import re

import nbformat
import pandas as pd
import pytest
from pyproj import Geod

from explainer import brunson, gaza, paths, syria, ukraine
from explainer.prose import format_date
from explainer.ledger import VERDICTS, load_claims
from explainer.tables import load_table
from explainer.verdicts import verdict_label, verdict_list

OWNED_CHAPTERS = ["01_turkey_between_blocs", "02_russia_ukraine_mediation", "03_gaza", "04_syria", "06_brunson_and_bilateral_ties"]


def _markdown(chapter: str) -> str:
    notebook = nbformat.read(paths.project_root() / "notebooks" / f"{chapter}.ipynb", as_version=4)
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")


@pytest.mark.parametrize("chapter", OWNED_CHAPTERS)
def test_chapter_prose_never_states_a_ledger_verdict_by_hand(chapter):
    words = "|".join(re.escape(v["label"].lower().split(",")[0]) for v in VERDICTS.values())
    # a claim id followed closely by a verdict word, e.g. '**S11-a** (*accurate'
    pattern = re.compile(rf"S\d\d-[a-z][^\n]{{0,40}}?\(\*?({words})", re.IGNORECASE)
    found = pattern.findall(_markdown(chapter))
    assert not found, f"{chapter} states verdicts by hand: {found}"
    assert not re.search(r"S\d\d-[a-z]\*?\*? (holds|hold)\b", _markdown(chapter))
    rated = re.findall(rf"\brates?\b[^.\n]{{0,160}}?\b({words})\b", _markdown(chapter), re.IGNORECASE)
    assert not rated, f"{chapter} restates the ledger's rating in words: {rated}"


def test_register_peak_is_the_maximum_of_the_government_series_and_no_chapter_retypes_it():
    government = syria.refugees().query("publisher == 'Turkish government'")
    peak = syria.register_peak()["Turkish government"]
    assert peak["peak_value"] == government["value"].max()
    assert (government["value"] <= peak["peak_value"]).all()
    assert f"{peak['peak_value']:,}" in syria.refugee_chart().layout.title.text
    for chapter in OWNED_CHAPTERS:
        text = _markdown(chapter)
        assert f"{peak['peak_value']:,}" not in text and "3,576,370" not in text


def test_government_register_has_a_figure_for_every_year_from_2012():
    government = syria.refugees().query("publisher == 'Turkish government'")
    years = set(government["date"].dt.year)
    assert set(range(2012, 2026)) <= years, sorted(set(range(2012, 2026)) - years)


def test_year_end_figures_are_dated_31_december():
    frame = syria.refugees()
    year_end = frame[frame["date_precision"] == "year-end"]
    assert len(year_end) >= 10
    assert (year_end["date"].dt.strftime("%m-%d") == "12-31").all()
    assert format_date(pd.Timestamp("2021-12-31"), "year-end") == "end of 2021"


def test_every_round_of_talks_names_its_turkish_chair_and_the_june_round_was_fidans():
    talks = ukraine.talks().set_index("talk_id")
    assert (talks["turkish_host"].str.strip() != "").all()
    assert "Hakan Fidan" in talks.loc["2025-06-02-istanbul", "turkish_host"]
    assert talks.loc[talks["date"].dt.year == 2025, "turkish_host"].str.contains("Hakan Fidan").all()
    assert "before the meeting" in talks.loc["2025-06-02-istanbul", "outcome"]


def test_el_arish_distance_is_computed_from_the_gazetteer():
    places = load_table("places").set_index("id")
    a, b = places.loc["el-arish"], places.loc["rafah-crossing"]
    expected = Geod(ellps="WGS84").inv(a["longitude"], a["latitude"], b["longitude"], b["latitude"])[2] / 1000
    assert gaza.straight_line_km() == pytest.approx(expected)
    check = gaza.distance_check().set_index("Publisher")
    facts = gaza.facts().set_index("fact_id")
    for fact_id in gaza.EL_ARISH_RAFAH_FACTS:
        row = check.loc[facts.loc[fact_id, "publisher"]]
        assert row["Possible?"].startswith("no") == (facts.loc[fact_id, "value"] < expected)
    assert check.loc["AFP", "Possible?"].startswith("no")
    assert "46 km" in gaza.distance_sentence()


def test_f35_dispute_is_counted_from_the_fy2019_ndaa_hold_not_the_removal():
    durations = brunson.dispute_durations().set_index("dispute")
    timeline = load_table("events").set_index("event_id")["date"]
    f35 = durations.loc["S-400/F-35 dispute"]
    assert f35["first_penalty_date"] == timeline["2018-08-13-fy2019-ndaa-f35-hold"] < timeline["2019-07-17-f35-removal"]
    assert "NDAA" in f35["first_penalty"]


def test_verdict_list_prints_the_ledgers_verdicts():
    claims = load_claims().set_index("claim_id")
    for claim_id, _quote, label in verdict_list(list(claims.index[:5])):
        assert label == VERDICTS[claims.loc[claim_id, "verdict"]]["label"]
    assert verdict_label("S05-b") == VERDICTS[claims.loc["S05-b", "verdict"]]["label"]
    with pytest.raises(ValueError, match="S99-z"):
        verdict_list(["S99-z"])
    with pytest.raises(TypeError, match="claim_ids"):
        verdict_list("S01-a")
    assert "&lt;" in type(verdict_list([]))([("X", "<b>", "Y")])._repr_html_()


def test_no_chapter_or_table_says_turkey_left_the_f35_programme_in_2019():
    """July 2019 began Turkey's removal (the timeline's event says so); it was not completed then."""
    event = load_table("events").set_index("event_id").loc["2019-07-17-f35-removal"]
    assert "start the process to formally remove" in event["description"]
    completed = re.compile(r"[Rr]emoved from the F-35|[Rr]emoval from the F-35 programme \((July )?2019\)")
    texts = {chapter: _markdown(chapter) for chapter in OWNED_CHAPTERS}
    for table in ("us_turkey_turning_points", "turkey_partners", "brunson_f35_comparison"):
        texts[table] = load_table(table).to_csv(index=False)
    offenders = {name: completed.findall(text) for name, text in texts.items() if completed.search(text)}
    assert not offenders, offenders


def test_facts_run_to_is_the_newest_date_in_the_chapters_data():
    from explainer.currency import facts_run_to, newest_fact

    timeline = load_table("events")
    syria_events = timeline[timeline["topics"].str.contains("syria")]["date"].max()
    register = syria.refugees()["date"].max()
    assert newest_fact(["syria"]) == syria_events
    assert newest_fact(["syria"], {"syrian_refugees_turkey": "date"}) == max(syria_events, register)
    assert f"{max(syria_events, register):%-d %B %Y}" in facts_run_to(["syria"], {"syrian_refugees_turkey": "date"})
    with pytest.raises(ValueError, match="'when'"):
        newest_fact(["syria"], {"syrian_refugees_turkey": "when"})
    with pytest.raises(ValueError, match="'no-such-topic'"):
        newest_fact(["no-such-topic"])


def test_turkish_officials_that_chapter_02_names_at_the_talks_are_the_tables_hosts():
    """The chapter names a Turkish host or chair only if the talks table gives him for a round."""
    hosts = " ".join(ukraine.talks()["turkish_host"])
    prose = _markdown("02_russia_ukraine_mediation").split("## The talks Turkey hosted")[1].split("## On the map")[0]
    for surname in ("Çavuşoğlu", "Erdoğan", "Fidan", "Kalın"):
        if surname in prose:
            assert surname in hosts, f"chapter 02 names {surname} at the talks, but no round of data/ukraine_talks.csv does"


def test_chapter_02_summary_gives_the_grain_deal_dates_of_the_timeline():
    timeline = load_table("events").set_index("event_id")["date"]
    signed, ended = timeline[ukraine.GRAIN_SIGNED], timeline[ukraine.GRAIN_ENDED]
    summary = _markdown("02_russia_ukraine_mediation").split("## Summary")[1].split("## Exercises")[0]
    assert f"({signed:%-d %B %Y} to {ended:%-d %B %Y})" in summary
    assert f"{signed:%-d %b %Y}" in ukraine.grain_totals_sentence() and f"{ended:%-d %b %Y}" in ukraine.grain_totals_sentence()


def test_chapter_06_summary_dates_are_the_periods_and_the_timelines():
    periods = brunson.load_periods().set_index("period_id")
    summary = _markdown("06_brunson_and_bilateral_ties").split("## Summary")[1].split("## Exercises")[0]
    assert f"house arrest on {periods.loc['house-arrest', 'start']:%-d %B %Y}" in summary
    assert f"time served on {periods.loc['house-arrest', 'end']:%-d %B %Y}" in summary
    sanctions = periods.loc["sanctions-to-release", "start"]
    assert f"({sanctions:%-d %B})" in summary


def test_fixed_wordings_stay_fixed():
    """Wordings a fact-check found wrong, each checked against the source or the data it rests on."""
    ch01, ch02, ch03, ch04 = (_markdown(name) for name in OWNED_CHAPTERS[:4])
    # Çavuşoğlu, 28 Feb 2022: the copy we read rewords AFP, so he is paraphrased, not quoted
    assert "We have informed both nations" not in ch01 and "Çavuşoğlu said Turkey had told every country" in ch01
    # the UN's count of 15 July 2023 is not the Initiative's final count
    grain = ch02.split("## The Black Sea Grain Initiative")[1].split("### Who got the grain?")[0]
    assert "final" not in grain.lower() and "not the closing count" in grain
    # Erdoğan co-signed the declaration backing the October 2025 ceasefire, not the ceasefire
    for text in (ch01, ch03):
        assert not re.search(r"co-?signed (at [^.]+ )?the (Gaza )?ceasefire(?! declaration)", text)
        assert not re.search(r"ceasefire of [^.]{0,40}, which Erdoğan co-signed", text)
    # UNHCR's July 2022 update says "around over 3.65 million": the data keeps both words, and the
    # chapter quotes them only as the data row records them
    refugees = load_table("syrian_refugees_turkey")
    july_2022 = refugees[(refugees["publisher"] == "UNHCR") & (refugees["date"] == pd.Timestamp("2022-07-31"))].iloc[0]
    assert july_2022["qualifier"] == "around over" and "'around over 3.65 million" in july_2022["note"]
    for quoted in re.findall(r'"(around[^"]*million)"', ch04):
        assert quoted == "around over 3.65 million", quoted


def test_first_turkish_return_figure_is_the_ministers_own_total():
    """Sputnik's 1,847 'as of yesterday' comes from an undated speech, so it is not charted and the
    chapter must not date it to 14 Dec 2024 or call it a one-day figure."""
    returns = load_table("syria_returns")
    turkish = returns[returns["measure"] == "returns-from-turkiye-since-fall-of-assad"].sort_values("date")
    first = turkish.iloc[0]
    assert 1847 not in set(turkish["value"])
    assert first["value"] == 7621 and "1,847" in first["note"] and "do not date the speech" in first["note"]
    assert first["value"] < turkish.iloc[1]["value"]  # still cumulative: fits the next point
    text = _markdown(OWNED_CHAPTERS[3])
    assert "one-day" not in text and "that is 14 December 2024" not in text and "(14 December 2024)" not in text
    assert "made on different days" in text


def test_gaza_summary_and_solutions_say_only_what_the_sources_support():
    text = _markdown(OWNED_CHAPTERS[2])
    assert "all fall short of the 600" not in text and "COGAT says it exceeded 600 a day but gave no data" in text
    assert "before the war and after fifteen months" not in text
    assert "rather than shipped from Turkey" not in text and "not how much crossed from Turkey" not in text
    assert "Thousands of people are missing" not in text
