"""Many reports: parse_reports in order (in this process and in workers), to_rows, and Dask partitions."""

from __future__ import annotations

import pathlib

import pytest

import recruitx
from recruitx.batch import ROW_FIELDS, ItemError, iter_results

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
ITEMS = [{"id": f"r{i}", "text": t} for i, t in enumerate(TEXTS * 3)] + [
    {"id": "dated", "text": "On April 8 about 40 recruits arrived.", "published": "2025-04-27", "outlet": "UNN"}
]


def test_parse_reports_keeps_order_and_equals_parse_report():
    expected = [recruitx.parse_report(t) for t in TEXTS]
    assert list(recruitx.parse_reports(TEXTS, chunksize=2)) == expected


def test_mapping_items_pass_published_and_outlet():
    report = list(recruitx.parse_reports(ITEMS[-1:]))[0]
    assert report.outlet == "UNN" and str(report.published) == "2025-04-27"


def test_worker_processes_give_the_same_reports_in_order():
    alone = list(recruitx.parse_reports(ITEMS))
    assert list(recruitx.parse_reports(ITEMS, workers=2, chunksize=3)) == alone


def test_a_bad_item_raises_naming_it_and_iter_results_goes_on():
    items = ["Russia will likely recruit.", {"id": "bad", "text": b"bytes"}, "Then 5 more joined."]
    with pytest.raises(ItemError, match="bad"):
        list(recruitx.parse_reports(items))
    results = list(iter_results(items))
    assert [r[0] for r in results] == [0, "bad", 2]
    assert results[1][1] is None and "str" in results[1][2]
    assert results[2][1] is not None


def test_to_rows_one_row_per_quantity_with_its_claim():
    reports = list(recruitx.parse_reports(TEXTS))
    rows = recruitx.to_rows(reports)
    quantities = sum(len(c.quantities) for r in reports for c in r.claims)
    assert len(rows) == quantities > 0
    assert all(list(row) == list(ROW_FIELDS) for row in rows)
    first = rows[0]
    text = TEXTS[first["report_id"]]
    assert text[first["quantity_start"] : first["quantity_end"]] == first["quantity_text"]
    assert text[first["claim_start"] : first["claim_end"]] == first["claim_text"]


def test_dask_bag_on_several_workers_equals_in_process_rows():
    dask_bag = pytest.importorskip("dask.bag")
    from recruitx.dask import rows_from_bag

    expected = recruitx.to_rows(zip([i["id"] for i in ITEMS], recruitx.parse_reports(ITEMS)))
    bag = dask_bag.from_sequence(ITEMS, npartitions=4)
    rows = rows_from_bag(bag).compute(scheduler="processes", num_workers=2)
    assert rows == expected
