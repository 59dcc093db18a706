"""Property tests: the attribution stage's string-method shortcuts give what the patterns they stand in for give.

On a "plain" text (``claims.plain_text``) the attribution stage reads words, clause boundaries, head nouns,
known names, "that", prepositions, coordinations and quotation marks with string methods and the shared
tokens, and asks its compiled ``regex`` patterns only about other text. Each test below builds a document
from generated text (the library's own cue words, heads and source aliases in mixed case, "the", "that",
"by", "in", quotation marks, dashes, parentheses, commas, apostrophes, Cyrillic words, plus arbitrary text),
runs a shortcut and the pattern it replaces on the same spans and compares their answers; for a one-sided
prefilter it checks that the prefilter never rules out a match of the pattern.
"""

from __future__ import annotations

from unittest import mock

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from recruitx import attribution as at
from recruitx.claims import _PLAIN, plain_text
from recruitx.document import REGEX_TIMEOUT, Document, Tables, load_data
from data_words import cased, strings, with_words

LANGUAGES = ("en", "uk", "ru")
TABLES = Tables.build((), ())  # shared: the alias pattern and index are compiled once, in its cache


# --- the library's own words --------------------------------------------------------------------------------------


def _table(key: str | None = None) -> list[str]:
    """The strings of one table of every language's attribution data (all tables if ``key`` is None)."""
    found: list[str] = []
    for lang in LANGUAGES:
        data = load_data(f"attribution/{lang}.json")
        found += strings(data if key is None else data.get(key, []))
    return with_words(found)


CUE_WORDS = _table()
HEADS = _table("heads")
CLAUSE = _table("clause") + _table("relative") + _table("and")
AGENT = _table("agent") + ["by", "in", "on Telegram", "on", "the", "BBC"]
ALIASES = with_words([a for e in load_data("sources.json")["sources"] for a in [e["name"], *e.get("aliases", ())]])

# the small words and marks the shortcuts test for, and characters that make a text not plain
ODD = [
    "the", "The", "THE", "that", "That", "що", "что", "Что", "by", "By", "in", "of", "for", "who", "which", "and",
    "And", "і", "й", "та", "и", "thatx", "that_", "by-", "«", "»", "“", "”", "„", '"', "'", "’", "‘", "–", "—", "-",
    "--", "(", ")", "(UNN)", "(a)", "(abcdefghijkl)", "(abcdefghijklm)", "()", ",", ".", "...", "…", "!", "?", ";",
    ":", "[", "]", "Kyiv's", "U.S.", "rock'n'roll", "end-.", "a.-.b", "x..", "1,000.5", "12", "é", "Ёж", "ґ",
    "\u00a0", "\t", "\n", "İ", "ß", "\u0301", "_", "№", "2025",
]
PLAIN = st.text(alphabet=sorted(_PLAIN), max_size=6)  # any characters the shortcuts read themselves, "ª" and "\x85" too
SEPARATORS = [" "] * 10 + ["", "  ", ", ", ",", ". ", ".", " - ", " – ", " —", "-", "'", "’", "\n", "\u00a0", "(", ")", '"', " «", "» ", " “", "”"]


def texts(*focus: list[str], size: int = 12) -> st.SearchStrategy[str]:
    """Text from words (``focus`` first, then cue words, aliases, odd pieces and plain characters) in mixed case,
    each followed by a separator; or arbitrary text."""
    pieces = [cased(f) for f in focus if f] + [cased(CUE_WORDS), cased(ALIASES), st.sampled_from(ODD), PLAIN]
    built = st.lists(st.tuples(st.one_of(*pieces), st.sampled_from(SEPARATORS)), max_size=size).map(
        lambda ps: "".join(a + b for a, b in ps)
    )
    return st.one_of(built, built, built, built, st.text(max_size=40), st.text(alphabet=sorted(_PLAIN), max_size=40))


# spans of the text the shortcuts are asked about, as offsets taken modulo the text's length + 1
PAIRS = st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), max_size=8)


