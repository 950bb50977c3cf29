"""``iopguide find`` and ``iopguide show``: load, search, return a typed result."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

from iopguide.app.results import SearchReport, ShowResult
from iopguide.directory.model import Directory
from iopguide.directory.notes import load_notes
from iopguide.directory.search import parse_filters, search
from iopguide.errors import UsageError
from iopguide.i18n import _


def _load(directory: Path | None, use_cache: bool) -> Directory:
    """Load for a one-shot command, then freeze the result out of the collector's sight.

    The directory lives until this process exits; without the freeze the first
    collection walks all of it again (87 ms for a national directory), and it
    must happen before the collector is turned back on (see ``load._gc_paused``). Only
    one-shot commands do this: the guide runs on, and must not keep cycles.
    """
    from iopguide.directory.load import load_directory

    return load_directory(directory, use_cache=use_cache, freeze=True)


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
    loaded = _load(directory, use_cache)
    return SearchReport(search(loaded, filters, noted), loaded.info, limit)


def run_show(
    program_id: str, *, directory: Path | None, use_cache: bool, notes: Path | None = None
) -> ShowResult:
    noted = load_notes(notes)
    loaded = _load(directory, use_cache)
    program = loaded.get(program_id.strip())
    if program is None:
        raise unknown_id(program_id, loaded)
    return ShowResult(program, loaded.info, noted.get(program.id))


def unknown_id(program_id: str, directory: Directory) -> UsageError:
    from iopguide.text import clean, shorten

    ids = [p.id for p in directory.programs]
    close = difflib.get_close_matches(program_id.strip().lower(), ids, n=3, cutoff=0.5)
    given = repr(shorten(clean(program_id)))
    if close:
        message = _("No program with the id {id} in {directory}. Did you mean {close}?").format(
            id=given,
            directory=directory.info.name,
            close=_(" or ").join(repr(c) for c in close),
        )
    else:
        message = _("No program with the id {id} in {directory}.").format(
            id=given, directory=directory.info.name
        )
    return UsageError(
        message,
        hint=_("Ids are shown by 'iopguide find' (use --level any to list all levels)."),
    )
