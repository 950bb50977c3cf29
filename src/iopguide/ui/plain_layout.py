"""Text laid out as rich lays it out for a pipe, without importing rich (a few ms, not 50).

Only what the results and ``show`` pages use: wrapped paragraphs (rich's ``Text`` wrapping,
``rich._wrap.divide_line``), a two-column ``Table.grid`` (a no_wrap label column, a value
column that folds), indents, a rule, blank lines; every line right-stripped, as
:func:`iopguide.ui.console.print_page` strips rich's. Only text whose every character
rich counts one cell wide is laid out here: anything else raises :class:`NotPlain`, and
the caller lets rich do it. tests/test_plain_layout.py compares the two byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

#: Characters rich counts one cell wide without looking them up (the Latin part of
#: ``rich.cells._SINGLE_CELL_UNICODE_RANGES``): no wide, combining or control characters.
_SINGLE_CELL = re.compile("[\x20-\x7e\xa0-\xac\xae-\u02ff]*")
#: rich's word: leading space, the word, trailing space (``rich._wrap.re_word``).
_WORD = re.compile(r"\s*\S+\s*")


class NotPlain(Exception):
    """This page needs rich: a character of another width, or no room for a grid."""


def single_cell(text: str) -> bool:
    """Whether rich counts every character of *text* one cell wide (so len() is its width)."""
    return _SINGLE_CELL.fullmatch(text) is not None


def _checked(text: str) -> str:
    if not single_cell(text):
        raise NotPlain(text)
    return text


def _breaks(text: str, width: int) -> list[int]:
    """Where rich breaks *text* to fit *width* (``divide_line`` with fold, one cell a char)."""
    breaks: list[int] = []
    offset = 0
    for found in _WORD.finditer(text):
        start, word = found.start(), found.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # a word longer than the line folds
            pieces = [word[at : at + width] for at in range(0, len(word), width)]
            for piece in pieces[:-1]:
                if start:
                    breaks.append(start)
                start += len(piece)
            if start:
                breaks.append(start)
            offset = len(pieces[-1])
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def wrap(text: str, width: int) -> list[str]:
    """*text* in lines of at most *width* characters, broken where rich breaks it."""
    line = _checked(text)  # one line: a line break is not a single-cell character
    cuts = [0, *_breaks(line, width), len(line)]
    return [line[a:b] for a, b in pairwise(cuts)]


def grid(rows: Sequence[tuple[str, str]], width: int, gap: int) -> list[str]:
    """``Table.grid(padding=(0, gap))`` of (label, value) rows in *width*: labels never
    wrap, values wrap (and fold) in what is left."""
    if not rows:
        raise NotPlain("an empty grid")
    labels = max(len(_checked(label)) for label, _value in rows) + gap
    if labels >= width:
        raise NotPlain("no room for the values")
    values = min(width - labels, max(len(_checked(value)) for _label, value in rows) or 1)
    lines: list[str] = []
    for label, value in rows:
        pieces = wrap(value, values)
        lines.append(label.ljust(labels) + pieces[0])
        lines += [" " * labels + piece for piece in pieces[1:]]
    return lines


class PlainPage:
    """A page's lines at one width; :meth:`text` is what ``print_page`` would write."""

    def __init__(self, width: int) -> None:
        self.width = width
        self._lines: list[str] = []

    def paragraph(self, text: str) -> None:
        self._lines += wrap(text, self.width)

    def grid(self, rows: Sequence[tuple[str, str]], *, gap: int, indent: int = 0) -> None:
        self._lines += [" " * indent + line for line in grid(rows, self.width - indent, gap)]

    def rule(self) -> None:
        """rich's ``Rule()`` without a title."""
        self._lines.append("─" * self.width)

    def blank(self) -> None:
        self._lines.append("")

    def text(self) -> str:
        return "".join(line.rstrip() + "\n" for line in self._lines)
