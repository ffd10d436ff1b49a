"""Self-checks for the chapters' code exercises: a student passes an answer and gets a verdict
and, when the answer is off, a hint that points at the mistake without giving the solution.

Every checker computes its expected answer from the data, through the same package functions the
exercise names, so a correction to the data changes the expected answer with it. Exercise ids are
``"CC-N"``: the chapter's two-digit number and the exercise's number (``"06-2"`` is chapter 06,
exercise 2). :func:`answer_form` says what shape of answer each checker takes.

Examples
--------
>>> from explainer import selfcheck
>>> selfcheck.check("01-3", 4).correct
True
>>> result = selfcheck.check("01-3", 5)
>>> result.correct, "both" in result.message
(False, True)
>>> "06-2" in selfcheck.exercise_ids()
True
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from explainer.article import CALL_DATE

EXERCISE_ID = re.compile(r"\d{2}-\d+")
STOPWORDS = {"the", "and", "of", "on", "in", "to", "a", "an", "for", "by", "with", "its", "it", "was", "be"}


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer. ``bool(feedback)`` is whether the answer is right."""

    exercise_id: str
    correct: bool
    message: str

    def __bool__(self) -> bool:
        return self.correct

    def __str__(self) -> str:
        verdict = "Right" if self.correct else "Not yet"
        return f"Exercise {self.exercise_id}: {verdict}. {self.message}"

    def __repr__(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Checker:
    exercise_id: str
    answer_form: str
    judge: Callable[[object], tuple[bool, str]]


_CHECKERS: dict[str, Checker] = {}


def register(exercise_id: str, answer_form: str) -> Callable:
    """Register the decorated function as the checker of ``exercise_id``.

    The function takes the student's answer and returns ``(correct, message)``; the message of a
    wrong answer is a hint that must not contain the expected answer.
    """
    if not EXERCISE_ID.fullmatch(exercise_id):
        raise ValueError(f"selfcheck: exercise id {exercise_id!r} must look like '05-1' (chapter-exercise)")

    def decorator(judge: Callable[[object], tuple[bool, str]]) -> Callable:
        if exercise_id in _CHECKERS:
            raise ValueError(f"selfcheck: exercise {exercise_id!r} already has a checker")
        _CHECKERS[exercise_id] = Checker(exercise_id, answer_form, judge)
        return judge

    return decorator


def exercise_ids() -> list[str]:
    """The exercises that can be self-checked, in chapter order."""
    return sorted(_CHECKERS, key=lambda key: tuple(int(part) for part in key.split("-")))


def _checker(exercise_id: str) -> Checker:
    if exercise_id not in _CHECKERS:
        known = ", ".join(exercise_ids())
        raise KeyError(f"selfcheck: no checker for exercise {exercise_id!r}; exercises with a self-check: {known}")
    return _CHECKERS[exercise_id]


def answer_form(exercise_id: str) -> str:
    """What shape of answer :func:`check` expects for ``exercise_id``."""
    return _checker(exercise_id).answer_form


def check(exercise_id: str, answer) -> Feedback:
    """Check ``answer`` to exercise ``exercise_id``; the result prints as a verdict and a hint."""
    checker = _checker(exercise_id)
    try:
        correct, message = checker.judge(answer)
    except AnswerShapeError as error:
        reason = str(error)
        correct, message = False, f"{reason[:1].upper()}{reason[1:]} Expected: {checker.answer_form}."
    return Feedback(exercise_id, correct, message)


class AnswerShapeError(ValueError):
    """The answer is not in the form the checker reads (for example a word where a number goes)."""


# --- reading answers ---------------------------------------------------------------------------


def _number(value, what: str = "the answer") -> float:
    if isinstance(value, bool):
        raise AnswerShapeError(f"{what} should be a number, not {value!r}.")
    if isinstance(value, pd.Series) and len(value) == 1:
        value = value.iloc[0]
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise AnswerShapeError(f"{what} should be a number, not {value!r}.") from None
    if math.isnan(number):
        raise AnswerShapeError(f"{what} is not a number (NaN).")
    return number


def _numbers(value, count: int | None = None, what: str = "the answer") -> list[float]:
    if isinstance(value, pd.DataFrame):
        raise AnswerShapeError(f"{what} should be numbers, not a table: pick the column you computed.")
    if isinstance(value, Mapping):
        value = list(value.values())
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        value = [value]
    numbers = [_number(item, what) for item in value]
    if count is not None and len(numbers) != count:
        raise AnswerShapeError(f"{what} should be {count} number(s); you gave {len(numbers)}.")
    return numbers


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance


def _share(value: float) -> float:
    """A share given as a fraction (0.46) or a percentage (46) as a fraction."""
    return value / 100 if value > 1.5 else value


def _words(text: str) -> set[str]:
    text = re.sub(r"\([^)]*\)", " ", str(text).lower())
    text = re.sub(r"\beo\b", "executive order", text)
    return {word for word in re.findall(r"[a-z0-9]+", text) if len(word) > 1 and word not in STOPWORDS}


def _names(value, what: str) -> list[str]:
    if isinstance(value, pd.DataFrame):
        value = value.iloc[:, 0]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Iterable):
        raise AnswerShapeError(f"{what} should be a list of names, not {value!r}.")
    names = [str(item) for item in value]
    if any(not _words(name) for name in names):
        raise AnswerShapeError(f"{what} contains an empty name.")
    return names


