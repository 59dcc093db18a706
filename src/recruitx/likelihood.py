"""The likelihood stage: estimative-probability phrases in English, Ukrainian and Russian, on a yardstick.

Every phrase of the UK PHIA probability yardstick is recognised in the three
languages and given its band; the US ICD 203 scale is the second yardstick
(``parse_report(..., yardstick="icd203")``), and ``Likelihood.scale`` says
which one was used. The word lists live in ``data/likelihood.json``.
"""

from __future__ import annotations

import bisect
import functools

import regex

from ._patterns import REGEX_TIMEOUT, Lexicon, tokenize
from .document import Document, load_data
from .plugins import hookimpl
from .records import Likelihood

_SPACES = regex.compile(r"\s+")


def _norm(phrase: str) -> str:
    return _SPACES.sub(" ", phrase.strip().lower(), timeout=REGEX_TIMEOUT).replace("’", "'")


@functools.cache
def _matcher() -> tuple[Lexicon, frozenset[str], frozenset[str]]:
    data = load_data("likelihood.json")
    degree_of: dict[str, str] = {}
    for words in data["words"].values():
        for degree, phrases in words.items():
            for phrase in phrases:
                degree_of[_norm(phrase)] = degree
    blocked = data["not_after"]
    return Lexicon(degree_of), frozenset(blocked["phrases"]), frozenset(blocked["words"])


def _find(text: str, tokens: list[tuple[int, int, str]], lo: int, hi: int, yardstick: str) -> list[Likelihood]:
    lexicon, adjectives, blockers = _matcher()
    bands = load_data("likelihood.json")["yardsticks"][yardstick]
    out = []
    for start, end, degree in lexicon.finditer(text, tokens, lo, hi):
        written = text[start:end]
        if _norm(written) in adjectives:
            i = bisect.bisect_left(tokens, (start,))
            if i > lo and tokens[i - 1][2] in blockers and text[tokens[i - 1][1] : start].isspace():
                continue
        term, low, high = bands[degree]
        out.append(Likelihood(written, (start, end), term, float(low), float(high), yardstick))
    return out


def find_likelihoods(text: str, yardstick: str = "phia") -> list[Likelihood]:
    """Every yardstick phrase in ``text``, banded on ``yardstick`` (``phia`` or ``icd203``)."""
    tokens = tokenize(text)
    return _find(text, tokens, 0, len(tokens), yardstick)


@hookimpl(trylast=True)
def recruitx_find_likelihoods(document: Document) -> list[Likelihood]:
    """Built-in: the yardstick phrases of the whole text; the pipeline keeps those inside sentences."""
    return _find(document.text, document.tokens, 0, len(document.tokens), document.yardstick)
