"""The quantity stage: counted and measured amounts with their qualifier, bounds and unit.

Numbers come from :mod:`recruitx.numbers`; this module decides which of them
are quantities (not dates, years, times, ordinals, codes, list or phone
numbers, nor "one" as a pronoun), reads the qualifier before them ("more
than", "до", "between … and"), the vague magnitudes ("scores of", "кілька
сотень"), and the unit or counted noun after them, borrowing it from the
sentence when the figure stands alone ("(312)", "31 came home"). The
cue words live in ``data/quantities/<language>.json``; rules follow the
corpus annotation guide.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any

import regex

from .document import REGEX_TIMEOUT, Document, load_data
from .numbers import NumberToken, candidate_words, read_number, to_number
from .plugins import hookimpl
from .records import Quantity

_WORD = r"[\p{L}\p{M}][\p{L}\p{M}'’ʼ-]*"
_PIECE = regex.compile(r"[^\p{L}\p{M}\p{N}]+")
_FLAGS = regex.IGNORECASE | regex.V1


def _alt(phrases: Any) -> str:
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        parts.append(r"[ \u00a0]+".join(regex.escape(w) for w in p.split(" ")))
    return "|".join(parts) if parts else "(?!)"


def _script(language: str) -> str:
    return "en" if language == "en" else "cyr"


class _PhraseIndex:
    r"""Phrases that end right before a position (``(?r)(?P<g>phrases)[ \u00a0]*\Z``), matched without the pattern.

    The pattern takes the longest phrase that matches. Read from the right, a phrase's last words must be
    whole pieces of the text between spaces and its first word a suffix of the piece before them, so the
    phrases are kept in a trie of reversed words. ``_alt`` writes a phrase's spaces as runs of spaces and
    no-break spaces (the latter never reach this reader: they make text not plain). Text that is not
    plain (ASCII or Cyrillic, where case-insensitive matching is lowercasing) and phrases that are not
    stripped, single-spaced and case-folded go to the pattern.
    """

    def __init__(self, phrases: Any, pattern: Any, group: str, min_spaces: int) -> None:
        self.pattern, self.group, self.min_spaces = pattern, group, min_spaces
        self.usable = all(p and p == " ".join(p.split()) and p == p.casefold() and p.isprintable() and "+" not in p for p in phrases)
        # a node: (phrases whose remaining first word is the key, next nodes by the word before)
        self.root: tuple[dict[str, str], dict[str, Any]] = ({}, {})
        for phrase in set(phrases):
            words = phrase.split(" ")
            node = self.root
            for w in reversed(words[1:]):
                node = node[1].setdefault(w, ({}, {}))
            node[0][words[0]] = phrase
        # one-word phrases by their last character, longest first
        self.single: dict[str, list[str]] = {}
        for w in sorted(self.root[0], key=len, reverse=True):
            self.single.setdefault(w[-1], []).append(w)

    def ending_at(self, text: str, start: int, pos: int) -> tuple[int, str] | None:
        """``(start, key)`` of the phrase ending before ``pos`` (spaces between) within ``text[start:pos]``, or ``None``;
        the key is ``_key`` of the matched text, as the pattern's callers take it."""
        seg = text[start:pos]
        if not self.usable or not _plain(seg, 0, len(seg)):
            m = self.pattern.match(text, start, pos, timeout=REGEX_TIMEOUT)
            return None if m is None else (m.start(), _key(m.group(self.group)))
        low = seg.lower()
        j = len(low.rstrip(" "))
        if len(low) - j < self.min_spaces or j == 0:
            return None
        i = low.rfind(" ", 0, j) + 1
        stop = j
        piece = low[i:j]
        best: tuple[int, str] | None = None
        for w in self.single.get(piece[-1], ()):  # one-word phrases: a suffix of the last piece
            if piece.endswith(w):
                best = (j - len(w), w)
                break
        node = self.root[1].get(piece)
        while node is not None and i > 0:
            j = len(low[: i - 1].rstrip(" "))
            if j == 0:
                break
            i = low.rfind(" ", 0, j) + 1
            piece = low[i:j]
            for first, phrase in node[0].items():
                if piece.endswith(first) and (best is None or len(phrase) > len(best[1])):
                    best = (j - len(first), phrase)
            node = node[1].get(piece)
        if best is None:
            return None
        # the pattern's callers key the phrase by its text
        return start + best[0], best[1] if low[best[0] : stop] == best[1] else _key(seg[best[0] : stop])


