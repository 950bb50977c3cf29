"""typer's help formatter, imported without the rich modules a help page never uses.

``typer.rich_utils`` imports ``rich.markdown.Markdown`` (for ``rich_markup_mode=
"markdown"``) and ``rich.traceback.Traceback`` (for pretty exceptions) when it is
imported; with markdown-it, pygments and ``rich.syntax`` behind them that is about
25 ms, a fifth of ``iopguide --help``, for a page iopguide writes in rich markup
with pretty exceptions off. :func:`import_help_formatter` imports it with those two
modules standing in: each name typer takes from them is a class that becomes rich's
own the first time it is called, looked up or checked against, so markdown mode
and pretty tracebacks still work if anything asks for them. The stand-in modules
are gone from ``sys.modules`` once typer has its names, so any other import of
``rich.markdown`` gets the real one.

Rich also looks up every ``:name:`` in the text it prints in its table of 4,700
emoji codes, which it imports (about 17 ms) the first time it prints anything
with emoji on, as typer's console does. iopguide's help has no emoji codes, so
:class:`_LazyEmoji` stands in for that table: rich's own, loaded the first time
anything looks a code up. tests/test_help_formatter.py checks that the help
pages are the same bytes either way, and that an emoji code still becomes its
emoji.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

#: The modules typer.rich_utils imports only for what iopguide's help never shows.
DEFERRED = ("rich.markdown", "rich.traceback")


class _Deferred(type):
    """A class that stands for the class of the same name in its ``__module__``."""

    def _real(cls) -> Any:
        return getattr(importlib.import_module(cls.__module__), cls.__name__)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return cls._real()(*args, **kwargs)

    def __getattr__(cls, name: str) -> Any:
        return getattr(cls._real(), name)

    def __instancecheck__(cls, instance: Any) -> bool:
        return isinstance(instance, cls._real())


def _stand_in(module_name: str) -> types.ModuleType:
    """A module whose every name is a :class:`_Deferred` class of *module_name*."""
    module = types.ModuleType(module_name)

    def deferred(name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return _Deferred(name, (), {"__module__": module_name})

    module.__getattr__ = deferred  # type: ignore[method-assign]
    return module


#: Rich's emoji table, imported when rich prints text with emoji codes on.
EMOJI_TABLE = "rich._emoji_codes"


class _LazyEmoji:
    """Rich's ``EMOJI`` dict, imported the first time anything reads it."""

    def _real(self) -> dict[str, str]:
        if sys.modules.get(EMOJI_TABLE) is _EMOJI_STAND_IN:
            del sys.modules[EMOJI_TABLE]
        return importlib.import_module(EMOJI_TABLE).EMOJI

    def __getitem__(self, name: str) -> str:
        return self._real()[name]

    def __contains__(self, name: object) -> bool:
        return name in self._real()

    def __iter__(self) -> Any:
        return iter(self._real())

    def __len__(self) -> int:
        return len(self._real())

    def __getattr__(self, name: str) -> Any:  # get, keys, items, values ...
        return getattr(self._real(), name)


_EMOJI_STAND_IN = types.ModuleType(EMOJI_TABLE)
_EMOJI_STAND_IN.EMOJI = _LazyEmoji()  # type: ignore[attr-defined]


def import_help_formatter() -> None:
    """Import ``typer.rich_utils`` (if it is not yet) with :data:`DEFERRED` standing in.

    Not with ``TYPER_USE_RICH=0``: typer then writes plain help and never imports it.
    """
    from typer.core import HAS_RICH

    if not HAS_RICH or "typer.rich_utils" in sys.modules:
        return
    sys.modules.setdefault(EMOJI_TABLE, _EMOJI_STAND_IN)  # stays: rich reads it as it prints
    standing = [name for name in DEFERRED if name not in sys.modules]
    for name in standing:
        sys.modules[name] = _stand_in(name)
    try:
        importlib.import_module("typer.rich_utils")
    finally:
        for name in standing:
            del sys.modules[name]
