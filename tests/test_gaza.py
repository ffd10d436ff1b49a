"""The Gaza module: loaders keep every figure attributed, and the figures draw the data they are given."""

import pandas as pd
import pytest

import explainer
from explainer import describe, gaza
from explainer.sources import load_sources


def test_every_row_of_the_gaza_tables_names_a_publisher_and_known_sources():
    known = set(load_sources()["id"])
    for frame in (gaza.facts(), gaza.aid(), gaza.casualties()):
        assert (frame["publisher"].str.strip() != "").all()
        cited = {source for cell in frame["source_ids"] for source in cell.split(";")}
        assert cited <= known


def test_turkey_own_figure_is_boolean_and_flags_only_turkish_publishers():
    aid = gaza.aid()
    assert aid["turkey_own_figure"].dtype == bool
    own = aid[aid["turkey_own_figure"]]
    assert not own.empty
    assert own["publisher"].str.contains("Türkiye|Turkish|Kızılay").all()
    assert not aid[~aid["turkey_own_figure"]]["publisher"].str.contains("AFAD|Kızılay").any()


def test_disagreements_list_both_areas_and_their_publishers():
    table = gaza.disagreements()
    area = table[table["Measure"] == "area"].iloc[0]
    assert "UNRWA: 365 km²" in area["What each publisher says"]
    assert "Associated Press: 360 km²" in area["What each publisher says"]
    assert area["Gap"] == f"{(365 - 360) / 360:.0%}"


def test_population_figures_of_different_dates_are_a_range_not_a_disagreement():
    assert "population" not in set(gaza.disagreements()["Measure"])
    ranges = gaza.ranges_across_dates()
    assert "Gap" not in ranges.columns
    row = ranges[ranges["Measure"] == "population"].iloc[0]
    population = gaza.facts().query("subject == 'Gaza Strip' and measure == 'population'")
    assert row["Lowest to highest"] == f"{population['value'].min():,.0f} to {population['value'].max():,.0f} people"
    assert row["Dates spanned"] == "31 Dec 2020 to 31 Dec 2024"
    for publisher in population["publisher"]:
        assert publisher in row["Figures, oldest first"]
    # the area is the same quantity whatever the date, so it is not listed as a range
    assert "area" not in set(ranges["Measure"])


def test_figures_of_the_same_date_that_differ_are_a_disagreement(monkeypatch):
    facts = gaza.facts()
    same_day = facts[facts["fact_id"] == "strip-population-pcbs"].assign(
        fact_id="strip-population-other", publisher="Someone else", value=2_000_000.0)
    monkeypatch.setattr(gaza.data, "facts", lambda: pd.concat([facts, same_day], ignore_index=True))
    row = gaza.disagreements().query("Measure == 'population'").iloc[0]
    assert "Someone else: 2,000,000 people (31 Dec 2024)" in row["What each publisher says"]
    assert "UNRWA" not in row["What each publisher says"]  # other dates stay out
    assert row["Gap"] == "5%"


def test_reader_tables_list_sources_under_a_plain_header():
    tables = [gaza.facts_table(), gaza.governorates(), gaza.disagreements(), gaza.ranges_across_dates(),
              gaza.access_table(), gaza.aid_table(), gaza.casualties_table(), gaza.gaza_claims()]
    for table in tables:
        assert "source_ids" not in table.columns
        assert "Sources" in table.columns
        assert not table["Sources"].str.contains(";").any()
    access = gaza.access_table().set_index("Name")
    raw = gaza.access_points().set_index("name")
    assert access.loc["Rafah crossing", "Sources"] == raw.loc["Rafah crossing", "source_ids"].replace(";", ", ")


def test_sources_cited_covers_every_table_of_the_chapter():
    cited = gaza.sources_cited()
    assert len(cited) == len(set(cited))
    for frame in (gaza.facts(), gaza.aid(), gaza.casualties(), gaza.access_points()):
        assert set(explainer.source_ids_of(frame)) <= set(cited)
    assert "dailysabah-2025-05-05-trump-erdogan-call" in cited  # cited by claim S04-b


