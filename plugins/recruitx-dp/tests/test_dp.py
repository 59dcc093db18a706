"""recruitx-dp: Delovoy Peterburg's own voice («ДП»), dateline and rubric/byline furniture."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import recruitx_dp
from recruitx.document import Document
from recruitx.records import Claim, Source
from recruitx.testing import parse_with

REPORTS = pathlib.Path(__file__).parent / "reports"
MIGRANTS = (REPORTS / "migrants.txt").read_text(encoding="utf-8")
BONUS = (REPORTS / "contract-bonus.txt").read_text(encoding="utf-8")
OTHER = (REPORTS / "other-outlet.txt").read_text(encoding="utf-8")
NAME = "Delovoy Peterburg"
PUBLISHED = "2024-07-03"


def parse(text: str, **kwargs):
    """Parse with the built-in stages and this plugin only (installed plugins left out)."""
    return parse_with(text, recruitx_dp, isolated=True, published=PUBLISHED, **kwargs)


def skipped(text: str) -> list[str]:
    doc = Document(text, outlet=NAME)
    return [text[s:e] for s, e in recruitx_dp.recruitx_mark_boilerplate(document=doc)]


@pytest.mark.parametrize("text", [MIGRANTS, BONUS, "Материал опубликован на dp.ru: 300 мигрантов."])
def test_the_outlet_is_detected(text):
    assert parse(text).outlet == NAME


def test_another_outlets_own_voice_is_not_dp():
    assert parse(OTHER).outlet is None
    assert parse("Журнал ДП-Экспресс пишет о 300 мигрантах.").outlet is None  # an unquoted ДП is not the paper


def test_rubric_byline_and_the_datelines_clock_time_are_skipped():
    assert skipped(MIGRANTS) == ["Город", ", 16:20", "Автор: Анна Смирнова", MIGRANTS.strip().splitlines()[-1]]
    assert skipped(BONUS) == ["Экономика", ", 09:05", "Материалы по теме"]


def test_the_dateline_stays_a_period_and_its_time_is_no_figure():
    report = parse(MIGRANTS)
    dateline = next(c for c in report.claims if c.text.startswith("3 июля"))
    assert dateline.text == "3 июля" and [p.granularity for p in dateline.periods] == ["day"]
    for claim in report.claims:
        assert MIGRANTS[claim.span[0] : claim.span[1]] == claim.text
        assert all(q.value not in (16, 20) for q in claim.quantities)
        assert "Подписывайтесь" not in claim.text and "Автор" not in claim.text


def test_own_voice_phrases_name_the_paper():
    doc = Document(MIGRANTS)
    ((start, end, name),) = recruitx_dp.own_voice(doc)
    assert MIGRANTS[start:end] == "По данным «ДП»" and MIGRANTS[name[0] : name[1]] == "ДП"
    assert [BONUS[n[0] : n[1]] for _, _, n in recruitx_dp.own_voice(Document(BONUS))] == ["ДП"]
    assert recruitx_dp.own_voice(Document(OTHER)) == []


def test_the_papers_own_voice_is_its_claim_and_relays_no_one():
    doc = Document(MIGRANTS, outlet=NAME)
    (_, _, own) = recruitx_dp.own_voice(doc)[0]
    dp = Source("ДП", own, NAME, "media")
    b = MIGRANTS.index("Александр Бастрыкин")
    bastrykin = Source("Александр Бастрыкин", (b, b + 19), "Alexander Bastrykin", "government")
    voiced = MIGRANTS.index("По данным «ДП»")
    line_end = MIGRANTS.index("\n", voiced)
    claims = [
        Claim(MIGRANTS[b : b + 19], (b, b + 19), sources=(dp, bastrykin)),  # the self-naming read as a relay
        Claim(MIGRANTS[voiced:line_end], (voiced, line_end), sources=(bastrykin,)),  # carried over by mistake
    ]
    out = recruitx_dp.recruitx_refine_claims(document=doc, claims=claims)
    assert out[0].sources == (bastrykin,)
    assert out[1].sources == (dp,)


def test_in_a_parsed_report_the_papers_figures_are_its_own():
    report = parse(MIGRANTS)
    origins = {q.text: c.origin and c.origin.name for c in report.claims for q in c.quantities}
    assert origins["примерно 400 мигрантам"] == NAME
    # depends on the built-in attribution stage naming Bastrykin
    assert origins["Около 10 тыс. приезжих"] == "Alexander Bastrykin"
    assert all(c.sources[0].name != NAME for c in report.claims if len(c.sources) > 1)


def test_nothing_changes_on_a_report_of_another_outlet():
    assert parse(OTHER).to_dict() == parse_with(OTHER, isolated=True, published=PUBLISHED).to_dict()


@settings(deadline=None)
@given(st.text(alphabet="По данным «ДП» 3 июля, 16:20 Город Автор: \n.,", max_size=200))
def test_spans_slice_back_on_any_text(text):
    for claim in parse(text).claims:
        assert text[claim.span[0] : claim.span[1]] == claim.text
        for s in claim.sources:
            assert text[s.span[0] : s.span[1]] == s.mention
