"""Numbers written in digits or words, in English, Ukrainian and Russian: ``parse_number`` and the scanner.

Digits are read with every grouping convention news uses (``2,400``,
``2.400``, ``2 400`` with any kind of space, ``2'400``) and the decimal mark
is decided by language and shape (``2,400`` is 2400, ``2,4`` is 2.4).
Scale words and abbreviations (``1.5 million``, ``2,3 млн``, ``15k``) and
number words with their inflected forms (``двох тисяч``, ``twenty-one``,
``півтори``) come from the tables in ``data/numbers/``. The quantity stage
uses :func:`scan` to find number tokens; everything keeps offsets into the
caller's text.
"""

from __future__ import annotations

import functools
import heapq
from decimal import Decimal, InvalidOperation
from typing import Any

import regex

from ._patterns import tokenize
from .document import REGEX_TIMEOUT, load_data

__all__ = ["NumberToken", "candidate_words", "candidates", "number_pattern", "parse_number", "read_number", "to_number"]

_APOSTROPHES = "'’ʼ`"
_GROUP_SPACES = " \u00a0\u202f\u2009"
_CURRENCY = (
    r"(?P<cur>(?:US|AU|CA|NZ|HK|SG|A|C)\$|\$\s?(?:US|AU|CA|NZ|HK|SG)?|[€£₴₽¥]|(?:USD|EUR|UAH|RUB|GBP)(?=\s?\d))"
)
_CURRENCY_CODES = ("usd", "eur", "uah", "rub", "gbp")  # the letter codes of _CURRENCY, lowercased
_DIGITS = r"\d+(?:(?:[,.'’]|[ \u00a0\u202f\u2009](?=\d{3}(?!\d)))\d+)*"


def _norm(word: str) -> str:
    word = word.lower()
    for a in _APOSTROPHES[1:]:
        word = word.replace(a, "'")
    return word


