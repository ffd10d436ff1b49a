"""Reading level of a chapter's prose: sentence count, words per sentence, and the share of long
sentences, measured on the same prose as the acronym test (solutions, code and tables excluded).

``core_only=True`` measures the core path alone (cells not tagged ``optional``). The goal for core
paths is at most 20 words per sentence on average, with at most 5% of sentences over 35 words.

Examples
--------
>>> split_sentences("The U.S. imposed sanctions on 14 Dec. 2020. Turkey objected! Why?")
['The U.S. imposed sanctions on 14 Dec. 2020.', 'Turkey objected!', 'Why?']
>>> level = measure(["One two three. Four five six seven eight nine."])
>>> level.sentences, level.words, level.mean_words
(2, 9, 4.5)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from explainer.authoring.prose import markdown_prose
from explainer.authoring.tags import is_core, is_solution, source_of

LONG_SENTENCE = 35
# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {"U.S.", "U.N.", "U.K.", "e.g.", "i.e.", "etc.", "vs.", "No.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.",
                 "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "Gen.",
                 "Lt.", "Col.", "Sen.", "Rep.", "approx.", "p.", "pp."}
BOUNDARY = re.compile(r"(?<=[.!?])([”\"')\]]*)\s+(?=[“\"'(\[]?[A-Z0-9ÇĞİÖŞÜ])")
WORD = re.compile(r"[\w’'-]*\w", re.UNICODE)


@dataclass(frozen=True)
class ReadingLevel:
    sentences: int
    words: int
    mean_words: float
    share_long: float
    longest: str


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping abbreviations such as ``U.S.`` and initials inside them."""
    pieces, start = [], 0
    for match in BOUNDARY.finditer(text):
        end = match.start() + len(match.group(1))
        before = text[start:match.start()].split()
        last = before[-1] if before else ""
        if last in ABBREVIATIONS or re.fullmatch(r"[A-Z]\.", last):
            continue
        pieces.append(text[start:end].strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if WORD.search(piece)]


def _prose_lines(markdown: str) -> list[str]:
    # List items and headings end without a full stop; measure each as its own sentence group.
    blocks = re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.)\s)|\n(?=#)", markdown)
    return [markdown_prose(re.sub(r"^\s*(?:[-*+]|\d+\.|#+)\s+", "", block)) for block in blocks]


def measure(texts: list[str], limit: int = LONG_SENTENCE) -> ReadingLevel:
    """The reading level of Markdown ``texts`` (code, tables and citations are dropped first)."""
    sentences = [sentence for text in texts for block in _prose_lines(text) for sentence in split_sentences(block)]
    counts = [len(WORD.findall(sentence)) for sentence in sentences]
    if not counts:
        return ReadingLevel(0, 0, 0.0, 0.0, "")
    longest = max(range(len(counts)), key=counts.__getitem__)
    return ReadingLevel(
        sentences=len(counts),
        words=sum(counts),
        mean_words=round(sum(counts) / len(counts), 1),
        share_long=round(sum(count > limit for count in counts) / len(counts), 3),
        longest=sentences[longest],
    )


def chapter_reading_level(notebook, core_only: bool = False, limit: int = LONG_SENTENCE) -> ReadingLevel:
    """The reading level of a chapter's Markdown prose, solutions excluded (core path only if asked)."""
    texts = [
        source_of(cell)
        for cell in notebook["cells"]
        if cell.get("cell_type") == "markdown" and not is_solution(cell) and (not core_only or is_core(cell))
    ]
    return measure(texts, limit)
