"""A long page in a terminal, a screenful at a time, so its top stays on screen.

The assessment result, a check-in result and the topics in the guided flow
are longer than a 24-row window (about 90 lines at 40 columns). Shown at once,
the headline scrolls away before anyone reads it; shown a screenful at a time,
with "Press Enter to read on (part 2 of 4)" between, it does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from iopguide.i18n import _

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


#: Lines kept free below each screenful: the "Press Enter" prompt and its answer.
_PROMPT_LINES = 2


def print_paged(
    console: Console, page: Sequence[RenderableType], width: int, pause: Callable[[str], None]
) -> None:
    """Print *page* a screenful at a time, so its top is on screen until the person reads on."""
    with console.capture() as captured:
        for renderable in page:
            console.print(renderable, width=width)
    lines = captured.get().splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    size = max(5, console.size.height - _PROMPT_LINES)
    parts = _screenfuls(lines, size)
    for number, part in enumerate(parts, start=1):
        if number > 1:
            pause(
                _("Press Enter to read on (part {number} of {total})").format(
                    number=number, total=len(parts)
                )
            )
        console.file.write("\n".join(part) + "\n")
        console.file.flush()


def _screenfuls(lines: list[str], size: int) -> list[list[str]]:
    """*lines* in parts of at most *size*, each ending at a blank line where one is near,
    or else before a list item (``- `` or ``1. ``), never in the middle of a sentence
    when it can be helped."""
    parts: list[list[str]] = []
    start = 0
    while start < len(lines):
        end = min(start + size, len(lines))
        if end < len(lines):
            near = range(start + size // 2, end + 1)
            blanks = [i + 1 for i in near if i < end and not lines[i].strip()]
            items = [i for i in near if _ITEM.match(lines[i])]
            if blanks or items:
                end = (blanks or items)[-1]
        parts.append(lines[start:end])
        start = end
    return parts


#: A line that starts a list item: a bullet or a number, at the left edge.
_ITEM = re.compile(r"(?:- |\d+\. )")
