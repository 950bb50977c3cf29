"""``iopguide notes ...`` for people: what was saved, shown, checked, imported or exported."""

from __future__ import annotations

from rich.console import Console, RenderableType
from rich.text import Text

from iopguide.app.results import NotesReport
from iopguide.directory.notes import Note
from iopguide.directory.notes_store import ADDED, KEPT, SAME, UPDATED, Change
from iopguide.errors import DataError
from iopguide.i18n import _, ngettext
from iopguide.ui.console import data_text, fill, print_page
from iopguide.ui.note_view import note_section


def render_notes(report: NotesReport, console: Console) -> None:
    page: list[RenderableType] = {
        "add": _added,
        "show": _shown,
        "check": _checked,
        "export": _exported,
        "import": _imported,
    }[report.action](report)
    print_page(console, page)


def _heading(note: Note, names: dict[str, str] | None) -> Text:
    name = (names or {}).get(note.id)
    if name is None:
        return data_text(note.id, "bold")
    return Text.assemble(data_text(name, "bold"), " (", data_text(note.id, "dim"), ")")


def _added(report: NotesReport) -> list[RenderableType]:
    note = report.notes[0]
    said = fill(
        _("Saved your note on {program} in {file}."),
        program=_heading(note, report.names),
        file=data_text(report.file),
    )
    return [Text.assemble(("✓ ", "green"), said), *note_section(note)]


def _shown(report: NotesReport) -> list[RenderableType]:
    if not report.notes:
        return [fill(_("There are no notes in {file} yet."), file=data_text(report.file))]
    page: list[RenderableType] = []
    for note in report.notes:
        page += [_heading(note, report.names), *note_section(note), Text("")]
    count = len(report.notes)
    line = ngettext("{count} note in {file}.", "{count} notes in {file}.", count)
    page.append(fill(line, count=str(count), file=data_text(report.file)))
    return page


def _checked(report: NotesReport) -> list[RenderableType]:
    if report.problems:
        count = len(report.problems)
        raise DataError(
            report.problems,
            summary=ngettext(
                "{count} note in {file} is on an id the directory does not have.",
                "{count} notes in {file} are on ids the directory does not have.",
                count,
            ).format(count=count, file=report.file),
        )
    count = len(report.notes)
    line = ngettext(
        "{file} is valid: {count} note, on a program in {directory}.",
        "{file} is valid: {count} notes, each on a program in {directory}.",
        count,
    )
    said = fill(
        line,
        file=data_text(report.file),
        count=str(count),
        directory=data_text(report.directory or ""),
    )
    return [Text.assemble(("✓ ", "green"), said)]


def _exported(report: NotesReport) -> list[RenderableType]:
    count = len(report.notes)
    line = ngettext("Wrote {count} note to {file}.", "Wrote {count} notes to {file}.", count)
    return [
        Text.assemble(("✓ ", "green"), fill(line, count=str(count), file=data_text(report.other)))
    ]


#: What an import did to one id, for people.
_OUTCOME = {
    ADDED: ("+", "green"),
    UPDATED: ("~", "yellow"),
    KEPT: ("=", "dim"),
    SAME: ("=", "dim"),
}


def change_text(change: Change) -> str:
    theirs = change.theirs.learned_on.isoformat()
    mine = change.mine.learned_on.isoformat() if change.mine else ""
    return {
        ADDED: _("added (learned {theirs})"),
        UPDATED: _("updated: theirs of {theirs} is newer than yours of {mine}"),
        KEPT: _("kept yours of {mine}: theirs of {theirs} is not newer"),
        SAME: _("the same in both"),
    }[change.outcome].format(theirs=theirs, mine=mine)


def _imported(report: NotesReport) -> list[RenderableType]:
    counts = {outcome: 0 for outcome in _OUTCOME}
    page: list[RenderableType] = []
    for change in report.changes:
        counts[change.outcome] += 1
        sign, style = _OUTCOME[change.outcome]
        line = Text(f"  {sign} ", style=style)
        line.append_text(data_text(change.id, "bold"))
        line.append(" " + change_text(change))
        page.append(line)
    changed = counts[ADDED] + counts[UPDATED]
    summary = _(
        "Imported {source} into {file}: {added} added, {updated} updated, "
        "{kept} kept as yours, {same} the same in both."
    )
    head = fill(
        summary,
        source=data_text(report.other),
        file=data_text(report.file),
        added=str(counts[ADDED]),
        updated=str(counts[UPDATED]),
        kept=str(counts[KEPT]),
        same=str(counts[SAME]),
    )
    if not changed:
        head.append(" " + _("Nothing changed; your file was not rewritten."))
    return [head, *page]
