"""The glossary covers the chapters' acronyms, its definitions are short and sourced, the linker
links first uses only and is idempotent, and the glossary page is up to date."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from explainer.authoring.prose import chapter_prose_cells, markdown_prose, read_notebook
from explainer.authoring.registry import ROOT, chapters
from explainer.authoring.tags import is_solution, source_of
from explainer.glossary import (
    ALLOWED_ACRONYMS,
    acronyms_in,
    explained_acronyms,
    glossary_markdown,
    link_chapter,
    link_terms,
    load_glossary,
    unknown_acronyms,
)

CHAPTERS = [ROOT / "notebooks" / chapter.file for chapter in chapters() if chapter.status == "ready"]
SENTENCE_END = re.compile(r"(?<=[a-z0-9)%”'])[.!?](?=\s+[A-Z“]|$)")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda path: path.name)
def test_every_acronym_in_a_chapters_prose_is_in_the_glossary(path):
    prose = chapter_prose_cells(read_notebook(path))
    unknown = sorted(set().union(*(unknown_acronyms(cell) for cell in prose)))
    assert not unknown, f"{path.name} uses acronyms that data/glossary.csv does not explain: {unknown}"


def test_the_acronym_test_bites():
    assert unknown_acronyms("Turkey joined NATO; the OSCE met.") == {"OSCE"}
    assert unknown_acronyms("The `OSCE` code, [@osce-2020] and | OSCE | tables are not prose.") == {"OSCE"}
    assert not unknown_acronyms(markdown_prose("The `OSCE` code, [@osce-2020]\n\n| OSCE |\n|---|"))


def test_prose_excludes_solutions_code_and_tables():
    notebook = {"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": "NATO.\n\n```python\nXYZW = 1\n```\n\n| QQQ |\n|---|"},
        {"cell_type": "markdown", "metadata": {"tags": ["solution"]}, "source": "<details>ABCD</details>"},
        {"cell_type": "code", "metadata": {}, "source": "EFGH = 2", "outputs": []},
    ]}
    assert acronyms_in(" ".join(chapter_prose_cells(notebook))) == ["NATO"]


def test_the_allow_list_stays_short_and_says_why():
    assert len(ALLOWED_ACRONYMS) <= 5
    for acronym, reason in ALLOWED_ACRONYMS.items():
        assert acronyms_in(acronym) == [acronym]
        assert len(reason.split()) >= 4, f"say why {acronym} is allowed"
    assert not set(ALLOWED_ACRONYMS) & explained_acronyms()


def test_acronyms_are_runs_of_capitals():
    assert acronyms_in("FY2020 NDAA, RFE/RL, TB-2, UNHCR's NGOs, S-400, F-35, OpenSyr, Military-Technical") == [
        "FY", "NDAA", "RFE/RL", "TB-2", "UNHCR", "NGO"]


def sentences(text: str) -> int:
    return len(SENTENCE_END.findall(text.strip()))


def test_definitions_are_one_or_two_plain_sentences():
    for row in load_glossary().itertuples():
        count = sentences(row.definition)
        assert 1 <= count <= 2, f"{row.term}: {count} sentences"
        assert not row.definition.startswith(row.term + " is"), f"{row.term}: define the thing, not the word"


def test_sentence_counter_counts():
    assert sentences("One. Two U.S. sanctions apply. Three.") == 3
    assert sentences("A law of 2017.") == 1


def test_terms_are_unique_and_acronym_terms_expand():
    glossary = load_glossary()
    assert glossary["term"].str.lower().is_unique
    for row in glossary.itertuples():
        if acronyms_in(row.term) == [row.term]:
            assert row.expansion, f"{row.term}: an acronym needs its expansion"


def test_first_use_only_is_linked_and_protected_text_is_not():
    text = (
        "# NATO heading\n\n"
        "See `NATO` in code, [@nato-2012-02-18-60-years], [the alliance](https://example.org/NATO) "
        "and https://example.org/NATO/page.\n\n"
        "NATO met; NATO met again.\n\n```python\nNATO = 1\n```\n"
    )
    linked = link_terms(text, target="g.md")
    assert linked.count("](g.md#term-nato)") == 1
    assert "# NATO heading" in linked and "`NATO`" in linked and "NATO = 1" in linked
    assert "[NATO](g.md#term-nato) met; NATO met again." in linked


def test_linking_is_idempotent_on_every_chapter():
    for path in CHAPTERS:
        cells = [source_of(cell) for cell in read_notebook(path)["cells"]
                 if cell["cell_type"] == "markdown" and not is_solution(cell)]
        once = link_chapter(cells)
        assert link_chapter(once) == once, path.name
        terms_linked = re.findall(r"#term-([a-z0-9-]+)\)", "\n".join(once))
        assert len(terms_linked) == len(set(terms_linked)), f"{path.name}: a term linked twice"


def test_linking_handles_plurals_case_and_digits():
    text = "F-35s, temporary protection and Temporary protection, the FY2020 law, and UNHCR's data."
    linked = link_terms(text, target="g.md")
    assert "[F-35s](g.md#term-f-35)" in linked
    assert "[temporary protection](g.md#term-temporary-protection) and Temporary protection" in linked
    assert "[FY](g.md#term-fy)2020" in linked
    assert "[UNHCR](g.md#term-unhcr)'s" in linked


def test_glossary_page_is_up_to_date():
    page = ROOT / "docs" / "glossary.md"
    assert page.read_text(encoding="utf-8") == glossary_markdown(), "run: make teaching-pages"


def test_glossary_page_has_an_anchor_per_term_and_escapes_data():
    page = glossary_markdown()
    for term_id in load_glossary()["term_id"]:
        assert page.count(f'<a id="term-{term_id}"></a>') == 1
    fake = pd.DataFrame({"term_id": ["x"], "term": ["X<b>"], "expansion": ["[y]"], "definition": ["A *z* thing."],
                         "source_ids": [["article"]]})
    text = glossary_markdown(fake)
    assert "X&lt;b&gt;" in text and r"\[y\]" in text and r"\*z\*" in text


def test_glossary_page_names_an_unknown_source():
    fake = pd.DataFrame({"term_id": ["x"], "term": ["XY"], "expansion": [""], "definition": ["A thing."],
                         "source_ids": [["no-such-source"]]})
    with pytest.raises(ValueError, match="no-such-source"):
        glossary_markdown(fake)


def test_link_notebook_links_every_chapter_once_and_is_idempotent():
    import copy

    from explainer.authoring.glossary_links import link_notebook

    for path in CHAPTERS:
        original = read_notebook(path)
        once = link_notebook(copy.deepcopy(original))
        twice = link_notebook(copy.deepcopy(once))
        assert once == twice, path.name
        for before, after in zip(original["cells"], once["cells"], strict=True):
            if before["cell_type"] != "markdown" or is_solution(before):
                assert before == after
            else:
                assert markdown_prose(source_of(after)) == markdown_prose(source_of(before)), path.name