def test_aid_table_shows_the_turkey_column_only_when_it_varies():
    own, others, both = gaza.aid_table(turkey_own=True), gaza.aid_table(turkey_own=False), gaza.aid_table()
    assert "Turkey's own figure" not in own.columns
    assert "Turkey's own figure" not in others.columns
    assert set(both["Turkey's own figure"]) == {"yes", "no"}
    assert len(own) == int(gaza.aid()["turkey_own_figure"].sum())


def test_lancet_comparison_is_computed_from_the_table():
    result = gaza.lancet_comparison()
    cas = gaza.casualties().set_index("casualty_id")
    assert result["estimate"] == cas.loc["lancet-traumatic-2024-06-30", "value"]
    assert result["ministry"] == cas.loc["moh-killed-2024-06-30", "value"]
    assert result["missed_share"] == pytest.approx(1 - result["ministry"] / result["estimate"])
    assert round(result["missed_share"], 2) == 0.41  # the study's own "41%"


def test_aid_comparison_chart_draws_the_group_with_publishers_in_labels():
    aid = gaza.aid()
    group = aid[aid["comparison_group"] == "ceasefire-trucks-2025"]
    fig = gaza.aid_comparison_chart("ceasefire-trucks-2025")
    bar = fig.data[0]
    assert sorted(bar.x) == sorted(group["value"].tolist())
    for publisher in group["publisher"]:
        assert any(label.startswith(publisher) for label in bar.y)
    colours = dict(zip(bar.y, bar.marker.color))
    target = next(label for label in bar.y if "(target)" in label)
    assert colours[target] != colours[next(label for label in bar.y if label.startswith("COGAT"))]
    top = group[group["figure_kind"] == "count"]["value"]
    assert f"about {top.max() / top.min():.0f} times" in fig.layout.title.text
    assert fig.layout.title.text.split("<br>")[0].endswith("as the UN 2720 mechanism database")
    assert "Source" in describe(fig)


def test_aid_comparison_chart_gives_each_publisher_its_own_period():
    fig = gaza.aid_comparison_chart()
    label = {text.split("<br>")[0]: text.split("<br>")[1] for text in fig.data[0].y}
    assert label["COGAT (Israel) per AP analysis"] == "12 Oct – 7 Dec 2025"
    assert label["UN 2720 mechanism database per AP"] == "10 Oct – 7 Dec 2025"
    assert label["Hamas document per AP"] == "from 10 Oct 2025, end not stated"
    subtitle = fig.layout.title.text.split("<br>")[1]
    assert "10 Oct" not in subtitle and "each over the period its publisher states" in subtitle
    hamas = gaza.aid_table(measure="trucks").set_index("Publisher").loc["Hamas document per AP", "Period"]
    assert hamas == "from 10 Oct 2025 (end not stated)"


def test_names_ending_in_a_common_noun_take_the():
    assert gaza.figures._the("UN 2720 mechanism database") == "the UN 2720 mechanism database"
    assert gaza.figures._the("Hamas document") == "the Hamas document"
    assert gaza.figures._the("COGAT (Israel)") == "COGAT (Israel)"
    assert gaza.figures._the("WFP") == "WFP"


def test_aid_comparison_chart_rejects_unknown_group_and_mixed_units():
    with pytest.raises(ValueError, match="group='nope'"):
        gaza.aid_comparison_chart("nope")
    mixed = gaza.aid().copy()
    mixed.loc[mixed["aid_id"] == "wfp-tonnes-2025-10", "comparison_group"] = "ceasefire-trucks-2025"
    with pytest.raises(ValueError, match="mixes measures"):
        gaza.aid_comparison_chart("ceasefire-trucks-2025", data=mixed)
    with pytest.raises(TypeError, match="data must be a pandas DataFrame"):
        gaza.aid_comparison_chart(data=[1, 2])


def test_labels_from_the_data_are_html_escaped():
    aid = gaza.aid().copy()
    aid.loc[aid["aid_id"] == "hamas-trucks-ceasefire-2025", "publisher"] = "<b>Someone</b>"
    fig = gaza.aid_comparison_chart(data=aid)
    assert any(label.startswith("&lt;b&gt;Someone&lt;/b&gt;<br>") for label in fig.data[0].y)
    assert not any("<b>Someone</b>" in label for label in fig.data[0].y)
    cas = gaza.casualties().copy()
    cas.loc[cas["casualty_id"] == "netanyahu-killed-2024-05", "publisher"] = "<i>X</i>"
    fig = gaza.casualty_chart(data=cas)
    assert any(trace.name.startswith("&lt;i&gt;X&lt;/i&gt;") for trace in fig.data)
    assert "Trace \"<i>X</i>: killed (estimated)\"" in describe(fig)


