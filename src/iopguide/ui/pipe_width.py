"""How wide pages are: reading pages' cap, and what rich takes a pipe's width to be (no rich).

Mirrors ``rich.console.Console`` (``is_terminal`` and ``size``) for the console
:func:`iopguide.ui.console.make_console` makes, so the plain writer lays out a page at
the very width rich would. Where rich could see a terminal, or this module cannot be
sure (Windows, Jupyter), the answer is None and rich does the work.
tests/test_plain_layout.py checks the answers against a real rich Console.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

#: Reading pages (the assessment result, topics, the guide, one programme) stop at this
#: width, so a wide projector still reads like a page.
PAGE_WIDTH = 100


def reading_width(width: int) -> int:
    """A reading page's width on a console *width* wide."""
    return max(20, min(width, PAGE_WIDTH))


def dumb_terminal(environ: Mapping[str, str]) -> bool:
    """TERM=dumb: rich would take the terminal to be 80 by 25 (make_console tells it better)."""
    return environ.get("TERM", "").strip().lower() == "dumb"


def rich_sees_terminal(isatty: bool, environ: Mapping[str, str]) -> bool:
    """Whether rich takes a stream to be a terminal: TTY_COMPATIBLE, FORCE_COLOR, isatty()."""
    compatible = environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = environ.get("FORCE_COLOR")
    return force != "" if force is not None else isatty


def pipe_width(
    isatty: bool, width: int | None = None, environ: Mapping[str, str] = os.environ
) -> int | None:
    """The width of rich's console for a stream that is no terminal, or None.

    *width* is the width asked for (``Environment.width``); then TERM=dumb (the size
    ``shutil`` finds), $COLUMNS, the size of the first standard stream that is a
    terminal, and 80.
    """
    if sys.platform == "win32" or "IPython" in sys.modules or rich_sees_terminal(isatty, environ):
        return None
    if width is not None:
        return width
    if dumb_terminal(environ):
        import shutil

        return shutil.get_terminal_size().columns
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns) if columns.isascii() else None
    for stream, number in ((sys.__stdin__, 0), (sys.__stdout__, 1), (sys.__stderr__, 2)):
        try:
            return os.get_terminal_size(_fileno(stream, number)).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def _fileno(stream: object, default: int) -> int:
    """rich's numbers for the standard streams, taken when it is imported."""
    try:
        return stream.fileno()  # type: ignore[attr-defined]
    except Exception:  # rich falls back on any failure
        return default
