"""``iopguide notes``: keep your own notes over the listings, check them, share them.

Each use case returns a :class:`~iopguide.app.results.NotesReport` and prints
nothing. Files are written through :mod:`iopguide.io.atomic` (private, atomic);
an export never replaces a file unless asked.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from pathlib import Path

from iopguide.app.results import NotesReport
from iopguide.directory.model import Directory
from iopguide.directory.notes import Note, Notes, check_note, load_notes
from iopguide.errors import Problem, UsageError
from iopguide.i18n import _
from iopguide.text import clean

#: How ``notes add`` names each field in a message.
FLAGS = {
    "learned_on": "--learned-on",
    "runs_iop": "--runs-iop",
    "schedule": "--schedule",
    "phone": "--phone",
    "wait": "--wait",
    "plans": "--plan",
    "closed": "--closed",
    "note": "--note",
}


def _required(notes: Path | None) -> Path:
    if notes is None:
        raise UsageError(
            _("Which notes file? Give --notes FILE, or set IOPGUIDE_NOTES."),
            hint=_("For example: export IOPGUIDE_NOTES=~/iopguide-notes.yaml"),
        )
    return notes


def _existing(path: Path) -> Notes:
    """The notes already in *path*; none when the file does not exist yet."""
    if not path.exists() and not path.is_symlink():
        return Notes(source=path)
    return load_notes(path)


def _load_directory(directory: Path | None) -> Directory:
    from iopguide.directory.load import load_directory

    return load_directory(directory)


def _names(directory: Directory, ids: list[str]) -> dict[str, str]:
    found = {}
    for pid in ids:
        program = directory.get(pid)
        if program is not None:
            found[pid] = program.name
    return found


def run_notes_add(
    program_id: str,
    given: Mapping[str, object],
    *,
    notes: Path | None,
    directory: Path | None,
) -> NotesReport:
    """Add or update your note on *program_id* (fields in *given* replace those saved)."""
    from iopguide.commands.lookup import unknown_id
    from iopguide.directory.notes_store import note_record, save_notes

    path = _required(notes)
    mine = _existing(path)
    loaded = _load_directory(directory)
    pid = program_id.strip()
    program = loaded.get(pid)
    if program is None:
        raise unknown_id(program_id, loaded)
    old = mine.get(pid)
    values: dict[str, object] = {**(note_record(old) if old else {}), **given}
    values["learned_on"] = given.get("learned_on") or datetime.date.today()
    note = check_note(pid, values, FLAGS)
    save_notes(path, {**mine, pid: note}, overwrite=True)
    return NotesReport(
        "add", clean(str(path)), (note,), {pid: program.name}, directory=loaded.info.name
    )


def run_notes_show(
    program_id: str | None, *, notes: Path | None, directory: Path | None
) -> NotesReport:
    path = _required(notes)
    mine = load_notes(path)
    loaded = _load_directory(directory)
    if program_id is None:
        shown = [mine[pid] for pid in sorted(mine)]
    else:
        note = mine.get(program_id.strip())
        if note is None:
            raise _no_note(program_id, mine, path)
        shown = [note]
    names = _names(loaded, [n.id for n in shown])
    return NotesReport("show", clean(str(path)), tuple(shown), names, directory=loaded.info.name)


def _no_note(program_id: str, mine: Notes, path: Path) -> UsageError:
    from iopguide.directory.notes import did_you_mean
    from iopguide.text import shorten

    return UsageError(
        _("There is no note on {id} in {file}.").format(
            id=repr(shorten(clean(program_id))), file=clean(str(path))
        )
        + did_you_mean(program_id.strip(), sorted(mine)),
        hint=_("'iopguide notes show' lists every note; 'iopguide notes add ID' adds one."),
    )


def run_notes_check(*, notes: Path | None, directory: Path | None) -> NotesReport:
    """Check the file (a bad one raises DataError) and that every id is in the directory."""
    import difflib

    path = _required(notes)
    mine = load_notes(path)
    loaded = _load_directory(directory)
    shown = clean(str(path))
    problems = []
    ids: list[str] | None = None
    for pid in sorted(mine, key=lambda pid: mine.line(pid) or 0):
        if loaded.get(pid) is not None:
            continue
        if ids is None:
            ids = [p.id for p in loaded.programs]
        close = difflib.get_close_matches(pid.lower(), ids, n=1, cutoff=0.6)
        message = _("No program has this id in {directory}.").format(directory=loaded.info.name)
        if close:
            message += _(" Did you mean {choice!r}?").format(choice=close[0])
        problems.append(
            Problem(
                shown,
                message,
                mine.line(pid),
                pid,
                hint=_("Ids are shown by 'iopguide find'; a note on a closed listing can stay."),
            )
        )
    names = _names(loaded, list(mine))
    return NotesReport(
        "check",
        shown,
        tuple(mine[pid] for pid in sorted(mine)),
        names,
        problems=tuple(problems),
        directory=loaded.info.name,
    )


def run_notes_export(target: Path, *, notes: Path | None, force: bool) -> NotesReport:
    """Write your notes to *target* for a colleague (never over a file unless *force*)."""
    from iopguide.directory.notes_store import save_notes

    path = _required(notes)
    mine = load_notes(path)
    try:
        save_notes(target, mine, overwrite=force)
    except FileExistsError:
        raise UsageError(
            _("{file} already exists; nothing was written.").format(file=clean(str(target))),
            hint=_("Add --force to replace it, or choose another file."),
        ) from None
    except OSError as err:
        raise UsageError(
            _("Cannot write {file}: {reason}.").format(
                file=clean(str(target)), reason=clean(err.strerror or err)
            )
        ) from None
    return NotesReport(
        "export", clean(str(path)), tuple(mine[p] for p in sorted(mine)), other=clean(str(target))
    )


def run_notes_import(source: Path, *, notes: Path | None) -> NotesReport:
    """Merge a team's notes file into yours: per id, the note learned later wins."""
    from iopguide.directory.notes_store import ADDED, UPDATED, merge_notes, save_notes

    path = _required(notes)
    theirs = load_notes(source)
    mine = _existing(path)
    merged, changes = merge_notes(mine, theirs)
    if any(change.outcome in (ADDED, UPDATED) for change in changes):
        save_notes(path, merged, overwrite=True)
    kept: tuple[Note, ...] = tuple(merged[c.id] for c in changes)
    return NotesReport(
        "import", clean(str(path)), kept, changes=tuple(changes), other=clean(str(source))
    )