def test_turkey_aid_chart_draws_turkeys_totals_in_date_order_and_says_what_each_counts():
    aid = gaza.aid()
    rows = aid[(aid["comparison_group"] == "turkey-tonnes")].sort_values("period_end")
    fig = gaza.turkey_aid_chart()
    assert list(fig.data[0].x) == rows["value"].tolist()
    assert all("total to " in label for label in fig.data[0].y)
    assert f"{rows['value'].iloc[-1]:,.0f} tonnes" in fig.layout.title.text
    assert "Turkey's own totals" in describe(fig).splitlines()[0]
    assert not fig.layout.yaxis.title.text  # each bar is labelled with its publisher and date
    assert "running total" not in describe(fig).lower()
    notes = [a for a in fig.layout.annotations if a.name == "what-counted"]
    assert len(notes) == len(rows)
    for note, counted, label in zip(notes, rows["what_counted"], fig.data[0].y):
        assert note.y == label
        assert note.text.replace("<br>", " ") == f"Counts: {counted}".replace("'", "&#x27;")
    assert "65,000 tonnes of flour" in describe(fig)  # the summary says what each total counts
    with pytest.raises(ValueError, match="turkey-tonnes"):
        gaza.turkey_aid_chart(data=aid[~aid["turkey_own_figure"]])


def test_casualty_chart_names_each_publisher_in_its_trace_and_draws_its_values():
    cas = gaza.casualties()
    fig = gaza.casualty_chart()
    names = [trace.name for trace in fig.data]
    assert "Gaza Ministry of Health: killed (reported)" in names
    ministry = next(trace for trace in fig.data if trace.name == "Gaza Ministry of Health: killed (reported)")
    expected = cas[(cas["publisher"] == "Gaza Ministry of Health") & (cas["measure"] == "killed (reported)")]
    assert list(ministry.y) == expected["value"].tolist()
    lancet = next(trace for trace in fig.data if trace.name.startswith("The Lancet"))
    row = cas[cas["casualty_id"] == "lancet-traumatic-2024-06-30"].iloc[0]
    assert lancet.error_y.array[0] == row["high"] - row["value"]
    assert lancet.error_y.arrayminus[0] == row["value"] - row["low"]
    # figures of other kinds (combatants, deaths in Israel) are not drawn on this axis
    assert not any("combatants" in name or "attack on Israel" in name for name in names)
    assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text


def test_casualty_chart_needs_gaza_death_figures():
    cas = gaza.casualties()
    with pytest.raises(ValueError, match="no Gaza death figures"):
        gaza.casualty_chart(data=cas[cas["where"] == "Israel"])


def test_casualty_chart_labels_the_two_figures_its_title_compares():
    cas = gaza.casualties().set_index("casualty_id")
    fig = gaza.casualty_chart()
    labels = [a for a in fig.layout.annotations if a.name == "value-label"]
    assert len(labels) == 2
    by_x = {a.x: a for a in labels}
    ministry, israeli = cas.loc["moh-killed-2026-01-28"], cas.loc["idf-killed-2026-01-29"]
    assert by_x["2026-01-28"].y == ministry["value"]
    assert by_x["2026-01-28"].text == "<b>Gaza Ministry of Health</b><br>71,667 (28 Jan 2026)"
    assert by_x["2026-01-29"].y == israeli["value"]
    assert by_x["2026-01-29"].text == f"<b>{israeli['publisher']}</b><br>about 70,000 (29 Jan 2026)"
    # the labels point from opposite sides, so neither hides the other
    assert by_x["2026-01-28"].ay < 0 < by_x["2026-01-29"].ay
    symbols = [trace.marker.symbol for trace in fig.data]
    assert len(set(symbols)) == len(symbols)


def test_casualty_chart_without_israeli_figures_has_no_value_labels():
    cas = gaza.casualties()
    fig = gaza.casualty_chart(data=cas[cas["publisher_kind"] != "israeli-government"])
    assert not [a for a in fig.layout.annotations if a.name == "value-label"]
    assert fig.layout.title.text.startswith("The Gaza ministry&#x27;s count reached 71,667")


