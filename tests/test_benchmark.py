"""The benchmark script's pieces run on a few reports (its figures are measured by running it, not here)."""

from __future__ import annotations

import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "benchmarks"))
bench = pytest.importorskip("bench")


def test_corpus_is_reports_of_the_asked_size():
    texts = bench.corpus(3, size=2000)
    assert len(texts) == 3 and len(set(texts)) == 3
    assert all(t.startswith(" date ") and len(t) >= 2000 for t in texts)


def test_stage_timing_covers_the_parse():
    total, stages = bench.timed_stages(bench.corpus(2))
    assert "recruitx_find_quantities" in stages and "recruitx_attribute_claims" in stages
    assert 0 < sum(stages.values()) <= total


def test_fixed_costs_are_measured_per_report():
    costs = bench.fixed_costs(bench.corpus(2), calls=50)
    assert set(costs) == {"reading", "records", "items", "timed call", "untimed call"}
    assert costs["items"] > 10
    assert all(value > 0 for value in costs.values())


def test_no_reference_texts_means_no_reference():
    assert bench.reference([]) is None


def test_largest_input_is_parsed_in_a_fresh_interpreter_with_its_memory():
    chars, seconds, before, peak, claims = bench.largest(0.02)
    assert chars >= 20_000 and seconds > 0 and claims > 0
    assert peak >= before > 0
