"""Error and notice messages on stderr, the same shape for every command."""

from __future__ import annotations

from rich.padding import Padding
from rich.text import Text

from iopguide.errors import DataError, Interrupted, IopguideError
from iopguide.i18n import _, ngettext
from iopguide.text import clean
from iopguide.ui.console import stderr_console

#: Show at most this many problems on a terminal; JSON output always has them all.
MAX_PROBLEMS_SHOWN = 50


def show_error(err: IopguideError) -> None:
    console = stderr_console()
    if isinstance(err, Interrupted):  # Ctrl-C at a prompt: one calm line, not an error
        console.print(Text("\n" + err.message))
        return
    console.print(
        Text.assemble((_("Error:") + " ", "bold red"), clean(err.message, single_line=False))
    )
    if isinstance(err, DataError):
        for problem in err.problems[:MAX_PROBLEMS_SHOWN]:
            # Location on its own line, message and hint indented under it, so each
            # problem stays one readable block when a narrow window wraps it.
            console.print(Padding(Text(clean(problem.location()), style="bold"), (0, 0, 0, 2)))
            console.print(Padding(Text(clean(problem.message)), (0, 0, 0, 4)))
            if problem.hint:
                console.print(Padding(Text(clean(problem.hint), style="cyan"), (0, 0, 0, 4)))
        hidden = len(err.problems) - MAX_PROBLEMS_SHOWN
        if hidden > 0:
            more = ngettext(
                "... and {count} more (use --json to list them all).",
                "... and {count} more (use --json to list them all).",
                hidden,
            ).format(count=hidden)
            console.print(Text("  " + more))
    if err.hint:
        console.print(Text(clean(err.hint, single_line=False), style="cyan"))


def notice(message: str, style: str = "dim") -> None:
    """A line for people on stderr, so stdout stays clean for pipes and JSON."""
    stderr_console().print(Text(message, style=style))