def _matches(name: str, candidate: str) -> bool:
    """Whether a name a student typed designates ``candidate`` (all its words appear there)."""
    return _words(name) <= _words(candidate)


def _match_all(names: list[str], candidates: list[str]) -> tuple[set[str], list[str]]:
    """The candidates the names designate, and the names that designate none of them."""
    found, unknown = set(), []
    for name in names:
        hits = [candidate for candidate in candidates if _matches(name, candidate)]
        found.update(hits)
        if not hits:
            unknown.append(name)
    return found, unknown


# --- chapter 01 ----------------------------------------------------------------------------------


def _vote_totals() -> dict[float, float]:
    from explainer import blocs

    votes = blocs.load_vote_2003()
    in_favour = votes.loc[votes["figure"] == "Votes in favour", "value"].unique()
    abstaining = votes.loc[votes["figure"] == "Abstentions", "value"].unique()
    if len(in_favour) != 1 or len(abstaining) != 1:
        raise ValueError("selfcheck 01-1: the reports no longer agree on the votes in favour and abstentions")
    against = sorted(votes.loc[votes["figure"] == "Votes against", "value"].unique())
    return {value: in_favour[0] + value + abstaining[0] for value in against}


@register("01-1", "the number of members voting in each version of the vote, e.g. [total_a, total_b]")
def _check_01_1(answer) -> tuple[bool, str]:
    totals = _vote_totals()
    given = sorted(_numbers(answer, what="the totals"))
    expected = sorted(totals.values())
    if given == expected:
        return True, "Each version adds up, and more than half of each total is the 'votes needed' its reports give."
    if len(given) != len(expected):
        return False, f"The reports give {len(expected)} different figures for the votes against: give one total for each."
    needed_votes = {math.floor(total / 2) + 1 for total in expected}
    if set(given) == needed_votes:
        return False, "Those are the votes needed to pass. First add the votes for, against and abstaining in each version."
    without_abstentions = sorted(total - _abstentions() for total in expected)
    if given == without_abstentions:
        return False, "Members who abstained were present and voting too: add the abstentions to each total."
    return False, "For each figure of votes against, add the votes in favour, that figure and the abstentions."


def _abstentions() -> float:
    from explainer import blocs

    votes = blocs.load_vote_2003()
    return votes.loc[votes["figure"] == "Abstentions", "value"].iloc[0]


def _turning_point_counts() -> dict[str, dict[str, int]]:
    from explainer import blocs

    points = blocs.turning_points()
    after = points["date"] >= pd.Timestamp("2021-01-01")
    counts = {}
    for period, rows in (("before", points[~after]), ("after", points[after])):
        counts[period] = {direction: int((rows["direction"] == direction).sum()) for direction in ("strained", "closer")}
    return counts


def _read_counts(answer) -> dict[str, dict[str, int]]:
    if isinstance(answer, pd.Series) and isinstance(answer.index, pd.MultiIndex):
        counts: dict[str, dict[str, int]] = {"before": {}, "after": {}}
        for (is_after, direction), value in answer.items():
            counts["after" if bool(is_after) else "before"][str(direction)] = int(value)
        answer = counts
    if not isinstance(answer, Mapping) or set(answer) != {"before", "after"}:
        raise AnswerShapeError("Give a dict with the keys 'before' and 'after', or the Series that groupby gives.")
    result = {}
    for period, value in answer.items():
        if not isinstance(value, Mapping) or not set(value) <= {"strained", "closer"}:
            raise AnswerShapeError(f"answer[{period!r}] should map 'strained' and 'closer' to counts.")
        result[period] = {direction: int(_number(value.get(direction, 0), f"answer[{period!r}][{direction!r}]")) for direction in ("strained", "closer")}
    return result


@register("01-2", "{'before': {'strained': n, 'closer': n}, 'after': {'strained': n, 'closer': n}}, split at 1 January 2021")
def _check_01_2(answer) -> tuple[bool, str]:
    expected = _turning_point_counts()
    given = _read_counts(answer)
    if given == expected:
        return True, "Now say what the count can and cannot tell you: how much each event mattered is not in it."
    if given == {"before": expected["after"], "after": expected["before"]}:
        return False, "Your two periods are swapped: 'before' is everything dated before 1 January 2021."
    total_given = sum(sum(value.values()) for value in given.values())
    total_expected = sum(sum(value.values()) for value in expected.values())
    if total_given != total_expected:
        return False, f"Your counts add up to {total_given}, but every turning point belongs to one period and one direction: count them all."
    return False, "The total is right but some events are in the wrong period or direction: compare each date with 2021-01-01."


