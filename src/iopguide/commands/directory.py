"""``iopguide directory validate``: check a directory file and report every problem."""

from __future__ import annotations

from pathlib import Path

from iopguide.app.results import ValidationReport


def run_validate(path: Path | None) -> ValidationReport:
    """Check *path* (None: the built-in directory).

    Valid: the terminal format prints one confirmation line on stdout, exit 0.
    Invalid: every problem on stderr (through DataError and ``show_error``),
    exit 1. The JSON format prints one object on stdout either way, and the
    command still exits 1 when the file is invalid. A missing file is a
    UsageError (exit 2) in every format.
    """
    from iopguide.directory.load import builtin_directory_path, check_directory, resolve_directory

    check = check_directory(path)
    resolved = resolve_directory(path)
    shown = str(resolved) if resolved is not None else str(builtin_directory_path())
    return ValidationReport(check, shown, path is None)
