"""``iopguide find`` and ``iopguide show``: load, search, return a typed result."""

from __future__ import annotations

from iopguide.app.results import SearchReport, ShowResult
from iopguide.commands.lookup import load, unknown_id

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from os import PathLike
    from pathlib import Path
    from typing import Any

    DirectoryPath = str | PathLike[str] | None  # a path as text or Path; None: the built-in


def run_find(
    *,
    limit: int,
    directory: DirectoryPath,
    use_cache: bool,
    notes: Path | None = None,
    **values: Any,
) -> SearchReport:
    """Search the directory; *values* are the filters' options by name (filter_table.PARAMS).

    *notes* (a notes file, or None) are consulted beside the directory.
    """
    from iopguide.directory.search import parse_filters, search  # show needs neither

    filters = parse_filters(**values)
    noted = _notes(notes)  # a bad notes file is reported before the directory is read
    loaded = load(directory, use_cache)
    return SearchReport(search(loaded, filters, noted), loaded.info, limit)


def run_show(
    program_id: str, *, directory: DirectoryPath, use_cache: bool, notes: Path | None = None
) -> ShowResult:
    noted = _notes(notes)
    loaded = load(directory, use_cache)
    program = loaded.get(program_id.strip())
    if program is None:
        raise unknown_id(program_id, loaded)
    return ShowResult(program, loaded.info, noted.get(program.id))


def _notes(path: Path | None) -> Any:
    """Your notes (an empty mapping without a file: notes.py is then never imported)."""
    if path is None:
        return {}
    from iopguide.directory.notes import load_notes

    return load_notes(path)
