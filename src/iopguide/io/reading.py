"""Opening a file the person named, without hanging on a named pipe."""

from __future__ import annotations

import os
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