def _days_between(first_event: str, second_event: str, topics: list[str]) -> int:
    from explainer.timeline import events

    frame = events(topics=topics).set_index("event_id")
    return int((frame.loc[second_event, "date"] - frame.loc[first_event, "date"]).days)


@register("01-3", "the number of days between Russia's invasion and the closure of the straits, as an integer")
def _check_01_3(answer) -> tuple[bool, str]:
    expected = _days_between("2022-02-24-russia-invades-ukraine", "2022-02-28-straits-closed-to-warships", ["ukraine"])
    given = _number(answer, "the number of days")
    if given == expected:
        return True, "Now read the two events' sources for the day Turkey first called it a war."
    if given == expected + 1:
        return False, "You counted both the first and the last day: subtract the two dates instead."
    return False, "Find the two events by their event_id and subtract the earlier date from the later one (.days)."


# --- chapter 03 ----------------------------------------------------------------------------------


def _densities() -> dict[str, float]:
    from explainer import gaza

    facts = gaza.facts().set_index("fact_id")["value"]
    return {
        "pcbs": facts["strip-population-pcbs"] / facts["strip-area-unrwa"],
        "ap": facts["strip-population-ap"] / facts["strip-area-ap"],
        "mixed": {
            facts["strip-population-pcbs"] / facts["strip-area-ap"],
            facts["strip-population-ap"] / facts["strip-area-unrwa"],
        },
        "ocha": facts["strip-density-ocha"],
    }


@register("03-1", "the two densities in people per km², [PCBS population ÷ UNRWA area, AP population ÷ AP area]")
def _check_03_1(answer) -> tuple[bool, str]:
    expected = _densities()
    pcbs, ap = _numbers(answer, 2, "the two densities")
    tolerance = 0.005 * expected["pcbs"]
    if _close(pcbs, expected["pcbs"], tolerance) and _close(ap, expected["ap"], tolerance):
        return True, "Now compare both with OCHA's figure and ask which date each population is for."
    if _close(ap, expected["pcbs"], tolerance) and _close(pcbs, expected["ap"], tolerance):
        return False, "Your two densities are in the wrong order: PCBS's first, AP's second."
    if any(_close(value, mixed, tolerance) for value in (pcbs, ap) for mixed in expected["mixed"]):
        return False, "Divide each population by the area from the pairing the exercise gives (PCBS with UNRWA's area, AP with AP's own)."
    if any(_close(value, expected["ocha"], 1) for value in (pcbs, ap)):
        return False, "That is OCHA's published density; the exercise asks you to compute your own from the facts table."
    return False, "Density is population divided by area: people per km². Check that you picked the rows named in the exercise."


def _truck_rates() -> dict[str, tuple[float, float]]:
    from explainer import gaza

    aid = gaza.aid().set_index("aid_id")
    rates = {}
    for name, aid_id in (("cogat", "cogat-trucks-ceasefire-2025"), ("un", "un2720-trucks-ceasefire-2025")):
        row = aid.loc[aid_id]
        days = (row["period_end"] - row["period_start"]).days
        rates[name] = (row["value"] / days, row["value"] / (days + 1))
    return rates


@register("03-2", "the two daily averages, [COGAT's trucks a day, the UN's trucks a day]")
def _check_03_2(answer) -> tuple[bool, str]:
    rates = _truck_rates()
    cogat, un = _numbers(answer, 2, "the two averages")
    if _close(cogat, rates["cogat"][0], 0.5) and _close(un, rates["un"][0], 0.5):
        return True, "They match AP's averages. Now explain why the two counts differ about fourfold."
    if _close(un, rates["cogat"][0], 0.5) and _close(cogat, rates["un"][0], 0.5):
        return False, "Your two averages are in the wrong order: COGAT's first, the UN's second."
    if _close(cogat, rates["cogat"][1], 0.5) or _close(un, rates["un"][1], 0.5):
        return False, "You counted both end days. AP divides by the difference between the dates (period_end - period_start)."
    return False, "Divide each truck count by the days in its own period; each publisher's period starts on a different day."


def _newest_deaths() -> dict[str, float]:
    from explainer import gaza

    deaths = gaza.casualties()
    deaths = deaths[deaths["where"] == "Gaza"].sort_values("as_of")
    return {publisher: rows["value"].iloc[-1] for publisher, rows in deaths.groupby("publisher")}


def _older_deaths() -> dict[str, set[float]]:
    from explainer import gaza

    deaths = gaza.casualties()
    deaths = deaths[deaths["where"] == "Gaza"].sort_values("as_of")
    return {publisher: set(rows["value"].iloc[:-1]) for publisher, rows in deaths.groupby("publisher")}


