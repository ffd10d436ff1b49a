import pandas as pd
import pytest

from explainer.sources import References, load_sources, references


def test_references_keep_the_given_order_and_drop_repeats():
    ids = ["aa-2025-05-05-trump-erdogan-call", "article", "article"]
    assert references(ids).entries["id"].tolist() == ["aa-2025-05-05-trump-erdogan-call", "article"]


def test_unknown_source_id_is_named_in_the_error():
    with pytest.raises(KeyError, match="no-such-source"):
        references(["article", "no-such-source"])


def test_a_single_string_is_rejected_rather_than_split_into_letters():
    with pytest.raises(TypeError):
        references("article")


def test_empty_list_is_rejected():
    with pytest.raises(ValueError):
        references([])


def test_text_lists_every_field_a_reader_needs():
    source_id = "dailysabah-2025-05-05-trump-erdogan-call"
    text = references([source_id]).text()
    row = load_sources().set_index("id").loc[source_id]
    for part in (row["publisher"], row["title"], row["url"], "Published 2025-05-05", "accessed 2026-11-29"):
        assert part in text


def test_undated_source_says_so():
    assert "Published undated" in references(["article"]).text()


def test_html_escapes_every_string_from_the_data():
    hostile = pd.DataFrame(
        {
            "id": ["x"],
            "title": ["<script>alert('title')</script>"],
            "publisher": ["<b>Publisher</b>"],
            "url": ['https://example.org/"onmouseover="alert(1)'],
            "date_published": [pd.NaT],
            "date_accessed": [pd.Timestamp("2026-11-29")],
            "kind": ["news-report"],
            "note": [""],
        }
    )
    rendered = References(hostile)._repr_html_()
    assert "<script>" not in rendered and "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in rendered
    assert "<b>" not in rendered
    assert '"onmouseover="' not in rendered
