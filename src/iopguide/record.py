"""Value classes for the search's hot path, without :mod:`dataclasses`.

A search answers in about four interpreter starts (docs/performance.md); importing
dataclasses (which imports inspect, ast, dis ...) and creating the search's 18
dataclasses cost about 20 ms of that, more than the search itself, because each
dataclass compiles its methods from source when it is created. A :class:`Record`
is a slotted class with a hand-written ``__init__`` (compiled once, into the
.pyc); equality, ``repr`` and :meth:`Record.replace` come from its ``__slots__``,
the one list of its fields, in order. A :class:`FrozenRecord` is also hashable
and, like the frozen dataclasses it replaces, is never assigned to after
``__init__`` (by convention: refusing assignment would make every ``__init__``
slower and longer).

Classes off the hot path (the assessment, the importers, the guide) stay dataclasses.
"""

from __future__ import annotations

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from typing import Any, TypeVar

    R = TypeVar("R", bound="Record")


class Record:
    """Equality, ``repr`` and :meth:`replace` from ``__slots__``; not hashable (it may change)."""

    __slots__: tuple[str, ...] = ()
    __hash__ = None  # type: ignore[assignment]

    def values(self) -> tuple[Any, ...]:
        """The fields' values, in ``__slots__`` order."""
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.values() == other.values()  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__qualname__}({fields})"

    def replace(self: R, **changes: Any) -> R:
        """A copy with *changes* (as ``dataclasses.replace``); an unknown field is a TypeError."""
        unknown = changes.keys() - set(self.__slots__)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
        values = {name: getattr(self, name) for name in self.__slots__}
        values.update(changes)
        return type(self)(**values)


class FrozenRecord(Record):
    """A :class:`Record` that is never changed, so it can be a dictionary key."""

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self.values())
