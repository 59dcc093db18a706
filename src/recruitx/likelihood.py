"""The likelihood stage: estimative-probability phrases in English, Ukrainian and Russian, on a yardstick.

Every phrase of the UK PHIA probability yardstick is recognised in the three
languages and given its band; the US ICD 203 scale is the second yardstick
(``parse_report(..., yardstick="icd203")``), and ``Likelihood.scale`` says
which one was used. The word lists live in ``data/likelihood.json``.
"""

from __future__ import annotations

import functools
from typing import Any

import regex

from .document import REGEX_TIMEOUT, Document, load_data
from .plugins import hookimpl
from .records import Likelihood

_SPACES = regex.compile(r"\s+")


def _norm(phrase: str) -> str:
    return _SPACES.sub(" ", phrase.strip().lower()).replace("’", "'")


@functools.cache
def _matcher() -> tuple[Any, dict[str, str], tuple[frozenset[str], frozenset[str]]]:
    data = load_data("likelihood.json")
    degree_of: dict[str, str] = {}
    for words in data["words"].values():
        for degree, phrases in words.items():
            for phrase in phrases:
                degree_of[_norm(phrase)] = degree
    alternatives = sorted(degree_of, key=len, reverse=True)
    body = "|".join(r"\s+".join(regex.escape(w) for w in p.split(" ")) for p in alternatives)
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{M}}'’-])(?:{body})(?![\p{{L}}\p{{M}}'’-])", regex.IGNORECASE | regex.V1)
    blocked = data["not_after"]
    return pattern, degree_of, (frozenset(blocked["phrases"]), frozenset(blocked["words"]))


_PREVIOUS_WORD = regex.compile(r"(\p{L}+)\s+\Z")


def find_likelihoods(text: str, start: int = 0, end: int | None = None, yardstick: str = "phia") -> list[Likelihood]:
    """Every yardstick phrase in ``text[start:end]``, banded on ``yardstick`` (``phia`` or ``icd203``)."""
    pattern, degree_of, (adjectives, blockers) = _matcher()
    bands = load_data("likelihood.json")["yardsticks"][yardstick]
    end = len(text) if end is None else end
    out = []
    for m in pattern.finditer(text, start, end, timeout=REGEX_TIMEOUT):
        if _norm(m.group()) in adjectives:
            before = _PREVIOUS_WORD.search(text, max(start, m.start() - 20), m.start())
            if before is not None and before.group(1).lower() in blockers:
                continue
        term, low, high = bands[degree_of[_norm(m.group())]]
        out.append(Likelihood(m.group(), (m.start(), m.end()), term, float(low), float(high), yardstick))
    return out


@hookimpl(trylast=True)
def recruitx_find_likelihoods(document: Document) -> list[Likelihood]:
    """Built-in: the yardstick phrases of every sentence."""
    out = []
    for sentence in document.sentences:
        out.extend(find_likelihoods(document.text, sentence.start, sentence.end, document.yardstick))
    return out