class _Cues:
    """One language's cue tables and the patterns compiled from them."""

    def __init__(self, names: tuple[str, ...]) -> None:
        merged: dict[str, Any] = {}
        for name in names:
            for key, value in load_data(f"quantities/{name}.json").items():
                if isinstance(value, list):
                    merged.setdefault(key, [])
                    merged[key] = merged[key] + [v for v in value if v not in merged[key]]
                elif isinstance(value, dict):
                    slot = merged.setdefault(key, {})
                    for k, v in value.items():
                        if isinstance(v, list) and isinstance(slot.get(k), list):
                            slot[k] = slot[k] + [x for x in v if x not in slot[k]]
                        else:
                            slot.setdefault(k, v)
                else:
                    merged.setdefault(key, value)
        self.latin = names == ("en",)
        d = merged
        self.qualifier_of = {p.lower(): q for q, ps in d["qualifiers"].items() for p in ps}
        self.qualifier = regex.compile(rf"(?r)(?P<q>{_alt(self.qualifier_of)})[ \u00a0]*\Z", _FLAGS)
        self.openers = {k.lower(): [j.lower() for j in v] for k, v in d["range_open"].items()}
        self.opener = regex.compile(rf"(?r)(?P<o>{_alt(self.openers)})[ \u00a0]+\Z", _FLAGS)
        self.joins = [j.lower() for j in d["range_join"]]
        all_joins = set(self.joins) | {j for v in self.openers.values() for j in v}
        self.join = regex.compile(
            rf"(?:[ \u00a0]*(?P<j>[-–—])[ \u00a0]*|[ \u00a0]+(?P<j>{_alt(w for w in all_joins if w[0].isalpha())})[ \u00a0]+)", _FLAGS
        )
        self.age_words = {w.lower() for w in d["age_words"]}
        self.change_stems = tuple(s.lower() for s in d["change_verbs"])
        self.post_of = {p.lower(): q for p, q in d["post_qualifiers"].items()}
        self.post = regex.compile(rf"(?:[ \u00a0]*(?P<p>\+)|[ \u00a0]+(?P<p>{_alt(k for k in self.post_of if k != '+')}))(?![\p{{L}}\p{{M}}])", _FLAGS)
        self.vague_of = {k.lower(): v for k, v in d["vague"].items()}
        self.few_of = {k.lower(): v for k, v in d["few_scales"].items()}
        whole = {k.lower(): v for k, v in d.get("whole_vague", {}).items()}
        self.vague_of.update(whole)
        self.few_words = {w.lower() for w in d["few"]}
        self.vague_first = frozenset(
            _PIECE.split(p.lower(), timeout=REGEX_TIMEOUT)[0] for p in [*self.vague_of, *d["few"]]
        )
        # for a first word that starts only phrases of several space-separated words ("a few", "a couple of"):
        # the first letters of the word after it; None when some phrase may end or go on otherwise after it
        self.vague_next: dict[str, tuple[str, ...] | None] = {}
        for phrase in [*self.vague_of, *(f"{w.lower()} {s}" for w in d["few"] for s in self.few_of)]:
            first = _PIECE.split(phrase, timeout=REGEX_TIMEOUT)[0]
            head, _, rest = phrase.partition(" ")
            nxt = _PIECE.split(rest, timeout=REGEX_TIMEOUT)[0]
            seen = self.vague_next.get(first, ())
            if head != first or not nxt or not rest.startswith(nxt) or seen is None:
                self.vague_next[first] = None
            elif nxt not in seen:
                self.vague_next[first] = (*seen, nxt)
        self.vague = regex.compile(
            rf"""(?<![\p{{L}}\p{{M}}'’-])(?:
                   (?P<few>{_alt(d['few'])})[ \u00a0]+(?P<fs>{_alt(self.few_of)})
                  |(?P<v>{_alt(self.vague_of)})
                )(?![\p{{L}}\p{{M}}])""",
            _FLAGS | regex.VERBOSE,
        )
        # the vague pattern's alternatives in its own order (longest first), by first word, for _vague_at
        plain = lambda phrases: all(p == " ".join(p.split()) and p.isascii() and p.replace(" ", "").isalpha() for p in phrases)  # noqa: E731
        self.vague_ascii = plain([*self.vague_of, *d["few"], *self.few_of])
        self.vague_v: dict[str, list[tuple[str, ...]]] = {}
        for p in sorted(set(self.vague_of), key=len, reverse=True):
            self.vague_v.setdefault(p.split(" ")[0].lower(), []).append(tuple(p.lower().split(" ")))
        self.vague_few: dict[str, list[tuple[str, ...]]] = {}
        for p in sorted(set(d["few"]), key=len, reverse=True):
            self.vague_few.setdefault(p.split(" ")[0].lower(), []).append(tuple(p.lower().split(" ")))
        self.vague_fs = [tuple(p.lower().split(" ")) for p in sorted(set(self.few_of), key=len, reverse=True)]
        self.approx_words = {w.lower() for w in d["approx_words"]}
        self.times = regex.compile(rf"[ \u00a0]+(?P<u>{_alt(d['times'])})(?![\p{{L}}\p{{M}}])", _FLAGS)
        times = [w.lower() for w in d["times"]]
        self.times_words = frozenset(times) if all(w.isalpha() and w == w.casefold() for w in times) else None
        self.percent = regex.compile(
            rf"(?:[ \u00a0]?(?P<u>%)|[ \u00a0]+(?P<u>{_alt(p for p in d['percent'] if p != '%')})(?![\p{{L}}\p{{M}}]))", _FLAGS
        )
        self.time_units = {w.lower() for w in d["time_units"]}
        self.rate = regex.compile(rf"[ \u00a0]+(?P<r>{_alt(d['rates'])})(?![\p{{L}}\p{{M}}])", _FLAGS)
        self.of_words = {w.lower() for w in d["of_words"]}
        self.place_links = {w.lower() for w in d["place_links"]}
        self.stop = {w.lower() for w in d["unit_stop"]} | {w.lower() for w in d.get("directions", [])}
        self.predicative = frozenset(w.lower() for w in d.get("predicative", ()))
        self.verb_endings = tuple(d.get("verb_endings", ()))
        self.lead = {w.lower() for w in d["unit_lead_participles"]}
        self.keep_ing = {w.lower() for w in d["unit_keep_ing"]}
        self.age_suffix = {w.lower() for w in d["age_units"]}
        self.age_unit = d["age_unit"]
        self.age_after = regex.compile(rf"[ \u00a0]+(?P<a>{_alt(w for w in d['age_units'] if ' ' in w)})(?![\p{{L}}\p{{M}}])", _FLAGS)
        self.one_before = {w.lower() for w in d["pronoun_one"]["before"]}
        self.one_after = {w.lower() for w in d["pronoun_one"]["after"]}
        self.one_words = {w.lower() for w in d["pronoun_words"]}
        self.code_words = {w.lower() for w in d["code_words"]}
        # month names of every language: a mixed-language sentence still has dates ("On March 4, … ЗСУ")
        en_months = load_data("quantities/en.json")["months"]
        self.months_cased = set(en_months)
        self.months = {w.lower() for n in ("uk", "ru") for w in load_data(f"quantities/{n}.json")["months"]}
        self.date_words = {w.lower() for w in d["date_words"]}
        self.month_memo: dict[str, bool] = {}  # _is_month's answers by word
        self.year_preps = {w.lower() for w in d["year_prepositions"]}
        self.year_units = {w.lower() for w in d["year_units"]}
        self.age_qualifiers = {w.lower() for w in d.get("age_qualifiers", ())}
        self.max_unit_words = 5 if self.latin else 3
        self.holder_words = tuple({h.casefold().split(" ")[0] for h in d["unit_holders"]})
        self.holder = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?:{_alt(d['unit_holders'])})[ \u00a0]+(?:of[ \u00a0]+(?:the[ \u00a0]+)?)?(?P<u>{_WORD})", _FLAGS
        )
        first = lambda phrases: {_key(p).split(" ")[0] for p in phrases if p[:1].isalpha()}  # noqa: E731
        last = lambda phrases: {_key(p).split(" ")[-1] for p in phrases if p[-1:].isalpha() or p.endswith(".")}  # noqa: E731
        self.qualifier_last = last(self.qualifier_of) | {w.rstrip(".") for w in last(self.qualifier_of)}
        self.opener_last = last(self.openers)
        self.qualifier_index = _PhraseIndex(self.qualifier_of, self.qualifier, "q", 0)
        self.opener_index = _PhraseIndex(self.openers, self.opener, "o", 1)
        self.join_words = {w for w in all_joins if w[:1].isalpha()}
        self.join_length = max(map(len, self.join_words), default=0)
        self.join_plain = all(w == w.casefold() and _plain(w, 0, len(w)) and " " not in w for w in self.join_words)
        self.percent_first = first(d["percent"])
        self.times_first = first(d["times"])
        self.age_first = first(w for w in d["age_units"] if " " in w)
        self.post_first = first(self.post_of)
        self.rate_first = first(d["rates"])