def _spans(text: str, pairs: list[tuple[int, int]], every: bool = True) -> list[tuple[int, int]]:
    """The whole text, the drawn pairs (ordered) and, if ``every``, every prefix and suffix of the text."""
    n = len(text)
    out = {(0, n)}
    for a, b in pairs:
        a, b = a % (n + 1), b % (n + 1)
        out.add((min(a, b), max(a, b)))
    if every:
        out.update((i, n) for i in range(n + 1))
        out.update((0, j) for j in range(n + 1))
    return sorted(out)


def _reader(text: str) -> at._Reader:
    """The per-document reader of ``text``, set up as ``attribute`` sets it up (a segmented document)."""
    document = Document(text, tables=TABLES)
    document.segment()
    return at._Reader(document)


def _lexicons() -> list[at._Lexicon]:
    return [at._lexicon(lang) for lang in LANGUAGES]


def test_the_shortcuts_are_used() -> None:
    """The tables let the shortcuts read plain text themselves (so the tests below compare them, not the patterns)."""
    r = _reader("The spokesperson for the BBC said that «X» – and who, Kyiv's (UNN) data.")
    assert r.fast and r.aliases is not None and r._word_spans(0, len(r.text)) is not None
    assert at._agent_ends() is not None and at._alias_index(TABLES) is not None
    for lex in _lexicons():
        assert lex.clause_tokens is not None and lex.and_words is not None
    assert at._lexicon("en").head_index is not None


# --- words --------------------------------------------------------------------------------------------------------


@given(texts(["(", ")", "'", "’", ".", "-", "(UNN)", "(ab cd)", "x.", "U.S.", "a'", "'b"]), PAIRS)
@example("Kyiv's U.S. (UNN) rock'n'roll a.-.b x.. (a(b) ( ) (abcdefghijklm) (abcdefghijkl) end-. 1,000.5 —(x)", [])
@example("a.b.", [(0, 3)])
@example("(UNN)x", [(1, 6)])
@example("x (ab", [(0, 4)])
@example("ab-'cd", [(0, 3)])
def test_word_spans_match_the_word_pattern(text: str, pairs: list[tuple[int, int]]) -> None:
    """``_word_spans`` (where it reads a span), ``_words``, ``_more_words`` and ``_first_word`` give what
    ``_WORD.finditer``, ``findall`` and ``match`` give on the same span."""
    r = _reader(text)
    if r.fast:
        assert r._word_spans(0, len(text)) is not None
    for a, b in _spans(text, pairs):
        want = [m.span() for m in at._WORD.finditer(text, a, b, timeout=REGEX_TIMEOUT)]
        got = r._word_spans(a, b)
        assert got is None or got == want, (a, b)
        for most in (1, 2, 5):
            got = r._word_spans(a, b, most)
            assert got is None or got == want[:most], (a, b, most)
        first = at._WORD.match(text, a, b, timeout=REGEX_TIMEOUT)
        assert r._first_word(a, b) == (None if first is None else first.span()), (a, b)
        for count in (0, 1, 4):
            assert r._more_words(a, b, count) == (len(want) > count), (a, b, count)
        assert r._words(a, b) == [text[s:e] for s, e in want], (a, b)
        assert r._first_word(a, b) == (None if first is None else first.span()), (a, b)  # now from the cache


# --- clause boundaries --------------------------------------------------------------------------------------------


@given(texts(CLAUSE, [",", ", ", ".", '."', ",»", "”,", "!", "?…", "…»", ";", ":", "[", "]", " - ", " – ", "—", "-", " --", "'", "’"]), PAIRS)
@example("- x", [])
@example("x, that", [(0, 4)])
@example('yes," he', [(1, 8)])
@example("Kyiv's who that'", [])
@example("x'that y’и z'as", [])
@example("a –— b", [(0, 4)])
@example("whichever, who", [(0, 3)])
@example("a] b[ c; d: e! f? g", [])
@example("who x ЯКИЙ y и", [])
def test_boundaries_match_the_boundary_pattern(text: str, pairs: list[tuple[int, int]]) -> None:
    """``_boundaries`` finds the clause boundaries (start, end, text) that ``lex.boundary.finditer`` finds, in each language."""
    r = _reader(text)
    for lex in _lexicons():
        for a, b in _spans(text, pairs):
            want = [(m.start(), m.end(), m.group()) for m in lex.boundary.finditer(text, a, b, timeout=REGEX_TIMEOUT)]
            assert r._boundaries(lex, a, b) == want, (lex.language, a, b)


