"""Small rich blocks every terminal view shares: the crisis footer and hanging-indent lists."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import RenderableType

from iopguide import crisis


def crisis_footer(width: int, *, plain: bool = False) -> RenderableType:
    """``crisis.FOOTER`` in bold (plain: unstyled); one sentence a line when it does not fit."""
    from rich.text import Text

    text = crisis.FOOTER
    if len(text) > width:
        text = text.replace(". ", ".\n")
    return Text(text, style="" if plain else "bold")


def bullets(items: Iterable[str], *, numbered: bool = False) -> RenderableType:
    """A hanging-indent list: wrapped lines line up under the text, not the bullet."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(ratio=1)
    for index, item in enumerate(items, start=1):
        grid.add_row(f"{index}." if numbered else "-", Text(item))
    return grid
