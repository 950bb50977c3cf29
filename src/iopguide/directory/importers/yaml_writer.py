"""YAML for a directory file, written directly: ``yaml.dump`` took 17 s for a national one.

A directory holds only mappings with text keys, lists, text, numbers, booleans
and null, so the emitter is small: block mappings, flow lists of scalars, block
lists of mappings. A text value is written plain only when iopguide's own safe
reader (:func:`iopguide.directory.reader.resolve_plain`, YAML 1.1 as PyYAML
reads it) gives the same text back and nothing in it could start or end a YAML
construct; everything else is double-quoted with JSON's escapes (a subset of
YAML's) plus escapes for what YAML does not allow raw: C1 controls, U+2028,
U+2029, U+FEFF and non-characters. ``tests/test_yaml_writer.py`` reads the
national directory and random text back through the safe reader.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from iopguide.directory.reader import resolve_plain

#: Text that may stand unquoted: it starts with a letter and holds nothing YAML reads
#: specially (no ": ", " #", quotes at the start, brackets or commas in a flow list).
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ._/()&+'-]*")
#: What YAML does not allow raw inside double quotes, or would fold as a line break.
_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _escape(char: re.Match[str]) -> str:
    return f"\\u{ord(char.group()):04x}"


def scalar(value: object, *, quote: bool = False) -> str:
    """One value as a YAML scalar; *quote* forces double quotes on text (ZIPs, phones)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value!r}")
        text = repr(value)
        if "." not in text:  # YAML 1.1 reads 1e-05 as text: give the mantissa a point
            mantissa, _e, exponent = text.partition("e")
            text = mantissa + ".0" + ("e" + exponent if exponent else "")
        return text
    if not isinstance(value, str):
        raise TypeError(f"cannot write {type(value).__name__} as YAML")
    if (
        not quote
        and _PLAIN.fullmatch(value)
        and not value.endswith(" ")
        and "  " not in value
        and resolve_plain(value) == value
    ):
        return value
    return _ESCAPE.sub(_escape, json.dumps(value, ensure_ascii=False))


_SCALARS = (bool, int, float, type(None))
#: Text already written, by (text, quoted, inside a flow list), and flow lists by
#: (tuple of texts, quoted): a national directory writes "outpatient" 15,000 times, its
#: states and cities thousands of times, and a few hundred distinct lists of levels.
Memo = dict[tuple[Any, ...], str]


def lines(
    mapping: Mapping[str, Any],
    indent: int = 0,
    quoted: frozenset[str] = frozenset(),
    memo: Memo | None = None,
) -> list[str]:
    """The block lines of *mapping*; keys named in *quoted* have their text double-quoted."""
    out: list[str] = []
    _lines(out, mapping, " " * indent, quoted, {} if memo is None else memo)
    return out


def _lines(
    out: list[str], mapping: Mapping[str, Any], pad: str, quoted: frozenset[str], memo: Memo
) -> None:
    for key, value in mapping.items():
        kind = type(value)
        if kind is str:  # most values, and never a mapping or a list
            out.append(f"{pad}{key}: {_text(value, key in quoted, False, memo)}\n")
        elif kind in _SCALARS:
            out.append(f"{pad}{key}: {scalar(value, quote=key in quoted)}\n")
        elif isinstance(value, Mapping):
            if not value:
                out.append(f"{pad}{key}: {{}}\n")
                continue
            out.append(f"{pad}{key}:\n")
            _lines(out, value, pad + "  ", quoted, memo)
        elif (
            kind is list
            or kind is tuple
            or (isinstance(value, Sequence) and not isinstance(value, str))
        ):
            out.append(f"{pad}{key}: " + _flow(value, key in quoted, memo) + "\n")
        else:
            out.append(f"{pad}{key}: {scalar(value, quote=key in quoted)}\n")


def _text(value: str, quote: bool, in_flow: bool, memo: Memo) -> str:
    """:func:`scalar` of one text, remembered; *in_flow*: as an item of a flow list."""
    key = (value, quote, in_flow)
    text = memo.get(key)
    if text is None:
        text = scalar(value, quote=quote)
        if in_flow and text[0] != '"' and _FLOW_SPECIAL.search(text):
            text = scalar(value, quote=True)
        memo[key] = text
    return text


_FLOW_SPECIAL = re.compile(r"[,\[\]{}]")


def _flow(items: Sequence[Any], quote: bool, memo: Memo) -> str:
    """A list of scalars as ``[a, b]``; text with a comma or bracket is quoted by the rule.

    A tuple of texts only is remembered (a key with any other item could equal one
    that writes differently: ``(1,) == (True,)``).
    """
    key = (items, quote) if type(items) is tuple else None
    if key is not None and (text := memo.get(key)) is not None:
        return text
    parts = []
    for item in items:
        if type(item) is str:
            parts.append(_text(item, quote, True, memo))
            continue
        if isinstance(item, (Mapping, list, tuple)):
            raise TypeError("nested lists and mappings are not part of a directory file")
        text = scalar(item, quote=quote)
        if text[0] != '"' and _FLOW_SPECIAL.search(text):
            text = scalar(item, quote=True)
        parts.append(text)
    text = "[" + ", ".join(parts) + "]"
    if key is not None and all(type(item) is str for item in items):
        memo[key] = text
    return text


def list_item(
    mapping: Mapping[str, Any], quoted: frozenset[str] = frozenset(), memo: Memo | None = None
) -> str:
    """*mapping* as one item of a block list (``- key: value`` then the rest indented)."""
    body = "".join(lines(mapping, 2, quoted, memo))
    return "- " + body[2:] if body else "- {}\n"
