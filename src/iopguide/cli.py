"""The command line: parse arguments, call the core, hand the result to a view.

Nothing here knows how a directory is read or how an answer becomes a level of
care. Heavy modules (rich, questionary, yaml) are imported inside the commands
that need them, so ``--help`` stays quick.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from iopguide import __version__
from iopguide.cli_notes import notes_app
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
    chosen_directory,
    chosen_notes,
    emit,
    shower,
)
from iopguide.cli_tree import LazyGroup
from iopguide.directory import DEFAULT_RADIUS_MILES
from iopguide.exit_codes import ExitCode

HELP = (
    "A calm guide to Intensive Outpatient Programs (IOPs): is an IOP the right level of "
    "care, what does it involve, and where can I find one?\n\n"
    "Run iopguide with no command for the guided flow. In crisis? Call or text 988. "
    "In danger now? Call 911."
)

app = typer.Typer(
    name="iopguide",
    cls=LazyGroup,
    help=HELP,
    add_completion=False,
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(notes_app, name="notes")


def _version(value: bool) -> None:
    if value:
        print(f"iopguide {__version__}")
        raise typer.Exit()


def _option(param: str, **settings: Any) -> Any:
    """``find``'s option for the filter table's option *param*: its flags and help.

    Called when typer builds ``find`` (the annotations are read then, not at import).
    """
    from iopguide.directory.filter_table import FIND_OPTIONS

    option = FIND_OPTIONS[param]
    return typer.Option(*option.flags, help=option.help, **settings)


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    directory: DirectoryOption = None,
    sample: SampleOption = False,
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    lang: LangOption = None,
    notes: NotesOption = None,
) -> None:
    """Start the guided flow when no command is given."""
    if ctx.invoked_subcommand is not None:
        # `iopguide --directory FILE find ...` means the same as `find --directory FILE`.
        ctx.ensure_object(dict).update(directory=directory, sample=sample, notes=notes)
        return
    from iopguide.commands.guide import run_guide
    from iopguide.directory.national import SAMPLE_NAME

    run_guide(
        directory=Path(SAMPLE_NAME) if sample else directory,
        notes=chosen_notes(ctx, notes, to_read=True),
    )


@app.command()
def find(
    ctx: typer.Context,
    conditions: Annotated[list[str] | None, _option("conditions")] = None,
    insurance: Annotated[list[str] | None, _option("insurance")] = None,
    zip_code: Annotated[str | None, _option("zip_code")] = None,
    radius: Annotated[float, _option("radius", min=0)] = DEFAULT_RADIUS_MILES,
    states: Annotated[list[str] | None, _option("states")] = None,
    cities: Annotated[list[str] | None, _option("cities")] = None,
    levels: Annotated[list[str] | None, _option("levels")] = None,
    telehealth: Annotated[bool, _option("telehealth")] = False,
    age_groups: Annotated[list[str] | None, _option("age_groups")] = None,
    languages: Annotated[list[str] | None, _option("languages")] = None,
    schedules: Annotated[list[str] | None, _option("schedules")] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=0, help="How many to show; 0 shows all.")
    ] = 20,
    fmt: FormatOption = None,
    json_output: JsonOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
    directory: DirectoryOption = None,
    sample: SampleOption = False,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
    notes: NotesOption = None,
) -> None:
    """Find programs by condition, location and insurance.

    Several values for one filter match any of them (--condition depression,anxiety);
    different filters must all match.
    """
    arguments = locals()  # the parameters above, named as the filter table's options
    from iopguide.commands.find import run_find
    from iopguide.directory.filter_table import PARAMS

    report = run_find(
        **{name: arguments[name] for name in PARAMS},
        limit=limit,
        directory=chosen_directory(ctx, directory, sample),
        use_cache=not no_cache,
        notes=chosen_notes(ctx, notes, to_read=True),
    )
    emit(ctx, report, fmt, json=json_output, output=output, force=force)


@app.command()
def show(
    ctx: typer.Context,
    program_id: Annotated[
        str, typer.Argument(metavar="ID", help="A program id, as find shows it.")
    ],
    fmt: FormatOption = None,
    json_output: JsonOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
    directory: DirectoryOption = None,
    sample: SampleOption = False,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
    notes: NotesOption = None,
) -> None:
    """Show everything the directory says about one program, and your note on it."""
    from iopguide.commands.find import run_show

    shown = run_show(
        program_id,
        directory=chosen_directory(ctx, directory, sample),
        use_cache=not no_cache,
        notes=chosen_notes(ctx, notes, to_read=True),
    )
    emit(ctx, shown, fmt, json=json_output, output=output, force=force)


@app.command()
def assess(
    ctx: typer.Context,
    answers: Annotated[
        str | None,
        typer.Option(
            "--answers",
            help="A YAML or JSON file of answers ('-' reads stdin).",
            show_default=False,
        ),
    ] = None,
    answer: Annotated[
        list[str] | None,
        typer.Option("--answer", help="One answer as id=value (repeatable; overrides --answers)."),
    ] = None,
    fmt: FormatOption = None,
    json_output: JsonOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Is an IOP right for me? Answer a few questions and get a level of care with reasons."""
    from iopguide.commands.assess import run_assess

    show, on_screen = shower(ctx, fmt, json=json_output, output=output, force=force)
    run_assess(answers_file=answers, answer_flags=answer or [], show=show, on_screen=on_screen)