def _read_publisher_values(answer) -> dict[str, float]:
    if isinstance(answer, pd.DataFrame):
        if not {"publisher", "value"} <= set(answer.columns):
            raise AnswerShapeError("A table answer needs the columns 'publisher' and 'value'.")
        answer = dict(zip(answer["publisher"], answer["value"], strict=True))
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if not isinstance(answer, Mapping):
        raise AnswerShapeError("Give a dict mapping each publisher to its newest figure.")
    return {str(key): _number(value, f"the figure for {key!r}") for key, value in answer.items()}


def _publisher_of(name: str, publishers: Iterable[str]) -> str | None:
    lowered = name.strip().lower()
    for publisher in publishers:
        if lowered == publisher.lower():
            return publisher
    hits = [publisher for publisher in publishers if _matches(name, publisher)]
    return hits[0] if len(hits) == 1 else None


@register("03-3", "a dict mapping each publisher (as gaza.casualties() names it) to its newest figure for deaths in Gaza")
def _check_03_3(answer) -> tuple[bool, str]:
    expected = _newest_deaths()
    older = _older_deaths()
    given = _read_publisher_values(answer)
    matched: dict[str, float] = {}
    for name, value in given.items():
        publisher = _publisher_of(name, expected)
        if publisher is None:
            return False, f"{name!r} is not one publisher of the table's deaths in Gaza: use the names in the 'publisher' column."
        matched[publisher] = value
    for publisher, value in matched.items():
        if value != expected[publisher]:
            if value in older[publisher]:
                return False, f"For {publisher}, that is an older figure: sort by 'as_of' and take each publisher's last row."
            return False, f"The figure for {publisher} is not in its rows for Gaza: check the 'where' column."
    missing = len(expected) - len(matched)
    if missing:
        return False, f"The figures you gave are right, but {missing} publisher(s) are missing: the table has {len(expected)} publishers for deaths in Gaza."
    return True, "Now say for each whether it counts reported deaths, estimates them, or measures something else (the 'measure' column)."


def _flour_share() -> tuple[float, float, float]:
    from explainer import gaza

    row = gaza.aid().set_index("aid_id").loc["afad-tonnes-2025-08"]
    flour = re.search(r"more than ([\d,]+) tonnes of flour", row["what_counted"])
    if flour is None:
        raise ValueError("selfcheck 03-4: the row afad-tonnes-2025-08 no longer states its flour tonnage")
    tonnes = float(flour.group(1).replace(",", ""))
    return tonnes / row["value"], tonnes, row["value"]


@register("03-4", "the smallest share of the total that the flour can be, as a fraction (0.5) or a percentage (50)")
def _check_03_4(answer) -> tuple[bool, str]:
    share, flour, total = _flour_share()
    raw = _number(answer, "the share")
    if _close(raw, total / flour, 0.01):
        return False, "You divided the total by the flour: the share is the part divided by the whole."
    given = _share(raw)
    if _close(given, share, 0.005):
        return True, "Now say what that means for how much aid actually crossed from Turkey."
    if _close(given, 1 - share, 0.005):
        return False, "That is the share of everything except the flour."
    return False, "Divide the flour's tonnage (from the row's what_counted) by the row's total tonnage."


# --- chapter 04 ----------------------------------------------------------------------------------


def _refugee_extremes() -> dict[str, tuple[float, float]]:
    from explainer import syria

    frame = syria.refugees().sort_values("date")
    return {publisher: (rows["value"].max(), rows["value"].iloc[-1]) for publisher, rows in frame.groupby("publisher")}


@register("04-1", "a dict mapping each publisher to (largest figure, newest figure), e.g. {'UNHCR': (a, b), ...}")
def _check_04_1(answer) -> tuple[bool, str]:
    expected = _refugee_extremes()
    if not isinstance(answer, Mapping):
        raise AnswerShapeError("Give a dict mapping each publisher to (largest, newest).")
    matched = {}
    for name, pair in answer.items():
        publisher = _publisher_of(str(name), expected)
        if publisher is None:
            return False, f"{name!r} is not a publisher in syria.refugees(): use the 'publisher' column's names."
        matched[publisher] = _numbers(pair, 2, f"the pair for {publisher}")
    for publisher, (largest, newest) in matched.items():
        if largest != expected[publisher][0]:
            return False, f"{publisher}'s largest figure is not right: take the maximum of its 'value' column."
        if newest != expected[publisher][1]:
            return False, f"{publisher}'s newest figure is not right: take its row with the latest 'date'."
    if len(matched) < len(expected):
        return False, f"Give both publishers: the table has {len(expected)}."
    return True, "Now explain why the table cannot give UNHCR's figure for 2024: read the 'measure' and the sources' notes."


def _return_share() -> dict[str, float]:
    from explainer import syria

    frame = syria.returns()
    june = frame[frame["date"].between("2025-06-01", "2025-06-30")]

    def value(measure: str) -> float:
        return june.loc[june["measure"] == measure, "value"].iloc[0]

    turkiye = value("returns-from-turkiye-since-fall-of-assad")
    region = value("returns-from-abroad-since-fall-of-assad")
    monitored = value("returns-from-turkiye-monitored-by-unhcr")
    return {"share": turkiye / region, "inverse": region / turkiye, "monitored": monitored / region}


