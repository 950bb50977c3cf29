"""Questions asked one line at a time: for screen readers, dumb terminals and IOPGUIDE_PLAIN.

questionary redraws its menu with cursor movement (``ESC[2A``) and turns on
bracketed paste (``ESC[?2004h``); a screen reader, an Emacs shell buffer or a
``TERM=dumb`` terminal shows those as noise or nothing. Here every question is
printed once, choices numbered, and the answer is a line of text read from
stdin: a number (or the choice's words), or several numbers for checkboxes.
Nothing is ever redrawn. Ctrl-C and Ctrl-D (end of input) stop, as everywhere.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

from rich.console import Console
from rich.text import Text

from iopguide.errors import Interrupted
from iopguide.i18n import _

Reader = Callable[[], str]


def line_mode() -> bool:
    """Ask a line at a time: IOPGUIDE_PLAIN is set, or the terminal says it is dumb."""
    from iopguide.ui.prompts import plain_mode

    return plain_mode() or os.environ.get("TERM", "").strip().lower() == "dumb"


def read_line() -> str:
    """One line from stdin, without its newline; Interrupted at Ctrl-C or end of input."""
    # Bytes, decoded a line at a time: a text stream that meets bytes it cannot
    # decode loses the rest of what it had read, later lines included.
    buffer = getattr(sys.stdin, "buffer", None)
    try:
        raw = buffer.readline() if buffer is not None else sys.stdin.readline()
    except UnicodeDecodeError:  # a text stream that met bytes it cannot decode: ask again
        return "\0"
    except (KeyboardInterrupt, ValueError, OSError):
        # Ctrl-C, or stdin closed or unreadable: asking again would loop for ever.
        raise Interrupted() from None
    if not raw:
        raise Interrupted()
    if isinstance(raw, bytes):
        try:
            raw = raw.decode(getattr(sys.stdin, "encoding", None) or "utf-8")
        except (UnicodeDecodeError, LookupError):
            return "\0"  # unreadable bytes: asked again, like any answer that is not valid
    return raw.rstrip("\r\n")


def _ask(console: Console, message: str, hint: str) -> None:
    console.print()
    console.print(Text(message.rstrip()))
    if hint:
        console.print(Text(hint))


def _choices(console: Console, titles: Sequence[str], marks: Sequence[bool] = ()) -> None:
    for number, title in enumerate(titles, start=1):
        mark = "[x] " if marks and marks[number - 1] else ("[ ] " if marks else "")
        # Plain text, not a padded block: padding to the full width made a dumb
        # terminal wrap each line into an empty one.
        console.print(Text(f"  {number}. {mark}{title}"))


def _number(text: str, count: int) -> int | None:
    text = text.strip().rstrip(".)")
    if text.isascii() and text.isdigit() and 1 <= int(text) <= count:
        return int(text) - 1
    return None


def _by_words(text: str, titles: Sequence[str]) -> int | None:
    wanted = " ".join(text.lower().split())
    found = [i for i, title in enumerate(titles) if " ".join(title.lower().split()) == wanted]
    return found[0] if len(found) == 1 else None


def select(
    console: Console,
    message: str,
    choices: Sequence[tuple[str, Any]],
    *,
    default: Any = None,
    read: Reader = read_line,
) -> Any:
    """One of *choices* (title, value) by its number or its words; returns the value."""
    titles = [title for title, _value in choices]
    values = [value for _title, value in choices]
    fallback = values.index(default) if default in values else None
    if fallback is None:
        hint = _("Type a number from 1 to {count}, then Enter.").format(count=len(titles))
    else:
        hint = _("Type a number from 1 to {count}, then Enter (just Enter keeps {kept}).").format(
            count=len(titles), kept=fallback + 1
        )
    _ask(console, message, hint)
    _choices(console, titles)
    while True:
        console.print(Text("> "), end="")
        answer = read()
        if not answer.strip() and fallback is not None:
            return values[fallback]
        picked = _number(answer, len(titles))
        if picked is None:
            picked = _by_words(answer, titles)
        if picked is not None:
            return values[picked]
        console.print(Text(_("Please type a number from 1 to {count}.").format(count=len(titles))))


def checkbox(
    console: Console,
    message: str,
    choices: Sequence[tuple[str, Any]],
    *,
    checked: Sequence[Any] = (),
    read: Reader = read_line,
) -> list[Any]:
    """One or more of *choices*, as numbers separated by spaces or commas."""
    titles = [title for title, _value in choices]
    values = [value for _title, value in choices]
    marks = [value in checked for value in values]
    if any(marks):
        hint = _(
            "Type the numbers of all that apply, like 1 3, then Enter "
            "(just Enter keeps the ones marked [x])."
        )
    else:
        hint = _("Type the numbers of all that apply, like 1 3, then Enter.")
    _ask(console, message, hint)
    _choices(console, titles, marks)
    while True:
        console.print(Text("> "), end="")
        answer = read()
        if not answer.strip() and any(marks):
            return [value for value, mark in zip(values, marks, strict=True) if mark]
        parts = [part for part in re.split(r"[\s,;]+", answer) if part]
        picked = [_number(part, len(titles)) for part in parts]
        if parts and None not in picked:
            chosen = set(picked)
            return [value for i, value in enumerate(values) if i in chosen]
        console.print(
            Text(
                _("Please type one or more numbers from 1 to {count}, like 1 3.").format(
                    count=len(titles)
                )
            )
        )


def text(
    console: Console,
    message: str,
    *,
    default: str = "",
    instruction: str | None = None,
    read: Reader = read_line,
) -> str:
    """A line of text; just Enter gives *default*."""
    hint = instruction or ""
    if default:
        keeps = _("(just Enter for {default})").format(default=default)
        hint = (hint + " " if hint else "") + keeps
    _ask(console, message, hint)
    while True:
        console.print(Text("> "), end="")
        answer = read()
        if answer != "\0":
            return answer if answer.strip() else default
        console.print(Text(_("That could not be read as text; please type it again.")))
