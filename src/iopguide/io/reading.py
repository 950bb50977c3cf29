"""Opening a file the person named, without hanging on a named pipe."""

from __future__ import annotations

import os

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from typing import BinaryIO


def open_without_waiting(path: str | os.PathLike[str]) -> BinaryIO:
    """*path* open for reading, without waiting for a writer if it is a named pipe.

    A plain open() of a FIFO nobody writes to waits for ever; opened
    non-blocking it returns at once, and reads then see end of file (an empty
    file, which is explained), while a pipe with a writer (``<(command)``) is
    read as usual.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


class RefusedFile(Exception):
    """A file iopguide will not read; ``reason`` says why, for a person (translated)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_plain_file(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of *path* if it is plainly a small file that only its owner's side controls.

    Refused (:class:`RefusedFile`): a symbolic link, a pipe, a device or a folder,
    a file over *max_bytes*, a file anyone may write to, a file in a folder anyone
    may write to (another user could swap it), or, in a shared sticky folder such
    as /tmp, a file that belongs to another user. A missing or unreadable file is
    the usual FileNotFoundError or PermissionError.
    """
    import errno
    import stat

    from iopguide.i18n import _

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise RefusedFile(
                _("it is a symbolic link; give the path of the file itself")
            ) from None
        raise
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise RefusedFile(_("it is a folder, not a file"))
        if not stat.S_ISREG(info.st_mode):
            raise RefusedFile(_("it is not a plain file (a pipe or a device)"))
        if info.st_size > max_bytes:
            raise RefusedFile(
                _("it is {size} bytes, over the limit of {limit}").format(
                    size=f"{info.st_size:,}", limit=f"{max_bytes:,}"
                )
            )
        if info.st_mode & 0o002:
            raise RefusedFile(_("anyone on this computer may change it (chmod o-w fixes that)"))
        folder = os.stat(os.path.dirname(os.path.abspath(path)) or ".")
        if folder.st_mode & 0o002:
            if not folder.st_mode & stat.S_ISVTX:
                raise RefusedFile(_("anyone on this computer may replace it in its folder"))
            if info.st_uid != os.geteuid():
                raise RefusedFile(_("it belongs to another user, in a folder everyone shares"))
        os.set_blocking(fd, True)
        with open(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise RefusedFile(
            _("it grew past the limit of {limit} bytes while being read").format(
                limit=f"{max_bytes:,}"
            )
        )
    return data
