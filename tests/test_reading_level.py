"""Reading level of every chapter's prose (solutions, code and tables excluded).

The whole-chapter ceilings hold today's level so that it cannot drift up. The goal for each
chapter's core path, once the core path is tagged, is stricter: CORE_MEAN_GOAL words per sentence
on average and at most CORE_LONG_GOAL of sentences over 35 words.
"""

from __future__ import annotations

import pytest

from explainer.authoring.prose import read_notebook
from explainer.authoring.readability import chapter_reading_level, measure, split_sentences
from explainer.authoring.registry import ROOT, chapters

CHAPTERS = [ROOT / "notebooks" / chapter.file for chapter in chapters() if chapter.status == "ready"]
CHAPTER_MEAN_CEILING = 20.0
CHAPTER_LONG_CEILING = 0.15
CORE_MEAN_GOAL = 20.0
CORE_LONG_GOAL = 0.05


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.name)
def test_chapter_reading_level_stays_under_the_ceiling(path):
    level = chapter_reading_level(read_notebook(path))
    report = (f"{path.name}: {level.sentences} sentences, {level.mean_words} words per sentence, "
              f"{level.share_long:.1%} over 35 words; longest: {level.longest!r}")
    print(report)
    assert level.sentences > 20, report
    assert level.mean_words <= CHAPTER_MEAN_CEILING, report
    assert level.share_long <= CHAPTER_LONG_CEILING, report


def test_sentences_split_at_ends_not_at_abbreviations():
    text = "The U.S. Congress acted in Dec. 2019. A. Brunson? No: Pastor A. Brunson left. “Quoted.” Then more."
    assert split_sentences(text) == [
        "The U.S. Congress acted in Dec. 2019.", "A. Brunson?", "No: Pastor A. Brunson left.", "“Quoted.”", "Then more."]


def test_list_items_headings_code_tables_and_solutions_are_handled():
    markdown = "## A heading\n\n- a list item without a stop\n- another item\n\n```python\nx = 1\n```\n\n| a | b |\n|---|---|"
    level = measure([markdown])
    assert level.sentences == 3 and level.words == 10
    notebook = {"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": "Short one."},
        {"cell_type": "markdown", "metadata": {"tags": ["solution"]}, "source": " ".join(["word"] * 50) + "."},
        {"cell_type": "markdown", "metadata": {"tags": ["optional"]}, "source": " ".join(["long"] * 40) + "."},
    ]}
    assert chapter_reading_level(notebook).share_long == 0.5
    assert chapter_reading_level(notebook, core_only=True).sentences == 1


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.name)
def test_core_path_meets_the_reading_goal(path):
    notebook = read_notebook(path)
    level = chapter_reading_level(notebook, core_only=True)
    whole = chapter_reading_level(notebook)
    report = (f"{path.name} core path: {level.sentences} sentences, {level.mean_words} words per sentence, "
              f"{level.share_long:.1%} over 35 words; longest: {level.longest!r}")
    print(report)
    assert level.sentences > 20, report
    assert level.sentences < whole.sentences, f"{path.name}: no cell is tagged optional, so the core path is the whole chapter"
    assert level.mean_words <= CORE_MEAN_GOAL, report
    assert level.share_long <= CORE_LONG_GOAL, report
