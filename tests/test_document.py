"""The document stage: header, lines, boilerplate, sentences and languages, all as true offsets."""

from __future__ import annotations

import datetime as dt

import regex
from hypothesis import given
from hypothesis import strategies as st

from recruitx._patterns import tokenize
from recruitx.document import Document, detect_language, recruitx_mark_boilerplate


def _doc(text: str) -> Document:
    doc = Document(text)
    doc.mark_skipped(recruitx_mark_boilerplate(doc))
    doc.segment()
    return doc


def _texts(doc: Document) -> list[str]:
    return [s.text for s in doc.sentences]


def test_header_gives_date_and_is_not_content():
    doc = _doc(" date 2025-04-27 Title of the piece\n\nBody one. Body two.")
    assert doc.published == dt.date(2025, 4, 27)
    assert doc.title == "Title of the piece"
    assert _texts(doc) == ["Title of the piece", "Body one.", "Body two."]
    assert all(doc.text[s.start : s.end] == s.text for s in doc.sentences)


def test_malformed_header_is_a_diagnostic_not_an_error():
    doc = _doc(" date 2025-13-45 Something happened.")
    assert doc.published is None
    assert any("not a valid ISO date" in d.message for d in doc.diagnostics)


def test_sentences_keep_abbreviations_and_initials_together():
    doc = _doc("External affairs minister S. Jaishankar spoke on Sept. 26 in the U.S. capital. Then he left.")
    assert _texts(doc) == ["External affairs minister S. Jaishankar spoke on Sept. 26 in the U.S. capital.", "Then he left."]


def test_sentences_split_before_quotes_and_trailing_dash_cues():
    doc = _doc('"We have their passports. They are 155," he said. It is a lot. - the statement reads.')
    assert _texts(doc) == ['"We have their passports.', 'They are 155," he said.', "It is a lot.", "- the statement reads."]


def test_every_line_end_convention_splits_lines():
    doc = _doc("One line.\r\nTwo line.\rThree line.\u2028Four line.")
    assert [s.line for s in doc.sentences] == [0, 1, 2, 3]


def test_headings_and_boilerplate():
    doc = _doc("Lead sentence here.\n\nDetails\n\nShare this article\n5 min read\nBody. Photo: Somebody / Agency")
    kinds = {s.text: s.kind for s in doc.sentences}
    assert kinds["Details"] == "heading"
    assert "Share this article" not in kinds and "5 min read" not in kinds
    assert "Body." in kinds and not any("Photo" in t for t in kinds)


def test_language_per_sentence():
    assert detect_language("Russia keeps recruiting abroad.") == "en"
    assert detect_language("Росія продовжує вербувати іноземців.") == "uk"
    assert detect_language("Россия продолжает вербовать мигрантов.") == "ru"
    assert detect_language("На фронте воюют 155 граждан КНР.") == "ru"
    assert detect_language("На фронті воюють 155 громадян КНР.") == "uk"
    doc = _doc("Recruits came from Asia. Росія продовжує вербувати іноземців.")
    assert [s.language for s in doc.sentences] == ["en", "uk"]


_SPACY_ALPHABET = st.sampled_from(list("ab Яй1 ,.-\n\t\u00a0\u0301İß\u2028_'") + ["  "])


@given(st.lists(_SPACY_ALPHABET, max_size=60).map("".join) | st.text(max_size=80))
def test_tokenize_gives_every_maximal_word_run(text):
    """The run-splitting tokenizer gives exactly the tokens of a plain per-word scan, offsets included."""
    lowered = text.lower()
    source = lowered if len(lowered) == len(text) else text
    expected = [(m.start(), m.end(), m.group().lower()) for m in regex.finditer(r"[\p{L}\p{M}\p{N}]+", source)]
    assert tokenize(text) == expected


def test_no_word_character_is_a_space_to_str_split():
    """tokenize blanks non-word characters and splits on whitespace: no letter, mark or digit may count as one."""
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert spaces and not [c for c in spaces if regex.fullmatch(r"[\p{L}\p{M}\p{N}]", c)]


def _reference_language(text: str, default: str = "en") -> str:
    """detect_language written the plain way: count every letter of each script, then the telling letters and words."""
    import json
    from importlib import resources

    data = json.loads(resources.files("recruitx").joinpath("data", "languages.json").read_text(encoding="utf-8"))
    n_cyr = len(regex.findall(r"\p{Cyrillic}", text))
    if n_cyr == 0:
        return "en" if regex.search(r"\p{Latin}", text) else default
    if len(regex.findall(r"\p{Latin}", text)) >= n_cyr:
        return "en"
    uk = sum(ch in data["uk_letters"] for ch in text)
    ru = sum(ch in data["ru_letters"] for ch in text)
    if uk != ru:
        return "uk" if uk > ru else "ru"
    words = [w.lower() for w in regex.findall(r"\p{L}+", text)]
    uk = sum(w in data["uk_words"] for w in words)
    ru = sum(w in data["ru_words"] for w in words)
    if uk != ru:
        return "uk" if uk > ru else "ru"
    return default if default in ("uk", "ru") else "ru"


_MIXED = st.lists(st.sampled_from(["і", "ы", "ї", "ё", "а", "б", "a", "b", " ", "1", ".", "що", "что", "і ", "и ", "ǅ", "ß"]), max_size=30).map("".join)


@given(_MIXED | st.text(max_size=40), st.sampled_from(["en", "uk", "ru"]))
def test_detect_language_matches_the_plain_counting(text, default):
    assert detect_language(text, default) == _reference_language(text, default)


def test_lines_containing_folds_case_as_case_insensitive_patterns_do():
    doc = Document("First line.\nCLICK HERE for more\nplain prose\nſee the map")
    assert [doc.text[s:e] for s, e in doc.lines_containing(["click", "see"])] == ["CLICK HERE for more", "ſee the map"]
    assert doc.lines_containing(["absent"]) == []
    folded_longer = Document("Straße ahead\nCLICK here")  # "ß" folds to "ss": offsets move, lines are folded one by one
    assert [folded_longer.text[s:e] for s, e in folded_longer.lines_containing(["strasse", "click"])] == ["Straße ahead", "CLICK here"]
