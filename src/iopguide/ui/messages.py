"""Error and notice messages on stderr, the same shape for every command."""

from __future__ import annotations

from rich.text import Text

from iopguide.errors import DataError, Interrupted, IopguideError
from iopguide.text import clean
from iopguide.ui.console import stderr_console

#: Show at most this many problems on a terminal; JSON output always has them all.
MAX_PROBLEMS_SHOWN = 50


def show_error(err: IopguideError) -> None:
    console = stderr_console()
    if isinstance(err, Interrupted):  # Ctrl-C at a prompt: one calm line, not an error
        console.print(Text("\n" + err.message))
        return
    console.print(Text.assemble(("Error: ", "bold red"), clean(err.message, single_line=False)))
    if isinstance(err, DataError):
        for problem in err.problems[:MAX_PROBLEMS_SHOWN]:
            console.print(
                Text.assemble(
                    "  ", (clean(problem.location()), "bold"), ": ", clean(problem.message)
                )
            )
            if problem.hint:
                console.print(Text("    " + clean(problem.hint), style="cyan"))
        hidden = len(err.problems) - MAX_PROBLEMS_SHOWN
        if hidden > 0:
            console.print(Text(f"  ... and {hidden} more (use --json to list them all)."))
    if err.hint:
        console.print(Text(clean(err.hint, single_line=False), style="cyan"))


def notice(message: str, style: str = "dim") -> None:
    """A line for people on stderr, so stdout stays clean for pipes and JSON."""
    stderr_console().print(Text(message, style=style))
