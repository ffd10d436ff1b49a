"""The claims ledger covers the whole article with verbatim quotes and renders safely."""

import html

import pandas as pd
import pytest

from explainer import ledger
from explainer.article import article_sentences
from explainer.describe import describe


@pytest.fixture(scope="module")
def claims():
    return ledger.load_claims()


def test_every_quote_is_verbatim_in_its_sentence_and_in_the_seed(claims):
    from explainer.article import article_text

    sentences = article_sentences().set_index("sentence_id")["text"]
    for claim in claims.itertuples():
        assert claim.quote in sentences[claim.sentence_id], claim.claim_id
        assert claim.quote in article_text(), claim.claim_id


def test_every_sentence_of_the_article_has_at_least_one_claim(claims):
    assert set(article_sentences()["sentence_id"]) == set(claims["sentence_id"])


def test_claim_ids_belong_to_their_sentence(claims):
    assert (claims["claim_id"].str[:3] == claims["sentence_id"]).all()


def test_quotes_within_a_sentence_do_not_overlap(claims):
    sentences = article_sentences().set_index("sentence_id")["text"]
    for sentence_id, group in claims.groupby("sentence_id"):
        spans = sorted((sentences[sentence_id].find(q), sentences[sentence_id].find(q) + len(q)) for q in group["quote"])
        assert all(end <= next_start for (_, end), (next_start, _) in zip(spans, spans[1:])), sentence_id


def test_a_quote_that_is_not_verbatim_is_named(monkeypatch, claims):
    broken = claims.copy()
    broken.loc[0, "quote"] = "words the article never used"
    monkeypatch.setattr(ledger, "load_table", lambda name: broken)
    with pytest.raises(ValueError, match=f"{broken.loc[0, 'claim_id']}.*not verbatim"):
        ledger.load_claims()


def test_the_article_quotation_of_trump_is_flagged_as_not_verbatim(claims):
    quotation = claims[claims["statement_kind"] == "verbatim-quotation"]
    assert len(quotation) == 1
    assert quotation.iloc[0]["quote"].startswith("“I look forward")
    assert quotation.iloc[0]["verdict"] == "inaccurate"


def test_verdict_chart_counts_every_claim_once(claims):
    fig = ledger.verdict_chart()
    assert sum(sum(trace.x) for trace in fig.data) == len(claims)
    inaccurate = next(trace for trace in fig.data if trace.name == "Inaccurate")
    assert sum(inaccurate.x) == (claims["verdict"] == "inaccurate").sum()
    assert f"of the article's {len(claims)} claims" in describe(fig)


def test_verdict_chart_attributes_the_misquotation_to_the_article_not_to_trump(claims):
    fig = ledger.verdict_chart()
    inaccurate = next(trace for trace in fig.data if trace.name == "Inaccurate")
    rows = dict(zip(inaccurate.y, inaccurate.x))
    trump_row = next(label for label in rows if label.startswith("Trump"))
    assert rows[trump_row] >= 1  # S02-b, the article's misquotation of the post
    assert "as the article reports it" in trump_row
    assert "not the person or body it cites" in describe(fig)
    assert "rates the article&#x27;s report" in fig.layout.title.text  # the subtitle, HTML-escaped


def test_annotated_article_marks_every_claim_and_keeps_the_text(claims):
    rendered = ledger.annotated_article()._repr_html_()
    assert rendered.count("<mark ") == len(claims)
    for sentence_id in article_sentences()["sentence_id"]:
        assert f'id="{sentence_id}"' in rendered


def test_annotated_article_reasons_open_without_hover_or_script(claims):
    """Each claim's reasons sit in its own <details>, reachable by click, tap or keyboard, and the
    claim's mark links to them; nothing is left in a hover-only title attribute."""
    rendered = ledger.annotated_article()._repr_html_()
    assert "title=" not in rendered and "<script" not in rendered
    assert rendered.count("<details ") == rendered.count("<summary") == len(claims)
    for claim in claims.itertuples(index=False):
        start = rendered.index(f'<details id="why-{claim.claim_id}"')
        block = rendered[start:rendered.index("</details>", start)]
        assert f"<summary" in block and f"{claim.claim_id}: {ledger.VERDICTS[claim.verdict]['label']}" in block
        assert html.escape(claim.explanation) in block
        assert f'<a href="#why-{claim.claim_id}"' in rendered[:start]  # the mark in the text comes first


def test_annotated_article_escapes_strings_from_the_data(claims):
    hostile = claims.copy()
    hostile.loc[0, "explanation"] = '<script>alert("x")</script>" onmouseover="alert(1)'
    rendered = ledger.AnnotatedArticle(hostile)._repr_html_()
    assert "<script>" not in rendered
    assert '" onmouseover="' not in rendered
    assert "&lt;script&gt;" in rendered
    hostile.loc[0, "claim_id"] = 'S01-a"><img src=x onerror=alert(1)>'
    rendered = ledger.AnnotatedArticle(hostile)._repr_html_()
    assert "<img" not in rendered and 'id="why-S01-a&quot;&gt;&lt;img' in rendered


def test_plain_text_view_lists_each_sentence_with_its_verdicts(claims):
    lines = repr(ledger.annotated_article()).splitlines()
    assert len(lines) == len(article_sentences())
    assert lines[1].startswith("S02: S02-a accurate; S02-b inaccurate")
    assert lines[2].startswith("S03: S03-a misleading; S03-b accurate, with caveats; S03-c inaccurate")


