"""recruitx plugin for Institute for the Study of War (ISW) assessments and their relays.

An ISW product opens with a heading ("Russian Offensive Campaign Assessment,
March 5, 2025"), an author line and "Key Takeaways", marks its sentences
with footnotes ("[12]"), and carries furniture ("Click here to read the
full report", the data cut-off note). ISW speaks in its own estimative words
("ISW assesses", "ISW has observed"). This plugin names ISW as the outlet of
its products, skips the furniture and footnote markers by span, makes ISW
the origin of claims that name no other source in its products and of
claims voiced with its estimative words elsewhere, and registers the ways
texts name ISW in English, Ukrainian and Russian. The words and patterns
live in ``data.json``.
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
    d = data()
    spliced = [p.replace("{date}", d["date"]).replace("{isw}", d["isw"]) for p in patterns]
    return regex.compile("(?:" + "|".join(spliced) + ")", regex.IGNORECASE | regex.V1)


@functools.cache
def _patterns() -> dict[str, Any]:
    d = data()
    return {key: _alternation(d[key]) for key in ("headings", "markers", "lines", "inline", "anywhere", "cues")}


def is_product(document: Document) -> bool:
    """True when the text is an ISW product: an ISW heading opens it, or it carries furniture only ISW prints."""
    p, text = _patterns(), document.text
    if any(p["headings"].fullmatch(text, s, e, timeout=REGEX_TIMEOUT) for s, e in document.lines[:4]):
        return True
    lines = document.lines_containing(data()["hints"]["markers"])
    return any(p["markers"].fullmatch(text, s, e, timeout=REGEX_TIMEOUT) for s, e in lines)


@recruitx.hookimpl
def recruitx_detect_outlet(document: Document) -> str | None:
    """The Institute for the Study of War, when the text is one of its products (not a report about one)."""
    return data()["name"] if is_product(document) else None


@recruitx.hookimpl
def recruitx_mark_boilerplate(document: Document) -> list[tuple[int, int]]:
    """"Click here" links wherever pasted; in ISW products, also headings, authors, notes, footnotes and markers."""
    p, text, out = _patterns(), document.text, []
    own = document.outlet == data()["name"]
    candidates = document.lines_containing(data()["hints"]["anywhere"])
    anywhere = set(candidates)
    for start, end in document.lines if own else candidates:
        if (start, end) in anywhere and p["anywhere"].fullmatch(text, start, end, timeout=REGEX_TIMEOUT):
            out.append((start, end))
        elif own and (
            p["markers"].fullmatch(text, start, end, timeout=REGEX_TIMEOUT)
            or p["lines"].fullmatch(text, start, end, timeout=REGEX_TIMEOUT)
        ):
            out.append((start, end))
        elif own:
            out.extend(m.span() for m in p["inline"].finditer(text, start, end, timeout=REGEX_TIMEOUT))
    return out


@recruitx.hookimpl
def recruitx_register_source_aliases() -> list[dict[str, Any]]:
    """ISW's names in English, Ukrainian and Russian."""
    return data()["aliases"]


def _first_naming(document: Document) -> tuple[int, int] | None:
    """The first place the text names ISW outside the furniture (else anywhere)."""
    key = "recruitx_isw.aliases"
    pattern = document.tables.cache.get(key)
    if pattern is None:
        aliases = document.tables.sources.get(data()["name"], {}).get("aliases", ())
        body = "|".join(regex.escape(a) for a in sorted(aliases, key=len, reverse=True))
        pattern = document.tables.cache[key] = regex.compile(
            rf"(?<![\p{{L}}\p{{N}}])(?:{body})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE | regex.V1
        )
    spans = [m.span() for m in pattern.finditer(document.text, timeout=REGEX_TIMEOUT)]
    return next((s for s in spans if not document.is_skipped(*s)), spans[0] if spans else None)


@recruitx.hookimpl
def recruitx_refine_claims(document: Document, claims: list[Claim]) -> list[Claim] | None:
    """Claims with no source: ISW's when voiced with its estimative words, or when the text is an ISW product."""
    name, kind = data()["name"], data()["kind"]
    cues = _patterns()["cues"]
    text = document.text
    product = document.outlet == name
    fallback = _first_naming(document) if product else None
    out, changed = [], False
    for claim in claims:
        if not claim.sources:
            m = cues.search(text, claim.span[0], claim.span[1], timeout=REGEX_TIMEOUT)
            span = m.span("m") if m is not None else fallback
            if span is not None:
                claim = attrs.evolve(claim, sources=(Source(text[span[0] : span[1]], span, name, kind),))
                changed = True
        out.append(claim)
    return out if changed else None