# --- head nouns and titled persons --------------------------------------------------------------------------------


def _heads_by_pattern(lex: at._Lexicon, text: str, start: int, end: int) -> list[str]:
    """The English heads as ``_find_heads`` read them before the shortcut: cut at ``_HEAD_CUT``, the head pattern's
    matches before the cut (or in the whole span if none), last first."""
    cut = at._HEAD_CUT.search(text, start, end, timeout=REGEX_TIMEOUT)
    found = [m.group().casefold() for m in lex.head_pattern.finditer(text, start, cut.start() if cut else end, timeout=REGEX_TIMEOUT)]
    if not found:
        found = [m.group().casefold() for m in lex.head_pattern.finditer(text, start, end, timeout=REGEX_TIMEOUT)]
    found.reverse()
    return [" ".join(w.split()) for w in found]


@given(texts(HEADS, ["of", "for", "from", "in", "at", "with", "on", "by", "who", "which", ",", "Of", "'", "’"]), PAIRS)
@example("the press service of the ministry", [])
@example("the ministry Of defence, spokesman", [])
@example("officials' ministry", [(0, 12)])
@example("the press  service", [(0, 12)])
@example("defence ministry", [(0, 10)])
@example("the ministry who the agency said", [])
@example("the ministry at the agency for the police", [])
def test_english_heads_match_the_head_patterns(text: str, pairs: list[tuple[int, int]]) -> None:
    """``_english_heads`` (and ``_head_phrases``) find the head nouns the head pattern and ``_HEAD_CUT`` find, in order."""
    r = _reader(text)
    lex = at._lexicon("en")
    if not r.fast:
        return  # the shortcut reads plain texts only
    for a, b in _spans(text, pairs):
        assert r._english_heads(lex.head_index, a, b) == _heads_by_pattern(lex, text, a, b), (a, b)
        want = [" ".join(m.group().casefold().split()) for m in lex.head_pattern.finditer(text, a, b, timeout=REGEX_TIMEOUT)]
        assert r._head_phrases(lex.head_index, a, b) == want, (a, b)


@given(texts(HEADS, HEADS))
@example("Ministry Spokesperson Службою міністерство")
def test_is_head_matches_the_full_head_pattern(text: str) -> None:
    """``_is_head`` says of every word of the text (and of every head, in mixed case) what ``head_pattern.fullmatch`` says."""
    r = _reader(text)
    words = at._WORD.findall(text, timeout=REGEX_TIMEOUT) + text.split()
    for lex in _lexicons():
        for word in words:
            assert r._is_head(lex, word) == (lex.head_pattern.fullmatch(word, timeout=REGEX_TIMEOUT) is not None), (lex.language, word)


def _titled_by_pattern(r: at._Reader, lex: at._Lexicon, span: tuple[int, int]) -> str | None:
    """``_titled_person`` as it read before the shortcut: words by ``_WORD.finditer``, heads by ``fullmatch``."""
    text = r.text
    inside = [(m.start(), m.end()) for m in r.alias_pattern.finditer(text, *span, timeout=REGEX_TIMEOUT)]
    best: list[str] = []
    run: list[str] = []
    for w in at._WORD.finditer(text, *span, timeout=REGEX_TIMEOUT):
        word = w.group()
        free = not any(s <= w.start() < e for s, e in inside)
        if free and word[:1].isupper() and word not in lex.name_stop and not lex.head_pattern.fullmatch(word, timeout=REGEX_TIMEOUT):
            run.append(word)
            continue
        if len(run) >= 2 and not best:
            best = run
        run = []
    if len(run) >= 2 and not best:
        best = run
    return " ".join(best) if best else None


NAMES = ["Marta", "Ivanyk", "Tomas", "Keller", "Олена", "Коваль", "Spokesperson", "Minister", "Ministry"]


