"""The claim stage: group found items into claims (a sentence, or part of one) and give each a topic."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from typing import Any

import regex

from .document import REGEX_TIMEOUT, Document, Sentence, load_data
from .plugins import hookimpl
from .records import Claim, Likelihood, Period, Place, Quantity

_CLAUSE_BREAK = regex.compile(r"[,;:—–]\s|\s(?:and|but|while|with|і|й|та|але|и|а|но)\s")


@functools.cache
def _topic_pattern() -> tuple[Any, dict[str, int], list[str], tuple[tuple[str, int], ...]]:
    """One lowercase pattern of every stem (a trie, so each position costs one test) and each stem's topic rank."""
    data = load_data("topics.json")
    rank: dict[str, int] = {}
    for i, topic in enumerate(data["order"]):
        for stems in data["stems"][topic].values():
            for stem in stems:
                rank.setdefault(" ".join(stem.casefold().split()), i)
    trie: dict[str, Any] = {}
    for stem in rank:
        if not stem[:1].isalnum():
            continue  # "$", "₽": found by a substring test
        node = trie
        for ch in stem:
            node = node.setdefault(ch, {})
        node[""] = {}
    symbols = tuple((stem, r) for stem, r in rank.items() if not stem[:1].isalnum())
    return regex.compile(r"\b" + _trie(trie)), rank, list(data["order"]), symbols


def _trie(node: dict[str, Any]) -> str:
    branches = [(r"\s+" if ch == " " else regex.escape(ch)) + _trie(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def classify_topic(text: str) -> str:
    """The claim's topic from the vocabulary in ``data/topics.json`` (``other`` when no stem matches).

    Every stem that starts a word counts; the topic first in the table's order wins, so a claim
    about prisoners who were recruited is about capture.
    """
    pattern, rank, names, symbols = _topic_pattern()
    low = text.lower()
    best = min((r for s, r in symbols if s in low), default=len(names))
    for m in pattern.finditer(low, timeout=REGEX_TIMEOUT):
        found = rank.get(" ".join(m.group().split()))
        if found is None:  # the trie matched a longer path than a stem: take the stem it passed
            found = min((r for s, r in rank.items() if m.group().startswith(s)), default=len(names))
        if found < best:
            best = found
            if best == 0:
                break
    return "other" if best == len(names) else names[best]


def _pieces(doc: Document, sentence: Sentence, likelihoods: Sequence[Likelihood]) -> list[tuple[int, int]]:
    """One span per likelihood phrase: a sentence with several is cut at the clause break between them."""
    if len(likelihoods) <= 1:
        return [sentence.span]
    cuts = [sentence.start]
    for previous, following in zip(likelihoods, likelihoods[1:]):
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(doc.text, previous.span[1], following.span[0], timeout=REGEX_TIMEOUT)]
        cuts.append(breaks[-1] if breaks else following.span[0])
    cuts.append(sentence.end)
    pieces = []
    for s, e in zip(cuts, cuts[1:]):
        while s < e and doc.text[s].isspace():
            s += 1
        while e > s and doc.text[e - 1].isspace():
            e -= 1
        pieces.append((s, e))
    return pieces


def assemble(
    doc: Document,
    quantities: Sequence[Quantity],
    periods: Sequence[Period],
    likelihoods: Sequence[Likelihood],
    places: Sequence[Place],
) -> list[Claim]:
    """A claim for every non-heading sentence (empty ones are dropped after attribution)."""
    buckets: dict[int, dict[str, list[Any]]] = {}
    for key, items in (("quantities", quantities), ("periods", periods), ("likelihoods", likelihoods), ("places", places)):
        for item in items:
            index = doc.sentence_index(item.span[0])
            if index is not None:
                buckets.setdefault(index, {}).setdefault(key, []).append(item)
    claims = []
    for index, sentence in enumerate(doc.sentences):
        if sentence.kind == "heading":
            continue
        found = buckets.get(index, {})
        spans = _pieces(doc, sentence, found.get("likelihoods", ()))
        starts = [s for s, _ in spans]
        split: list[dict[str, list[Any]]] = [{} for _ in spans]
        for key, items in found.items():
            for item in items:
                slot = max(0, bisect.bisect_right(starts, item.span[0]) - 1)
                split[slot].setdefault(key, []).append(item)
        for (start, end), own in zip(spans, split):
            text = doc.text[start:end]
            likelihood = own.get("likelihoods", [None])[0]
            claims.append(
                Claim(
                    text=text,
                    span=(start, end),
                    quantities=tuple(own.get("quantities", ())),
                    periods=tuple(own.get("periods", ())),
                    places=tuple(own.get("places", ())),
                    likelihood=likelihood,
                    topic=classify_topic(text),
                )
            )
    return claims


@hookimpl(trylast=True)
def recruitx_assemble_claims(
    document: Document,
    quantities: list[Quantity],
    periods: list[Period],
    likelihoods: list[Likelihood],
    places: list[Place],
) -> list[Claim]:
    """Built-in: one claim per sentence, split where a sentence holds several likelihood phrases."""
    return assemble(document, quantities, periods, likelihoods, places)
