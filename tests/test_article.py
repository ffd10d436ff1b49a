import hashlib

import pytest

from explainer import article
from explainer.paths import SEED_FILENAME, seed_path


def test_seed_matches_its_recorded_checksum(root):
    recorded = (root / "seeds" / "SHA256SUMS").read_text().split()
    assert recorded[1] == SEED_FILENAME
    assert hashlib.sha256(seed_path().read_bytes()).hexdigest() == recorded[0]


def test_seed_is_byte_identical_to_the_shared_original(root):
    original = root.parent / "shared" / "seeds" / SEED_FILENAME
    if not original.exists():
        pytest.skip(f"no shared original at {original} on this machine")
    assert seed_path().read_bytes() == original.read_bytes()


def test_sentences_are_verbatim_slices_that_rebuild_each_paragraph():
    sentences = article.article_sentences()
    for number, paragraph in enumerate(article.article_paragraphs(), start=1):
        parts = sentences.loc[sentences["paragraph"] == number, "text"].tolist()
        assert " ".join(parts) == paragraph


def test_sentence_ids_are_sequential_and_sentences_end_with_punctuation():
    sentences = article.article_sentences()
    assert sentences["sentence_id"].tolist() == [f"S{n:02d}" for n in range(1, len(sentences) + 1)]
    assert all(text.rstrip("”\"").endswith((".", "!", "?")) for text in sentences["text"])


def test_us_abbreviation_does_not_split_a_sentence():
    first = article.article_sentences().loc[0, "text"]
    assert first.startswith("U.S. President Donald Trump announced")


def test_topic_mentions_find_whole_words_only(monkeypatch):
    import pandas as pd

    topics = pd.DataFrame(
        {"topic_id": ["x"], "label": ["X"], "keywords": ["Turk"], "region": [""], "chapter": [""], "source_ids": [""]}
    )
    monkeypatch.setattr(article, "load_topics", lambda: topics)
    assert article.topic_mentions().loc[0, "sentence_count"] == 0  # "Turkey" is not the word "Turk"


def test_topic_without_keywords_is_an_error_naming_it(monkeypatch):
    import pandas as pd

    topics = pd.DataFrame(
        {"topic_id": ["empty"], "label": ["E"], "keywords": [" ; "], "region": [""], "chapter": [""], "source_ids": [""]}
    )
    monkeypatch.setattr(article, "load_topics", lambda: topics)
    with pytest.raises(ValueError, match="'empty'"):
        article.topic_mentions()


def test_every_topic_appears_in_the_article():
    assert (article.topic_mentions()["sentence_count"] > 0).all()
