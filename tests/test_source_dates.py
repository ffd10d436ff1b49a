"""Every source without a publication date says why in its note."""

import re

from explainer.tables import load_table

_EXPLAINS_MISSING_DATE = re.compile(
    r"(no|not|without)\b[^.;]{0,60}\bdate|date[^.;]{0,40}not shown|undated|dated only|(day|date) not shown|on or after",
    re.IGNORECASE,
)


def test_every_undated_source_says_why_in_its_note():
    sources = load_table("sources")
    undated = sources[sources["date_published"].isna()]
    unexplained = [row.id for row in undated.itertuples() if not _EXPLAINS_MISSING_DATE.search(row.note)]
    assert not unexplained, f"sources with no date_published and no reason in note: {unexplained}"


def test_the_vestnik_kavkaza_report_is_tied_to_the_briefing_it_reports():
    sources = load_table("sources").set_index("id")
    note = sources.loc["vestnikkavkaza-2019-us-demands-s400", "note"]
    assert "21 November 2019" in note
    assert str(sources.loc["duvar-2019-11-21-s400-get-rid-of", "date_published"].date()) == "2019-11-21"
