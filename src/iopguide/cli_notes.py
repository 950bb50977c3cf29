"""``iopguide notes ...``: the command line of your notes over the listings (a typer sub-app)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from iopguide.cli_options import (
    DirectoryOption,
    ForceOption,
    FormatOption,
    JsonOption,
    LangOption,
    NotesOption,
    OutputOption,
    SampleOption,
    check_format,
    chosen_directory,
    chosen_notes,
    emit,
)

notes_app = typer.Typer(
    help="Your own notes over the listings (a clinic's evening IOP, a wait, a closure), "
    "kept offline in a file of yours: --notes FILE or IOPGUIDE_NOTES.",
    no_args_is_help=True,
)

IdArgument = Annotated[str, typer.Argument(metavar="ID", help="A program id, as find shows it.")]


def _split(values: list[str] | None) -> list[str]:
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


@notes_app.command("add")
def notes_add(
    ctx: typer.Context,
    program_id: IdArgument,
    runs_iop: Annotated[
        str | None, typer.Option("--runs-iop", help="yes or no: does it run an IOP?")
    ] = None,
    schedule: Annotated[
        list[str] | None,
        typer.Option(
            "--schedule",
            help="When its groups meet: morning, afternoon, evening, "
            "weekend (repeatable or comma-separated).",
        ),
    ] = None,
    phone: Annotated[str | None, typer.Option("--phone", help="The number that works.")] = None,
    wait: Annotated[
        str | None, typer.Option("--wait", help="How long the wait is, e.g. 'about 2 weeks'.")
    ] = None,
    plan: Annotated[
        list[str] | None, typer.Option("--plan", help="A named plan it takes (repeatable).")
    ] = None,
    closed: Annotated[
        bool | None,
        typer.Option(
            "--closed/--open",
            help="--closed: closed or not to refer to (left out of searches); --open undoes it.",
            show_default=False,
        ),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Anything else, in a line.")] = None,
    learned_on: Annotated[
        str | None,
        typer.Option(
            "--learned-on",
            help="When you learned it, YYYY-MM-DD (default today).",
            show_default=False,
        ),
    ] = None,
    notes: NotesOption = None,
    directory: DirectoryOption = None,
    sample: SampleOption = False,
    fmt: FormatOption = None,
    json_output: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Add or update your note on one program (other notes in the file are kept)."""
    from iopguide.commands.notes import run_notes_add

    given: dict[str, object] = {}
    for name, value in (
        ("runs_iop", runs_iop),
        ("phone", phone),
        ("wait", wait),
        ("closed", closed),
        ("note", note),
        ("learned_on", learned_on),
    ):
        if value is not None:
            given[name] = value
    if schedule is not None:
        given["schedule"] = _split(schedule)
    if plan is not None:
        given["plans"] = [p.strip() for p in plan if p.strip()]
    check_format("notes", fmt, json=json_output)
    report = run_notes_add(
        program_id,
        given,
        notes=chosen_notes(ctx, notes),
        directory=chosen_directory(ctx, directory, sample),
    )
    emit(ctx, report, fmt, json=json_output)


@notes_app.command("show")
def notes_show(
    ctx: typer.Context,
    program_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="One program's note; leave out for all.")
    ] = None,
    notes: NotesOption = None,
    directory: DirectoryOption = None,
    sample: SampleOption = False,
    fmt: FormatOption = None,
    json_output: JsonOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Show your notes (with each program's name from the directory)."""
    from iopguide.commands.notes import run_notes_show

    report = run_notes_show(
        program_id,
        notes=chosen_notes(ctx, notes),
        directory=chosen_directory(ctx, directory, sample),
    )
    emit(ctx, report, fmt, json=json_output, output=output, force=force)


@notes_app.command("check")
def notes_check(
    ctx: typer.Context,
    notes: NotesOption = None,
    directory: DirectoryOption = None,
    sample: SampleOption = False,
    fmt: FormatOption = None,
    json_output: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Check your notes file, and that every id in it is in the directory."""
    from iopguide.commands.notes import run_notes_check

    report = run_notes_check(
        notes=chosen_notes(ctx, notes), directory=chosen_directory(ctx, directory, sample)
    )
    emit(ctx, report, fmt, json=json_output)
    if report.problems:  # the JSON report was printed; the status still says so
        raise typer.Exit(1)


@notes_app.command("export")
def notes_export(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The file to write, for a colleague.")],
    notes: NotesOption = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    fmt: FormatOption = None,
    json_output: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Write your notes to FILE to share (never replacing a file unless --force)."""
    from iopguide.commands.notes import run_notes_export

    check_format("notes", fmt, json=json_output)
    report = run_notes_export(file, notes=chosen_notes(ctx, notes), force=force)
    emit(ctx, report, fmt, json=json_output)


@notes_app.command("import")
def notes_import(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A colleague's or team's notes file.")],
    notes: NotesOption = None,
    fmt: FormatOption = None,
    json_output: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Merge a team's notes into yours: for each program, the note learned later wins."""
    from iopguide.commands.notes import run_notes_import

    check_format("notes", fmt, json=json_output)
    report = run_notes_import(file, notes=chosen_notes(ctx, notes))
    emit(ctx, report, fmt, json=json_output)
