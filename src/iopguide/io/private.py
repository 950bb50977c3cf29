"""iopguide's own folders (the cache): created private, used only while they stay private.

Another user on the same machine must not be able to put a file where iopguide
will read it back, nor make iopguide write through a link of theirs. So a cache
folder is created 0700 whatever the umask, and is used only when it belongs to
the person running iopguide and nobody else can write to it (nor to a folder
above it, unless that folder is sticky like /tmp). A folder that fails is not
used at all: iopguide says so in one quiet line and works without a cache.

Files read back are opened without following a link and without waiting on a
pipe, and are used only when they are regular files of the owner's, private,
and no bigger than the caller expects.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys

PRIVATE_FOLDER = 0o700
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)

_refused: set[str] = set()


def private_folder(path: str | os.PathLike[str]) -> str | None:
    """*path*, created if needed (0700), when it is safe to keep private files in; else None."""
    path = os.path.abspath(path)  # one spelling for making, checking and using it
    try:
        _make(path)
        problem = _folder_problem(path)
    except OSError as err:
        # A read-only home or a full disk only costs speed; it is not worth a line.
        del err
        return None
    if problem is None:
        return path
    _say_once(path, problem)
    return None


def _make(path: str) -> None:
    missing = []
    here = path
    while not os.path.lexists(here):
        missing.append(here)
        parent = os.path.dirname(here)
        if parent == here:
            break
        here = parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder, PRIVATE_FOLDER)
            os.chmod(folder, PRIVATE_FOLDER)  # mkdir's mode is cut by the umask


def _folder_problem(path: str) -> str | None:
    """Why *path* may not hold private files, or None when it may."""
    me = os.geteuid()
    info = os.stat(path)
    if not stat.S_ISDIR(info.st_mode):
        return "it is not a folder"
    if info.st_uid != me:
        return "it belongs to another user"
    if info.st_mode & 0o022:
        return f"other users can write to it (chmod 700 {path} makes it private)"
    here = os.path.abspath(path)
    while (parent := os.path.dirname(here)) != here:
        here = parent
        info = os.stat(parent)
        open_to_others = info.st_mode & 0o002 or (info.st_mode & 0o020 and info.st_uid != me)
        if open_to_others and not info.st_mode & stat.S_ISVTX:
            return f"other users can write to {parent}, which holds it"
    return None


def _say_once(path: str, problem: str) -> None:
    key = path
    if key in _refused:
        return
    _refused.add(key)
    from iopguide.text import clean

    with contextlib.suppress(OSError, ValueError):
        print(
            f"iopguide: not using the cache folder {clean(key)}: {problem}. "
            "Working without a cache.",
            file=sys.stderr,
        )


def open_private(path: str | os.PathLike[str], max_bytes: int) -> int | None:
    """An open descriptor of a file iopguide wrote itself, or None when it is not plainly that.

    None for a link, a pipe, a device, a folder, a file of another user's or one
    others may write, one over *max_bytes*, or one that cannot be opened. The
    caller closes the descriptor.
    """
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if (
            stat.S_ISREG(info.st_mode)
            and info.st_uid == os.geteuid()
            and not info.st_mode & 0o022
            and info.st_size <= max_bytes
        ):
            return fd
    except OSError:
        pass
    os.close(fd)
    return None


def read_private(path: str | os.PathLike[str], max_bytes: int) -> bytes | None:
    """The bytes of a file iopguide wrote itself (see :func:`open_private`), or None."""
    fd = open_private(path, max_bytes)
    if fd is None:
        return None
    try:
        size = os.fstat(fd).st_size
        with open(fd, "rb", closefd=False) as handle:
            data = handle.read(size + 1)  # one byte more shows a file still growing
        return data if len(data) == size else None
    except OSError:
        return None
    finally:
        os.close(fd)


KEY_SIZE = 32


def secret_key(folder: str | os.PathLike[str]) -> bytes | None:
    """This user's random key for *folder* (made on first use), or None when it cannot be kept.

    Entries in the cache carry a MAC (:mod:`iopguide.io.mac`) made with it, so an entry
    is used only if iopguide, running as this user, wrote it: anyone who can put a file in the
    folder but cannot read this 0600 key cannot forge one that passes, however
    right its content hash and checksum look.
    """
    path = os.path.join(folder, "key")
    key = read_private(path, KEY_SIZE)
    if key is not None and len(key) == KEY_SIZE:
        return key
    import secrets  # only the first run makes a key: not worth importing on every search

    from iopguide.io.atomic import write_file

    key = secrets.token_bytes(KEY_SIZE)
    try:
        write_file(path, key, overwrite=True, durable=False)
    except OSError:
        return None
    return key
