"""recruitx: structured, source-traceable claims from news reports about recruitment into Russia's armed forces.

>>> import recruitx
>>> report = recruitx.parse_report(" date 2025-04-27 Russia will almost certainly keep recruiting.")
>>> report.claims[0].likelihood.term
'almost certain'
"""

from __future__ import annotations

from .batch import ItemError, parse_reports, to_rows
from .cluster import Cluster, Drift, Relay, check_clusters, check_report, cluster
from .errors import InputTooLarge, InvalidArgument, RecruitxError
from .numbers import parse_number
from .pipeline import DEFAULT_MAX_CHARS, parse_report
from .plugins import get_plugin_manager, hookimpl
from .records import Claim, Diagnostic, Likelihood, Period, Place, Quantity, Report, Source, report_schema

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "Cluster",
    "DEFAULT_MAX_CHARS",
    "Diagnostic",
    "Drift",
    "InputTooLarge",
    "InvalidArgument",
    "ItemError",
    "Likelihood",
    "Period",
    "Place",
    "Quantity",
    "RecruitxError",
    "Relay",
    "Report",
    "Source",
    "__version__",
    "check_clusters",
    "check_report",
    "cluster",
    "get_plugin_manager",
    "hookimpl",
    "parse_number",
    "parse_report",
    "parse_reports",
    "report_schema",
    "to_rows",
]
