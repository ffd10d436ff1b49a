"""The claims ledger: every claim of the article, who it is attributed to, and how it holds up.

Examples
--------
>>> from explainer.ledger import load_claims
>>> claims = load_claims()
>>> set(claims["verdict"]) <= set(VERDICTS)
True
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from explainer.article import article_paragraphs, article_sentences
from explainer.style import OKABE_ITO, apply_house_style
from explainer.tables import format_ids, load_table

# Verdicts from best to worst supported; each has a colour-blind-safe colour and a short label,
# so colour is never the only signal.
VERDICTS = {
    "accurate": {"label": "Accurate", "colour": OKABE_ITO["green"], "tint": "#CCEBE3"},
    "accurate-with-caveats": {"label": "Accurate, with caveats", "colour": OKABE_ITO["sky"], "tint": "#DDF0FB"},
    "outdated": {"label": "Outdated", "colour": OKABE_ITO["purple"], "tint": "#F5E4EE"},
    "unverified": {"label": "Unverified", "colour": "#8C8C8C", "tint": "#E8E8E8"},
    "misleading": {"label": "Misleading", "colour": OKABE_ITO["orange"], "tint": "#FAEBCC"},
    "inaccurate": {"label": "Inaccurate", "colour": OKABE_ITO["vermillion"], "tint": "#F7DBCC"},
}
ATTRIBUTIONS = {
    "trump-post": "Trump's own post",
    "turkish-presidency": "Turkish presidency / officials",
    "turkish-media": "Turkish media",
    "unnamed-report": "Unnamed ('reportedly', 'is said to')",
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


def claims_table() -> pd.DataFrame:
    """The ledger as a reader reads it: plain labels instead of codes."""
    claims = load_claims()
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
    failing = int(counts[["misleading", "inaccurate", "outdated"]].values.sum())
    unconfirmed = int(counts["unverified"].sum())
    apply_house_style(
        fig,
        title=f"{failing} of the article's {total} claims do not hold up, and {unconfirmed} more cannot be confirmed",
        subtitle="Claims in the article, by who the article attributes them to and how they hold up",
        source_ids=["article"],
        source_note="verdicts: the claims ledger (data/claims.csv) and the sources it cites",
        source_offset=95,
        height=470,
    )
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.2, "x": 0, "traceorder": "normal"})
    fig.update_xaxes(title_text="Number of claims", dtick=1, gridcolor="#EEEEEE")
    fig.update_yaxes(autorange="reversed")
    failing_by_speaker = counts[["misleading", "inaccurate", "outdated"]].sum(axis=1)
    failing_by_speaker = failing_by_speaker[failing_by_speaker > 0]
    breakdown = "; ".join(f"{ATTRIBUTIONS[key]}: {int(value)}" for key, value in failing_by_speaker.items())
    fig.layout.meta = {
        **fig.layout.meta,
        "summary": f"Of {total} claims, {failing} are misleading, inaccurate or outdated ({breakdown}) and {unconfirmed} are unverified.",
    }
    return fig


@dataclass(frozen=True)
class AnnotatedArticle:
    """The article with each claim highlighted by verdict; hovering shows the reasons and sources.

    Renders as HTML in a notebook (every string from the data escaped) and as plain text elsewhere.
    """

    claims: pd.DataFrame

    def _marked_sentence(self, sentence_id: str, text: str) -> str:
        spans = []
        for claim in self.claims[self.claims["sentence_id"] == sentence_id].itertuples(index=False):
            start = text.find(claim.quote)
            spans.append((start, start + len(claim.quote), claim))
        spans.sort(key=lambda span: span[0])
        pieces, cursor = [], 0
        for start, end, claim in spans:
            if start < cursor:
                raise ValueError(f"explainer: claim {claim.claim_id!r} overlaps an earlier claim in {sentence_id}")
            style = VERDICTS[claim.verdict]
            tooltip = (
                f"{claim.claim_id} · {style['label']} · {ATTRIBUTIONS[claim.attributed_to]}, "
                f"{STATEMENT_KINDS[claim.statement_kind]}. {claim.explanation} "
                f"Sources: {format_ids(claim.source_ids)}"
            )
            pieces.append(html.escape(text[cursor:start]))
            pieces.append(
                f'<mark title="{html.escape(tooltip, quote=True)}" style="background:{style["tint"]};'
                f'border-bottom:3px solid {style["colour"]};padding:0 1px">{html.escape(text[start:end])}</mark>'
                f'<sup style="font-size:70%;color:#333;white-space:nowrap">[{html.escape(claim.claim_id)}: {html.escape(style["label"].lower())}]</sup>'
            )
            cursor = end
        pieces.append(html.escape(text[cursor:]))
        return "".join(pieces)

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
        legend = " ".join(
            f'<span style="background:{style["tint"]};border-bottom:3px solid {style["colour"]};padding:0 4px">{html.escape(style["label"])}</span>'
            for verdict, style in VERDICTS.items()
            if verdict in set(self.claims["verdict"])
        )
        return (
            f'<div class="explainer-annotated-article" style="max-width:46em">'
            f"<p><strong>Key:</strong> {legend}. Hover over a highlighted passage for the reasons and sources.</p>"
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
    """Print what the article gets right, what it gets wrong, and what nobody can confirm."""
    claims = load_claims()
    groups = [
        ("What holds up", ["accurate", "accurate-with-caveats"]),
        ("What does not hold up", ["inaccurate", "misleading", "outdated"]),
        ("What nobody has confirmed", ["unverified"]),
    ]
    for heading, verdicts in groups:
        chosen = claims[claims["verdict"].isin(verdicts)]
        print(f"{heading} ({len(chosen)} claims):")
        for claim in chosen.itertuples(index=False):
            quote = claim.quote if claim.quote.startswith("“") else f"“{claim.quote}”"
            print(f"  {claim.claim_id} [{VERDICTS[claim.verdict]['label'].lower()}] {quote}")
        print()
