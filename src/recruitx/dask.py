"""recruitx on Dask, for archives larger than one machine: flat claim rows from a bag or a dataframe partition.

Install with ``pip install 'recruitx[dask]'``. Each partition is parsed in
the worker that holds it, with the same code as :func:`recruitx.to_rows`, so
the rows equal the in-process result::

    import dask.bag as db
    from recruitx.dask import rows_from_bag

    bag = db.read_text("reports/*.jsonl").map(json.loads)      # {"id", "text", "published", "outlet"}
    rows = rows_from_bag(bag).to_dataframe(meta=recruitx.dask.META)
    rows.to_parquet("claims.parquet")

The same partition function serves Spark: ``rdd.mapPartitions(parse_partition)``
(see docs/scale.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .batch import ROW_FIELDS, error_row, iter_results, to_rows

#: Column names and types of the rows, as Dask's ``meta`` wants them.
META = {
    name: ("int64" if name in ("claim_index", "claim_start", "claim_end", "quantity_start", "quantity_end") else "object")
    for name in ROW_FIELDS
}
META.update(value="float64", low="float64", high="float64", likelihood_low="float64", likelihood_high="float64")


def parse_partition(items: Iterable[Any], **options: Any) -> list[dict[str, Any]]:
    """Rows for every item of one partition (texts or ``{"id", "text", "published", "outlet"}`` mappings).

    An item that cannot be parsed gives one row with ``error`` set, so no
    input disappears silently.
    """
    rows: list[dict[str, Any]] = []
    for item_id, report, error in iter_results(items, **options):
        if report is None:
            rows.append(error_row(item_id, error or "could not be parsed"))
        else:
            rows.extend(to_rows([(item_id, report)]))
    return rows


def rows_from_bag(bag: Any, **options: Any) -> Any:
    """A Dask bag of row dicts from a bag of report items, parsed partition by partition."""
    return bag.map_partitions(parse_partition, **options)


def rows_from_dataframe_partition(frame: Any, **options: Any) -> Any:
    """For ``ddf.map_partitions(rows_from_dataframe_partition, meta=META)``: a pandas frame of rows from one
    with columns ``text`` and optionally ``id``, ``published``, ``outlet``."""
    import pandas as pd

    records = frame.to_dict("records")
    return pd.DataFrame(parse_partition(records, **options), columns=list(ROW_FIELDS))
