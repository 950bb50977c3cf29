"""Your note on one programme, as a section of its own after the listing (rich)."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from iopguide.directory.notes import Note
from iopguide.ui.console import data_text
from iopguide.ui.note_words import NOTE_STYLE, note_fields, note_label


def note_section(note: Note) -> list[RenderableType]:
    """A heading "Your note, 2026-11-20" and one row per thing it says."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, text in note_fields(note):
        grid.add_row(label, data_text(text, NOTE_STYLE, single_line=False))
    return [Text(""), Text(note_label(note), style="bold " + NOTE_STYLE), grid]