@register("04-2", "the share of all returns that came from Türkiye, as a fraction (0.5) or a percentage (50)")
def _check_04_2(answer) -> tuple[bool, str]:
    shares = _return_share()
    raw = _number(answer, "the share")
    if _close(raw, shares["inverse"], 0.01):
        return False, "You divided the region's returns by Türkiye's: the share is Türkiye's count over the region's."
    given = _share(raw)
    if _close(given, shares["share"], 0.01):
        return True, "Now give two reasons why the share is only approximate (who counts, and when)."
    if _close(given, shares["monitored"], 0.01):
        return False, "You used UNHCR's monitored returns from Türkiye; the exercise asks for the Turkish government's count."
    return False, "Take the Turkish government's count of returns from Türkiye in June 2025 and divide it by UNHCR's estimate for all neighbouring countries."


def _restrictions_in_force() -> tuple[list[str], list[str]]:
    from explainer import syria

    table = syria.sanctions_on("2025-08-01")
    column = next(name for name in table.columns if name.startswith("In force on"))
    in_force = table.loc[table[column] == "yes", "Restriction"].tolist()
    lifted = table.loc[table[column] != "yes", "Restriction"].tolist()
    return in_force, lifted


def _check_chosen_names(answer, what: str, wanted: list[str], others: list[str], *,
                        not_wanted: str, unknown: str, counted: str, next_step: str) -> tuple[bool, str]:
    """Check a list of names against the ``wanted`` ones of a table, the rest being ``others``.

    ``not_wanted`` and ``unknown`` are hints with a ``{name}`` slot; ``counted`` says what the
    wanted names are ("restrictions still in force"); ``next_step`` is the reply to a right answer.
    """
    names = _names(answer, what)
    found_others, _ = _match_all(names, others)
    if found_others:
        return False, not_wanted.format(name=sorted(found_others)[0])
    found, unmatched = _match_all(names, wanted)
    if unmatched:
        return False, unknown.format(name=repr(unmatched[0]))
    if len(found) < len(wanted):
        return False, f"You have {len(found)} of the {len(wanted)} {counted}."
    return True, next_step


@register("04-3", "a list of the restrictions in force on 1 August 2025, by name (e.g. ['Caesar Act', ...])")
def _check_04_3(answer) -> tuple[bool, str]:
    in_force, lifted = _restrictions_in_force()
    hints = {"not_wanted": "{name} was no longer in force on 1 August 2025: check the 'In force' column.",
             "unknown": "{name} does not name a restriction in syria.sanctions_on(): use the words of its 'Restriction' column."}
    return _check_chosen_names(answer, "the list of restrictions", in_force, lifted, **hints, counted="restrictions still in force",
                               next_step="Now say who could lift each, and which the President could not remove on his own.")


def _relief_steps() -> tuple[list[str], list[str]]:
    from explainer import syria

    frame = syria.sanctions()
    relief = frame[frame["role"] == "relief"]
    call = CALL_DATE
    return relief.loc[relief["date"] < call, "short_name"].tolist(), relief.loc[relief["date"] > call, "short_name"].tolist()


@register("04-4", "two lists of relief steps (short names), (before the call, after the call); or the two counts")
def _check_04_4(answer) -> tuple[bool, str]:
    before, after = _relief_steps()
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        raise AnswerShapeError("Give a pair: (steps before the call, steps after the call).")
    first, second = answer
    if all(isinstance(part, (int, float)) and not isinstance(part, bool) for part in (first, second)):
        if (first, second) == (len(before), len(after)):
            return True, "The counts are right. Now say what that tells you about claim S05-a."
        if (first, second) == (len(after), len(before)):
            return False, "Your two counts are swapped: steps before the call come first."
        return False, "Compare each relief step's 'date' with the day of the call, 5 May 2025."
    given_before, unknown_before = _match_all(_names(first, "the steps before"), before + after)
    given_after, unknown_after = _match_all(_names(second, "the steps after"), before + after)
    if unknown_before or unknown_after:
        return False, f"{(unknown_before + unknown_after)[0]!r} is not a relief step's short_name in syria.sanctions()."
    misplaced = (given_before & set(after)) | (given_after & set(before))
    if misplaced:
        return False, f"{sorted(misplaced)[0]} is on the wrong side of the call: compare its 'date' with 5 May 2025."
    if given_before != set(before) or given_after != set(after):
        return False, f"Some steps are missing: there are {len(before) + len(after)} relief steps in all."
    return True, "Now say what the order tells you about how to read S05-a."


# --- chapter 06 ----------------------------------------------------------------------------------


def _lira_changes() -> dict[str, list[float]]:
    from explainer import brunson

    rates = brunson.lira_rates()
    weakest = rates["value"].max()
    starts = rates.loc[rates["date"] == rates["date"].min(), "value"].tolist()
    return {
        "dollar": sorted((weakest / start - 1) * 100 for start in starts),
        "lira": sorted((1 - start / weakest) * 100 for start in starts),
    }