@functools.cache
def _cues(script: str) -> _Cues:
    return _Cues(("en",) if script == "en" else ("uk", "ru"))


@functools.cache
def _cues_of(language: str) -> _Cues:
    """The cues of a sentence's language (one cached call where the stage asks per candidate)."""
    return _cues(_script(language))


_LETTER_OR_MARK = regex.compile(r"[\p{L}\p{M}]")
# Characters of the common scripts (Latin, Cyrillic, general punctuation) classified once by the pattern itself,
# so the word readers below agree with it exactly; other characters ask the pattern each time.
_KNOWN = "".join(chr(c) for c in (*range(0x0500), *range(0x2000, 0x2070)))
_LM = frozenset(ch for ch in _KNOWN if _LETTER_OR_MARK.match(ch, timeout=REGEX_TIMEOUT))
_WORD_CHARS = _LM | frozenset("'’ʼ-")
_PREV_FIRST = _LM | frozenset("#№©")
_PREV_CHARS = _LM | frozenset("'’ʼ./-")
_PREV_MARKS = frozenset(_PREV_FIRST - _PREV_CHARS)  # may start a previous word but not continue one
_PREV_TRIM = frozenset(_PREV_CHARS - _PREV_FIRST)  # may continue a previous word but not start one


_KNOWN_SET = frozenset(_KNOWN)


def _odd_lm(ch: str) -> bool:
    """Whether ``ch``, a character outside the common scripts (not in ``_KNOWN``), is a letter or mark."""
    return _LETTER_OR_MARK.match(ch, timeout=REGEX_TIMEOUT) is not None


def _is_lm(ch: str) -> bool:
    return ch in _LM or (ch not in _KNOWN_SET and _odd_lm(ch))


def _word_span(text: str, i: int, hi: int) -> tuple[int, int] | None:
    """Where a word (``_WORD`` and an optional dot) starting exactly at ``i`` ends: ``(i, end)``, or ``None``."""
    if i >= hi:
        return None
    ch = text[i]
    if ch not in _LM and (ch in _KNOWN_SET or not _odd_lm(ch)):
        return None
    j = i + 1
    while j < hi:
        ch = text[j]
        if ch not in _WORD_CHARS and (ch in _KNOWN_SET or not _odd_lm(ch)):
            break
        j += 1
    if j < hi and text[j] == ".":
        j += 1
    return i, j


def _next_word(text: str, cur: int, hi: int) -> tuple[int, int] | None:
    """The word after one or more spaces at ``cur``: ``(start, end)`` with its optional dot, or ``None``."""
    i = cur
    while i < hi and text[i] in " \u00a0":
        i += 1
    if i == cur:
        return None
    return _word_span(text, i, hi)


_TIME_OR_DATE = regex.compile(r"[:/]\d|\.\d{1,2}\.\d|[ \u00a0]?(?:a\.m\.|p\.m\.|am\b|pm\b|h\b|hrs\b)", regex.IGNORECASE)
_PHONE = regex.compile(r"\+?\(?\d{1,4}\)?(?:[ \u00a0.-]\(?\d{2,4}\)?){3,}")
_COMPOUND = regex.compile(r"-(?P<c>\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*)")
_OF = regex.compile(r"[ \u00a0]+of(?=[ \u00a0])", regex.IGNORECASE)
_OF_THE = regex.compile(r"[ \u00a0]+(?:of|з|із|из)[ \u00a0]+(?:the[ \u00a0]+)?", regex.IGNORECASE)


class _Found:
    """A quantity being built: where it is, its bounds and how sure the unit is."""

    __slots__ = ("start", "end", "value", "low", "high", "qualifier", "unit", "bare")

    def __init__(self, start: int, end: int, value: Any, low: Any, high: Any, qualifier: str, unit: str | None, bare: bool) -> None:
        self.start, self.end = start, end
        self.value, self.low, self.high = value, low, high
        self.qualifier, self.unit, self.bare = qualifier, unit, bare


def _bounds(qualifier: str, value: Decimal) -> tuple[Decimal | None, Decimal | None]:
    if qualifier in ("exact", "approx"):
        return value, value
    if qualifier in ("at_least", "more_than"):
        return value, None
    return None, value


def _num(value: Decimal | None) -> int | float | None:
    return None if value is None else to_number(value)


def find_quantities(document: Document) -> list[Quantity]:
    """Every quantity phrase in the document's sentences."""
    text = document.text
    sentences = document.sentences
    if not sentences:
        return []
    out: list[Quantity] = []
    previous_unit: str | None = None
    found: list[_Found] = []
    index, consumed = 0, 0
    for pos, word in candidate_words(text, _first_words(), document.tokens):
        if pos < consumed:
            continue
        while index < len(sentences) and sentences[index].end <= pos:
            if found:
                previous_unit = _emit(text, sentences[index].start, found, out, previous_unit, _cues_of(sentences[index].language))
            found = []
            index += 1
        if index >= len(sentences):
            break
        sentence = sentences[index]
        if pos < sentence.start:
            continue
        f, stop = _at(text, pos, word, sentence.start, sentence.end, sentence.language)
        consumed = max(consumed, stop)
        if f is not None:
            found.append(f)
            consumed = max(consumed, f.end)
    if index < len(sentences):
        _emit(text, sentences[index].start, found, out, previous_unit, _cues_of(sentences[index].language))
    return out


