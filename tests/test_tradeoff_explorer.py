"""The kernel-free explorer's HTML: what it embeds, its controls, its determinism and escaping.
What it computes in a real browser is tested in tests/test_tradeoff_browser.py."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from explainer import tradeoff
from explainer import tradeoff_explorer as explorer


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.labels_for: set[str] = set()
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "label" and "for" in attrs:
            self.labels_for.add(attrs["for"])
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


@pytest.fixture(scope="module")
def page():
    parsed = _Collect()
    text = explorer.explorer_html()
    parsed.feed(text)
    return text, parsed


def test_every_range_input_has_a_label_and_sits_on_its_grid(page):
    _text, parsed = page
    inputs = [attrs for tag, attrs in parsed.tags if tag == "input"]
    assert len(inputs) == len(tradeoff.CRITERIA) + len(tradeoff.MAIN_ASSUMPTIONS)
    for attrs in inputs:
        assert attrs["type"] == "range" and attrs["id"] in parsed.labels_for
        low, step, value = float(attrs["min"]), float(attrs["step"]), float(attrs["value"])
        assert abs((value - low) / step - round((value - low) / step)) < 1e-9, attrs["name"]
    defaults = tradeoff.default_parameters()
    for attrs in inputs:
        if not attrs["name"].startswith("weight-"):
            assert float(attrs["value"]) == defaults[attrs["name"]]


def test_summary_is_a_polite_live_region_and_presets_are_buttons(page):
    _text, parsed = page
    live = [attrs for _tag, attrs in parsed.tags if attrs.get("aria-live")]
    assert len(live) == 1 and live[0]["aria-live"] == "polite" and live[0]["role"] == "status"
    presets = [attrs["data-preset"] for tag, attrs in parsed.tags if tag == "button" and "data-preset" in attrs]
    assert presets == list(tradeoff.PRESETS)


def test_embedded_model_is_the_package_tables(page):
    _text, parsed = page
    model = json.loads(parsed.scripts[0])
    frame = tradeoff.load_parameters()
    assert [p["name"] for p in model["parameters"]] == frame["parameter"].tolist()
    assert [p["value"] for p in model["parameters"]] == frame["value"].tolist()
    assert [o["id"] for o in model["options"]] == list(tradeoff.OPTION_IDS)
    assert model["money_bounds"] == list(tradeoff.money_bounds())
    assert (model["draws"], model["seed"]) == (tradeoff.DEFAULT_DRAWS, tradeoff.DEFAULT_SEED)
    counts = tradeoff._condition_counts()
    assert all(o["f35"] == list(counts[o["id"]]["f35"]) for o in model["options"])


def test_uses_only_the_pages_plotly_and_no_network(page):
    text, _parsed = page
    assert "window.Plotly" in text and "window.tradeoffExplorer" in text
    assert not re.search(r"https?://", text), "the explorer must not load anything"
    assert "<script src" not in text and "import(" not in text and "fetch(" not in text


def test_output_is_deterministic_and_small():
    first, second = explorer.explorer_html(), explorer.explorer_html()
    assert first == second
    assert len(first.encode()) < 80_000


def test_strings_from_data_are_escaped(monkeypatch):
    frame = tradeoff._parameters().copy()
    frame.loc[frame["parameter"] == "unclear_credit", "label"] = "<b>Unclear</b> & </script>"
    monkeypatch.setattr(tradeoff, "_parameters", lambda: frame)
    text = explorer.explorer_html()
    assert "&lt;b&gt;Unclear&lt;/b&gt; &amp; &lt;/script&gt;" in text  # the label element
    assert "<b>Unclear</b>" not in text
    assert text.count("</script>") == 2  # the JSON block cannot close its script element early


def test_bad_element_id_is_named():
    with pytest.raises(ValueError, match="element_id must be lower-case"):
        explorer.explorer_html('x" onload="alert(1)')


def test_notebook_display_gives_html_and_plain_text():
    bundle = explorer.explorer()._repr_mimebundle_()
    assert bundle["text/html"] == explorer.explorer_html()
    assert "without a kernel" in bundle["text/plain"]