@register("06-1", "the two rises in the dollar's price, in per cent, one for each start-of-year figure, e.g. [a, b]")
def _check_06_1(answer) -> tuple[bool, str]:
    changes = _lira_changes()
    given = sorted(_numbers(answer, what="the two rises"))
    if len(given) != len(changes["dollar"]):
        return False, f"Answer once for each of the {len(changes['dollar'])} start-of-year figures."
    if all(value < 1.5 for value in given):
        given = [value * 100 for value in given]
    if all(_close(value, expected, 0.5) for value, expected in zip(given, changes["dollar"], strict=True)):
        return True, "Now say why the two answers differ."
    if all(_close(value, expected, 0.5) for value, expected in zip(given, changes["lira"], strict=True)):
        return False, "That is how much value the lira lost. The exercise asks how much more a dollar cost: weakest ÷ start − 1."
    return False, "Take the weakest level (the largest lira-per-dollar value in the table) and compare it with each figure of the first date."


@register("06-2", "two integers: (days under house arrest, days from the first U.S. sanctions to the release)")
def _check_06_2(answer) -> tuple[bool, str]:
    arrest = _days_between("2018-07-25-brunson-house-arrest", "2018-10-12-brunson-released", ["brunson"])
    sanctions = _days_between("2018-08-01-us-sanctions-turkish-ministers", "2018-10-12-brunson-released", ["brunson"])
    given = _numbers(answer, 2, "the two counts of days")
    if given == [arrest, sanctions]:
        return True, "Now say which date you could not use to count days of detention, and why (look at date_precision)."
    if given == [sanctions, arrest]:
        return False, "Your two counts are swapped: house arrest first."
    if given == [arrest + 1, sanctions + 1] or arrest + 1 in given or sanctions + 1 in given:
        return False, "You counted both end days: subtract the two dates instead."
    return False, "Find each pair of events by event_id and subtract the earlier date from the later one."


@register("06-3", "a list of the aspects marked 'different' (e.g. ['What was at stake', ...])")
def _check_06_3(answer) -> tuple[bool, str]:
    from explainer import brunson

    table = brunson.comparison_table()
    different = table.loc[table["Alike?"] == "different", "Aspect"].tolist()
    similar = table.loc[table["Alike?"] != "different", "Aspect"].tolist()
    hints = {"not_wanted": "'{name}' is marked similar, not different.",
             "unknown": "{name} is not an aspect in brunson.comparison_table(): use its 'Aspect' column."}
    return _check_chosen_names(answer, "the list of aspects", different, similar, **hints, counted="aspects marked different",
                               next_step="Now choose one and explain, with its sources, why it makes 2018's outcome hard to repeat.")


# --- chapter 00 ----------------------------------------------------------------------------------


def _claim_ids(value, what: str) -> list[str]:
    if isinstance(value, pd.DataFrame):
        value = value["claim_id"] if "claim_id" in value.columns else value.iloc[:, 0]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Iterable):
        raise AnswerShapeError(f"{what} should be a list of claim ids such as 'S01-a', not {value!r}.")
    ids = [str(item).strip() for item in value]
    malformed = [item for item in ids if not re.fullmatch(r"S\d{2}-[a-z]", item)]
    if malformed:
        raise AnswerShapeError(f"{malformed[0]!r} is not a claim id (they look like 'S01-a').")
    return ids


@register("00-2", "the claim ids attributed to an unnamed source, e.g. ['S01-a', 'S02-b']")
def _check_00_2(answer) -> tuple[bool, str]:
    from explainer import load_claims

    claims = load_claims().set_index("claim_id")
    expected = set(claims.index[claims["attributed_to"] == "unnamed-report"])
    given = set(_claim_ids(answer, "the claim ids"))
    unknown = sorted(given - set(claims.index))
    if unknown:
        return False, f"{unknown[0]!r} is not in the ledger: take the ids from its claim_id column."
    wrong = sorted(given - expected)
    if wrong:
        return False, f"{wrong[0]} is attributed to {claims.loc[wrong[0], 'attributed_to']!r}, not to an unnamed source."
    if given != expected:
        return False, f"You have {len(given)} of the {len(expected)} claims: filter the whole ledger, not one sentence."
    return True, "Now find the words in each quote that signal the missing source, and read their verdicts."


def _dates(value, what: str) -> list[pd.Timestamp]:
    if isinstance(value, (str, pd.Timestamp)):
        value = [value]
    if isinstance(value, pd.DataFrame):
        value = value["date"] if "date" in value.columns else value.iloc[:, 0]
    if not isinstance(value, Iterable):
        raise AnswerShapeError(f"{what} should be a list of dates such as '2025-01-31', not {value!r}.")
    dates = []
    for item in value:
        try:
            dates.append(pd.Timestamp(item).normalize())
        except (TypeError, ValueError) as error:
            raise AnswerShapeError(f"{item!r} is not a date; write it as 'YYYY-MM-DD'.") from error
    return dates


