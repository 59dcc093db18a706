"""Property tests of the period stage: rendered dates resolve to themselves, intervals to their ends,
year-less dates by tense relative to the publication date, and nothing raises on any text."""

from __future__ import annotations

import datetime as dt

import pytest

from hypothesis import assume, given
from hypothesis import strategies as st

import recruitx
from recruitx.periods import find_periods_in, resolve_period

EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
UK_GEN = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"]
UK_LOC = ["січні", "лютому", "березні", "квітні", "травні", "червні", "липні", "серпні", "вересні", "жовтні", "листопаді", "грудні"]
RU_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
RU_LOC = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре", "декабре"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))
published_dates = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2035, 12, 31))


def renderings(d: dt.date) -> list[str]:
    """The written forms of ``d`` the stage must read, in the three languages."""
    return [
        f"{d.day} {EN[d.month - 1]} {d.year}",
        f"{EN[d.month - 1]} {d.day}, {d.year}",
        d.isoformat(),
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        f"{d.day} {UK_GEN[d.month - 1]} {d.year} року",
        f"{d.day} {RU_GEN[d.month - 1]} {d.year} г.",
        f"{d.day} {RU_GEN[d.month - 1]} {d.year} года",
    ]


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


@given(dates, published_dates, st.sampled_from(range(7)))
def test_rendered_dates_resolve_to_themselves(d: dt.date, published: dt.date, form: int) -> None:
    text = renderings(d)[form]
    period = resolve_period(f"The figure was published on {text}.", published)
    assert period is not None, text
    assert (period.start, period.end) == (d, d), text
    assert text in period.text


@given(dates, st.sampled_from(["en", "uk", "uk_loc", "ru", "ru_loc"]))
def test_month_with_year_resolves_to_its_first_and_last_day(d: dt.date, form: str) -> None:
    text = {
        "en": f"in {EN[d.month - 1]} {d.year}",
        "uk": f"до {UK_GEN[d.month - 1]} {d.year} року".replace("до ", "з "),
        "uk_loc": f"у {UK_LOC[d.month - 1]} {d.year} року",
        "ru": f"{RU_GEN[d.month - 1]} {d.year} года",
        "ru_loc": f"в {RU_LOC[d.month - 1]} {d.year} года",
    }[form]
    period = resolve_period(text, None)
    assert period is not None, text
    first, last = dt.date(d.year, d.month, 1), _month_end(d.year, d.month)
    if form == "uk":  # "з травня 2024 року": since then, open at the end with no publication date
        assert period.start == first and period.end is None
    else:
        assert (period.start, period.end) == (first, last), text


@given(dates, dates, st.sampled_from(["between {} and {}", "from {} to {}", "з {} по {}", "с {} по {}", "від {} до {}"]))
def test_two_ends_make_one_interval(d1: dt.date, d2: dt.date, frame: str) -> None:
    d1, d2 = min(d1, d2), max(d1, d2)
    if frame.startswith(("з", "від")):
        a, b = (f"{d.day} {UK_GEN[d.month - 1]} {d.year} року" for d in (d1, d2))
    elif frame.startswith("с"):
        a, b = (f"{d.day} {RU_GEN[d.month - 1]} {d.year} года" for d in (d1, d2))
    else:
        a, b = (f"{EN[d.month - 1]} {d.day}, {d.year}" for d in (d1, d2))
    found = find_periods_in(f"Recruits signed up {frame.format(a, b)}.", dt.date(2036, 1, 1))
    assert len(found) == 1, found
    assert (found[0].start, found[0].end) == (d1, d2)
    assert found[0].granularity == "interval"


@given(published_dates, st.integers(1, 12), st.integers(1, 31), st.sampled_from(["en", "uk", "ru"]))
def test_month_day_in_a_past_clause_is_within_the_year_before_publication(
    published: dt.date, month: int, day: int, language: str
) -> None:
    assume(day <= _month_end(2024, month).day)
    text = {
        "en": f"The unit was formed on {EN[month - 1]} {day}.",
        "uk": f"Підрозділ сформували {day} {UK_GEN[month - 1]}.",
        "ru": f"Подразделение сформировали {day} {RU_GEN[month - 1]}.",
    }[language]
    period = resolve_period(text, published)
    assert period is not None, text
    assert period.start == period.end
    assert period.start <= published
    assert (period.start.month, period.start.day) == (month, day)
    if (month, day) != (2, 29):
        assert (published - period.start).days < 366


@given(published_dates, st.integers(1, 12))
def test_month_in_a_future_clause_is_not_over_before_publication(published: dt.date, month: int) -> None:
    period = resolve_period(f"The ministry will open new offices in {EN[month - 1]}.", published)
    assert period is not None
    assert period.end >= published
    assert period.start.month == month
    assert (period.start - published).days < 366


@given(published_dates, st.sampled_from(WEEKDAYS))
def test_weekday_is_within_the_seven_days_up_to_publication(published: dt.date, weekday: str) -> None:
    period = resolve_period(f"The governor said on {weekday} that quotas were met.", published)
    assert period is not None
    assert period.start == period.end
    assert 0 <= (published - period.start).days < 7
    assert period.start.weekday() == WEEKDAYS.index(weekday)


