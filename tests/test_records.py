"""The record model: validators, immutability, the dict/JSON form and its JSON Schema."""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import attrs
import jsonschema
import pytest

import recruitx
from recruitx.records import report_schema

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))


def _quantity(**overrides):
    fields = dict(text="771", span=(3, 6), value=771, low=771, high=771, qualifier="exact", unit="volunteers")
    fields.update(overrides)
    return recruitx.Quantity(**fields)


def test_records_are_frozen_and_slotted():
    q = _quantity()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        q.value = 5  # type: ignore[misc]
    assert not hasattr(q, "__dict__")


@pytest.mark.parametrize(
    "overrides",
    [
        {"span": (6, 3)},
        {"span": (-1, 3)},
        {"span": (1, 2, 3)},
        {"low": 10, "high": 5},
        {"qualifier": "roughly"},
        {"value": "771"},
    ],
)
def test_quantity_validators_reject_bad_values(overrides):
    with pytest.raises((ValueError, TypeError)):
        _quantity(**overrides)


def test_period_rejects_start_after_end():
    with pytest.raises(ValueError):
        recruitx.Period("x", (0, 1), dt.date(2025, 2, 1), dt.date(2025, 1, 1), "interval")


def test_source_kind_and_topic_are_checked():
    with pytest.raises(ValueError):
        recruitx.Source("UNN", (0, 3), "UNN", "newspaper")
    with pytest.raises(ValueError):
        recruitx.Claim("x", (0, 1), topic="gossip")


def test_claim_origin_is_the_last_source():
    relay = recruitx.Source("UNN", (0, 3), "UNN", "media")
    origin = recruitx.Source("Important Stories", (10, 27), "Important Stories", "media")
    assert recruitx.Claim("x", (0, 1), sources=(relay, origin)).origin is origin
    assert recruitx.Claim("x", (0, 1)).origin is None


def test_to_dict_uses_field_names_iso_dates_and_list_spans():
    period = recruitx.Period("May 2024", (0, 8), dt.date(2024, 5, 1), dt.date(2024, 5, 31), "month")
    claim = recruitx.Claim("May 2024", (0, 8), periods=(period,), topic="other")
    report = recruitx.Report(dt.date(2025, 4, 27), "UNN", "en", "t", (claim,), (recruitx.Diagnostic("info", "m"),))
    d = report.to_dict()
    assert list(d) == ["published", "outlet", "language", "title", "claims", "diagnostics"]
    assert d["published"] == "2025-04-27"
    assert d["claims"][0]["periods"][0] == {
        "text": "May 2024",
        "span": [0, 8],
        "start": "2024-05-01",
        "end": "2024-05-31",
        "granularity": "month",
    }
    assert d["diagnostics"] == [{"level": "info", "message": "m", "span": None}]
    assert json.loads(report.to_json()) == d


def test_schema_ships_in_package_and_docs_alike():
    assert report_schema() == json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(report_schema())


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_real_output_validates_against_schema(path):
    report = recruitx.parse_report(path.read_text(encoding="utf-8"))
    assert report.claims, "an example report should give claims"
    jsonschema.validate(report.to_dict(), report_schema(), format_checker=jsonschema.FormatChecker())


def test_schema_rejects_a_wrong_field():
    report = recruitx.parse_report(EXAMPLES[0].read_text(encoding="utf-8")).to_dict()
    report["claims"][0]["span"] = [1]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, report_schema())
