"""Asking the assessment questions in a terminal, with questionary.

One engine for ``iopguide assess`` and the guided flow:

* :class:`Asker` turns a :class:`~iopguide.assessment.questions.Question` into a
  questionary prompt (a list for one answer, checkboxes for ``concerns``), shows
  the progress and the "why we ask" line, and runs it with ``.unsafe_ask()``.
* :func:`run_prompt` is the ONE place where Ctrl-C / Ctrl-D become
  :class:`~iopguide.errors.Interrupted` (exit 130, "Stopped. Nothing was saved.").
  (questionary's plain ask method would swallow Ctrl-C and carry on to the next question.)
* :mod:`iopguide.ui.assessment_prompts` asks the whole questionnaire with it (stopping
  at once when the person is in danger) and lets them review and change any answer.

Only prompt when :func:`can_prompt` says so: questionary fed a piped empty line
silently picks the first choice. With ``IOPGUIDE_PLAIN=1`` or ``TERM=dumb`` the
questions are asked a line at a time instead (:mod:`iopguide.ui.line_prompts`:
numbered choices, no colour, no cursor movement, no bracketed paste), which
reads well with a screen reader; ``NO_COLOR`` is honoured by both rich and
prompt_toolkit.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from iopguide.assessment.answers import Value
from iopguide.assessment.questions import Question
from iopguide.errors import Interrupted
from iopguide.i18n import _

if TYPE_CHECKING:
    from prompt_toolkit.output import Output
    from rich.console import Console

#: Where the pointer starts on the danger question, so Enter, Enter never answers it.
NOTHING_CHOSEN = "__nothing_chosen__"
#: The emergency page's way back to the danger question.
ANSWERED_BY_MISTAKE = "__mistake__"


def can_prompt(*, prompts_on_stderr: bool = False) -> bool:
    """stdin and the stream the prompts are drawn on are terminals.

    That stream is stdout, or stderr when stdout carries something else (``--json``,
    perhaps redirected to a file). Otherwise nobody is there to answer, or they
    would not see the questions.
    """
    screen = sys.stderr if prompts_on_stderr else sys.stdout
    try:
        return bool(sys.stdin.isatty() and screen.isatty())
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


def plain_mode() -> bool:
    """``IOPGUIDE_PLAIN`` set to anything but empty or 0."""
    return os.environ.get("IOPGUIDE_PLAIN", "").strip() not in ("", "0")


def run_prompt(prompt: Any) -> Any:
    """Run a questionary prompt; Ctrl-C or Ctrl-D anywhere becomes Interrupted (exit 130)."""
    try:
        return prompt.unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        raise Interrupted() from None


class Asker:
    """Shows questions and collects answers. Pass *output* and *console* for stderr (--json)."""

    def __init__(
        self,
        console: Console | None = None,
        *,
        output: Output | None = None,
        plain: bool | None = None,
    ) -> None:
        if console is None:
            from iopguide.ui.console import stdout_console

            console = stdout_console()
        self.console = console
        self.output = output
        if plain is None:
            plain = getattr(console, "plain", None)
        if plain is None:
            from iopguide.ui.line_prompts import line_mode

            plain = line_mode()
        #: Plain: questions a line at a time, no styles (see :mod:`.line_prompts`).
        self.plain = plain

    # -- building prompts -------------------------------------------------

    def _common(self) -> dict[str, Any]:
        import questionary

        options: dict[str, Any] = {"qmark": "?"}
        if self.output is not None:
            options["output"] = self.output
        options["style"] = questionary.Style(
            [
                ("qmark", "fg:ansicyan bold"),
                ("question", "bold"),
                ("answer", "fg:ansicyan"),
                ("pointer", "fg:ansicyan bold"),
                ("highlighted", "fg:ansicyan"),
                ("selected", "fg:ansicyan"),
                ("instruction", "italic"),
            ]
        )
        return options

    def select(
        self,
        message: str,
        choices: Sequence[tuple[str, Any]],
        *,
        default: Any = None,
        instruction: str | None = None,
    ) -> Any:
        """Choose one of *choices* (title, value); returns the value."""
        if self.plain:
            from iopguide.ui import line_prompts

            return line_prompts.select(self.console, message, choices, default=default)
        import questionary

        items = [questionary.Choice(self._fit(title, 3), value=value) for title, value in choices]
        prompt = questionary.select(
            self._wrap(message),
            choices=items,
            default=default,
            instruction=instruction or _("(use the arrow keys, then Enter)"),
            **self._common(),
        )
        return run_prompt(_with_ctrl_d(prompt))

    def checkbox(
        self,
        message: str,
        choices: Sequence[tuple[str, Any]],
        *,
        checked: Sequence[Any] = (),
    ) -> list[Any]:
        """Choose one or more of *choices*; at least one is required."""
        if self.plain:
            from iopguide.ui import line_prompts

            return line_prompts.checkbox(self.console, message, choices, checked=checked)
        import questionary

        items = [
            questionary.Choice(self._fit(title, 5), value=value, checked=value in checked)
            for title, value in choices
        ]
        prompt = questionary.checkbox(
            self._wrap(message),
            choices=items,
            instruction=_("(Space to choose or unchoose, Enter when done)"),
            validate=lambda picked: (
                True
                if picked
                else _("Please choose at least one (Space to choose), or 'Something else'.")
            ),
            **self._common(),
        )
        return list(run_prompt(_with_ctrl_d(prompt)))

    def text(self, message: str, *, default: str = "", instruction: str | None = None) -> str:
        """A line of text (a ZIP code, a file name); *default* is typed in, ready to edit."""
        if self.plain:
            from iopguide.ui import line_prompts

            return line_prompts.text(
                self.console, message, default=default, instruction=instruction
            )
        import questionary

        options = self._common()
        asked = self._wrap(message)
        if instruction:  # on its own line: typed beside it, a narrow window redraws it twice
            asked += f"  {instruction}\n"
        prompt = questionary.text(asked, default=default, **options)
        return str(run_prompt(_with_ctrl_d(prompt)))

    def _wrap(self, message: str) -> str:
        """Wrap at word boundaries (prompt_toolkit would cut words), the hint on its own line."""
        import textwrap

        width = max(20, min(self.console.width, 100) - 3)  # "? " before the first line
        return textwrap.fill(message, width=width) + "\n"

    def _fit(self, title: str, indent: int) -> str:
        """A choice on as many lines as the window needs: prompt_toolkit would cut it off.

        *indent* is the width of what stands before a choice (" » ", or " » ○ ").
        """
        width = max(20, min(self.console.width, 100) - indent - 1)
        if len(title) <= width:
            return title
        import textwrap

        return ("\n" + " " * indent).join(textwrap.wrap(title, width))

    # -- questions ------------------------------------------------------------

    def say(self, renderable: Any = "") -> None:
        self.console.print(renderable)

    def show_header(self, question: Question, position: int, total: int) -> None:
        """The progress and the one-line "why we ask" above a question."""
        from rich.text import Text

        self.console.print()
        dim, why = ("", "") if self.plain else ("dim", "italic dim")
        self.console.print(
            Text(
                _("Question {position} of {total}").format(position=position, total=total),
                style=dim,
            )
        )
        self.console.print(Text(_("Why we ask: {why}").format(why=question.why), style=why))

    def ask(
        self, question: Question, *, position: int, total: int, current: Value | None = None
    ) -> Value:
        """Ask *question*; *current* (when changing an answer) is pre-selected."""
        self.show_header(question, position, total)
        choices = [(c.label, c.value) for c in question.choices]
        if question.id == "danger_now":
            return self._ask_danger(question, choices, current)
        if question.multiple:
            checked = current if isinstance(current, tuple) else ()
            picked = set(self.checkbox(question.prompt, choices, checked=checked))
            return tuple(v for v in question.values if v in picked)
        return str(self.select(question.prompt, choices, default=current))

    def _ask_danger(
        self, question: Question, choices: list[tuple[str, Any]], current: Value | None
    ) -> str:
        """The danger question starts with nothing chosen (or, when changing, the answer
        given): a stray Enter only asks again, never answers it."""
        start = current if current in ("yes", "no") else NOTHING_CHOSEN
        if self.plain:  # a line at a time: Enter alone asks again, so Yes stays 1 and No 2
            return str(self.select(question.prompt, choices, default=current))
        placeholder = (_("(Nothing chosen yet)"), NOTHING_CHOSEN)
        while True:
            picked = self.select(question.prompt, [placeholder, *choices], default=start)
            if picked != NOTHING_CHOSEN:
                return str(picked)
            from rich.text import Text

            self.console.print(
                Text(_("Please choose Yes or No."), style="" if self.plain else "bold")
            )

    def after_emergency(self) -> str:
        """After the emergency page: the lines again, "I answered this by mistake", or finish.

        Returns ``ANSWERED_BY_MISTAKE`` or ``"finish"``; the crisis lines stay on screen.
        """
        while True:
            self.console.print()
            picked = self.select(
                _("What would you like to do now?"),
                [
                    (_("Show the crisis lines again"), "lines"),
                    (_("I answered this by mistake"), ANSWERED_BY_MISTAKE),
                    (_("Finish"), "finish"),
                ],
            )
            if picked != "lines":
                return str(picked)
            from iopguide.ui.guide_view import render_crisis_lines

            render_crisis_lines(self.console)

    def pause(self, message: str | None = None) -> None:
        """Wait for Enter before more text scrolls the last screenful away."""
        self.text(_("Press Enter to read on") if message is None else message)


def ask_danger_now(asker: Asker) -> str:
    """The danger question alone (after a flagged check-in, or a mistaken "yes")."""
    from rich.text import Text

    from iopguide.assessment.questions import get_question

    question = get_question("danger_now")
    asker.console.print()
    asker.console.print(
        Text(_("Why we ask: {why}").format(why=question.why), style="" if asker.plain else "italic")
    )
    return asker._ask_danger(question, [(c.label, c.value) for c in question.choices], None)


def _with_ctrl_d(prompt: Any) -> Any:
    """Make Ctrl-D leave the prompt like Ctrl-C does (questionary binds only Ctrl-C)."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    bindings = KeyBindings()

    @bindings.add("c-d", eager=True)
    def _leave(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    app = prompt.application
    app.key_bindings = merge_key_bindings([app.key_bindings, bindings])
    return prompt


# ---------------------------------------------------------------------------
# The flow


def asker_for(*, prompts_on_stderr: bool) -> Asker:
    """The questions in the terminal; on stderr when stdout carries a result for scripts."""
    from iopguide.ui.console import stderr_console, stdout_console

    if prompts_on_stderr:
        from prompt_toolkit.output import create_output

        return Asker(stderr_console(), output=create_output(stdout=sys.stderr))
    return Asker(stdout_console())