@register("00-3", "the date(s) of the call-topic events whose description mentions the F-35, e.g. ['2025-01-31']")
def _check_00_3(answer) -> tuple[bool, str]:
    from explainer.timeline import events

    calls = events(topics=["the-call"])
    expected = set(calls.loc[calls["description"].str.contains("F-35", regex=False), "date"].dt.normalize())
    given = set(_dates(answer, "the dates"))
    if given == expected:
        return True, "Now compare each date with 5 May 2025: what does that say about sentence S08?"
    if CALL_DATE in given:
        return False, "5 May 2025 is the call the article reports, but its event description does not mention the F-35."
    if given < expected:
        return False, f"You have {len(given)} of the {len(expected)} events: search every description, not only the first hit."
    return False, "Filter explainer.events(topics=['the-call']) on description.str.contains('F-35') and read the date column."


# --- chapter 02 ----------------------------------------------------------------------------------


def _first_exchange() -> pd.DataFrame:
    from explainer import ukraine

    return ukraine.talk_figures("prisoners-exchanged-each-side", "2025-05-16-istanbul")


@register("02-1", "the sum of the stages of the first 2025 exchange, per side, as a number")
def _check_02_1(answer) -> tuple[bool, str]:
    figures = _first_exchange()
    stages = figures.loc[figures["scope"] == "stage", "value"]
    expected = float(stages.sum())
    given = _number(answer, "the sum of the stages")
    if given == expected:
        return True, "Now compare the sum with each side's reported total: do they agree?"
    if given in set(stages.astype(float)):
        return False, "That is one stage: add up every row whose scope is 'stage'."
    if given == 2 * expected:
        return False, "The figures count people per side already: do not double them."
    if given == float(figures["value"].sum()):
        return False, "You added the totals too: keep only the rows whose scope is 'stage'."
    return False, "Filter the rows whose scope is 'stage' and add their value column."


def _grain_shares() -> dict[str, dict[str, float]]:
    from explainer import ukraine

    shares = {}
    for period in ("whole-initiative", "first-fortnight"):
        frame = ukraine.grain_commodities(period).set_index("commodity")["million_tonnes"]
        shares[period] = {crop: 100 * frame[crop] / frame.sum() for crop in ("Corn", "Wheat")}
    return shares


def _read_shares(answer) -> dict[str, dict[str, float]]:
    if not isinstance(answer, Mapping) or set(answer) != {"whole-initiative", "first-fortnight"}:
        raise AnswerShapeError("Give a dict with the keys 'whole-initiative' and 'first-fortnight'.")
    result = {}
    for period, value in answer.items():
        if isinstance(value, Mapping):
            value = {str(key).capitalize(): item for key, item in value.items()}
            value = {"Corn" if key == "Maize" else key: item for key, item in value.items()}
            if not {"Corn", "Wheat"} <= set(value):
                raise AnswerShapeError(f"answer[{period!r}] should give 'Corn' and 'Wheat'.")
            pair = [value["Corn"], value["Wheat"]]
        else:
            pair = _numbers(value, 2, f"answer[{period!r}]")
        numbers = [_number(item, f"answer[{period!r}]") for item in pair]
        result[period] = {"Corn": 100 * _share(numbers[0]), "Wheat": 100 * _share(numbers[1])}
    return result


@register("02-2", "{'whole-initiative': {'Corn': share, 'Wheat': share}, 'first-fortnight': {...}}, shares in per cent or as fractions")
def _check_02_2(answer) -> tuple[bool, str]:
    expected = _grain_shares()
    given = _read_shares(answer)

    def close(shares, other) -> bool:
        return all(_close(shares[period][crop], other[period][crop], 1.0) for period in other for crop in ("Corn", "Wheat"))

    if close(given, expected):
        return True, "Now say how the mix changed, and what a first fortnight of a few ships can and cannot show."
    swapped = {"whole-initiative": expected["first-fortnight"], "first-fortnight": expected["whole-initiative"]}
    if close(given, swapped):
        return False, "Your two periods are swapped: grain_commodities() with no argument is the whole Initiative."
    crops_swapped = {period: {"Corn": shares["Wheat"], "Wheat": shares["Corn"]} for period, shares in expected.items()}
    if close(given, crops_swapped):
        return False, "Corn and wheat are swapped in your answer."
    return False, "Divide each crop's million_tonnes by the period's total of million_tonnes, over every commodity."


def _istanbul_heads() -> tuple[list[str], list[str]]:
    from explainer import ukraine

    rounds = ukraine.talks()
    russia = rounds.loc[rounds["city"] == "Istanbul", "russia_head"].unique().tolist()
    chairs = rounds.loc[rounds["date"].dt.year == 2025, "turkish_host"].unique().tolist()
    return russia, chairs


