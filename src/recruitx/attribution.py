"""The attribution stage: who says each claim, through whom (issue 5 deepens it)."""

from __future__ import annotations

from .document import Document
from .plugins import hookimpl
from .records import Claim


def attribute(document: Document, claims: list[Claim]) -> list[Claim]:
    """``claims`` with their attribution chains set."""
    return claims


@hookimpl(trylast=True)
def recruitx_attribute_claims(document: Document, claims: list[Claim]) -> list[Claim]:
    """Built-in: reporting cues, nesting, carried scope and source coreference."""
    return attribute(document, claims)
