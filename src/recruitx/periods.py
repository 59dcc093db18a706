"""The period stage: calendar expressions resolved against the publication date.

The per-language tables in ``data/periods/`` (month names in all their
inflected forms, weekdays, seasons, quarters, relative words, parts of a
period, prepositions by role, tense cues) are merged into one lexicon. Anchor
words (a year, a month, a weekday, the "week" of "last week") are found with a
single set intersection over the text's whitespace tokens; at each anchor a
compiled pattern is matched from the farthest word that can open a period
("since", "by the end of", "з", "в конце", a day number). Each match becomes
an *atom*; neighbouring atoms joined by "between … and", "from … to",
"з … по", "с … по" or a dash become one interval; then every atom is resolved
to inclusive dates with our own calendar logic against the publication date,
by the tense of its clause where no year is written (ANNOTATION.md "periods").
Everything the patterns accept is already structured, so no dateparser call is
needed: the stage costs tens of microseconds per period.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
from collections.abc import Iterable
from typing import Any

import regex

from ._patterns import trie_pattern
from .document import REGEX_TIMEOUT, Document, load_data
from .plugins import hookimpl
from .records import Period

_LANGUAGES = ("en", "uk", "ru")
_Date = _dt.date
_Range = tuple[_dt.date | None, _dt.date | None, str]

_MIN_YEAR, _MAX_YEAR = 1900, 2099
_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
_OPENERS = {"from", "between"}
_CLOSERS = {"to", "until", "and"}
_EXCLUDED_PREPS = {"to", "and", "before", "after"}
_RELATIVE_UNITS = {
    "today": ("day", 0),
    "yesterday": ("day", -1),
    "tomorrow": ("day", 1),
    "last_week": ("week", -1),
    "this_week": ("week", 0),
    "next_week": ("week", 1),
    "last_month": ("month", -1),
    "this_month": ("month", 0),
    "later_this_month": ("month", 0),
    "next_month": ("month", 1),
    "last_year": ("year", -1),
    "this_year": ("year", 0),
    "later_this_year": ("year", 0),
    "next_year": ("year", 1),
}


_SPACE = "[ \u00a0]"  # one space inside a phrase: a repeat per phrase would make every match slower


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").replace("ʼ", "'").split())


def _alternation(forms: Iterable[str]) -> str:
    """Phrases as one pattern factored into a prefix trie (so the engine tries one character at a time, not
    every phrase at every position); a space matches any run of spaces, an apostrophe any apostrophe."""
    return trie_pattern({_norm(f) for f in forms if f.strip()}, atom=_atom_of)


def _atom_of(ch: str) -> str:
    return _SPACE if ch == " " else "['’ʼ]" if ch == "'" else regex.escape(ch)


class _Lexicon:
    """The three languages' tables merged: form -> value maps and the compiled patterns."""

    def __init__(self) -> None:
        tables = {lang: load_data(f"periods/{lang}.json") for lang in _LANGUAGES}
        self.month: dict[str, int] = {}
        self.weekday: dict[str, int] = {}
        self.season: dict[str, str] = {}
        self.ordinal: dict[str, int] = {}
        self.relative: dict[str, str] = {}
        self.year_offset: dict[str, int] = {}
        self.season_offset: dict[str, int] = {}
        self.part: dict[str, str] = {}
        self.prep: dict[str, str] = {}
        self.half_words: set[str] = set()
        self.standalone_seasons: set[str] = set()
        self.capitalised: set[str] = set()
        self.weekday_needs_prep: set[str] = set()
        self.recurring: set[str] = set()
        self.future: dict[str, list[tuple[str, ...]]] = {}
        self.past: set[str] = set()
        self.endings: list[tuple[str, int, str]] = []
        guards: list[str] = []
        self.guard_hints: tuple[str, ...] = ()
        quarter_words: list[str] = []
        year_suffixes: list[str] = []
        unit_words: dict[str, str] = {}
        day_suffixes: list[str] = []
        same: list[str] = []
        self.count: dict[str, int] = {str(n): n for n in range(1, 12)}
        count_months: list[str] = []
        first_words: list[str] = []
        for table in tables.values():
            for number, forms in table["months"].items():
                for form in forms:
                    self.month[_norm(form)] = int(number)
                    if table.get("case_sensitive"):
                        self.capitalised.add(_norm(form))
            for number, forms in table["weekdays"].items():
                for form in forms:
                    self.weekday[_norm(form)] = int(number)
                    if table.get("case_sensitive"):
                        self.capitalised.add(_norm(form))
                    if table.get("weekday_needs_preposition"):
                        self.weekday_needs_prep.add(_norm(form))
            for season, forms in table["seasons"].items():
                self.season.update((_norm(f), season) for f in forms)
            self.standalone_seasons.update(_norm(f) for f in table["seasons_standalone"])
            for number, forms in table["ordinals"].items():
                self.ordinal.update((_norm(f), int(number)) for f in forms)
            for key, forms in table["relative"].items():
                self.relative.update((_norm(f), key) for f in forms)
            for offset, forms in table["year_offsets"].items():
                self.year_offset.update((_norm(f), int(offset)) for f in forms)
            for offset, forms in table["season_offsets"].items():
                self.season_offset.update((_norm(f), int(offset)) for f in forms)
            for part, forms in table["parts"].items():
                self.part.update((_norm(f), part) for f in forms)
            for role, forms in table["prepositions"].items():
                self.prep.update((_norm(f), role) for f in forms)
            self.half_words.update(_norm(f) for f in table["half_words"])
            self.recurring.update(_norm(f) for f in table["recurring"])
            quarter_words += table["quarter_words"] + table["half_words"]
            year_suffixes += table["year_suffixes"]
            unit_words.update((_norm(f), "year") for f in table["year_words"])
            unit_words.update((_norm(f), "month") for f in table["month_words"])
            day_suffixes += table["day_suffixes"]
            same += table["same_period"]
            months_of = table["months_of_year"]
            count_months += months_of["month_words"]
            first_words += months_of["first"]
            for number, forms in months_of["numbers"].items():
                self.count.update((_norm(f), int(number)) for f in forms)
            tense = table["tense"]
            for phrase in tense["future"]:
                words = tuple(_norm(phrase).split())
                self.future.setdefault(words[0], []).append(words[1:])
            self.past.update(_norm(w) for w in tense["past"])
            self.endings += [(e, tense["min_length"], "past") for e in tense["past_endings"]]
            self.endings += [(e, tense["min_length"], "future") for e in tense["future_endings"]]
            guards += table["guards"]
            self.guard_hints += tuple(table["guard_hints"])
        self.unit_words = unit_words
        by_month: dict[int, list[str]] = {}
        for form, number in list(self.month.items()):
            by_month.setdefault(number, []).append(form.rstrip("."))
        # Atoms look months up without their abbreviation dot ("авг." is read as "авг").
        self.month_key = {form.rstrip("."): number for form, number in self.month.items()}
        self.month_abbreviations = frozenset(
            form for forms in by_month.values() for form in forms if len(form) <= 4 and any(o != form and o.startswith(form) for o in forms)
        )

        month = _alternation(self.month)
        weekday = _alternation(self.weekday)
        season = _alternation(self.season)
        year = r"(?:19|20)\d\d(?![\d])"
        ysuf = r"(?:\s*(?P<ys>" + _alternation(year_suffixes) + r")(?![\p{L}]))?"
        dsuf = r"(?:" + _alternation(day_suffixes) + r")?"
        day = r"(?:0?[1-9]|[12]\d|3[01])(?![\d])"
        year_offset = _alternation(self.year_offset)
        year_or_offset = rf"(?:,?\s+(?:of\s+)?(?P<y>{year}){ysuf}|,?\s+(?P<yo>{year_offset}))?"
        dash = r"\s*[–—-]\s*"
        branches = {
            "iso": rf"(?P<y>{year})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d])",
            "dotted": rf"(?P<d>{day})\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>{year}){ysuf}",
            "day_month": rf"(?:(?P<d0>{day}){dsuf}(?:{dash}|\s+(?:and|to|по|до|і|та|и)\s+))?(?P<d>{day}){dsuf}(?:\s+of)?\s+"
            + rf"(?P<mon>{month})\.?{year_or_offset}",
            "month": rf"(?P<mon>{month})\.?(?:\s+(?P<d>{day}){dsuf}(?:{dash}(?P<d3>{day}))?(?![\d:])"
            + rf"(?:,?\s+(?P<y>{year})|\s+(?P<yo>{year_offset}))?|{year_or_offset})",
            "season": rf"(?P<sea>{season}){year_or_offset}",
            "quarter": rf"(?:(?P<qo>{_alternation(self.ordinal)})|(?P<qr>IV|III|II|I|ІІІ|ІІ|І|[1-4]))\s*"
            + rf"(?P<qw>{_alternation(quarter_words)}){year_or_offset}",
            "q": rf"Q(?P<qn>[1-4])(?:\s+(?P<y>{year}))?|H(?P<hn>[12])\s+(?P<y>{year})",
            "years": rf"(?P<ya>{year}){dash}(?P<y>{year}){ysuf}",
            "year": rf"(?P<y>{year}){ysuf}",
            "months_of": rf"(?:{_alternation(first_words)}\s+)?(?P<nm>{_alternation(self.count)})\s+{_alternation(count_months)}"
            + rf"\s+(?:of\s+)?(?P<y>{year}){ysuf}",
            "same": rf"(?P<same>{_alternation(same)})\s+(?:(?:of|in)\s+)?(?:(?P<y>{year}){ysuf}|(?P<yo>{year_offset}))",
            "rel": rf"(?P<rel>{_alternation(self.relative)})",
            "weekday": rf"(?P<wd>{weekday})",
            "unit": rf"(?P<unit>{_alternation(unit_words)})",
        }
        # Each kind of anchor word gets a pattern with only the forms it can be part of: the engine tries
        # every alternative at a position, so a smaller pattern is a faster match.
        cores = {
            "year": ("iso", "dotted", "years", "months_of", "year"),
            "month": ("day_month", "month"),
            "weekday": ("iso", "dotted", "day_month", "month", "weekday"),
            "season": ("season",),
            "quarter": ("quarter", "q"),
            "same": ("same",),
            "rel": ("rel", "unit"),
        }
        prefix = (
            r"(?<![\p{L}\p{N}'’.,:/])"
            rf"(?:(?P<prep>{_alternation(self.prep)})\s+)?"
            r"(?:the\s+)?"
            rf"(?:(?P<part>{_alternation(self.part)})(?:\s*-\s*|\s+)(?:the\s+)?)?"
        )
        offset = rf"(?:(?P<soff>{_alternation(self.season_offset)})\s+)??"
        weekday_first = rf"(?:(?P<wdp>{weekday}),?\s+(?:the\s+)?)?"
        suffix = r"(?:,?\s+(?:at\s+|о\s+|в\s+)?(?:[01]?\d|2[0-3]):[0-5]\d(?!\d))?(?<![\s,])(?![\p{L}\p{N}])"
        self.sources: dict[str, str] = {}
        for kind, names in cores.items():
            source = prefix
            if kind in ("month", "season", "weekday"):
                source += offset
            if kind == "weekday":
                source += weekday_first
            self.sources[kind] = source + "(?:" + "|".join(branches[n] for n in names) + ")" + suffix
        self.patterns: dict[str, Any] = {}
        self.endings_tuple = tuple(e for e, _, _ in self.endings)
        self._triggers_and_prefixes(quarter_words, same, day_suffixes, [*count_months, *first_words, *self.count])
        self.guard = regex.compile(r"(?<![\p{L}])(?:" + "|".join(guards) + r")(?![\p{L}])", regex.IGNORECASE)


    def pattern(self, kind: str) -> Any:
        """The compiled pattern for anchors of ``kind``, compiled on first use (compiling costs more than matching)."""
        compiled = self.patterns.get(kind)
        if compiled is None:
            compiled = self.patterns[kind] = regex.compile(self.sources[kind], regex.IGNORECASE | regex.V0)
        return compiled

    def _triggers_and_prefixes(
        self, quarter_words: list[str], same: list[str], day_suffixes: list[str], count_words: list[str]
    ) -> None:
        """The words that anchor a period (a month, a weekday, 'week' of 'last week' …) and the words that may
        precede them inside one (prepositions, parts, 'the', day numbers): finding anchors with one set
        intersection over the text's whitespace tokens is what keeps the stage fast."""
        kinds: dict[str, str] = {}
        for kind, words in (("month", self.month), ("weekday", self.weekday), ("season", self.season)):
            kinds.update((w.rstrip("."), kind) for w in words)
        cores: set[str] = set(kinds)
        prefixes: set[str] = {"the", "of", "and", "to", "a", "mid"}
        dependent: set[str] = set()
        phrase_tables = (
            ("rel", self.relative), ("rel", self.year_offset), ("rel", self.unit_words), ("quarter", quarter_words),
            ("same", same), (None, self.prep), (None, self.part),
        )
        for kind, phrases in phrase_tables:
            for phrase in phrases:
                words = _norm(phrase).split()
                prefixes.update(words)
                if kind is not None:
                    last = words[-1].rstrip(".")
                    kinds.setdefault(last, kind)
                    cores.add(last)
                    if len(words) > 1:
                        dependent.add(last)
        kinds.update((f"{letter}{i}", "quarter") for letter, n in (("q", 4), ("h", 2)) for i in range(1, n + 1))
        cores.update(f"{letter}{i}" for letter, n in (("q", 4), ("h", 2)) for i in range(1, n + 1))
        years = {str(y) for y in range(_MIN_YEAR, _MAX_YEAR + 1)}
        kinds.update((y, "year") for y in years)
        cores |= years
        cores -= {"the", "of", "in", "same", "this", "last", "next", "за", "в", "у", "на"}
        dependent -= {*self.month, *self.weekday, *self.season, *(w for w in self.relative if " " not in w)}
        self.triggers: dict[str, tuple[str, str]] = {}
        lead, trail = "(«\"“‘[", (*",.;:)»\"”’!?]", "'s", "’s")
        for core in cores:
            for form in {core, core[:1].upper() + core[1:], core.upper()}:
                for variant in (form, *(form + t for t in trail), *(c + form for c in lead)):
                    self.triggers[variant] = (form, kinds[core])
        for phrases in (self.season_offset, self.weekday, self.ordinal, self.month):
            for phrase in phrases:
                prefixes.update(phrase.split())
        prefixes.update(_norm(s) for s in day_suffixes)
        prefixes.update(w for phrase in count_words for w in _norm(phrase).split())
        self.prefix_words = frozenset(prefixes | {p + "," for p in self.weekday})
        self.trigger_set = frozenset(self.triggers)
        self.dependent = frozenset(f for core in dependent for f in (core, core[:1].upper() + core[1:], core.upper()))


