"""``compare`` for people: one column per programme where the window has room, else blocks.

Columns need about ``COLUMN_WIDTH`` characters each beside the labels; below
that (a phone held upright, a projector at large font) and in plain mode (a
screen reader reads blocks in order, not a grid) each programme is a block of
label and value lines, so a phone number is never cut.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from iopguide import crisis
from iopguide.app.results import CompareReport, ShortlistReport
from iopguide.i18n import _
from iopguide.ui.compare_rows import Row, closing_lines, compare_rows
from iopguide.ui.console import data_text, is_plain, print_page

COLUMN_WIDTH = 28
LABEL_WIDTH = 16
MAX_WIDTH = 200
#: Narrower than this, a block's lines are "Label: value" (no room for a label column).
INLINE_BELOW = 60


def fits_in_columns(count: int, width: int) -> bool:
    return width >= LABEL_WIDTH + COLUMN_WIDTH * count


def render_compare(
    report: CompareReport, console: Console, *, plain: bool | None = None, ids: bool = True
) -> None:
    """The programmes side by side; *ids* False for the guide (no ids to type there)."""
    plain = is_plain(console) if plain is None else plain
    rows = compare_rows(report, ids=ids)
    page: list[RenderableType] = []
    if not plain and fits_in_columns(len(report.programs), console.width):
        page.append(_columns(report, rows, console.width))
    else:
        page += _blocks(report, rows, plain=plain, width=console.width)
    page += [Text(line, style="" if plain else "dim") for line in closing_lines(report)]
    page.append(Text(crisis.FOOTER, style="" if plain else "bold"))
    print_page(console, page, width=console.width)


def _value(row: Row, value: str, plain: bool) -> Text:
    # The person's own words stand apart from the directory's (italic, and labelled).
    if plain:
        return data_text(value)
    return data_text(value, "italic" if row.note else "yellow" if row.warn else "")


def _columns(report: CompareReport, rows: list[Row], width: int) -> Table:
    table = Table(
        show_lines=True,
        width=min(width, LABEL_WIDTH + 4 + MAX_WIDTH),
        header_style="bold",
        pad_edge=False,
        expand=True,
    )
    table.add_column("", style="bold", min_width=10, max_width=LABEL_WIDTH, overflow="fold")
    for number, program in enumerate(report.programs, 1):
        head = Text(f"{number}. ")
        head.append_text(data_text(program.name))
        table.add_column(head, ratio=1, overflow="fold")
    for row in rows:
        table.add_row(row.label, *(_value(row, v, False) for v in row.values))
    return table


def _blocks(
    report: CompareReport, rows: list[Row], *, plain: bool, width: int
) -> list[RenderableType]:
    """One block per programme: a label column when there is room, else "Label: value" lines."""
    blocks: list[RenderableType] = []
    inline = plain or width < INLINE_BELOW
    for index, program in enumerate(report.programs):
        head = Text(f"{index + 1}. ", style="" if plain else "bold")
        head.append_text(data_text(program.name, "" if plain else "bold"))
        filled = [(row, row.values[index]) for row in rows if row.values[index]]
        body: RenderableType
        if inline:
            lines = []
            for row, value in filled:
                line = Text(row.label + ": ", style="" if plain else "bold")
                line.append_text(_value(row, value, plain))
                lines.append(line)
            body = Group(*lines)
        else:
            grid = Table.grid(padding=(0, 1))
            grid.add_column(style="dim", no_wrap=True)
            grid.add_column(overflow="fold")
            for row, value in filled:
                grid.add_row(row.label, _value(row, value, plain))
            body = grid
        blocks.append(Padding(Group(head, Padding(body, (0, 0, 0, 2))), (0, 0, 1, 0)))
    return blocks


def render_shortlist(
    report: ShortlistReport, console: Console, *, plain: bool | None = None
) -> None:
    """What a shortlist command did, then the shortlist as it is now."""
    from iopguide.ui.compare_rows import shortlist_lines

    plain = is_plain(console) if plain is None else plain

    dim = "" if plain else "dim"
    page: list[RenderableType] = [data_text(line) for line in shortlist_lines(report)]
    for number, entry in enumerate(report.entries, 1):
        line = Text(f"{number}. ", style="" if plain else "bold")
        line.append_text(data_text(entry.name, "" if plain else "bold"))
        line.append_text(data_text(f"  {entry.id}", dim))
        page.append(line)
    if report.entries:
        page.append(data_text(_("Kept in {file}").format(file=report.file), dim))
    print_page(console, page, width=console.width)
