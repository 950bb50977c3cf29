"""The JSON shapes scripts rely on (documented in the README). No rich here."""

from __future__ import annotations

from iopguide import crisis
from iopguide.directory import fit, provenance
from iopguide.directory.filter_table import BY_ID
from iopguide.directory.model import DirectoryInfo, Program
from iopguide.directory.search import Match, SearchResult

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing

if TYPE_CHECKING:  # read only when there is a notes file
    from typing import Any

    from iopguide.app.results import NotesReport
    from iopguide.directory.notes import Note


def program_json(
    program: Program, info: DirectoryInfo | None = None, note: Note | None = None
) -> dict[str, Any]:
    record = program.to_dict()
    record["phone"] = program.contact.phone
    record["website"] = program.contact.website
    if info is not None:
        # "Listed in SAMHSA's National Directory, 2022 edition" or "Checked 2024-01-01".
        record["listed"] = provenance.origin_text(program, info)
    record["your_note"] = note_json(note)
    return record


def note_json(note: Note | None) -> dict[str, Any] | None:
    """Your note as its own object (None without one), never mixed into the listing's fields."""
    if note is None:
        return None
    from iopguide.directory.noted import note_label

    return {**note.to_dict(), "label": note_label(note)}


def match_json(match: Match, info: DirectoryInfo | None = None) -> dict[str, Any]:
    record = program_json(match.program, info, match.note)
    record["distance_miles"] = match.distance_miles
    record["reach"] = match.reach
    record["level_match"] = match.level_match
    record["condition_match"] = match.condition_match
    record["matched"] = list(match.reasons)
    return record


def search_json(result: SearchResult, info: DirectoryInfo, limit: int) -> dict[str, Any]:
    from iopguide.ui.note_words import hidden_line
    from iopguide.ui.search_words import cannot_answer_lines, none_listed_line

    shown = result.matches if limit == 0 else result.matches[:limit]
    programs = [m.program for m in shown]
    payload: dict[str, Any] = {
        "total": result.total,
        "shown": len(shown),
        "telehealth_elsewhere": result.telehealth_elsewhere,
        "hidden_by_notes": result.hidden_by_notes,
        "sample": info.sample,
        "directory": info.to_dict(),
        "listed_in": provenance.listed_in(programs[0] if programs else None, info),
        "confirm": provenance.stale_line(info, programs),
        "filters": result.filters.to_dict(),
        "not_recorded": list(result.not_recorded),
        "notes": [
            *cannot_answer_lines(result),
            *filter(None, [none_listed_line(result), hidden_line(result)]),
        ],
        "results": [match_json(m, info) for m in shown],
    }
    if result.total == 0:
        payload["no_results"] = {
            "blockers": [
                {
                    "filter": BY_ID[b.filter].label,
                    "removed": b.removed,
                    "matches_without_it": b.without_it,
                }
                for b in result.blockers
            ],
            "referral": crisis.REFERRAL_LINE,
        }
    payload["crisis_lines"] = [line.to_dict() for line in crisis.CRISIS_LINES]
    return payload


def compare_json(report: Any) -> dict[str, Any]:
    """``compare --json``: each programme as ``show --json`` gives it, plus miles and note."""
    from iopguide.ui.compare_rows import closing_lines, levels_line

    count = len(report.programs)
    distances = [report.distances[i] if i < len(report.distances) else None for i in range(count)]
    notes = [report.notes[i] if i < len(report.notes) else None for i in range(count)]
    programs = []
    for program, miles, note in zip(report.programs, distances, notes, strict=True):
        record = program_json(program, report.info, note)
        record["levels_text"] = levels_line(program)
        record["may_run_iop"] = fit.may_run_iop(program)
        record["distance_miles"] = miles
        programs.append(record)
    return {
        "sample": report.info.sample,
        "directory": report.info.to_dict(),
        "origin_zip": report.origin_zip,
        "programs": programs,
        "notes": closing_lines(report),
        "crisis_lines": [line.to_dict() for line in crisis.CRISIS_LINES],
    }


def notes_json(report: NotesReport) -> dict[str, Any]:
    """``notes add|show|check|import|export --json``: ids and keys English, text translated."""
    payload: dict[str, Any] = {
        "action": report.action,
        "file": report.file,
        "notes": {note.id: note_json(note) for note in report.notes},
        "names": dict(report.names or {}),
    }
    if report.action == "check":
        payload["valid"] = not report.problems
        payload["directory"] = report.directory
        payload["problems"] = [problem.to_dict() for problem in report.problems]
    if report.action in ("import", "export"):
        payload["other_file"] = report.other
    if report.action == "import":
        payload["changes"] = [
            {
                "id": change.id,
                "outcome": change.outcome,
                "yours_learned_on": change.mine.learned_on.isoformat() if change.mine else None,
                "theirs_learned_on": change.theirs.learned_on.isoformat(),
            }
            for change in report.changes
        ]
    return payload
