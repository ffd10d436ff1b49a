import plotly.graph_objects as go
import pytest

from explainer.describe import describe, plain


def test_description_follows_the_data():
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2], name="n"))
    before = describe(fig)
    fig.data[0].y = [1, 3]
    after = describe(fig)
    assert "b = 2" in before and "b = 3" in after


def test_title_axes_summary_and_source_line_are_described():
    fig = go.Figure(go.Scatter(x=[2020, 2021], y=[1.5, 2.25], mode="lines", name="series"))
    fig.update_layout(title="Up <b>sharply</b><br><sup>since 2020</sup>", meta={"summary": "It rose."})
    fig.update_xaxes(title_text="Year")
    fig.add_annotation(text="Source: X [x]", name="source-line", showarrow=False)
    lines = describe(fig).splitlines()
    assert lines[0] == "Figure: Up sharply — since 2020"
    assert lines[1] == "It rose."
    assert "x axis: Year." in lines
    assert 'Trace "series" (scatter, lines, 2 points): 2020 = 1.5; 2021 = 2.25.' in lines
    assert lines[-1] == "Source: X [x]"


def test_long_traces_are_truncated_with_a_count():
    fig = go.Figure(go.Bar(x=list(range(50)), y=list(range(50))))
    assert "and 10 more" in describe(fig)


def test_plain_unescapes_entities_and_strips_tags():
    assert plain("A &amp; B <i>c</i>") == "A & B c"


def test_describe_rejects_what_is_not_a_figure():
    with pytest.raises(TypeError, match="dict"):
        describe({"data": []})


def test_description_display_folds_and_escapes_its_text():
    from explainer.describe import Description

    shown = Description("Figure: <b>A & B</b>")
    assert repr(shown) == "Figure: <b>A & B</b>"
    assert "<details" in shown._repr_html_() and "&lt;b&gt;A &amp; B&lt;/b&gt;" in shown._repr_html_()
