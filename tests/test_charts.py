import pandas as pd
import pytest

from explainer.article import topic_mentions
from explainer.charts import bar_chart, topic_mentions_chart
from explainer.describe import describe


@pytest.fixture
def frame():
    return pd.DataFrame({"label": ["A", "B"], "value": [3, 5], "note": ["first", "second"]})


def test_bar_chart_draws_each_row_and_names_its_source(frame):
    fig = bar_chart(frame, x="value", y="label", title="B leads", source_ids=["article"], hover="note")
    assert list(fig.data[0].x) == [3, 5] and list(fig.data[0].y) == ["A", "B"]
    assert any("[article]" in annotation.text for annotation in fig.layout.annotations)


def test_bar_chart_returns_a_figure_the_caller_can_still_change(frame):
    fig = bar_chart(frame, x="value", y="label", title="B leads", source_ids=["article"])
    fig.update_layout(height=600)
    assert fig.layout.height == 600


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"x": "missing"}, KeyError, "x='missing'"),
        ({"title": " "}, ValueError, "title"),
        ({"source_ids": []}, ValueError, "source_ids"),
        ({"source_ids": ["not-a-source"]}, KeyError, "not-a-source"),
        ({"orientation": "diagonal"}, ValueError, "diagonal"),
    ],
)
def test_bad_arguments_raise_errors_that_name_them(frame, kwargs, error, message):
    arguments = {"x": "value", "y": "label", "title": "T", "source_ids": ["article"]} | kwargs
    with pytest.raises(error, match=message):
        bar_chart(frame, **arguments)


def test_non_numeric_values_are_named(frame):
    frame = frame.astype({"value": object})
    frame.loc[1, "value"] = "five"
    with pytest.raises(ValueError, match="five"):
        bar_chart(frame, x="value", y="label", title="T", source_ids=["article"])


def test_strings_from_data_are_escaped_in_the_title(frame):
    fig = bar_chart(frame, x="value", y="label", title="<script>x</script>", source_ids=["article"])
    assert "<script>" not in fig.layout.title.text


def test_topic_chart_matches_the_topic_counts_and_puts_the_largest_first():
    counts = topic_mentions().set_index("label")["sentence_count"]
    fig = topic_mentions_chart()
    drawn = dict(zip(fig.data[0].y, fig.data[0].x))
    assert drawn == counts.to_dict()
    assert list(fig.data[0].x) == sorted(fig.data[0].x, reverse=True)
    assert counts[fig.data[0].y[0]] == counts.max()
    assert fig.layout.title.text.startswith(fig.data[0].y[0])
    assert "Horizontal bar chart." in describe(fig)


def test_a_long_title_shrinks_to_stay_on_one_line(frame):
    short = bar_chart(frame, x="value", y="label", title="B leads", source_ids=["article"])
    long = bar_chart(frame, x="value", y="label", title="B leads " * 20, source_ids=["article"])
    assert short.layout.title.font.size == 18
    assert 13 <= long.layout.title.font.size < 18
    assert "<br>" not in long.layout.title.text
