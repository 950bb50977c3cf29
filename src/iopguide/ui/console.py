"""Rich consoles for stdout and stderr, and the one way data becomes text.

Every string that came from a file is passed through :func:`data_text`: control
characters are removed (:func:`iopguide.text.clean`) and the result is a
``rich.text.Text``, which rich never parses as markup. ``[bold]`` or
``[link=file:///etc/passwd]`` in a program name is shown literally.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Sequence
from functools import cache
from typing import Any

from rich.console import Console, RenderableType
from rich.text import Text

from iopguide.text import clean
from iopguide.ui.pipe_width import dumb_terminal, reading_width

#: Messages to a pipe or file are laid out this wide, i.e. never wrapped in practice:
#: a path or an error copied from a log must stay on one line.
UNWRAPPED_WIDTH = 10_000


class IopConsole(Console):
    """A rich Console for iopguide's streams.

    - A closed pipe is reported instead of exiting with status 1: rich's default
      turns ``iopguide find | head -1`` into exit 1 ("bad data" in our exit
      codes); :func:`iopguide.cli.run` turns BrokenPipeError into 0.
    - To a pipe or file, :meth:`print` neither wraps nor pads: one logical line
      stays one line, with no trailing spaces and no escape codes, so scripts can
      grep it and a person can copy a path from a log. Pages laid out for reading
      (results, the assessment, topics) go through :func:`print_page` instead.
    """

    def __init__(self, *args: Any, plain: bool | None = None, **options: Any) -> None:
        super().__init__(*args, **options)
        self._plain = plain

    @property
    def plain(self) -> bool:
        """Plain mode (IOPGUIDE_PLAIN, TERM=dumb): no boxes or styles, choices by number.

        Views read it from here, so nobody passes it along by hand; unless the console
        was made with it, it follows the environment at the moment it is asked.
        """
        if self._plain is not None:
            return self._plain
        from iopguide.ui.line_prompts import line_mode

        return line_mode()

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError

    def print(self, *objects: Any, **options: Any) -> None:  # type: ignore[override]
        if self.is_terminal or self.quiet:
            super().print(*objects, **options)
            return
        options.pop("width", None)
        options.pop("soft_wrap", None)
        self.file.write(_plain_text(objects, UNWRAPPED_WIDTH, markup=self._markup, **options))
        self.file.flush()


def make_console(**options: Any) -> Console:
    options.setdefault("highlight", False)
    options.setdefault("emoji", False)
    options.setdefault("soft_wrap", False)
    if dumb_terminal(os.environ) and "width" not in options:
        # rich takes a dumb terminal to be 80 by 25 unless told both sizes; a
        # 40-column one then breaks words in two. Its real size is known all the same.
        size = shutil.get_terminal_size()
        options["width"] = size.columns
        options.setdefault("height", size.lines)
    return IopConsole(**options)


@cache
def stdout_console() -> Console:
    return make_console()


@cache
def stderr_console() -> Console:
    return make_console(stderr=True)


def is_plain(console: Console) -> bool:
    """Whether *console* shows things plainly (any console iopguide made knows)."""
    return bool(getattr(console, "plain", False))


def page_width(console: Console) -> int:
    return reading_width(console.width)


def print_page(console: Console, page: Sequence[RenderableType], width: int | None = None) -> None:
    """Print *page* at *width*; to a pipe or file as plain text, no escape codes or padding."""
    width = width or page_width(console)
    if console.is_terminal:
        for renderable in page:
            console.print(renderable, width=width)
        return
    console.file.write("".join(_plain_text((renderable,), width) for renderable in page))
    console.file.flush()


def _plain_text(objects: Sequence[Any], width: int, markup: bool = False, **options: Any) -> str:
    """*objects* rendered at *width* as plain text: no escape codes, no trailing spaces.

    A console of our own, without colour, so no escape code can reach a pipe
    whatever the shared console was set up with.
    """
    buffer = io.StringIO()
    plain = Console(
        file=buffer,
        width=width,
        color_system=None,
        force_terminal=False,
        highlight=False,
        emoji=False,
        markup=markup,
    )
    plain.print(*objects, **options)
    return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))


def data_text(value: object, style: str = "", *, single_line: bool = True) -> Text:
    """Untrusted *value* as rich Text: cleaned, never interpreted as markup."""
    if value is None:
        return Text("")
    return Text(clean(value, single_line=single_line), style=style)


def fill(template: str, **values: Text | str) -> Text:
    """A whole translated sentence with ``{name}`` placeholders filled by (styled) Text.

    The sentence stays whole for translators; only the values carry styles, and
    values that came from files are Text already (never parsed as markup).
    """
    import re

    out = Text()
    at = 0
    for found in re.finditer(r"\{(\w+)\}", template):
        out.append(template[at : found.start()])
        value = values[found.group(1)]
        out.append(value if isinstance(value, Text) else Text(value))
        at = found.end()
    out.append(template[at:])
    return out
