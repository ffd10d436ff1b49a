"""Recap boxes come from the claims ledger: verbatim quotes, their verdicts, nothing else."""

from __future__ import annotations

import pytest

import explainer
from explainer.ledger import VERDICTS
from explainer.recap import Recap, recap, recap_claims, recap_markdown, topic_of_chapter


def test_every_topic_chapter_has_claims_to_recap():
    for topic in explainer.load_topics().itertuples():
        assert topic_of_chapter(topic.chapter) == topic.topic_id
        assert not recap_claims(topic.topic_id).empty, topic.topic_id


def test_a_claim_is_on_topic_by_its_quote_or_its_single_topic_sentence():
    claims = recap_claims("gaza")
    assert all("Gaza" in quote or "ceasefire" in quote or "humanitarian aid" in quote for quote in claims["quote"])
    brunson = recap_claims("brunson")
    assert set(brunson["sentence_id"]) == {"S12"}
    assert len(brunson) == (explainer.load_claims()["sentence_id"] == "S12").sum()


def test_the_box_quotes_verbatim_and_gives_each_verdict():
    claims = recap_claims("syria")
    text = recap_markdown("syria")
    for claim in claims.itertuples():
        assert claim.quote in text
        assert f"{claim.claim_id}: “{claim.quote}”: **{VERDICTS[claim.verdict]['label']}**" in text
    assert f"{len(claims)} claim(s)" in text and "(00_the_call.ipynb)" in text


def test_explicit_claims_and_errors():
    assert recap_claims(claim_ids=["S12-b", "S05-a"])["claim_id"].tolist() == ["S05-a", "S12-b"]
    with pytest.raises(ValueError, match="S99-z"):
        recap_claims(claim_ids=["S99-z"])
    with pytest.raises(KeyError, match="'mars'"):
        recap_claims("mars")
    with pytest.raises(ValueError, match="either"):
        recap_claims()
    with pytest.raises(KeyError, match="99_none.ipynb"):
        topic_of_chapter("99_none.ipynb")


def test_recap_displays_as_markdown_with_a_plain_text_fallback():
    box = recap("brunson", ledger_link="x.ipynb")
    assert isinstance(box, Recap)
    assert box._repr_markdown_() == repr(box) == recap_markdown("brunson", ledger_link="x.ipynb")
