"""The console-script entry point, with a fast path around typer for common commands.

``iopguide --version`` and the plainest ``find`` and ``show`` command lines answer before
typer is imported: typer and click alone cost about three interpreter starts
(measured in bench/, see docs/performance.md). The fast path understands only
a strict subset of ``find``'s options, each as ``--option value`` with a value
that cannot be mistaken for an option; anything else (``--help``, ``=``, short
flags bundled, $IOPGUIDE_DIRECTORY, ``--notes``, $IOPGUIDE_NOTES,
a radius typer would read differently ...) goes to the full command line, which
explains it.
tests/test_fast_path.py runs a broad set of queries both ways and compares the bytes.

``--version`` imports nothing but this module and ``sys``: ``typing`` is for type checkers
only, and the number patterns go through ``re``'s own cache when a ``find`` line needs them
(pip's console-script wrapper has imported ``re`` already).
"""

from __future__ import annotations

import sys

from iopguide import __version__

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from typing import Any

#: ``find``'s options besides its filters' (filter_table.FILTERS gives those): (parameter, kind).
_FIND_OTHER_OPTIONS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("--limit", "-n"), ("limit", "count")),
    **dict.fromkeys(("--directory", "-d"), ("directory", "text")),
    "--json": ("json_output", "flag"),
    "--no-cache": ("no_cache", "flag"),
    "--sample": ("sample", "flag"),
}
#: ``show``'s flags the fast path takes (after the id).
_SHOW_FLAGS = {"--json": "json_output", "--no-cache": "no_cache", "--sample": "sample"}
#: Numbers both readers take the same way: no sign, exponent, inf/nan or spaces.
_MILES = r"[0-9]{1,6}(\.[0-9]{1,6})?"
_COUNT = r"[0-9]{1,9}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if args in (["--version"], ["-V"]):
        print(f"iopguide {__version__}")
        return 0
    from iopguide import i18n

    i18n.set_language(i18n.from_environment())  # --lang, read by the CLI, may change it
    options = find_options(args)
    if options is not None:
        return _fast(_find_report, options)
    options = show_options(args)
    if options is not None:
        return _fast(_show_report, options)
    from iopguide.cli import run

    return run(args)


def _environment_decides() -> bool:
    """$IOPGUIDE_DIRECTORY or $IOPGUIDE_NOTES is set: the full command line reads them
    (and says what is wrong with them)."""
    import os

    return any(
        os.environ.get(name) is not None for name in ("IOPGUIDE_DIRECTORY", "IOPGUIDE_NOTES")
    )


def show_options(args: list[str]) -> dict[str, Any] | None:
    """The options of a plain ``show ID [--json] [--sample] [--no-cache]`` line, else None."""
    if len(args) < 2 or args[0] != "show" or _environment_decides():
        return None
    program_id = args[1]
    if program_id.startswith("-") or not program_id.isprintable():
        return None
    found: dict[str, Any] = {"program_id": program_id}
    for arg in args[2:]:
        name = _SHOW_FLAGS.get(arg)
        if name is None:
            return None
        found[name] = True
    return found


def find_options(args: list[str]) -> dict[str, Any] | None:
    """``run_find``'s keyword arguments for a plain ``find`` command line, else None."""
    if not args or args[0] != "find" or _environment_decides():
        return None
    import re

    from iopguide.directory.filter_table import FILTERS

    spellings = {
        flag: (option.param, option.kind)
        for spec in FILTERS
        for option in spec.options
        for flag in option.flags
    }
    spellings.update(_FIND_OTHER_OPTIONS)
    found: dict[str, Any] = {"limit": 20}
    rest = iter(args[1:])
    for arg in rest:
        spec = spellings.get(arg)
        if spec is None:
            return None
        name, kind = spec
        if kind == "flag":
            found[name] = True
            continue
        value = next(rest, None)
        if not value or value.startswith("-") or not value.isprintable():
            return None
        if kind == "list":
            found.setdefault(name, []).append(value)
        elif kind == "text":
            found[name] = value
        elif kind == "miles" and re.fullmatch(_MILES, value):
            found[name] = float(value)
        elif kind == "count" and re.fullmatch(_COUNT, value):
            found[name] = int(value)
        else:
            return None
    return found


def _find_report(options: dict[str, Any]) -> Any:
    from iopguide.commands.find import run_find
    from iopguide.directory.filter_table import PARAMS

    return run_find(
        **{name: value for name, value in options.items() if name in PARAMS},
        limit=options["limit"],
        directory=_directory(options),
        use_cache=not options.get("no_cache", False),
    )


def _show_report(options: dict[str, Any]) -> Any:
    from iopguide.commands.find import run_show

    return run_show(
        options["program_id"],
        directory=_directory(options),
        use_cache=not options.get("no_cache", False),
    )


def _directory(options: dict[str, Any]) -> str | None:
    """The directory chosen as ``cli_options.chosen_directory`` chooses: --sample wins."""
    if not options.get("sample") and options.get("directory") is None:
        return None
    from iopguide.directory.national import SAMPLE_NAME

    return SAMPLE_NAME if options.get("sample") else path_text(options["directory"])


def path_text(text: str) -> str:
    """*text* as ``str(PurePosixPath(text))`` spells it (what typer's Path gives the full
    command line), without importing pathlib: no ``.`` parts, repeated or trailing ``/``."""
    root = "//" if text.startswith("//") and not text.startswith("///") else "/" * (text[:1] == "/")
    parts = [part for part in text.split("/") if part and part != "."]
    return root + "/".join(parts) if root or parts else "."


def _fast(report: Any, options: dict[str, Any]) -> int:
    """Run a use case and show its result as the full command line would, every way out alike."""
    from iopguide.ui.streams import make_streams_safe, stand_in_for_closed_streams

    stand_in_for_closed_streams()
    make_streams_safe()
    try:
        from iopguide import render
        from iopguide.app.environment import Environment

        env = Environment.from_process()
        result = report(options)
        render.emit(result, env, "json" if options.get("json_output") else render.DEFAULT)
    except BaseException as err:
        from iopguide.cli import outcome

        if isinstance(err, EOFError):
            print(file=sys.stderr)  # as typer does before it aborts

        return outcome(err)
    return 0
