import pandas as pd
import pytest

from explainer.display import table


def test_table_shows_full_text_and_escapes_it():
    long_text = "word " * 40
    rendered = table(pd.DataFrame({"a": [long_text], "b": ["<script>x</script>"]}), caption="<b>cap</b>")._repr_html_()
    assert long_text.strip() in rendered.replace("  ", " ")
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert "<b>cap</b>" not in rendered


def test_table_text_view_has_every_row():
    frame = pd.DataFrame({"a": [1, 2, 3]})
    assert repr(table(frame)).splitlines() == ["a", "1", "2", "3"]


def test_table_rejects_what_is_not_a_dataframe():
    with pytest.raises(TypeError, match="list"):
        table([1, 2])