def find_in_text(text: str, language: str = "en") -> list[Quantity]:
    """Quantities of a single stretch of text in ``language``, read as one sentence."""
    out: list[Quantity] = []
    found: list[_Found] = []
    consumed = 0
    for pos, word in candidate_words(text, _first_words()):
        if pos < consumed:
            continue
        f, stop = _at(text, pos, word, 0, len(text), language)
        consumed = max(consumed, stop)
        if f is not None:
            found.append(f)
            consumed = max(consumed, f.end)
    _emit(text, 0, found, out, None, _cues_of(language))
    return out


def _emit(
    text: str, lo: int, found: list[_Found], out: list[Quantity], previous_unit: str | None, cues: _Cues
) -> str | None:
    """Turn one sentence's finds into records, lending units to figures that stand alone."""
    _borrow_units(text, lo, found, cues)
    for f in found:
        if f.unit is None:
            f.unit = previous_unit
        if f.unit is not None:
            previous_unit = f.unit
        value = _num(f.value)
        low = value if f.low is f.value else _num(f.low)
        high = value if f.high is f.value else _num(f.high)
        if low is not None and high is not None and low > high:
            continue
        out.append(Quantity(text[f.start : f.end], (f.start, f.end), value, low, high, f.qualifier, f.unit))
    return previous_unit


@functools.cache
def _first_words() -> tuple[str, ...]:
    """First words of the vague magnitudes of every language, for the candidate pass."""
    words = set()
    for script in ("en", "cyr"):
        cues = _cues(script)
        for phrase in [*cues.vague_of, *cues.few_words]:
            words.add(phrase.split(" ")[0])
    return tuple(sorted(words))


_DIGIT_RUN = regex.compile(r"\d+(?:[.,:/'’-]\d+)*")
_ARTICLE = regex.compile(r"(?r)(?:half[ \u00a0]+an?|an?)[ \u00a0]+\Z", regex.IGNORECASE)


def _at(text: str, pos: int, word: str, lo: int, hi: int, language: str) -> tuple[_Found | None, int]:
    """The quantity that starts with the candidate at ``pos`` (a number word ``word``, or digits when ``""``),
    if any, and how far the text was read."""
    cues = _cues_of(language)
    if word:
        if word in cues.vague_first and _plain(text, pos, len(word)) and _no_vague_after(text, pos + len(word), hi, cues.vague_next[word]):
            pass
        elif word in cues.vague_first or not _plain(text, pos, len(word)):
            m = _vague_at(text, pos, hi, word, cues)
            if m is not None:
                return _vague(text, m, lo, hi, cues), m[1]
        if not text[pos].isalpha():
            return None, pos + 1
        if _after_article(text, max(lo, pos - 8), pos):
            art = _article_start(text, max(lo, pos - 8), pos)
            if art is not None and _boundary_before(text, art, lo):
                token = read_number(text, art, hi, language)
                if token is not None:
                    return _number(text, token, lo, hi, language, cues), token.end
    if not word and (pos > lo and text[pos - 1] in "+(" or "-" in text[pos + 1 : pos + 5]):
        at = pos - 1 if pos > lo and text[pos - 1] in "+(" else pos
        phone = _PHONE.match(text, at, hi, timeout=REGEX_TIMEOUT) if _may_be_phone(text, at, hi) else None
        if phone is not None and (text[phone.start()] in "+(" or phone.group().count("-") >= 2):
            return None, phone.end()
    token = read_number(text, pos, hi, language)
    f = _number(text, token, lo, hi, language, cues) if token is not None else None
    if f is not None:
        return f, token.end
    if not word:
        # a rejected run of digits (21.03.2023, 11:43) is passed over whole
        run_end = _digit_run_end(text, pos, hi)
        return None, max(run_end if run_end is not None else pos + 1, token.end if token is not None else 0)
    return None, token.end if token is not None else pos + 1


_DIGIT_CHARS = frozenset("0123456789")


def _plain(text: str, pos: int, n: int) -> bool:
    """True when ``text[pos:pos + n]`` is ASCII or Cyrillic, where case-insensitive matching is plain lowercasing."""
    piece = text[pos : pos + n]
    return piece.isascii() or all("\u0400" <= ch <= "\u04ff" or ch.isascii() for ch in piece)


def _no_vague_after(text: str, j: int, hi: int, nexts: tuple[str, ...] | None) -> bool:
    """True when the vague pattern cannot match a phrase whose first word ends at ``j``: every phrase starting
    with that word goes on after spaces with a word starting with one of ``nexts``, and what follows is
    plain (ASCII or Cyrillic) text starting with none of them."""
    if nexts is None:
        return False
    k = j
    while k < hi and text[k] in " \u00a0":
        k += 1
    if k == j:
        return True
    seg = text[k : min(hi, k + max(map(len, nexts)))]
    return _plain(seg, 0, len(seg)) and not seg.lower().startswith(nexts)


def _after_article(text: str, start: int, pos: int) -> bool:
    """False when ``_ARTICLE`` cannot match before ``pos``: no spaces there, or no "a"/"an" before them."""
    j = pos
    while j > start and text[j - 1] in " \u00a0":
        j -= 1
    if j == pos or j == start:
        return False
    return text[j - 1] in "aAnN" or not text[j - 1].isascii()


def _article_start(text: str, start: int, pos: int) -> int | None:
    """Where ``_ARTICLE`` ("a", "an", "half a" and spaces) matched before ``pos`` within ``text[start:pos]`` starts,
    or ``None``; ASCII read here, other text by the pattern."""
    seg = text[start:pos]
    if not seg.isascii():
        m = _ARTICLE.match(text, start, pos, timeout=REGEX_TIMEOUT)
        return None if m is None else m.start()
    low = seg.lower()
    j = len(low.rstrip(" "))
    if j == len(low):
        return None
    # "an?" read from the right: with the "n" first, then without
    ends = [j - 2] if low.endswith("an", 0, j) else []
    if low.endswith("a", 0, j):
        ends.append(j - 1)
    for a in ends:  # "half" and spaces before the article
        k = len(low[:a].rstrip(" "))
        if k < a and low.endswith("half", 0, k):
            return start + k - 4
    return start + ends[0] if ends else None


