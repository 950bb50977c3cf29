"""Reading an answers file: YAML or JSON, from a path or stdin, refusing what is unsafe.

Files are untrusted: size limits, no anchors or aliases, no duplicate keys,
UTF-16 from Windows understood. What the person gave is quoted back through
:func:`shown`, short and safe. Checking the answers is :mod:`.answers`' job.

Why not :func:`iopguide.directory.reader.read_document`, as notes and shortlists
use? The two read different files for different ends, and answers files keep
PyYAML's own reading, which people's files already rely on: keys are typed like
values (``yes:`` is True), every standard tag is accepted (``!!set``, ``!!binary``,
described by :func:`shown`), ``12:30`` stays as written, nesting is limited only
by the recursion limit, any refusal stops the reading and is worded for answers
(translated), and parser errors are the pure-Python parser's. The directory
reader keeps keys as text, refuses tags, reports a duplicate as a problem and reads
on, and is built for 20 MB files. What both need is shared: JSON objects go
through the reader's :func:`~iopguide.directory.reader.unique_pairs`, so a key
given twice is caught the same way in both.
"""

from __future__ import annotations

import datetime
import json
import sys
from collections.abc import Mapping
from typing import IO

from iopguide.assessment.danger import MAX_SCAN_BYTES
from iopguide.directory.reader import DuplicateKey, unique_pairs
from iopguide.errors import DataError, Problem, UsageError
from iopguide.i18n import _, ngettext
from iopguide.io.reading import open_without_waiting
from iopguide.text import clean, shorten

#: Answers files are a few lines; anything bigger is a mistake (or an attack on the parser).
MAX_ANSWERS_BYTES = 64 * 1024


def shown(raw: object) -> str:
    """A value the person gave, safe and short enough to quote back.

    Only scalars are quoted, and only their start is looked at; anything else is
    described by its type and size ("a list of 9 items"), never stringified: a
    nested structure can be huge when walked, and ``str()`` walks all of it.
    """
    if isinstance(raw, str):
        return repr(shorten(clean(raw[:200]), 40))
    if isinstance(raw, bool) or raw is None:
        return str(raw)
    if isinstance(raw, int):
        # str() of an int over 4300 digits raises; nobody needs to see one.
        return str(raw) if raw.bit_length() <= 128 else _("a very large number")
    count = len(raw) if isinstance(raw, (list, tuple, Mapping, set, frozenset, bytes)) else 0
    if isinstance(raw, (list, tuple)):
        if not raw:
            return _("an empty list")
        return ngettext("a list of {count} item", "a list of {count} items", count).format(
            count=count
        )
    if isinstance(raw, Mapping):
        if not raw:
            return _("an empty mapping")
        return ngettext("a mapping of {count} key", "a mapping of {count} keys", count).format(
            count=count
        )
    if isinstance(raw, (set, frozenset)):
        return ngettext("a set of {count} item", "a set of {count} items", count).format(
            count=count
        )
    if isinstance(raw, (bytes, bytearray)):
        return ngettext(
            "binary data ({count} byte)", "binary data ({count} bytes)", len(raw)
        ).format(count=len(raw))
    if isinstance(raw, (float, datetime.date)):  # YAML turns 12:30 or 2024-01-01 into these
        return shorten(clean(raw), 40)
    return _("a value of type {type}").format(type=type(raw).__name__)


def _twice(key: object) -> str:
    return _("{key} is answered twice; keep one.").format(key=shown(key))


def read_answers_file(path: str, *, stdin: IO[str] | None = None) -> dict[str, object]:
    """The raw mapping in an answers file (YAML or JSON; ``-`` reads stdin)."""
    return parse_answers_text(*read_answers_text(path, stdin=stdin))


def read_answers_text(path: str, *, stdin: IO[str] | None = None) -> tuple[str, str]:
    """The text of an answers file and its name.

    Up to :data:`MAX_SCAN_BYTES` is read, so that a file too big to parse can
    still be searched for a danger_now answer; parsing refuses anything over
    :data:`MAX_ANSWERS_BYTES`. Stdin is read as bytes where it can be, so UTF-16
    (what Windows PowerShell pipes) is understood there too.
    """
    name = "stdin" if path == "-" else path
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin
        try:
            binary = getattr(stream, "buffer", None)
            if binary is not None:
                return _decode(binary.read(MAX_SCAN_BYTES + 1), name), name
            return stream.read(MAX_SCAN_BYTES + 1), name
        except (AttributeError, OSError, ValueError):  # closed (<&-) or unreadable
            raise UsageError(_("Cannot read the answers from stdin: it is closed.")) from None
        except UnicodeDecodeError:
            raise UsageError(_("The answers on stdin are not text (YAML or JSON).")) from None
    try:
        with open_without_waiting(path) as handle:  # a FIFO must not hang
            raw = handle.read(MAX_SCAN_BYTES + 1)
    except FileNotFoundError:
        raise UsageError(_("No answers file at {path}.").format(path=repr(clean(path)))) from None
    except IsADirectoryError:
        raise UsageError(
            _("{path} is a folder, not an answers file.").format(path=repr(clean(path)))
        ) from None
    except OSError as err:
        raise UsageError(
            _("Cannot read {path}: {reason}.").format(path=repr(clean(path)), reason=err.strerror)
        ) from None
    return _decode(raw, name), name


