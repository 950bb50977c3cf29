"""Output streams that never fail on a character they cannot carry.

A Windows console or pipe (cp437, cp1252), ``PYTHONIOENCODING=ascii`` or a
``C`` locale cannot encode a dash, a curly quote or a box line; Python's
default is to raise, which once turned even the emergency page into
"unexpected problem". :func:`make_streams_safe` gives stdout and stderr an
error handler that writes the nearest thing the stream can carry instead:
``–`` becomes ``-``, ``“`` becomes ``"``, ``é`` becomes ``e`` and anything
else ``?`` (the replacement character where the stream has one, as for a
file name that is not UTF-8).
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import sys
import unicodedata

HANDLER = "iopguide-fallback"

_NEAREST = {
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "--",
    "\u2015": "--",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": ",",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2022": "*",
    "\u2026": "...",
    "\u00a0": " ",
    "\u2192": "->",
    "\u2190": "<-",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u00d7": "x",
    "\u2713": "v",
    "\u2714": "v",
    "\u00b7": "-",
    "\u2212": "-",
    "\u00bb": ">",  # questionary's pointer
    "\u00ab": "<",
    "\u25cf": "(*)",  # questionary's ticked and unticked boxes
    "\u25cb": "( )",
}


def _box(char: str) -> str | None:
    """Box-drawing lines as ASCII (rich draws panels with them)."""
    if not "\u2500" <= char <= "\u257f":
        return None
    name = unicodedata.name(char, "")
    if "HORIZONTAL" in name and "VERTICAL" not in name:
        return "-"
    if "VERTICAL" in name and "HORIZONTAL" not in name:
        return "|"
    return "+"


def _nearest(char: str, encoding: str) -> str:
    found = _NEAREST.get(char) or _box(char)
    if found is None:
        decomposed = unicodedata.normalize("NFKD", char)
        found = "".join(c for c in decomposed if c.isascii() and c.isprintable())
    if not found:
        try:
            "\ufffd".encode(encoding)
            found = "\ufffd"
        except (UnicodeError, LookupError):
            found = "?"
    return found


def _fallback(err: UnicodeError) -> tuple[str | bytes, int]:
    if not isinstance(err, UnicodeEncodeError):
        raise err
    text = err.object[err.start : err.end]
    nearest = "".join(_nearest(char, err.encoding) for char in text)
    if nearest.isascii():
        return nearest, err.end
    # The UTF-8 encoder takes only ASCII text back from a handler; bytes go in as they are.
    return nearest.encode(err.encoding), err.end


codecs.register_error(HANDLER, _fallback)


def make_streams_safe() -> None:
    """Give stdout and stderr the fallback handler (a closed or odd stream is left alone)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(Exception):
                reconfigure(errors=HANDLER)


def encode_safely(text: str, encoding: str) -> bytes:
    """*text* in *encoding*, with the same fallback (for writers that encode themselves)."""
    return text.encode(encoding, HANDLER)


class _ClosedStdout(io.TextIOBase):
    """What stdout is when the shell closed it (``>&-``): writing fails with a clear error."""

    encoding = "utf-8"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        if not text:
            return 0
        raise OSError(errno.EBADF, "standard output is closed")


class _ClosedStderr(io.TextIOBase):
    """stderr closed by the shell (``2>&-``): messages have nowhere to go; the exit status stays."""

    encoding = "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return len(text)


def stand_in_for_closed_streams() -> None:
    """Python leaves a stream None when the shell closed it (``>&-``, ``2>&-``).

    A closed stdout fails to write with a clear OSError (reported on stderr) and a
    closed stderr swallows messages. (A closed stdin is left None: reading answers
    from it says so, see :mod:`iopguide.assessment.answers`.)
    """
    if sys.stdout is None:
        sys.stdout = _ClosedStdout()
    if sys.stderr is None:
        sys.stderr = _ClosedStderr()