@given(texts(NAMES, NAMES, HEADS, _table("name_stop")), PAIRS)
@example("Marta Ivanyk, spokesperson for the Border Council", [])
@example("Spokesperson Marta Ivanyk of the BBC", [])
@example("Marta Ivanyk BBC Tomas Keller", [])
def test_titled_person_matches_the_word_pattern_reading(text: str, pairs: list[tuple[int, int]]) -> None:
    """``_titled_person`` names the same person as its reading by ``_WORD.finditer`` and ``head_pattern.fullmatch``."""
    r = _reader(text)
    for lex in _lexicons():
        for span in _spans(text, pairs, every=False):
            assert r._titled_person(lex, span, {"spokesperson"}) == _titled_by_pattern(r, lex, span), (lex.language, span)


# --- 'that', prepositions, coordinations -----------------------------------------------------------------------------


SMALL = ["that", "що", "что", "thats", "that_", "that1", "of", "in", "for", "from", "at", "on", "with", "by", "to", "into", "about", "than", "and", "і", "й", "та", "и", "And", "ТА"]


@given(texts(SMALL, SMALL, ['"', "“", "«", " ", "  ", "\t", "\n"]), PAIRS)
@example(" that", [])
@example("  thatx", [])
@example("that_", [])
@example("что-то", [])
@example("of ", [(0, 2)])
@example("into x", [(0, 3)])
@example("of in for from at on with by to into about than x", [])
@example("x and «", [])
@example("x and  ", [(0, 6)])
@example("xand ", [])
@example("a та \"", [])
def test_that_preposition_and_coordination_match_their_patterns(text: str, pairs: list[tuple[int, int]]) -> None:
    """``_that``, ``_preposition`` and ``_coordination`` say what ``_THAT.match``, ``_PREPOSITION.match`` and
    ``lex.coordination.search`` say on the same span."""
    r = _reader(text)
    for a, b in _spans(text, pairs):
        assert r._that(a, b) == (at._THAT.match(text, a, b, timeout=REGEX_TIMEOUT) is not None), (a, b)
        assert r._preposition(a, b) == (at._PREPOSITION.match(text, a, b, timeout=REGEX_TIMEOUT) is not None), (a, b)
        for lex in _lexicons():
            c = lex.coordination.search(text, a, b, timeout=REGEX_TIMEOUT)
            assert r._coordination(lex, a, b) == (None if c is None else c.start()), (lex.language, a, b)


# --- quotation marks ----------------------------------------------------------------------------------------------


_QUOTES = regex.compile(r"[“”«»„\"]")  # the pattern ``_quote_stretches`` used


def _quote_stretches_by_pattern(document: Document) -> list[tuple[int, int]]:
    text, out = document.text, []
    for start, end in document.lines:
        opened = -1
        for m in _QUOTES.finditer(text, start, end, timeout=REGEX_TIMEOUT):
            ch = m.group()
            if opened < 0:
                if ch in at._OPENERS or ch == '"':
                    opened = m.start()
            elif ch in at._CLOSERS or ch == '"' or (ch == "“" and text[opened] == "„"):
                out.append((opened, m.end()))
                opened = -1
    return out


@given(texts(["“", "”", "«", "»", "„", '"', "\n", "\r\n", "'"], ["“", "”", "«", "»", "„", '"', "\n"]))
@example('„a“ "b" «c\nd» "e')
def test_quote_stretches_match_the_quote_pattern(text: str) -> None:
    """``_quote_stretches`` pairs the quotation marks that ``[“”«»„"]`` finds line by line, as it did with the pattern."""
    document = Document(text, tables=TABLES)
    document.segment()
    assert at._quote_stretches(document) == _quote_stretches_by_pattern(document)


# --- known names (aliases) ----------------------------------------------------------------------------------------


