"""recruitx plugin for UNN (Ukrainian National News, unn.ua), English and Ukrainian editions.

UNN closes its lead with "…, UNN reports" ("— повідомляє УНН"), sets the
body under "Details"/"Supplement" ("Деталі"/"Доповнення") headings, and
scatters "Read also" and subscription lines through it. This plugin names
the outlet, skips that furniture by span, registers the ways texts name UNN,
and puts the relaying UNN at the head of attributed chains that lack it.
The words and patterns live in ``data.json``.
"""

from __future__ import annotations

import functools
from typing import Any

import attrs
import regex

import recruitx
from recruitx.document import REGEX_TIMEOUT, Document
from recruitx.plugins import plugin_data
from recruitx.records import Claim, Source

__version__ = "0.1.0"


def data() -> dict[str, Any]:
    """The plugin's word lists and patterns (``data.json``, read once)."""
    return plugin_data(__name__)


def _alternation(patterns: list[str]) -> Any:
    return regex.compile("(?:" + "|".join(patterns) + ")", regex.IGNORECASE | regex.V1)


@functools.cache
def _patterns() -> tuple[Any, Any, Any]:
    """The site address, whole-line furniture and inline furniture patterns (relay patterns: ``_relay_branches``)."""
    d = data()
    return _alternation([d["domain"]]), _alternation(d["lines"]), _alternation(d["inline"])


@functools.cache
def _relay_branches() -> tuple[Any, ...]:
    """The relay patterns one by one: each alone starts with a word the engine can skip to, their alternation does not."""
    return tuple(_alternation([pattern]) for pattern in data()["relay"])


def _names_unn(text: str) -> bool:
    return "UNN" in text or "УНН" in text  # cheap test first: most texts never name UNN


def _leftmost_relay(text: str, start: int, end: int) -> Any:
    """The leftmost match of any relay pattern in ``text[start:end]`` (the first pattern on a tie), as their
    alternation would find it, or ``None``."""
    best = None
    for branch in _relay_branches():
        m = branch.search(text, start, end, timeout=REGEX_TIMEOUT)
        if m is not None and (best is None or m.start() < best.start()):
            best = m
    return best


def relay_mention(text: str) -> tuple[int, int] | None:
    """The span of "UNN" where the text names UNN as relaying the report, or ``None``."""
    m = _leftmost_relay(text, 0, len(text)) if _names_unn(text) else None
    return m.span("m") if m is not None else None


def _relay(document: Document) -> tuple[int, int] | None:
    """:func:`relay_mention` of the document's text, asked once per parse (detection and refinement both need it).

    A relay pattern never crosses a line, so only the lines naming UNN (the
    "relay" hints) are searched, and the first line with a match gives the answer.
    """
    if "unn.relay" not in document.memo:
        text, found = document.text, None
        if _names_unn(text):
            for start, end in document.lines_containing(data()["hints"]["relay"]):
                m = _leftmost_relay(text, start, end)
                if m is not None:
                    found = m.span("m")
                    break
        document.memo["unn.relay"] = found
    return document.memo["unn.relay"]


@recruitx.hookimpl
def recruitx_detect_outlet(document: Document) -> str | None:
    """UNN, when the text names UNN as its relay or carries its address."""
    domain, _, _ = _patterns()
    text = document.text
    if _relay(document) is not None or ("unn." in text and domain.search(text, timeout=REGEX_TIMEOUT)):
        return data()["name"]
    return None


@recruitx.hookimpl
def recruitx_mark_boilerplate(document: Document) -> list[tuple[int, int]]:
    """In UNN reports: "Read also" and subscription lines, news-feed banners, view counters."""
    if document.outlet != data()["name"]:
        return []
    _, lines, inline = _patterns()
    hints = data()["hints"]
    text, out = document.text, []
    furniture = set(document.lines_containing(hints["lines"]))
    counters = set(document.lines_containing(hints["inline"]))
    for start, end in sorted(furniture | counters):
        if (start, end) in furniture and lines.fullmatch(text, start, end, timeout=REGEX_TIMEOUT):
            out.append((start, end))
        elif (start, end) in counters:
            out.extend(m.span() for m in inline.finditer(text, start, end, timeout=REGEX_TIMEOUT))
    return out


@recruitx.hookimpl
def recruitx_register_source_aliases() -> list[dict[str, Any]]:
    """UNN's names in English and Ukrainian."""
    return data()["aliases"]


@recruitx.hookimpl
def recruitx_refine_claims(document: Document, claims: list[Claim]) -> list[Claim] | None:
    """In a UNN report, UNN relays every attributed claim: put it first in chains that lack it."""
    name = data()["name"]
    if document.outlet != name:
        return None
    span = _relay(document)
    if span is None:
        return None
    relay = Source(document.text[span[0] : span[1]], span, name, data()["kind"])
    out = []
    for claim in claims:
        if claim.sources and all(s.name != name for s in claim.sources):
            claim = attrs.evolve(claim, sources=(relay, *claim.sources))
        out.append(claim)
    return out
