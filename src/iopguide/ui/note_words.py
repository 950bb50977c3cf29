"""How your notes are said, in every view (terminal, guide; HTML and compare may share it).

Always labelled "your note, DATE", and kept apart from what the listing says.
No rich here.
"""

from __future__ import annotations

from iopguide.i18n import _, ngettext
from iopguide.text import clean
from iopguide.vocabulary import SCHEDULE_TIMES

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:  # notes.py is read only when there is a notes file; search.py by a search
    from iopguide.directory.notes import Note
    from iopguide.directory.search import SearchResult

#: What your notes say is shown in this style (rich's), apart from the listing's text.
NOTE_STYLE = "magenta"


def note_label(note: Note) -> str:
    """ "Your note, 2026-11-20" """
    from iopguide.directory.noted import note_label as label

    return label(note)


def note_fields(note: Note) -> list[tuple[str, str]]:
    """(label, text) for each thing the note says, in file order; text cleaned."""
    rows: list[tuple[str, str]] = []
    if note.closed:
        rows.append((_("Status"), _("closed, or not to refer to")))
    if note.runs_iop is not None:
        rows.append(
            (
                _("Intensive outpatient"),
                _("Runs an IOP") if note.runs_iop else _("Does not run an IOP"),
            )
        )
    if note.schedule:
        rows.append((_("Groups"), ", ".join(SCHEDULE_TIMES.labels(note.schedule))))
    if note.phone:
        rows.append((_("Phone"), clean(note.phone)))
    if note.wait:
        rows.append((_("Wait"), clean(note.wait)))
    if note.plans:
        rows.append((_("Takes"), clean(", ".join(note.plans))))
    if note.note:
        rows.append((_("Note"), clean(note.note, single_line=False)))
    return rows


def note_said(note: Note) -> str:
    """What the note says on one line: "Phone: 502-555-0100 · Wait: about 2 weeks"."""
    fields = [(label, text) for label, text in note_fields(note) if not note.closed or text]
    return clean(" · ".join(f"{label}: {text}" for label, text in fields))


def note_summary(note: Note) -> str:
    """The note, labelled: "Your note, 2026-11-20: Phone: 502-555-0100 · Wait: about 2 weeks"."""
    return f"{note_label(note)}: {note_said(note)}"


def closed_line(note: Note) -> str:
    """Said first when ``show`` shows a program your note marks closed."""
    return _(
        "Your note of {date} says this program is closed, or not to refer to: "
        "it is left out of searches."
    ).format(date=note.learned_on.isoformat())


def hidden_line(result: SearchResult, *, commands: bool = True) -> str | None:
    """How many matches your notes left out (closed, or not to refer to)."""
    count = result.hidden_by_notes
    if not count:
        return None
    if not commands:
        return ngettext(
            "{count} more program matched but your notes mark it closed or not to refer to.",
            "{count} more programs matched but your notes mark them closed or not to refer to.",
            count,
        ).format(count=count)
    return ngettext(
        "{count} more program matched but your notes mark it closed or not to refer to "
        "(see it with iopguide show ID).",
        "{count} more programs matched but your notes mark them closed or not to refer to "
        "(see them with iopguide show ID).",
        count,
    ).format(count=count)
