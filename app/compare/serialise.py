"""A comparison as plain JSON data, for `briefing-builder compare --format json`."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from app.compare.types import ClaimRef, Comparison, Corroboration, FigureGroup, FigureRef


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    """Groups with their figures (each with its passage), discrepancies, corroborations."""
    return {
        "source_count": comparison.source_count,
        "groups": [_group_json(group) for group in comparison.groups],
        "discrepancies": [
            {"group": group.key, "label": group.label, "note": group.discrepancy_note}
            for group in comparison.discrepancies
        ],
        "corroborations": [_corroboration_json(c) for c in comparison.corroborations],
    }


def _group_json(group: FigureGroup) -> dict[str, Any]:
    return {
        "key": group.key,
        "label": group.label,
        "unit": group.unit,
        "source_count": group.source_count,
        "origin_count": group.origin_count,
        "discrepancy": group.discrepancy,
        "discrepancy_note": group.discrepancy_note,
        "figures": [_figure_json(figure) for figure in group.figures],
    }


def _figure_json(figure: FigureRef) -> dict[str, Any]:
    return _named_source(asdict(figure))


def _corroboration_json(corroboration: Corroboration) -> dict[str, Any]:
    return {
        "label": corroboration.label,
        "independent": corroboration.independent,
        "of_sources": corroboration.of_sources,
        "confirmation": corroboration.confirmation,
        "claims": [_claim_json(claim) for claim in corroboration.claims],
    }


def _claim_json(claim: ClaimRef) -> dict[str, Any]:
    return _named_source(asdict(claim))


def _named_source(fields: dict[str, Any]) -> dict[str, Any]:
    """A figure's or claim's fields as JSON: its article's name under "source"."""
    fields["source"] = fields.pop("source_name")
    return fields