@functools.cache
def _lexicon() -> _Lexicon:
    return _Lexicon()


# -- atoms: what one match says ---------------------------------------------------------


class _Atom:
    """One matched calendar expression before resolution."""

    def __init__(self) -> None:
        self.start = self.end = self.core = 0
        self.y: int | None = None
        self.yo: int | None = None
        self.m = self.d = self.d0 = self.d3 = self.quarter = self.wd = self.soff = None
        self.parts_of_year = 4
        self.kind = self.role = self.season = self.rel = self.unit = self.part = None
        self.context = False
        self.tense: str | None = None

    def at(self, start: int, end: int, core: int) -> _Atom:
        """A copy of this template placed at ``start``..``end`` (atoms are changed while intervals are joined)."""
        copy = _Atom.__new__(_Atom)
        copy.__dict__.update(self.__dict__)
        copy.start, copy.end, copy.core = start, end, core
        return copy


_ATOM_CACHE: dict[str, tuple[_Atom, int, int] | None] = {}


def _atom(m: Any, kind: str, lex: _Lexicon) -> _Atom | None:
    """The atom a match describes (cached by the matched text), or ``None`` when it is not a period after all."""
    key = kind + m.group()
    cached = _ATOM_CACHE.get(key)
    if cached is None and key not in _ATOM_CACHE:
        template = _parse_atom(m, lex)
        cached = None if template is None else (template, template.start - m.start(), template.core - m.start())
        if len(_ATOM_CACHE) > 4096:
            _ATOM_CACHE.clear()
        _ATOM_CACHE[key] = cached
    if cached is None:
        return None
    start = m.start()
    return cached[0].at(start + cached[1], m.end(), start + cached[2])