def test_truces_take_their_dates_from_the_timeline_events():
    table = gaza.truces()
    dates = explainer.events().set_index("event_id")["date"]
    assert len(table) == len(gaza.TRUCES)
    for row, (name, opening, closing) in zip(table.itertuples(), gaza.TRUCES):
        assert row.name == name and row.start == dates[opening]
        assert (pd.isna(row.end) and closing is None) or row.end == dates[closing]
    assert [(r.start.strftime("%Y-%m-%d"), r.end.strftime("%Y-%m-%d") if pd.notna(r.end) else None)
            for r in table.itertuples()] == [("2023-11-24", "2023-12-01"), ("2025-01-19", "2025-03-18"), ("2025-10-10", None)]


def test_truces_reject_an_unknown_event(monkeypatch):
    monkeypatch.setattr(gaza.data, "TRUCES", (("Truce", "2099-01-01-nothing", None),))
    with pytest.raises(ValueError, match="2099-01-01-nothing"):
        gaza.truces()


def test_ceasefires_chart_shades_each_truce_and_labels_it():
    table = gaza.truces()
    fig = gaza.ceasefires_chart()
    bands = [shape for shape in fig.layout.shapes if shape.name == "truce"]
    newest = explainer.events(["gaza", "the-call"], start="2023-10-01")["date"].max()
    assert [(b.x0, b.x1) for b in bands] == [
        (r.start.strftime("%Y-%m-%d"), (r.end if pd.notna(r.end) else newest).strftime("%Y-%m-%d")) for r in table.itertuples()
    ]
    labels = [a.text for a in fig.layout.annotations if a.name == "event-label"]
    assert labels[0] == "<b>Truce, 24 Nov – 1 Dec 2023</b><br>Ended: Truce expires and fighting resumes"
    assert labels[1] == "<b>Ceasefire, 19 Jan – 18 Mar 2025</b><br>Ended: Israeli strikes end the January ceasefire"
    assert labels[2].startswith("<b>Ceasefire, from 10 Oct 2025</b>")
    assert fig.layout.title.text.startswith("Two truces ended in renewed fighting before the ceasefire of October 2025")
    text = describe(fig)
    assert "Labelled on the chart: Truce, 24 Nov – 1 Dec 2023. Ended: Truce expires and fighting resumes; " in text
    assert "shaded: 24 Nov – 1 Dec 2023, 19 Jan – 18 Mar 2025 and from 10 Oct 2025." in text
    # a later start leaves out the truces before it
    later = gaza.ceasefires_chart(start="2025-06-01")
    assert len([s for s in later.layout.shapes if s.name == "truce"]) == 1


def test_tables_reject_bad_filters():
    with pytest.raises(ValueError, match="subject='Atlantis'"):
        gaza.facts_table("Atlantis")
    with pytest.raises(ValueError, match="measure='camels'"):
        gaza.aid_table(measure="camels")
    with pytest.raises(ValueError, match="where must be"):
        gaza.casualties_table(where="Mars")
    with pytest.raises(ValueError, match="turkey_own must be"):
        gaza.aid_table(turkey_own="yes")


def test_gaza_claims_are_the_ledger_rows_about_gaza():
    claims = gaza.gaza_claims()
    assert list(claims["Claim"]) == list(gaza.GAZA_CLAIMS)
    assert "Gaza" in claims.iloc[1]["The article says"]


def test_facts_table_formats_figures_with_units_and_dates():
    table = gaza.facts_table("Gaza Strip")
    row = table[(table["Measure"] == "population") & (table["Publisher"].str.startswith("Palestinian"))].iloc[0]
    assert row["Figure"] == "2,100,000 people"
    assert row["As of"] == "31 Dec 2024"
    assert isinstance(table, pd.DataFrame)


def test_governorates_add_up_to_the_published_total():
    table = gaza.governorates()
    assert len(table) == 5
    total = gaza.facts().set_index("fact_id").loc["strip-population-civil-status", "value"]
    assert sum(int(value.replace(",", "")) for value in table["Population"]) == total
    with pytest.raises(ValueError, match="subject='Nowhere'"):
        gaza.facts_table(["Gaza Strip", "Nowhere"])