class UnreadableAnswers(DataError):
    """An answers file that is not text; *salvaged* is a best-effort reading, for safety checks."""

    def __init__(self, problems: list[Problem], salvaged: str) -> None:
        super().__init__(problems)
        self.salvaged = salvaged


def _decode(raw: bytes, name: str) -> str:
    """UTF-8 (with or without a BOM), or UTF-16 (what Windows PowerShell writes).

    UTF-16 is recognised by its BOM, or without one by the zero bytes of ASCII
    text. Text cut at the scan limit is decoded leniently (it is only searched).
    """
    import codecs

    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif len(raw) >= 2 and raw[1::2].count(0) > len(raw) // 4:
        encoding = "utf-16-le"
    elif len(raw) >= 2 and raw[0::2].count(0) > len(raw) // 4:
        encoding = "utf-16-be"
    else:
        encoding = "utf-8-sig"
    if len(raw) > MAX_SCAN_BYTES:
        return raw[:MAX_SCAN_BYTES].decode(encoding, "replace")
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise UnreadableAnswers(
            [Problem(name, _("This is not a text file (it should be YAML or JSON, UTF-8)."))],
            salvaged=raw.decode("utf-8", "replace"),
        ) from None


def parse_answers_text(text: str, name: str = "answers") -> dict[str, object]:
    """The mapping in *text*; DataError (listing where) for anything that is not one."""
    import yaml

    if len(text) > MAX_ANSWERS_BYTES:
        raise DataError([Problem(name, _("Too big for an answers file (over 64 KB)."))])
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:
        return {}
    try:
        if stripped.startswith("{") and _looks_like_json(stripped):
            data = json.loads(stripped, object_pairs_hook=unique_pairs)
        else:
            data = yaml.load(stripped, Loader=_loader())  # a SafeLoader subclass
    except DuplicateKey as err:  # in JSON, which has one line to point at
        raise DataError([Problem(name, _twice(err.key), line=1)]) from None
    except _Refused as err:
        raise DataError([Problem(name, str(err), line=err.line, hint=err.hint)]) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(err, "problem", None) or _("not valid YAML")
        raise DataError(
            [
                Problem(
                    name,
                    _("Cannot read the answers: {problem}.").format(problem=problem),
                    line=line,
                    hint=_("Write one answer a line, like  time: yes"),
                )
            ]
        ) from None
    except RecursionError:
        raise DataError([Problem(name, _("Cannot read the answers: nested too deeply."))]) from None
    except ValueError:  # a number of more than 4300 digits (Python refuses to convert it)
        raise DataError(
            [Problem(name, _("Cannot read the answers: a number in it is far too long."))]
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataError(
            [
                Problem(
                    name,
                    _("The answers must be a mapping of question id to answer."),
                    hint=_("Write one answer a line, like  time: yes"),
                )
            ]
        )
    return data


def _looks_like_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


class _Refused(Exception):
    """Something the answers loader refuses, with the line where it is."""

    def __init__(self, message: str, line: int, hint: str | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.hint = hint


class _DuplicateKey(_Refused):
    def __init__(self, key: object, line: int) -> None:
        super().__init__(_twice(key), line)


class _AnchorOrAlias(_Refused):
    def __init__(self, line: int) -> None:
        super().__init__(
            _(
                "Cannot read the answers: anchors and aliases (& and *) are not allowed in an "
                "answers file."
            ),
            line,
            hint=_("Write each answer out in full, like  concerns: [anxiety, depression]"),
        )


_LOADER: type | None = None


def _loader() -> type:
    """A SafeLoader that refuses duplicate keys (PyYAML silently keeps the last one),
    anchors and aliases.

    An answers file never needs ``&`` or ``*``, and aliases nested a few levels
    deep (a "billion laughs" file of 500 bytes) expand into billions of items
    when the answers are walked. They are refused as they are composed, before
    anything is built from them.
    """
    global _LOADER
    if _LOADER is None:
        import yaml

        class UniqueKeySafeLoader(yaml.SafeLoader):
            def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
                event = self.peek_event()
                if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
                    raise _AnchorOrAlias(event.start_mark.line + 1)
                return super().compose_node(parent, index)

            def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
                seen: set[object] = set()
                for key_node, _ in node.value:
                    key = self.construct_object(key_node, deep=deep)
                    try:
                        duplicate = key in seen
                    except TypeError:  # an unhashable key; the base class reports it
                        break
                    if duplicate:
                        raise _DuplicateKey(key, key_node.start_mark.line + 1)
                    seen.add(key)
                return super().construct_mapping(node, deep=deep)

        def as_written_if_sexagesimal(constructor):  # type: ignore[no-untyped-def]
            """YAML 1.1 reads 12:30 as 750 (base 60); keep it as the person wrote it."""

            def construct(loader, node):  # type: ignore[no-untyped-def]
                if ":" in str(node.value):
                    return str(node.value)
                return constructor(loader, node)

            return construct

        for tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
            UniqueKeySafeLoader.add_constructor(
                tag, as_written_if_sexagesimal(yaml.SafeLoader.yaml_constructors[tag])
            )
        _LOADER = UniqueKeySafeLoader
    return _LOADER
