"""Hostile and broken input: never a crash, never a wrong span, always the same answer."""

from __future__ import annotations

import concurrent.futures
import json
import os
import pathlib
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import recruitx
from recruitx.testing import assert_spans_slice_back

ROOT = pathlib.Path(__file__).resolve().parent.parent
ADVERSARIAL = ROOT / "tests" / "adversarial"

FRAGMENTS = [
    # numbers and qualifiers
    "more than 1,500", "1.500", "1 500", "1\u202f500", "1'500", "2,3 млн", "понад 1,5 тис.", "около двух тысяч",
    "tens of thousands of", "between 10,000 and", "-", "–", "до", "від", "от", "10^400", "9" * 60, "1,1,1,1,1",
    "half a million", "двоє", "півтори", "Su-34", "COVID-19", "G7", "one of", "(771)", "%", "$US1.7 billion",
    # dates
    " date 2025-13-45", " date 2025-04-27", "February 30, 2025", "31.02.2024", "year 99999", "April 8", "8 квітня",
    "с начала 2024 года", "between April 2023 and the end of May 2024", "since", "last week", "on Tuesday", "11:43",
    # cues and quotes
    "said", "according to", "UNN reports", "за даними", "по данным", "со ссылкой на", "British intelligence",
    '"', "«", "»", "“", "”", "- the statement reads.", "The Head of State", "he",
    # likelihood
    "almost certainly", "likely", "майже напевно", "вероятно", "unlikely",
    # layout and odd characters
    "\n", "\r\n", "\r", "\n\n", "Details\n", "Share this article\n", ". ", "! ", "? ", "…", "\u200b", "\u200e",
    "\u202e", "\ufeff", "\x00", "\u00a0", "😀", "\ud800", "\udfff", "Ⅻ", "٣", "𝟙𝟚",
]

report_like = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40
).map(" ".join)


def _check(text: str) -> None:
    report = recruitx.parse_report(text, published="2025-04-27")
    assert_spans_slice_back(text, report)
    starts = [c.span for c in report.claims]
    assert starts == sorted(starts)
    for claim in report.claims:
        for q in claim.quantities:
            assert q.low is None or q.high is None or q.low <= q.high
        for p in claim.periods:
            assert p.start is None or p.end is None or p.start <= p.end
    assert recruitx.parse_report(text, published="2025-04-27") == report
    json.loads(report.to_json())


@given(st.text())
def test_arbitrary_text_never_breaks_a_parse(text):
    _check(text)


@given(report_like)
def test_spliced_report_fragments_never_break_a_parse(text):
    _check(text)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_without_a_publication_date_nothing_breaks(text):
    report = recruitx.parse_report(text)
    assert_spans_slice_back(text, report)
    for claim in report.claims:
        for p in claim.periods:
            assert p.start is None or p.end is None or p.start <= p.end


@pytest.mark.parametrize(
    "text",
    [
        " date 2025-13-45 Russia likely recruited 1,500 people.",
        "On February 30, 2025 they recruited 100 people; by the year 99999 more.",
        "A figure of " + "1" * 500 + " men and 10^400 rubles.",
        "Recruiters\u00a0paid\u202f1\u202f500\u00a0rubles\u200b to\u200e 30\u200f men 😀.",
        "Line one said 5.\r\nLine two said 6.\rLine three\x00 said 7.",
        "Русские и українці: 5 тис. i 6 тыс. and 7 thousand.",
    ],
)
def test_known_hostile_inputs(text):
    _check(text)


def test_adversarial_set_parses(adversarial_cases):
    for name, text in adversarial_cases:
        report = recruitx.parse_report(text, published="2025-04-27", max_chars=len(text) + 1)
        assert_spans_slice_back(text, report)


@pytest.fixture(scope="module")
def adversarial_cases():
    sys.path.insert(0, str(ADVERSARIAL))
    try:
        from generate import cases
    finally:
        sys.path.pop(0)
    return [(name, build(1)) for name, build in cases().items()]


def test_threads_give_the_same_json_as_one_thread():
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))] * 8
    alone = [recruitx.parse_report(t).to_json() for t in texts]
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda t: recruitx.parse_report(t).to_json(), texts))
    assert together == alone


def test_same_json_in_other_processes_with_other_hash_seeds():
    example = sorted((ROOT / "examples").glob("*.txt"))[0]
    code = f"import pathlib, recruitx; print(recruitx.parse_report(pathlib.Path({str(example)!r}).read_text(encoding='utf-8')).to_json())"
    outputs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outputs.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout)
    assert len(outputs) == 1
    assert outputs.pop().strip() == recruitx.parse_report(example.read_text(encoding="utf-8")).to_json()


def test_a_regex_timeout_in_a_stage_becomes_a_diagnostic_and_other_results_stay():
    import regex

    class Backtracker:
        """A stage whose pattern backtracks catastrophically, stopped by the regex timeout."""

        @recruitx.hookimpl
        def recruitx_find_quantities(self, document):
            regex.compile(r"(a|aa)+$").match("a" * 60 + "b", timeout=0.05)
            return []

    text = "Russia will almost certainly keep recruiting 1,500 men."
    report = recruitx.parse_report(text, published="2025-04-27", plugins=[Backtracker()])
    errors = [d.message for d in report.diagnostics if d.level == "error"]
    assert any("TimeoutError" in m and "recruitx_find_quantities" in m for m in errors)
    claim = report.claims[0]
    assert claim.likelihood.term == "almost certain"
    assert [q.value for q in claim.quantities] == [1500]
