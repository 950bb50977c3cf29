"""How your notes change a search, beside the listing and never inside it.

- ``runs_iop: yes`` makes a programme a listed IOP for ``--level iop``, and
  ``runs_iop: no`` takes it out (also out of "may run an IOP: ask");
- ``schedule`` adds the times a note records to what ``--schedule`` matches;
- ``plans`` adds the plans a note names to what ``--insurance PLAN`` matches;
- ``closed: true`` hides the programme from results (and is counted).

Each reason a note gave is said as coming from the note, with its date.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from iopguide.directory import fit
from iopguide.directory.model import Directory, Program
from iopguide.directory.notes import Note
from iopguide.i18n import _

NoteMap = Mapping[str, Note]


def from_note(what: str, note: Note) -> str:
    """*what* marked as your note of its date: "Runs an IOP (your note, 2026-11-20)"."""
    return _("{what} (your note, {date})").format(what=what, date=note.learned_on.isoformat())


def note_label(note: Note) -> str:
    """The label every view puts on what a note says: "Your note, 2026-11-20"."""
    return _("Your note, {date}").format(date=note.learned_on.isoformat())


def level_match(
    program: Program, wanted: tuple[str, ...], note: Note | None
) -> tuple[str | None, tuple[str, ...], str | None]:
    """(fit.LISTED / fit.ASK / None, the listed levels that matched, a reason from the note)."""
    listed = tuple(level for level in program.levels if level in wanted)
    if note is None or note.runs_iop is None or "iop" not in wanted:
        return fit.level_match(program, wanted), listed, None
    if note.runs_iop:
        return (
            fit.LISTED,
            tuple(lvl for lvl in listed if lvl != "iop"),
            from_note(_("Runs an IOP"), note),
        )
    others = tuple(level for level in listed if level != "iop")
    return (fit.LISTED if others else None), others, None


def schedule_times(program: Program, note: Note | None) -> tuple[str, ...]:
    """The times the listing records and, after them, the times your note adds."""
    times = program.schedule.times
    if note is None or not note.schedule:
        return times
    return (*times, *(t for t in note.schedule if t not in times))


def with_noted_iops(
    pool: Sequence[Program], directory: Directory, notes: NoteMap, levels: Iterable[str]
) -> Sequence[Program]:
    """*pool* and, for an IOP search, the programmes your notes say run one."""
    if not notes or "iop" not in levels:
        return pool
    have = {p.id for p in pool}
    extra = [
        program
        for pid, note in notes.items()
        if note.runs_iop and pid not in have
        for program in (directory.get(pid),)
        if program is not None
    ]
    return [*pool, *extra] if extra else pool
