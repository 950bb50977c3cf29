"""Search results and single programs for people: a table when there is room, cards when not.

Below ``TABLE_MIN_WIDTH`` columns (a narrow window, a projector at large font,
or a pipe, where rich assumes 80) each program becomes a stacked card, so a
phone number is never cut. What each card, summary and programme page says is in
:mod:`iopguide.ui.result_words`; to a pipe, :mod:`iopguide.ui.plain_pages` usually writes
the same bytes without rich.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from iopguide import crisis
from iopguide.directory import provenance
from iopguide.directory.model import DirectoryInfo, Program
from iopguide.directory.notes import Note
from iopguide.directory.search import Match, SearchResult
from iopguide.i18n import _
from iopguide.ui.console import data_text, print_page
from iopguide.ui.no_results_words import no_results
from iopguide.ui.note_view import NOTE_STYLE, note_section
from iopguide.ui.note_words import note_summary
from iopguide.ui.program_words import payment_text, schedule_text
from iopguide.ui.result_words import (
    TABLE_MIN_WIDTH,
    card_rows,
    distance_text,
    levels_text,
    phone_text,
    place_text,
    program_closing,
    program_heading,
    program_rows,
    restrictions_text,
    summary_lines,
)
from iopguide.ui.search_words import cannot_answer_lines, none_listed_line

#: The table stops at this width, however wide the window.
MAX_WIDTH = 180


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
        page += [Text(line, style=style) for line, style in no_results(result, commands=commands)]
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
    return [
        Text(line, style=style)
        for line, style in summary_lines(result, shown, info, commands=commands)
    ]


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
            data_text(phone_text(program)),
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


def _card(number: int, match: Match, info: DirectoryInfo, *, ids: bool = True) -> Padding:
    head = Text(f"{number}. ", style="bold")
    head.append_text(data_text(match.program.name, "bold"))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value, style in card_rows(match, info, ids=ids):
        grid.add_row(label, Text(value, style))
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
    page: list[RenderableType] = [Rule(style="cyan")]
    page += [Text(line, style=style) for line, style in program_heading(program, note)]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in program_rows(program, info, match=match, commands=commands):
        grid.add_row(label, Text(value))
    page.append(grid)
    if note is not None:
        page += note_section(note)
    line, style = program_closing(program, info)
    page += [Text(line, style=style), Text(crisis.FOOTER, style="bold")]
    # Through print_page: to a pipe, plain text at the page width (a Rule would fill 30,000).
    print_page(console, page)
