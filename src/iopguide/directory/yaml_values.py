"""What the safe reader builds: containers that remember their lines, and the refusal markers."""

from __future__ import annotations

from dataclasses import dataclass, field

from iopguide.errors import Problem

#: Containers nested deeper than this are refused. A directory needs five levels
#: (file > programs > program > location > list); the limit leaves room for
#: anything reasonable and stops hostile input long before it costs anything.
MAX_DEPTH = 64
TOO_DEEP = "The file is nested too deeply"


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


class BadKey:
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
