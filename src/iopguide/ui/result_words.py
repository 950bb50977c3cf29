"""What a search result and one programme say, line by line and row by row (no rich).

Shared by the rich views (:mod:`iopguide.ui.results_view`) and the plain writer for a
pipe (:mod:`iopguide.ui.plain_pages`), so the two cannot drift. Each line or row carries
the rich style it is shown in; text from a file is cleaned here, as ``data_text`` would.
"""

from __future__ import annotations

from iopguide.directory import fit, provenance
from iopguide.i18n import _, ngettext
from iopguide.text import clean, serves_only_text
from iopguide.ui.note_words import NOTE_STYLE, closed_line, note_label, note_said
from iopguide.ui.program_words import (
    NOT_LISTED,
    address_text,
    payment_text,
    place_words,
    schedule_text,
    telehealth_text,
)
from iopguide.vocabulary import LEVELS

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from iopguide.directory.model import DirectoryInfo, Program
    from iopguide.directory.notes import Note
    from iopguide.directory.search import Match, SearchResult

#: Results are a table from this many columns, stacked cards below it.
TABLE_MIN_WIDTH = 130

#: (text, style) of a line.
Line = tuple[str, str]
#: (label, text, style of the text) of a card's row.
Row = tuple[str, str, str]


def levels_text(program: Program, match: Match | None = None) -> str:
    text = ", ".join(LEVELS.short(level) for level in program.levels)
    if match is not None and match.level_match == fit.ASK:
        text = _("{levels} · may run an IOP: ask").format(levels=text)
    return text


def place_text(program: Program, match: Match | None = None) -> str:
    """Where it is, telehealth said; "Not listed" when the listing gives nothing."""
    return place_words(program, match) or _(NOT_LISTED)


def restrictions_text(program: Program) -> str:
    """Who a programme serves only, or "" (shown wherever a programme is shown).

    The importers write these phrases in English from SAMHSA's codes; each is a
    catalogue entry, so it reads in the person's language (free text stays as written).
    """
    return serves_only_text(program.serves_only)


def distance_text(match: Match) -> str:
    return "" if match.distance_miles is None else f"{match.distance_miles:.1f} mi"


def phone_text(program: Program) -> str:
    return program.contact.phone or program.contact.intake_phone or _(NOT_LISTED)


def card_rows(match: Match, info: DirectoryInfo, *, ids: bool = True) -> list[Row]:
    """The rows of one result's card: miles, who only, levels, where ... its id."""
    program = match.program
    rows: list[Row] = []
    if match.distance_miles is not None:
        rows.append((_("Miles"), f"{match.distance_miles:.1f}", "cyan"))
    if program.serves_only:
        rows.append((_("Only"), clean(restrictions_text(program)), "yellow"))
    rows += [
        (_("Levels"), levels_text(program, match), ""),
        (_("Where"), clean(place_text(program, match)), ""),
        (_("Phone"), clean(phone_text(program)), ""),
        (_("Pays"), payment_text(program), ""),
        (_("When"), schedule_text(program), ""),
        (_("Why"), clean("; ".join(match.reasons)), ""),
    ]
    if match.note:
        rows.append((note_label(match.note), clean(note_said(match.note)), NOTE_STYLE))
    rows.append((_("Source"), clean(provenance.origin_text(program, info)), ""))
    if ids:
        rows.append(("Id", clean(program.id), "dim"))
    return rows


def summary_lines(
    result: SearchResult, shown: int, info: DirectoryInfo, *, commands: bool = True
) -> list[Line]:
    """The lines under the results: how many matched, what was left out, where from."""
    from iopguide.ui.note_words import hidden_line
    from iopguide.ui.search_words import age_hint, telehealth_line

    total = result.total
    lines: list[Line] = []
    if total:
        if not commands:
            line = ngettext("{total} program matched.", "{total} programs matched.", total)
        elif shown < total:
            line = ngettext(
                "{total} program matched; showing the first {shown} (use --limit 0 for all). "
                "See one in full: iopguide show ID",
                "{total} programs matched; showing the first {shown} (use --limit 0 for all). "
                "See one in full: iopguide show ID",
                total,
            )
        else:
            line = ngettext(
                "{total} program matched. See one in full: iopguide show ID",
                "{total} programs matched. See one in full: iopguide show ID",
                total,
            )
        lines.append((line.format(total=total, shown=shown), "dim"))
    for said in (
        hidden_line(result, commands=commands),
        telehealth_line(result, commands=commands),
        age_hint(result, shown) if commands else None,
    ):
        if said:
            lines.append((said, ""))
    if total and result.filters.origin is not None:
        lines.append(
            (
                _("Distances are straight-line miles from the centre of ZIP {zip}.").format(
                    zip=result.filters.origin.zip
                ),
                "dim",
            )
        )
    programs = [m.program for m in result.matches[:shown]]
    credit = provenance.credit_line(info, programs)
    if credit and total:
        lines.append((credit, "dim"))
    stale = provenance.stale_line(info, programs)
    if stale and total:
        lines.append((stale, ""))
    return lines


def program_heading(program: Program, note: Note | None = None) -> list[Line]:
    """The lines above a programme's listing: its name, whether your note closed it, who runs it."""
    lines: list[Line] = [(clean(program.name), "bold")]
    if note is not None and note.closed:
        lines.append((closed_line(note), "bold " + NOTE_STYLE))
    if program.organization:
        lines.append((clean(program.organization), "italic"))
    if program.serves_only:
        who = _("Who it serves: {groups}").format(groups=restrictions_text(program))
        lines.append((clean(who), "bold yellow"))
    return lines


def program_rows(
    program: Program, info: DirectoryInfo, *, match: Match | None = None, commands: bool = True
) -> list[tuple[str, str]]:
    """(label, cleaned text) of everything the directory says about one programme."""
    from iopguide.directory.schema import BY_NAME, CONTACT  # not needed by a search

    found: list[tuple[str, str]] = []

    def row(label: str, value: object) -> None:
        if value:
            found.append((label, clean(value)))

    def rows(*names: str) -> None:  # list fields, labelled in directory/schema.py
        for name in names:
            field, values = BY_NAME[name], getattr(program, name)
            vocab = field.vocabulary
            row(_(field.label), ", ".join(vocab.labels(values) if vocab else values))

    if commands:
        row("Id", program.id)
    if match is not None and match.distance_miles is not None:
        row(_("Miles"), f"{match.distance_miles:.1f}")
    rows("levels", "conditions", "payment", "insurance_plans", "ages", "languages")
    rows("special_groups", "facility_types")
    row(_("Address"), address_text(program))
    row(_("Telehealth"), telehealth_text(program))
    row(_("Schedule"), schedule_text(program))
    rows("services", "approaches", "accreditation")
    for part in CONTACT:
        row(_(part.label), getattr(program.contact, part.name))
    row(_(BY_NAME["notes"].label), program.notes)
    row(_("Listed / checked"), provenance.origin_text(program, info))
    row(_("Source"), program.source or info.source)
    if fit.may_run_iop(program):
        row(
            "IOP",
            _(
                "Not recorded: SAMHSA's mental-health listings cannot say whether a facility "
                "runs an IOP; its care suggests it may. Call and ask."
            ),
        )
    return found


def program_closing(program: Program, info: DirectoryInfo) -> Line:
    """The line after a programme's listing: call before you go (and, if old, confirm)."""
    stale = provenance.stale_line(info, [program])
    if stale:  # says "call to confirm" itself
        return stale + " " + _("Ask how soon you can start."), ""
    return _("Call before you go: details change. Ask how soon you can start."), "dim"
