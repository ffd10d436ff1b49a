"""The Gaza module: loaders keep every figure attributed, and the figures draw the data they are given."""

import pandas as pd
import pytest

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
    assert "Source" in describe(fig)


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
    assert "&lt;b&gt;Someone&lt;/b&gt;" in fig.data[0].y
    assert "<b>Someone</b>" not in fig.data[0].y
    cas = gaza.casualties().copy()
    cas.loc[cas["casualty_id"] == "netanyahu-killed-2024-05", "publisher"] = "<i>X</i>"
    fig = gaza.casualty_chart(data=cas)
    assert any(trace.name.startswith("&lt;i&gt;X&lt;/i&gt;") for trace in fig.data)
    assert "Trace \"<i>X</i>: killed (estimated)\"" in describe(fig)


def test_turkey_aid_chart_draws_only_turkeys_running_total_in_date_order():
    aid = gaza.aid()
    rows = aid[(aid["comparison_group"] == "turkey-tonnes")].sort_values("period_end")
    fig = gaza.turkey_aid_chart()
    assert list(fig.data[0].x) == rows["value"].tolist()
    assert all("to " in label for label in fig.data[0].y)
    assert f"{rows['value'].iloc[-1]:,.0f} tonnes" in fig.layout.title.text
    assert "Turkey's own figures" in describe(fig).splitlines()[0]
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


def test_tables_reject_bad_filters():
    with pytest.raises(ValueError, match="subject='Atlantis'"):
        gaza.facts_table("Atlantis")
    with pytest.raises(ValueError, match="measure='camels'"):
        gaza.aid_table(measure="camels")
    with pytest.raises(ValueError, match="where must be"):
        gaza.casualties_table(where="Mars")
    assert set(gaza.aid_table(turkey_own=True)["Turkey's own figure"]) == {"yes"}


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
