"""Load a directory file: read the bytes, parse them, validate the values.

The three steps are separate on purpose (:func:`read_directory_bytes`,
:func:`iopguide.directory.reader.read_document`, :func:`validate_values`) so a
content-keyed cache can sit between reading the bytes and parsing them.

Public API::

    DEFAULT_MAX_BYTES
    max_directory_bytes() -> int
    builtin_directory_path() -> Path
    load_directory(path=None, *, use_cache=True) -> Directory
    parse_directory(data, filename) -> Directory
    check_directory(path=None) -> Validation      # for `directory validate`
    check_bytes(data, filename, ...) -> Validation
    read_directory_bytes(path) -> bytes
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from iopguide.directory.model import Directory
from iopguide.errors import DataError, Problem, UsageError
from iopguide.io.reading import open_without_waiting
from iopguide.text import clean, shorten

if TYPE_CHECKING:
    # Imported where used: a search served from the cache never parses or validates,
    # and these modules cost about a fifth of iopguide's own import time.
    from iopguide.directory.validate import Validation

#: The largest directory file read by default: generous enough for a national
#: directory (about 20 MB as JSON for every US facility), small enough that a
#: wrong file (a disk image, a log) is refused before it is read.
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
MAX_BYTES_ENV = "IOPGUIDE_MAX_DIRECTORY_MB"
_MB = 1024 * 1024
#: A terabyte: more than any directory, and a number every read can still take.
_MAX_MB = 1_000_000


def max_directory_bytes() -> int:
    """The size limit in bytes: ``$IOPGUIDE_MAX_DIRECTORY_MB`` megabytes, or the default."""
    setting = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not setting:
        return DEFAULT_MAX_BYTES
    try:
        megabytes = float(setting)
    except ValueError:
        megabytes = -1.0
    if not 0 < megabytes <= _MAX_MB or int(megabytes * _MB) < 1:  # also refuses NaN
        raise UsageError(
            f"{MAX_BYTES_ENV} must be a number of megabytes from one byte's worth to "
            f"{_MAX_MB:,}; it is {clean(shorten(setting, 40))!r}.",
            hint=f"For example: export {MAX_BYTES_ENV}=200",
        )
    return int(megabytes * _MB)


def _shipped(name: str) -> Path:
    """A data file inside the installed package, or in the repository's data/ folder."""
    from importlib.resources import files

    try:
        shipped = files("iopguide") / "data" / name
        if shipped.is_file():
            return Path(str(shipped))
    except (ModuleNotFoundError, OSError, TypeError):  # pragma: no cover - odd installs
        pass
    # Editable install / source checkout: <repo>/src/iopguide/directory/load.py -> <repo>/data
    return Path(__file__).resolve().parents[3] / "data" / name


def builtin_directory_path() -> Path:
    """The directory used by default: SAMHSA's National Directory, shipped compressed."""
    from iopguide.directory.national import FILE_NAME

    return _shipped(FILE_NAME)


def sample_directory_path() -> Path:
    """The fictional sample directory (``--sample`` or ``--directory sample``)."""
    from iopguide.directory.national import SAMPLE_FILE_NAME

    return _shipped(SAMPLE_FILE_NAME)


def resolve_directory(path: Path | None) -> Path | None:
    """``sample`` (when no such file exists) means the built-in sample directory."""
    from iopguide.directory.national import SAMPLE_NAME

    if path is not None and str(path).strip().lower() == SAMPLE_NAME and not path.exists():
        return sample_directory_path()
    return path


#: Compressed directory files, by suffix: read through the same size limit, decompressed.
COMPRESSED_SUFFIXES = (".xz", ".lzma", ".gz")


def _size(count: int) -> str:
    if count >= _MB:
        return f"{count / _MB:,.1f} MB".replace(".0 MB", " MB")
    return f"{count:,} bytes"


def _too_big(filename: str, size: int, limit: int) -> DataError:
    return DataError(
        [
            Problem(
                file=filename,
                message=(
                    f"The file is {_size(size)}, over the {_size(limit)} limit for a "
                    f"directory file, so it was not read."
                ),
                hint=f"If the file is right, raise the limit in megabytes, e.g. "
                f"{MAX_BYTES_ENV}={max(200, 2 * (size // _MB + 1))}.",
            )
        ]
    )


