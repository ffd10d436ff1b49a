"""Every self-check accepts the answer the chapter's solution computes, rejects a typical wrong
answer with a hint that names the mistake, and never shows the expected answer in a hint.

The right answers here are computed the way each chapter's solution computes them (the code in its
solution cell), not by the checker's own functions.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

import explainer
from explainer import blocs, brunson, gaza, syria, ukraine
from explainer.authoring.prose import read_notebook
from explainer.authoring.registry import ROOT
from explainer.authoring.tags import exercises
from explainer.selfcheck import answer_form, check, exercise_ids, register


def _numbers_in(text: str) -> set[float]:
    return {float(number.replace(",", "")) for number in re.findall(r"\d[\d,]*\.?\d*", text)}


def assert_hint(feedback, expected_words: str, *hidden: float) -> None:
    assert not feedback.correct
    assert expected_words.lower() in feedback.message.lower(), feedback.message
    shown = _numbers_in(feedback.message)
    for value in hidden:
        assert round(value, 1) not in {round(number, 1) for number in shown}, f"hint reveals {value}: {feedback.message}"


# --- chapter 01 --------------------------------------------------------------------------------


def solution_01_1() -> list[float]:
    votes = blocs.load_vote_2003()
    against = votes[votes["figure"] == "Votes against"]["value"].unique()
    in_favour = votes[votes["figure"] == "Votes in favour"]["value"].iloc[0]
    abstaining = votes[votes["figure"] == "Abstentions"]["value"].iloc[0]
    return [in_favour + value + abstaining for value in against]


def test_01_1_right_and_wrong():
    totals = solution_01_1()
    assert check("01-1", totals).correct
    assert check("01-1", list(reversed(totals))).correct
    needed = [total // 2 + 1 for total in totals]
    assert_hint(check("01-1", needed), "votes needed", *totals)
    abstentions = blocs.load_vote_2003().query("figure == 'Abstentions'")["value"].iloc[0]
    assert_hint(check("01-1", [total - abstentions for total in totals]), "abstain", *totals)
    assert_hint(check("01-1", [totals[0]]), "one total for each", *totals)


def test_01_2_right_and_wrong():
    points = blocs.turning_points()
    series = points.groupby(points["date"] >= "2021-01-01")["direction"].value_counts()
    assert check("01-2", series).correct
    as_dict = {"before": series[False].to_dict(), "after": series[True].to_dict()}
    assert check("01-2", as_dict).correct
    swapped = {"before": as_dict["after"], "after": as_dict["before"]}
    assert_hint(check("01-2", swapped), "swapped")
    short = {"before": dict(as_dict["before"]), "after": as_dict["after"]}
    short["before"]["strained"] -= 1
    assert_hint(check("01-2", short), "count them all")


def test_01_3_right_and_wrong():
    war = explainer.events(topics=["ukraine"], start="2022-02-01", end="2022-12-31").set_index("event_id")
    days = (war.loc["2022-02-28-straits-closed-to-warships", "date"] - war.loc["2022-02-24-russia-invades-ukraine", "date"]).days
    assert check("01-3", days).correct
    assert_hint(check("01-3", days + 1), "both", days)
    assert_hint(check("01-3", days + 10), "subtract", days)


# --- chapter 03 --------------------------------------------------------------------------------


def test_03_1_right_and_wrong():
    facts = gaza.facts().set_index("fact_id")
    pcbs = facts.loc["strip-population-pcbs", "value"] / facts.loc["strip-area-unrwa", "value"]
    ap = facts.loc["strip-population-ap", "value"] / facts.loc["strip-area-ap", "value"]
    assert check("03-1", (round(pcbs), round(ap))).correct
    assert_hint(check("03-1", (ap, pcbs)), "wrong order", pcbs, ap)
    mixed = facts.loc["strip-population-pcbs", "value"] / facts.loc["strip-area-ap", "value"]
    assert_hint(check("03-1", (mixed, ap)), "pairing", pcbs, ap)
    ocha = facts.loc["strip-density-ocha", "value"]
    assert_hint(check("03-1", (ocha, ocha)), "OCHA", pcbs, ap)


def test_03_2_right_and_wrong():
    aid = gaza.aid()
    group = aid[aid["comparison_group"] == "ceasefire-trucks-2025"].copy()
    group["days"] = (group["period_end"] - group["period_start"]).dt.days
    group["per_day"] = group["value"] / group["days"]
    per_day = group.set_index("aid_id")["per_day"]
    cogat, un = per_day["cogat-trucks-ceasefire-2025"], per_day["un2720-trucks-ceasefire-2025"]
    assert check("03-2", (cogat, un)).correct
    inclusive = group.set_index("aid_id").eval("value / (days + 1)")
    assert_hint(check("03-2", (inclusive["cogat-trucks-ceasefire-2025"], inclusive["un2720-trucks-ceasefire-2025"])),
                "both end days", cogat, un)
    assert_hint(check("03-2", (un, cogat)), "wrong order", cogat, un)


def test_03_3_right_and_wrong():
    cas = gaza.casualties()
    gaza_deaths = cas[cas["where"] == "Gaza"]
    newest = gaza_deaths.sort_values("as_of").groupby("publisher").tail(1)[["publisher", "measure", "value", "as_of"]]
    assert check("03-3", newest).correct
    assert check("03-3", dict(zip(newest["publisher"], newest["value"], strict=True))).correct
    ministry = gaza_deaths[gaza_deaths["publisher"] == "Gaza Ministry of Health"].sort_values("as_of")
    older = dict(zip(newest["publisher"], newest["value"], strict=True)) | {"Gaza Ministry of Health": ministry["value"].iloc[0]}
    assert_hint(check("03-3", older), "older figure", ministry["value"].iloc[-1])
    assert_hint(check("03-3", {"Gaza Ministry of Health": ministry["value"].iloc[-1]}), "missing")


def test_03_4_right_and_wrong():
    row = gaza.aid().set_index("aid_id").loc["afad-tonnes-2025-08"]
    share = 65_000 / row["value"]
    assert check("03-4", share).correct
    assert check("03-4", round(share * 100)).correct
    assert_hint(check("03-4", 1 - share), "except the flour", share, share * 100)
    assert_hint(check("03-4", row["value"] / 65_000), "part divided by the whole", share)


# --- chapter 04 --------------------------------------------------------------------------------


def test_04_1_right_and_wrong():
    frame = syria.refugees()
    answer = {}
    for publisher, rows in frame.groupby("publisher"):
        answer[publisher] = (rows["value"].max(), rows.sort_values("date")["value"].iloc[-1])
    assert check("04-1", answer).correct
    first = next(iter(answer))
    largest, newest = answer[first]
    wrong = answer | {first: (largest, frame[frame["publisher"] == first].sort_values("date")["value"].iloc[0])}
    if wrong[first][1] != newest:
        assert_hint(check("04-1", wrong), "newest", newest)
    assert_hint(check("04-1", {first: answer[first]}), "both publishers")


def test_04_2_right_and_wrong():
    frame = syria.returns()
    june = frame[frame["date"].between("2025-06-01", "2025-06-30")]
    turkiye = june.loc[june["measure"] == "returns-from-turkiye-since-fall-of-assad", "value"].iloc[0]
    region = june.loc[june["measure"] == "returns-from-abroad-since-fall-of-assad", "value"].iloc[0]
    assert check("04-2", turkiye / region).correct
    assert check("04-2", 100 * turkiye / region).correct
    monitored = june.loc[june["measure"] == "returns-from-turkiye-monitored-by-unhcr", "value"].iloc[0]
    assert_hint(check("04-2", monitored / region), "monitored", turkiye / region)
    assert_hint(check("04-2", region / turkiye), "Türkiye's count over the region's", turkiye / region)


def test_04_3_right_and_wrong():
    table = syria.sanctions_on("2025-08-01")
    in_force = table[table["In force on 1 Aug 2025"] == "yes"][["Restriction", "Eased by then by", "Who could lift it"]]
    assert check("04-3", in_force).correct
    assert check("04-3", ["terrorism designation", "Syria Accountability Act", "Caesar Act"]).correct
    assert_hint(check("04-3", ["Caesar Act", "Executive Order 13338"]), "no longer in force")
    assert_hint(check("04-3", ["Caesar Act"]), "of the")


def test_04_4_right_and_wrong():
    frame = syria.sanctions()
    relief = frame[frame["role"] == "relief"]
    before = relief[relief["date"] < "2025-05-05"]["short_name"].tolist()
    after = relief[relief["date"] > "2025-05-05"]["short_name"].tolist()
    assert check("04-4", (before, after)).correct
    assert check("04-4", (len(before), len(after))).correct
    assert_hint(check("04-4", (before + after[:1], after[1:])), "wrong side of the call")
    assert_hint(check("04-4", (len(after), len(before))), "swapped")


# --- chapter 06 --------------------------------------------------------------------------------


def test_06_1_right_and_wrong():
    rates = brunson.lira_rates()
    weakest = rates.loc[rates["value"].idxmax()]
    start = rates[rates["date"] == rates["date"].min()]
    rises = ((weakest["value"] / start["value"] - 1) * 100).tolist()
    assert check("06-1", rises).correct
    assert check("06-1", [rise / 100 for rise in rises]).correct
    losses = ((1 - start["value"] / weakest["value"]) * 100).tolist()
    assert_hint(check("06-1", losses), "lira lost", *rises)
    assert_hint(check("06-1", rises[:1]), "each of the", *rises)


def test_06_2_right_and_wrong():
    events = explainer.events(topics=["brunson"]).set_index("event_id")

    def days(a, b):
        return (events.loc[b, "date"] - events.loc[a, "date"]).days

    arrest = days("2018-07-25-brunson-house-arrest", "2018-10-12-brunson-released")
    sanctions = days("2018-08-01-us-sanctions-turkish-ministers", "2018-10-12-brunson-released")
    assert check("06-2", (arrest, sanctions)).correct
    assert_hint(check("06-2", (sanctions, arrest)), "swapped", arrest, sanctions)
    assert_hint(check("06-2", (arrest + 1, sanctions + 1)), "both end days", arrest, sanctions)


def test_06_3_right_and_wrong():
    table = brunson.comparison_table()
    different = table[table["Alike?"] == "different"][["Aspect", "Sources"]]
    assert check("06-3", different).correct
    similar = table[table["Alike?"] == "similar"]["Aspect"].iloc[0]
    assert_hint(check("06-3", [similar]), "marked similar")
    assert_hint(check("06-3", different["Aspect"].tolist()[:1]), "of the")


# --- the machinery -----------------------------------------------------------------------------


# --- chapter 00 --------------------------------------------------------------------------------


def test_00_2_right_and_wrong():
    claims = explainer.load_claims()
    right = claims[claims["attributed_to"] == "unnamed-report"]["claim_id"].tolist()
    assert check("00-2", right)
    assert check("00-2", claims[claims["attributed_to"] == "unnamed-report"][["claim_id", "quote", "verdict"]])
    other = claims[claims["attributed_to"] == "trump-post"]["claim_id"].iloc[0]
    assert_hint(check("00-2", [*right, other]), "not to an unnamed source")
    assert_hint(check("00-2", right[:1]), "filter the whole ledger")
    assert not check("00-2", "S1")


def test_00_3_right_and_wrong():
    calls = explainer.events(topics=["the-call"])
    right = calls[calls["description"].str.contains("F-35")]["date"]
    assert check("00-3", right.dt.strftime("%Y-%m-%d").tolist())
    assert check("00-3", calls[calls["description"].str.contains("F-35")][["date", "title"]])
    assert_hint(check("00-3", right.iloc[:1]), "search every description")
    assert_hint(check("00-3", ["2025-05-05"]), "does not mention the F-35")


# --- chapter 02 --------------------------------------------------------------------------------


def test_02_1_right_and_wrong():
    first = ukraine.talk_figures("prisoners-exchanged-each-side", "2025-05-16-istanbul")
    stages = first[first["scope"] == "stage"]["value"]
    assert check("02-1", stages.sum())
    assert_hint(check("02-1", stages.iloc[0]), "one stage", stages.sum())
    assert_hint(check("02-1", 2 * stages.sum()), "do not double", stages.sum())


def solution_02_2() -> dict:
    answer = {}
    for period in ["whole-initiative", "first-fortnight"]:
        frame = ukraine.grain_commodities(period)
        shares = 100 * frame.set_index("commodity")["million_tonnes"] / frame["million_tonnes"].sum()
        answer[period] = shares[["Corn", "Wheat"]].round(0).to_dict()
    return answer


def test_02_2_right_and_wrong():
    right = solution_02_2()
    assert check("02-2", right)
    assert check("02-2", {period: [shares["Corn"] / 100, shares["Wheat"] / 100] for period, shares in right.items()})
    swapped = {"whole-initiative": right["first-fortnight"], "first-fortnight": right["whole-initiative"]}
    assert_hint(check("02-2", swapped), "swapped", *right["whole-initiative"].values(), *right["first-fortnight"].values())
    by_ships = {period: {"Corn": 50, "Wheat": 50} for period in right}
    assert_hint(check("02-2", by_ships), "million_tonnes")
    assert not check("02-2", [51, 27])


def test_02_3_right_and_wrong():
    rounds = ukraine.talks()
    russia = rounds.loc[rounds["city"] == "Istanbul", "russia_head"].unique()
    chair = rounds.loc[rounds["date"].dt.year == 2025, "turkish_host"].unique()
    assert len(russia) == 1 and len(chair) == 1
    assert check("02-3", [russia[0], chair[0]])
    assert check("02-3", ["Medinsky", "Hakan Fidan"])
    lavrov = rounds.loc[rounds["city"] == "Antalya", "russia_head"].iloc[0]
    assert_hint(check("02-3", [lavrov, chair[0]]), "russia_head")
    assert_hint(check("02-3", [chair[0], russia[0]]), "swapped")
    feedback = check("02-3", ["Lavrov", "Fidan"])
    assert "Medinsky" not in feedback.message and "Fidan" not in feedback.message


def test_every_checked_exercise_exists_in_its_chapter():
    chapters = {path.name[:2]: path for path in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    for exercise_id in exercise_ids():
        chapter = exercise_id.split("-")[0]
        found = {exercise.exercise_id for exercise in exercises(read_notebook(chapters[chapter]), chapter)}
        assert exercise_id in found, f"a self-check is registered for {exercise_id}, but chapter {chapter} has no such exercise"


def test_every_checker_is_exercised_by_this_module():
    tested = {name.removeprefix("test_").removesuffix("_right_and_wrong").replace("_", "-")
              for name in globals() if name.endswith("_right_and_wrong")}
    assert set(exercise_ids()) == tested


def test_unknown_exercise_names_the_id_and_the_known_ones():
    with pytest.raises(KeyError, match=r"'99-1'.*01-1"):
        check("99-1", 3)


def test_an_answer_of_the_wrong_shape_says_what_is_expected():
    feedback = check("03-1", "about six thousand")
    assert not feedback and "Expected:" in feedback.message and answer_form("03-1") in feedback.message
    assert not check("01-2", [1, 2, 3])
    assert "Not yet" in str(check("01-3", "four"))


def test_register_rejects_a_bad_id_and_a_duplicate():
    with pytest.raises(ValueError, match="'5-1'"):
        register("5-1", "a number")
    with pytest.raises(ValueError, match="already has a checker"):
        register("01-1", "a number")(lambda answer: (True, ""))


def test_a_correction_to_the_data_moves_the_expected_answer(monkeypatch):
    from explainer import selfcheck

    real = blocs.load_vote_2003()

    def corrected():
        frame = real.copy()
        frame.loc[frame["figure"] == "Abstentions", "value"] = 20.0
        return frame

    monkeypatch.setattr(blocs, "load_vote_2003", corrected)
    assert not selfcheck.check("01-1", solution_01_1_with(real)).correct
    assert selfcheck.check("01-1", [total + 1 for total in solution_01_1_with(real)]).correct


def solution_01_1_with(votes: pd.DataFrame) -> list[float]:
    against = votes[votes["figure"] == "Votes against"]["value"].unique()
    in_favour = votes[votes["figure"] == "Votes in favour"]["value"].iloc[0]
    abstaining = votes[votes["figure"] == "Abstentions"]["value"].iloc[0]
    return [in_favour + value + abstaining for value in against]


# --- chapter 05 --------------------------------------------------------------------------------


def test_05_1_right_and_wrong():
    from explainer import tradeoff

    right = {"legal": 3, "money": 0, "time": 1, "washington_nato": 3, "moscow": 1}
    assert tradeoff.evaluate(right).ranking[0] == "dismantle"
    assert check("05-1", right).correct
    equal = {name: 1 for name in tradeoff.CRITERIA}
    assert tradeoff.evaluate(equal).ranking[0] != "dismantle"
    feedback = check("05-1", equal)
    assert not feedback.correct and "turn that one down" in feedback.message.lower()
    assert "criterion" in check("05-1", {"price": 3}).message


def test_05_2_right_and_wrong():
    from explainer import tradeoff

    none_found = tradeoff.weights_that_rank_first("store-inactive") is None
    assert check("05-2", not none_found).correct
    assert_hint(check("05-2", none_found), "weights_that_rank_first")
    assert "true or false" in check("05-2", "no").message.lower()


def test_05_3_right_and_wrong():
    from explainer import tradeoff

    places = [tradeoff.evaluate(parameters={"unclear_credit": credit}).ranking.index("supervise-in-turkey") + 1
              for credit in (0, 1)]
    assert places[0] != places[1]
    assert check("05-3", places).correct
    assert_hint(check("05-3", places[::-1]), "swapped", *places)
    assert_hint(check("05-3", [1, 1]), "count places", *places)


def test_05_4_right_and_wrong():
    from explainer import tradeoff

    table = tradeoff.one_at_a_time()
    changing = table.loc[table["changes_leader"], "label"].tolist()
    assert len(changing) >= 2
    assert check("05-4", changing).correct
    assert check("05-4", table.loc[table["changes_leader"], "parameter"].tolist()).correct
    assert_hint(check("05-4", changing[:1]), "of the")
    steady = table.loc[~table["changes_leader"], "label"].tolist()
    assert_hint(check("05-4", steady[:1]), "does not change first place")
