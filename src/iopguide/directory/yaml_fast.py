"""A fast first pass for the YAML that iopguide itself writes.

``directory import`` writes YAML in a few fixed shapes (see
:mod:`iopguide.directory.importers.yaml_writer`): block mappings indented by two
spaces, ``- key: value`` items of one block list, flow lists of scalars, plain
words and numbers, and double-quoted text with JSON's escapes. Reading a
national file through libyaml's event stream takes about 2.2 s, most of it
libyaml's 1.8 million events; reading it here, a line at a time, takes about
1 s.

This reader only ever accepts. Every line must match one of those shapes
exactly; anything else -- a comment, a tab, a duplicate key, an alias, a
single-quoted or folded scalar, a key with no value, deeper nesting than the
writer uses -- gives ``None``, and the careful reader
(:mod:`iopguide.directory.yaml_events`) reads the file and reports whatever is
wrong, with its line. What it accepts it must read exactly as the careful
reader does: the same values and types, the same lines for every key and item,
the same raw texts for plain scalars that YAML 1.1 types (it shares
:func:`~iopguide.directory.yaml_scalars.resolve_plain`). ``tests/test_yaml_fast.py``
compares the two on the national directory, on random documents the writer
wrote and on random edits of them.
"""

from __future__ import annotations

import json
import re

from iopguide.directory.yaml_scalars import SPECIAL_FIRST, TYPED_WORDS, resolve_plain
from iopguide.directory.yaml_values import Document, Mapping, Sequence