def _parse_atom(m: Any, lex: _Lexicon) -> _Atom | None:
    """The atom a pattern match describes, or ``None`` when the match is not a period after all."""
    g = m.groupdict()
    a = _Atom()
    a.start, a.end = m.span()
    prep = g.get("prep")
    a.core = a.start
    if prep:
        a.core = m.end("prep")
        while m.string[a.core].isspace():
            a.core += 1
    a.role = lex.prep[_norm(prep)] if prep else None
    if not prep and not g.get("part") and m.string[a.start : a.start + 3].lower() == "the":
        a.start += 3  # a bare article is not part of the period: "the August 2024 report"
        while m.string[a.start].isspace():
            a.start += 1
        a.core = a.start
    part = g.get("part")
    a.part = lex.part[_norm(part)] if part else None
    a.context = bool(prep and a.role not in ("to", "and")) or bool(part)
    y, yo = g.get("y"), g.get("yo")
    a.y = int(y) if y else None
    a.yo = lex.year_offset[_norm(yo)] if yo else None
    if g.get("soff"):
        a.soff = lex.season_offset[_norm(g.get("soff"))]
    for name in ("mon", "wd", "wdp"):
        word = g.get(name)
        if word and _norm(word).rstrip(".") in lex.capitalised and not word[0].isupper():
            return None
    if g.get("mon") is not None or g.get("m") is not None:
        a.m = lex.month_key[_norm(g.get("mon")).rstrip(".")] if g.get("mon") else int(g.get("m"))
        if g.get("d") is not None:
            a.kind = "date"
            a.d = int(g.get("d"))
            a.d0 = int(g.get("d0")) if g.get("d0") else None
            a.d3 = int(g.get("d3")) if g.get("d3") else None
            if a.d0 is not None and a.role in _OPENERS:
                a.role = None
            a.context = True
        else:
            a.kind = "month"
            a.context = a.context or a.y is not None or a.yo is not None or a.soff is not None
    elif g.get("sea") is not None:
        a.kind = "season"
        word = _norm(g.get("sea"))
        a.season = lex.season[word]
        a.context = a.context or a.y is not None or a.yo is not None or a.soff is not None or word in lex.standalone_seasons
        if word == "fall" and a.y is None and a.soff is None and a.yo is None:
            return None
    elif g.get("qw") is not None or g.get("qn") is not None or g.get("hn") is not None:
        a.kind = "quarter"
        if g.get("hn"):  # "H1 2024": a half year, written only with its year
            a.quarter = int(g.get("hn"))
            a.parts_of_year = 2
        elif g.get("qn"):
            a.quarter = int(g.get("qn"))
        elif g.get("qo"):
            a.quarter = lex.ordinal[_norm(g.get("qo"))]
        else:
            a.quarter = _roman(g.get("qr"))
        if _norm(g.get("qw") or "") in lex.half_words:
            a.parts_of_year = 2
        if a.quarter is None or a.quarter > a.parts_of_year:
            return None
        a.context = True
    elif g.get("nm") is not None:
        a.kind = "months_of"
        a.m = lex.count[_norm(g.get("nm"))]
        a.context = True
    elif g.get("ya") is not None:
        a.kind = "years"
        a.d0 = int(g.get("ya"))
        a.context = a.context or g.get("ys") is not None
        if a.y < a.d0:
            return None
    elif g.get("same") is not None:
        a.kind = "same"
        a.context = True
    elif g.get("y") is not None:
        a.kind = "year"
        a.context = a.context or g.get("ys") is not None
    elif g.get("rel") is not None:
        a.kind = "rel"
        a.rel = lex.relative[_norm(g.get("rel"))]
        a.context = True
    elif g.get("wd") is not None:
        a.kind = "weekday"
        word = _norm(g.get("wd"))
        a.wd = lex.weekday[word]
        a.context = a.context or word not in lex.weekday_needs_prep
    else:
        a.kind = "unit"
        a.unit = lex.unit_words[_norm(g.get("unit"))]
        a.context = bool(part)
    if a.soff is not None and a.kind not in ("month", "season", "weekday"):
        return None
    return a


