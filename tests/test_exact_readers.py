"""Property tests: the quantity stage's exact readers give what the patterns they stand in for give.

The quantities and numbers modules read ASCII (and some Cyrillic) text with plain-Python "exact readers" and
ask their compiled ``regex`` patterns only about other text. Each test below runs a reader and the pattern
it replaces side by side on generated text (the library's own cue and number words in mixed case, digits,
separators and a few characters of other scripts, plus arbitrary text) and compares their answers; for a
one-sided prefilter it checks that the prefilter never rules out a match of the pattern.
"""

from __future__ import annotations

import heapq
from typing import Any

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from recruitx import numbers as nb
from recruitx import quantities as qt
from recruitx._patterns import tokenize
from recruitx.document import REGEX_TIMEOUT, load_data
from data_words import cased, strings, with_words

LANGUAGES = ("en", "uk", "ru")
SCRIPTS = ("en", "cyr")


# --- the library's own words --------------------------------------------------------------------------------------


def _table_words(kind: str) -> list[str]:
    """The phrases of every language's ``kind`` tables (quantities, numbers) and their words."""
    return with_words(s for lang in LANGUAGES for key, value in load_data(f"{kind}/{lang}.json").items() if not key.startswith("_") for s in strings(value))


CUE_WORDS = _table_words("quantities")
NUMBER_WORDS = _table_words("numbers")

# characters where the readers hand over to the patterns, or where case folding and word classes get subtle
ODD = [
    "é", "ß", "İ", "ı", "ſ", "\u212a", "ё", "Ї", "ґ", "Σ", "ς", "ﬁ", "ʼ", "’", "'", "`", "–", "—", ":", "/", "(",
    ")", "%", "$", "€", "#", "№", "_", "~", "≈", "\u202f", "\u2009", "\t", "\n", "٣", "１", "\u0301", "a.m.",
    "p.m.", "am", "pm", "h", "hrs", "of", "Of", "the", "a", "an", "A", "half", "+", "(0", "+1",
]
SEPARATORS = [" "] * 8 + ["", "  ", "\u00a0", "+", "-", ",", ".", ", ", " - ", "/", ":", "'"]


DIGITS = st.one_of(
    st.integers(0, 99999).map(str),
    st.sampled_from(["1,000", "2.5", "2 400", "2\u00a0400", "1.234.567", "12:30", "21.03.2023", "3'000", "07", "555-1234"]),
)


def texts(*focus: list[str], seps: list[str] = SEPARATORS) -> st.SearchStrategy[str]:
    """Text from words (``focus`` first, then every cue and number word) in mixed case, digits and odd characters,
    each followed by a separator; or arbitrary text."""
    pieces = [cased(f) for f in focus if f] + [cased(CUE_WORDS), cased(NUMBER_WORDS), DIGITS, st.sampled_from(ODD)]
    built = st.lists(st.tuples(st.one_of(*pieces), st.sampled_from(seps)), max_size=10).map(
        lambda ps: "".join(a + b for a, b in ps)
    )
    return st.one_of(built, built, built, st.text(max_size=30))


