"""The claims ledger: every claim of the article, who it is attributed to, and how it holds up.

A verdict rates the article's account of a claim, never the person or body the article cites,
and follows the written rubric kept with the data (``verdict_rubric()``). Chapters state a
verdict only through this module, so no chapter can contradict the ledger:

Examples
--------
>>> from explainer.ledger import load_claims, verdict_sentence
>>> claims = load_claims()
>>> set(claims["verdict"]) <= set(VERDICTS)
True
>>> verdict_sentence("S12-b").startswith("The article's “from a Turkish prison” (S12-b) is inaccurate.")
True
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from explainer.article import article_paragraphs, article_sentences
from explainer.sources import source_ids_of
from explainer.style import OKABE_ITO, apply_house_style, set_summary
from explainer.tables import format_ids, load_table, resource_descriptor

# Verdicts from best to worst supported; each has a colour-blind-safe colour and a short label,
# so colour is never the only signal.
VERDICTS = {
    "accurate": {"label": "Accurate", "colour": OKABE_ITO["green"], "tint": "#CCEBE3"},
    "accurate-with-caveats": {"label": "Accurate, with caveats", "colour": OKABE_ITO["sky"], "tint": "#DDF0FB"},
    "unverified": {"label": "Unverified", "colour": "#8C8C8C", "tint": "#E8E8E8"},
    "misleading": {"label": "Misleading", "colour": OKABE_ITO["orange"], "tint": "#FAEBCC"},
    "inaccurate": {"label": "Inaccurate", "colour": OKABE_ITO["vermillion"], "tint": "#F7DBCC"},
}
# The verdicts that mean a claim does not hold up.
FAILING = ("misleading", "inaccurate")
# Who the article says a claim comes from. A verdict rates the article's report, so the labels
# say "as the article reports it": an error in that row is the article's, not the speaker's.
ATTRIBUTIONS = {
    "trump-post": "Trump's post, as the article reports it",
    "turkish-presidency": "Turkish readout, as the article reports it",
    "turkish-media": "Turkish media, as the article reports them",
    "unnamed-report": "Unnamed sources ('reportedly', 'is said to')",
    "article-framing": "The article's own framing",
    "article-background": "The article's background facts",
}
STATEMENT_KINDS = {
    "verbatim-quotation": "verbatim quotation",
    "paraphrase": "paraphrase",
    "reported-statement": "reported statement",
    "background-fact": "background fact",
    "speculation": "speculation or interpretation",
}


def load_claims() -> pd.DataFrame:
    """Return the ledger (``data/claims.csv``), checked against the article.

    Raises ``ValueError`` naming the claim if its sentence id does not exist or its quote is
    not a verbatim slice of that sentence.
    """
    claims = load_table("claims")
    sentences = article_sentences().set_index("sentence_id")["text"]
    for claim in claims.itertuples(index=False):
        if claim.sentence_id not in sentences.index:
            raise ValueError(f"explainer: claim {claim.claim_id!r} names sentence {claim.sentence_id!r}, which the article does not have")
        if claim.quote not in sentences[claim.sentence_id]:
            raise ValueError(f"explainer: claim {claim.claim_id!r}: quote {claim.quote!r} is not verbatim in {claim.sentence_id}")
    return claims


def verdict_rubric() -> dict[str, str]:
    """The written rubric each verdict follows, as kept in ``data/datapackage.json``.

    >>> sorted(verdict_rubric()) == sorted(VERDICTS)
    True
    """
    fields = resource_descriptor("claims")["schema"]["fields"]
    return dict(next(field for field in fields if field["name"] == "verdict")["rubric"])


def claims_by_id(claim_ids: Sequence[str]) -> pd.DataFrame:
    """The ledger's rows for ``claim_ids``, in the order given: the one way a chapter picks its claims.

    Raises ``TypeError`` for a single string and ``ValueError`` naming every id the ledger lacks.

    >>> claims_by_id(["S12-b", "S12-a"])["claim_id"].tolist()
    ['S12-b', 'S12-a']
    >>> claims_by_id(["S99-z"])
    Traceback (most recent call last):
    ...
    ValueError: explainer: claim_ids ['S99-z'] are not in data/claims.csv
    """
    if isinstance(claim_ids, str):
        raise TypeError("explainer: claim_ids must be a list of claim ids, not a single string")
    claims = load_claims().set_index("claim_id", drop=False)
    unknown = [claim_id for claim_id in claim_ids if claim_id not in claims.index]
    if unknown:
        raise ValueError(f"explainer: claim_ids {unknown} are not in data/claims.csv")
    return claims.loc[list(claim_ids)].reset_index(drop=True)


def claim_ids_in(sentence_ids: Sequence[str]) -> list[str]:
    """The ids of the ledger's claims made in the article's ``sentence_ids``, in ledger order.

    >>> claim_ids_in(["S12"])
    ['S12-a', 'S12-b', 'S12-c']
    """
    if isinstance(sentence_ids, str):
        raise TypeError("explainer: sentence_ids must be a list of sentence ids, not a single string")
    claims = load_claims()
    return claims.loc[claims["sentence_id"].isin(list(sentence_ids)), "claim_id"].tolist()



def _claim(claim_id: str) -> pd.Series:
    if not isinstance(claim_id, str):
        raise ValueError(f"explainer: claim_id {claim_id!r} is not in data/claims.csv")
    return claims_by_id([claim_id]).iloc[0]


def _quoted(quote: str) -> str:
    return quote if quote.startswith("“") else f"“{quote}”"


def verdict_sentence(claim_id: str, *, with_sources: bool = True) -> str:
    """One sentence stating a claim's verdict and what the sources show, from ``data/claims.csv``.

    Use it wherever a chapter states how a claim holds up, so the text cannot drift from the ledger.
    Raises ``ValueError`` naming the id if the claim does not exist.

    >>> verdict_sentence("S02-a", with_sources=False)
    "The article's “Posting to his Truth Social account” (S02-a) is accurate. The statement was a social-media post; Rudaw names Truth Social, Anadolu says it was shared on several platforms."
    """
    claim = _claim(claim_id)
    label = VERDICTS[claim["verdict"]]["label"].lower()
    sentence = f"The article's {_quoted(claim['quote'])} ({claim_id}) is {label}. {claim['finding']}"
    if with_sources:
        sentence += f" (sources: {format_ids(claim['source_ids'])})"
    return sentence


def verdict_recap(claim_ids: Sequence[str]) -> pd.DataFrame:
    """A recap table of some claims: claim, the article's words, verdict, what the sources show, sources.

    For a chapter's own claims: ``explainer.table(verdict_recap(["S05-a", "S05-b"]))``.
    Raises ``TypeError`` for a single string and ``ValueError`` naming unknown ids.
    """
    chosen = claims_by_id(claim_ids)
    return pd.DataFrame(
        {
            "Claim": chosen["claim_id"].tolist(),
            "The article says": chosen["quote"].map(_quoted).tolist(),
            "Verdict": chosen["verdict"].map(lambda verdict: VERDICTS[verdict]["label"]).tolist(),
            "What the sources show": chosen["finding"].tolist(),
            "Sources": chosen["source_ids"].map(format_ids).tolist(),
        }
    )


VERDICT_GROUPS = [
    ("What holds up", ("accurate", "accurate-with-caveats")),
    ("What does not hold up", FAILING),
    ("What nobody has confirmed", ("unverified",)),
]


def verdict_counts_sentence() -> str:
    """How the article's claims hold up, counted by verdict, in one sentence.

    >>> verdict_counts_sentence().startswith("Of the article's ")
    True
    """
    counts = load_claims()["verdict"].value_counts()
    parts = [f"{int(counts.get(verdict, 0))} {verdict.replace('-', ' ')}" for verdict in VERDICTS]
    parts[0] = parts[0].replace(" ", " are ", 1)
    return f"Of the article's {int(counts.sum())} claims, " + ", ".join(parts[:-1]) + f" and {parts[-1]} (data/claims.csv)."


def claims_table(claim_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """The ledger as a reader reads it: plain labels instead of codes; only ``claim_ids`` (in the
    order given, checked by :func:`claims_by_id`) when given, as a chapter shows the claims it checks.

    >>> claims_table(["S12-a"])["Claim"].tolist()
    ['S12-a']
    """
    claims = load_claims() if claim_ids is None else claims_by_id(claim_ids)
    return pd.DataFrame(
        {
            "Claim": claims["claim_id"],
            "The article says": claims["quote"],
            "Attributed to": claims["attributed_to"].map(ATTRIBUTIONS),
            "Kind": claims["statement_kind"].map(STATEMENT_KINDS),
            "Verdict": claims["verdict"].map(lambda verdict: VERDICTS[verdict]["label"]),
            "Why": claims["explanation"],
            "Sources": claims["source_ids"].map(lambda ids: format_ids(ids)),
        }
    )


def verdict_counts() -> pd.DataFrame:
    """Claims counted by attribution (rows, in ledger order of ``ATTRIBUTIONS``) and verdict (columns)."""
    claims = load_claims()
    counts = pd.crosstab(claims["attributed_to"], claims["verdict"])
    return counts.reindex(index=list(ATTRIBUTIONS), columns=list(VERDICTS), fill_value=0)


def verdict_chart() -> go.Figure:
    """Stacked bars: for each speaker the article relies on, how its claims hold up."""
    counts = verdict_counts()
    counts = counts.loc[counts.sum(axis=1) > 0]
    fig = go.Figure()
    for verdict, style in VERDICTS.items():
        if counts[verdict].sum() == 0:
            continue
        fig.add_trace(
            go.Bar(
                y=[ATTRIBUTIONS[key] for key in counts.index],
                x=counts[verdict].tolist(),
                name=style["label"],
                orientation="h",
                marker={"color": style["colour"], "line": {"color": "white", "width": 1}},
                hovertemplate="%{y}: %{x} claim(s) " + html.escape(style["label"].lower()) + "<extra></extra>",
            )
        )
    total = int(counts.values.sum())
    failing = int(counts[list(FAILING)].values.sum())
    unconfirmed = int(counts["unverified"].sum())
    apply_house_style(
        fig,
        title=f"{failing} of the article's {total} claims do not hold up, and {unconfirmed} more cannot be confirmed",
        subtitle="The article's claims, by whom it says they come from. A verdict rates the article's report, not that source",
        source_ids=["article"],
        source_note="verdicts: the claims ledger (data/claims.csv) and the sources it cites",
        source_offset=95,
        height=470,
    )
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.2, "x": 0, "traceorder": "normal"})
    fig.update_xaxes(title_text="Number of claims", dtick=1, gridcolor="#EEEEEE")
    fig.update_yaxes(autorange="reversed")
    failing_by_speaker = counts[list(FAILING)].sum(axis=1)
    failing_by_speaker = failing_by_speaker[failing_by_speaker > 0]
    breakdown = "; ".join(f"{ATTRIBUTIONS[key]}: {int(value)}" for key, value in failing_by_speaker.items())
    set_summary(fig, (
            f"Of {total} claims, {failing} are misleading or inaccurate ({breakdown}) and {unconfirmed} are unverified. "
            "Each verdict rates the article's report of a claim, not the person or body it cites."
        ))
    return fig


@dataclass(frozen=True)
class AnnotatedArticle:
    """The article with each claim highlighted by verdict, and under each paragraph the reasons and
    sources for its claims, each in a ``<details>`` element that opens by click, tap or keyboard
    (Enter or Space on its summary) with no script, in JupyterLab and on a static page alike.

    Renders as HTML in a notebook (every string from the data escaped) and as plain text elsewhere.
    """

    claims: pd.DataFrame

    def _claims_in(self, sentence_id: str, text: str | None = None) -> list:
        """The claims made in one sentence; in the order they appear in ``text`` when given."""
        claims = list(self.claims[self.claims["sentence_id"] == sentence_id].itertuples(index=False))
        return claims if text is None else sorted(claims, key=lambda claim: text.find(claim.quote))

    def _marked_sentence(self, sentence_id: str, text: str) -> str:
        spans = []
        for claim in self._claims_in(sentence_id):
            start = text.find(claim.quote)
            spans.append((start, start + len(claim.quote), claim))
        spans.sort(key=lambda span: span[0])
        pieces, cursor = [], 0
        for start, end, claim in spans:
            if start < cursor:
                raise ValueError(f"explainer: claim {claim.claim_id!r} overlaps an earlier claim in {sentence_id}")
            style = VERDICTS[claim.verdict]
            pieces.append(html.escape(text[cursor:start]))
            pieces.append(
                f'<mark style="background:{style["tint"]};'
                f'border-bottom:3px solid {style["colour"]};padding:0 1px">{html.escape(text[start:end])}</mark>'
                f'<sup style="font-size:70%;white-space:nowrap"><a href="#why-{html.escape(claim.claim_id, quote=True)}" '
                f'style="color:#333">[{html.escape(claim.claim_id)}: {html.escape(style["label"].lower())}]</a></sup>'
            )
            cursor = end
        pieces.append(html.escape(text[cursor:]))
        return "".join(pieces)

    @staticmethod
    def _reasons(claim) -> str:
        """One claim's reasons as a ``<details>`` element: the summary names the claim and its
        verdict, the body says who it comes from, why the verdict holds and the sources."""
        style = VERDICTS[claim.verdict]
        return (
            f'<details id="why-{html.escape(claim.claim_id, quote=True)}" style="margin:0 0 0.3em 1em">'
            f'<summary style="cursor:pointer"><span style="background:{style["tint"]};border-bottom:3px solid {style["colour"]};'
            f'padding:0 4px">{html.escape(claim.claim_id)}: {html.escape(style["label"])}</span>, '
            f"{_quoted(html.escape(claim.quote))}</summary>"
            f'<p style="margin:0.3em 0 0.6em 1em">{html.escape(ATTRIBUTIONS[claim.attributed_to])}, '
            f"{html.escape(STATEMENT_KINDS[claim.statement_kind])}. {html.escape(claim.explanation)} "
            f"Sources: {html.escape(format_ids(claim.source_ids))}</p></details>"
        )

    def _repr_html_(self) -> str:
        sentences = article_sentences()
        paragraphs = []
        for number in range(1, len(article_paragraphs()) + 1):
            rows = sentences[sentences["paragraph"] == number]
            body = " ".join(
                f'<span id="{row.sentence_id}"><small style="color:#777">{row.sentence_id}</small> '
                f"{self._marked_sentence(row.sentence_id, row.text)}</span>"
                for row in rows.itertuples(index=False)
            )
            paragraphs.append(f'<p style="line-height:1.9">{body}</p>')
            paragraphs.extend(
                self._reasons(claim) for row in rows.itertuples(index=False) for claim in self._claims_in(row.sentence_id, row.text)
            )
        legend = " ".join(
            f'<span style="background:{style["tint"]};border-bottom:3px solid {style["colour"]};padding:0 4px">{html.escape(style["label"])}</span>'
            for verdict, style in VERDICTS.items()
            if verdict in set(self.claims["verdict"])
        )
        return (
            f'<div class="explainer-annotated-article" style="max-width:46em">'
            f"<p><strong>Key:</strong> {legend}. Under each paragraph, open a claim (click, tap, or Enter on it) "
            "for the reasons and sources; a claim's mark in the text links to it.</p>"
            + "".join(paragraphs)
            + "</div>"
        )

    def __repr__(self) -> str:
        lines = []
        for row in article_sentences().itertuples(index=False):
            verdicts = [
                f"{claim.claim_id} {VERDICTS[claim.verdict]['label'].lower()}"
                for claim in self.claims[self.claims["sentence_id"] == row.sentence_id].itertuples(index=False)
            ]
            lines.append(f"{row.sentence_id}: {'; '.join(verdicts)}")
        return "\n".join(lines)


def annotated_article() -> AnnotatedArticle:
    """The article with every claim highlighted by its verdict."""
    return AnnotatedArticle(load_claims())


def print_verdict_summary() -> None:
    """Print, from the ledger, what the article gets right, what it gets wrong and what nobody can confirm.

    Each claim is listed once, with its verdict, what the sources show and the sources' ids.
    """
    claims = load_claims()
    for heading, verdicts in VERDICT_GROUPS:
        chosen = claims[claims["verdict"].isin(verdicts)]
        print(f"{heading} ({len(chosen)} claims):")
        for claim in chosen.itertuples(index=False):
            print(f"  {claim.claim_id} [{VERDICTS[claim.verdict]['label'].lower()}] {_quoted(claim.quote)}")
            print(f"      {claim.finding} (sources: {format_ids(claim.source_ids)})")
        print()
