"""Load a directory file: read the bytes, parse them, validate the values.

The three steps are separate on purpose (:func:`read_directory_bytes`,
:func:`iopguide.directory.reader.read_document`, :func:`validate_values`) so a
content-keyed cache can sit between reading the bytes and parsing them.

Public API::

    DEFAULT_MAX_BYTES
    max_directory_bytes() -> int
    builtin_directory_path() -> str
    load_directory(path=None, *, use_cache=True) -> Directory
    parse_directory(data, filename) -> Directory
    check_directory(path=None) -> Validation      # for `directory validate`
    check_bytes(data, filename, ...) -> Validation
    read_directory_bytes(path) -> bytes

The size limit is in :mod:`.limits`, the shipped files in :mod:`.shipped`, and
parsing with validation (every problem with its line) in :mod:`.checking`.
"""

from __future__ import annotations

import os
import time

from iopguide.directory.gc_pause import gc_paused
from iopguide.directory.limits import DEFAULT_MAX_BYTES, MAX_BYTES_ENV, max_directory_bytes, too_big
from iopguide.directory.model import Directory, Program
from iopguide.directory.shipped import (
    builtin_directory_path,
    resolve_directory,
    sample_directory_path,
)
from iopguide.errors import DataError, Problem, UsageError
from iopguide.i18n import _
from iopguide.io.reading import open_without_waiting
from iopguide.text import clean

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing

if TYPE_CHECKING:
    # Imported where used: a search served from the cache never parses or validates,
    # and these modules cost about a fifth of iopguide's own import time.
    from iopguide.directory.validate import Validation

__all__ = [
    "COMPRESSED_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "MAX_BYTES_ENV",
    "builtin_directory_path",
    "check_bytes",
    "check_directory",
    "load_directory",
    "max_directory_bytes",
    "parse_directory",
    "read_directory_bytes",
    "resolve_directory",
    "sample_directory_path",
]


#: Compressed directory files, by suffix: read through the same size limit, decompressed.
COMPRESSED_SUFFIXES = (".xz", ".lzma", ".gz")