@register("02-3", "two names: (who led Russia's delegation in every Istanbul round, who chaired the 2025 rounds)")
def _check_02_3(answer) -> tuple[bool, str]:
    russia, chairs = _istanbul_heads()
    if len(russia) != 1 or len(chairs) != 1:
        raise ValueError("selfcheck 02-3: the talks table no longer has one Russian head and one 2025 chair")
    names = _names(answer, "the two names")
    if len(names) != 2:
        raise AnswerShapeError("Give exactly two names: Russia's head of delegation, then the 2025 chair.")
    head, chair = names
    if _matches(head, chairs[0]) and _matches(chair, russia[0]):
        return False, "Your two names are swapped: Russia's head of delegation first."
    if not _matches(head, russia[0]):
        return False, "Read the russia_head column for the rows whose city is Istanbul."
    if not _matches(chair, chairs[0]):
        return False, "Read the turkish_host column for the three rounds of 2025."
    return True, "Now say how Turkey's role in the two 2022 rounds differed from its role in 2025."


# --- chapter 05 ----------------------------------------------------------------------------------

_WEIGHT_NAMES = ("legal", "money", "time", "washington_nato", "moscow")


def _weights(value) -> dict[str, float]:
    if not isinstance(value, Mapping):
        raise AnswerShapeError("the answer should be a dict of weights, e.g. {'legal': 3, 'money': 0, ...}.")
    unknown = [name for name in value if name not in _WEIGHT_NAMES]
    if unknown:
        raise AnswerShapeError(f"{unknown[0]!r} is not a criterion; the criteria are {list(_WEIGHT_NAMES)}.")
    weights = {name: _number(value.get(name, 0), f"the weight {name!r}") for name in _WEIGHT_NAMES}
    if any(weight < 0 for weight in weights.values()) or not any(weights.values()):
        raise AnswerShapeError("weights should be zero or more, and at least one above zero.")
    return weights


@register("05-1", "a dict of weights, e.g. {'legal': 3, 'money': 0, 'time': 1, 'washington_nato': 3, 'moscow': 1}")
def _check_05_1(answer) -> tuple[bool, str]:
    from explainer import tradeoff

    ranking = tradeoff.evaluate(_weights(answer)).ranking
    if ranking[0] == "dismantle":
        return True, "Now say which criterion you turned down, and check with tradeoff.robustness(weights) how firmly it leads."
    place = ranking.index("dismantle") + 1
    return False, (f"With these weights dismantling comes {place}. Which criterion does the leader, {ranking[0]!r}, "
                   "beat it on? Turn that one down.")


@register("05-2", "True if some weights put storage first with the default assumptions, False if none do")
def _check_05_2(answer) -> tuple[bool, str]:
    from explainer import tradeoff

    if not isinstance(answer, bool):
        raise AnswerShapeError(f"the answer should be True or False, not {answer!r}.")
    possible = tradeoff.weights_that_rank_first("store-inactive") is not None
    if answer == possible:
        return True, "Now compare storage's criterion scores with its two neighbours' to explain the result."
    return False, "Ask the model: tradeoff.weights_that_rank_first('store-inactive') tries every combination of weights."


@register("05-3", "two integers: the place of supervision in Turkey with unclear_credit 0, then with 1")
def _check_05_3(answer) -> tuple[bool, str]:
    from explainer import tradeoff

    places = [tradeoff.evaluate(parameters={"unclear_credit": credit}).ranking.index("supervise-in-turkey") + 1
              for credit in (0, 1)]
    given = _numbers(answer, 2, "the two places")
    if given == places:
        return True, "Now say why the untested question of possession decides whether this option is a way out."
    if given == places[::-1]:
        return False, "Your two places are swapped: the place with unclear_credit 0 comes first."
    return False, "Count places from 1 (first) and look up 'supervise-in-turkey' in each ranking."


@register("05-4", "a list of the assumptions (labels or parameter names) that change first place on their own")
def _check_05_4(answer) -> tuple[bool, str]:
    from explainer import tradeoff

    table = tradeoff.one_at_a_time()
    changing = table.loc[table["changes_leader"]]
    names = _names(answer, "the list of assumptions")
    candidates = changing["label"].tolist() + changing["parameter"].tolist()
    others = table.loc[~table["changes_leader"], "label"].tolist() + table.loc[~table["changes_leader"], "parameter"].tolist()
    found_other, _ = _match_all(names, others)
    found, unknown = _match_all(names, candidates)
    if found_other and not found:
        return False, f"{sorted(found_other)[0]!r} moves the lead but does not change first place on its own (no ⇄)."
    if unknown:
        return False, f"{unknown[0]!r} is not an assumption that changes first place: look at the changes_leader column."
    labels = {label for label in changing["label"]}
    covered = {label for label, parameter in zip(changing["label"], changing["parameter"], strict=True)
               if label in found or parameter in found}
    if len(covered) < len(labels):
        return False, f"You have {len(covered)} of the {len(labels)} assumptions that change first place on their own."
    return True, "Now choose the one you would most want a source for, and say where you would look."
