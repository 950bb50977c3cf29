"""YAML read from libyaml's event stream (see :mod:`iopguide.directory.reader` for why)."""

from __future__ import annotations

from iopguide.directory.read_errors import (
    duplicate_key,
    fatal,
    libyaml_too_deep,
    mark_line,
    refused_alias,
    refused_anchor,
    refused_tag,
    syntax_error,
    too_deep,
    too_deep_to_read,
)
from iopguide.directory.yaml_scalars import SPECIAL_FIRST, resolve_plain
from iopguide.directory.yaml_values import (
    MAX_DEPTH,
    REFUSED,
    BadKey,
    Document,
    Mapping,
    Sequence,
)
from iopguide.errors import Problem
from iopguide.i18n import _

_ALLOWED_TAGS = frozenset(
    {None, "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "!"}
)


class _NoKey:
    __slots__ = ()


_NO_KEY = _NoKey()


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

    special_first = SPECIAL_FIRST
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
                            problem(duplicate_key(filename, key, key_line, cur.key_lines[key]))
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
                        problem(refused_anchor(filename, event.anchor, line))
                    tag = event.tag
                    if tag not in allowed_tags:
                        problem(refused_tag(filename, tag, line))
                        value = REFUSED
                    elif cur_map and key is NO_KEY:
                        key = value
                        key_line = line
                        continue
                    # else: explicitly text (!!str or !), so no implicit typing
            elif etype is MappingStartEvent or etype is SequenceStartEvent:
                line = event.start_mark.line + 1
                if len(stack) >= max_depth:
                    raise too_deep(filename, max_depth, line)
                if event.anchor is not None:
                    problem(refused_anchor(filename, event.anchor, line))
                tagged = event.tag not in allowed_tags
                if tagged:
                    problem(refused_tag(filename, event.tag, line))
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
                problem(refused_alias(filename, event.anchor, line))
                value = REFUSED
            elif etype is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise fatal(
                        filename,
                        _("The file holds more than one YAML document (a second '---' line)."),
                        line=event.start_mark.line + 1,
                        hint=_("Put every program in one 'programs:' list in one document."),
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
                                message=_("A key must be plain text, not a list or a mapping."),
                                hint=_("Write keys as 'name: value'."),
                            )
                        )
                    key = BadKey(line)
                    key_line = line
                    continue
                if key in cur:
                    problem(duplicate_key(filename, key, key_line, cur.key_lines[key]))
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
        if libyaml_too_deep(err):
            raise too_deep(filename, max_depth, mark_line(err)) from None
        raise syntax_error(data, filename, err) from None
    except RecursionError:  # not expected from the event parser; never a traceback anyway
        raise too_deep_to_read(filename) from None

    if not have_root:
        raise fatal(
            filename,
            _("The file has no content (only comments or blank lines)."),
            hint=_(
                "A directory file starts with a 'directory:' header and a 'programs:' list; "
                "see docs/directory-format.md."
            ),
        )
    return Document(root=root, line=root_line, problems=problems, format="yaml")
