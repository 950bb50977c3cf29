"""The JSON shapes scripts rely on (documented in the README). No rich here."""

from __future__ import annotations

from typing import Any

from iopguide import crisis
from iopguide.directory import fit, provenance
from iopguide.directory.model import DirectoryInfo, Program
from iopguide.directory.search import Match, SearchResult


def program_json(program: Program, info: DirectoryInfo | None = None) -> dict[str, Any]:
    record = program.to_dict()
    record["phone"] = program.contact.phone
    record["website"] = program.contact.website
    if info is not None:
        # "Listed in SAMHSA's National Directory, 2022 edition" or "Checked 2024-01-01".
        record["listed"] = provenance.origin_text(program, info)
    return record


def match_json(match: Match, info: DirectoryInfo | None = None) -> dict[str, Any]:
    record = program_json(match.program, info)
    record["distance_miles"] = match.distance_miles
    record["reach"] = match.reach
    record["level_match"] = match.level_match
    record["condition_match"] = match.condition_match
    record["matched"] = list(match.reasons)
    return record


def search_json(result: SearchResult, info: DirectoryInfo, limit: int) -> dict[str, Any]:
    from iopguide.ui.search_words import cannot_answer_lines, none_listed_line

    shown = result.matches if limit == 0 else result.matches[:limit]
    programs = [m.program for m in shown]
    payload: dict[str, Any] = {
        "total": result.total,
        "shown": len(shown),
        "telehealth_elsewhere": result.telehealth_elsewhere,
        "sample": info.sample,
        "directory": info.to_dict(),
        "listed_in": provenance.listed_in(programs[0] if programs else None, info),
        "confirm": provenance.stale_line(info, programs),
        "filters": result.filters.to_dict(),
        "not_recorded": list(result.not_recorded),
        "notes": [*cannot_answer_lines(result), *filter(None, [none_listed_line(result)])],
        "results": [match_json(m, info) for m in shown],
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


def note_json(note: Any) -> dict[str, Any] | None:
    """The person's own note (a ``directory.notes.Note``, read duck-typed), or None."""
    if note is None:
        return None
    fields = ("id", "learned_on", "runs_iop", "schedule", "phone", "wait", "plans", "closed")
    record = {name: _plain(getattr(note, name, None)) for name in (*fields, "note")}
    return record


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)  # a date


def compare_json(report: Any) -> dict[str, Any]:
    """``compare --json``: each programme as ``show --json`` gives it, plus miles and note."""
    from iopguide.ui.compare_rows import closing_lines, levels_line

    count = len(report.programs)
    distances = [report.distances[i] if i < len(report.distances) else None for i in range(count)]
    notes = [report.notes[i] if i < len(report.notes) else None for i in range(count)]
    programs = []
    for program, miles, note in zip(report.programs, distances, notes, strict=True):
        record = program_json(program, report.info)
        record["levels_text"] = levels_line(program)
        record["may_run_iop"] = fit.may_run_iop(program)
        record["distance_miles"] = miles
        record["your_note"] = note_json(note)
        programs.append(record)
    return {
        "sample": report.info.sample,
        "directory": report.info.to_dict(),
        "origin_zip": report.origin_zip,
        "programs": programs,
        "notes": closing_lines(report),
        "crisis_lines": [line.to_dict() for line in crisis.CRISIS_LINES],
    }
