"""The claims ledger covers the whole article with verbatim quotes and renders safely."""

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


def test_annotated_article_marks_every_claim_and_keeps_the_text(claims):
    rendered = ledger.annotated_article()._repr_html_()
    assert rendered.count("<mark ") == len(claims)
    for sentence_id in article_sentences()["sentence_id"]:
        assert f'id="{sentence_id}"' in rendered


def test_annotated_article_escapes_strings_from_the_data(claims):
    hostile = claims.copy()
    hostile.loc[0, "explanation"] = '<script>alert("x")</script>" onmouseover="alert(1)'
    rendered = ledger.AnnotatedArticle(hostile)._repr_html_()
    assert "<script>" not in rendered
    assert '" onmouseover="' not in rendered
    assert "&lt;script&gt;" in rendered


def test_plain_text_view_lists_each_sentence_with_its_verdicts(claims):
    lines = repr(ledger.annotated_article()).splitlines()
    assert len(lines) == len(article_sentences())
    assert lines[1].startswith("S02: S02-a accurate; S02-b inaccurate")


def test_verdict_summary_puts_each_claim_in_exactly_one_group(capsys, claims):
    ledger.print_verdict_summary()
    output = capsys.readouterr().out
    for claim_id in claims["claim_id"]:
        assert output.count(f"  {claim_id} [") == 1


def test_claims_table_uses_labels_not_codes(claims):
    table = ledger.claims_table()
    assert not table["Verdict"].isin(list(ledger.VERDICTS)).any()
    assert table["Attributed to"].notna().all() and not (table["Attributed to"] == "").any()
    assert len(table) == len(claims)
    assert isinstance(table, pd.DataFrame)
