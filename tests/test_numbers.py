"""``recruitx.parse_number``: digits in every separator style, scales, number words in three languages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from num2words import num2words

from recruitx import parse_number

#: Thousands separators each language's news really uses.
SEPARATORS = {
    "en": [",", " ", "\u00a0", "\u202f", "'", ""],
    "uk": [" ", "\u00a0", "\u202f", ".", "'", ""],
    "ru": [" ", "\u00a0", "\u202f", ".", "'", ""],
}


def grouped(n: int, sep: str) -> str:
    digits = str(n)
    head = len(digits) % 3 or 3
    return sep.join([digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)])


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["en", "uk", "ru"]), st.data())
def test_grouped_digits_parse_back(n: int, language: str, data: st.DataObject) -> None:
    sep = data.draw(st.sampled_from(SEPARATORS[language]))
    assert parse_number(grouped(n, sep), language) == n


@given(st.integers(min_value=1000, max_value=10**9), st.sampled_from(["uk", "ru"]))
def test_comma_grouping_without_scale_is_thousands_in_cyrillic_texts(n: int, language: str) -> None:
    assert parse_number(grouped(n, ","), language) == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=9), st.sampled_from(["en", "uk", "ru"]))
def test_one_decimal_digit(whole: int, tenth: int, language: str) -> None:
    mark = "." if language == "en" else ","
    assert parse_number(f"{whole}{mark}{tenth}", language) == pytest.approx(whole + tenth / 10)


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["en", "uk", "ru"]))
def test_num2words_renderings_parse_back(n: int, language: str) -> None:
    # num2words writes the nominative forms (uk/ru) and "one thousand, five hundred and one" (en):
    # every form it produces up to 10**9 is one news text can use.
    assert parse_number(num2words(n, lang=language), language) == n


@given(st.text(max_size=60))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    value = parse_number(text)
    assert value is None or isinstance(value, (int, float))
    for language in ("en", "uk", "ru"):
        value = parse_number(text, language)
        assert value is None or isinstance(value, (int, float))


@given(st.text(alphabet="0123456789 ,.'\u00a0-%$тисячmillionk", max_size=30))
def test_never_raises_on_number_like_text(text: str) -> None:
    for language in (None, "en", "uk", "ru"):
        value = parse_number(text, language)
        assert value is None or isinstance(value, (int, float))


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("1,500", "en", 1500),
        ("1.5", "en", 1.5),
        ("1,5", "uk", 1.5),
        ("1.500", "ru", 1500),
        ("1.500", "en", 1.5),
        ("1,234,567.5", "en", 1234567.5),
        ("1.234.567,5", "uk", 1234567.5),
        ("2,500 тис.", "uk", 2500),
        ("1,5 тис.", "uk", 1500),
        ("2,3 млн", "ru", 2300000),
        ("37,9 тисяч", "uk", 37900),
        ("10 тыс.", "ru", 10000),
        ("1.5 million", "en", 1500000),
        ("15 thousand", "en", 15000),
        ("15k", "en", 15000),
        ("$2bn", "en", 2000000000),
        ("$5m", "en", 5000000),
        ("$US1.7 billion", "en", 1700000000),
        ("-40", None, -40),
        ("+12", None, 12),
        ("90%", None, 90),
        ("twenty-one", "en", 21),
        ("one thousand five hundred", "en", 1500),
        ("a dozen", "en", 12),
        ("two dozen", "en", 24),
        ("a thousand", "en", 1000),
        ("half a million", "en", 500000),
        ("Two", "en", 2),
        ("двоє", "uk", 2),
        ("двох", "uk", 2),
        ("п'ятсот", "uk", 500),
        ("п’ятсот", "uk", 500),
        ("тисячі", "uk", 1000),
        ("двух тысяч", "ru", 2000),
        ("трёхсот", "ru", 300),
        ("полтора", "ru", 1.5),
        ("півтори тисячі", "uk", 1500),
        ("полутора миллионов", "ru", 1500000),
        ("півмільйона", "uk", 500000),
        ("шести", "uk", 6),
        ("сорока", "ru", 40),
    ],
)
def test_examples(text: str, language: str | None, value: float) -> None:
    assert parse_number(text, language) == value


@pytest.mark.parametrize(
    "text",
    ["", "   ", "hello", "21.03.2023", "11:43", "1,50,0", "two three", "one two", "thousand million", "тридцать сорок", "1.2.3", "5G", "%"],
)
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(("text", "value"), [("a couple of", 2), ("a couple", 2), ("a pair of", 2), ("couple", None)])
def test_a_couple_of_counts_only_after_an_article(text, value):
    assert parse_number(text, "en") == value
