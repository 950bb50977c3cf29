"""How your notes change a search, beside the listing and never inside it.

- ``runs_iop: yes`` makes a programme a listed IOP for ``--level iop``, and
  ``runs_iop: no`` takes it out (also out of "may run an IOP: ask");
- ``schedule`` adds the times a note records to what ``--schedule`` matches;
- ``plans`` adds the plans a note names to what ``--insurance PLAN`` matches;
- ``closed: true`` hides the programme from results (and is counted).

Each reason a note gave is said as coming from the note, with its date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from iopguide.directory import fit
from iopguide.directory.filter_table import Filters
from iopguide.directory.model import Directory, Program
from iopguide.directory.widening import NOT_RECORDED_PLANS, NOT_RECORDED_SCHEDULES
from iopguide.i18n import _
from iopguide.vocabulary import SCHEDULE_TIMES

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing

if TYPE_CHECKING:  # notes.py is read only when there is a notes file
    from iopguide.directory.notes import Note

NoteMap = Mapping[str, "Note"]
Check = Callable[[Program], "list[str] | None"]


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


def plans_noted(note: Note | None, wanted: Iterable[str]) -> list[str]:
    """Reasons from the plans your note names that match the plans asked for."""
    if note is None or not note.plans:
        return []
    reasons = []
    for plan in wanted:
        named = [n for n in note.plans if plan.casefold() in n.casefold()]
        if named:
            reasons.append(from_note(_("Takes {plan}").format(plan=named[0]), note))
    return reasons


def where_unrecorded(
    asked: Filters, not_recorded: tuple[str, ...], notes: NoteMap
) -> list[tuple[str, Check]]:
    """Checks for the plans and schedules a directory does not record but your notes do.

    A listing without a note stays in (the directory cannot say; ask); a note that
    records a schedule decides for its programme, and a noted plan adds its reason.
    """
    checks: list[tuple[str, Check]] = []
    if NOT_RECORDED_SCHEDULES in not_recorded and any(n.schedule for n in notes.values()):

        def schedule(p: Program) -> list[str] | None:
            note = notes.get(p.id)
            if note is None or not note.schedule:
                return []
            hits = [t for t in asked.schedules if t in note.schedule]
            labels = ", ".join(SCHEDULE_TIMES.labels(hits))
            return [from_note(labels, note)] if hits else None

        checks.append(("schedule", schedule))
    if NOT_RECORDED_PLANS in not_recorded and any(n.plans for n in notes.values()):
        checks.append(("insurance", lambda p: plans_noted(notes.get(p.id), asked.plans)))
    return checks
