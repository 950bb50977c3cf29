"""The index of each directory file, kept in the user's private cache and never trusted blindly.

Reading and validating a national directory (about 19,000 programmes) takes a
second; a search served from its index (:mod:`.index_build`, :mod:`.index_read`)
reads a few blocks near the person instead. An entry is used only when:

* its header and every block it reads carry this user's MAC (see
  :func:`iopguide.io.private.secret_key`): only iopguide running as this user
  can have written it, and it holds the validated values it wrote;
* it was made by this version, format and model (part of the content key);
* it was made from the file as it is now. The header records the file's stat
  (device, inode, size, mtime_ns, ctime_ns) and its SHA-256. When the stat
  is the same, the file is trusted unchanged - unless its last change was less
  than :data:`RACY_NS` before the stat was recorded (git's "racy clean" rule: a
  change within the same clock tick would leave the stat alike), when it is
  hashed again. When the stat differs, the file is hashed (unless its size
  differs too: other content): the same content (a copy, a touch) keeps the
  entry and records the new stat; other content rebuilds it. A new entry is
  keyed on the very bytes that were parsed.

Anything else (stale, corrupt, forged, foreign, truncated, unreadable, a link,
a pipe, a file of another user's or too big) is ignored and rebuilt. Files live
in the user's private cache folder (0700, files 0600; a folder others can
write to is not used), never beside the directory file, and are written
atomically. What a stat key can miss is in docs/performance.md.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Sequence

from iopguide import __version__
from iopguide.directory import index_format, rows
from iopguide.directory.fit import RULE_VERSION
from iopguide.directory.model import Directory, DirectoryInfo, Program
from iopguide.io import mac
from iopguide.io.private import open_private
from iopguide.paths import cache_dir, cache_secret, private_cache_dir

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from typing import Any, BinaryIO

#: A stat recorded less than this after the file's last change does not vouch for it.
RACY_NS = 2_000_000_000

Fallback = Callable[[], Sequence[Program]]


def content_key(data: bytes) -> bytes:
    """What an entry must match: the bytes of the file, this version, this model."""
    # SHA-256 rather than BLAKE2: the CPU's SHA extensions make it twice as fast here.
    import hashlib  # loads OpenSSL (2.5 ms): only when the file's content must be hashed

    return _finish_key(hashlib.sha256(data))


def file_key(handle: BinaryIO, chunk: int = 1 << 20) -> bytes:
    """:func:`content_key` of an open file, read a chunk at a time into one buffer."""
    import hashlib

    h = hashlib.sha256()
    buffer = bytearray(chunk)
    view = memoryview(buffer)
    while size := handle.readinto(buffer):
        h.update(view[:size])
    return _finish_key(h)


def _finish_key(h: Any) -> bytes:
    h.update(
        f"|iopguide {__version__}|index {index_format.FORMAT}|fit {RULE_VERSION}|"
        f"{rows.SHAPE}".encode()
    )
    return h.digest()


def stat_key(info: os.stat_result) -> tuple[int, int, int, int, int]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def entry_path(source: str) -> str:
    """One entry per directory file, named after its absolute path."""
    return os.path.join(cache_dir(), "directories", _entry_name(source))


def _entry_name(source: str) -> str:
    name = mac.blake2b(source.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return f"{name}.index"


def _private_entry(source: str) -> str | None:
    """Where the entry lives, or None when the cache folder is not safe to use."""
    folder = private_cache_dir("directories")
    return None if folder is None else os.path.join(folder, _entry_name(source))


def _max_entry_bytes() -> int:
    # An entry is about half the size of its JSON directory file.
    from iopguide.directory.load import max_directory_bytes

    return 2 * max_directory_bytes() + (1 << 20)


def _refuse_to_fall_back() -> Sequence[Program]:
    raise RuntimeError("the directory index is damaged and no file was given to read instead")


def load(source: str, data: bytes) -> Directory | None:
    """The indexed directory for these bytes, or None (for tests and tools: a damaged
    block then raises, as there is no file to read instead; commands use :func:`lookup`)."""
    return load_by_key(source, content_key(data))


def load_by_key(
    source: str, key: bytes, fallback: Fallback = _refuse_to_fall_back
) -> Directory | None:
    """The indexed directory whose content key is *key*, or None."""
    opened = _open(source)
    if opened is None:
        return None
    index, _path, _secret = opened
    if index.content_key != key:
        index.close()
        return None
    return _directory(source, index, fallback)


def lookup(
    source: str, info: os.stat_result, key_now: Callable[[], bytes | None], fallback: Fallback
) -> Directory | None:
    """The indexed directory of the file *source* whose stat is *info*, or None.

    *key_now* hashes the file (only called when the stat cannot vouch for it). *info* is
    the stat taken before the entry is opened, so a restamp records a stat no newer
    than its time: a change after it alters the stat and is caught next time.
    """
    opened = _open(source)
    if opened is None:
        return None
    index, path, secret = opened
    stat = stat_key(info)
    last_change = max(info.st_mtime_ns, info.st_ctime_ns)
    if index.stat == stat and index.recorded_ns - last_change >= RACY_NS:
        return _directory(source, index, fallback)
    if index.stat is not None and index.stat[2] != info.st_size:
        index.close()  # another size: other bytes, without hashing them to know
        return None
    recorded_ns = time.time_ns()
    if key_now() != index.content_key:
        index.close()
        return None
    if recorded_ns - last_change >= RACY_NS:
        _restamp(path, index, secret, stat, recorded_ns)
    return _directory(source, index, fallback)


def _open(source: str) -> tuple[Any, str, bytes] | None:
    from iopguide.directory.index_read import open_index

    path = _private_entry(source)
    secret = cache_secret()
    if path is None or secret is None:
        return None
    fd = open_private(path, _max_entry_bytes())
    if fd is None:
        return None
    index = open_index(fd, secret)
    return None if index is None else (index, path, secret)


def _directory(source: str, index: Any, fallback: Fallback) -> Directory:
    from iopguide.directory.indexed_programs import IndexedPrograms

    name, origin, sample, updated = index.info
    _used.append(source)
    info = DirectoryInfo(name=name, source=origin, sample=sample, updated=updated)
    return Directory(info, IndexedPrograms(index, fallback))


#: Entries read back by this process (by source), forgotten if it then fails unexpectedly.
_used: list[str] = []


def forget_used_entries() -> None:
    """Remove the entries this process used: after an unexpected failure they are in doubt.

    Values are checked by type and shape and vouched for by the MAC; if one
    still breaks a search, the next run rebuilds the entry instead of failing
    the same way for ever.
    """
    for source in _used:
        path = _private_entry(source)
        if path is not None:
            with contextlib.suppress(OSError):
                os.unlink(path)
    _used.clear()


def forget(source: str) -> None:
    """Remove the entry of *source* (a damaged block was found in it)."""
    path = _private_entry(source)
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)


def store(source: str, data: bytes, directory: Directory) -> None:
    """Write the entry for these bytes atomically."""
    store_by_key(source, content_key(data), directory)


def store_by_key(
    source: str,
    key: bytes,
    directory: Directory,
    *,
    stat: tuple[int, ...] | None = None,
    recorded_ns: int = 0,
) -> None:
    """Write the entry atomically; a read-only, full or unsafe cache folder only costs speed."""
    path = _private_entry(source)
    secret = cache_secret()
    if path is None or secret is None:
        return
    from iopguide.directory import index_build  # only when an entry is written
    from iopguide.io.atomic import write_file

    parts = index_build.build(directory, key, secret, stat=stat, recorded_ns=recorded_ns)
    with contextlib.suppress(OSError):
        write_file(path, parts, overwrite=True, durable=False)


def _restamp(path: str, index: Any, secret: bytes, stat: tuple[int, ...], recorded_ns: int) -> None:
    """Record the file's new stat in the entry (same content: a copy, a touch, a racy stat)."""
    from iopguide.directory import index_build
    from iopguide.io.atomic import write_file

    with contextlib.suppress(OSError):
        body = index.body()
        parts = index_build.restamp(index.header, body, secret, stat, recorded_ns)
        write_file(path, parts, overwrite=True, durable=False)