@given(texts(ALIASES, ["the", "The", "of", "Ministry", "Defence", "UK"]), PAIRS)
@example("the BBC and The Ministry of Defence of the United Kingdom", [])
@example("The UK MoDs", [])
@example("UK  Ministry of  Defence", [(0, 10)])
@example("the the BBC", [(4, 11)])
@example("the Ministry of Defences, Би-би-сия, The Guardian", [])
@example("the Guardians the guardian", [(0, 13)])
def test_aliases_match_the_alias_pattern(text: str, pairs: list[tuple[int, int]]) -> None:
    """The reader's aliases (the whole text), ``_aliases_between`` (where it can tell) and ``_alias_in`` give the
    spans ``alias_pattern.finditer`` / ``search`` give."""
    r = _reader(text)
    if r.aliases is not None:
        assert r.aliases == [m.span() for m in r.alias_pattern.finditer(text, timeout=REGEX_TIMEOUT)]
    for a, b in _spans(text, pairs, every=False):
        want = [m.span() for m in r.alias_pattern.finditer(text, a, b, timeout=REGEX_TIMEOUT)]
        got = r._aliases_between(a, b)
        assert got is None or [(c.start(), c.end()) for c in got] == want, (a, b)
        found = r._alias_in(a, b)
        assert (None if found is None else (found.start(), found.end())) == (want[0] if want else None), (a, b)


# --- agent cues -----------------------------------------------------------------------------------------------------


@given(texts(AGENT, AGENT, ["by", "in", " by", "\tby", ",", ".", ";", ":", "bypass", "inby"]))
@example("reported by x")
@example("published on telegram by x")
@example("posted on a b c by x")
@example("reported\tby")
@example("reported\u00a0by")
@example("cited in, x")
def test_agent_may_start_never_rules_out_the_agent_pattern(text: str) -> None:
    """Where ``_agent_may_start`` rules an agent cue out, the agent pattern matches nothing there."""
    low = text.lower()
    if len(low) != len(text) or not plain_text(text):
        return  # the cue reader then finds its candidates otherwise and asks every pattern (as ``_cue_matches`` does)
    pattern = at._family_patterns(False)["agent"]
    for pos in range(len(low) + 1):
        if not at._agent_may_start(low, pos):
            assert pattern.match(low, pos, timeout=REGEX_TIMEOUT) is None, pos


def _cues(r: at._Reader) -> dict[int, list[tuple[str, int, int]]]:
    found = at._cue_matches(r.doc, r.words)  # as ``attribute`` calls it
    return {i: [(c.lastgroup, c.start(), c.end()) for c in cs] for i, cs in found.items()}


@given(texts(AGENT, AGENT, CUE_WORDS))
@example("The study by the BBC. It was reported on Telegram by UNN, not posted in")
def test_cue_matches_are_the_same_without_the_agent_prefilter(text: str) -> None:
    """The cues found per sentence are those found when every agent cue is tried by its pattern."""
    r = _reader(text)
    got = _cues(r)
    with mock.patch.object(at, "_agent_may_start", lambda low, pos: True):
        assert got == _cues(r)


@given(texts(CUE_WORDS, ["the", "The", "report", "data", "it", "is", "this", "was", "according", "to", "'s", "-", "—", "(", "«"]))
@example("The report says that x. «The» report notes that y, the-report states that; The data come from UNN")
@example("It is noted that x. (It) is reported that y; it's noted that. This was stated by UNN, according  to ISW")
def test_cue_matches_are_the_same_without_the_second_word_prefilter(text: str) -> None:
    """The cues found per sentence are those found when no cue word is ruled out by the token after it."""
    r = _reader(text)
    got = _cues(r)
    with mock.patch.object(at, "_second_leads", lambda: {}):
        assert got == _cues(r)


def _every_cue_word_asks_its_pattern() -> tuple:
    leads, longest, alone = _CUE_INDEX()
    return leads, longest, {word: False for word in alone}


_CUE_INDEX = at._cue_index


@given(texts(CUE_WORDS, CUE_WORDS, ["estimates", "estimated", "state,", "states", "announce", "announced.", "said", "says", "'s", "-", "—"]))
@example("They estimate, officials estimates. We state-run the state, announce")
def test_a_cue_word_read_alone_is_what_its_pattern_reads(text):
    """Taking a cue word as a cue by itself, where no longer phrase can go on past it, finds what asking the pattern finds."""
    r = _reader(text)
    got = _cues(r)
    with mock.patch.object(at, "_cue_index", _every_cue_word_asks_its_pattern):
        assert got == _cues(r)


