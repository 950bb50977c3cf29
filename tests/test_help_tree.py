"""The command tree built a sub-command at a time (cli_tree) prints what the whole one did.

Every help page of every command and group, in English and Spanish, and the
usage errors that list commands, are compared byte for byte with the output of
the tree typer builds all at once.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import typer

from iopguide import cli, cli_help, i18n


def _whole_tree(args: list[str]) -> typer.core.TyperGroup:
    """cli._command as it was: the whole tree at once, then translated."""
    asked = i18n.normalise(cli_help.language_asked(args))
    if asked:
        i18n.set_language(asked)
    command = typer.main.get_command(cli.app)
    if i18n.current() != i18n.DEFAULT:
        cli_help.translate(command)
    return command


def _paths(command: object, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    for name, sub in getattr(command, "commands", {}).items():
        yield from _paths(sub, (*path, name))


PATHS = list(_paths(typer.main.get_command(cli.app)))
LINES = [
    *([*path, "--help"] for path in PATHS),
    *(["--lang", "es", *path, "--help"] for path in PATHS),
    ["-h"],
    ["fnd"],  # did you mean
    ["--lang", "es", "fnd"],
    ["notes"],  # a group without its command
    ["directory", "--lang", "es"],
    ["find", "--radius", "-3"],  # a bad value
    ["find", "--nonsense"],
    ["show"],  # a missing argument
    ["learn"],  # a command that runs
    ["--version"],
]


def _output(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    status = cli.run(args)
    i18n.set_language(i18n.DEFAULT)
    out, err = capsys.readouterr()
    return status, out, err


def test_every_path_is_found() -> None:
    assert ("find",) in PATHS and ("notes", "add") in PATHS and len(PATHS) > 15


@pytest.mark.parametrize("args", LINES, ids=" ".join)
def test_output_is_what_the_whole_tree_gives(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    lazy = _output(capsys, args)
    monkeypatch.setattr(cli, "_command", _whole_tree)
    assert _output(capsys, args) == lazy
    assert lazy[1] or lazy[2]


def test_sub_commands_are_built_only_when_used() -> None:
    tree = cli._command(["--help"])
    find = tree.commands["find"]  # type: ignore[attr-defined]
    assert find.params == []  # the stand-in: its help text, not its options
    assert find.help == typer.main.get_command(cli.app).commands["find"].help  # type: ignore[attr-defined]