def _may_be_phone(text: str, s: int, hi: int) -> bool:
    """False when ``_PHONE`` cannot match at ``s``: no first group of digits followed by a separator and a digit
    (ASCII read here; any other character leaves it to the pattern)."""
    j = s
    if j < hi and text[j] == "+":
        j += 1
    if j < hi and text[j] == "(":
        j += 1
    k = j
    while k < hi and text[k] in _DIGIT_CHARS:
        k += 1
    if k < hi and not text[k].isascii():
        return True
    if not 1 <= k - j <= 4:
        return False
    if k < hi and text[k] == ")":
        k += 1
    if k >= hi or text[k] not in " .-":
        return k < hi and text[k] == "\u00a0"
    k += 1
    if k < hi and text[k] == "(":
        k += 1
    return k < hi and (text[k] in _DIGIT_CHARS or not text[k].isascii())


def _is_clock(text: str, end: int, hi: int) -> bool:
    """Whether ``_TIME_OR_DATE`` matches at ``end`` where a space and "a", "p" or "h" follow ("5 am", "3 hrs");
    ASCII read here, the rest by the pattern."""
    rest = text[end + 1 : min(hi, end + 5)]
    if not rest.isascii() or end + 5 >= hi:
        return _TIME_OR_DATE.match(text, end, hi, timeout=REGEX_TIMEOUT) is not None
    low = rest.lower()
    if low.startswith(("a.m.", "p.m.")):
        return True
    for w in ("am", "pm", "h", "hrs"):
        if low.startswith(w):
            after = low[len(w)]
            if not (after.isalnum() or after == "_"):
                return True
    return False


def _digit_run_end(text: str, pos: int, hi: int) -> int | None:
    """Where ``_DIGIT_RUN`` matched at ``pos`` ends (``None`` when it does not): ASCII digits read here, the rest by the pattern."""
    j = pos
    while j < hi and text[j] in _DIGIT_CHARS:
        j += 1
    while True:
        if j >= hi:
            break
        ch = text[j]
        if not ch.isascii() and ch != "’":
            return _digit_run_by_pattern(text, pos, hi)
        if j == pos or ch not in ".,:/'’-" or j + 1 >= hi:
            break
        nxt = text[j + 1]
        if not nxt.isascii():
            return _digit_run_by_pattern(text, pos, hi)
        if nxt not in _DIGIT_CHARS:
            break
        j += 1
        while j < hi and text[j] in _DIGIT_CHARS:
            j += 1
    return j if j > pos else None


def _digit_run_by_pattern(text: str, pos: int, hi: int) -> int | None:
    run = _DIGIT_RUN.match(text, pos, hi, timeout=REGEX_TIMEOUT)
    return run.end() if run is not None else None


def _prev_word(text: str, lo: int, pos: int) -> str:
    """The word before ``pos`` (spaces and commas between), looking back at most 40 characters."""
    start = max(lo, pos - 40)
    i = pos
    while i > start and text[i - 1] in " \u00a0,":
        i -= 1
    end = i
    while i > start:
        ch = text[i - 1]
        if ch not in _PREV_CHARS and (ch in _KNOWN_SET or not _odd_lm(ch)):
            break
        i -= 1
    if i > start and text[i - 1] in _PREV_MARKS:
        return text[i - 1 : end]  # "№", "#": a first character that cannot follow
    while i < end and text[i] in _PREV_TRIM:
        i += 1
    return text[i:end]


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _vague_at(text: str, pos: int, hi: int, word: str, cues: _Cues) -> tuple[int, int, str | None, str | None] | None:
    """What ``cues.vague`` matches at ``pos``, whose token is ``word``: ``(start, end, v, fs)`` with the texts of
    its groups, or ``None``. ASCII text is read here with the pattern's alternatives in the pattern's order."""
    window = text[pos:hi]
    if not cues.vague_ascii or not window.isascii():
        m = cues.vague.match(text, pos, hi, timeout=REGEX_TIMEOUT)
        return None if m is None else (m.start(), m.end(), m.group("v"), m.group("fs"))
    if pos > 0 and (text[pos - 1] in "'’-" or _is_lm(text[pos - 1])):
        return None
    low = window.lower()
    for few in cues.vague_few.get(word, ()):
        c = _words_end(low, 0, few)
        if c is None or c == len(low) or low[c] != " ":
            continue
        start = len(low) - len(low[c:].lstrip(" "))
        for fs in cues.vague_fs:
            e = _words_end(low, start, fs)
            if e is not None and (e == len(low) or not _is_lm(low[e])):
                return pos, pos + e, None, window[start:e]
    for v in cues.vague_v.get(word, ()):
        e = _words_end(low, 0, v)
        if e is not None and (e == len(low) or not _is_lm(low[e])):
            return pos, pos + e, window[:e], None
    return None


def _words_end(low: str, c: int, words: tuple[str, ...]) -> int | None:
    """Where ``words`` read at ``c`` in ``low`` end, with separators between them as ``_alt`` writes them (runs of
    spaces), or ``None``."""
    for i, w in enumerate(words):
        if i:
            k = len(low) - len(low[c:].lstrip(" "))
            if k == c:
                return None
            c = k
        if not low.startswith(w, c):
            return None
        c += len(w)
    return c


def _vague(text: str, m: tuple[int, int, str | None, str | None], lo: int, hi: int, cues: _Cues) -> _Found | None:
    """A vague magnitude ("dozens of villages", "кілька сотень", "a few hundred"): low bound only."""
    start, stop, v, fs = m
    if v is not None:
        low = cues.vague_of[_key(v)]
    else:
        low = cues.few_of[fs.lower()]  # type: ignore[union-attr]
    unit, end = _unit(text, stop, hi, cues, vague=True)
    if unit is None and not cues.latin and v is not None:
        return None  # a bare plural scale word ("тисячі") counts nothing by itself
    return _Found(start, end, None, Decimal(low), None, "vague", unit, False)