def test_verdict_summary_puts_each_claim_in_exactly_one_group(capsys, claims):
    ledger.print_verdict_summary()
    output = capsys.readouterr().out
    for claim_id in claims["claim_id"]:
        assert output.count(f"  {claim_id} [") == 1


def test_verdict_summary_lists_each_claim_under_the_heading_its_verdict_belongs_to(capsys, claims):
    ledger.print_verdict_summary()
    sections = {}
    for block in capsys.readouterr().out.strip().split("\n\n"):
        heading = block.splitlines()[0].split(" (")[0]
        sections[heading] = block
    verdict_of = dict(zip(claims["claim_id"], claims["verdict"]))
    for heading, verdicts in ledger.VERDICT_GROUPS:
        listed = [line.split()[0] for line in sections[heading].splitlines()[1:] if line.startswith("  S")]
        assert listed, heading
        assert all(verdict_of[claim_id] in verdicts for claim_id in listed), (heading, listed)
    # The second check changed these verdicts: the acceptance and the prison are not in the sources.
    assert "S03-a [misleading]" in sections["What does not hold up"]
    assert "S12-b [inaccurate]" in sections["What does not hold up"]


def test_every_verdict_follows_a_written_rubric_kept_with_the_data(claims):
    rubric = ledger.verdict_rubric()
    assert set(rubric) == set(ledger.VERDICTS)
    assert set(claims["verdict"]) <= set(rubric)
    description = load_table_description("claims")
    for verdict, definition in rubric.items():
        assert len(definition) > 40, verdict
        assert f"{verdict} — {definition}" in description, verdict


def load_table_description(name):
    from explainer.tables import resource_descriptor

    return resource_descriptor(name)["description"]


def test_every_claim_records_its_reasons_sources_and_latest_check(claims, source_ids):
    from explainer.tables import split_list

    for claim in claims.itertuples(index=False):
        assert claim.explanation.strip() and claim.finding.strip(), claim.claim_id
        cited = split_list(claim.source_ids)
        assert [s for s in cited if s != "article"], f"{claim.claim_id} cites no source beyond the article"
        assert set(cited) <= source_ids, claim.claim_id
        assert not pd.isna(claim.checked_on), claim.claim_id
        # The check says which of the claim's own sources were read again.
        assert any(source_id in claim.check_result for source_id in cited), claim.claim_id


def test_a_claim_whose_central_word_is_unsupported_is_not_accurate_with_caveats(claims):
    verdicts = claims.set_index("claim_id")["verdict"]
    assert verdicts["S03-a"] not in ("accurate", "accurate-with-caveats")  # "accepted": no source
    assert verdicts["S12-b"] not in ("accurate", "accurate-with-caveats")  # "prison": house arrest


def test_verdict_sentence_states_the_ledger_verdict_and_finding(claims):
    row = claims.set_index("claim_id").loc["S08-a"]
    sentence = ledger.verdict_sentence("S08-a")
    assert f"is {ledger.VERDICTS[row['verdict']]['label'].lower()}." in sentence
    assert row["finding"] in sentence
    assert "anews-2025-03-16-erdogan-trump-call" in sentence
    assert "(sources:" not in ledger.verdict_sentence("S08-a", with_sources=False)


def test_verdict_sentence_names_an_unknown_claim():
    with pytest.raises(ValueError, match="'S99-z'"):
        ledger.verdict_sentence("S99-z")


def test_verdict_recap_keeps_the_callers_order_and_rejects_bad_ids(claims):
    recap = ledger.verdict_recap(["S12-b", "S01-a"])
    assert recap["Claim"].tolist() == ["S12-b", "S01-a"]
    assert recap.loc[0, "Verdict"] == "Inaccurate"
    with pytest.raises(TypeError):
        ledger.verdict_recap("S01-a")
    with pytest.raises(ValueError, match="S00-x"):
        ledger.verdict_recap(["S01-a", "S00-x"])


def test_counts_sentence_adds_up_to_every_claim(claims):
    import re

    sentence = ledger.verdict_counts_sentence()
    numbers = [int(n) for n in re.findall(r"(\d+) (?:are )?(?:accurate|unverified|misleading|inaccurate)", sentence)]
    assert sum(numbers) == len(claims)
    assert f"Of the article's {len(claims)} claims" in sentence


def test_chapter_00_states_no_verdict_by_hand(root, claims):
    """Chapter 00's prose never pairs a claim id with a verdict word: its lists come from the ledger."""
    import re

    import nbformat

    notebook = nbformat.read(root / "notebooks" / "00_the_call.ipynb", as_version=4)
    verdict_words = re.compile(r"\b(accurate|inaccurate|misleading|unverified|holds? up|does not hold)\b", re.IGNORECASE)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "markdown":
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", cell.source):
            if re.search(r"\bS\d{2}(-[a-z])?\b", sentence) and verdict_words.search(sentence):
                raise AssertionError(f"cell {index} states a verdict by hand: {sentence!r}")


def test_claims_table_uses_labels_not_codes(claims):
    table = ledger.claims_table()
    assert not table["Verdict"].isin(list(ledger.VERDICTS)).any()
    assert table["Attributed to"].notna().all() and not (table["Attributed to"] == "").any()
    assert len(table) == len(claims)
    assert isinstance(table, pd.DataFrame)