def _alternation(words: Any) -> str:
    """A regex alternation of ``words``, longest first, spaces flexible and apostrophes of any kind."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        p = regex.escape(w).replace("'", "['’ʼ`]").replace(r"\ ", r"\s+")
        parts.append(p.replace("\\'", "['’ʼ`]"))
    return "|".join(parts) if parts else "(?!)"


class _Table:
    """One script's number words (``en`` or the merged Cyrillic table), loaded from ``data/numbers``."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.words: dict[str, Decimal] = {}
        self.multipliers: dict[str, Decimal] = {}
        self.scales: dict[str, Decimal] = {}
        self.abbreviations: dict[str, Decimal] = {}
        self.currency_scales: dict[str, Decimal] = {}
        self.whole: dict[str, Decimal] = {}
        self.article_only: set[str] = set()
        articles: set[str] = set()
        halves: set[str] = set()
        joiners: set[str] = set()
        hyphen_after: set[str] = set()
        for name in names:
            data = load_data(f"numbers/{name}.json")
            for key, slot in (
                ("words", self.words),
                ("multipliers", self.multipliers),
                ("scales", self.scales),
                ("abbreviations", self.abbreviations),
                ("currency_scales", self.currency_scales),
                ("whole_words", self.whole),
            ):
                for form, value in data.get(key, {}).items():
                    slot[_norm(form) if key != "abbreviations" else form.lower()] = Decimal(str(value))
            for form, value in data.get("article_only", {}).items():
                self.multipliers[_norm(form)] = Decimal(str(value))
                self.article_only.add(_norm(form))
            articles.update(data.get("articles", ()))
            halves.update(data.get("halves", ()))
            joiners.update(data.get("joiners", ()))
            hyphen_after.update(data.get("compound_hyphen_after", ()))
        word = _alternation([*self.words, *self.multipliers, *self.scales, *self.whole])
        bound_l, bound_r = r"(?<![\p{L}\p{M}'’ʼ`])", r"(?![\p{L}\p{M}]|['’ʼ`]\p{L})"
        joins = [r"\s+"]
        if joiners:
            joins.append(r"\s+(?:" + _alternation(joiners) + r")\s+")
        if hyphen_after:
            joins.append(r"(?<=" + "|".join(sorted(hyphen_after)) + r")-")
        if self.scales:
            joins.append(r"(?<=" + "|".join(sorted(self.scales, key=len)) + r"),\s+")
        join = "(?:" + "|".join(reversed(joins)) + ")"
        lead = self.multipliers.keys() | self.scales.keys()
        prefix = ""
        if halves:
            prefix += rf"(?P<half>(?:{_alternation(halves)})\s+(?=(?:{_alternation(lead)}){bound_r}))?"
        if articles:
            prefix += rf"(?P<art>(?:{_alternation(articles)})\s+(?=(?:{_alternation(lead)}){bound_r}))?"
        scale_after = _alternation([*self.scales, *self.multipliers])
        abbreviations = _alternation(self.abbreviations)
        currency_scales = _alternation(self.currency_scales)
        self.pattern = regex.compile(
            rf"""(?:
                  (?:{_CURRENCY}[ \u00a0]?)?
                  (?(cur)|(?<![\p{{L}}\p{{N}}\p{{M}}_]|\p{{L}}[-–]|\p{{N}}/))
                  (?P<digits>{_DIGITS})(?!\d)
                  (?:[ \u00a0]?(?P<dscale>{scale_after}|{abbreviations})(?![\p{{L}}\p{{M}}])
                     |(?(cur)(?P<cscale>{currency_scales})(?![\p{{L}}\p{{M}}])))?
                 |
                  {bound_l}{prefix}
                  (?P<words>(?:{word}){bound_r}(?:{join}(?:{word}){bound_r})*)
                )""",
            regex.VERBOSE | regex.IGNORECASE | regex.V0,
        )
        self.token = regex.compile(rf"{bound_l}(?:{word}){bound_r}", regex.IGNORECASE)
        # an article ("a") starts a number only before a lead word ("a hundred"): for each article that no other
        # alternative starts with, the first letters of the lead words
        others = [*self.words, *self.multipliers, *self.scales, *self.whole, *(h.lower() for h in halves)]
        leads = tuple(sorted({_PIECES.split(w, timeout=REGEX_TIMEOUT)[0] for w in lead}))
        self.article_leads = {
            a.lower(): leads
            for a in articles
            if a.isascii() and a.isalpha() and all(leads) and not any(o == a.lower() or o.startswith(a.lower() + " ") for o in others)
        }
        self.lead_length = max(map(len, leads), default=0)
        self.has_half = "half" in self.pattern.groupindex
        self.has_art = "art" in self.pattern.groupindex
        # the value of each number word standing alone, computed as _words_value computes it
        self.single: dict[str, Decimal] = {}
        for w, v in self.words.items():
            self.single[w] = Decimal(0) + (Decimal(0) + v)
        for w, v in self.multipliers.items():
            self.single[w] = Decimal(0) + Decimal(1) * v
        for w, v in self.scales.items():
            self.single[w] = Decimal(0) + Decimal(1) * v + Decimal(0)
        self.single.update(self.whole)
        # _plain_word reads a lone ASCII number word itself; words that may begin something longer are left to the
        # pattern: articles and halves (a prefix), words an alternative continues past a non-letter, currency codes
        alternatives = [*self.words, *self.multipliers, *self.scales, *self.whole]
        self.plain_words = all(a.isascii() and a[:1].isalpha() and not any(c.isdigit() for c in a) for a in alternatives) and all(
            w.isalpha() for w in [*joiners, *hyphen_after, *self.scales]
        )
        self.not_alone = frozenset(
            {_PIECES.split(w.lower(), timeout=REGEX_TIMEOUT)[0] for w in [*articles, *halves, *alternatives] if not w.isalpha() or w.lower() in articles}
            | {w for w in self.single if w.startswith(_CURRENCY_CODES)}
        )
        self.join_first = frozenset(_PIECES.split(w.lower(), timeout=REGEX_TIMEOUT)[0] for w in [*alternatives, *joiners])
        self.hyphen_after = tuple(h.lower() for h in hyphen_after)
        # the scale words a figure may take when all are plain words (_plain_digits reads them itself)
        scale_words = {*self.scales, *self.multipliers, *self.abbreviations}
        self.scale_words = frozenset(scale_words) if all(w.isalpha() for w in scale_words) else frozenset()
        self.comma_after = tuple(self.scales)
        # first letter runs of the scale words (and the first character of any not starting with a letter)
        self.scale_first = frozenset(
            _SCALE_PIECE.split(w, timeout=REGEX_TIMEOUT)[0] or w[0] for w in [*self.scales, *self.multipliers, *self.abbreviations] if w
        )

    def scale_of(self, word: str) -> Decimal | None:
        w = _norm(word)
        for slot in (self.scales, self.multipliers, self.currency_scales):
            if w in slot:
                return slot[w]
        return self.abbreviations.get(word.lower())


