"""The claim stage: group found items into claims (a sentence, or part of one) and give each a topic."""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from collections.abc import Sequence
from typing import Any

import regex

from ._patterns import trie_pattern
from .document import REGEX_TIMEOUT, Document, Sentence, load_data
from .plugins import hookimpl
from .records import Claim, Likelihood, Period, Place, Quantity

_CLAUSE_BREAK = regex.compile(r"[,;:—–]\s|\s(?:and|but|while|with|і|й|та|але|и|а|но)\s")

#: Characters on which Python's str methods and the regex classes agree (one-to-one lowering, ``\w`` is
#: a token character or ``_``, ``\s`` is ``isspace``, no combining marks): ASCII but for the four
#: separators \x1c-\x1f, Latin-1, Latin Extended-A, Cyrillic, punctuation and currency signs.
_PLAIN_RANGES = (
    (0x00, 0x1B), (0x20, 0x7F), (0x80, 0xB1), (0xB4, 0xB4), (0xB6, 0xB8), (0xBA, 0xBB), (0xBF, 0xDE), (0xE0, 0x12F),
    (0x132, 0x148), (0x14A, 0x17E), (0x400, 0x482), (0x48A, 0x4FF), (0x2000, 0x200B), (0x200E, 0x203E),
    (0x2041, 0x2053), (0x2055, 0x2064), (0x2066, 0x206F), (0x20A0, 0x20C0), (0x2116, 0x2116), (0x2122, 0x2122),
)
_PLAIN = frozenset(chr(c) for lo, hi in _PLAIN_RANGES for c in range(lo, hi + 1))
_ODD_SPACES = ("\x1c", "\x1d", "\x1e", "\x1f")
_plain_memo: list[Any] = [None, False]


def plain_text(text: str) -> bool:
    """True when ``text`` holds only characters of ``_PLAIN``: then string methods may stand in for
    regex character classes (``\\b``, ``\\s``, word tokens) without changing a result."""
    if _plain_memo[0] is not text:
        if text.isascii():
            _plain_memo[1] = not any(ch in text for ch in _ODD_SPACES)
        else:
            _plain_memo[1] = _PLAIN.issuperset(text)
        _plain_memo[0] = text
    return _plain_memo[1]


#: Every space character of a plain text, written as a plain space.
_SPACES = str.maketrans({c: " " for c in map(chr, [*range(0x9, 0xE), 0x20, 0x85, 0xA0, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F])})


@functools.cache
def _topic_pattern() -> tuple[Any, dict[str, int], list[str], tuple[tuple[str, int], ...]]:
    """One lowercase pattern of every stem (a trie, so each position costs one test) and each stem's topic rank."""
    data = load_data("topics.json")
    rank: dict[str, int] = {}
    for i, topic in enumerate(data["order"]):
        for stems in data["stems"][topic].values():
            for stem in stems:
                rank.setdefault(" ".join(stem.casefold().split()), i)
    words = [stem for stem in rank if stem[:1].isalnum()]  # "$", "₽": found by a substring test
    symbols = tuple((stem, r) for stem, r in rank.items() if not stem[:1].isalnum())
    return regex.compile(r"\b" + trie_pattern(words)), rank, list(data["order"]), symbols


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


@functools.cache
def _topic_index() -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """The word stems by their first three characters (a space for any space), longest first, each as
    its words and its rank."""
    _, rank, _, _ = _topic_pattern()
    index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for stem in sorted((s for s in rank if s[:1].isalnum()), key=len, reverse=True):
        index.setdefault(stem[:3], []).append((tuple(stem.split(" ")), rank[stem]))
    return {k: tuple(v) for k, v in index.items()}


def phrase_end(low: str, at: int, end: int, words: tuple[str, ...]) -> int:
    """Where the phrase ``words`` ends when it starts at ``at`` in ``low[:end]`` (any run of spaces
    between its words, as ``\\s+`` in a pattern of a plain text), or -1."""
    for i, word in enumerate(words):
        if i:
            if at >= end or not low[at].isspace():
                return -1
            while at < end and low[at].isspace():
                at += 1
        if not low.startswith(word, at, end):
            return -1
        at += len(word)
    return at


def _stem_at(low: str, at: int, end: int) -> tuple[int, int] | None:
    """The rank and end of the longest stem starting at ``at`` in ``low[:end]``, or ``None``."""
    key = low[at : at + 3]
    bucket = _topic_index().get(key)
    if bucket is None and not key.isalnum():
        bucket = _topic_index().get(key.translate(_SPACES))
    for words, found in bucket or ():
        stop = phrase_end(low, at, end, words)
        if stop >= 0:
            return found, stop
    return None


@functools.cache
def _word_stems() -> tuple[dict[str, int], dict[str, list[tuple[tuple[str, ...], int]]]]:
    """Single-word stems of letters and digits with their rank, and the other stems by the word they
    must open with (those need the text after the word)."""
    _, rank, _, _ = _topic_pattern()
    whole: dict[str, int] = {}
    opening: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for stem, found in rank.items():
        if not stem[:1].isalnum():
            continue
        if stem.isalnum():
            whole[stem] = found
        else:
            lead = stem[: next(i for i, ch in enumerate(stem) if not ch.isalnum())]
            opening.setdefault(lead, []).append((tuple(stem.split(" ")), found))
    return whole, opening