# --- records ------------------------------------------------------------------------------------------------------


def test_with_sources_is_evolve() -> None:
    """``_with_sources`` builds what ``attrs.evolve(claim, sources=...)`` builds, every field of the claim kept."""
    import attrs

    from recruitx import parse_report
    from recruitx.records import Claim

    assert [a.name for a in attrs.fields(Claim)] == ["text", "span", "sources", "quantities", "periods", "places", "likelihood", "topic"]
    report = parse_report("Russia recruited 1,500 men in Nepal in May 2024, the ISW said. It is likely that 300 more followed.")
    assert report.claims
    for claim in report.claims:
        for sources in ((), claim.sources, claim.sources * 2):
            assert at._with_sources(claim, sources) == attrs.evolve(claim, sources=sources)


# --- the verb cue's subject ---------------------------------------------------------------------------------------


VERBS = _table("verbs")
SUBJECT_WORDS = with_words(
    _table("determiners") + _table("between") + _table("name_stop") + _table("pronouns") + _table("first_person")
    + ["has", "had", "was", "of", "for", "in", "who", "that", "and", "publicly", "quietly", "Kyiv's", "state-run", "(ISW)", "5"]
    + ["later", "also", "has", "monday", "week", "report", "statement"] * 3
    + ["(UNN)", "(WHO)", "(of)", "(has)", "(Kyiv)", "(ministry)", "(ISW)", "(5)", "(a b)"]
)
SUBJECT_MARKS = [" "] * 24 + [", ", ',"', '." ', "!” ", "; ", " – ", " - ", "\n", "  ", "'", '"', "«", ":", ",", ' "']


def subject_texts() -> st.SearchStrategy[str]:
    """Sentences of known names, head nouns, reporting verbs and the small words around a subject, mostly
    joined by single spaces (where the fast reading applies), sometimes by punctuation."""
    word = st.one_of(
        cased(ALIASES), st.sampled_from(ALIASES), cased(HEADS), st.sampled_from(HEADS), cased(VERBS),
        cased(SUBJECT_WORDS), cased(CUE_WORDS),
    )
    mark = st.sampled_from(SUBJECT_MARKS)
    return st.lists(st.tuples(word, mark), min_size=1, max_size=16).map(lambda ps: "".join(a + b for a, b in ps).rstrip() + ".")


@given(subject_texts())
@example("ISW analysts estimate that 5 men joined.")
@example("On May 8, Ukrainian President Volodymyr Zelenskyy said it.")
@example('"We pay," the assessment reads. In June, UNN reports. The head of state later added that.')
@example("Kyiv's analysts said. The state-run media said. He said. Officials publicly said. The ministry has said.")
@example("Some Ukrinform officials said. the ministry of the UK said. Of them officials said. The BBC analysts said.")
@example("Earlier ISW said. We officials said. The ministry quietly said. In May, in Kyiv officials said. The ministry said.")
@example("The Big Red city ministry press service office team group unit staff member said.")
@example("Internationalization Counterintelligence Telecommunications Departmentalization Counterrevolutionaries Institutionalization Ministry said.")
@example("The head of state later added. The ministry has also said. In its report the ministry said. X, ISW on Monday said.")
@example("the press service of the ministry said. Ministry of defence officials said. Officials Of the agency said.")
@example("the ministry Later PUBLICLY said. Spokesperson for the President says. UNN has quietly also said.")
@example("ISW" + " already" * 12 + " said. ISW on Monday said. ISW last week said. The agency in a statement said.")
@example("the Institute for the Study of War (ISW) said. The agency (who) said. UNN (Kyiv) reports. The ministry (in Kyiv) said.")
@example("officials (abcdefghijklm) said. officials (abcdefghijkl) said. x ((a) said. the think tank (ISW) noted. (ISW) said.")
@example("the ministry of (Defence) said. Officials (had) said. the ministry (ISW)said. the ministry(ISW) said. ministry  (ISW) said")
@example("The ministry Institute for the Study of War said. The big (ISW) said. The big Institute for the Study of War (ISW) said.")
@example("The Kyiv ministry,(ISW) said. The Kyiv ministry-(ISW) said. The big (ISW) said.")
def test_plain_subject_is_the_general_subject(text: str) -> None:
    """Where ``_plain_subject`` reads a subject before a word, ``backward_np`` finds that subject and
    ``_party_like`` takes it (each asked on a reader of its own, so that no cache is shared)."""
    fast, general = _reader(text), _reader(text)
    for sentence in fast.doc.sentences:
        s0 = sentence.start
        for lex in _lexicons():
            for a, _, _ in fast.tokens:
                if not s0 <= a <= sentence.end:
                    continue
                span = fast._plain_subject(lex, s0, a)
                if span is not None:
                    assert general.backward_np(lex, s0, a) == span, (lex.language, a)
                    assert general._party_like(lex, *span), (lex.language, a)
                    assert fast._words(*span) == general._words(*span)
                    assert _found(fast._alias_in(*span)) == _found(general._alias_in(*span))
                    assert fast._heads(lex, *span) == general._heads(lex, *span)


