"""The glossary (``data/glossary.csv``): the acronyms and technical terms the chapters use.

Three jobs share the one table: finding acronyms in prose that the glossary does not explain,
linking a chapter's first use of each term to its entry, and writing the glossary page.

An *acronym* is a run of two or more capitals, possibly with digits, hyphens or a slash
(``NATO``, ``TB-2``, ``RFE/RL``, the ``FY`` of ``FY2020``). A term such as ``S-400`` or
``Caesar Act`` is not an acronym by that rule but is still in the glossary and still linked.

Examples
--------
>>> acronyms_in("The FY2021 NDAA and RFE/RL's report on the TB-2; S-400 is not one.")
['FY', 'NDAA', 'RFE/RL', 'TB-2']
>>> link_terms("NATO met. NATO met again.", target="glossary.md")
'[NATO](glossary.md#term-nato) met. NATO met again.'
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import pandas as pd

from explainer.authoring.citations import RENDERED_CITATION
from explainer.tables import load_table, split_list

ACRONYM = re.compile(r"(?<![A-Za-z0-9-])[A-Z][A-Z0-9]*[A-Z](?:[-/][A-Z0-9]+)*")
DEFAULT_TARGET = "../docs/glossary.md"

# Capitals that are not terms a reader needs explained. Keep this list short: anything a reader
# might look up belongs in data/glossary.csv instead.
ALLOWED_ACRONYMS = {
    "NOW": "capitals for emphasis inside a verbatim quotation (Trump's post, chapter 00)",
    "TQ": "part of a ship's name, the bulk carrier TQ Samsun (chapter 02)",
    "USD": "a unit: the ISO currency code of the U.S. dollar, written after amounts (chapter 05)",
}

PROTECTED = re.compile(
    r"^(```|~~~)[\s\S]*?^\1[ \t]*$"  # a fenced code block
    + r"|`[^`\n]*`"  # inline code
    + r"|!?\[[^\]]*\]\([^)]*\)"  # an existing link or image
    + r"|\[@[^\]]*\]"  # a citation
    + "|" + RENDERED_CITATION.pattern  # a rendered citation, its tooltip included
    + r"|<[^>\n]+>"  # an HTML tag
    + r"|https?://\S+"  # a bare address
    + r"|^\#{1,6}\s[^\n]*$",  # a heading: headings are never linked
    re.MULTILINE,
)
EXISTING_TERM_LINK = re.compile(r"\]\([^)#]*#term-([a-z0-9-]+)\)")


@lru_cache(maxsize=1)
def load_glossary() -> pd.DataFrame:
    """The glossary, sorted by term (case-insensitive), with ``source_ids`` as lists."""
    frame = load_table("glossary").copy()
    frame["expansion"] = frame["expansion"].fillna("")
    frame["source_ids"] = frame["source_ids"].map(split_list)
    return frame.sort_values("term", key=lambda terms: terms.str.lower()).reset_index(drop=True)


def anchor(term_id: str) -> str:
    """The anchor of a term on the glossary page.

    >>> anchor("caatsa")
    'term-caatsa'
    """
    return f"term-{term_id}"


def acronyms_in(text: str) -> list[str]:
    """Every acronym in ``text``, in order of appearance, repeats included."""
    return ACRONYM.findall(text)


def explained_acronyms(glossary: pd.DataFrame | None = None) -> set[str]:
    """The acronyms the glossary explains: those its terms are made of.

    >>> {"NATO", "WGS", "RFE/RL"} <= explained_acronyms()
    True
    """
    glossary = load_glossary() if glossary is None else glossary
    return {acronym for term in glossary["term"] for acronym in acronyms_in(term)}


def unknown_acronyms(text: str, glossary: pd.DataFrame | None = None) -> set[str]:
    """The acronyms in ``text`` that are neither in the glossary nor on the allow-list.

    >>> sorted(unknown_acronyms("NATO and the XYZW agreed."))
    ['XYZW']
    """
    known = explained_acronyms(glossary) | set(ALLOWED_ACRONYMS)
    return {acronym for acronym in acronyms_in(text) if acronym not in known}


def _term_pattern(glossary: pd.DataFrame) -> re.Pattern:
    alternatives = []
    for term_id, term in sorted(zip(glossary["term_id"], glossary["term"], strict=True), key=lambda pair: -len(pair[1])):
        escaped = re.escape(term).replace(r"\ ", r"\s+")
        # Lower-case terms ("temporary protection") may open a sentence; acronyms keep their case.
        body = f"(?i:{escaped})" if term[:1].islower() else escaped
        # An acronym may run into digits (the FY of FY2020), as acronyms_in() reads it.
        end = r"(?![A-Za-z_-])" if ACRONYM.fullmatch(term) else r"(?![\w-])"
        alternatives.append(f"(?P<t_{term_id.replace('-', '_')}>{body}s?){end}")
    return re.compile(r"(?<![\w/@#.-])(?:" + "|".join(alternatives) + r")")


def linked_term_ids(markdown: str) -> set[str]:
    """The ids of the terms that ``markdown`` already links to their glossary entry.

    >>> sorted(linked_term_ids("[NATO](../docs/glossary.md#term-nato) and [UN](x.md#term-un)"))
    ['nato', 'un']
    """
    return set(EXISTING_TERM_LINK.findall(markdown))


def link_terms(markdown: str, target: str = DEFAULT_TARGET, seen: set[str] | None = None,
               glossary: pd.DataFrame | None = None) -> str:
    """Link the first use of each glossary term in ``markdown`` to its entry at ``target``.

    Terms in ``seen`` (term ids) and terms the text already links are left alone, so running the
    function again on its own output changes nothing. ``seen`` is updated in place, which lets a
    caller carry it from cell to cell so that only a chapter's first use is linked. Code, existing
    links, citations, HTML tags, addresses and headings are never touched.
    """
    glossary = load_glossary() if glossary is None else glossary
    seen = set() if seen is None else seen
    seen.update(linked_term_ids(markdown))
    pattern = _term_pattern(glossary)
    ids = {f"t_{term_id.replace('-', '_')}": term_id for term_id in glossary["term_id"]}

    def link(match: re.Match) -> str:
        term_id = ids[match.lastgroup]
        if term_id in seen:
            return match.group(0)
        seen.add(term_id)
        return f"[{match.group(0)}]({target}#{anchor(term_id)})"

    pieces, position = [], 0
    for protected in PROTECTED.finditer(markdown):
        pieces.append(pattern.sub(link, markdown[position:protected.start()]))
        pieces.append(protected.group(0))
        position = protected.end()
    pieces.append(pattern.sub(link, markdown[position:]))
    return "".join(pieces)


def link_chapter(markdown_cells: Sequence[str], target: str = DEFAULT_TARGET) -> list[str]:
    """Link the first use in a whole chapter (its Markdown cells, in order) of each glossary term.

    >>> link_chapter(["NATO.", "NATO and the UN."], target="g.md")
    ['[NATO](g.md#term-nato).', 'NATO and the [UN](g.md#term-un).']
    """
    seen = set().union(*(linked_term_ids(cell) for cell in markdown_cells)) if markdown_cells else set()
    return [link_terms(cell, target, seen) for cell in markdown_cells]


def markdown_text(text: str) -> str:
    """Escape a string from the data for Markdown (and the HTML it becomes)."""
    return re.sub(r"([\\`*_\[\]|])", r"\\\1", html.escape(text, quote=False))


def glossary_markdown(glossary: pd.DataFrame | None = None, sources: pd.DataFrame | None = None) -> str:
    """The glossary page: every term with its anchor, expansion, definition and sources."""
    glossary = load_glossary() if glossary is None else glossary
    sources = load_table("sources") if sources is None else sources
    by_id = sources.set_index("id")
    lines = [
        "# Glossary",
        "",
        "<!-- generated by scripts/build_teaching_pages.py from data/glossary.csv; do not edit by hand -->",
        "",
        "The acronyms and technical terms the chapters use, in plain words. Each definition rests on the",
        "sources listed under it, which are entries of the bibliography, [`data/sources.csv`](../data/sources.csv).",
        "The chapters link the first use of each term to its entry here.",
        "",
    ]
    for row in glossary.itertuples(index=False):
        missing = [source_id for source_id in row.source_ids if source_id not in by_id.index]
        if missing:
            raise ValueError(f"glossary: term {row.term!r} cites unknown source id(s) {missing}")
        cited = "; ".join(
            f"{markdown_text(by_id.at[source_id, 'publisher'])}, [{markdown_text(by_id.at[source_id, 'title'])}]"
            f"({by_id.at[source_id, 'url']}) (`{source_id}`)"
            for source_id in row.source_ids
        )
        heading = markdown_text(row.term)
        expansion = f"**{markdown_text(row.expansion)}.** " if row.expansion else ""
        lines += [
            f'<a id="{anchor(row.term_id)}"></a>',
            "",
            f"### {heading}",
            "",
            f"{expansion}{markdown_text(row.definition)}",
            "",
            f"Sources: {cited}.",
            "",
        ]
    return "\n".join(lines).rstrip("\n") + "\n"


def terms_used(texts: Iterable[str], glossary: pd.DataFrame | None = None) -> list[str]:
    """The glossary term ids that occur in ``texts`` (prose), in glossary order.

    >>> terms_used(["Turkey joined NATO in 1952."])
    ['nato']
    """
    glossary = load_glossary() if glossary is None else glossary
    pattern = _term_pattern(glossary)
    ids = {f"t_{term_id.replace('-', '_')}": term_id for term_id in glossary["term_id"]}
    found = {ids[match.lastgroup] for text in texts for match in pattern.finditer(text)}
    return [term_id for term_id in glossary["term_id"] if term_id in found]