@app.command()
def screen(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(help="phq9, gad7 or auditc; leave out to list them.")
    ] = None,
    answers: Annotated[
        str | None,
        typer.Option(
            "--answers",
            help="A YAML or JSON file of answers, e.g. phq9_1: 2 ('-' reads stdin).",
            show_default=False,
        ),
    ] = None,
    answer: Annotated[
        list[str] | None,
        typer.Option("--answer", help="One answer as item=points, e.g. 1=2 (repeatable)."),
    ] = None,
    fmt: FormatOption = None,
    json_output: JsonOption = False,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Standard check-ins (PHQ-9, GAD-7, AUDIT-C): a score to bring to your clinician."""
    from iopguide.commands.screen import run_screen

    show, on_screen = shower(ctx, fmt, json=json_output, output=output, force=force)
    run_screen(
        name, answers_file=answers, answer_flags=answer or [], show=show, on_screen=on_screen
    )


@app.command()
def learn(
    ctx: typer.Context,
    topic: Annotated[str | None, typer.Argument(help="A topic; leave out to list them.")] = None,
    fmt: FormatOption = None,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print the topic as Markdown.")
    ] = False,
    output: OutputOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Read about IOPs: what they are, what happens there, levels of care, paying, crisis help."""
    from iopguide.commands.learn import run_learn

    emit(ctx, run_learn(topic), fmt, markdown=markdown, output=output, force=force)


def run(args: list[str]) -> int:
    """Run the app; turn every way out into a calm message and a documented exit status."""
    from iopguide.ui.streams import make_streams_safe, stand_in_for_closed_streams

    stand_in_for_closed_streams()
    make_streams_safe()
    from iopguide.app.environment import Environment

    try:
        env = Environment.from_process()  # the one environment of this run
        result = _command(args)(
            args=args, prog_name="iopguide", standalone_mode=False, obj={"env": env}
        )
    except BaseException as err:
        return outcome(err)
    if result == ExitCode.INTERRUPTED:  # typer turns Ctrl-C inside a command into Exit(130)
        return _interrupted()
    return int(result) if isinstance(result, int) else int(ExitCode.OK)


def _command(args: list[str]) -> typer.core.TyperCommand | typer.core.TyperGroup:
    """The click command tree of the app, its help in the language the line asks for.

    Sub-commands are built when used (:mod:`iopguide.cli_tree`); a line that asks for
    help gets typer's formatter without the rich modules help never uses
    (:mod:`iopguide.cli_rich`).
    """
    from iopguide import cli_help, cli_tree, i18n

    if "--help" in args or "-h" in args:
        from iopguide.cli_rich import import_help_formatter

        import_help_formatter()
    asked = i18n.normalise(cli_help.language_asked(args))
    if asked:
        i18n.set_language(asked)  # before parsing: --help may come before --lang
    translate = i18n.current() != i18n.DEFAULT
    return cli_tree.build(app, cli_help.translate if translate else lambda command: None)


def outcome(failure: BaseException) -> int:
    """The calm message and exit status for a command that raised *failure*.

    Shared with :mod:`iopguide.entry`'s fast path, so both end every way alike.
    What it needs is imported here: a run that ends well (``--help``) never needs it.
    """
    from iopguide.cli_failures import failed, silence_stdout, usage_errors
    from iopguide.errors import IopguideError

    try:
        raise failure
    except IopguideError as err:
        from iopguide.ui.messages import show_error

        show_error(err)
        return int(err.exit_code)
    except (typer.Abort, KeyboardInterrupt, EOFError):
        return _interrupted()
    except usage_errors() as err:  # click's usage errors: bad flag, missing value
        show = getattr(err, "show", None)
        if show is not None:
            show()
        else:
            print(f"Error: {err.format_message()}", file=sys.stderr)
        return int(getattr(err, "exit_code", ExitCode.USAGE))
    except BrokenPipeError:
        silence_stdout()
        return int(ExitCode.OK)
    except SystemExit as exit_:
        # click ends a closed pipe (`iopguide --help | head -c1`) with exit 1; it is
        # a reader that stopped reading, which `find | head` already treats as fine.
        cause = exit_.__context__
        if isinstance(cause, OSError) and cause.errno == errno.EPIPE:
            silence_stdout()
            return int(ExitCode.OK)
        raise
    except Exception as err:
        if _debug():
            raise
        return failed(err)


def _debug() -> bool:
    """IOPGUIDE_DEBUG=1 shows tracebacks; unset, empty, 0, no, false or off means off."""
    setting = os.environ.get("IOPGUIDE_DEBUG", "").strip().lower()
    return setting not in ("", "0", "no", "false", "off")


def _interrupted() -> int:
    print("\nStopped. Nothing was saved.", file=sys.stderr)
    return int(ExitCode.INTERRUPTED)


# `compare`, `shortlist` and `directory` live in their own modules, registered on `app`
# when they are imported.
from iopguide import cli_compare, cli_directory  # noqa: E402, F401
