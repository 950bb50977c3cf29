"""``iopguide directory validate``: check a directory file and report every problem."""

from __future__ import annotations

from pathlib import Path

from iopguide.errors import DataError


def run_validate(path: Path | None, *, json_output: bool) -> None:
    """Check *path* (None: the built-in directory).

    Valid: one confirmation line on stdout, exit 0. Invalid: every problem on
    stderr (through DataError and ``show_error``), exit 1. With ``--json`` one
    object on stdout either way, and still exit 1 when the file is invalid.
    A missing file is a UsageError (exit 2) in both modes.
    """
    from iopguide.directory.load import builtin_directory_path, check_directory, resolve_directory

    result = check_directory(path)
    resolved = resolve_directory(path)
    shown = str(resolved) if resolved is not None else str(builtin_directory_path())

    if json_output:
        import typer

        info = result.directory.info if result.directory is not None else None
        payload = {
            "valid": result.valid,
            "file": shown,
            "builtin": path is None,
            "name": info.name if info else None,
            "sample": info.sample if info else None,
            "programs": result.program_count,
            "problems": [problem.to_dict() for problem in result.problems],
        }
        from iopguide.ui.program_json import print_json

        print_json(payload)  # ASCII-escaped: a name from the file cannot steer the terminal
        if not result.valid:
            raise typer.Exit(1)
        return

    if not result.valid:
        raise DataError(result.problems)

    from rich.text import Text

    from iopguide.ui.console import data_text, stdout_console

    directory = result.directory
    assert directory is not None
    count = len(directory.programs)
    line = Text.assemble(
        ("✓ ", "green"),
        data_text(shown),
        " is valid: ",
        data_text(directory.info.name, "bold"),
        f", {count} program{'s' if count != 1 else ''}",
        " (sample data)." if directory.info.sample else ".",
    )
    stdout_console().print(line)
