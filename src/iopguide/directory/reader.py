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

JSON (what ``directory import`` writes) takes a fast path through
:func:`json.loads`; anything unusual about it falls back to the YAML path,
which gives the same answer with line numbers (JSON is YAML).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass, field

from iopguide.errors import DataError, Problem
from iopguide.text import clean, shorten

#: Containers nested deeper than this are refused. A directory needs five levels
#: (file > programs > program > location > list); the limit leaves room for
#: anything reasonable and stops hostile input long before it costs anything.
MAX_DEPTH = 64
_TOO_DEEP = "The file is nested too deeply"


class Mapping(dict):
    """A YAML mapping with where it came from.

    ``line`` is the 1-based line where the mapping starts; ``key_lines`` maps each
    key to its line; ``raw`` maps a key whose *plain* (unquoted) value YAML read
    as something other than text -- a number, true/false, null or a date -- to the
    text as written, so a message can say what YAML did with it.
    """

    __slots__ = ("key_lines", "line", "raw")

    def __init__(self, line: int | None = None) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[object, int] = {}
        self.raw: dict[object, str] = {}


class Sequence(list):
    """A YAML sequence with its start ``line``, each item's line and raw texts (by index)."""

    __slots__ = ("item_lines", "line", "raw")

    def __init__(self, line: int | None = None) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []
        self.raw: dict[object, str] = {}


class _Refused:
    """Stands in for a value the reader refused (alias, custom tag) and already reported."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<refused>"


#: The value of anything the reader refused; the validator skips it silently.
REFUSED = _Refused()


class _BadKey:
    """A key that is not text (a list or mapping used as a key); already reported."""

    __slots__ = ("line",)

    def __init__(self, line: int) -> None:
        self.line = line

    def __repr__(self) -> str:
        return "<bad key>"


@dataclass(slots=True)
class Document:
    """What the reader made of a file: its top value and the problems found on the way.

    ``problems`` are the ones that do not stop reading (a duplicate key, an
    alias, a custom tag); the value is still usable for validating the rest.
    """

    root: object
    line: int | None = None
    problems: list[Problem] = field(default_factory=list)
    format: str = "yaml"


# --- YAML 1.1 implicit typing of plain scalars, as PyYAML's SafeLoader does it --------

_BOOL_NULL: dict[str, object] = {
    **{w: True for w in ("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON")},
    **{w: False for w in ("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF")},
    **{w: None for w in ("~", "null", "Null", "NULL", "")},
}
#: First characters of a plain scalar that YAML 1.1 might read as something other than text.
_SPECIAL_FIRST = frozenset([*"yYnNtTfFoO~-+0123456789.<=", ""])
_FLOAT = re.compile(
    r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
        |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
        |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
    re.X,
)
_INT = re.compile(
    r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0[0-7_]+
        |[-+]?(?:0|[1-9][0-9_]*)
        |[-+]?0x[0-9a-fA-F_]+
        |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""",
    re.X,
)
_TIMESTAMP = re.compile(
    r"""^(?P<year>[0-9][0-9][0-9][0-9])
        -(?P<month>[0-9][0-9]?)
        -(?P<day>[0-9][0-9]?)
        (?:(?:[Tt]|[ \t]+)
        (?P<hour>[0-9][0-9]?)
        :(?P<minute>[0-9][0-9])
        :(?P<second>[0-9][0-9])
        (?:\.(?P<fraction>[0-9]*))?
        (?:[ \t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9][0-9]?)
        (?::(?P<tz_minute>[0-9][0-9]))?))?)?$""",
    re.X,
)
_TIMESTAMP_SHAPE = re.compile(
    r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
    r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$"
)


