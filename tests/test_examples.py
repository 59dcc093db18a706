"""Each stage's rules against its tables of examples: phrases that must match, and texts that must match nothing.

The tables live in ``tests/examples/<stage>.<language>.json``::

    {"match": [{"text": "...", "published": "2025-04-27", "expect": [{"text": "...", "key": value}]}],
     "nomatch": ["...", {"text": "...", "published": "..."}]}

An expected item names the exact substring it covers and the fields to check;
``match`` passes when every expected item is found with those values, and
``nomatch`` when the stage finds nothing at all in the text.
"""

from __future__ import annotations

import json
import pathlib

import pytest

import recruitx

EXAMPLES = pathlib.Path(__file__).parent / "examples"
LANGUAGES = ("en", "uk", "ru")
FIELD = {"quantities": "quantities", "periods": "periods", "likelihoods": "likelihood", "places": "places", "sources": "sources"}


def _items(report: dict, stage: str) -> list[dict]:
    out = []
    for claim in report["claims"]:
        value = claim[FIELD[stage]]
        if isinstance(value, dict):
            out.append(value)
        elif isinstance(value, list):
            out.extend(value)
    if stage == "sources":
        out = [dict(s, text=s["mention"]) for s in out]
    return out


def _cases(language: str) -> list[tuple[str, str, object]]:
    cases = []
    for path in sorted(EXAMPLES.glob(f"*.{language}.json")):
        stage = path.name.split(".")[0]
        table = json.loads(path.read_text(encoding="utf-8"))
        cases += [(stage, "match", case) for case in table.get("match", [])]
        cases += [(stage, "nomatch", case) for case in table.get("nomatch", [])]
    return cases


def _check(stage: str, kind: str, case: object) -> list[str]:
    if isinstance(case, str):
        case = {"text": case}
    assert isinstance(case, dict)
    report = recruitx.parse_report(case["text"], published=case.get("published", "2025-04-27")).to_dict()
    found = _items(report, stage)
    if kind == "nomatch":
        return [f"{stage}: expected nothing in {case['text']!r}, found {[i['text'] for i in found]}"] if found else []
    problems = []
    for expected in case["expect"]:
        same_text = [i for i in found if i["text"] == expected["text"]]
        if not same_text:
            problems.append(f"{stage}: {expected['text']!r} not found in {case['text']!r}; found {[i['text'] for i in found]}")
            continue
        got = same_text[0]
        wrong = {k: (v, got.get(k)) for k, v in expected.items() if got.get(k) != v}
        if wrong:
            problems.append(f"{stage}: {expected['text']!r} in {case['text']!r}: (expected, got) {wrong}")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_examples(language: str) -> None:
    cases = _cases(language)
    assert cases, f"no example tables for {language}"
    problems = [p for stage, kind, case in cases for p in _check(stage, kind, case)]
    assert not problems, f"{len(problems)} of {len(cases)} examples fail:\n" + "\n".join(problems)