def joined(*parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """The texts of ``parts`` one after the other."""
    return st.tuples(*parts).map("".join)


CUT = st.integers(0, 4)  # how far before the end of the text the readers' upper bound ``hi`` is


def _hi(text: str, cut: int) -> int:
    return max(0, len(text) - cut)


# --- quantities.py --------------------------------------------------------------------------------------------------


def _cue_phrases(script: str, attr: str) -> list[str]:
    return sorted(getattr(qt._cues(script), attr))


QUALIFIERS = _cue_phrases("en", "qualifier_of") + _cue_phrases("cyr", "qualifier_of")
OPENERS = _cue_phrases("en", "openers") + _cue_phrases("cyr", "openers")


def _phrase_by_pattern(index: Any, text: str, start: int, pos: int) -> tuple[int, str] | None:
    m = index.pattern.match(text, start, pos, timeout=REGEX_TIMEOUT)
    return None if m is None else (m.start(), qt._key(m.group(index.group)))


def test_phrase_indexes_are_used() -> None:
    """The qualifier and opener indexes of both scripts read plain text themselves (so the test below compares)."""
    for script in SCRIPTS:
        cues = qt._cues(script)
        assert cues.qualifier_index.usable and cues.opener_index.usable


@given(texts(QUALIFIERS, OPENERS), st.integers(0, 45))
@example("more than ", 40)
@example("MORE  than  ", 40)
@example("more+than ", 40)
@example("well over ", 40)
@example("ca. ", 40)
@example("около ", 40)
@example("щонайменш ", 40)
@example("xin excess of ", 40)
@example("не менше ніж ", 40)
@example("between ", 30)
@example("between", 30)
def test_phrase_index_matches_the_reverse_pattern(text: str, back: int) -> None:
    """``_PhraseIndex.ending_at`` finds the same qualifier / range-opener phrase (start and key) as the reverse pattern."""
    for script in SCRIPTS:
        cues = qt._cues(script)
        for index in (cues.qualifier_index, cues.opener_index):
            for pos in range(len(text) + 1):
                start = max(0, pos - back)
                assert index.ending_at(text, start, pos) == _phrase_by_pattern(index, text, start, pos), (script, index.group, start, pos)


def _article_by_pattern(text: str, start: int, pos: int) -> int | None:
    m = qt._ARTICLE.match(text, start, pos, timeout=REGEX_TIMEOUT)
    return None if m is None else m.start()


ARTICLES = ["a", "an", "half", "half a", "half an", "A", "An", "HALF", "banana", "han"]


@given(texts(ARTICLES, NUMBER_WORDS), st.integers(0, 12))
@example("half an ", 8)
@example("half  a ", 8)
@example("xhalf a ", 8)
@example("halfan ", 8)
@example("a\u00a0", 8)
def test_article_start_matches_the_article_pattern(text: str, back: int) -> None:
    """``_article_start`` finds where ``_ARTICLE`` ("a", "an", "half a" and spaces before a position) starts, or nothing, as the pattern does."""
    for pos in range(len(text) + 1):
        for start in {max(0, pos - back), max(0, pos - 8), 0}:
            assert qt._article_start(text, start, pos) == _article_by_pattern(text, start, pos), (start, pos)


@given(texts(ARTICLES, NUMBER_WORDS), st.integers(0, 12))
@example("an ", 8)
@example("A\u00a0 ", 8)
@example("é ", 8)
def test_after_article_never_rules_out_the_article_pattern(text: str, back: int) -> None:
    """``_after_article`` says False only where ``_ARTICLE`` cannot match before the position."""
    for pos in range(len(text) + 1):
        for start in {max(0, pos - back), max(0, pos - 8)}:
            if _article_by_pattern(text, start, pos) is not None:
                assert qt._after_article(text, start, pos), (start, pos)


PHONE_PIECES = ["+", "(", ")", "+1", "(044)", "044", "555", "1234", "12", "-", ".", " ", "\u00a0", "٣", "１", "(0"]


@st.composite
def phone_texts(draw: Any) -> str:
    """Phone-like runs: an optional "+" and "(", groups of 1-5 digits (an odd one of another script) between separators."""
    digit_group = st.text(st.sampled_from("0123456789"), min_size=1, max_size=5) | st.sampled_from(["٣٣", "１２"])
    out = draw(st.sampled_from(["", "+", "(", "+("]))
    for i in range(draw(st.integers(1, 6))):
        if i:
            out += draw(st.sampled_from([" ", "\u00a0", ".", "-", "", "  ", "/"])) + draw(st.sampled_from(["", "", "("]))
        out += draw(digit_group) + draw(st.sampled_from(["", "", "", ")"]))
    return out


PHONES = st.one_of(phone_texts(), st.lists(st.one_of(st.sampled_from(PHONE_PIECES), st.integers(0, 99999).map(str)), max_size=12).map("".join))


@given(st.one_of(joined(texts(), PHONES, texts()), PHONES), CUT)
@example("+380 44 123 45 67", 0)
@example("(044) 123-45-67", 0)
@example("+(1)\u00a0(23) 45.678", 0)
@example("12 ٣٣ 45 67", 0)
@example("1234 555 666 777", 0)
def test_may_be_phone_never_rules_out_the_phone_pattern(text: str, cut: int) -> None:
    """``_may_be_phone`` says False only where ``_PHONE`` cannot match."""
    hi = _hi(text, cut)
    for s in range(len(text) + 1):
        if qt._PHONE.match(text, s, hi, timeout=REGEX_TIMEOUT) is not None:
            assert qt._may_be_phone(text, s, hi), s


CLOCK = ["am", "pm", "a.m.", "p.m.", "h", "hrs", "AM", "P.M.", "Hrs", "ham", "hr", "a.m", "am_", "h1", "a", "p", "hé"]


@given(joined(texts(), DIGITS, st.sampled_from([" ", "  ", "\u00a0", ""]), cased(CLOCK), texts(CLOCK)), CUT)
@example("5 am", 0)
@example("5 am ", 0)
@example("5 hrs later", 0)
@example("5 h_xyz", 0)
@example("5 h xyz", 0)
@example("5 a.m.x", 0)
@example("5 amé", 0)
def test_is_clock_matches_the_time_pattern(text: str, cut: int) -> None:
    """Where a space and "a", "p" or "h" follow a figure, ``_is_clock`` says what ``_TIME_OR_DATE`` says."""
    hi = _hi(text, cut)
    for end in range(hi):
        if text[end] == " " and text[end + 1 : end + 2] in ("a", "p", "h"):
            expected = qt._TIME_OR_DATE.match(text, end, hi, timeout=REGEX_TIMEOUT) is not None
            assert qt._is_clock(text, end, hi) == expected, end


@given(st.one_of(texts(["1.2", "3:4", "5/6", "7'8", "9’0", "1-2", "٣", "1,", "2."]), st.from_regex(r"[0-9٣.,:/'’\- a]{0,20}", fullmatch=True)), CUT)
@example("21.03.2023", 0)
@example("1٣.5", 0)
@example("1.٣", 0)
@example("1’2’", 0)
def test_digit_run_end_matches_the_digit_run_pattern(text: str, cut: int) -> None:
    """``_digit_run_end`` ends a run of digits and inner marks where ``_DIGIT_RUN`` ends it (or finds none, as it does)."""
    hi = _hi(text, cut)
    for pos in range(len(text) + 1):
        m = qt._DIGIT_RUN.match(text, pos, hi, timeout=REGEX_TIMEOUT)
        assert qt._digit_run_end(text, pos, hi) == (None if m is None else m.end()), pos


@given(texts(["of", "OF", "oF", "of the", "off", "o"]), CUT)
@example(" of ", 0)
@example("  Of\u00a0x", 0)
@example(" of", 0)
@example(" ofx ", 0)
def test_of_end_matches_the_of_pattern(text: str, cut: int) -> None:
    """``_of_end`` ends spaces and "of" (a space ahead) where ``_OF`` ends them, or finds none, as it does."""
    hi = _hi(text, cut)
    for cur in range(len(text) + 1):
        m = qt._OF.match(text, cur, hi, timeout=REGEX_TIMEOUT)
        assert qt._of_end(text, cur, hi) == (None if m is None else m.end()), cur


_WORD_DOT = regex.compile(rf"{qt._WORD}\.?")
_NEXT_WORD = regex.compile(rf"[ \u00a0]+({qt._WORD}\.?)")


@given(texts(["é", "\u0301", "ʼ", "’", "-", "x.", "İ", "٣", "Kyivʼs", "don’t", "l'eau", "co-op.", "а́"], seps=SEPARATORS + ["ʼ", "’", "-", "."]), CUT)
@example("co-op. x", 0)
@example("Kyivʼs x", 0)
@example("\u0301a", 0)
@example("a\u0301b", 0)
@example("ab\u4e00c", 0)
def test_word_readers_match_the_word_pattern(text: str, cut: int) -> None:
    """``_word_span`` and ``_next_word`` read a word (and its dot) exactly where ``_WORD`` does, also for letters of other scripts."""
    hi = _hi(text, cut)
    for i in range(len(text) + 1):
        m = _WORD_DOT.match(text, i, hi, timeout=REGEX_TIMEOUT)
        assert qt._word_span(text, i, hi) == (None if m is None else (i, m.end())), i
        n = _NEXT_WORD.match(text, i, hi, timeout=REGEX_TIMEOUT)
        assert qt._next_word(text, i, hi) == (None if n is None else n.span(1)), i


def _vague_words(script: str) -> list[str]:
    cues = qt._cues(script)
    return sorted({*cues.vague_of, *cues.few_words, *cues.few_of})


VAGUE = _vague_words("en") + _vague_words("cyr")


def _vague_by_pattern(cues: Any, text: str, pos: int, hi: int) -> tuple[int, int, str | None, str | None] | None:
    m = cues.vague.match(text, pos, hi, timeout=REGEX_TIMEOUT)
    return None if m is None else (m.start(), m.end(), m.group("v"), m.group("fs"))


def _tokens_before(text: str, hi: int) -> list[tuple[int, int, str]]:
    return [t for t in tokenize(text) if t[1] <= hi]


@given(texts(VAGUE, VAGUE, seps=SEPARATORS + ["", " ", "\u00a0"]), CUT)
@example("a few hundred men", 0)
@example("a fewhundred men", 0)
@example("A  Few   Hundred", 0)
@example("a few hundredfold", 0)
@example("tens of thousands of", 0)
@example("hundreds of thousands", 0)
@example("tens  of thousands", 0)
@example("-dozens of", 0)
@example("dozens5", 0)
@example("a couple of dozen", 0)
@example("кілька сотень", 0)
def test_vague_at_matches_the_vague_pattern(text: str, cut: int) -> None:
    """At a token that may start a vague magnitude, ``_vague_at`` gives the vague pattern's span and groups."""
    hi = _hi(text, cut)
    for script in SCRIPTS:
        cues = qt._cues(script)
        for s, _e, word in _tokens_before(text, hi):
            if word in cues.vague_first or not qt._plain(text, s, len(word)):  # as _at asks it
                assert qt._vague_at(text, s, hi, word, cues) == _vague_by_pattern(cues, text, s, hi), (script, s, word)


@given(texts(VAGUE, VAGUE, seps=SEPARATORS + ["", " ", "\u00a0"]), CUT)
@example("a few", 0)
@example("a\u00a0few hundred", 0)
@example("a fewer", 0)
@example("a  couple of", 0)
@example("a\u00a0few", 0)
@example("some hundreds", 0)
def test_no_vague_after_never_rules_out_the_vague_pattern(text: str, cut: int) -> None:
    """Where ``_no_vague_after`` lets ``_at`` skip a vague first word, the vague pattern matches nothing there."""
    hi = _hi(text, cut)
    for script in SCRIPTS:
        cues = qt._cues(script)
        for s, _e, word in _tokens_before(text, hi):
            if word in cues.vague_first and qt._plain(text, s, len(word)):
                if qt._no_vague_after(text, s + len(word), hi, cues.vague_next[word]):
                    assert _vague_by_pattern(cues, text, s, hi) is None, (script, s, word)


@given(st.lists(st.sampled_from(["tens", "of", "a", "few", "ten", "o", "f"]), min_size=1, max_size=3), texts(VAGUE), st.integers(0, 5))
@example(["tens", "of"], "tens  of", 0)
@example(["tens", "of"], "tensof", 0)
@example(["a"], "ab", 0)
def test_words_end_matches_a_phrase_pattern(words: list[str], text: str, c: int) -> None:
    """``_words_end`` ends a phrase's words (runs of spaces between) where the phrase as ``_alt`` writes it ends."""
    low = text.lower().replace("\u00a0", "_")  # the reader sees ASCII text only; a no-break space would make it other text
    pattern = regex.compile(qt._alt([" ".join(words)]), qt._FLAGS)
    c = min(c, len(low))
    m = pattern.match(low, c, timeout=REGEX_TIMEOUT)
    assert qt._words_end(low, c, tuple(words)) == (None if m is None else m.end())


TIMES = _cue_phrases("en", "times_words") + _cue_phrases("cyr", "times_words")


def test_word_after_reads_the_times_words_itself() -> None:
    """Both scripts hand ``_word_after`` a word set for "times", so the test below compares the reader, not the pattern."""
    assert all(qt._cues(s).times_words for s in SCRIPTS)


@given(texts(TIMES, TIMES), CUT)
@example(" times", 0)
@example("  Times-", 0)
@example(" timesé", 0)
@example(" fold", 0)
@example("\u00a0times", 0)
@example(" рази", 0)
@example(" times\u0301", 0)
def test_word_after_matches_the_times_pattern(text: str, cut: int) -> None:
    """``_word_after`` finds the "times" word after spaces (and where it ends) as the ``times`` pattern does."""
    hi = _hi(text, cut)
    for script in SCRIPTS:
        cues = qt._cues(script)
        for pos in range(len(text) + 1):
            m = cues.times.match(text, pos, hi, timeout=REGEX_TIMEOUT)
            expected = None if m is None else (m.group("u"), m.end())
            assert qt._word_after(text, pos, hi, cues.times_words, cues.times) == expected, (script, pos)


JOINS = sorted({*qt._cues("en").join_words, *qt._cues("cyr").join_words, "-", "–", "—", " - ", "tot", "andy"})


@given(texts(JOINS, JOINS), CUT)
@example(" to 5", 0)
@example(" TO  5", 0)
@example(" to", 0)
@example(" -5", 0)
@example("\u00a0–\u00a0 5", 0)
@example(" до 5", 0)
@example(" toé 5", 0)
def test_join_at_matches_the_join_pattern(text: str, cut: int) -> None:
    """``_join_at`` finds the range joiner (dash or word, and where it ends) as the ``join`` pattern does."""
    hi = _hi(text, cut)
    for script in SCRIPTS:
        cues = qt._cues(script)
        for pos in range(len(text) + 1):
            m = cues.join.match(text, pos, hi, timeout=REGEX_TIMEOUT)
            expected = None if m is None else (m.group("j"), m.end())
            assert qt._join_at(text, pos, hi, cues) == expected, (script, pos)


HOLDERS = sorted({h for s in ("en", "uk", "ru") for h in load_data(f"quantities/{s}.json")["unit_holders"]})


@given(texts(HOLDERS, HOLDERS, ["ß", "ſ", "\u212a", "İ", "Σ"]))
@example("the number of drivers")
@example("NUMBER\u00a0x")
@example("numbers")
@example("кількість людей")
@example("ſhare x")
def test_may_hold_never_rules_out_the_holder_pattern(segment: str) -> None:
    """``_may_hold`` says False only where the holder pattern ("number of …", "кількість …") finds nothing."""
    for script in SCRIPTS:
        cues = qt._cues(script)
        if cues.holder.search(segment, timeout=REGEX_TIMEOUT) is not None:
            assert qt._may_hold(segment, cues), script


# --- numbers.py -----------------------------------------------------------------------------------------------------


def _fields(t: Any) -> Any:
    return None if t is None else tuple(getattr(t, s) for s in nb.NumberToken.__slots__)


def _number_by_pattern(text: str, pos: int, end: int, language: str | None) -> Any:
    """``read_number`` as it was before its readers: the table's pattern and ``_token``."""
    table = nb._table(nb._SCRIPTS.get(language) or nb._script(language, text[pos : pos + 20]))  # type: ignore[arg-type]
    m = table.pattern.match(text, pos, end, timeout=REGEX_TIMEOUT)
    return None if m is None else _fields(nb._token(table, text, m, end, language))


SCALES = ["million", "mln", "bn", "k", "thousand", "тис.", "млн", "тыс", "hundred", "dozen", "couple", "pair", "millions"]
NUMBER_LANGUAGES = st.sampled_from(["en", "uk", "ru", None])


@given(texts(NUMBER_WORDS, SCALES), NUMBER_LANGUAGES, CUT)
@example("1.2 million", "en", 0)
@example("15k", "en", 0)
@example("2,500 thousand", "en", 0)
@example("1.2 millions", "en", 0)
@example("2,3 млн", "uk", 0)
@example("two Chinese", "en", 0)
@example("twenty-one", "en", 0)
@example("a hundred", "en", 0)
@example("a report", "en", 0)
@example("the couple left", "en", 0)
@example("half a million", "en", 0)
@example("one's", "en", 0)
def test_read_number_matches_the_number_pattern(text: str, language: str | None, cut: int) -> None:
    """``read_number`` (with its digit, word and article readers) gives the token the number pattern gives, at every position."""
    hi = _hi(text, cut)
    for pos in range(len(text) + 1):
        assert _fields(nb.read_number(text, pos, hi, language)) == _number_by_pattern(text, pos, hi, language), pos


FIGURES = ["1", "22", "333", "1,000", "2,500", "2.500", "2.5", "1 000", "1\u202f000", "1,2345", "12.345.678", "1'000"]


@given(
    st.one_of(
        texts(SCALES, FIGURES),
        joined(texts(), st.sampled_from(FIGURES), st.sampled_from(["", " ", "\u00a0", "  "]), cased(SCALES), texts()),
    ),
    NUMBER_LANGUAGES,
    CUT,
)
@example("1.2 million", "en", 0)
@example("3 k", "en", 0)
@example("1,2345 bn", "en", 0)
@example("5 тис.", "uk", 0)
@example("5 Million", "en", 0)
@example("1/5 and 3-4", "en", 0)
@example("2,500 thousand", "en", 0)
def test_plain_digits_matches_the_number_pattern(text: str, language: str | None, cut: int) -> None:
    """Where ``_plain_digits`` decides a figure (with or without a scale word), it gives the number pattern's token."""
    hi = _hi(text, cut)
    table = nb._table(nb._SCRIPTS.get(language) or "en")  # type: ignore[arg-type]
    for pos in range(hi):
        if text[pos] in nb._ASCII_DIGITS and (language is not None or not nb._CYRILLIC.search(text[pos : pos + 20])):
            got = nb._plain_digits(table, text, pos, hi, language)
            if got is not nb._UNDECIDED:
                assert _fields(got) == _number_by_pattern(text, pos, hi, language), pos


def test_plain_word_reads_the_english_table() -> None:
    """The English table is read by ``_plain_word`` (so the test below compares the reader, not the pattern)."""
    assert nb._table("en").plain_words and nb._table("en").article_leads


@given(texts(NUMBER_WORDS, ["one", "two", "twenty", "thousand", "million", "couple", "and", "'s", "a", "'", "`"], seps=SEPARATORS + ["'", "`", ", ", "-"]), CUT)
@example("two Chinese citizens", 0)
@example("twenty one", 0)
@example("thousand, five", 0)
@example("l'one", 0)
@example("couple", 0)
@example("one's", 0)
@example("one$", 0)
def test_plain_word_matches_the_number_pattern(text: str, cut: int) -> None:
    """Where ``_plain_word`` decides a lone English number word, it gives the number pattern's token (or none, as it does)."""
    hi = _hi(text, cut)
    table = nb._table("en")
    for pos in range(hi):
        if text[pos] in nb._ASCII_LETTERS:
            got = nb._plain_word(table, text, pos, hi)
            if got is not nb._UNDECIDED:
                assert _fields(got) == _number_by_pattern(text, pos, hi, "en"), pos


@given(
    joined(
        texts(),
        cased(["a", "an", "half a"]),
        st.sampled_from([" ", "  ", "\u00a0", ""]),
        cased(["hundred", "dozen", "report", "thousand", "hundredth", "mil", "couple", "pair", "b", "é", "1"]),
        texts(),
    ),
    CUT,
)
@example("a hundred", 0)
@example("a hund", 0)
@example("an é", 0)
@example("a  hundred", 0)
@example("a Hundred", 0)
def test_article_without_lead_never_rules_out_the_number_pattern(text: str, cut: int) -> None:
    """Where ``_article_without_lead`` says an article starts no number, the number pattern reads none there."""
    hi = _hi(text, cut)
    table = nb._table("en")
    for pos in range(hi):
        if nb._article_without_lead(table, text, pos, hi):
            assert _number_by_pattern(text, pos, hi, "en") is None, pos


def _candidates_by_pattern(text: str, extra: tuple[str, ...]) -> list[tuple[int, str]]:
    """``candidate_words`` as it was before digits were read off the tokens: ``_DIGIT_START`` over the whole text."""
    first, _ = nb._candidate_words(extra)
    words = [(start, word) for start, _end, word in tokenize(text) if word in first]
    digits = [(m.start(), "") for m in nb._DIGIT_START.finditer(text, timeout=REGEX_TIMEOUT)]
    return list(heapq.merge(words, digits))


@given(texts(NUMBER_WORDS, ["_1", "a_1", "$5", "€", "x5", "5x", "٣", "İ1", "1İ"]))
@example("_5 a_5 $5 5")
@example("İ 5")
@example("x٣ 5")
def test_candidate_words_matches_the_digit_start_pattern(text: str) -> None:
    """``candidate_words`` reads digit and currency candidates off the tokens at exactly the offsets ``_DIGIT_START`` finds."""
    extra = qt._first_words()
    assert nb.candidate_words(text, extra) == _candidates_by_pattern(text, extra)