def _number(text: str, t: NumberToken, lo: int, hi: int, language: str, cues: _Cues) -> _Found | None:
    """The quantity phrase around the number ``t``, or ``None`` when the number is not a quantity."""
    digits = t.kind == "digits"
    nxt_char = text[t.end : t.end + 1]
    if digits:
        if nxt_char.isalpha():
            return None  # ordinal (70th), code (5G), decade (1990s)
        if nxt_char in ":/.":
            # the pattern's first alternatives need a digit after the mark, the last one a space or a letter
            after = text[t.end + 1 : t.end + 2]
            if (after in _DIGIT_CHARS or not after.isascii()) and _TIME_OR_DATE.match(text, t.end, hi, timeout=REGEX_TIMEOUT):
                return None
        elif nxt_char == " " and text[t.end + 1 : t.end + 2] in ("a", "p", "h") and _is_clock(text, t.end, hi):
            return None
        if t.start > lo and text[t.start - 1] in ":/" and text[t.start - 2 : t.start - 1].isdigit():
            return None
    prev = _prev_word(text, lo, t.start)
    plain = digits and not t.scaled and t.currency is None
    if plain and _is_month(prev, cues):
        return None  # April 8, 27 июня 2025
    prev_l = prev.lower()
    nxt = _next_word(text, t.end, hi)
    nxt_w = text[nxt[0] : nxt[1]] if nxt else ""
    nxt_l = nxt_w.lower()
    if plain:
        if t.value <= 31 and (_is_month(nxt_w, cues) or (nxt_l == "of" and _is_month(_word_at(text, nxt[1], hi), cues))):
            return None
        if prev_l in cues.code_words or prev_l.rstrip(".") in cues.code_words or text[t.start - 1 : t.start] in ("#", "№"):
            return None  # Article 5, No. 5, № 5
        if t.start == lo and nxt_char in (".", ")") and text[t.end + 1 : t.end + 2] in (" ", "\u00a0"):
            return None  # a list number
    if nxt_char == "-":
        comp = _COMPOUND.match(text, t.end, hi, timeout=REGEX_TIMEOUT)
        if comp is not None and not _starts_number(text, comp.start() + 1, hi, language):
            word = comp.group("c")
            if word[0].isupper() or (not cues.latin and len(word) <= 3):
                return None  # 2-MK, 70-й, 2-го, 90-х
            return _compound(t, comp, cues)
    if _is_year(t, text, prev_l, nxt_w, cues):
        return None
    if t.kind == "words" and _is_pronoun(t, text, prev_l, nxt_w, cues):
        return None

    # a range opener ("between", "від") and the second end of a range
    opener = None
    if prev_l in cues.opener_last:
        opener = cues.opener_index.ending_at(text, max(lo, t.start - 30), t.start)
        if opener is not None and (not _boundary_before(text, opener[0], lo) or _change_before(text, lo, opener[0], cues)):
            opener = None
    open_key = opener[1] if opener is not None else ""
    second = None
    if nxt_char in "-–—" or nxt_l in cues.join_words or (nxt_char == " " and text[t.end + 1 : t.end + 2] in "-–—"):
        second = _second(text, t, lo, hi, language, cues, opener, open_key)
    qstart = opener[0] if opener is not None and (second is not None or open_key in cues.age_words) else t.start
    qm = None  # where the qualifier starts and its phrase
    before = _prev_word(text, lo, qstart).lower() if qstart != t.start else prev_l
    if before in cues.qualifier_last or text[qstart - 1 : qstart] in ("~", "≈") or text[qstart - 2 : qstart - 1] in ("~", "≈"):
        qm = cues.qualifier_index.ending_at(text, max(lo, qstart - 40), qstart)
        if qm is not None and not _boundary_before(text, qm[0], lo):
            qm = None
        # "до" after a verb of change ("снижена до 400 тыс.") means "to": exact, outside the span
        if qm is not None and qm[1] == "до" and _change_before(text, lo, qm[0], cues):
            qm = None
    qualifier = "exact"
    if qm is not None:
        qualifier = cues.qualifier_of[qm[1]]
    elif t.article and t.words and "a " + t.words[-1] in cues.approx_words:
        qualifier = "approx"  # "a dozen"

    # the unit: percent, times, currency, age, or the counted noun phrase
    end = second.end if second is not None else t.end
    unit: str | None = "".join(t.currency.split()) if t.currency else None
    if unit is None:
        after_char = text[end : end + 1]
        after_l = ""
        if after_char in (" ", "\u00a0"):
            if end != t.end:
                after_l = _word_at(text, end + 1, hi).lower()
            elif nxt is not None and nxt[0] == end + 1:
                after_l = nxt_l  # the word read above
        if after_char == "%" or after_l in cues.percent_first or (after_char == " " and text[end + 1 : end + 2] == "%"):
            pm = cues.percent.match(text, end, hi, timeout=REGEX_TIMEOUT)
            if pm is not None:
                unit, end = pm.group("u"), pm.end()
        if unit is None and after_l in cues.times_first:
            tm = _word_after(text, end, hi, cues.times_words, cues.times)
            if tm is not None:
                unit, end = tm
        if unit is None and after_l in cues.age_first:
            am = cues.age_after.match(text, end, hi, timeout=REGEX_TIMEOUT)
            if am is not None:
                unit, end = cues.age_unit, am.end()
        if unit is None:
            if second is None and qm is None and (after_char == "+" or after_l in cues.post_first):
                end, qualifier = _post(text, end, hi, cues, qualifier)
            unit, end = _unit(text, end, hi, cues, vague=False, after=nxt if end == t.end else _UNREAD)
            if unit is not None and second is None and qm is None and qualifier == "exact":
                after_l = _word_at(text, end + 1, hi).lower() if text[end : end + 1] == " " else ""
                if text[end : end + 1] == "+" or after_l in cues.post_first:
                    end, qualifier = _post(text, end, hi, cues, qualifier)
    if t.kind == "words" and t.words and t.words[-1] in cues.one_words and unit is None and not t.article:
        return None  # "one" with nothing it counts is a pronoun
    # "over ten months": a duration after "over" says when, not how many
    if qm is not None and second is None and unit is not None and unit.lower() in cues.time_units and qm[1] in ("over", "during"):
        qm, qualifier = None, "exact"
    if qm is not None:
        qstart = qm[0]
    if open_key in cues.age_words or (qm is not None and qm[1] in cues.age_qualifiers):
        unit = unit or "years"
    if second is not None:
        low = t.value
        scale = _scale_of(second)
        if not t.scaled and scale and digits and low * scale <= second.value:
            low *= scale
        return _Found(qstart, end, None, low, second.value, "range", unit, False)
    low_b, high_b = _bounds(qualifier, t.value)
    if unit is None and digits and nxt_l == "of":
        of = _OF_THE.match(text, t.end, hi, timeout=REGEX_TIMEOUT)
        following = read_number(text, of.end(), hi, language) if of is not None else None
        if following is not None:
            unit = _unit(text, following.end, hi, cues, vague=False)[0]  # "37 of the 45 recruits"
    return _Found(qstart, end, t.value, low_b, high_b, qualifier, unit, unit is None and digits and qm is None)


