"""Read an untrusted directory file into plain Python values, with line numbers.

Nothing here knows what a program is; :mod:`iopguide.directory.validate` does.
This module only guarantees that whatever bytes arrive become either plain
values (``Mapping`` / ``Sequence`` / ``str`` / ``int`` / ``float`` / ``bool`` /
``None`` / ``datetime.date``) or a :class:`~iopguide.errors.DataError` that says
what is wrong and where -- never a traceback and never a crash.

Why not ``yaml.safe_load``? PyYAML's C composer segfaults on deeply nested
input, silently keeps the last of two duplicate keys, expands aliases, and is
slow (29 s for a 19 MB national directory). Instead we walk libyaml's *event*
stream (the C parser, which streams and does not recurse) and build the values
ourselves. Each event tells us the raw text, whether a scalar was quoted, its
tag, anchor and line, so we can refuse aliases and tags, stop at a depth limit,
catch duplicate keys, and still resolve plain scalars exactly as YAML 1.1 (and
PyYAML) would -- which is what lets a message say "YAML reads 01234 as 668".

JSON (what ``directory import`` writes by default) takes a fast path through
:func:`json.loads`; anything unusual about it falls back to the YAML path,
which gives the same answer with line numbers (JSON is YAML). YAML in the
shapes ``directory import`` writes takes a fast path too (``yaml_fast``, under
half of the event loop's time), which gives up on anything else.

The parts: ``yaml_values`` (what is built), ``yaml_scalars`` (YAML 1.1 typing),
``yaml_events`` (the event loop), ``yaml_fast`` (the writer's shapes, read a
line at a time) and ``read_errors`` (the messages).
"""

from __future__ import annotations

import json

from iopguide.directory.read_errors import fatal, json_syntax_error, line_at
from iopguide.directory.yaml_events import read_yaml
from iopguide.directory.yaml_fast import read_fast_yaml
from iopguide.directory.yaml_scalars import resolve_plain
from iopguide.directory.yaml_values import (
    MAX_DEPTH,
    REFUSED,
    TOO_DEEP,
    BadKey,
    Document,
    Mapping,
    Sequence,
)
from iopguide.errors import DataError
from iopguide.i18n import _

__all__ = [
    "MAX_DEPTH",
    "REFUSED",
    "BadKey",
    "Document",
    "DuplicateKey",
    "Mapping",
    "Sequence",
    "read_document",
    "read_json",
    "read_yaml",
    "resolve_plain",
    "unique_pairs",
]


def read_document(data: bytes, filename: str) -> Document:
    """Turn *data* into plain values; raise DataError for anything that stops reading.

    The size limit is the caller's job (it must be checked before the bytes are
    read at all); everything else about the bytes is checked here.
    """
    text = _check_encoding(data, filename)
    if text.lstrip("\ufeff \t\r\n")[:1] in ("{", "["):
        try:
            document = read_json(text, filename)
        except json.JSONDecodeError as err:
            return _json_or_yaml(data, filename, err)
        if document is not None:
            return document
    # What ``directory import`` writes is read by a fast first pass; anything else, or
    # anything unusual in it, by the careful reader (see yaml_fast).
    document = read_fast_yaml(text)
    if document is not None:
        return document
    return read_yaml(data, filename)


#: JSON files larger than this are not retried as YAML when they fail as JSON (bytes).
YAML_RETRY_LIMIT = 2 * 1024 * 1024


def _json_or_yaml(data: bytes, filename: str, err: json.JSONDecodeError) -> Document:
    """A file that looks like JSON but is not: YAML may still read it, else say why as JSON.

    YAML accepts more than JSON (a trailing comma, unquoted keys, comments), and the
    format promises that any YAML file is read, so the YAML path has its turn --
    unless the JSON ended too soon (a truncated file, or a string never closed): no
    YAML flow collection or double-quoted text can be complete there either, and a
    national directory would take seconds to fail. If YAML fails too, the JSON error
    is the one to show: the writer meant JSON, and libyaml places an unexpected end
    of file on a line after the last one -- except the refusal of a file nested too
    deeply, which stays as the YAML path words it.
    """
    truncated = err.pos >= len(err.doc.rstrip()) or err.msg.startswith("Unterminated string")
    # A large JSON file is an imported one: re-reading it as YAML would take seconds and
    # hundreds of MB just to fail or to accept a slip; its JSON error is the useful answer.
    if not truncated and len(data) <= YAML_RETRY_LIMIT:
        try:
            return read_yaml(data, filename)
        except DataError as yaml_error:
            if any(p.message.startswith(TOO_DEEP) for p in yaml_error.problems):
                raise
    raise json_syntax_error(filename, err) from None


def _check_encoding(data: bytes, filename: str) -> str:
    """The text of *data*, or DataError when it is empty or not UTF-8."""
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise fatal(
            filename,
            _("The file is empty."),
            hint=_(
                "A directory file starts with a 'directory:' header and a 'programs:' list; "
                "see docs/directory-format.md."
            ),
        )
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise fatal(
            filename,
            _("The file is UTF-16 text; a directory file must be UTF-8."),
            line=1,
            hint=_(
                "Save it again as UTF-8 (most editors offer this under 'Save as' / 'Encoding')."
            ),
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        raise fatal(
            filename,
            _(
                "The file is not UTF-8 text: byte 0x{byte} at byte offset {offset} cannot be read."
            ).format(byte=bad, offset=err.start),
            line=line_at(data, err.start),
            hint=_(
                "Save the file as UTF-8 (most editors offer this under 'Save as' / 'Encoding')."
            ),
        ) from None


# --- JSON fast path ----------------------------------------------------------------


class _FallBack(Exception):
    """Something about the JSON needs the YAML path's precise, line-numbered report."""


class DuplicateKey(Exception):
    """A JSON object gives *key* twice (``json`` alone would silently keep the last)."""

    def __init__(self, key: object) -> None:
        super().__init__(key)
        self.key = key


def unique_pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object (``object_pairs_hook``); DuplicateKey names the first key given twice.

    Shared with answers files, which refuse the file; here a duplicate sends the
    file to the YAML path, which reports both lines.
    """
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise DuplicateKey(key)
            seen.add(key)
    return result


def _no_constant(name: str) -> object:
    raise _FallBack  # NaN / Infinity are not JSON; let the YAML path judge the text


def read_json(data: str | bytes, filename: str) -> Document | None:
    """Read JSON quickly, or return None when the YAML path must give the answer.

    JSON has no aliases, tags or implicit typing, so a file that json accepts
    without duplicate keys needs no further checks here. Depth: the JSON
    decoder recurses, so a deeply nested file raises RecursionError, which we
    catch; anything that does parse is at most Python's recursion limit deep
    and the validator never recurses into values. A syntax error is raised as
    :class:`json.JSONDecodeError` (with its line and column) for the caller to
    weigh; duplicate keys, NaN and over-long numbers return None.
    """
    try:
        if isinstance(data, str):
            data = data.removeprefix("\ufeff")
        root = json.loads(data, object_pairs_hook=unique_pairs, parse_constant=_no_constant)
    except json.JSONDecodeError:
        raise
    except (_FallBack, DuplicateKey, ValueError, RecursionError):
        return None
    return Document(root=root, line=1, format="json")
