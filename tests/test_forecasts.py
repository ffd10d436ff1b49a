"""Forecasts expire: a statement about the future must be resolved or marked lapsed once it is due."""

import pandas as pd
import pytest

from explainer import forecasts
from explainer.tables import load_table, split_list


@pytest.fixture(scope="module")
def table():
    return forecasts.load_forecasts()


def test_no_forecast_is_still_open_after_it_was_due(table):
    stale = forecasts.expired_forecasts()
    assert stale.empty, (
        "forecasts past their expected_by but still 'open' (resolve them or mark them 'lapsed'): "
        + ", ".join(f"{row.forecast_id} (due {row.expected_by:%Y-%m-%d})" for row in stale.itertuples())
    )


def test_an_open_forecast_expires_when_its_date_passes(table):
    open_ones = table[table["status"] == "open"]
    assert not open_ones.empty
    first_due = open_ones["expected_by"].min()
    assert forecasts.expired_forecasts(as_of=first_due).empty
    later = forecasts.expired_forecasts(as_of=first_due + pd.Timedelta(days=1))
    assert set(later["forecast_id"]) == set(open_ones.loc[open_ones["expected_by"] == first_due, "forecast_id"])


def test_the_book_as_of_date_is_the_newest_day_a_source_was_read():
    assert forecasts.book_as_of() == load_table("sources")["date_accessed"].max()


def test_resolved_forecasts_cite_their_outcome_and_every_id_exists(table, source_ids):
    for row in table.itertuples(index=False):
        cited = split_list(row.source_ids) + split_list(row.outcome_source_ids)
        assert set(cited) <= source_ids, row.forecast_id
        if row.status == "resolved":
            assert split_list(row.outcome_source_ids), row.forecast_id
        assert row.outcome.strip() and row.expected_by_basis.strip(), row.forecast_id


def test_forecasts_point_at_rows_that_exist(table):
    """'table:row id' references in appears_in name real rows, so a forecast cannot drift from its data."""
    keys = {"events": "event_id", "claims": "claim_id", "tradeoff_parameters": None, "tradeoff_amounts": None,
            "syria_sanctions": "measure_id", "ukraine_talks_figures": None, "us_turkey_turning_points": None}
    for row in table.itertuples(index=False):
        for reference in split_list(row.appears_in):
            if ":" not in reference:
                assert reference.startswith("chapter "), (row.forecast_id, reference)
                continue
            name, row_id = reference.split(":", 1)
            assert name in keys, (row.forecast_id, name)
            frame = load_table(name)
            column = keys[name] or frame.columns[0]
            assert row_id in set(frame[column]), (row.forecast_id, reference)


def test_barrack_window_has_closed_and_is_not_left_open(table):
    row = table.set_index("forecast_id").loc["barrack-s400-four-to-six-months"]
    assert row["expected_by"] == pd.Timestamp("2026-06-05")
    assert row["status"] in ("resolved", "lapsed")


def test_a_resolved_forecast_without_an_outcome_source_is_named(monkeypatch, table):
    broken = table.copy()
    index = broken.index[broken["status"] == "resolved"][0]
    broken.loc[index, "outcome_source_ids"] = ""
    monkeypatch.setattr(forecasts, "load_table", lambda name: broken)
    with pytest.raises(ValueError, match=f"{broken.loc[index, 'forecast_id']}.*outcome_source_ids"):
        forecasts.load_forecasts()


def test_forecasts_table_filters_by_status_and_rejects_unknown_status(table):
    assert len(forecasts.forecasts_table("lapsed")) == (table["status"] == "lapsed").sum()
    with pytest.raises(ValueError, match="'expired'"):
        forecasts.forecasts_table("expired")