def resolve_plain(text: str) -> object:
    """What YAML 1.1 (PyYAML's SafeLoader) makes of an unquoted scalar.

    Returns *text* itself when YAML reads it as text. Where PyYAML itself would
    fail (a date that does not exist, a number too long to convert) the text is
    kept, so the validator can say what is wrong with it.
    """
    if text in _BOOL_NULL:
        return _BOOL_NULL[text]
    first = text[0]
    if first in "-+0123456789.":
        if _FLOAT.match(text):
            return _yaml_float(text)
        if first != "." and _INT.match(text):
            return _yaml_int(text)
        if first in "0123456789" and _TIMESTAMP_SHAPE.match(text):
            return _yaml_timestamp(text)
    return text


def _yaml_int(text: str) -> object:
    value = text.replace("_", "")
    sign = -1 if value[0] == "-" else 1
    if value[0] in "+-":
        value = value[1:]
    try:
        if value == "0":
            return 0
        if value.startswith("0b"):
            return sign * int(value[2:], 2)
        if value.startswith("0x"):
            return sign * int(value[2:], 16)
        if value[0] == "0":
            return sign * int(value, 8)
        if ":" in value:
            total, base = 0, 1
            for part in reversed(value.split(":")):
                total += int(part) * base
                base *= 60
            return sign * total
        return sign * int(value)
    except ValueError:  # "0b_", or more digits than int() accepts
        return text


def _yaml_float(text: str) -> object:
    value = text.replace("_", "").lower()
    sign = -1.0 if value[0] == "-" else 1.0
    if value[0] in "+-":
        value = value[1:]
    try:
        if value == ".inf":
            return sign * float("inf")
        if value == ".nan":
            return float("nan")
        if ":" in value:
            total, base = 0.0, 1.0
            for part in reversed(value.split(":")):
                total += float(part) * base
                base *= 60
            return sign * total
        return sign * float(value)
    except ValueError:
        return text


def _yaml_timestamp(text: str) -> object:
    match = _TIMESTAMP.match(text)
    if match is None:
        return text
    v = match.groupdict()
    try:
        if not v["hour"]:
            return _dt.date(int(v["year"]), int(v["month"]), int(v["day"]))
        fraction = int((v["fraction"] or "")[:6].ljust(6, "0"))
        tzinfo = None
        if v["tz_sign"]:
            delta = _dt.timedelta(hours=int(v["tz_hour"]), minutes=int(v["tz_minute"] or 0))
            tzinfo = _dt.timezone(-delta if v["tz_sign"] == "-" else delta)
        elif v["tz"]:
            tzinfo = _dt.timezone.utc
        return _dt.datetime(
            int(v["year"]),
            int(v["month"]),
            int(v["day"]),
            int(v["hour"]),
            int(v["minute"]),
            int(v["second"]),
            fraction,
            tzinfo=tzinfo,
        )
    except ValueError:  # 2026-02-30: PyYAML raises; we keep the text and say so later
        return text


# --- the public entry point ------------------------------------------------------------


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
            if any(p.message.startswith(_TOO_DEEP) for p in yaml_error.problems):
                raise
    raise _json_syntax_error(filename, err) from None


def _json_syntax_error(filename: str, err: json.JSONDecodeError) -> DataError:
    what = clean(shorten(err.msg, 120))
    closing = err.doc[err.pos : err.pos + 1]
    if closing in ("]", "}") and err.doc[: err.pos].rstrip().endswith(","):
        what = f"{what}: a comma before the closing '{closing}' (JSON allows no trailing comma)"
    return _fatal(
        filename,
        f"The file is not valid JSON: {what} (line {err.lineno}, column {err.colno}).",
        line=err.lineno,
        hint="Check the commas, brackets and quotes around that place; a file that was cut "
        "short ends before its closing brackets (import or save it again).",
    )


