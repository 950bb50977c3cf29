"""What ``compare`` shows, row by row, as plain text: the terminal and Markdown share it.

No rich here. Values come from an untrusted directory file, so every view cleans
(terminal) or escapes (Markdown) them; the person's own notes are kept in rows
of their own, labelled "Your note", never mixed into SAMHSA's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from iopguide.directory import fit, provenance
from iopguide.i18n import _
from iopguide.text import serves_only_text

if TYPE_CHECKING:
    from iopguide.app.results import CompareReport, ShortlistReport
    from iopguide.directory.model import Program
    from iopguide.directory.notes import Note


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[str, ...]  # one per programme, "" where there is nothing to say
    note: bool = False  # the person's own words, not the directory's
    warn: bool = False  # a limit that decides (who it serves only): shown to stand out
    phone: bool = False  # phone numbers (a handout makes them links to call)


def levels_line(program: Program, *, full: bool = False) -> str:
    """Listed levels, and "may run an IOP: ask" where the listing cannot say.

    *full*: the levels' whole names ("Intensive outpatient (IOP)"), for a page with room.
    """
    from iopguide.vocabulary import LEVELS

    name = LEVELS.label if full else LEVELS.short
    text = ", ".join(name(level) for level in program.levels)
    if fit.may_run_iop(program):
        text = _("{levels} · may run an IOP: ask").format(levels=text)
    return text


def telehealth_line(program: Program) -> str:
    from iopguide.ui.program_words import telehealth_text

    return telehealth_text(program) or _("Not listed")


def ages_line(program: Program) -> str:
    from iopguide.vocabulary import AGE_GROUPS

    return ", ".join(AGE_GROUPS.labels(program.ages)) or _("Not listed")


def address_line(program: Program) -> str:
    from iopguide.ui.program_words import address_text

    return address_text(program)


def distance_line(miles: float | None) -> str:
    return "" if miles is None else _("{miles} miles").format(miles=f"{miles:.1f}")


def note_line(note: Note | None) -> str:
    """The person's note on one line, labelled: "Your note, 2026-11-20: Wait: about 2 weeks"."""
    if note is None:
        return ""
    from iopguide.ui.note_words import note_summary

    return note_summary(note)


def _phone(program: Program) -> str:
    return program.contact.phone or ""


def compare_rows(report: CompareReport, *, ids: bool = True, full: bool = False) -> list[Row]:
    """The rows in reading order; a row nobody has anything for is left out.

    *ids* False leaves out the ids (the guide, where nobody types commands); *full*
    names the levels in full (a handout).
    """
    from iopguide.ui.program_words import payment_text, schedule_text
    from iopguide.vocabulary import APPROACHES, SERVICES

    programs = report.programs
    info = report.info

    def each(make) -> tuple[str, ...]:
        return tuple(make(p) for p in programs)

    notes = padded(report.notes, len(programs))
    rows = [
        Row(_("Your note says"), tuple(_closed(n) for n in notes), note=True, warn=True),
        Row(_("Levels"), each(lambda p: levels_line(p, full=full))),
        Row(_("Only"), each(lambda p: serves_only_text(p.serves_only)), warn=True),
        Row(
            _("Distance from {zip}").format(zip=report.origin_zip) if report.origin_zip else "",
            tuple(distance_line(d) for d in padded(report.distances, len(programs))),
        ),
        Row(_("Address"), each(address_line)),
        Row(_("Phone"), each(_phone), phone=True),
        Row(_("Intake phone"), each(lambda p: p.contact.intake_phone or ""), phone=True),
        Row(_("Payment"), each(payment_text)),
        Row(_("Ages"), each(ages_line)),
        Row(_("Telehealth"), each(telehealth_line)),
        Row(_("Schedule"), each(schedule_text)),
        Row(_("Services"), each(lambda p: ", ".join(SERVICES.labels(p.services)))),
        Row(_("Approaches"), each(lambda p: ", ".join(APPROACHES.labels(p.approaches)))),
        Row(_("Source"), each(lambda p: provenance.origin_text(p, info))),
        Row("Id" if ids else "", each(lambda p: p.id)),
        Row(_("Your notes"), tuple(note_line(n) for n in notes), note=True),
    ]
    return [row for row in rows if row.label and any(row.values)]


def _closed(note: Note | None) -> str:
    """First of all: the person's note says this programme is closed, or not to refer to."""
    if note is None or not note.closed:
        return ""
    return _("Closed, or not to refer to (your note, {date})").format(
        date=note.learned_on.isoformat()
    )


def padded(values: tuple[Any, ...], count: int) -> tuple[Any, ...]:
    """*values* one per programme (None where a shorter tuple has nothing)."""
    return tuple(values[i] if i < len(values) else None for i in range(count))


def closing_lines(report: CompareReport) -> list[str]:
    """What to keep in mind under the comparison: the edition's age, distances, the credit."""
    lines = []
    if report.origin_zip and any(d is not None for d in report.distances):
        lines.append(
            _("Distances are straight-line miles from the centre of ZIP {zip}.").format(
                zip=report.origin_zip
            )
        )
    credit = provenance.credit_line(report.info, report.programs)
    if credit:
        lines.append(credit)
    stale = provenance.stale_line(report.info, report.programs)
    if stale:  # says "call to confirm" itself
        lines.append(stale + " " + _("Ask how soon you can start."))
    else:
        lines.append(_("Call before you go: details change. Ask how soon you can start."))
    return lines


def shortlist_lines(report: ShortlistReport) -> list[str]:
    """What a shortlist command did, in a sentence or two, and what to do next."""
    from pathlib import Path

    from iopguide.directory.shortlist import command
    from iopguide.i18n import ngettext

    path = Path(report.file)
    count = len(report.changed)
    said = []
    if report.action == "add" and count:
        said.append(
            ngettext(
                "Added {count} program to your shortlist.",
                "Added {count} programs to your shortlist.",
                count,
            ).format(count=count)
        )
    if report.action == "add" and report.unchanged:
        said.append(_("Already on your shortlist: {ids}.").format(ids=", ".join(report.unchanged)))
    if report.action == "remove" and count:
        said.append(
            ngettext(
                "Removed {count} program from your shortlist.",
                "Removed {count} programs from your shortlist.",
                count,
            ).format(count=count)
        )
    if report.action == "remove" and report.unchanged:
        said.append(_("Not on your shortlist: {ids}.").format(ids=", ".join(report.unchanged)))
    if report.action == "clear":
        said.append(
            _("Your shortlist is cleared and its file removed.")
            if count
            else _("Your shortlist was already empty.")
        )
    elif not report.entries:
        said.append(
            _("Your shortlist is empty. Add programs with: {command}").format(
                command=command("shortlist add ID", path)
            )
        )
    else:
        total = len(report.entries)
        said.append(
            ngettext(
                "Your shortlist has {count} program. Compare: {command}",
                "Your shortlist has {count} programs. Compare: {command}",
                total,
            ).format(count=total, command=command("compare --shortlist", path))
        )
    return said