#: A key: a name, well under YAML's 1,024-character limit for a key on one line.
_KEY = r"[A-Za-z_][A-Za-z0-9_]{0,127}"
#: Double-quoted text on one line with no raw control character and only the escapes
#: JSON and YAML share (``\\u`` never a surrogate, which YAML refuses). Only quoted
#: text may hold more than ASCII; :data:`_UNUSUAL` checks what it holds.
_QUOTED = (
    r'"[^"\\\x00-\x1f\x7f]*'
    r'(?:\\(?:["\\bfnrt]|u(?![dD][89a-fA-F])[0-9a-fA-F]{4})[^"\\\x00-\x1f\x7f]*)*"'
)
#: What beyond ASCII YAML does not allow raw, or reads as a line break or a BOM: quoted
#: text holding any of it goes to the careful reader.
_UNUSUAL = re.compile("[\x80-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
#: Plain text YAML reads as itself (then typed by resolve_plain): words of letters,
#: digits and ``._/()&+'-`` separated by single spaces, starting with a letter; or a
#: number. Nothing here can start or end a YAML construct, in a block or a flow list.
_WORD = r"[A-Za-z][A-Za-z0-9._/()&+'-]*(?: [A-Za-z0-9._/()&+'-]+)*"
_PLAIN = rf"(?:{_WORD}|-?[0-9][0-9.e+-]*)"
_SCALAR = rf"(?:{_QUOTED}|{_PLAIN})"

#: One line: indentation, an optional list dash, then ``key:`` with its value or nothing;
#: or ``- {}`` (an empty list item). The value is double-quoted text, a flow list of
#: words only (the commonest: vocabulary ids) or of any scalars, plain, or ``{}``.
_LINE = re.compile(
    rf"( *)(- )?(?:({_KEY}):(?: (?:({_QUOTED})|\[(?:({_WORD}(?:, {_WORD})*)"
    rf"|((?:{_SCALAR}(?:, {_SCALAR})*)?))\]|(-?[0-9]+\.[0-9]+)|({_PLAIN})|(\{{\}})))?"
    r"|(?<=- )\{\})"
)
_FLOW_ITEM = re.compile(_SCALAR)

#: Containers nested deeper than the writer ever writes go to the careful reader.
_MAX_DEPTH = 8


class _Miss(Exception):
    """The text is not in the writer's shapes: the careful reader must read it."""


def read_fast_yaml(text: str) -> Document | None:
    """The Document the careful reader would build from *text*, or None to ask it."""
    try:
        root = _read(text)
    except _Miss:
        return None
    return Document(root=root, line=root.line, format="yaml")


def _read(text: str) -> Mapping:
    """The top mapping of *text*; _Miss as soon as a line is not in the writer's shapes.

    ``stack`` holds the open containers as (indent, container): a mapping's
    indent is its keys' column, a list's its dashes' column; ``top`` and
    ``top_indent`` are the innermost. ``pending`` is a ``key:`` with nothing
    after it, whose value (a nested mapping or list) the next line opens. The
    loop runs once a line (440,000 for a national file), so the commonest line,
    ``key: value`` in the open mapping, takes the first branch.
    """
    line_shape = _LINE.fullmatch
    special = SPECIAL_FIRST
    root = Mapping(None)
    stack: list[tuple[int, Mapping | Sequence]] = []
    top = root
    top_indent = -1  # no line is at this indent: the first takes the slow branch
    key_lines, raws = root.key_lines, root.raw
    pending: tuple[Mapping, str, int, int] | None = None
    for number, line in enumerate(text.split("\n"), 1):
        if not line:
            continue
        match = line_shape(line)
        if match is None:
            raise _Miss
        pad, dash, key, quoted, words, flow, decimal, plain, empty = match.groups()
        if len(pad) != top_indent or dash is not None or pending is not None:
            top, top_indent = _open_or_close(stack, top, root, pending, len(pad), dash, key, number)
            key_lines, raws, pending = top.key_lines, top.raw, None
            if key is None:  # ``- {}``
                continue
        if key in top:
            raise _Miss  # a duplicate key: the careful reader reports both lines
        if plain is not None:
            if plain[0] in special:
                value = resolve_plain(plain)
                if type(value) is not str:
                    raws[key] = plain
                top[key] = value
            else:
                top[key] = plain
        elif words is not None:
            texts = words.split(", ")
            if TYPED_WORDS.isdisjoint(texts):
                items = Sequence(number)
                items.extend(texts)
                items.item_lines.extend([number] * len(texts))
                top[key] = items
            else:
                top[key] = _flow(words, number)
        elif quoted is not None:
            if not quoted.isascii() and _UNUSUAL.search(quoted):
                raise _Miss
            top[key] = quoted[1:-1] if "\\" not in quoted else json.loads(quoted)
        elif decimal is not None:  # YAML 1.1 reads it as float() does
            top[key] = float(decimal)
            raws[key] = decimal
        elif flow is not None:
            if not flow.isascii() and _UNUSUAL.search(flow):
                raise _Miss
            top[key] = _flow(flow, number)
        elif empty is not None:
            top[key] = Mapping(number)
        else:
            pending = (top, key, number, top_indent)
            continue
        key_lines[key] = number
    if pending is not None or root.line is None:
        raise _Miss  # a last key with no value, or no content at all
    return root


def _open_or_close(
    stack: list[tuple[int, Mapping | Sequence]],
    top: Mapping,
    root: Mapping,
    pending: tuple[Mapping, str, int, int] | None,
    indent: int,
    dash: str | None,
    key: str | None,
    number: int,
) -> tuple[Mapping, int]:
    """The mapping the key on line *number* goes into, and its keys' indent.

    Opens the value of a pending ``key:``, the top mapping, or a list item's
    mapping; closes what the line is outside of (a list closes at its own
    column too, when the line there is a key rather than another item). After
    ``- {}`` the indent is -1, so the next line finds its place here again.
    """
    if pending is not None:
        parent, parent_key, key_line, parent_indent = pending
        if dash is not None and indent == parent_indent:
            # ``programs:`` then ``- id: ...`` at the same column, as the writer puts it.
            opened: Mapping | Sequence = Sequence(number)
        elif dash is None and indent > parent_indent:
            opened = Mapping(number)
        else:  # a key with no value (null), or a list indented differently
            raise _Miss
        if len(stack) >= _MAX_DEPTH:
            raise _Miss
        parent[parent_key] = opened
        parent.key_lines[parent_key] = key_line
        stack.append((indent, opened))
    elif not stack:
        if root.line is not None or indent or dash is not None:
            raise _Miss  # a second top-level value, or a top-level list
        root.line = number
        stack.append((0, root))
    else:
        while stack and (
            stack[-1][0] > indent
            or (stack[-1][0] == indent and dash is None and type(stack[-1][1]) is Sequence)
        ):
            stack.pop()
        if not stack:
            raise _Miss
    open_indent, container = stack[-1]
    if open_indent != indent:
        raise _Miss
    if dash is not None:
        if type(container) is not Sequence:
            raise _Miss
        item = Mapping(number)
        container.append(item)
        container.item_lines.append(number)
        if key is None:  # ``- {}``
            return top, -1
        stack.append((indent + 2, item))
        return item, indent + 2
    if key is None or type(container) is not Mapping:
        raise _Miss  # ``{}`` alone on a line, or a key among list items
    return container, indent


def _flow(inner: str, line: int) -> Sequence:
    """The items of a flow list of scalars (already matched by _LINE), every one on *line*."""
    items = Sequence(line)
    if not inner:
        return items
    texts = inner.split(", ") if '"' not in inner else _FLOW_ITEM.findall(inner)
    for text in texts:
        first = text[0]
        if first == '"':
            items.append(text[1:-1] if "\\" not in text else json.loads(text))
        elif first in SPECIAL_FIRST:
            value = resolve_plain(text)
            if type(value) is not str:
                items.raw[len(items)] = text
            items.append(value)
        else:
            items.append(text)
    items.item_lines.extend([line] * len(items))
    return items
