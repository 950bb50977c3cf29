"""What a run says when something nobody foresaw went wrong: never a traceback."""

from __future__ import annotations

import contextlib
import errno
import os
import sys

import typer

from iopguide import crisis
from iopguide.exit_codes import ExitCode
from iopguide.i18n import _

#: Errors of writing to stdout that are not a bug: the stream is full, closed or gone.
_OUTPUT_ERRORS = frozenset({errno.ENOSPC, errno.EBADF, errno.EIO, errno.EDQUOT, errno.EFBIG})


def failed(err: Exception) -> int:
    """Say calmly what happened (with the crisis lines) and return the exit status."""
    _forget_cache_entries_used()
    if isinstance(err, OSError) and err.errno in _OUTPUT_ERRORS:
        # A full disk (> /dev/full), a closed stdout (>&-): say so, crisis lines too.
        silence_stdout()
        said = _("iopguide could not write its output: {reason}.").format(
            reason=err.strerror or err
        )
        print(said + "\n" + crisis.FOOTER, file=sys.stderr)
        return int(ExitCode.DATA_ERROR)
    if isinstance(err, OSError) and err.filename is not None:
        # A path the person named that may not be read or written, wherever it
        # surfaced: name it, as a usage problem, not as a bug.
        from iopguide.text import clean, shorten

        name = err.filename
        shown = os.fsdecode(name) if isinstance(name, (str, bytes)) else str(name)
        where = clean(shorten(shown, 200))
        said = _("Error: cannot use {file}: {reason}.").format(
            file=where, reason=err.strerror or err
        )
        print(said + "\n" + crisis.FOOTER, file=sys.stderr)
        return int(ExitCode.USAGE)
    said = _(
        "iopguide hit an unexpected problem and stopped. Nothing was saved.\n"
        "Set IOPGUIDE_DEBUG=1 and run it again to see the details for a bug report."
    )
    print(said + "\n" + crisis.FOOTER, file=sys.stderr)
    return int(ExitCode.DATA_ERROR)


def _forget_cache_entries_used() -> None:
    """After a failure nobody foresaw, a cache entry used on the way is in doubt: drop it."""
    cache = sys.modules.get("iopguide.directory.cache")
    if cache is not None:
        with contextlib.suppress(Exception):  # the first failure's message matters more
            cache.forget_used_entries()


def silence_stdout() -> None:
    """After a closed pipe (``iopguide find | head``), stop Python complaining at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def usage_errors() -> type[Exception]:
    """The base class of the usage errors typer raises (a bad flag, a missing value).

    typer 0.28 names it ``typer.TyperException``; earlier releases that we still
    support (0.26.1 and up) raise their vendored click's ``ClickException``, which
    0.28 makes a subclass of it.
    """
    found = getattr(typer, "TyperException", None)
    if found is None:
        from typer._click.exceptions import ClickException as found
    return found
