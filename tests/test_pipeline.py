"""parse_report end to end: arguments, errors, header and overrides, spans, claims and their order."""

from __future__ import annotations

import datetime as dt

import pytest

import recruitx

REPORT = (
    " date 2025-04-27 Moscow keeps enlisting foreigners\n\n"
    "Russia will almost certainly keep enlisting foreigners, British intelligence says.\n\n"
    "Details\n\n"
    "It is likely that most recruits sign up for the money.\n"
    "Нагадаємо, Росія, ймовірно, продовжить вербування."
)


def _spans_slice_back(text: str, report: recruitx.Report) -> None:
    for claim in report.claims:
        assert text[claim.span[0] : claim.span[1]] == claim.text
        for item in (*claim.quantities, *claim.periods, *claim.places, *([claim.likelihood] if claim.likelihood else [])):
            assert text[item.span[0] : item.span[1]] == item.text
        for source in claim.sources:
            assert text[source.span[0] : source.span[1]] == source.mention


def test_report_fields_from_the_header():
    report = recruitx.parse_report(REPORT)
    assert report.published == dt.date(2025, 4, 27)
    assert report.language == "en"
    assert report.title == "Moscow keeps enlisting foreigners"
    _spans_slice_back(REPORT, report)


def test_claims_in_document_order_and_headings_are_not_claims():
    report = recruitx.parse_report(REPORT)
    starts = [c.span[0] for c in report.claims]
    assert starts == sorted(starts)
    assert all(c.text != "Details" for c in report.claims)
    terms = [c.likelihood.term for c in report.claims if c.likelihood]
    assert terms == ["almost certain", "likely", "likely"]


def test_ukrainian_closing_sentence_is_read_as_ukrainian():
    report = recruitx.parse_report(REPORT)
    last = report.claims[-1]
    assert last.text.startswith("Нагадаємо")
    assert last.likelihood is not None and last.likelihood.text == "ймовірно"


def test_published_argument_overrides_header_and_accepts_strings():
    assert recruitx.parse_report(REPORT, published="2024-01-02").published == dt.date(2024, 1, 2)
    assert recruitx.parse_report(REPORT, published=dt.datetime(2024, 1, 2, 5)).published == dt.date(2024, 1, 2)


def test_no_date_at_all_is_said_in_a_diagnostic():
    report = recruitx.parse_report("Russia will likely keep recruiting.")
    assert report.published is None
    assert any("no publication date" in d.message for d in report.diagnostics)


def test_outlet_and_language_arguments():
    report = recruitx.parse_report("Росія, ймовірно, продовжить вербування.", outlet="UNN", language="uk")
    assert report.outlet == "UNN" and report.language == "uk"


@pytest.mark.parametrize("bad", [b"bytes text", None, 42, ["a"]])
def test_non_str_text_is_a_type_error_naming_the_type(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        recruitx.parse_report(bad)  # type: ignore[arg-type]


def test_bytes_message_says_to_decode():
    with pytest.raises(TypeError, match="decode"):
        recruitx.parse_report(b"x")  # type: ignore[arg-type]


def test_bad_arguments_raise_our_errors():
    with pytest.raises(recruitx.InvalidArgument):
        recruitx.parse_report("x", language="de")
    with pytest.raises(recruitx.InvalidArgument):
        recruitx.parse_report("x", published="27 April")
    with pytest.raises(recruitx.InvalidArgument):
        recruitx.parse_report("x", yardstick="nato")
    with pytest.raises(TypeError):
        recruitx.parse_report("x", published=20250427)  # type: ignore[arg-type]
    assert issubclass(recruitx.InvalidArgument, recruitx.RecruitxError)


def test_input_too_large_is_raised_before_work_and_limit_can_be_raised():
    text = "Russia will likely recruit. " * 100
    with pytest.raises(recruitx.InputTooLarge) as info:
        recruitx.parse_report(text, max_chars=100)
    assert isinstance(info.value, recruitx.RecruitxError)
    assert info.value.size == len(text) and info.value.limit == 100
    assert recruitx.parse_report(text, max_chars=len(text)).claims


@pytest.mark.parametrize("text", ["", "   \n\t ", " date 2025-04-27", " date 2025-04-27 \n\nShare this article\n3 min read"])
def test_empty_and_furniture_only_texts_give_an_empty_report(text):
    report = recruitx.parse_report(text)
    assert report.claims == ()
    assert isinstance(report.to_json(), str)


def test_icd203_yardstick():
    report = recruitx.parse_report("Russia will very likely keep recruiting.", yardstick="icd203")
    lk = report.claims[0].likelihood
    assert (lk.term, lk.low, lk.high, lk.scale) == ("very likely", 0.8, 0.95, "icd203")


def test_sentence_with_two_likelihoods_becomes_two_claims():
    text = "Recruitment will almost certainly continue, and losses are likely to stay high."
    report = recruitx.parse_report(text, published="2025-01-01")
    assert [c.likelihood.term for c in report.claims] == ["almost certain", "likely"]
    _spans_slice_back(text, report)


def test_same_input_gives_equal_reports():
    assert recruitx.parse_report(REPORT) == recruitx.parse_report(REPORT)
    assert recruitx.parse_report(REPORT).to_json() == recruitx.parse_report(REPORT).to_json()