@given(published_dates, st.sampled_from(["last week", "last month", "last year", "this year", "earlier this month",
                                         "yesterday", "today", "минулого тижня", "торік", "в прошлом месяце"]))
def test_relative_words_end_on_or_before_publication(published: dt.date, phrase: str) -> None:
    period = resolve_period(f"Recruitment grew {phrase}.", published)
    assert period is not None, phrase
    assert period.start <= period.end <= published


@given(st.text(max_size=300), st.none() | published_dates)
def test_arbitrary_text_never_raises(text: str, published: dt.date | None) -> None:
    for period in find_periods_in(text, published):
        assert text[period.span[0] : period.span[1]] == period.text
        assert period.start is None or period.end is None or period.start <= period.end


@given(
    st.lists(
        st.sampled_from(["since", "by the end of", "in", "between", "and", "mid-", "early", "last", "з", "до", "с", "по",
                         "May", "April", "Monday", "2024", "1999", "31", "30", "February", "лютого", "мая", "року", "года",
                         "spring", "quarter", "second", "the", "of", "–", "Q2", ",", "99999", "0", "year", "same period"]),
        max_size=12,
    ),
    st.none() | published_dates,
)
def test_word_salad_of_calendar_words_never_raises(words: list[str], published: dt.date | None) -> None:
    text = " ".join(words)
    for period in find_periods_in(text, published):
        assert text[period.span[0] : period.span[1]] == period.text
        assert period.start is None or period.end is None or period.start <= period.end


def test_impossible_dates_are_not_periods() -> None:
    for text in ["on February 30, 2024", "30 лютого 2023 року", "31.02.2023", "2023-02-30", "on 31 April 2020"]:
        assert resolve_period(text, dt.date(2024, 5, 1)) is None, text
    assert resolve_period("in the year 99999", dt.date(2024, 5, 1)) is None


def test_without_a_publication_date_relative_periods_are_unresolved() -> None:
    report = recruitx.parse_report("Recruiters returned to the city last month. The camp opened in May 2023.")
    periods = [p for claim in report.claims for p in claim.periods]
    assert [(p.text, p.start, p.end, p.granularity) for p in periods] == [
        ("last month", None, None, "unresolved"),
        ("in May 2023", dt.date(2023, 5, 1), dt.date(2023, 5, 31), "month"),
    ]
    assert any("last month" in d.message for d in report.diagnostics)


def test_same_period_refers_to_the_previous_period() -> None:
    text = "У третьому кварталі 2024 року контракти підписали 40 тисяч осіб, за аналогічний період 2023 року — 55 тисяч."
    found = find_periods_in(text, dt.date(2024, 11, 1))
    assert [(p.start, p.end) for p in found] == [
        (dt.date(2024, 7, 1), dt.date(2024, 9, 30)),
        (dt.date(2023, 7, 1), dt.date(2023, 9, 30)),
    ]


def test_agrees_with_dateparser_on_absolute_dates() -> None:
    import dateparser

    settings = {"STRICT_PARSING": True, "RELATIVE_BASE": dt.datetime(2025, 4, 27)}
    for text, language in [("8 April 2025", "en"), ("April 8, 2025", "en"), ("8 квітня 2025", "uk"), ("8 апреля 2025", "ru")]:
        expected = dateparser.parse(text, languages=[language], settings=settings).date()
        period = resolve_period(text, dt.date(2025, 4, 27))
        assert period is not None and period.start == period.end == expected, text


@pytest.mark.parametrize(
    ("text", "language_day"),
    [
        ("The decree was signed on 26/09/2022 in Moscow.", "2022-09-26"),
        ("On 9/26/2022 the call-up began.", "2022-09-26"),
        ("Records dated 2022/09/26 list 40 recruits.", "2022-09-26"),
        ("Вербування почалося 05/03/2023 у Казані.", "2023-03-05"),
        ("Набор начался 05/03/2023 в Казани.", "2023-03-05"),
    ],
)
def test_slash_dates_are_normalised_by_dateparser(text, language_day):
    report = recruitx.parse_report(text, published="2023-10-01")
    assert [(p.start.isoformat(), p.end.isoformat()) for c in report.claims for p in c.periods] == [(language_day, language_day)]


@pytest.mark.parametrize("text", ["About 3/4 of them came back.", "See pages 12/13 of the report.", "Score 1/2/3 wins."])
def test_fractions_and_page_ranges_are_not_dates(text):
    report = recruitx.parse_report(text, published="2023-10-01")
    assert not [p for c in report.claims for p in c.periods]


def test_every_month_form_in_the_tables_reads_as_its_month():
    from recruitx.periods import _lexicon

    wrong = []
    for form, number in sorted(_lexicon().month.items()):
        for text in (f"on 5 {form} 2024", f"з 5 {form} 2024", f"in {form} 2024"):
            found = find_periods_in(text, dt.date(2025, 1, 1))
            months = {p.start.month for p in found if p.start is not None}
            if found and months != {number}:
                wrong.append((text, months))
    assert not wrong, wrong[:10]
