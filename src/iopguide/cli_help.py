"""``--help`` in the person's language.

typer and click keep each command's help (its docstring) and each option's help
as plain English strings. Rather than wrap every one by hand, the extractor
(:mod:`iopguide.i18n.extract`) collects them from the built command tree, and
:func:`translate` swaps in the catalogue's text before the command runs, so the
help a Spanish speaker asks for is in Spanish. Section titles that typer and
click print themselves ("Options", "Usage") stay as they write them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_TEXT_ATTRIBUTES = ("help", "short_help", "epilog")


def commands(command: Any) -> Iterator[Any]:
    """*command* and every sub-command under it."""
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from commands(sub)


def help_texts(command: Any) -> Iterator[str]:
    """Every help string of the tree, exactly as the command holds it."""
    for each in commands(command):
        for attribute in _TEXT_ATTRIBUTES:
            text = getattr(each, attribute, None)
            if text:
                yield text
        for param in each.params:
            text = getattr(param, "help", None)
            if text:
                yield text


def translate(command: Any) -> None:
    """Give every help string of the tree in the current language."""
    from iopguide.i18n import _

    for each in commands(command):
        for attribute in _TEXT_ATTRIBUTES:
            text = getattr(each, attribute, None)
            if text:
                setattr(each, attribute, _(text))
        for param in each.params:
            text = getattr(param, "help", None)
            if text:
                param.help = _(text)


def language_asked(args: list[str]) -> str | None:
    """The ``--lang`` a command line gives (before ``--``), so help is in it from the start."""
    for index, arg in enumerate(args):
        if arg == "--":
            return None
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None
