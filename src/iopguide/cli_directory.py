"""``iopguide directory validate`` and ``iopguide directory import``, registered on the app.

Kept apart so cli.py stays small; the use cases are in ``commands/directory.py``
and ``commands/importing.py``; the import sources (and their help) come from the
registry in ``directory/importers``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from iopguide.cli import app
from iopguide.cli_options import (
    DirectoryOption,
    ForceOption,
    FormatOption,
    JsonOption,
    LangOption,
    OutputOption,
    SampleOption,
    chosen_directory,
    emit,
)

directory_app = typer.Typer(
    help="Check a directory file, or import published listings into one.",
    no_args_is_help=True,
)
app.add_typer(directory_app, name="directory")


@directory_app.command("validate")
def directory_validate(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            help="The file to check; defaults to --directory, $IOPGUIDE_DIRECTORY "
            "or the built-in one."
        ),
    ] = None,
    directory: DirectoryOption = None,
    sample: SampleOption = False,
    fmt: FormatOption = None,
    json_output: JsonOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Check a directory file and report every problem at once."""
    from iopguide.commands.directory import run_validate

    report = run_validate(file or chosen_directory(ctx, directory, sample))
    emit(ctx, report, fmt, json=json_output, output=output, force=force)
    if not report.check.valid:  # the JSON report was printed; the status still says invalid
        raise typer.Exit(1)


def _source_help() -> str:
    """The importers' registry, read when typer builds ``directory import`` (not for --help)."""
    from iopguide.directory.importers import source_help

    return source_help()


@directory_app.command("import")
def directory_import(
    source: Annotated[
        str,
        typer.Argument(help=_source_help()),
    ],
    files: Annotated[
        list[Path], typer.Argument(help="The published files to read.", show_default=False)
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The directory file to write (.json or .yaml).")
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Turn published listings (SAMHSA National Directory, FindTreatment.gov) into a directory."""
    from iopguide.commands.importing import run_import

    run_import(source, files, output=output, force=force)