@functools.cache
def _table(script: str) -> _Table:
    return _Table(("en",) if script == "en" else ("uk", "ru"))


def _script(language: str | None, text: str = "") -> str:
    if language in ("uk", "ru"):
        return "cyr"
    if language == "en":
        return "en"
    return "cyr" if _CYRILLIC.search(text, timeout=REGEX_TIMEOUT) else "en"


_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_SCALE_PIECE = regex.compile(r"[^\p{L}]+")


def number_pattern(language: str | None) -> Any:
    """The compiled pattern of one number token (digits with an optional scale, or number words)."""
    return _table(_script(language)).pattern


class NumberToken:
    """A number found in a text: its span, value, how it was written and what came with it."""

    __slots__ = ("start", "end", "value", "kind", "scaled", "currency", "article", "half", "words")

    def __init__(
        self,
        start: int,
        end: int,
        value: Decimal,
        kind: str,
        scaled: bool = False,
        currency: str | None = None,
        article: bool = False,
        half: bool = False,
        words: tuple[str, ...] = (),
    ) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.kind = kind
        self.scaled = scaled
        self.currency = currency
        self.article = article
        self.half = half
        self.words = words

    def __repr__(self) -> str:
        return f"NumberToken({self.start}, {self.end}, {self.value}, {self.kind})"


@functools.lru_cache(maxsize=4096)
def digits_value(token: str, language: str | None, scaled: bool = False) -> Decimal | None:
    """The value of a run of digits and separators, or ``None`` when its grouping is not a number's.

    Spaces and apostrophes always group thousands. With one kind of mark, a
    mark repeated or followed by exactly three digits groups thousands
    (``2,400``; ``2.400`` outside English), unless a scale word follows
    (``2,500 тис.`` is 2.5 thousand); otherwise it is the decimal mark.
    With both marks the last one is decimal.
    """
    s = token
    for ch in _GROUP_SPACES + "'’":
        if ch in s:
            parts = s.split(ch)
            if not all(len(p) == 3 and p.isdigit() for p in parts[1:-1]) or not (1 <= len(parts[0]) <= 3):
                return None
            last = parts[-1]
            if len(last) < 3 or not last[:3].isdigit():
                return None
            s = s.replace(ch, "")
    commas, dots = s.count(","), s.count(".")
    try:
        if not commas and not dots:
            return Decimal(s)
        if commas and dots:
            decimal_mark = "," if s.rfind(",") > s.rfind(".") else "."
            group_mark = "." if decimal_mark == "," else ","
            if s.count(decimal_mark) != 1:
                return None
            whole, frac = s.split(decimal_mark)
            return _grouped(whole, group_mark, frac)
        mark = "," if commas else "."
        parts = s.split(mark)
        if len(parts) > 2:
            return _grouped(s, mark, "")
        whole, frac = parts
        thousands = len(frac) == 3 and 1 <= len(whole) <= 3 and not scaled and not (whole == "0")
        if thousands and (mark == "," or language in ("uk", "ru")):
            return Decimal(whole + frac)
        return Decimal(f"{whole}.{frac}")
    except InvalidOperation:
        return None


def _grouped(whole: str, mark: str, frac: str) -> Decimal | None:
    parts = whole.split(mark)
    if not (1 <= len(parts[0]) <= 3) or not all(len(p) == 3 for p in parts[1:]):
        return None
    return Decimal("".join(parts) + ("." + frac if frac else ""))


