"""Search results and single programs for people: a table when there is room, cards when not.

Below ``TABLE_MIN_WIDTH`` columns (a narrow window, a projector at large font,
or a pipe, where rich assumes 80) each program becomes a stacked card, so a
phone number is never cut.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from iopguide import crisis
from iopguide.directory import fit, provenance
from iopguide.directory.model import DirectoryInfo, Program
from iopguide.directory.notes import Note
from iopguide.directory.search import Match, SearchResult
from iopguide.i18n import _, ngettext
from iopguide.text import serves_only_text
from iopguide.ui.console import data_text, print_page
from iopguide.ui.no_results_view import no_results
from iopguide.ui.note_view import NOTE_STYLE, note_section
from iopguide.ui.note_words import closed_line, hidden_line, note_label, note_said, note_summary
from iopguide.ui.program_words import (
    NOT_LISTED,
    address_text,
    payment_text,
    place_words,
    schedule_text,
    telehealth_text,
)
from iopguide.ui.search_words import (
    age_hint,
    cannot_answer_lines,
    none_listed_line,
    telehealth_line,
)
from iopguide.vocabulary import (
    LEVELS,
)

TABLE_MIN_WIDTH = 130
#: Said where the directory gives nothing (compare with ``_(NOT_LISTED)``).
MAX_WIDTH = 180


def levels_text(program: Program, match: Match | None = None) -> str:
    text = ", ".join(LEVELS.short(level) for level in program.levels)
    if match is not None and match.level_match == fit.ASK:
        text = _("{levels} · may run an IOP: ask").format(levels=text)
    return text


#: What a telehealth result is, said where the place is.
def place_text(program: Program, match: Match | None = None) -> str:
    return place_words(program, match) or _(NOT_LISTED)


def restrictions_text(program: Program) -> str:
    """Who a programme serves only, or "" (shown wherever a programme is shown).

    The importers write these phrases in English from SAMHSA's codes; each is a
    catalogue entry, so it reads in the person's language (free text stays as written).
    """
    return serves_only_text(program.serves_only)


def distance_text(match: Match) -> str:
    return "" if match.distance_miles is None else f"{match.distance_miles:.1f} mi"


def _phone(program: Program) -> str:
    return program.contact.phone or program.contact.intake_phone or _(NOT_LISTED)


def _name_cell(program: Program) -> Text:
    text = data_text(program.name, "bold")
    if program.serves_only:
        text.append("\n")
        text.append_text(
            data_text(_("Only: {groups}").format(groups=restrictions_text(program)), "yellow")
        )
    return text


def render_search(
    result: SearchResult,
    info: DirectoryInfo,
    limit: int,
    console: Console,
    *,
    commands: bool = True,
    first: int = 1,
) -> None:
    """Results for a person; *commands* False leaves out command-line hints (the guide)."""
    shown = result.matches if limit == 0 else result.matches[:limit]
    page: list[RenderableType] = [*_cannot_answer(result), *_none_listed(result)]
    if page:
        page.append(Text(""))  # a blank line before the results
    if not shown:
        page += no_results(result, commands=commands)
    elif console.width >= TABLE_MIN_WIDTH:
        page.append(_table(shown, console.width, info, first=first))
    else:
        page += [
            _card(number, match, info, ids=commands) for number, match in enumerate(shown, first)
        ]
    page += _summary(result, len(shown), info, commands=commands)
    page.append(Text(crisis.FOOTER, style="bold"))
    # To a pipe or file: plain text without rich's trailing padding.
    print_page(console, page, width=console.width)


def render_matches(
    matches: list[Match], info: DirectoryInfo, console: Console, *, first: int = 1
) -> None:
    """More results of a search already introduced (the guide's "Show more"): cards only."""
    cards: list[RenderableType] = [
        _card(number, match, info, ids=False) for number, match in enumerate(matches, first)
    ]
    cards.append(Text(crisis.FOOTER, style="bold"))
    print_page(console, cards, width=console.width)


def _cannot_answer(result: SearchResult) -> list[RenderableType]:
    return [Text(line, style="bold") for line in cannot_answer_lines(result)]


def _none_listed(result: SearchResult) -> list[RenderableType]:
    line = none_listed_line(result)
    return [Text(line, style="bold")] if line else []


def _summary(
    result: SearchResult, shown: int, info: DirectoryInfo, *, commands: bool = True
) -> list[RenderableType]:
    total = result.total
    lines: list[RenderableType] = []
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
        lines.append(Text(line.format(total=total, shown=shown), style="dim"))
    for said in (
        hidden_line(result, commands=commands),
        telehealth_line(result, commands=commands),
    ):
        if said:
            lines.append(Text(said))
    ages = age_hint(result, shown) if commands else None
    if ages:
        lines.append(Text(ages))
    if total and result.filters.origin is not None:
        lines.append(
            Text(
                _("Distances are straight-line miles from the centre of ZIP {zip}.").format(
                    zip=result.filters.origin.zip
                ),
                style="dim",
            )
        )
    programs = [m.program for m in result.matches[:shown]]
    credit = provenance.credit_line(info, programs)
    if credit and total:
        lines.append(Text(credit, style="dim"))
    stale = provenance.stale_line(info, programs)
    if stale and total:
        lines.append(Text(stale))
    return lines


def _table(matches: tuple[Match, ...], width: int, info: DirectoryInfo, *, first: int = 1) -> Table:
    table = Table(
        show_lines=True,
        expand=True,
        width=min(width, MAX_WIDTH),
        header_style="bold",
        pad_edge=False,
    )
    table.add_column("#", justify="right", no_wrap=True)
    # Ids fold rather than end in "…": a person types them into 'iopguide show'.
    table.add_column(_("Program (id)"), ratio=3, min_width=18, overflow="fold")
    table.add_column(_("Levels"), ratio=1, min_width=6)
    table.add_column(_("Miles"), justify="right", no_wrap=True)
    table.add_column(_("Where"), ratio=1, min_width=10)
    table.add_column(_("Phone"), no_wrap=True, min_width=12)
    table.add_column(_("Payment"), ratio=2, min_width=10)
    table.add_column(_("Schedule"), ratio=1, min_width=10)
    table.add_column(_("Why it matched"), ratio=3, min_width=16)
    table.add_column(_("Listed"), min_width=11)
    for number, match in enumerate(matches, first):
        program = match.program
        name = _name_cell(program)
        name.append("\n")
        name.append_text(data_text(program.id, "dim"))
        table.add_row(
            str(number),
            name,
            levels_text(program, match),
            distance_text(match),
            data_text(place_text(program, match)),
            data_text(_phone(program)),
            payment_text(program),
            schedule_text(program),
            _why(match),
            data_text(provenance.origin_short(program, info)),
        )
    return table


def _why(match: Match) -> Text:
    """Why it matched and, on a line of its own, what your note says."""
    text = data_text("; ".join(match.reasons))
    if match.note is not None:
        text.append("\n")
        text.append_text(data_text(note_summary(match.note), NOTE_STYLE))
    return text


def _note_text(note: Note) -> Text:
    return data_text(note_said(note), NOTE_STYLE)


def _card(number: int, match: Match, info: DirectoryInfo, *, ids: bool = True) -> Padding:
    program = match.program
    head = Text(f"{number}. ", style="bold")
    head.append_text(data_text(program.name, "bold"))
    rows = [
        *(
            [(_("Miles"), Text(f"{match.distance_miles:.1f}", "cyan"))]
            if match.distance_miles is not None
            else []
        ),
        *(
            [(_("Only"), data_text(restrictions_text(program), "yellow"))]
            if program.serves_only
            else []
        ),
        (_("Levels"), Text(levels_text(program, match))),
        (_("Where"), data_text(place_text(program, match))),
        (_("Phone"), data_text(_phone(program))),
        (_("Pays"), Text(payment_text(program))),
        (_("When"), Text(schedule_text(program))),
        (_("Why"), data_text("; ".join(match.reasons))),
        *([(note_label(match.note), _note_text(match.note))] if match.note else []),
        (_("Source"), data_text(provenance.origin_text(program, info))),
        *([("Id", data_text(program.id, "dim"))] if ids else []),
    ]
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        grid.add_row(label, value)
    return Padding(Group(head, Padding(grid, (0, 0, 0, 2))), (0, 0, 1, 0))


# --------------------------------------------------------------------------- one program


def render_program(
    program: Program,
    info: DirectoryInfo,
    console: Console,
    *,
    match: Match | None = None,
    commands: bool = True,
    note: Note | None = None,
) -> None:
    """Everything the directory says about one programme (``show``; the guide's "in full"),
    then, apart from it, your *note* on it."""
    from iopguide.directory.schema import BY_NAME, CONTACT  # not needed by a search

    page: list[RenderableType] = [Rule(style="cyan"), data_text(program.name, "bold")]
    if note is not None and note.closed:
        page.append(Text(closed_line(note), style="bold " + NOTE_STYLE))
    if program.organization:
        page.append(data_text(program.organization, "italic"))
    if program.serves_only:
        page.append(
            data_text(
                _("Who it serves: {groups}").format(groups=restrictions_text(program)),
                "bold yellow",
            )
        )

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    contact = program.contact

    def row(label: str, value: object) -> None:
        if value:
            grid.add_row(label, value if isinstance(value, Text) else data_text(value))

    if commands:
        row("Id", program.id)
    if match is not None and match.distance_miles is not None:
        row(_("Miles"), f"{match.distance_miles:.1f}")

    def rows(*names: str) -> None:  # list fields, labelled in directory/schema.py
        for name in names:
            field, values = BY_NAME[name], getattr(program, name)
            vocab = field.vocabulary
            row(_(field.label), ", ".join(vocab.labels(values) if vocab else values))

    rows("levels", "conditions", "payment", "insurance_plans", "ages", "languages")
    rows("special_groups", "facility_types")
    row(_("Address"), address_text(program))
    row(_("Telehealth"), telehealth_text(program))
    row(_("Schedule"), schedule_text(program))
    rows("services", "approaches", "accreditation")
    for part in CONTACT:
        row(_(part.label), getattr(contact, part.name))
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
    page.append(grid)
    if note is not None:
        page += note_section(note)
    stale = provenance.stale_line(info, [program])
    if stale:  # says "call to confirm" itself
        page.append(Text(stale + " " + _("Ask how soon you can start.")))
    else:
        page.append(
            Text(_("Call before you go: details change. Ask how soon you can start."), style="dim")
        )
    page.append(Text(crisis.FOOTER, style="bold"))
    # Through print_page: to a pipe, plain text at the page width (a Rule would fill 30,000).
    print_page(console, page)