def _found(match) -> tuple[int, int] | None:
    return None if match is None else (match.start(), match.end())


@given(subject_texts())
@example("ISW analysts estimate that 5 men joined. The head of state later added that the ministry said it.")
def test_attribution_is_the_same_without_the_plain_subject(text: str) -> None:
    """The claims' sources are those found when every verb cue's subject is read by the general path."""
    from recruitx import parse_report

    got = parse_report(text)
    with mock.patch.object(at._Reader, "_plain_subject", lambda self, lex, s0, pos: None):
        assert parse_report(text) == got


def _opens_by_pattern(lex: at._Lexicon, text: str, s0: int, pos: int) -> bool:
    """``_opens`` as it read before its shortcuts: the last ``strong`` match, then ``_WORD`` words up to ``pos``."""
    bounds = list(lex.strong.finditer(text, max(s0, pos - 80), pos, timeout=REGEX_TIMEOUT))
    begin = bounds[-1].end() if bounds else s0
    return len(at._WORD.findall(text, begin, pos, timeout=REGEX_TIMEOUT)) <= 4


@given(texts(["(", ")", "(-)", "(a)", "()", "that", "That", ";", ":", "x'y", "U.S.", "a-b"], ["(", "(–)", " ", "that"]), PAIRS)
@example("(-) (–) (-) (-) (-) x", [(0, 21)])
@example("a b (c d) e f", [(0, 13)])
@example("a b c d e that f", [(0, 16)])
def test_opens_matches_the_word_pattern_reading(text: str, pairs: list[tuple[int, int]]) -> None:
    """``_opens`` (few words since the sentence start or "that") says what the strong pattern and ``_WORD`` say."""
    r = _reader(text)
    for lex in _lexicons():
        for a, b in _spans(text, pairs):
            assert r._opens(lex, a, b) == _opens_by_pattern(lex, text, a, b), (lex.language, a, b)


@given(texts(HEADS, HEADS, ["of", "for", "from", "in", "at", "with", "on", "by", "who", "which", "Of", "the", "head of", "state"]))
@example("the head of state of the ministry. Press service of the Ministry of Defence for analysts")
@example("officials of. of officials. the ministry spokesperson for. the ministry Of defence spokesperson")
def test_plain_heads_are_the_heads(text: str) -> None:
    """``_plain_heads`` of every run of words of letters with single spaces between them gives what ``_heads`` gives."""
    r, general = _reader(text), _reader(text)
    tokens, lex = r.tokens, at._lexicon("en")
    for j in range(len(tokens)):
        for k in range(j, min(len(tokens), j + 6)):
            if k > j and (tokens[k - 1][1] + 1 != tokens[k][0] or text[tokens[k - 1][1]] != " "):
                break
            if not (text[tokens[k][0] : tokens[k][1]].isascii() and tokens[k][2].isalpha()):
                break
            got = r._plain_heads(lex, j, k, tokens[k][1])
            assert got is None or got == general._find_heads(lex, tokens[j][0], tokens[k][1]), (j, k)
