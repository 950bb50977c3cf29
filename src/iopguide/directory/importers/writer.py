"""Write a directory file safely: all of it, or nothing.

JSON is the default (a JSON file is valid YAML, and it parses about twenty times
faster than YAML for a national directory); an output ending in ``.yaml`` or
``.yml`` is written as YAML by :mod:`.yaml_writer` (about 0.6 s for a national
directory, where ``yaml.dump`` took 17 s), with ZIP codes, phone numbers and
dates quoted so that no YAML 1.1 reader turns ``01234`` into 668 or a date into
a date object.

It is written by :func:`iopguide.io.atomic.write_file`: private (0600), all or
nothing (a failed or interrupted import, even by SIGTERM or SIGHUP, leaves no
temporary file behind), and an existing file is replaced only with ``force``;
a file that appears while a long import runs is never overwritten either.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from iopguide.directory.model import DirectoryInfo, Program
from iopguide.errors import DataError, Problem, UsageError
from iopguide.i18n import _
from iopguide.record import Record

YAML_SUFFIXES = (".yaml", ".yml")


def check_output(path: Path, *, force: bool) -> None:
    """Refuse an output we must not write, before any slow work is done."""
    try:
        _check_output(path, force=force)
    except (OSError, ValueError) as err:  # a folder we may not look into, a NUL in the name
        reason = getattr(err, "strerror", None) or _("not a usable file name")
        raise UsageError(
            _("{path} cannot be written: {reason}.").format(path=path, reason=reason)
        ) from None


def _check_output(path: Path, *, force: bool) -> None:
    if path.is_dir():
        raise UsageError(
            _("{path} is a folder; give a file name such as {example}.").format(
                path=path, example=path / "national.json"
            )
        )
    if path.exists() and not force:
        raise _exists_error(path)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(
            _("The folder {folder} does not exist; create it first.").format(folder=parent)
        )


def _exists_error(path: Path) -> UsageError:
    return UsageError(
        _("{path} already exists; it was left as it is.").format(path=path),
        hint=_("Add --force to replace it, or choose another --output file."),
    )


def header_dict(info: DirectoryInfo) -> dict[str, Any]:
    return {
        "name": info.name,
        "source": info.source,
        "sample": info.sample,
        "updated": info.updated,
    }


def write_directory(
    path: Path, info: DirectoryInfo, programs: Sequence[Program], *, force: bool
) -> None:
    """Write *programs* under a header to *path* (JSON, or YAML by suffix), atomically."""
    check_output(path, force=force)
    if path.suffix.lower() in YAML_SUFFIXES:
        chunks: Iterable[str] = _yaml_chunks(info, programs)
    else:
        chunks = _json_chunks(info, programs)
    _atomic_write(path, chunks, force=force)


def directory_json(info: DirectoryInfo, programs: Sequence[Program]) -> str:
    """The JSON text ``write_directory`` writes (the shipped national directory uses it)."""
    return "".join(_json_chunks(info, programs))


def _json_chunks(info: DirectoryInfo, programs: Sequence[Program]) -> Iterable[str]:
    """One programme per line: readable, diff-friendly, and fast to write and parse."""
    yield '{"directory": ' + json.dumps(header_dict(info), ensure_ascii=False) + ",\n"
    yield ' "programs": [\n'
    last = len(programs) - 1
    encode = _JSON.encode
    for index, program in enumerate(programs):
        yield "  " + encode(compact(program)) + (",\n" if index < last else "\n")
    yield "]}\n"


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
_PROGRAM_FIELDS = tuple(name for name in Program.__slots__ if name != "line")
_EMPTY = (None, (), [])


def compact(program: Program) -> dict[str, Any]:
    """*program* as ``to_dict`` shapes it, leaving out what a listing does not say (None,
    empty lists and parts, telehealth false); lists stay tuples, which both writers write
    as lists.

    Every such field is optional in the format, and a national directory is about a
    sixth smaller without them, which every later load of the file pays for.
    """
    out: dict[str, Any] = {}
    for key in _PROGRAM_FIELDS:
        value = getattr(program, key)
        if isinstance(value, Record):
            value = {k: v for k in value.__slots__ if (v := getattr(value, k)) not in _EMPTY}
            if not value:
                continue
        elif value in _EMPTY or (value is False and key == "telehealth"):
            continue
        out[key] = value
    return out


#: Text fields always double-quoted in YAML, so no reader turns 01234 into 668 or a date
#: into a date object (the emitter would quote those anyway; a phone reads better quoted).
_QUOTED_FIELDS = frozenset({"zip", "phone", "intake_phone", "last_verified", "updated"})


def _yaml_chunks(info: DirectoryInfo, programs: Sequence[Program]) -> Iterable[str]:
    """The YAML text, a programme at a time (see :mod:`.yaml_writer`)."""
    from iopguide.directory.importers.yaml_writer import Memo, lines, list_item

    yield "directory:\n"
    yield from lines(header_dict(info), 2, _QUOTED_FIELDS)
    yield "programs:\n" if programs else "programs: []\n"
    memo: Memo = {}
    for program in programs:
        yield list_item(compact(program), _QUOTED_FIELDS, memo)


def _atomic_write(path: Path, chunks: Iterable[str], *, force: bool) -> None:
    """:func:`iopguide.io.atomic.write_file`, its errors told as this command's."""
    from iopguide.io.atomic import write_file

    try:
        write_file(path, chunks, overwrite=force)
    except FileExistsError:
        raise _exists_error(path) from None
    except OSError as err:
        raise DataError(
            [
                Problem(
                    str(path),
                    _("cannot be written: {reason}").format(reason=err.strerror or err),
                )
            ],
            summary=_("Could not write {path}; nothing was left behind.").format(path=path),
        ) from None