def _second(text: str, t: NumberToken, lo: int, hi: int, language: str, cues: _Cues, opener: Any, open_key: str) -> NumberToken | None:
    """The upper end of a range starting with ``t`` ("3-4", "25 to 35 thousand", "від 120 до 180"), or ``None``."""
    j = _join_at(text, t.end, hi, cues)
    if j is None:
        return None
    word = j[0].lower()
    allowed = cues.openers.get(open_key, []) if opener is not None else cues.joins
    if word not in allowed and not (word in "-–—" and opener is None):
        return None
    if word in ("to", "до") and opener is None and _change_before(text, lo, t.start, cues):
        return None
    second = read_number(text, j[1], hi, language)
    if second is None or (second.kind != t.kind and t.kind == "digits" and not second.scaled):
        return None
    if text[second.end : second.end + 1].isalpha() and second.kind == "digits":
        return None
    if text[second.end : second.end + 1] == "-" and text[second.end + 1 : second.end + 2].isupper():
        return None
    low = t.value
    scale = _scale_of(second)
    if not t.scaled and scale and t.kind == "digits" and low * scale <= second.value:
        low *= scale
    if low >= second.value or (_looks_like_year(t) and _looks_like_year(second)):
        return None
    return second


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _word_after(text: str, pos: int, hi: int, words: frozenset[str] | None, pattern: Any) -> tuple[str, int] | None:
    """What ``pattern`` (spaces, then one of ``words``, then no letter or mark) matches at ``pos``: the word and
    where it ends, or ``None``. An ASCII word is looked up here; other text, or ``words`` of ``None``, asks the pattern."""
    i = pos
    while i < hi and text[i] in " \u00a0":
        i += 1
    if i == pos:
        return None
    j = i
    while j < hi and text[j] in _ASCII_LETTERS:
        j += 1
    if words is None or (j < hi and not text[j].isascii()):
        m = pattern.match(text, pos, hi, timeout=REGEX_TIMEOUT)
        return None if m is None else (m.group("u"), m.end())
    word = text[i:j]
    return (word, j) if j > i and word.lower() in words else None


def _join_at(text: str, pos: int, hi: int, cues: _Cues) -> tuple[str, int] | None:
    """What ``cues.join`` matches at ``pos`` (a dash, or a joining word between spaces): its ``j`` group and end,
    or ``None``. Plain words are compared here, others by the pattern."""
    i = pos
    while i < hi and text[i] in " \u00a0":
        i += 1
    if i < hi and text[i] in "-–—":
        k = i + 1
        while k < hi and text[k] in " \u00a0":
            k += 1
        return text[i], k
    if i == pos:
        return None
    r = i
    limit = min(hi, i + cues.join_length + 1)
    while r < limit and text[r] not in " \u00a0":
        r += 1
    if r == hi or text[r] not in " \u00a0":
        return None  # the word runs on, or nothing follows it
    word = text[i:r]
    if not cues.join_plain or not _plain(word, 0, len(word)):
        m = cues.join.match(text, pos, hi, timeout=REGEX_TIMEOUT)
        return None if m is None else (m.group("j"), m.end())
    if word.lower() not in cues.join_words:
        return None
    k = r
    while k < hi and text[k] in " \u00a0":
        k += 1
    return word, k


def _post(text: str, end: int, hi: int, cues: _Cues, qualifier: str) -> tuple[int, str]:
    post = cues.post.match(text, end, hi, timeout=REGEX_TIMEOUT)
    if post is None:
        return end, qualifier
    return post.end(), cues.post_of[_key(post.group("p"))]


def _word_at(text: str, pos: int, hi: int) -> str:
    m = _word_span(text, pos, hi)
    return text[m[0] : m[1]] if m else ""


def _compound(t: NumberToken, comp: Any, cues: _Cues) -> _Found:
    """A number glued to a word: "26-year-old" (an age), "100-word", "one-year", "30-річний"."""
    word = comp.group("c")
    lower = word.lower()
    value = t.value
    if any(lower.startswith(s) or lower.endswith(s) for s in cues.age_suffix):
        unit = cues.age_unit
    else:
        parts = lower.split("-")
        unit = word.split("-")[0]
        if len(parts) > 1 and parts[0] in ("year", "years") and parts[1] == "old":
            unit = cues.age_unit
    return _Found(t.start, comp.end(), value, value, value, "exact", unit, False)


def _starts_number(text: str, pos: int, hi: int, language: str) -> bool:
    return read_number(text, pos, hi, language) is not None


def _is_month(word: str, cues: _Cues) -> bool:
    known = cues.month_memo.get(word)
    if known is not None:
        return known
    if not word:
        return False
    w = word.rstrip(".,")
    answer = w in cues.months_cased or w.lower() in cues.months or word.lower() in cues.months
    if len(cues.month_memo) > 50_000:
        cues.month_memo.clear()  # bounded: words come from the texts
    cues.month_memo[word] = answer
    return answer


def _looks_like_year(t: NumberToken) -> bool:
    return t.end - t.start == 4 and t.kind == "digits" and not t.scaled and t.currency is None and 1000 <= t.value <= 2100 and t.value == int(t.value)


def _is_year(t: NumberToken, text: str, prev_l: str, nxt_w: str, cues: _Cues) -> bool:
    if not _looks_like_year(t):
        return False
    n = nxt_w.lower()
    if n in cues.date_words or n in cues.year_units:
        return True
    if prev_l in cues.year_preps or _is_month(prev_l.capitalize(), cues) or _is_month(prev_l, cues):
        return True
    if not nxt_w or n in cues.stop or nxt_w[0].isupper():
        return True
    return text[t.end : t.end + 1] in ",.;:)"


