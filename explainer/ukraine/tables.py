"""Chapter 02, Russia–Ukraine mediation: the reader's tables and sentences, and the chapter's claims and sources.

Examples
--------
>>> from explainer.ukraine.tables import CLAIM_IDS, chapter_claims
>>> chapter_claims()["Claim"].tolist() == list(CLAIM_IDS)
True
"""

from __future__ import annotations

import pandas as pd

from explainer.prose import Sentence, figure_label, format_date
from explainer.sources import source_ids_of
from explainer.tables import format_ids, load_table
from explainer.timeline import events
from explainer.ukraine.data import GRAIN_ENDED, GRAIN_SIGNED, _check_choice, grain_destinations, grain_totals, talk_figures, talk_label, talks


MEASURE_LABELS = {
    "prisoners-agreed-each-side": "Prisoners to be exchanged, each side (agreed)",
    "prisoners-exchanged-each-side": "Prisoners exchanged, each side",
    "bodies-agreed-each-side": "Bodies to be returned, each side (agreed)",
    "bodies-returned-to-ukraine": "Bodies returned to Ukraine",
    "bodies-returned-to-russia": "Bodies returned to Russia",
    "bodies-offered-to-ukraine": "Further bodies offered to Ukraine",
}


def talks_table() -> pd.DataFrame:
    """The rounds as a reader reads them: when, where, who led each side, what came of it."""
    frame = talks()
    host = frame["turkish_host"].replace("", "not named in the sources we read")
    where = [f"{row.city}, {row.venue}" if row.venue else f"{row.city} (venue not named in our sources)" for row in frame.itertuples()]
    return pd.DataFrame(
        {
            "Date": [format_date(date) for date in frame["date"]],
            "Where": where,
            "Format": frame["format"],
            "Turkish host or chair": host,
            "Ukraine's delegation led by": frame["ukraine_head"],
            "Russia's delegation led by": frame["russia_head"],
            "Outcome": frame["outcome"],
            "Ceasefire agreed": frame["ceasefire_agreed"],
            "Sources": frame["source_ids"].map(lambda ids: format_ids(ids)),
        }
    )


def talk_figures_table(kind: str = "prisoners") -> pd.DataFrame:
    """The figures for ``kind`` ('prisoners' or 'bodies') as a reader reads them, with who reported each."""
    _check_choice("kind", kind, ("prisoners", "bodies"))
    frame = talk_figures()
    frame = frame[frame["measure"].str.startswith(kind)]
    return pd.DataFrame(
        {
            "Round": frame["talk_id"].map(talk_label),
            "What": frame["measure"].map(MEASURE_LABELS) + frame["scope"].map({"stage": " (one stage)", "total": ""}),
            "Number": [figure_label(row.value, row.qualifier) for row in frame.itertuples()],
            "Reported by": frame["reported_by"],
            "As of": [format_date(date) for date in frame["as_of"]],
            "Note": frame["note"],
            "Sources": frame["source_ids"].map(lambda ids: format_ids(ids)),
        }
    ).reset_index(drop=True)


def grain_totals_sentence() -> Sentence:
    """The UN's last count before the Initiative ended, worded from the data so no chapter retypes it.

    The count of voyages from the ports excludes the one ship the same update says was still
    loading, so the closing number of voyages is at least one higher; the sentence says so.
    """
    totals = grain_totals().set_index("metric_id")
    cargo, voyages = totals.loc["cargo-total"], totals.loc["voyages-outbound"]
    timeline = events().set_index("event_id")
    signed, ended = timeline.loc[GRAIN_SIGNED, "date"], timeline.loc[GRAIN_ENDED, "date"]
    return Sentence(
        f"The Initiative ran from {format_date(signed)}, when it was signed, to {format_date(ended)}, when Russia ended its participation. "
        f"The last operational update of the {cargo['reported_by']} before the end, of {format_date(cargo['as_of'], cargo['as_of_precision'])}, "
        f"counts {figure_label(cargo['value'], cargo['qualifier'], cargo['unit'])} exported from the three ports "
        f"on {figure_label(voyages['value'], voyages['qualifier'])} voyages. It is not the closing count: the ship still loading "
        f"that day sailed afterwards, so the voyages out of the ports numbered at least {int(voyages['value']) + 1:,}."
    )


def grain_totals_table() -> pd.DataFrame:
    """The headline figures as a reader reads them."""
    frame = grain_totals()
    return pd.DataFrame(
        {
            "Figure": frame["label"],
            "Value": [figure_label(row.value, row.qualifier, row.unit) for row in frame.itertuples()],
            "As of": [format_date(row.as_of, row.as_of_precision) for row in frame.itertuples()],
            "Reported by": frame["reported_by"],
            "Sources": frame["source_ids"].map(lambda ids: format_ids(ids)),
        }
    )


def first_fortnight_destinations_table() -> pd.DataFrame:
    """Preliminary destination shares of the first fortnight (1–15 August 2022), largest first."""
    frame = grain_destinations("first-fortnight").sort_values("share_pct", ascending=False, kind="stable")
    return pd.DataFrame(
        {
            "Destination": frame["country"],
            "Share of cargo (%)": frame["share_pct"].map(lambda value: f"{value:g}"),
            "Reported by": frame["reported_by"],
            "Sources": frame["source_ids"],
        }
    ).reset_index(drop=True)


def income_groups_table() -> pd.DataFrame:
    """Who received the grain by income group, as the UN and Russia each reported it (contested)."""
    frame = load_table("grain_initiative_income_groups").sort_values(["as_of", "figure_id"])
    return pd.DataFrame(
        {
            "Reported by": frame["reported_by"],
            "As of": [format_date(row.as_of, row.as_of_precision) for row in frame.itertuples()],
            "Cargo": frame["cargo"],
            "Destination group": frame["income_group"],
            "Share": [figure_label(row.share_pct, row.qualifier, "%") for row in frame.itertuples()],
            "Sources": frame["source_ids"].map(lambda ids: format_ids(ids)),
        }
    ).reset_index(drop=True)


def source_ids_of_chapter() -> list[str]:
    """Every source id behind the chapter's tables, in order of first use."""
    tables = ("ukraine_talks", "ukraine_talks_figures", "grain_initiative_totals", "grain_initiative_commodities",
              "grain_initiative_destinations", "grain_initiative_income_groups")
    return source_ids_of(*(load_table(name) for name in tables))


CLAIM_IDS = ("S01-b", "S04-a", "S10-a", "S11-a", "S11-b", "S13-c")


def chapter_claims() -> pd.DataFrame:
    """The rows of chapter 00's claims ledger that this chapter explains, as a reader reads them."""
    from explainer.ledger import claims_table

    return claims_table(CLAIM_IDS)
