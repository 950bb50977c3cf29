"""``iopguide compare`` and ``iopguide shortlist``, registered on the app from :mod:`iopguide.cli`.

Kept apart so cli.py stays small; the use cases are in ``commands/compare.py``
and ``commands/shortlist.py``.
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
    NoCacheOption,
    NotesOption,
    OutputOption,
    SampleOption,
    check_format,
    chosen_directory,
    chosen_notes,
    emit,
)

shortlist_app = typer.Typer(
    help="Keep a few program ids to compare later (saved only when you run these commands).",
    no_args_is_help=True,
)
app.add_typer(shortlist_app, name="shortlist")

FileOption = Annotated[
    Path | None,
    typer.Option(
        "--file",
        envvar="IOPGUIDE_SHORTLIST",
        help="The shortlist file (default: shortlist.yaml in your private data folder).",
        show_default=False,
    ),
]
IdsArgument = Annotated[
    list[str], typer.Argument(metavar="ID...", help="Program ids, as find shows them.")
]


@app.command()
def compare(
    ctx: typer.Context,
    program_ids: Annotated[
        list[str] | None,
        typer.Argument(metavar="[ID...]", help="Two or more program ids, as find shows them."),
    ] = None,
    shortlist: Annotated[
        bool, typer.Option("--shortlist", help="Compare the programs on your shortlist.")
    ] = False,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            help="Compare the shortlist in this file (implies --shortlist; also "
            "IOPGUIDE_SHORTLIST).",
            show_default=False,
        ),
    ] = None,
    zip_code: Annotated[
        str | None, typer.Option("--zip", "-z", help="Show miles from this 5-digit ZIP code.")
    ] = None,
    fmt: FormatOption = None,
    json_output: JsonOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
    directory: DirectoryOption = None,
    sample: SampleOption = False,
    no_cache: NoCacheOption = False,
    notes: NotesOption = None,
    lang: LangOption = None,
) -> None:
    """Compare programs side by side: levels, phones, payment, ages, telehealth, services."""
    from iopguide.commands.compare import run_compare

    report = run_compare(
        program_ids or [],
        shortlist=shortlist,
        shortlist_file=file,
        zip_code=zip_code,
        directory=chosen_directory(ctx, directory, sample),
        use_cache=not no_cache,
        notes=chosen_notes(ctx, notes, to_read=True),
    )
    emit(ctx, report, fmt, json=json_output, output=output, force=force)


@shortlist_app.command("add")
def shortlist_add(
    ctx: typer.Context,
    program_ids: IdsArgument,
    file: FileOption = None,
    fmt: FormatOption = None,
    json_output: JsonOption = False,
    directory: DirectoryOption = None,
    sample: SampleOption = False,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
) -> None:
    """Add programs to your shortlist (the directory must list them)."""
    from iopguide.commands.shortlist import run_add

    check_format("shortlist", fmt, json=json_output)
    report = run_add(
        program_ids,
        file=file,
        directory=chosen_directory(ctx, directory, sample),
        use_cache=not no_cache,
    )
    emit(ctx, report, fmt, json=json_output)


@shortlist_app.command("remove")
def shortlist_remove(
    ctx: typer.Context,
    program_ids: IdsArgument,
    file: FileOption = None,
    fmt: FormatOption = None,
    json_output: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Take programs off your shortlist."""
    from iopguide.commands.shortlist import run_remove

    check_format("shortlist", fmt, json=json_output)
    emit(ctx, run_remove(program_ids, file=file), fmt, json=json_output)


@shortlist_app.command("show")
def shortlist_show(
    ctx: typer.Context,
    file: FileOption = None,
    fmt: FormatOption = None,
    json_output: JsonOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """List the programs on your shortlist."""
    from iopguide.commands.shortlist import run_show

    emit(ctx, run_show(file=file), fmt, json=json_output, output=output, force=force)


@shortlist_app.command("clear")
def shortlist_clear(
    ctx: typer.Context,
    file: FileOption = None,
    fmt: FormatOption = None,
    json_output: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Empty your shortlist and remove its file."""
    from iopguide.commands.shortlist import run_clear

    check_format("shortlist", fmt, json=json_output)
    emit(ctx, run_clear(file=file), fmt, json=json_output)
