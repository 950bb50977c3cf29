"""``iopguide find`` and ``iopguide show``: load, search, return a typed result."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from iopguide.app.results import SearchReport, ShowResult
from iopguide.commands.lookup import load, unknown_id
from iopguide.directory.notes import load_notes
from iopguide.directory.search import parse_filters, search


def run_find(
    *,
    conditions: Sequence[str] | None,
    insurance: Sequence[str] | None,
    zip_code: str | None,
    radius: float,
    states: Sequence[str] | None,
    cities: Sequence[str] | None,
    levels: Sequence[str] | None,
    telehealth: bool,
    age_groups: Sequence[str] | None,
    languages: Sequence[str] | None,
    schedules: Sequence[str] | None,
    limit: int,
    directory: Path | None,
    use_cache: bool,
    notes: Path | None = None,
) -> SearchReport:
    """Search the directory; *notes* (a notes file, or None) are consulted beside it."""
    filters = parse_filters(
        conditions=conditions,
        insurance=insurance,
        zip_code=zip_code,
        radius=radius,
        states=states,
        cities=cities,
        levels=levels,
        telehealth=telehealth,
        age_groups=age_groups,
        languages=languages,
        schedules=schedules,
    )
    noted = load_notes(notes)  # a bad notes file is reported before the directory is read
    loaded = load(directory, use_cache)
    return SearchReport(search(loaded, filters, noted), loaded.info, limit)


def run_show(
    program_id: str, *, directory: Path | None, use_cache: bool, notes: Path | None = None
) -> ShowResult:
    noted = load_notes(notes)
    loaded = load(directory, use_cache)
    program = loaded.get(program_id.strip())
    if program is None:
        raise unknown_id(program_id, loaded)
    return ShowResult(program, loaded.info, noted.get(program.id))
