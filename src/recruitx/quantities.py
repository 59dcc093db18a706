"""The quantity stage: counted and measured amounts with their qualifier, bounds and unit.

Numbers come from :mod:`recruitx.numbers`; this module decides which of them
are quantities (not dates, years, times, ordinals, codes, list or phone
numbers, nor "one" as a pronoun), reads the qualifier before them ("more
than", "до", "between … and"), the vague magnitudes ("dozens of", "кілька
сотень"), and the unit or counted noun after them, borrowing it from the
sentence when the figure stands alone ("(771)", "96 have returned"). The
cue words live in ``data/quantities/<language>.json``; rules follow the
corpus annotation guide.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any

import regex

from .document import REGEX_TIMEOUT, Document, load_data
from .numbers import NumberToken, read_number, scan, to_number
from .plugins import hookimpl
from .records import Quantity

_WORD = r"[\p{L}\p{M}][\p{L}\p{M}'’ʼ-]*"
_FLAGS = regex.IGNORECASE | regex.V1


def _alt(phrases: Any) -> str:
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        parts.append(regex.escape(p).replace(r"\ ", r"[ \u00a0]+").replace(" ", r"[ \u00a0]+"))
    return "|".join(parts) if parts else "(?!)"


def _script(language: str) -> str:
    return "en" if language == "en" else "cyr"


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
        self.vague = regex.compile(
            rf"""(?<![\p{{L}}\p{{M}}'’-])(?:
                   (?P<few>{_alt(d['few'])})[ \u00a0]+(?P<fs>{_alt(self.few_of)})
                  |(?P<v>{_alt(self.vague_of)})
                )(?![\p{{L}}\p{{M}}])""",
            _FLAGS | regex.VERBOSE,
        )
        self.approx_words = {w.lower() for w in d["approx_words"]}
        self.times = regex.compile(rf"[ \u00a0]+(?P<u>{_alt(d['times'])})(?![\p{{L}}\p{{M}}])", _FLAGS)
        self.percent = regex.compile(
            rf"(?:[ \u00a0]?(?P<u>%)|[ \u00a0]+(?P<u>{_alt(p for p in d['percent'] if p != '%')})(?![\p{{L}}\p{{M}}]))", _FLAGS
        )
        self.time_units = {w.lower() for w in d["time_units"]}
        self.rate = regex.compile(rf"[ \u00a0]+(?P<r>{_alt(d['rates'])})(?![\p{{L}}\p{{M}}])", _FLAGS)
        self.of_words = {w.lower() for w in d["of_words"]}
        self.place_links = {w.lower() for w in d["place_links"]}
        self.stop = {w.lower() for w in d["unit_stop"]} | {w.lower() for w in d.get("directions", [])}
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
        # month names of every language: a mixed-language sentence still has dates ("On April 23, … КНР")
        en_months = load_data("quantities/en.json")["months"]
        self.months_cased = set(en_months)
        self.months = {w.lower() for n in ("uk", "ru") for w in load_data(f"quantities/{n}.json")["months"]}
        self.date_words = {w.lower() for w in d["date_words"]}
        self.year_preps = {w.lower() for w in d["year_prepositions"]}
        self.year_units = {w.lower() for w in d["year_units"]}
        self.age_qualifiers = {w.lower() for w in d.get("age_qualifiers", ())}
        self.max_unit_words = 5 if self.latin else 3


@functools.cache
def _cues(script: str) -> _Cues:
    return _Cues(("en",) if script == "en" else ("uk", "ru"))


_NEXT_WORD = regex.compile(rf"[ \u00a0]+(?P<w>{_WORD}\.?)")
_NEXT_RAW = regex.compile(r"[ \u00a0]*(?P<w>[^\s]+)")
_PREV_WORD = regex.compile(rf"(?r)(?P<w>[\p{{L}}\p{{M}}#№©][\p{{L}}\p{{M}}'’ʼ./-]*)[ \u00a0,]*\Z")
_PREV_ANY = regex.compile(r"(?r)(?P<w>[^\s]+)[ \u00a0]*\Z")
_TIME_OR_DATE = regex.compile(r"[:/]\d|\.\d{1,2}\.\d|[ \u00a0]?(?:a\.m\.|p\.m\.|am\b|pm\b|h\b|hrs\b)", regex.IGNORECASE)
_PHONE = regex.compile(r"\+?\(?\d{1,4}\)?(?:[ \u00a0.-]\(?\d{2,4}\)?){3,}")
_COMPOUND = regex.compile(r"-(?P<c>\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*)")
_OF_THE = regex.compile(r"[ \u00a0]+(?:of|з|із|из)[ \u00a0]+(?:the[ \u00a0]+)?", regex.IGNORECASE)
_NUMBER_OF = regex.compile(rf"(?:number|numbers|total|majority)[ \u00a0]+of[ \u00a0]+(?P<u>{_WORD})", regex.IGNORECASE)


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
    out: list[Quantity] = []
    previous_unit: str | None = None
    text = document.text
    for sentence in document.sentences:
        found = _sentence(text, sentence.start, sentence.end, sentence.language)
        for f in found:
            if f.unit is None:
                f.unit = previous_unit
            if f.unit is not None:
                previous_unit = f.unit
            low, high, value = _num(f.low), _num(f.high), _num(f.value)
            if low is not None and high is not None and low > high:
                continue
            out.append(Quantity(text[f.start : f.end], (f.start, f.end), value, low, high, f.qualifier, f.unit))
    return out


def find_in_text(text: str, language: str = "en") -> list[Quantity]:
    """Quantities of a single stretch of text in ``language`` (no sentence splitting)."""
    return [
        Quantity(text[f.start : f.end], (f.start, f.end), _num(f.value), _num(f.low), _num(f.high), f.qualifier, f.unit)
        for f in _sentence(text, 0, len(text), language)
        if not (f.low is not None and f.high is not None and f.low > f.high)
    ]


def _sentence(text: str, start: int, end: int, language: str) -> list[_Found]:
    cues = _cues(_script(language))
    tokens = scan(text, start, end, language)
    vague = list(cues.vague.finditer(text, start, end, timeout=REGEX_TIMEOUT))
    if not tokens and not vague:
        return []
    items: list[tuple[int, int, Any]] = [(t.start, 1, t) for t in tokens] + [(m.start(), 0, m) for m in vague]
    items.sort(key=lambda x: (x[0], x[1]))
    found: list[_Found] = []
    consumed = start
    for pos, kind, item in items:
        if pos < consumed:
            continue
        if kind == 0:
            f = _vague(text, item, start, end, cues)
        else:
            f = _number(text, item, start, end, language, cues)
        if f is None:
            if kind == 1:
                consumed = max(consumed, item.end)
            continue
        found.append(f)
        consumed = f.end
    _borrow_units(text, start, found)
    return found


def _prev_word(text: str, lo: int, pos: int) -> str:
    m = _PREV_WORD.match(text, max(lo, pos - 40), pos, timeout=REGEX_TIMEOUT)
    return m.group("w") if m else ""


def _vague(text: str, m: Any, lo: int, hi: int, cues: _Cues) -> _Found | None:
    if m.group("v") is not None:
        low = cues.vague_of[regex.sub(r"\s+", " ", m.group("v").lower())]
        if cues.latin and m.group("v")[0].isupper() and m.start() != lo and False:
            return None
    else:
        low = cues.few_of[m.group("fs").lower()]
    qstart = m.start()
    qualifier = "vague"
    end = m.end()
    unit, uend = _unit(text, end, hi, cues, vague=True)
    if unit is None and not cues.latin and m.group("v") is not None:
        # a bare plural scale word ("тисячі") is a quantity only when it counts something
        return None
    if unit is not None:
        end = uend
    return _Found(qstart, end, None, Decimal(low), None, qualifier, unit, False)


def _number(text: str, t: NumberToken, lo: int, hi: int, language: str, cues: _Cues) -> _Found | None:
    after = text[t.end : t.end + 12]
    # a letter glued to the digits: ordinal (70th), code (5G), decade (1990s)
    if t.kind == "digits" and after[:1].isalpha():
        return None
    if t.kind == "digits" and _TIME_OR_DATE.match(after):
        return None
    if t.kind == "digits" and t.start > lo and text[t.start - 1] in ":/" and text[t.start - 2 : t.start - 1].isdigit():
        return None
    prev = _prev_word(text, lo, t.start)
    prev_l = prev.lower()
    # dates: a number next to a month name
    if _is_month(prev, cues) and t.kind == "digits" and not t.scaled:
        return None
    nxt = _NEXT_WORD.match(text, t.end, hi)
    nxt_w = nxt.group("w") if nxt else ""
    if t.kind == "digits" and not t.scaled and t.value <= 31 and (_is_month(nxt_w, cues) or (nxt_w.lower() == "of" and _is_month(_next_after(text, nxt.end(), hi), cues))):
        return None
    # phone numbers
    if t.kind == "digits":
        ph = _PHONE.match(text, t.start - 1 if t.start > lo and text[t.start - 1] in "+(" else t.start, hi)
        if ph is not None and (text[ph.start()] in "+(" or ph.group().count("-") >= 2):
            return None
    # codes: Article 5, No. 5, № 5, and list numbers at the start of a line
    if t.kind == "digits" and not t.scaled and t.currency is None:
        if prev_l in cues.code_words or prev_l.rstrip(".") in cues.code_words or text[max(lo, t.start - 1) : t.start] in "#№":
            if text[max(lo, t.start - 1) : t.start] in "#№" or prev_l:
                return None
        if t.start == lo and after[:1] in (".", ")") and after[1:2] in (" ", "\u00a0"):
            return None
    # compound adjectives: 26-year-old, 100-word, one-year, 30-річний
    comp = _COMPOUND.match(text, t.end, hi)
    if comp is not None and not _starts_number(text, comp.start() + 1, hi, language):
        word = comp.group("c")
        if word[0].isupper():
            return None
        if not cues.latin and len(word) <= 3:
            return None  # 70-й, 2-го, 90-х: ordinals and case endings
        return _compound(text, t, comp, lo, hi, cues)
    # years
    if _is_year(t, text, prev_l, nxt_w, cues):
        return None
    if t.kind == "words" and _is_pronoun(t, text, prev_l, nxt_w, cues):
        return None
    if t.kind == "words" and nxt_w.lower() in cues.year_units and t.words[-1] in ("one",):
        pass
    # qualifier or range opener before the number
    qstart, qualifier = t.start, "exact"
    opener = cues.opener.match(text, max(lo, t.start - 30), t.start, timeout=REGEX_TIMEOUT)
    if opener is not None and not _boundary_before(text, opener.start(), lo):
        opener = None
    if opener is not None and _change_before(text, lo, opener.start(), cues):
        opener = None
    second: NumberToken | None = None
    joined_end = t.end
    j = cues.join.match(text, t.end, hi, timeout=REGEX_TIMEOUT)
    if j is not None:
        allowed = cues.openers.get(regex.sub(r"\s+", " ", opener.group("o").lower()), []) if opener else cues.joins
        word = j.group("j").lower()
        if word in allowed or (word in "-–—" and opener is None):
            if not (word in ("to", "до") and opener is None and _change_before(text, lo, t.start, cues)):
                second = read_number(text, j.end(), hi, language)
                if second is not None and second.kind != t.kind and t.kind == "digits" and not second.scaled:
                    second = None
    if second is not None and _COMPOUND.match(text, second.end, hi) is not None and text[second.end + 1 : second.end + 2].isupper():
        second = None
    if second is not None and second.kind == "digits" and text[second.end : second.end + 1].isalpha():
        second = None
    if second is not None:
        low, high = t.value, second.value
        scale = _scale_of(second)
        if not t.scaled and scale and t.kind == "digits" and low * scale <= high:
            low *= scale
        if low >= high or (t.kind == "digits" and _looks_like_year(t) and _looks_like_year(second)):
            second = None
        else:
            joined_end = second.end
    if opener is not None and (second is not None or opener.group("o").lower() in cues.age_words):
        qstart = opener.start()
    qm = cues.qualifier.match(text, max(lo, qstart - 40), qstart, timeout=REGEX_TIMEOUT)
    if qm is not None and not _boundary_before(text, qm.start(), lo):
        qm = None
    # a prefix qualifier word that is only a verb of change's "до" ("снижена до 400") stays out
    if qm is not None and qm.group("q").lower() in ("до",) and _change_before(text, lo, qm.start(), cues):
        qm = None
    unit_start = joined_end
    if second is None:
        value = t.value
        if qm is not None:
            qualifier = cues.qualifier_of[regex.sub(r"\s+", " ", qm.group("q").lower())]
        elif t.article and t.words and t.words[-1] in cues.approx_words | {"dozen"}:
            qualifier = "approx"
        if opener is not None and opener.group("o").lower() in cues.age_words:
            pass
        elif opener is not None and opener.group("o").lower() not in cues.openers:
            pass
    # percent, times, currency, unit
    unit: str | None = None
    end = joined_end
    pm = cues.percent.match(text, end, hi, timeout=REGEX_TIMEOUT)
    if t.currency:
        unit = regex.sub(r"\s+", "", t.currency)
    elif pm is not None:
        unit = pm.group("u") if pm.group("u") == "%" else pm.group("u")
        end = pm.end()
    else:
        tm = cues.times.match(text, end, hi, timeout=REGEX_TIMEOUT)
        if tm is not None:
            unit, end = tm.group("u"), tm.end()
        else:
            am = cues.age_after.match(text, end, hi, timeout=REGEX_TIMEOUT)
            if am is not None:
                unit, end = cues.age_unit, am.end()
            else:
                post = cues.post.match(text, end, hi, timeout=REGEX_TIMEOUT)
                if post is not None and second is None and qm is None:
                    qualifier = cues.post_of[regex.sub(r"\s+", " ", post.group("p").lower())]
                    end = post.end()
                unit, uend = _unit(text, end, hi, cues, vague=False)
                if unit is not None:
                    end = uend
                    post = cues.post.match(text, end, hi, timeout=REGEX_TIMEOUT)
                    if post is not None and second is None and qm is None and qualifier == "exact":
                        qualifier = cues.post_of[regex.sub(r"\s+", " ", post.group("p").lower())]
                        end = post.end()
    if t.kind == "words" and t.words and t.words[-1] in cues.one_words and unit is None and not t.article:
        return None
    # "over ten months": over, under, до with a duration mean during/within, not a bound
    if qm is not None and second is None and unit is not None and unit.lower() in cues.time_units and qm.group("q").lower() in ("over", "during"):
        qm, qualifier = None, "exact"
    if opener is not None and second is None and opener.group("o").lower() in cues.age_words:
        qstart = opener.start()
        unit = unit or "years"
    if qm is not None:
        qstart = qm.start()
    if second is not None:
        low = t.value
        scale = _scale_of(second)
        if not t.scaled and scale and t.kind == "digits" and low * scale <= second.value:
            low *= scale
        if opener is not None and opener.group("o").lower() in cues.age_words:
            unit = unit or "years"
        return _Found(qstart, end, None, low, second.value, "range", unit, False)
    if qm is not None and qm.group("q").lower() in cues.age_qualifiers:
        unit = unit or "years"
    low_b, high_b = _bounds(qualifier, value)
    bare = unit is None and t.kind == "digits" and qm is None
    if unit is None and t.kind == "digits":
        of = _OF_THE.match(text, end, hi)
        if of is not None:
            nxt_q = read_number(text, of.end(), hi, language)
            if nxt_q is not None:
                u, _ = _unit(text, nxt_q.end, hi, cues, vague=False)
                unit = u
    return _Found(qstart, end, value, low_b, high_b, qualifier, unit, bare)


def _compound(text: str, t: NumberToken, comp: Any, lo: int, hi: int, cues: _Cues) -> _Found | None:
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


def _next_after(text: str, pos: int, hi: int) -> str:
    m = _NEXT_WORD.match(text, pos - 1 if pos > 0 and text[pos - 1] == " " else pos, hi)
    if m is None:
        m = regex.match(rf"(?P<w>{_WORD}\.?)", text[pos:hi])
    return m.group("w") if m else ""


def _starts_number(text: str, pos: int, hi: int, language: str) -> bool:
    return read_number(text, pos, hi, language) is not None


def _is_month(word: str, cues: _Cues) -> bool:
    if not word:
        return False
    w = word.rstrip(".,")
    return w in cues.months_cased or w.lower() in cues.months or word.lower() in cues.months


def _looks_like_year(t: NumberToken) -> bool:
    return t.kind == "digits" and not t.scaled and t.currency is None and 1000 <= t.value <= 2100 and t.value == int(t.value) and t.end - t.start == 4


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
    m = _PREV_WORD.match(text, max(lo, pos - 40), pos, timeout=REGEX_TIMEOUT)
    if m is None:
        return False
    w = m.group("w").lower()
    return w in cues.change_stems or (not cues.latin and w.startswith(cues.change_stems))


def _scale_of(t: NumberToken) -> Decimal | None:
    if not t.scaled:
        return None
    v = t.value
    for s in (Decimal(1000000000000), Decimal(1000000000), Decimal(1000000), Decimal(1000)):
        if v >= s and (v / s) < 1000:
            return s
    return None


def _unit(text: str, pos: int, hi: int, cues: _Cues, vague: bool) -> tuple[str | None, int]:
    """The counted noun phrase or unit right after ``pos`` and where it ends, or ``(None, pos)``."""
    words: list[str] = []
    end = pos
    cur = pos
    if vague or cues.latin:
        of = regex.match(r"[ \u00a0]+of(?=[ \u00a0])", text[cur:hi], regex.IGNORECASE)
        if of is not None and vague:
            cur += of.end()
        elif of is not None:
            return None, pos
    quote = text[cur : cur + 1]
    if quote in "\"”»’":
        cur += 1
    rate = cues.rate.match(text, cur, hi, timeout=REGEX_TIMEOUT)
    if rate is not None:
        return rate.group("r"), rate.end()
    linked = False
    while len(words) < cues.max_unit_words:
        m = _NEXT_WORD.match(text, cur, hi)
        if m is None:
            break
        w = m.group("w")
        if w.endswith(".") and len(w) > 1:
            w = w[:-1]
        lower = w.lower()
        if lower in cues.place_links and words and not linked:
            nm = _NEXT_WORD.match(text, m.end(), hi)
            if nm is not None and nm.group("w")[0].isupper() and nm.group("w").lower() not in cues.stop:
                words += [text[m.start("w") : m.end("w")].rstrip("."), nm.group("w").rstrip(".,")]
                cur = end = nm.end("w") - (1 if nm.group("w").endswith(".") else 0)
                linked = True
                continue
            break
        if linked and not w[0].isupper():
            break
        if not words and lower in cues.lead:
            words.append(w)
            cur = end = m.start("w") + len(w)
            continue
        if lower in cues.stop or _is_month(w, cues):
            break
        if cues.latin:
            if w[0].isdigit():
                break
            if lower.endswith("ing") and lower not in cues.keep_ing and "-" not in lower:
                break
            if lower.endswith("ly") and "-" not in lower:
                break
            if lower.endswith("ed") and "-" not in lower and not (not words and lower in cues.lead):
                break
        else:
            if w[0].isupper() and not linked:
                break
            if lower not in cues.lead and len(lower) >= 5 and lower.endswith(cues.verb_endings):
                break
        words.append(w)
        cur = end = m.start("w") + len(w)
        rate = cues.rate.match(text, cur, hi, timeout=REGEX_TIMEOUT)
        if rate is not None:
            words.append(rate.group("r"))
            cur = end = rate.end()
            break
    if not words:
        return None, pos
    if quote in "\"”»’" and words:
        return " ".join(words), pos
    return " ".join(words), end


def _borrow_units(text: str, lo: int, found: list[_Found]) -> None:
    """Give a figure standing alone the noun it counts: "number of volunteers … (771)", "of the 126 Indians …, 96"."""
    for i, f in enumerate(found):
        if f.unit is not None:
            continue
        m = None
        for m in _NUMBER_OF.finditer(text, lo, f.start):
            pass
        if m is not None:
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