def _words_value(
    table: _Table, text: str, start: int, end: int
) -> tuple[Decimal, int, tuple[str, ...]] | None:
    """The value of the longest well-formed run of number words in ``text[start:end]`` and where it ends."""
    piece = text[start:end]
    if piece.isalpha() and piece.lower() in table.single:  # one word: no separator for a join
        w = piece.lower()
        return table.single[w], end, (w,)
    total = Decimal(0)
    current = Decimal(0)
    last_rank = 99
    last_scale: Decimal | None = None
    seen = False
    stop = start
    words: list[str] = []
    for m in table.token.finditer(text, start, end, timeout=REGEX_TIMEOUT):
        w = _norm(" ".join(m.group().split()))
        if w in table.whole:
            if seen:
                break
            return table.whole[w], m.end(), (w,)
        if w in table.scales:
            scale = table.scales[w]
            if last_scale is not None and (scale >= last_scale or current == 0):
                break
            total += (current if seen and current else Decimal(1)) * scale
            current = Decimal(0)
            last_rank, last_scale = 99, scale
        elif w in table.multipliers:
            mult = table.multipliers[w]
            if last_rank == 3 and mult == 100:
                break
            current = (current if current else Decimal(1)) * mult
            last_rank = 3 if mult == 100 else 1
        else:
            v = table.words[w]
            rank = 1 if v < 20 else 2 if v < 100 else 3
            if rank >= last_rank or (rank == 1 and last_rank == 2 and v >= 10):
                break
            current += v
            last_rank = rank
        seen = True
        stop = m.end()
        words.append(w)
    if not seen:
        return None
    return total + current, stop, tuple(words)


@functools.cache
def _candidate_words(extra: tuple[str, ...]) -> tuple[frozenset[str], bool]:
    """The first word-piece of every number word (and of ``extra``): a token equal to one may start a number;
    and whether one of them starts with a digit (then a token may be both kinds of candidate)."""
    words: set[str] = set(extra)
    for script in ("en", "cyr"):
        t = _table(script)
        words.update(t.words, t.multipliers, t.scales, t.whole)
    first = frozenset(_PIECES.split(w.lower(), timeout=REGEX_TIMEOUT)[0] for w in words if w)
    return first, any(w[:1] <= "9" for w in first)


_PIECES = regex.compile(r"[^\p{L}\p{M}\p{N}]+")
_DIGIT_START = regex.compile(r"(?<![\p{L}\p{M}\p{N}_])\p{Nd}|[$€£₴₽¥]")
_OTHER_DIGIT = regex.compile(r"(?![0-9])\p{Nd}")
_CURRENCY_SIGNS = "$€£₴₽¥"


def candidates(
    text: str, extra: tuple[str, ...] = (), tokens: list[tuple[int, int, str]] | None = None
) -> list[tuple[int, bool]]:
    """Where a number (or one of the ``extra`` words) may start: ``(offset, is_word)`` in text order.

    A cheap first pass over the whole text: digits and currency signs by one
    pattern, number words by looking the text's tokens (``tokens``, as
    ``Document.tokens`` gives them, or computed here) up in a set;
    :func:`read_number` then reads each.
    """
    return [(pos, bool(word)) for pos, word in candidate_words(text, extra, tokens)]


def candidate_words(
    text: str, extra: tuple[str, ...] = (), tokens: list[tuple[int, int, str]] | None = None
) -> list[tuple[int, str]]:
    """:func:`candidates` with the lowercased word of each word candidate (``""`` for digits and currency signs).

    Digits are read off the tokens too: a decimal digit with no letter, mark
    or digit before it starts a token, and an ASCII digit is the only token
    character below ``":"``. The pattern is asked only when the text has
    digits of other scripts.
    """
    if tokens is None:
        tokens = tokenize(text)
    first, digit_words = _candidate_words(extra)
    if digit_words or (not text.isascii() and _OTHER_DIGIT.search(text, timeout=REGEX_TIMEOUT) is not None):
        words = [(start, word) for start, _end, word in tokens if word in first]
        digits = [(m.start(), "") for m in _DIGIT_START.finditer(text, timeout=REGEX_TIMEOUT)]
        return list(heapq.merge(words, digits))
    # a token (letters, marks, digits) is below ":" exactly when it starts with an ASCII digit
    out = [(start, "" if word < ":" else word) for start, _end, word in tokens if word < ":" or word in first]
    if "_" in text:
        out = [c for c in out if c[1] or c[0] == 0 or text[c[0] - 1] != "_"]
    signs = [i for ch in _CURRENCY_SIGNS if ch in text for i in _positions(text, ch)]
    if signs:
        out = list(heapq.merge(out, sorted((i, "") for i in signs)))
    return out


def _positions(text: str, ch: str) -> list[int]:
    """Every offset of ``ch`` in ``text``."""
    out = []
    i = text.find(ch)
    while i >= 0:
        out.append(i)
        i = text.find(ch, i + 1)
    return out


