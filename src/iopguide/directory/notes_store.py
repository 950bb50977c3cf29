"""Writing and merging notes files: the other half of :mod:`.notes`.

Files are written by iopguide in the shape :func:`.notes.load_notes` reads, in
id order, through :func:`iopguide.io.atomic.write_file` (private, atomic).
Comments in a file iopguide rewrites are not kept (the README says so).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iopguide.directory.notes import Note

HEADER = (
    "# iopguide notes: what you learned about programs, beside the national listings.\n"
    "# Written by iopguide; comments in this file are not kept when iopguide rewrites it.\n"
)

#: How one id fared in an import (:class:`Change`).
ADDED = "added"
UPDATED = "updated"
KEPT = "kept"  # yours is newer (or the same day): yours stays
SAME = "same"


@dataclass(frozen=True)
class Change:
    id: str
    outcome: str  # ADDED, UPDATED, KEPT or SAME
    mine: Note | None
    theirs: Note


def note_record(note: Note) -> dict[str, Any]:
    """The fields of *note* worth writing: learned_on always, the rest only when said."""
    record: dict[str, Any] = {"learned_on": note.learned_on}
    for key, value in note.to_dict().items():
        said = value is not None if key == "runs_iop" else value not in (None, [], False)
        if key != "learned_on" and said:  # runs_iop: no says something too
            record[key] = value
    return record


def dump_notes(notes: Mapping[str, Note]) -> str:
    """The text of a notes file holding *notes* (YAML, ids in order)."""
    import yaml

    body = {"notes": {pid: note_record(notes[pid]) for pid in sorted(notes)}}
    text = yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=100)
    return HEADER + text


def save_notes(path: Path, notes: Mapping[str, Note], *, overwrite: bool) -> None:
    """Write *notes* to *path* (FileExistsError when it exists and not *overwrite*)."""
    from iopguide.io.atomic import write_file

    write_file(path, dump_notes(notes), overwrite=overwrite)


def merge_notes(
    mine: Mapping[str, Note], theirs: Mapping[str, Note]
) -> tuple[dict[str, Note], list[Change]]:
    """Yours and a team's notes together: per id, the note learned later wins.

    On the same day yours is kept. Returns the merged notes and what happened to
    every id the team's file holds.
    """
    merged = dict(mine)
    changes: list[Change] = []
    for pid in sorted(theirs):
        note, old = theirs[pid], mine.get(pid)
        if old is None:
            outcome = ADDED
        elif old == note:
            outcome = SAME
        elif note.learned_on > old.learned_on:
            outcome = UPDATED
        else:
            outcome = KEPT
        if outcome in (ADDED, UPDATED):
            merged[pid] = note
        changes.append(Change(pid, outcome, old, note))
    return merged, changes
