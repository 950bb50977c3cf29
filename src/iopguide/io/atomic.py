"""The one way iopguide writes a file: private, atomic, and never over a file unless asked.

Every file iopguide writes (a saved summary, an imported directory, a cache
entry, the ZIP-centre table) goes through :func:`write_file`:

- the data goes to a temporary file beside the target, created with
  ``O_CREAT | O_EXCL | O_NOFOLLOW`` under an unpredictable name, so nobody can
  plant a symlink or a file there for us to write through;
- the file is 0600 whatever the umask, set on the open descriptor;
- it then replaces the target in one step (``overwrite``; a link is replaced,
  never followed, and a device is never replaced) or claims the name with a
  hard link, which fails if the name exists, so a file that appeared meanwhile
  is never replaced;
- on any error (a full disk, a file too large, a vanished folder) and on every
  signal that can be caught (Ctrl-C, SIGTERM, SIGHUP, SIGQUIT ...) the
  temporary file is removed before the error is raised or the signal ends the
  process, which then ends exactly as the signal meant it to.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

PRIVATE_FILE = 0o600

#: Signals that end the process by default and can be caught. SIGINT is here
#: for when it has no Python handler; with Python's, it is a KeyboardInterrupt.
_SIGNALS = tuple(
    getattr(signal, name)
    for name in ("SIGHUP", "SIGINT", "SIGTERM", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM")
    if hasattr(signal, name)
)

#: Temporary files being written now; removed by the signal handler.
_pending: list[str] = []
_installed: dict[int, object] = {}
_depth = 0


def write_file(
    path: Path | str,
    data: bytes | str | Iterable[bytes | str],
    *,
    overwrite: bool,
    durable: bool = True,
) -> None:
    """Write *data* (text is UTF-8) to *path*, readable by its owner only, all or nothing.

    Raises FileExistsError when *path* exists and not *overwrite* (nothing is
    changed), and OSError when it cannot be written; in both cases nothing is
    left behind. *durable* asks the disk to keep it before the rename (summaries,
    imports); a cache that is lost in a power cut is simply rebuilt.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    chunks = [data] if isinstance(data, (bytes, str)) else data
    if overwrite:
        _refuse_to_replace_a_special_file(target)
    mine = len(_pending)  # temporary files recorded after this one are this call's
    with _cleanup_on_signals():
        try:
            fd = _create_temporary(folder, target.name)
            tmp = _pending[mine]
            with open(fd, "wb") as handle:
                os.fchmod(handle.fileno(), PRIVATE_FILE)  # whatever the umask took away
                for chunk in chunks:
                    handle.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
                handle.flush()
                if durable:
                    os.fsync(handle.fileno())
            if overwrite:
                os.replace(tmp, target)
            else:
                _claim(tmp, target)
        except BaseException:
            for name in _pending[mine:]:  # never a file of that name that was not ours
                with contextlib.suppress(OSError):
                    os.unlink(name)
            raise
        finally:
            del _pending[mine:]
    if durable:
        _sync_folder(folder)


def _refuse_to_replace_a_special_file(target: Path) -> None:
    """A device is never replaced, even when asked: think ``-o /dev/null --force`` as root.

    (A folder cannot be replaced by a file anyway; a FIFO or socket can, and one
    planted in the cache folder must be.)
    """
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise OSError(errno.EPERM, "it is a device, not a file, so it is not replaced", str(target))


def _create_temporary(folder: Path, name: str) -> int:
    """A new file beside the target, under a name nobody could guess, recorded as ours.

    ``O_EXCL | O_NOFOLLOW``: a file or link planted at that name is never opened
    (another name is tried instead).
    """
    import secrets  # imported here: a search imports this module but seldom writes

    # Cut a long name so the temporary one still fits the file system's limit.
    stem = os.fsdecode(os.fsencode(name)[:180])
    for attempt in range(8):
        tmp = str(folder / f".{stem}.{secrets.token_hex(8)}.tmp")
        with _signals_held():  # the name is recorded as soon as it is ours
            try:
                fd = os.open(
                    tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, PRIVATE_FILE
                )
            except FileExistsError:
                if attempt == 7:
                    raise OSError(errno.EAGAIN, "no free temporary name", tmp) from None
                continue
            _pending.append(tmp)
        return fd
    raise AssertionError("unreachable")


def _claim(tmp: str, target: Path) -> None:
    """Move *tmp* to *target* only if no file of that name exists (FileExistsError if one does).

    A hard link is made atomically or not at all. Where the file system has no
    hard links, the name is claimed with ``O_EXCL`` and then replaced: what is
    replaced is our own empty placeholder, never someone else's file.
    """
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError:
        with _signals_held():
            claim = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
            os.close(claim)
            try:
                os.replace(tmp, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(target)
                raise
        return
    os.unlink(tmp)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | _CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def _on_signal(signum: int, frame: object) -> None:
    """Remove every temporary file being written, then end as the signal meant."""
    for name in list(_pending):
        with contextlib.suppress(OSError):
            os.unlink(name)
    _pending.clear()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


@contextlib.contextmanager
def _cleanup_on_signals() -> Iterator[None]:
    """While writing, a signal that would end the process removes the temporary file first.

    Only signals left at their default action are taken over (one ignored under
    ``nohup`` stays ignored), only in the main thread (the only one Python lets
    handle signals), and the previous handlers are put back afterwards.
    """
    global _depth
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _depth += 1
    if _depth == 1:
        for signum in _SIGNALS:
            with contextlib.suppress(OSError, ValueError):
                if signal.getsignal(signum) is signal.SIG_DFL:
                    _installed[signum] = signal.signal(signum, _on_signal)
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            for signum, previous in _installed.items():
                with contextlib.suppress(OSError, ValueError, TypeError):
                    signal.signal(signum, previous)  # type: ignore[arg-type]
            _installed.clear()


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Delay signals for a few system calls that must happen together."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:
        yield
        return
    old = mask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, old)