def _roman(text: str) -> int | None:
    text = text.upper().replace("І", "I")
    return {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}.get(text)


# -- calendar arithmetic ---------------------------------------------------------------------


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _month_range(y: int, m: int) -> tuple[_Date, _Date]:
    return _Date(y, m, 1), _Date(y, m, _last_day(y, m))


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + m - 1 + k
    return n // 12, n % 12 + 1


def _occurrence(a: _Atom, y: int) -> tuple[_Date, _Date] | None:
    """The atom's interval in year ``y`` (for the forms written without a year)."""
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        return None
    try:
        if a.kind == "date":
            first = _Date(y, a.m, a.d0 if a.d0 is not None else a.d)
            last = _Date(y, a.m, a.d3 if a.d3 is not None else a.d)
            return (first, last) if first <= last else None
        if a.kind == "month":
            return _month_range(y, a.m)
        if a.kind == "season":
            first_month = _SEASON_MONTHS[a.season]
            end_y, end_m = _add_months(y, first_month, 2)
            return _Date(y, first_month, 1), _Date(end_y, end_m, _last_day(end_y, end_m))
        if a.kind == "quarter":
            size = 12 // a.parts_of_year
            first_month = (a.quarter - 1) * size + 1
            return _Date(y, first_month, 1), _Date(y, first_month + size - 1, _last_day(y, first_month + size - 1))
    except ValueError:
        return None
    return None