def read_directory_bytes(path: Path, *, max_bytes: int | None = None) -> bytes:
    """The bytes of *path*; UsageError when it cannot be read, DataError when too big."""
    limit = max_directory_bytes() if max_bytes is None else max_bytes
    shown = clean(str(path))
    try:
        if path.is_dir():
            raise UsageError(
                f"{shown} is a folder, not a directory file.",
                hint="Give the path of the directory file itself (a .yaml or .json file).",
            )
        with open_without_waiting(path) as handle:
            try:
                size = os.fstat(handle.fileno()).st_size
            except OSError:
                size = 0
            if size > limit:
                raise _too_big(shown, size, limit)
            # Read at most one byte past the limit: a pipe or device has no size to stat.
            # (No more than the file holds: read(n) sets aside n bytes first.)
            data = handle.read(min(limit, size or limit) + 1)
            if size and len(data) > size:  # it grew while being read: read on to the limit
                data += handle.read(max(0, limit + 1 - len(data)))
    except FileNotFoundError:
        raise UsageError(
            f"There is no directory file at {shown}.",
            hint="Check the path, or leave out --directory (and IOPGUIDE_DIRECTORY) to use "
            "the built-in sample directory.",
        ) from None
    except IsADirectoryError:
        raise UsageError(
            f"{shown} is a folder, not a directory file.",
            hint="Give the path of the directory file itself (a .yaml or .json file).",
        ) from None
    except PermissionError:
        raise UsageError(
            f"iopguide is not allowed to read {shown}.",
            hint="Check the file's permissions.",
        ) from None
    except OSError as err:
        raise UsageError(f"Cannot read {shown}: {clean(err.strerror or err)}.") from None
    if len(data) > limit:
        raise _too_big(shown, len(data), limit)
    if path.suffix.lower() in COMPRESSED_SUFFIXES:
        data = _decompress(data, path.suffix.lower(), shown, limit)
    return data


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
                    message=f"The file cannot be decompressed ({clean(err)}).",
                    hint="Use the file as written by iopguide, or an uncompressed .json/.yaml.",
                )
            ]
        ) from None
    if len(out) > limit:
        raise _too_big(shown, len(out), limit)
    if not complete:
        raise DataError(
            [
                Problem(
                    file=shown,
                    message="The compressed file ends too early: it is incomplete.",
                    hint="Copy or download the file again.",
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
    with _gc_paused():
        return _check_bytes(data, filename, path=path, builtin=builtin, limit=limit)


@contextlib.contextmanager
def _gc_paused(*, freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of small objects.

    Reading and validating creates containers that are all still alive at the end,
    so collections only cost time (about a third of the JSON path's time for a
    national directory) and free nothing. (One-shot commands also freeze the
    result afterwards: see ``commands.find``. A long-running guide must not, or
    every cycle not yet collected would be kept for good.) With *freeze*, what
    was built is moved out of the collector's sight before it is turned back on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            # Before the collector is back on: freezing also zeroes its count, so the
            # next allocation does not set off a collection over everything just built
            # (27 ms for a national directory, for nothing).
            gc.freeze()
        if was_enabled:
            gc.enable()


def _check_bytes(
    data: bytes, filename: str, *, path: str | None, builtin: bool, limit: int
) -> Validation:
    from iopguide.directory.reader import Document, read_document, read_yaml
    from iopguide.directory.validate import Validation, validate_values

    try:
        if len(data) > limit:
            raise _too_big(filename, len(data), limit)

        def validate(document: Document) -> Validation:
            return validate_values(
                document.root,
                filename,
                root_line=document.line,
                path=path,
                builtin=builtin,
                problems=document.problems,
            )

        document = read_document(data, filename)
        result = validate(document)
        if result.problems and document.format == "json":
            if b"\n" not in data.strip():
                # One line (as json.dumps writes without indent): every problem is on it.
                result.problems[:] = [
                    p if p.line is not None else dataclasses.replace(p, line=1)
                    for p in result.problems
                ]
                return result
            if len(data) > _YAML_LINES_LIMIT:
                # Reading 20 MB again as YAML took 15 s (a national file with an error in
                # every programme took 16 s to report); each programme's line is enough.
                _programme_lines(data, result.problems)
                return result
            # The fast JSON path has no line numbers; read it again as YAML to get them.
            try:
                result = validate(read_yaml(data, filename))
            except DataError:
                return result
        return result
    except DataError as err:
        return Validation(directory=None, problems=list(err.problems), program_count=0)


#: JSON files up to this size are read again as YAML for each problem's exact line.
_YAML_LINES_LIMIT = 2 * _MB
_ID = re.compile(rb'"id"\s*:\s*("(?:[^"\\\n]|\\.)*")')


def _programme_lines(data: bytes, problems: list[Problem]) -> None:
    """Give each programme's problems the line where its id is (one pass over the bytes)."""
    import json

    lines: dict[str, int] = {}
    line, position = 1, 0
    for match in _ID.finditer(data):
        line += data.count(b"\n", position, match.start())
        position = match.start()
        try:
            found = json.loads(match.group(1))
        except ValueError:
            continue
        if isinstance(found, str):
            lines.setdefault(found, line)
    problems[:] = [
        dataclasses.replace(p, line=lines[p.program_id])
        if p.line in (None, 1) and p.program_id in lines  # the fast path says line 1
        else p
        for p in problems
    ]


def parse_directory(
    data: bytes, filename: str, *, path: str | None = None, builtin: bool = False
) -> Directory:
    """Parse and validate directory-file bytes (no I/O); DataError lists every problem."""
    result = check_bytes(data, filename, path=path, builtin=builtin)
    if result.directory is None:
        raise DataError(result.problems)
    return result.directory


def _source(path: Path | None) -> tuple[Path, str | None, bool]:
    path = resolve_directory(path)
    if path is None:
        return builtin_directory_path(), None, True
    if path == sample_directory_path():
        return path, None, True
    return Path(path), str(path), False


def check_directory(path: Path | None = None) -> Validation:
    """Validate a file (None: the built-in one) without raising DataError.

    A missing or unreadable file is still a UsageError: there is nothing to check.
    """
    from iopguide.directory.validate import Validation

    file, shown_path, builtin = _source(path)
    filename = clean(str(file))
    try:
        data = read_directory_bytes(file)
    except DataError as err:
        return Validation(directory=None, problems=list(err.problems), program_count=0)
    return check_bytes(data, filename, path=shown_path, builtin=builtin)


def load_directory(
    path: Path | None = None, *, use_cache: bool = True, freeze: bool = False
) -> Directory:
    """The directory in *path*, or the built-in one when *path* is None.

    Raises UsageError (exit 2) when the file is missing or unreadable and
    DataError (exit 1) listing every problem when its content is invalid.
    With *use_cache*, a directory already validated in exactly these bytes
    is read back from the content-keyed cache (see :mod:`.cache`) instead of
    being parsed again; a file that fails validation is never cached.
    *freeze* (for one-shot commands only) hands everything built to ``gc.freeze``.
    """
    file, shown_path, builtin = _source(path)
    filename = clean(str(file))
    with _gc_paused(freeze=freeze):  # the cache rebuilds many small acyclic objects too
        key = _file_key(file) if use_cache else None
        if key is not None:
            from iopguide.directory import cache

            cached = cache.load_by_key(str(file.resolve()), key)
            if cached is not None:
                info = dataclasses.replace(cached.info, path=shown_path, builtin=builtin)
                return dataclasses.replace(cached, info=info)
        data = read_directory_bytes(file)
        directory = parse_directory(data, filename, path=shown_path, builtin=builtin)
        if key is not None:
            from iopguide.directory import cache

            # Keyed on the file's own bytes (compressed ones included), as looked up above.
            cache.store_by_key(str(file.resolve()), key, directory)
        return directory


def _file_key(file: Path) -> bytes | None:
    """The cache key of *file*'s current bytes, hashed in chunks; None when not cacheable.

    Hashing a chunk at a time into one reused buffer avoids a 22 MB copy for a
    national directory (about 15 ms) and, unlike mmap, cannot crash with SIGBUS
    when the file is rewritten while it is read. Anything odd (a folder, a pipe,
    an empty or oversized file, an unreadable one) is left to the normal path,
    which explains it; a pipe or /dev/fd file is never cached. A compressed
    file is keyed on its compressed bytes (hashing 1.4 MB, not 22).
    """
    import stat

    from iopguide.directory import cache

    try:
        with open_without_waiting(file) as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or not 0 < info.st_size <= max_directory_bytes():
                return None
            return cache.file_key(handle)
    except (OSError, ValueError):
        return None