def _is_pronoun(t: NumberToken, text: str, prev_l: str, nxt_w: str, cues: _Cues) -> bool:
    if len(t.words) != 1 or t.words[0] not in cues.one_words or t.article:
        return False
    if prev_l in cues.one_before:
        return True
    n = nxt_w.lower()
    if not nxt_w or text[t.end : t.end + 1] not in (" ", "\u00a0"):
        return True
    return n in cues.one_after or n in cues.stop


def _boundary_before(text: str, pos: int, lo: int) -> bool:
    return pos <= lo or not (text[pos - 1].isalpha() or text[pos - 1] in "'’-")


def _change_before(text: str, lo: int, pos: int, cues: _Cues) -> bool:
    w = _prev_word(text, lo, pos).lower()
    if not w:
        return False
    return w in cues.change_stems or (not cues.latin and w.startswith(cues.change_stems))


def _scale_of(t: NumberToken) -> Decimal | None:
    if not t.scaled:
        return None
    v = t.value
    for s in (Decimal(1000000000000), Decimal(1000000000), Decimal(1000000), Decimal(1000)):
        if v >= s and (v / s) < 1000:
            return s
    return None


_UNREAD: Any = object()


def _unit(text: str, pos: int, hi: int, cues: _Cues, vague: bool, after: Any = _UNREAD) -> tuple[str | None, int]:
    """The counted noun phrase or unit right after ``pos`` and where it ends, or ``(None, pos)``.

    Words are taken while they can belong to a noun phrase: function words,
    verbs (by ending), months and digits end it; a rate ("per day",
    "щомісяця") is kept and closes it; "from <Place>" is kept after a noun.
    After a closing quote the unit is read but the span stays before it.
    ``after`` is ``_next_word(text, pos, hi)`` when the caller has read it.
    """
    words: list[str] = []
    end = cur = pos
    of = _of_end(text, cur, hi)
    if of is not None:
        if not vague:
            return None, pos
        cur = of
        after = _UNREAD
    quote = text[cur : cur + 1] in ("\"", "”", "»", "’")
    if quote:
        cur += 1
        after = _UNREAD
    linked = False
    while len(words) < cues.max_unit_words:
        if after is _UNREAD:
            m = _next_word(text, cur, hi)
        else:
            m, after = after, _UNREAD
        if m is None:
            break
        w = text[m[0] : m[1]]
        if w.endswith(".") and len(w) > 1:
            w = w[:-1]
        lower = w.lower()
        if lower in cues.rate_first:
            rate = cues.rate.match(text, cur, hi, timeout=REGEX_TIMEOUT)
            if rate is not None:
                words.append(rate.group("r"))
                end = rate.end()
                break
        if lower in cues.place_links and words and not linked:
            nm = _next_word(text, m[1], hi)
            nw = text[nm[0] : nm[1]] if nm is not None else ""
            if nm is None or not nw[0].isupper() or nw.lower() in cues.stop or _is_month(nw.rstrip("."), cues):
                break  # "from Nepal" names a place; "from April" starts a period
            place = nw.rstrip(".")
            words += [w, place]
            cur = end = nm[0] + len(place)
            linked = True
            continue
        if linked and not w[0].isupper():
            break
        if not words and lower in cues.lead:
            pass  # "48 wounded sailors", "получивших повестки"
        elif lower in cues.stop or _is_month(w, cues) or w[0].isdigit():
            break
        elif words and lower in cues.predicative:
            break  # "took two soldiers prisoner": the counted noun is "soldiers"
        elif cues.latin:
            if "-" not in lower and (
                (lower.endswith("ing") and lower not in cues.keep_ing) or lower.endswith("ly") or lower.endswith("ed")
            ):
                break
        elif (w[0].isupper() and not linked) or (len(lower) >= 5 and lower.endswith(cues.verb_endings) and lower not in cues.lead):
            break
        words.append(w)
        cur = end = m[0] + len(w)
    if not words:
        return None, pos
    return " ".join(words), pos if quote else end


def _of_end(text: str, cur: int, hi: int) -> int | None:
    """Where ``_OF`` (spaces, "of", a space ahead) matched at ``cur`` ends, or ``None``."""
    i = cur
    while i < hi and text[i] in " \u00a0":
        i += 1
    if i == cur or i + 2 >= hi or text[i + 2] not in " \u00a0":
        return None
    return i + 2 if text[i : i + 2] in ("of", "Of", "oF", "OF") else None


_NO_CASE = {c: None for c in range(0x2000, 0x2070)}  # general punctuation: quotes, dashes; no case at all


def _may_hold(segment: str, cues: _Cues) -> bool:
    """False when no holder word ("number", "кількість") followed by spaces and a word is in ``segment``: a test on its case
    folding, which for these scripts is the folding the pattern matches with; other scripts ask the pattern."""
    if segment.isascii():
        folded = segment.lower()
    elif max(segment.translate(_NO_CASE), default="") < "\u0500":
        folded = segment.casefold()
    else:
        return True
    n = len(folded)
    for h in cues.holder_words:
        i = folded.find(h)
        while i >= 0:
            j = k = i + len(h)
            while k < n and folded[k] in " \u00a0":
                k += 1
            if j < k < n and _is_lm(folded[k]):
                return True
            i = folded.find(h, i + 1)
    return False


def _borrow_units(text: str, lo: int, found: list[_Found], cues: _Cues) -> None:
    """Give a figure standing alone the noun it counts: "number of drivers … (312)", "of the 210 Nepalis …, 140"."""
    may_hold: bool | None = None
    for i, f in enumerate(found):
        if f.unit is not None:
            continue
        if may_hold is None:
            may_hold = _may_hold(text[lo : found[-1].start], cues)
        m = None
        if may_hold:
            for m in cues.holder.finditer(text, lo, f.start, timeout=REGEX_TIMEOUT):
                pass
        if m is not None and m.group("u").lower() not in cues.stop:
            f.unit = m.group("u")
            continue
        for g in reversed(found[:i]):
            if g.unit is not None:
                f.unit = g.unit
                break


@hookimpl(trylast=True)
def recruitx_find_quantities(document: Document) -> list[Quantity]:
    """Built-in: quantities of every sentence."""
    return find_quantities(document)