def _pick(a: _Atom, published: _Date, tense: str | None) -> tuple[_Date, _Date] | None:
    """The occurrence of a year-less atom chosen by tense: past, future or nearest to ``published``."""
    years = (-4, -3, -2, -1, 0, 1, 2, 3, 4) if (a.m, a.d) == (2, 29) else (-2, -1, 0, 1)
    options = [r for r in (_occurrence(a, published.year + k) for k in years) if r is not None]
    if not options:
        return None
    if a.soff is not None:
        if a.soff < 0:
            done = [r for r in options if r[1] < published]
            return done[-1] if done else None
        if a.soff > 0:
            ahead = [r for r in options if r[0] > published]
            return ahead[0] if ahead else None
        same = [r for r in options if r[0].year == published.year]
        if not same:
            return None
        return (same[0][0], min(same[0][1], published)) if same[0][0] <= published else same[0]
    if tense == "past":
        before = [r for r in options if r[0] <= published]
        return before[-1] if before else None
    if tense == "future":
        ahead = [r for r in options if r[1] >= published]
        return ahead[0] if ahead else None

    def distance(r: tuple[_Date, _Date]) -> int:
        if r[0] <= published <= r[1]:
            return 0
        return min(abs((r[0] - published).days), abs((r[1] - published).days))

    return min(options, key=lambda r: (distance(r), r[0] > published))


def _relative(a: _Atom, published: _Date) -> tuple[_Date, _Date, str] | None:
    """today, yesterday, last week … as dates; 'this week/month/year' run to ``published``."""
    unit, offset = _RELATIVE_UNITS[a.rel]
    whole = a.part is not None
    if unit == "day":
        day = published + _dt.timedelta(days=offset)
        return day, day, "day"
    if unit == "week":
        monday = published - _dt.timedelta(days=published.weekday()) + _dt.timedelta(weeks=offset)
        end = monday + _dt.timedelta(days=6)
        return monday, (published if offset == 0 and not whole else end), "week"
    if unit == "month":
        y, m = _add_months(published.year, published.month, offset)
        first, last = _month_range(y, m)
    else:
        y = published.year + offset
        first, last = _Date(y, 1, 1), _Date(y, 12, 31)
    if offset == 0 and not whole:
        if a.rel.startswith("later_"):
            return published, last, unit
        return first, published, unit
    return first, last, unit


