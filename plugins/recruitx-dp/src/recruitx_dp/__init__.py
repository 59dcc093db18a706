"""recruitx plugin for Delovoy Peterburg (Деловой Петербург, dp.ru), a Russian-language business daily.

The paper calls itself «ДП»: "По данным «ДП»" is its own reporting, while
"рассказали «ДП»" names a party that spoke to it. Its pages carry rubric
lines, bylines and a "3 июля, 16:20" dateline. This plugin names the
outlet, skips the rubric and byline furniture and the dateline's clock time
by span (the date stays a period), gives claims in the paper's own voice the
paper as their only source, and keeps that self-naming from being read as a
relay of other parties' claims. The words and patterns live in ``data.json``.
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


def _compile(patterns: list[str]) -> Any:
    d = data()
    spliced = [p.replace("{self}", d["self"]).replace("{month}", d["month"]) for p in patterns]
    return regex.compile("(?:" + "|".join(spliced) + ")", regex.IGNORECASE | regex.V1)


@functools.cache
def _patterns() -> dict[str, Any]:
    d = data()
    out = {key: _compile(d[key]) for key in ("own_voice", "relay", "lines")}
    out.update({key: _compile([d[key]]) for key in ("domain", "dateline", "self")})
    return out


def own_voice(document: Document) -> list[tuple[int, int, tuple[int, int]]]:
    """Every phrase where the paper speaks for itself: ``(start, end, span of its name)``."""
    text = document.text
    if "ДП" not in text and "Делов" not in text:  # cheap test first: most texts never name the paper
        return []
    pattern = _patterns()["own_voice"]
    return [(m.start(), m.end(), m.span("m")) for m in pattern.finditer(document.text, timeout=REGEX_TIMEOUT)]


@recruitx.hookimpl
def recruitx_detect_outlet(document: Document) -> str | None:
    """Delovoy Peterburg, when the text speaks as «ДП», names it as the one told, or carries dp.ru."""
    p, text = _patterns(), document.text
    if own_voice(document):
        return data()["name"]
    if ("ДП" in text or "Делов" in text) and p["relay"].search(text, timeout=REGEX_TIMEOUT):
        return data()["name"]
    if "dp.ru" in text and p["domain"].search(text, timeout=REGEX_TIMEOUT):
        return data()["name"]
    return None


@recruitx.hookimpl
def recruitx_mark_boilerplate(document: Document) -> list[tuple[int, int]]:
    """In Delovoy Peterburg reports: rubric, byline, partner and subscription lines, and the dateline's clock time."""
    if document.outlet != data()["name"]:
        return []
    p, text, out = _patterns(), document.text, []
    for start, end in document.lines:
        if p["lines"].fullmatch(text, start, end, timeout=REGEX_TIMEOUT):
            out.append((start, end))
            continue
        m = p["dateline"].fullmatch(text, start, end, timeout=REGEX_TIMEOUT)
        if m is not None:
            out.append(m.span("time"))
    return out


@recruitx.hookimpl
def recruitx_register_source_aliases() -> list[dict[str, Any]]:
    """The paper's full name in Russian, Ukrainian and English (the bare «ДП» is in the core table)."""
    return data()["aliases"]


@recruitx.hookimpl
def recruitx_refine_claims(document: Document, claims: list[Claim]) -> list[Claim] | None:
    """The paper's own voice: its claims have the paper as only source, and it relays no one else's through it."""
    name = data()["name"]
    if document.outlet != name:
        return None
    voices = own_voice(document)
    if not voices:
        return None
    text, kind = document.text, data()["kind"]
    out = []
    for claim in claims:
        mine = next((v for v in voices if claim.span[0] <= v[0] and v[1] <= claim.span[1]), None)
        if mine is not None:
            span = mine[2]
            claim = attrs.evolve(claim, sources=(Source(text[span[0] : span[1]], span, name, kind),))
        elif len(claim.sources) > 1 and claim.sources[0].name == name and any(
            s <= claim.sources[0].span[0] and claim.sources[0].span[1] <= e for s, e, _ in voices
        ):
            claim = attrs.evolve(claim, sources=claim.sources[1:])
        out.append(claim)
    return out