def _fatal(
    filename: str, message: str, line: int | None = None, hint: str | None = None
) -> DataError:
    return DataError([Problem(file=filename, message=message, line=line, hint=hint)])


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _check_encoding(data: bytes, filename: str) -> str:
    """The text of *data*, or DataError when it is empty or not UTF-8."""
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise _fatal(
            filename,
            "The file is empty.",
            hint="A directory file starts with a 'directory:' header and a 'programs:' list; "
            "see docs/directory-format.md.",
        )
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise _fatal(
            filename,
            "The file is UTF-16 text; a directory file must be UTF-8.",
            line=1,
            hint="Save it again as UTF-8 (most editors offer this under 'Save as' / 'Encoding').",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        raise _fatal(
            filename,
            f"The file is not UTF-8 text: byte 0x{bad} at byte offset {err.start} cannot be read.",
            line=_line_at(data, err.start),
            hint="Save the file as UTF-8 (most editors offer this under 'Save as' / 'Encoding').",
        ) from None


# --- JSON fast path ----------------------------------------------------------------


class _FallBack(Exception):
    """Something about the JSON needs the YAML path's precise, line-numbered report."""


def _pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _FallBack  # duplicate key: the YAML path reports both lines
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
        root = json.loads(data, object_pairs_hook=_pairs, parse_constant=_no_constant)
    except json.JSONDecodeError:
        raise
    except (_FallBack, ValueError, RecursionError):
        return None
    return Document(root=root, line=1, format="json")


# --- YAML via libyaml's event stream -------------------------------------------------


def _describe_tag(tag: str) -> str:
    return clean(shorten(tag, 60))


_ALLOWED_TAGS = frozenset(
    {None, "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "!"}
)


def read_yaml(data: bytes, filename: str) -> Document:
    """Build values from libyaml's event stream. See the module docstring for why.

    The loop runs once per event (about two million for a national directory),
    so it keeps its state in local variables and handles the common case -- an
    untagged scalar -- inline; the rare cases (anchors, tags, aliases) take
    slower paths that report them.
    """
    import yaml

    try:
        loader = yaml.CSafeLoader
    except AttributeError:  # PyYAML built without libyaml: slower, same events
        loader = yaml.SafeLoader

    ScalarEvent = yaml.ScalarEvent
    MappingStartEvent = yaml.MappingStartEvent
    SequenceStartEvent = yaml.SequenceStartEvent
    MappingEndEvent = yaml.MappingEndEvent
    SequenceEndEvent = yaml.SequenceEndEvent
    AliasEvent = yaml.AliasEvent
    DocumentStartEvent = yaml.DocumentStartEvent

    special_first = _SPECIAL_FIRST
    resolve = resolve_plain
    allowed_tags = _ALLOWED_TAGS
    NO_KEY = _NO_KEY
    max_depth = MAX_DEPTH
    problems: list[Problem] = []
    problem = problems.append

    root: object = None
    root_line: int | None = None
    have_root = False
    documents = 0
    # The open container and, for a mapping, the key waiting for its value
    # (NO_KEY when the next node is a key). Parents' states wait on the stack.
    cur: Mapping | Sequence | None = None
    cur_map = False
    key: object = NO_KEY
    key_line = 0
    stack: list[tuple] = []
    line = 0
    refused_ids: set[int] = set()  # open containers with a refused tag

    try:
        for event in yaml.parse(data, Loader=loader):
            etype = type(event)
            raw = None
            if etype is ScalarEvent:
                value = event.value
                if event.anchor is None and event.tag is None:
                    if cur_map and key is NO_KEY:
                        # A key keeps its text: ``on:`` and ``yes:`` stay keys, not booleans.
                        key = value
                        key_line = event.start_mark.line + 1
                        continue
                    if value[:1] in special_first and event.implicit[0]:
                        resolved = resolve(value)
                        if type(resolved) is not str:
                            raw = value
                            value = resolved
                    if cur_map:  # the commonest case: a scalar value in a mapping
                        if key in cur:
                            problem(_duplicate_key(filename, key, key_line, cur.key_lines[key]))
                        else:
                            cur[key] = value
                            cur.key_lines[key] = key_line
                            if raw is not None:
                                cur.raw[key] = raw
                        key = NO_KEY
                        continue
                    line = event.start_mark.line + 1
                else:
                    line = event.start_mark.line + 1
                    if event.anchor is not None:
                        problem(_refused_anchor(filename, event.anchor, line))
                    tag = event.tag
                    if tag not in allowed_tags:
                        problem(_refused_tag(filename, tag, line))
                        value = REFUSED
                    elif cur_map and key is NO_KEY:
                        key = value
                        key_line = line
                        continue
                    # else: explicitly text (!!str or !), so no implicit typing
            elif etype is MappingStartEvent or etype is SequenceStartEvent:
                line = event.start_mark.line + 1
                if len(stack) >= max_depth:
                    raise _too_deep(filename, max_depth, line)
                if event.anchor is not None:
                    problem(_refused_anchor(filename, event.anchor, line))
                tagged = event.tag not in allowed_tags
                if tagged:
                    problem(_refused_tag(filename, event.tag, line))
                stack.append((cur, cur_map, key, key_line))
                if etype is MappingStartEvent:
                    cur = Mapping(line)
                    cur_map = True
                    key = NO_KEY
                else:
                    cur = Sequence(line)
                    cur_map = False
                if tagged:  # built (to keep reading) but replaced by REFUSED when it ends
                    refused_ids.add(id(cur))
                continue
            elif etype is MappingEndEvent or etype is SequenceEndEvent:
                value = cur
                line = cur.line  # type: ignore[union-attr]
                if refused_ids and id(value) in refused_ids:
                    refused_ids.discard(id(value))  # its id may be reused once it is freed
                    value = REFUSED
                cur, cur_map, key, key_line = stack.pop()
            elif etype is AliasEvent:
                line = event.start_mark.line + 1
                problem(_refused_alias(filename, event.anchor, line))
                value = REFUSED
            elif etype is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _fatal(
                        filename,
                        "The file holds more than one YAML document (a second '---' line).",
                        line=event.start_mark.line + 1,
                        hint="Put every program in one 'programs:' list in one document.",
                    )
                continue
            else:  # stream start/end, document end
                continue

            # Attach the finished node (value, line, raw) to the open container.
            if cur_map:
                if key is NO_KEY:  # a list or mapping (or refused node) used as a key
                    if value is not REFUSED:
                        problem(
                            Problem(
                                file=filename,
                                line=line,
                                message="A key must be plain text, not a list or a mapping.",
                                hint="Write keys as 'name: value'.",
                            )
                        )
                    key = _BadKey(line)
                    key_line = line
                    continue
                if key in cur:
                    problem(_duplicate_key(filename, key, key_line, cur.key_lines[key]))
                else:
                    cur[key] = value
                    cur.key_lines[key] = key_line
                    if raw is not None:
                        cur.raw[key] = raw
                key = NO_KEY
            elif cur is not None:
                if raw is not None:
                    cur.raw[len(cur)] = raw
                cur.append(value)
                cur.item_lines.append(line)
            else:
                root, root_line, have_root = value, line, True
    except yaml.YAMLError as err:
        if _libyaml_too_deep(err):
            raise _too_deep(filename, max_depth, _mark_line(err)) from None
        raise _syntax_error(data, filename, err) from None
    except RecursionError:  # not expected from the event parser; never a traceback anyway
        raise _fatal(filename, f"{_TOO_DEEP} to read.") from None

    if not have_root:
        raise _fatal(
            filename,
            "The file has no content (only comments or blank lines).",
            hint="A directory file starts with a 'directory:' header and a 'programs:' list; "
            "see docs/directory-format.md.",
        )
    return Document(root=root, line=root_line, problems=problems, format="yaml")


def _too_deep(filename: str, max_depth: int, line: int | None) -> DataError:
    return _fatal(
        filename,
        f"{_TOO_DEEP} (more than {max_depth} levels of lists and mappings inside each other).",
        line=line,
        hint="A directory file needs only a few levels; check for unclosed brackets '[' or '{'.",
    )


def _libyaml_too_deep(err: Exception) -> bool:
    """Whether libyaml stopped at its own nesting limit (0.2.6 and newer have one).

    libyaml's scanner looks ahead for a possible simple key, so with ``[[[[...`` it
    can reach its own limit (about 1,000 levels) before the parser hands us the
    event that would have tripped :data:`MAX_DEPTH`; the person must see the same
    clear refusal whichever limit is met first.
    """
    return "maximum nesting depth" in str(getattr(err, "problem", None) or err)


def _mark_line(err: Exception) -> int | None:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    return mark.line + 1 if mark is not None else None


def _refused_anchor(filename: str, anchor: str, line: int) -> Problem:
    return _refused_reference("An anchor", "&", filename, anchor, line)


def _refused_alias(filename: str, anchor: str, line: int) -> Problem:
    return _refused_reference("An alias", "*", filename, anchor, line)


def _refused_reference(what: str, sign: str, filename: str, anchor: str, line: int) -> Problem:
    return Problem(
        file=filename,
        line=line,
        message=f"{what} ({sign}{clean(shorten(anchor, 40))}) is not allowed in a directory file.",
        hint="Write each value out in full; anchors and aliases (&name, *name) are refused "
        "because they can make a small file expand enormously.",
    )


class _NoKey:
    __slots__ = ()


_NO_KEY = _NoKey()


def _duplicate_key(filename: str, key: object, line: int, first_line: int) -> Problem:
    name = clean(shorten(str(key), 60))
    return Problem(
        file=filename,
        line=line,
        field=name,
        message=f"The key '{name}' appears twice in the same mapping (first at line {first_line}); "
        f"only the first one is used.",
        hint="Remove one of them, or merge the two values.",
    )


def _refused_tag(filename: str, tag: str | None, line: int) -> Problem:
    return Problem(
        file=filename,
        line=line,
        message=f"The YAML tag '{_describe_tag(str(tag))}' is not allowed in a directory file.",
        hint="Remove the tag (the part starting with '!'); write plain values, and put text "
        "in quotes if it must not be read as a number or true/false.",
    )


def _syntax_error(data: bytes, filename: str, err: Exception) -> DataError:
    """A parser error as one Problem with the parser's line and column, in plain words."""
    import yaml

    if isinstance(err, yaml.reader.ReaderError):
        position = getattr(err, "position", 0) or 0
        character = getattr(err, "character", None)
        what = (
            f"the control character U+{character:04X}"
            if isinstance(character, int)
            else "a character"
        )
        return _fatal(
            filename,
            f"The file contains {what}, which YAML does not allow in a file "
            f"(byte offset {position}).",
            line=_line_at(data, position),
            hint="Remove the character; to include it in text, write it as an escape "
            'inside double quotes (e.g. "\\t").',
        )
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    problem_text = getattr(err, "problem", None) or str(err)
    context = getattr(err, "context", None)

    if line is not None and _tab_indented(data, line):
        return _fatal(
            filename,
            f"Line {line} is indented with a tab. YAML allows only spaces for indentation.",
            line=line,
            hint="Replace the tab at the start of the line with spaces (most editors can show "
            "and convert tabs).",
        )
    where = f"line {line}, column {column}" if line is not None else "an unknown place"
    detail = clean(shorten(problem_text, 120))
    if context:
        detail = f"{clean(shorten(context, 80))}: {detail}"
    return _fatal(
        filename,
        f"The file is not valid YAML ({where}): {detail}.",
        line=line,
        hint="Check the indentation, colons and quotes around that place; text containing "
        "': ' or ' #' must be in quotes.",
    )


def _tab_indented(data: bytes, line: int) -> bool:
    """Whether *line* (1-based), or the line before it, starts its indentation with a tab."""
    lines = data.split(b"\n", line)[:line]
    for text in lines[-2:]:
        indent = text[: len(text) - len(text.lstrip(b" \t"))]
        if b"\t" in indent and text.strip():
            return True
    return False
