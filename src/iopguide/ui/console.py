"""Rich consoles for stdout and stderr, and the one way data becomes text.

Every string that came from a file is passed through :func:`data_text`: control
characters are removed (:func:`iopguide.text.clean`) and the result is a
``rich.text.Text``, which rich never parses as markup. ``[bold]`` or
``[link=file:///etc/passwd]`` in a program name is shown literally.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache
from typing import Any

from rich.console import Console, RenderableType
from rich.text import Text

from iopguide.text import clean

#: Reading pages (the assessment result, topics, the guide) stop at this width,
#: so a wide projector still reads like a page.
PAGE_WIDTH = 100


class IopConsole(Console):
    """A rich Console that reports a closed pipe instead of exiting with status 1.

    rich's default turns ``iopguide find | head -1`` into exit 1 ("bad data"
    in our exit codes); :func:`iopguide.cli.run` turns BrokenPipeError into 0.
    """

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def make_console(**options: Any) -> Console:
    options.setdefault("highlight", False)
    options.setdefault("emoji", False)
    options.setdefault("soft_wrap", False)
    return IopConsole(**options)


@cache
def stdout_console() -> Console:
    return make_console()


@cache
def stderr_console() -> Console:
    return make_console(stderr=True)


def page_width(console: Console) -> int:
    return max(20, min(console.width, PAGE_WIDTH))


def print_page(console: Console, page: Sequence[RenderableType], width: int | None = None) -> None:
    """Print *page* at *width*; to a pipe or file as plain text, no escape codes or padding."""
    width = width or page_width(console)
    if console.is_terminal:
        for renderable in page:
            console.print(renderable, width=width)
        return
    # A console of our own, without colour, so no escape code can reach a pipe
    # whatever the shared console was set up with.
    buffer = io.StringIO()
    plain = Console(
        file=buffer,
        width=width,
        color_system=None,
        force_terminal=False,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for renderable in page:
        plain.print(renderable)
    lines = buffer.getvalue().splitlines()
    console.file.write("\n".join(line.rstrip() for line in lines) + "\n")
    console.file.flush()


def data_text(value: object, style: str = "", *, single_line: bool = True) -> Text:
    """Untrusted *value* as rich Text: cleaned, never interpreted as markup."""
    if value is None:
        return Text("")
    return Text(clean(value, single_line=single_line), style=style)
