"""The quantity stage: qualifiers and bounds from built phrases, spans, and robustness on any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from num2words import num2words

import recruitx
from recruitx.quantities import find_in_text

# qualifier word -> (qualifier, has low, has high), per language
QUALIFIERS = {
    "en": [
        ("", "exact"),
        ("about", "approx"),
        ("around", "approx"),
        ("roughly", "approx"),
        ("an estimated", "approx"),
        ("at least", "at_least"),
        ("no fewer than", "at_least"),
        ("more than", "more_than"),
        ("over", "more_than"),
        ("in excess of", "more_than"),
        ("up to", "at_most"),
        ("at most", "at_most"),
        ("no more than", "at_most"),
        ("less than", "less_than"),
        ("fewer than", "less_than"),
        ("nearly", "less_than"),
        ("almost", "less_than"),
    ],
    "uk": [
        ("", "exact"),
        ("близько", "approx"),
        ("приблизно", "approx"),
        ("щонайменше", "at_least"),
        ("понад", "more_than"),
        ("більше ніж", "more_than"),
        ("до", "at_most"),
        ("не більше ніж", "at_most"),
        ("майже", "less_than"),
        ("менше ніж", "less_than"),
    ],
    "ru": [
        ("", "exact"),
        ("около", "approx"),
        ("примерно", "approx"),
        ("не менее", "at_least"),
        ("как минимум", "at_least"),
        ("более", "more_than"),
        ("свыше", "more_than"),
        ("до", "at_most"),
        ("не более", "at_most"),
        ("почти", "less_than"),
        ("менее", "less_than"),
    ],
}
NOUNS = {"en": ["foreign citizens", "prisoners", "recruits"], "uk": ["іноземців", "осіб", "найманців"], "ru": ["мигрантов", "человек", "заключённых"]}
FRAME = {
    "en": "The ministry said that {q} were sent to the front.",
    "uk": "У відомстві заявили, що {q} відправили на фронт.",
    "ru": "В ведомстве заявили, что {q} отправили на фронт.",
}


def rendering(n: int, language: str, style: int) -> str:
    """One way news writes ``n``: grouped digits, words, or a decimal with a scale word."""
    if style == 0:
        return f"{n:,}" if language == "en" else f"{n:,}".replace(",", "\u00a0")
    if style == 1:
        return num2words(n, lang=language)
    scale = {"en": "thousand", "uk": "тисяч", "ru": "тысяч"}[language]
    return f"{n // 1000}{'.' if language == 'en' else ','}5 {scale}" if n >= 2000 else f"{n:,}"


def value_of(text: str, n: int, style: int) -> float:
    return n // 1000 * 1000 + 500 if style == 2 and n >= 2000 else n


@given(st.sampled_from(["en", "uk", "ru"]), st.integers(min_value=2, max_value=999_999), st.integers(0, 2), st.data())
def test_built_phrase_has_its_qualifier_and_bounds(language: str, n: int, style: int, data: st.DataObject) -> None:
    word, qualifier = data.draw(st.sampled_from(QUALIFIERS[language]))
    noun = data.draw(st.sampled_from(NOUNS[language]))
    number = rendering(n, language, style)
    phrase = f"{word} {number} {noun}".strip()
    text = FRAME[language].format(q=phrase)
    report = recruitx.parse_report(text, published="2025-04-27", language=language)
    found = [q for c in report.claims for q in c.quantities]
    assert len(found) == 1, (text, found)
    q = found[0]
    assert text[q.span[0] : q.span[1]] == q.text
    assert q.text == phrase
    assert q.qualifier == qualifier
    value = value_of(number, n, style)
    assert q.value == value
    if q.low is not None and q.high is not None:
        assert q.low <= q.high
    expected = {
        "exact": (value, value),
        "approx": (value, value),
        "at_least": (value, None),
        "more_than": (value, None),
        "at_most": (None, value),
        "less_than": (None, value),
    }[qualifier]
    assert (q.low, q.high) == expected
    assert q.unit == noun


@given(st.sampled_from(["en", "uk", "ru"]), st.integers(1, 5000), st.integers(1, 5000), st.data())
def test_built_range_has_ordered_bounds(language: str, a: int, b: int, data: st.DataObject) -> None:
    low, high = sorted((a, b))
    if low == high:
        high += 1
    opener, join = data.draw(
        st.sampled_from(
            {
                "en": [("between", "and"), ("from", "to"), ("", "-"), ("", "to")],
                "uk": [("від", "до"), ("між", "і"), ("", "-")],
                "ru": [("от", "до"), ("между", "и"), ("", "-")],
            }[language]
        )
    )
    noun = data.draw(st.sampled_from(NOUNS[language]))
    phrase = (f"{opener} " if opener else "") + (f"{low:,}-{high:,}" if join == "-" else f"{low:,} {join} {high:,}") + f" {noun}"
    if language != "en":
        phrase = phrase.replace(",", "\u00a0")
    text = FRAME[language].format(q=phrase)
    found = [q for c in recruitx.parse_report(text, published="2025-04-27").claims for q in c.quantities]
    assert [(q.text, q.qualifier, q.low, q.high, q.value) for q in found] == [(phrase, "range", low, high, None)]


@given(st.text(max_size=200))
def test_never_raises_and_spans_slice_back(text: str) -> None:
    for language in ("en", "uk", "ru"):
        for q in find_in_text(text, language):
            assert text[q.span[0] : q.span[1]] == q.text
            assert q.low is None or q.high is None or q.low <= q.high


@given(
    st.lists(
        st.sampled_from(
            ["1,500", "2,5", " ", "-", "–", "about", "до", "від", "more than", "тыс.", "million", "of", "people", "(", ")", "$", "%",
             "between", "and", "one", "двох", "dozens", "сотні", "April", "27", "2024", "року", ":", "/", ".", "\n", "aged", "-year-old"]
        ),
        max_size=25,
    )
)
def test_never_raises_on_number_soup(parts: list[str]) -> None:
    text = " ".join(parts)
    report = recruitx.parse_report(text, published="2025-04-27")
    for claim in report.claims:
        for q in claim.quantities:
            assert text[q.span[0] : q.span[1]] == q.text
            assert q.low is None or q.high is None or q.low <= q.high


def test_unit_far_from_a_parenthesised_figure() -> None:
    text = "Most of the recruits came from Nepal (312), followed by Cuba (85)."
    found = find_in_text(text)
    assert [(q.text, q.unit) for q in found] == [("312", "recruits"), ("85", "recruits")]


def test_unit_borrowed_from_an_earlier_figure() -> None:
    text = "Of the 140 Nepalis who signed contracts, 31 have come home."
    found = find_in_text(text)
    assert [(q.text, q.unit) for q in found] == [("140 Nepalis", "Nepalis"), ("31", "Nepalis")]


def test_unit_after_of_the() -> None:
    found = find_in_text("Moderators removed 41 of the 50 videos flagged by researchers.")
    assert [(q.text, q.value, q.unit) for q in found] == [("41", 41, "videos"), ("50 videos", 50, "videos")]


def test_a_plus_sign_between_cue_words_is_not_a_space():
    """'more+than 5' once matched the cue with '+' as a separator, then failed to look it up: the stage died."""
    report = recruitx.parse_report("Officials said more+than 5 men joined.")
    assert not [d for d in report.diagnostics if d.level == "error"]
    assert [q.text for c in report.claims for q in c.quantities] == ["5 men"]