#: Stems that may start at a word, per word: (words, rank, certain), longest first, cut after the
#: first certain one (a stem of letters that the word begins with needs no look at the text).
_word_memo: dict[str, tuple[tuple[tuple[str, ...], int, bool], ...]] = {}


def _stems_for(word: str) -> tuple[tuple[tuple[str, ...], int, bool], ...]:
    found = _word_memo.get(word)
    if found is None:
        whole, opening = _word_stems()
        options = [((word[:n],), whole[word[:n]], True) for n in range(1, len(word) + 1) if word[:n] in whole]
        options += [(words, r, False) for words, r in opening.get(word, ())]
        options.sort(key=lambda o: -len(" ".join(o[0])))
        out = []
        for option in options:
            out.append(option)
            if option[2]:
                break
        if len(_word_memo) > 100_000:
            _word_memo.clear()
        found = _word_memo[word] = tuple(out)
    return found


def _stem_words(doc: Document) -> list[tuple[int, int, str]]:
    """The document's tokens at which some stem may start (each distinct word is looked up once)."""
    tokens = doc.tokens
    words = list(map(operator.itemgetter(2), tokens))
    for word in set(words).difference(_word_memo):
        _stems_for(word)
    return list(itertools.compress(tokens, map(_word_memo.get, words)))


def _span_topics(low: str, spans: Sequence[tuple[int, int]], hits: list[tuple[int, int, str]]) -> list[str]:
    """:func:`classify_topic` of each ``text[start:end]`` of ``spans`` (in order, not overlapping) for a
    plain text whose lowering ``low`` keeps offsets: stems are looked up at the words ``hits`` (from
    :func:`_stem_words`) that the pattern's ``\\b`` lets a match begin at, left to right without overlap."""
    names = _topic_pattern()[2]
    symbols = [(s, r) for s, r in _topic_pattern()[3] if s in low]
    memo = _word_memo
    out = []
    i, n = 0, len(hits)
    for start, end in spans:
        best = len(names)
        for symbol, found in symbols:
            if found < best and low.find(symbol, start, end) >= 0:
                best = found
        pos = start
        if start > 0 and start < end and low[start].isalnum() and low[start - 1].isalnum():
            hit = _stem_at(low, start, end)  # the span starts inside a word
            if hit is not None:
                best, pos = min(best, hit[0]), hit[1]
        while i < n and hits[i][0] < start:
            i += 1
        while best and i < n:
            at, after, word = hits[i]
            if at >= end:
                break
            i += 1
            if at < pos or at > start and low[at - 1] == "_":
                continue
            if after > end:  # a word cut by the end
                hit = _stem_at(low, at, end)
                if hit is not None:
                    best = min(best, hit[0])
                break
            for words, found, certain in memo[word]:
                if certain:
                    stop = at + len(words[0])
                elif words[0] == word and (
                    after >= end
                    or not low[after].isspace()
                    or low[after] == " " and not low[after + 1 : after + 2].isspace() and not low.startswith(words[1], after + 1, end)
                ):
                    continue  # the stem's first word is this word: a space and its second word must follow
                else:
                    stop = phrase_end(low, at, end, words)
                if stop >= 0:
                    pos = stop
                    best = min(best, found)
                    break
        out.append("other" if best == len(names) else names[best])
    return out


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
    sentences = doc.sentences
    found: list[tuple[list[Any], list[Any], list[Any], list[Any]] | None] = [None] * len(sentences)
    firsts = [s.start for s in sentences]
    for slot, items in enumerate((quantities, periods, likelihoods, places)):
        for item in items:
            at = item.span[0]
            index = bisect.bisect_right(firsts, at) - 1
            if index >= 0 and at < sentences[index].end:
                own = found[index]
                if own is None:
                    own = found[index] = ([], [], [], [])
                own[slot].append(item)
    none: tuple[list[Any], ...] = ((), (), (), ())  # type: ignore[assignment]
    spans: list[tuple[int, int]] = []
    parts: list[tuple[list[Any], ...]] = []
    for index, sentence in enumerate(sentences):
        if sentence.kind == "heading":
            continue
        own = found[index]
        if own is None:
            spans.append((sentence.start, sentence.end))
            parts.append(none)
            continue
        pieces = _pieces(doc, sentence, own[2])
        spans.extend(pieces)
        if len(pieces) == 1:
            parts.append(own)
            continue
        cuts = [s for s, _ in pieces]
        split = [([], [], [], []) for _ in pieces]
        for slot, items in enumerate(own):
            for item in items:
                split[max(0, bisect.bisect_right(cuts, item.span[0]) - 1)][slot].append(item)
        parts.extend(split)
    text = doc.text
    low = text.lower()
    if len(low) == len(text) and plain_text(text):
        topics = _span_topics(low, spans, _stem_words(doc))
    else:
        topics = [classify_topic(text[s:e]) for s, e in spans]
    return [
        Claim(
            text=text[start:end],
            span=(start, end),
            quantities=q,
            periods=p,
            places=pl,
            likelihood=li[0] if li else None,
            topic=topic,
        )
        for (start, end), (q, p, li, pl), topic in zip(spans, parts, topics)
    ]


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
