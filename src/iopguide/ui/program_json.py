"""The JSON shapes scripts rely on (documented in the README). No rich here."""

from __future__ import annotations

import json
import sys
from typing import Any

from iopguide import crisis
from iopguide.directory.model import DirectoryInfo, Program
from iopguide.directory.search import Match, SearchResult


def program_json(program: Program) -> dict[str, Any]:
    record = program.to_dict()
    record["phone"] = program.contact.phone
    record["website"] = program.contact.website
    return record


def match_json(match: Match) -> dict[str, Any]:
    record = program_json(match.program)
    record["distance_miles"] = match.distance_miles
    record["matched"] = list(match.reasons)
    return record


def search_json(result: SearchResult, info: DirectoryInfo, limit: int) -> dict[str, Any]:
    shown = result.matches if limit == 0 else result.matches[:limit]
    payload: dict[str, Any] = {
        "total": result.total,
        "shown": len(shown),
        "sample": info.sample,
        "directory": info.to_dict(),
        "filters": result.filters.to_dict(),
        "results": [match_json(m) for m in shown],
    }
    if result.total == 0:
        payload["no_results"] = {
            "blockers": [
                {"filter": b.filter, "removed": b.removed, "matches_without_it": b.without_it}
                for b in result.blockers
            ],
            "referral": crisis.REFERRAL_LINE,
        }
    payload["crisis_lines"] = [line.to_dict() for line in crisis.CRISIS_LINES]
    return payload


def print_json(payload: dict[str, Any]) -> None:
    """One JSON object on stdout and nothing else; ASCII-escaped so no byte can steer a terminal."""
    sys.stdout.write(json.dumps(payload, indent=2) + "\n")