def _apply_part(part: str, first: _Date, last: _Date) -> tuple[_Date, _Date]:
    """early/mid/late thirds, the beginning/end day, or a half, of ``[first, last]``."""
    if part == "begin":
        return first, first
    if part == "end":
        return last, last
    whole_year = first.month == 1 and first.day == 1 and last.month == 12 and last.day == 31 and first.year == last.year
    whole_month = first.day == 1 and first.year == last.year and first.month == last.month
    if whole_year:
        y = first.year
        bounds = {
            "early": ((1, 1), (4, 30)), "mid": ((5, 1), (8, 31)), "late": ((9, 1), (12, 31)),
            "first_half": ((1, 1), (6, 30)), "second_half": ((7, 1), (12, 31)),
        }[part]
        return _Date(y, *bounds[0]), _Date(y, *bounds[1])
    if whole_month:
        days = {"early": (1, 10), "mid": (11, 20), "late": (21, last.day), "first_half": (1, 15), "second_half": (16, last.day)}
        lo, hi = days[part]
        return first.replace(day=lo), first.replace(day=hi)
    span = (last - first).days + 1
    cuts = {"early": (0, span // 3), "mid": (span // 3, 2 * span // 3), "late": (2 * span // 3, span),
            "first_half": (0, span // 2), "second_half": (span // 2, span)}[part]
    return first + _dt.timedelta(days=cuts[0]), first + _dt.timedelta(days=max(cuts[0], cuts[1] - 1))


_GRANULARITY = {"date": "day", "month": "month", "season": "season", "quarter": "quarter", "year": "year", "years": "interval"}


def _base(a: _Atom, published: _Date | None, tense: str | None, previous: Period | None) -> _Range | None:
    """The atom's own interval and granularity, before its preposition's role; unresolved needs ``published``."""
    if a.kind == "year":
        if not _MIN_YEAR <= a.y <= _MAX_YEAR:
            return None
        return _Date(a.y, 1, 1), _Date(a.y, 12, 31), "year"
    if a.kind == "years":
        return _Date(a.d0, 1, 1), _Date(a.y, 12, 31), "interval"
    if a.kind == "months_of":
        return _Date(a.y, 1, 1), _Date(a.y, a.m, _last_day(a.y, a.m)), "interval"
    if a.kind == "same":
        return _same_period(a, published, previous)
    if a.kind in ("date", "month", "season", "quarter"):
        gran = _GRANULARITY[a.kind]
        if a.kind == "date" and (a.d0 is not None or a.d3 is not None) or a.kind == "quarter" and a.parts_of_year == 2:
            gran = "interval"  # a span of days, or a half year: neither is one calendar unit
        if a.y is not None:
            found = _occurrence(a, a.y)
            return None if found is None else (*found, gran)
        if published is None:
            return None, None, "unresolved"
        if a.yo is not None:
            found = _occurrence(a, published.year + a.yo)
        else:
            found = _pick(a, published, tense)
        return None if found is None else (*found, gran)
    if published is None:
        return None, None, "unresolved"
    if a.kind == "rel":
        return _relative(a, published)
    if a.kind == "weekday":
        back = (published.weekday() - a.wd) % 7
        if a.soff is not None and a.soff > 0:
            day = published + _dt.timedelta(days=(a.wd - published.weekday()) % 7 or 7)
        else:
            day = published - _dt.timedelta(days=back)
        return day, day, "day"
    if a.kind == "unit":
        if a.unit == "year":
            return _Date(published.year, 1, 1), _Date(published.year, 12, 31), "year"
        return (*_month_range(published.year, published.month), "month")
    return None


def _same_period(a: _Atom, published: _Date | None, previous: Period | None) -> _Range:
    """'the same period of 2024': the previous period of the text moved to the year written."""
    if a.y is not None:
        year = a.y
    elif published is not None:
        year = published.year + (a.yo or 0)
    else:
        return None, None, "unresolved"
    if previous is None or previous.start is None or previous.end is None:
        return None, None, "unresolved"
    shift = year - previous.start.year
    try:
        return _shift_year(previous.start, shift), _shift_year(previous.end, shift), previous.granularity
    except ValueError:
        return None, None, "unresolved"


def _shift_year(day: _Date, shift: int) -> _Date:
    y = day.year + shift
    return day.replace(year=y, day=min(day.day, _last_day(y, day.month)))


def _resolve(a: _Atom, published: _Date | None, previous: Period | None) -> _Range | None:
    """Dates of one atom: its own interval, its part, then its preposition's role (since, until)."""
    tense = "past" if a.role == "since" else a.tense
    base = _base(a, published, tense, previous)
    if base is None:
        return None
    first, last, gran = base
    if first is None or last is None:
        return base
    if a.part is not None:
        first, last = _apply_part(a.part, first, last)
        gran = "day" if first == last else "interval"
    role = a.role
    if role == "before" and a.part == "end":
        role = "until"
    if role in ("since", "from"):
        end = published if published is not None and first <= published else None
        return first, (end if end is None or end >= first else None), "open"
    if role == "until":
        return None, last, "open"
    return first, last, gran


# -- sentences --------------------------------------------------------------------------------

_SEPARATORS = " \t\u00a0-–—"
_OPENING = "(«\"“‘["
_DATELINE_BEFORE = regex.compile(r"[\p{Lu}\p{P}\s]*", regex.V1)
_DATELINE_AFTER = regex.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:[—–|,]|-\s|$)")
_PLURAL_AFTER = regex.compile(
    r"\s+(?!(?:was|has|as|is|this|its|his|across|thus|plus|versus|unless|whereas|по|до|і|и|та|або|или)(?![\p{L}]))"
    r"(?:\p{Ll}+s(?![\p{L}])|[\p{Ll}&&\p{Cyrillic}])",
    regex.V1,
)
_DASHES = ("-", "–", "—")
_PUNCTUATION = ",.;:!?\"'«»“”‘’()[]—–-"


def _anchors(text: str, lo: int, hi: int, lex: _Lexicon) -> list[tuple[int, bool, str]]:
    """Offsets of the words that anchor a period (a year, a month, a weekday, 'week' …) in ``text[lo:hi]``, with
    whether the word needs words before it ('week' of 'last week') and the kind of pattern to match there."""
    segment = text if lo == 0 and hi == len(text) else text[lo:hi]
    words = segment.replace("-", " ").replace("–", " ").replace(".", " ").split()
    found: dict[int, tuple[bool, str]] = {}
    for core, kind in {lex.triggers[variant] for variant in lex.trigger_set.intersection(words)}:
        n = len(core)
        dependent = core in lex.dependent
        i = segment.find(core)
        while i >= 0:
            if (i == 0 or not segment[i - 1].isalnum()) and (i + n == len(segment) or not segment[i + n].isalnum()):
                found[lo + i] = (dependent, kind)
            i = segment.find(core, i + n)
    return sorted((pos, dependent, kind) for pos, (dependent, kind) in found.items())


def _starts(text: str, lo: int, anchor: int, lex: _Lexicon) -> list[int]:
    """Where a period holding ``anchor`` may begin: the anchor, or a word before it that can open one
    (a preposition, a part word, a day number …), farthest first."""
    starts = [anchor]
    pos = anchor
    if pos > lo and text[pos - 1] != " " and text[pos - 1] not in _OPENING:
        pos = max(text.rfind(" ", lo, pos), lo - 1) + 1
        pos += text[pos] in _OPENING
        starts.append(pos)
    for _ in range(8):
        if pos - 1 <= lo or text[pos - 1] != " ":
            break
        k = max(text.rfind(" ", lo, pos - 1), lo - 1) + 1
        opened = text[k] in _OPENING
        token = text[k + opened : pos - 1].lower()
        if not token or not (token in lex.prefix_words or token[0].isdigit()):
            break
        pos = k + opened
        starts.append(pos)
        if opened:
            break
    starts.reverse()
    return starts


def _tense(text: str, lo: int, hi: int, a: _Atom, lex: _Lexicon) -> str | None:
    """The tense of the clause around ``a``: that of the nearest cue word; none for a dateline."""
    if (
        a.role is None
        and _DATELINE_BEFORE.fullmatch(text, lo, a.start, timeout=REGEX_TIMEOUT)
        and _DATELINE_AFTER.match(text, a.end, hi, timeout=REGEX_TIMEOUT)
    ):
        return None
    before = [w.strip(_PUNCTUATION) for w in text[max(lo, a.start - 150) : a.start].lower().split()]
    after = [w.strip(_PUNCTUATION) for w in text[a.end : min(hi, a.end + 150)].lower().split()]
    if a.start - 150 > lo and before:
        before.pop(0)
    for distance in range(max(len(before), len(after))):
        for words, k in ((before, len(before) - 1 - distance), (after, distance)):
            if 0 <= k < len(words):
                found = _cue(words, k, lex)
                if found is not None:
                    return found
    return None


def _cue(words: list[str], k: int, lex: _Lexicon) -> str | None:
    word = words[k]
    for rest in lex.future.get(word, ()):
        if tuple(words[k + 1 : k + 1 + len(rest)]) == rest:
            return "future"
    if word in lex.past:
        return "past"
    if word.endswith(lex.endings_tuple):
        for ending, min_length, kind in lex.endings:
            if word.endswith(ending) and len(word) >= min_length and word.replace("'", "").replace("’", "").isalpha():
                return kind
    return None


def _guarded(text: str, lo: int, hi: int, a: _Atom, lex: _Lexicon) -> bool:
    """True when a guard phrase (a duration, a vague horizon) starting at ``a`` or one or two words before it covers it."""
    window = text[max(lo, a.start - 20) : min(hi, a.end + 10)].lower()
    if not any(hint in window for hint in lex.guard_hints):
        return False
    pos = a.start
    for _ in range(2):
        guard = lex.guard.match(text, pos, min(hi, a.end + 15), timeout=REGEX_TIMEOUT)
        if guard is not None and a.end <= guard.end():
            return True
        if pos - 1 <= lo:
            break
        pos = max(text.rfind(" ", lo, pos - 1), lo - 1) + 1
    return False


def _atoms(text: str, lo: int, hi: int, anchors: list[tuple[int, bool, str]], lex: _Lexicon) -> list[_Atom]:
    """The atoms of one sentence: at each anchor, the longest period that covers it, from its farthest start."""
    atoms: list[_Atom] = []
    last = lo
    for anchor, dependent, kind in anchors:
        if anchor < last:
            continue
        match = None
        starts = _starts(text, last, anchor, lex)
        if dependent and len(starts) == 1:
            continue
        pattern = lex.pattern(kind)
        for start in starts:
            match = pattern.match(text, start, hi, timeout=REGEX_TIMEOUT)
            if match is not None and match.end() > anchor:
                break
            match = None
        if match is None:
            continue
        a = _atom(match, kind, lex)
        if a is None or a.kind == "unit" and a.part is None:
            continue  # a bare "року", "месяца" leaves its words to a later anchor ("за три месяца 2025 года")
        last = match.end()
        if a.kind in ("rel", "unit") and " " in text[a.core : a.end] and _guarded(text, lo, hi, a, lex):
            continue
        previous = text[max(lo, a.start - 20) : a.start].split()
        if previous and previous[-1].lower() in lex.recurring:
            continue
        if a.kind == "year" and not match.group("ys") and _PLURAL_AFTER.match(text, a.end, hi, timeout=REGEX_TIMEOUT):
            continue
        atoms.append(a)
    return atoms


def _merge(text: str, atoms: list[_Atom]) -> list[tuple[_Atom, _Atom | None]]:
    """Pairs (first, second) for intervals written as two ends; (atom, None) for single atoms."""
    out: list[tuple[_Atom, _Atom | None]] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            joined = (
                a.role in _OPENERS
                and b.role in _CLOSERS
                and (b.role != "and" or a.role == "between")
                and not text[a.end : b.start].strip()
            ) or (b.role is None and a.kind != "weekday" and text[a.end : b.start].strip() in _DASHES)
            if joined and a.kind not in ("rel", "same", "unit") and b.kind not in ("same", "unit"):
                out.append((a, b))
                i += 2
                continue
        if atoms and i > 0 and a.role in ("and", "to") and not text[atoms[i - 1].end : a.start].strip():
            a.context = True  # "in 2022 and 2023": the second year is read like the first
            _fill_years(atoms[i - 1], a)
        out.append((a, None))
        i += 1
    return out


def _full_month_before(text: str, start: int, dot: int, lex: _Lexicon) -> bool:
    """True when the word before ``dot`` is a month written in full: the dot ends the sentence, not an abbreviation."""
    k = dot
    while k > start and text[k - 1].isalpha():
        k -= 1
    word = text[k:dot].lower()
    return word in lex.month and word not in lex.month_abbreviations


def _fill_years(a: _Atom, b: _Atom) -> None:
    """Give the year of one end of an interval to the other end written without one."""
    yearless = ("date", "month", "season", "quarter")
    ordered = a.kind in ("date", "month") and b.kind in ("date", "month")
    if a.kind in yearless and a.y is None and a.yo is None and (b.y is not None or b.yo is not None):
        a.y, a.yo = b.y, b.yo
        if ordered and (a.m, a.d or 0) > (b.m, b.d or 99):
            a.y = None if a.y is None else a.y - 1
            a.yo = None if a.yo is None else a.yo - 1
    elif b.kind in yearless and b.y is None and b.yo is None and (a.y is not None or a.yo is not None):
        b.y, b.yo = a.y, a.yo
        if ordered and (a.m, a.d or 0) > (b.m, b.d or 99):
            b.y = None if b.y is None else b.y + 1
            b.yo = None if b.yo is None else b.yo + 1


def _periods(
    text: str,
    lo: int,
    hi: int,
    anchors: list[tuple[int, bool, str]],
    published: _Date | None,
    previous: Period | None,
    tense: str | None = None,
    notes: list[tuple[str, tuple[int, int]]] | None = None,
) -> list[Period]:
    """The periods of the sentence ``text[lo:hi]``, given its anchors; ``previous`` is the last period before it."""
    lex = _lexicon()
    atoms = _atoms(text, lo, hi, anchors, lex)
    out = []
    for a, b in _merge(text, atoms):
        for atom in (a, b):
            if atom is not None and atom.kind in ("date", "month", "season", "quarter") and atom.y is None and atom.yo is None:
                atom.tense = tense if tense is not None else _tense(text, lo, hi, atom, lex)
        if b is None:
            if not a.context:
                continue
            found = _resolve(a, published, previous)
            start = a.core if a.role in _EXCLUDED_PREPS and not (a.role == "before" and a.part == "end") else a.start
            end = a.end
        else:
            _fill_years(a, b)
            if b.tense is not None and a.y is None and a.yo is None:
                a.tense = b.tense
            roles = a.role, b.role
            a.role = b.role = None
            first, second = _resolve(a, published, previous), _resolve(b, published, previous)
            a.role, b.role = roles
            if first is None or second is None:
                continue
            if first[0] is None or second[1] is None:
                found = (None, None, "unresolved")
            elif first[0] > second[1]:
                continue
            else:
                found = (first[0], second[1], "interval")
            start, end = a.start, b.end
        if found is None:
            continue
        while end > start and text[end - 1] in " ,":
            end -= 1
        if end > start and text[end - 1] == "." and _full_month_before(text, start, end - 1, lex):
            end -= 1
        period = Period(text[start:end], (start, end), found[0], found[1], found[2])
        if found[2] == "unresolved" and notes is not None:
            notes.append((f"period {period.text!r} left unresolved: no publication date or earlier period to refer to", period.span))
        out.append(period)
        if period.start is not None and period.end is not None:
            previous = period
    return out


def find_periods_in(
    text: str,
    published: _Date | None = None,
    start: int = 0,
    end: int | None = None,
    *,
    tense: str | None = None,
    previous: Period | None = None,
) -> list[Period]:
    """Every calendar expression in ``text[start:end]`` read as one sentence, resolved against ``published``.

    ``tense`` (``"past"``, ``"future"`` or ``None``) overrides the tense read
    from the sentence; ``previous`` is the period "the same period" refers to.
    """
    end = len(text) if end is None else end
    anchors = _anchors(text, start, end, _lexicon())
    return _periods(text, start, end, anchors, published, previous, tense) if anchors else []


def resolve_period(text: str, published: _Date | None = None, *, tense: str | None = None) -> Period | None:
    """The longest calendar expression in ``text``, resolved against ``published``; ``None`` when there is none."""
    found = find_periods_in(text, published, tense=tense)
    return max(found, key=lambda p: p.span[1] - p.span[0], default=None)


def find_periods(document: Document) -> list[Period]:
    """Every calendar expression in the document's sentences, in order; 'the same period' refers back."""
    by_sentence: dict[int, list[tuple[int, bool, str]]] = {}
    for anchor in _anchors(document.text, 0, len(document.text), _lexicon()):
        index = document.sentence_index(anchor[0])
        if index is not None:
            by_sentence.setdefault(index, []).append(anchor)
    out: list[Period] = []
    previous: Period | None = None
    notes: list[tuple[str, tuple[int, int]]] = []
    for index, anchors in by_sentence.items():
        sentence = document.sentences[index]
        found = _periods(document.text, sentence.start, sentence.end, anchors, document.published, previous, None, notes)
        for period in found:
            if period.start is not None and period.end is not None:
                previous = period
        out.extend(found)
    for message, span in notes:
        document.diagnose("info", message, span)
    return _with_numeric_dates(document, out)


_NUMERIC_DATE = regex.compile(r"(?<![\p{N}/.])(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{4}/\d{1,2}/\d{1,2})(?![\p{N}/])")


def _with_numeric_dates(document: Document, found: list[Period]) -> list[Period]:
    """Add slash-written dates ("26/09/2022", "9/26/2022", "2022/09/26"), which our patterns leave to dateparser.

    They are rare in news text, so dateparser stays off the hot path: a cheap
    test for a slash with digits on both sides comes first, and each phrase is
    normalised once per process (see :func:`_dateparser_day`).
    """
    text = document.text
    if "/" not in text:
        return found
    taken = [p.span for p in found]
    out = list(found)
    for m in _NUMERIC_DATE.finditer(text, timeout=REGEX_TIMEOUT):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        sentence = document.sentence_at(m.start())
        if sentence is None:
            continue
        day = _dateparser_day(m.group(), sentence.language)
        if day is not None:
            out.append(Period(m.group(), m.span(), day, day, "day"))
    out.sort(key=lambda p: p.span)
    return out


@functools.lru_cache(maxsize=4096)
def _dateparser_day(phrase: str, language: str) -> _Date | None:
    """One numeric date normalised by dateparser: day-month order for uk/ru, month-day first for en.

    An absolute date needs no publication date, so none is passed; strict
    parsing refuses a phrase that lacks a day, month or year.
    """
    import dateparser  # imported on first use: it costs ~60 ms and most reports never need it

    orders = ("MDY", "DMY") if language == "en" else ("DMY", "MDY")
    if phrase[:4].isdigit():
        orders = ("YMD",)
    for order in orders:
        parsed = dateparser.parse(
            phrase, languages=[language], settings={"STRICT_PARSING": True, "DATE_ORDER": order, "PREFER_LOCALE_DATE_ORDER": False}
        )
        if parsed is not None:
            return parsed.date()
    return None


@hookimpl(trylast=True)
def recruitx_find_periods(document: Document) -> list[Period]:
    """Built-in: periods of every sentence."""
    return find_periods(document)