def read_number(text: str, pos: int, end: int, language: str | None) -> NumberToken | None:
    """The number token that starts exactly at ``pos`` (before ``end``), or ``None``."""
    table = _table(_SCRIPTS.get(language) or _script(language, text[pos : pos + 20]))  # type: ignore[arg-type]
    if pos < end and text[pos] in _ASCII_DIGITS:
        fast = _plain_digits(table, text, pos, end, language)
        if fast is not _UNDECIDED:
            return fast
    elif table.article_leads and _article_without_lead(table, text, pos, end):
        return None
    elif table.plain_words and pos < end and text[pos] in _ASCII_LETTERS:
        fast = _plain_word(table, text, pos, end)
        if fast is not _UNDECIDED:
            return fast
    m = table.pattern.match(text, pos, end, timeout=REGEX_TIMEOUT)
    if m is None:
        return None
    return _token(table, text, m, end, language)


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _plain_word(table: _Table, text: str, pos: int, end: int) -> Any:
    """The number at ``pos`` when it is one ASCII number word that nothing joins to ("two Chinese citizens"): the
    token, or ``None`` for an article-only word without its article; ``_UNDECIDED`` when the pattern must read
    it (another number word or a joiner may follow, an apostrophe or a character of another script is near)."""
    if pos > 0:
        before = text[pos - 1]
        if not before.isascii() or before.isalpha() or before in "'`":
            return _UNDECIDED
    j = pos + 1
    while j < end and text[j] in _ASCII_LETTERS:
        j += 1
    w = text[pos:j].lower()
    if w not in table.single or w in table.not_alone:
        return _UNDECIDED
    if j < end:
        ch = text[j]
        if not ch.isascii() or ch in "'`$":
            return _UNDECIDED
        if ch == " ":
            k = j + 1
            if k < end:
                nxt = text[k]
                if nxt in _ASCII_LETTERS:
                    stop = k + 1
                    while stop < end and text[stop] in _ASCII_LETTERS:
                        stop += 1
                    if (stop < end and not text[stop].isascii()) or text[k:stop].lower() in table.join_first:
                        return _UNDECIDED
                elif nxt.isspace() or not nxt.isascii():
                    return _UNDECIDED
        elif ch.isspace() or (ch == "-" and w.endswith(table.hyphen_after)) or (ch == "," and w.endswith(table.comma_after)):
            return _UNDECIDED
    if w in table.article_only:
        return None  # "the couple left": a noun, not a number
    return NumberToken(pos, j, table.single[w], "words", False, None, False, False, (w,))


def _article_without_lead(table: _Table, text: str, pos: int, end: int) -> bool:
    """True when ``text`` at ``pos`` is an article, a space and an ASCII word that starts no lead word ("a report"):
    the pattern cannot match there, and need not be asked."""
    for art, leads in table.article_leads.items():
        k = pos + len(art) + 1
        if text[k - 1 : k] == " " and text[pos : k - 1].lower() == art:
            seg = text[k : min(end, k + table.lead_length)]
            return seg[:1].isalpha() and seg.isascii() and not seg.lower().startswith(leads)
    return False


_ASCII_DIGITS = frozenset("0123456789")
_SCRIPTS = {"en": "en", "uk": "cyr", "ru": "cyr"}
_UNDECIDED = object()


def _plain_digits(table: _Table, text: str, pos: int, end: int, language: str | None) -> Any:
    """The number at ``pos`` when it is plain ASCII digits with no scale word after it: the token, or ``None``
    when its grouping is not a number's; ``_UNDECIDED`` when the pattern must read it (a scale word or an
    uncommon character near it, a dash or slash before it). Saves a pattern match on most figures."""
    if pos > 0:
        before = text[pos - 1]
        if not before.isascii() or before.isalnum() or before in "_-/":
            return _UNDECIDED
    digits = _ASCII_DIGITS
    j = pos + 1
    while j < end and text[j] in digits:
        j += 1
    while j < end:
        ch = text[j]
        if ch in ",.'’":
            if j + 1 < end:
                nxt = text[j + 1]
                if nxt in digits:
                    j += 2
                    while j < end and text[j] in digits:
                        j += 1
                    continue
                if not nxt.isascii():
                    return _UNDECIDED
            break
        if ch in _GROUP_SPACES:
            group = text[j + 1 : min(end, j + 5)]
            if not group.isascii():
                return _UNDECIDED
            if len(group) >= 3 and group[0] in digits and group[1] in digits and group[2] in digits and (len(group) == 3 or group[3] not in digits):
                j += 4
                continue
            break
        if not ch.isascii():
            return _UNDECIDED
        break
    k = j + 1 if j < end and text[j] in " \u00a0" else j
    if k < end:
        ch = text[k]
        if ch.isalpha():
            stop = k
            while stop < end and text[stop].isalpha() and (text[stop].isascii() or "\u0400" <= text[stop] <= "\u04ff"):
                stop += 1
            if stop < end and not text[stop].isascii():
                return _UNDECIDED  # a letter or mark of another script may continue the word
            if stop == k:
                return _UNDECIDED
            word = text[k:stop]
            if word.lower() in table.scale_words:  # "1.2 million", "15k"
                value = digits_value(text[pos:j], language, scaled=True)
                if value is None:
                    return None
                return NumberToken(pos, stop, value * (table.scale_of(word) or 1), "digits", True, None)
            if word.lower() in table.scale_first:
                return _UNDECIDED
        elif not ch.isascii() or ch in table.scale_first:
            return _UNDECIDED
    value = digits_value(text[pos:j], language)
    if value is None:
        return None
    return NumberToken(pos, j, value, "digits")


