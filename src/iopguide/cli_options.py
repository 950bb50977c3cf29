"""The options several commands share, and the one place that reads them back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from iopguide.app.environment import Environment

DirectoryOption = Annotated[
    Path | None,
    typer.Option(
        "--directory",
        "-d",
        envvar="IOPGUIDE_DIRECTORY",
        help="A directory file (YAML, JSON, or compressed .json.xz) to use instead of the "
        "built-in SAMHSA National Directory; 'sample' means the fictional sample directory.",
        show_default=False,
    ),
]
SampleOption = Annotated[
    bool,
    typer.Option(
        "--sample", help="Use the fictional sample directory (for demos and tests), not real data."
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache", help="Read the directory file afresh; do not use or write the cache."
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print one JSON object on stdout, for scripts.")
]
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="How to show the result: terminal (the default), json, markdown, or html "
        "(a page to print or keep).",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the result to this file instead of the screen (never replacing one).",
        show_default=False,
    ),
]


def _choose_language(value: str | None) -> str | None:
    """``--lang``: speak the language asked for from here on, or say which ones exist."""
    if value is None:
        return None
    from iopguide import i18n

    code = i18n.normalise(value)
    if code is None:
        from iopguide.i18n import _

        raise typer.BadParameter(
            _("iopguide speaks {languages}, not {given!r}.").format(
                languages=", ".join(i18n.LANGUAGES), given=value
            )
        )
    i18n.set_language(code)
    return code


LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="The language to speak: en (English) or es (Español). "
        "Also IOPGUIDE_LANG, or a locale such as LANG=es_US.UTF-8.",
        callback=_choose_language,
        is_eager=True,
        show_default=False,
    ),
]
NotesOption = Annotated[
    Path | None,
    typer.Option(
        "--notes",
        help="Your notes file over the listings (also IOPGUIDE_NOTES): what you learned "
        "that the directory does not say. See 'iopguide notes'.",
        show_default=False,
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="With --output: replace the file if it exists.")
]


def environment(ctx: typer.Context) -> Environment:
    """The run's one Environment (made by the root command; made here when called alone)."""
    from iopguide.app.environment import Environment

    obj = ctx.find_root().ensure_object(dict)
    found = obj.get("env")
    if found is None:
        found = obj["env"] = Environment.from_process()
    return found


def emit(
    ctx: typer.Context,
    result: object,
    fmt: str | None,
    *,
    json: bool = False,
    markdown: bool = False,
    output: Path | None = None,
    force: bool = False,
) -> None:
    """Show *result* in the format asked for, on stdout or in the ``--output`` file."""
    from iopguide import render

    render.emit(
        result,
        environment(ctx),
        render.choose(fmt, json=json, markdown=markdown),
        output=output,
        force=force,
    )


def check_format(kind: str, fmt: str | None, *, json: bool = False) -> None:
    """Before a command changes a file: a usage error if its result cannot be shown as asked."""
    from iopguide import render

    render.check_can_show(render.choose(fmt, json=json), kind)


def shower(
    ctx: typer.Context,
    fmt: str | None,
    *,
    json: bool = False,
    output: Path | None = None,
    force: bool = False,
) -> tuple[Callable[[Any], None], bool]:
    """For a questionnaire: how to show its result, and whether the person's terminal is
    where it goes (the terminal format on stdout, so questions may be asked there too)."""
    from iopguide import render

    chosen = render.choose(fmt, json=json)
    render.get(chosen)  # an unknown format is refused before the first question

    def show(result: Any) -> None:
        emit(ctx, result, chosen, output=output, force=force)

    return show, chosen == render.DEFAULT and output is None


def chosen_directory(ctx: typer.Context, given: Path | None, sample: bool = False) -> Path | None:
    """The directory a command should use: what the person typed wins over the environment.

    ``--directory`` may come after the command, before it, or from
    IOPGUIDE_DIRECTORY (which both options read); one typed on the command line,
    wherever it stands, beats the variable. ``--sample`` (before or after the
    command) means the fictional sample directory.
    """
    from iopguide.directory.national import SAMPLE_NAME

    root = ctx.find_root()
    if sample or (root.obj or {}).get("sample"):
        return Path(SAMPLE_NAME)
    before = (root.obj or {}).get("directory")

    def typed(context: typer.Context) -> bool:
        source = context.get_parameter_source("directory")
        return source is not None and source.name == "COMMANDLINE"

    if given is not None and typed(ctx):
        return given
    if before is not None and typed(root):
        return before
    return given if given is not None else before


def chosen_notes(
    ctx: typer.Context, given: Path | None = None, *, to_read: bool = False
) -> Path | None:
    """The notes file: ``--notes`` after the command, else before it, else ``$IOPGUIDE_NOTES``.

    *to_read*: for commands that only apply notes (see ``directory.notes.notes_path``).
    """
    from iopguide.directory.notes import notes_path

    before = (ctx.find_root().obj or {}).get("notes")
    return notes_path(given if given is not None else before, to_read=to_read)
