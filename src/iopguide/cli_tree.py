"""The click command tree, built by typer one sub-command at a time.

typer turns every command's parameters into click options when it builds the
tree (signatures, type hints, one click.Option each): for iopguide's 20-odd
commands that was most of the time ``--help`` spent before it printed anything.
:func:`build` asks typer for the root's own options only; each sub-command is
listed from a stand-in with its name and help but no parameters, and typer
builds the real one when the line runs it or asks for its help. What typer
prints is unchanged: tests/test_help_tree.py compares every help page, in English
and Spanish, with the ones the whole tree gives.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import typer
from typer import _click as click
from typer.core import TyperGroup
from typer.main import get_command_from_info, get_group, get_group_from_info

Build = Callable[[], click.Command]


class LazyGroup(TyperGroup):
    """A group whose sub-commands are made on first use (see the module's docstring).

    Built whole by ``typer.main.get_command`` (the extractor, tests) it is a plain group.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._builds: dict[str, Build] = {}

    def add_later(self, stand_in: click.Command, build: Build) -> None:
        """List *stand_in* in help; run (and show help of) what *build* makes."""
        name = stand_in.name or ""
        self.commands[name] = stand_in
        self._builds[name] = build

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        build = self._builds.pop(name or "", None)
        if build is not None:
            command = self.commands[name or ""] = build()
        return name, command, rest


def build(app: typer.Typer, prepare: Callable[[click.Command], None]) -> click.Command:
    """*app*'s tree with the root built now and sub-commands later; *prepare* (translation)
    runs on every command typer makes, stand-ins included."""
    settings = {
        "pretty_exceptions_short": app.pretty_exceptions_short,
        "rich_markup_mode": app.rich_markup_mode,
    }
    root = get_group(_without_children(app))
    assert isinstance(root, LazyGroup), "the app is made with cls=LazyGroup"

    def later(stand_in: click.Command, make: Build) -> None:
        def real() -> click.Command:
            made = make()
            prepare(made)
            return made

        root.add_later(stand_in, real)

    for info in app.registered_commands:
        bare = copy.copy(info)
        bare.callback = _bare(info.callback)
        later(
            get_command_from_info(bare, **settings),
            lambda info=info: get_command_from_info(info, **settings),
        )
    for group_info in app.registered_groups:
        assert group_info.typer_instance is not None
        bare_group = copy.copy(group_info)
        bare_group.typer_instance = _without_children(group_info.typer_instance)
        later(
            get_group_from_info(bare_group, **settings, suggest_commands=app.suggest_commands),
            lambda group_info=group_info: get_group_from_info(
                group_info, **settings, suggest_commands=app.suggest_commands
            ),
        )
    prepare(root)
    return root


def _without_children(app: typer.Typer) -> typer.Typer:
    """A shallow copy of *app* with no commands or groups: typer builds only its own options."""
    alone = copy.copy(app)
    alone.registered_commands = []
    alone.registered_groups = []
    return alone


def _bare(callback: Callable[..., Any] | None) -> Callable[[], None]:
    """A callback with *callback*'s name and docstring and no parameters."""

    def bare() -> None:  # pragma: no cover - stand-ins are listed, never run
        raise AssertionError("a stand-in command ran")

    bare.__name__ = getattr(callback, "__name__", "bare")
    bare.__doc__ = getattr(callback, "__doc__", None)
    return bare