def scan(text: str, start: int, end: int, language: str | None) -> list[NumberToken]:
    """Every number token in ``text[start:end]``, left to right, not overlapping."""
    table = _table(_script(language))
    out = []
    pos = start
    while pos < end:
        m = table.pattern.search(text, pos, end, timeout=REGEX_TIMEOUT)
        if m is None:
            break
        token = _token(table, text, m, end, language)
        if token is None:
            pos = m.end() if m.end() > m.start() else m.start() + 1
            continue
        out.append(token)
        pos = max(token.end, m.start() + 1)
    return out


def _token(table: _Table, text: str, m: Any, end: int, language: str | None) -> NumberToken | None:
    if m.group("digits") is not None:
        scale_word = m.group("dscale") or m.group("cscale")
        value = digits_value(m.group("digits"), language, scaled=scale_word is not None)
        if value is None:
            return None
        if scale_word:
            value *= table.scale_of(scale_word) or 1
        return NumberToken(m.start(), m.end(), value, "digits", bool(scale_word), m.group("cur"))
    read = _words_value(table, text, m.start("words"), m.end("words"))
    if read is None:
        return None
    value, stop, words = read
    half = table.has_half and m.group("half") is not None
    article = table.has_art and m.group("art") is not None
    if words and words[0] in table.article_only:
        if not article:
            return None  # "the couple left": a noun, not a number
        of = _OF_AFTER.match(text, stop, end, timeout=REGEX_TIMEOUT)
        if of is not None:
            stop = of.end()  # "a couple of": the "of" belongs to the number
    if half:
        value = value / 2
    return NumberToken(m.start(), stop, value, "words", False, None, article, half, words)


_OF_AFTER = regex.compile(r"\s+of\b", regex.IGNORECASE)


def to_number(value: Decimal) -> int | float:
    """An ``int`` when the value is whole, else a ``float``."""
    return int(value) if value == value.to_integral_value() else float(value)


_SIGN = regex.compile(r"\A\s*(?P<sign>[-+−–])?\s*")
_TAIL = regex.compile(r"\s*(?:%|percent|per\s+cent|відсот\w*|процент\w*)?\s*\Z", regex.IGNORECASE)


def parse_number(text: str, language: str | None = None) -> int | float | None:
    """The number ``text`` writes, in digits or words (``"1,5 тис."`` → 1500, ``"twenty-one"`` → 21), or ``None``.

    ``language`` (``en``, ``uk``, ``ru``) decides ambiguous marks (``1.500``
    is 1500 in Ukrainian and Russian, 1.5 in English); without it the script
    of the text decides. A leading sign and a trailing ``%`` are allowed.
    Never raises on any string.
    """
    if not isinstance(text, str) or len(text) > 500:
        return None
    try:
        head = _SIGN.match(text, timeout=REGEX_TIMEOUT)
        assert head is not None
        tail = _TAIL.search(text, head.end(), timeout=REGEX_TIMEOUT)
        stop = tail.start() if tail is not None else len(text)
        if stop <= head.end():
            return None
        token = read_number(text, head.end(), stop, language)
        if token is None or token.end != stop:
            return None
        value = -token.value if head.group("sign") and head.group("sign") != "+" else token.value
        return to_number(value)
    except (regex.error, TimeoutError, InvalidOperation, ValueError, ArithmeticError):
        return None
