"""The kernel-free explorer in a real browser agrees with the Python model.

The explorer's HTML is written to a temporary page next to the plotly.js that ships in the
plotly wheel (the page's only script besides the explorer's own), opened from ``file://`` in
Debian's Chromium driven by Playwright, with every non-file request refused. Then:
``window.tradeoffExplorer.evaluate`` must give the same ranking as ``tradeoff.evaluate`` and
totals within 1e-9 for 200 seeded random settings; the robustness summary must be the same
sentence; the controls must work from the keyboard; the charts must draw.

Without Chromium or Playwright the test skips, unless ``EXPLAINER_REQUIRE_BROWSER=1``, which
turns the skip into a failure (as in tests/test_browser.py).
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import plotly
import pytest

from explainer import tradeoff
from explainer.tradeoff_explorer import explorer_html
from test_browser import _browser_or_skip, offline_page

SETTINGS = 200
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def explorer_page(folder: Path) -> Path:
    """Write the explorer to ``folder/explorer.html`` with the wheel's plotly.js beside it."""
    shutil.copy(PLOTLY_JS, folder / "plotly.min.js")
    page = folder / "explorer.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tradeoff explorer</title>'
        '<script src="plotly.min.js"></script></head><body>' + explorer_html() + "</body></html>",
        encoding="utf-8",
    )
    return page


def random_settings(count: int, seed: int = 20261130) -> list[tuple[dict, dict]]:
    rng = random.Random(seed)
    contestable = tradeoff.contestable_parameters()
    settings = []
    while len(settings) < count:
        weights = {c: rng.choice([0.0, rng.uniform(0, 10), float(rng.randint(0, 10))]) for c in tradeoff.CRITERIA}
        if not any(weights.values()):
            continue
        chosen = rng.sample(contestable, rng.randint(0, len(contestable)))
        parameters = {}
        for name in chosen:
            low, high = tradeoff.parameter_range(name)
            parameters[name] = rng.choice([low, high, rng.uniform(low, high)])
        settings.append((weights, parameters))
    return settings


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory):
    sync_playwright = _browser_or_skip()
    page_path = explorer_page(tmp_path_factory.mktemp("explorer"))
    errors = []
    with offline_page(sync_playwright, {"width": 1100, "height": 1400}) as (page, refused):
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.goto(page_path.as_uri())
        page.wait_for_function("window.tradeoffExplorer !== undefined", timeout=30_000)
        yield page, refused, errors


def test_evaluate_agrees_with_python_on_200_seeded_random_settings(browser_page):
    page, _refused, _errors = browser_page
    settings = random_settings(SETTINGS)
    answers = page.evaluate(
        "settings => settings.map(([w, p]) => window.tradeoffExplorer.evaluate(w, p))",
        [[w, p] for w, p in settings],
    )
    assert len(answers) == SETTINGS
    for (weights, parameters), answer in zip(settings, answers):
        expected = tradeoff.evaluate(weights, parameters)
        assert answer["ranking"] == expected.ranking, (weights, parameters)
        for option_id in tradeoff.OPTION_IDS:
            assert abs(answer["totals"][option_id] - float(expected.totals[option_id])) <= 1e-9, (option_id, weights, parameters)


def test_robustness_agrees_with_python(browser_page):
    page, _refused, _errors = browser_page
    for weights, parameters in random_settings(5, seed=7) + [(dict(tradeoff.DEFAULT_WEIGHTS), {})]:
        js = page.evaluate("([w, p]) => { const E = window.tradeoffExplorer; const r = E.robustness(w, p); return {summary: E.summary(r), shares: r.firstShare}; }",
                           [weights, parameters])
        report = tradeoff.robustness(weights, parameters)
        assert js["summary"] == report.summary()
        assert js["shares"] == [report.first_share[o] for o in tradeoff.OPTION_IDS]


def test_invalid_input_is_rejected_by_name(browser_page):
    page, _refused, _errors = browser_page
    message = page.evaluate("() => { try { window.tradeoffExplorer.evaluate(null, {unclear_credit: 2}); return ''; } catch (e) { return e.message; } }")
    assert "parameter 'unclear_credit' must lie between 0 and 1" in message
    message = page.evaluate("() => { try { window.tradeoffExplorer.evaluate({speed: 1}, null); return ''; } catch (e) { return e.message; } }")
    assert "unknown criterion 'speed'" in message


def test_the_page_starts_from_the_defaults_and_draws_with_no_network(browser_page):
    page, refused, errors = browser_page
    assert refused == [] and errors == []
    assert page.text_content("#tradeoff-explorer-summary") == tradeoff.robustness().summary()
    page.wait_for_timeout(300)  # the plotly charts draw in the next animation frame
    for chart in ("money", "tornado"):
        assert page.locator(f"#tradeoff-explorer-{chart} .main-svg").count() >= 1, chart
        assert page.locator(f"#tradeoff-explorer-{chart} .bars .point").count() > 0, chart
    labels = tradeoff.option_labels()
    first_row = page.text_content("#tradeoff-explorer-ranking tbody tr th")
    assert first_row == labels[tradeoff.evaluate().ranking[0]]


def test_a_keyboard_user_moves_a_weight_and_hears_the_new_summary(browser_page):
    page, _refused, _errors = browser_page
    slider = page.locator("#tradeoff-explorer-weight-moscow")
    slider.focus()
    for _ in range(18):  # 1 -> 10 in steps of 0.5
        page.keyboard.press("ArrowRight")
    weights = dict(tradeoff.DEFAULT_WEIGHTS, moscow=10.0)
    assert page.input_value("#tradeoff-explorer-weight-moscow") == "10"
    assert page.text_content("#tradeoff-explorer-summary") == tradeoff.robustness(weights).summary()
    page.locator("button[data-reset]").click()
    assert page.text_content("#tradeoff-explorer-summary") == tradeoff.robustness().summary()
    page.locator('button[data-preset="Moscow above all"]').click()
    assert page.text_content("#tradeoff-explorer-summary") == tradeoff.robustness(tradeoff.PRESETS["Moscow above all"]).summary()