def read_directory_bytes(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> bytes:
    """The bytes of *path*; UsageError when it cannot be read, DataError when too big."""
    return _decompressed(*_read_file(path, max_bytes))


def _read_file(path: str | os.PathLike[str], max_bytes: int | None) -> tuple[bytes, str, str, int]:
    """(the file's own bytes, its name to show, its suffix, the size limit)."""
    limit = max_directory_bytes() if max_bytes is None else max_bytes
    path = os.fspath(path)
    shown = clean(path)
    try:
        if os.path.isdir(path):
            raise _folder(shown)
        with open_without_waiting(path) as handle:
            try:
                size = os.fstat(handle.fileno()).st_size
            except OSError:
                size = 0
            if size > limit:
                raise too_big(shown, size, limit)
            # Read at most one byte past the limit: a pipe or device has no size to stat.
            # (No more than the file holds: read(n) sets aside n bytes first.)
            data = handle.read(min(limit, size or limit) + 1)
            if size and len(data) > size:  # it grew while being read: read on to the limit
                data += handle.read(max(0, limit + 1 - len(data)))
    except FileNotFoundError:
        raise UsageError(
            _("There is no directory file at {file}.").format(file=shown),
            hint=_(
                "Check the path, or leave out --directory (and IOPGUIDE_DIRECTORY) to use "
                "the built-in sample directory."
            ),
        ) from None
    except IsADirectoryError:
        raise _folder(shown) from None
    except PermissionError:
        raise UsageError(
            _("iopguide is not allowed to read {file}.").format(file=shown),
            hint=_("Check the file's permissions."),
        ) from None
    except OSError as err:
        raise UsageError(
            _("Cannot read {path}: {reason}.").format(path=shown, reason=clean(err.strerror or err))
        ) from None
    if len(data) > limit:
        raise too_big(shown, len(data), limit)
    return data, shown, os.path.splitext(path)[1].lower(), limit


def _decompressed(data: bytes, shown: str, suffix: str, limit: int) -> bytes:
    return _decompress(data, suffix, shown, limit) if suffix in COMPRESSED_SUFFIXES else data


def _folder(shown: str) -> UsageError:
    return UsageError(
        _("{file} is a folder, not a directory file.").format(file=shown),
        hint=_("Give the path of the directory file itself (a .yaml or .json file)."),
    )


def _decompress(data: bytes, suffix: str, shown: str, limit: int) -> bytes:
    """Decompress at most one byte past *limit*: a small bomb is refused like a big file."""
    import gzip
    import lzma
    import zlib

    try:
        if suffix == ".gz":
            inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            out = inflater.decompress(data, limit + 1)
            complete = inflater.eof
        else:
            unpacker = lzma.LZMADecompressor()
            out = unpacker.decompress(data, max_length=limit + 1)
            complete = unpacker.eof
    except (lzma.LZMAError, zlib.error, gzip.BadGzipFile, EOFError) as err:
        raise DataError(
            [
                Problem(
                    file=shown,
                    message=_("The file cannot be decompressed ({reason}).").format(
                        reason=clean(err)
                    ),
                    hint=_("Use the file as written by iopguide, or an uncompressed .json/.yaml."),
                )
            ]
        ) from None
    if len(out) > limit:
        raise too_big(shown, len(out), limit)
    if not complete:
        raise DataError(
            [
                Problem(
                    file=shown,
                    message=_("The compressed file ends too early: it is incomplete."),
                    hint=_("Copy or download the file again."),
                )
            ]
        )
    return out


def check_bytes(
    data: bytes,
    filename: str,
    *,
    path: str | None = None,
    builtin: bool = False,
    max_bytes: int | None = None,
) -> Validation:
    """Parse and validate *data*; every problem is in the result, none is raised.

    A problem that stops reading (not UTF-8, a syntax error, too deep ...) is
    the only problem reported, since nothing after it can be trusted.
    """
    limit = max_directory_bytes() if max_bytes is None else max_bytes
    with gc_paused():
        from iopguide.directory.checking import check_unpaused

        return check_unpaused(data, filename, path=path, builtin=builtin, limit=limit)


def parse_directory(
    data: bytes, filename: str, *, path: str | None = None, builtin: bool = False
) -> Directory:
    """Parse and validate directory-file bytes (no I/O); DataError lists every problem."""
    result = check_bytes(data, filename, path=path, builtin=builtin)
    if result.directory is None:
        raise DataError(result.problems)
    return result.directory


def _source(path: str | os.PathLike[str] | None) -> tuple[str, str | None, bool]:
    """(the file to read, the path to show or None for a shipped one, whether shipped)."""
    file = resolve_directory(path)
    if file is None:
        return builtin_directory_path(), None, True
    if file == sample_directory_path():
        return file, None, True
    return file, file, False


def check_directory(path: str | os.PathLike[str] | None = None) -> Validation:
    """Validate a file (None: the built-in one) without raising DataError.

    A missing or unreadable file is still a UsageError: there is nothing to check.
    """
    from iopguide.directory.validate import Validation

    file, shown_path, builtin = _source(path)
    filename = clean(file)
    try:
        data = read_directory_bytes(file)
    except DataError as err:
        return Validation(directory=None, problems=list(err.problems), program_count=0)
    return check_bytes(data, filename, path=shown_path, builtin=builtin)


def load_directory(
    path: str | os.PathLike[str] | None = None, *, use_cache: bool = True, freeze: bool = False
) -> Directory:
    """The directory in *path*, or the built-in one when *path* is None.

    Raises UsageError (exit 2) when the file is missing or unreadable and
    DataError (exit 1) listing every problem when its content is invalid.
    With *use_cache*, a directory already validated in exactly this file is
    read from its index (see :mod:`.cache`) instead of being parsed again; a
    file that fails validation is never indexed.
    *freeze* (for one-shot commands only) hands everything built to ``gc.freeze``.
    """
    file, shown_path, builtin = _source(path)
    filename = clean(file)

    def parse() -> Directory:
        data = read_directory_bytes(file)
        return parse_directory(data, filename, path=shown_path, builtin=builtin)

    with gc_paused(freeze=freeze):  # building the programmes makes many small objects too
        before = _file_state(file) if use_cache else None
        if before is None:
            return parse()
        from iopguide.directory import cache

        source = os.path.realpath(file)

        def fallback() -> tuple[Program, ...]:  # a damaged block: read the file after all
            cache.forget(source)
            return tuple(parse().programs)

        cached = cache.lookup(source, before, lambda: _file_key(file), fallback)
        if cached is not None:
            info = cached.info.replace(path=shown_path, builtin=builtin)
            return cached.replace(info=info)
        recorded_ns = time.time_ns()  # before the bytes are read: the racy rule needs no later
        read = _read_file(file, None)
        # The key of exactly the bytes parsed (a compressed file's own): the entry holds
        # their programmes, whatever happens to the file while they are read.
        key = cache.content_key(read[0])
        data = _decompressed(*read)
        del read
        directory = parse_directory(data, filename, path=shown_path, builtin=builtin)
        del data
        after = _file_state(file)
        stat = cache.stat_key(before)
        if after is not None and cache.stat_key(after) == stat:
            # Not changed while it was read (reading may change only its access time): the
            # stat recorded is that of the bytes parsed (a change in its clock tick is racy).
            cache.store_by_key(source, key, directory, stat=stat, recorded_ns=recorded_ns)
        return directory


def _file_state(file: str) -> os.stat_result | None:
    """The stat of *file* when it may be indexed: a regular file of a sane size; else None.

    Anything odd (a folder, a pipe, an empty or oversized file, an unreadable
    one) is left to the normal path, which explains it; a pipe or /dev/fd file
    is never indexed.
    """
    import stat

    try:
        info = os.stat(file)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode) or not 0 < info.st_size <= max_directory_bytes():
        return None
    return info


def _file_key(file: str) -> bytes | None:
    """The cache key of *file*'s current bytes, hashed in chunks; None when it cannot be read.

    Hashing a chunk at a time into one reused buffer avoids a 22 MB copy for a
    national directory and, unlike mmap, cannot crash with SIGBUS when the file
    is rewritten while it is read. A compressed file is keyed on its compressed
    bytes (hashing 1.4 MB, not 22).
    """
    from iopguide.directory import cache

    try:
        with open_without_waiting(file) as handle:
            return cache.file_key(handle)
    except (OSError, ValueError):
        return None
