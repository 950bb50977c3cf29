"""``iopguide`` with no command: the guided flow, for a person at home or a counselor live.

Welcome -> the nine questions (review and change) -> an offer of the standard
check-ins that fit the person's concerns (PHQ-9, GAD-7, AUDIT-C; skippable) ->
the result, headline first and paged so it stays on screen -> an offer to
read more -> an offer to find programs (level and concerns carried over; who the
care is for, the ZIP or else the state, and how they would pay are asked; see
:mod:`.guide_search`) -> an offer to save a summary (a page to print, or Markdown)
-> a calm close, with "Start again for someone else" for counselors.

When the person says they are in danger the result is the emergency page, and
the flow offers nothing but the crisis lines again, "I answered this by
mistake" (back to that question, the lines still on screen) or finishing.

Everything one person tells us lives in one :class:`_Session`, created afresh
for each run and dropped afterwards; nothing is cached at module level. Every
prompt goes through :class:`iopguide.ui.prompts.Asker`, so Ctrl-C or Ctrl-D
anywhere is one calm line and exit 130. Without a terminal nothing is asked:
a short usage on stderr and exit 2.
"""

from __future__ import annotations

import datetime as _dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from iopguide.commands.guide_find import Finding
from iopguide.errors import Interrupted, IopguideError
from iopguide.exit_codes import ExitCode
from iopguide.i18n import LANGUAGES, _, current, set_language

if TYPE_CHECKING:
    from iopguide.assessment.answers import Answers
    from iopguide.assessment.rules import Assessment
    from iopguide.assessment.screening import ScreenResult
    from iopguide.directory.model import Directory
    from iopguide.ui.prompts import Asker
    from iopguide.ui.summary_markdown import ProgramSearch, ShownProgram

_DONE = "__done__"


class StoppedAfterSaving(Interrupted):
    """Ctrl-C after a summary was written: say where it is, not that nothing was saved."""

    def __init__(self, path: str) -> None:
        from iopguide.text import clean

        IopguideError.__init__(
            self,
            _("Stopped. Your summary is saved in {path}; nothing else was saved.").format(
                path=clean(path)
            ),
        )


def run_guide(*, directory: Path | None, notes: Path | None = None) -> None:
    """The guided flow; raises typer.Exit(2) without a terminal, Interrupted on Ctrl-C."""
    from iopguide.ui.prompts import can_prompt

    if not can_prompt():
        from iopguide.ui.guide_view import usage

        sys.stderr.write(usage() + "\n")
        sys.stderr.flush()
        import typer

        raise typer.Exit(int(ExitCode.USAGE))

    language = current()  # each new person starts in the language the guide was started in
    while True:
        set_language(language)
        session = _Session(directory=directory, notes=notes)
        try:
            again = session.run()
        except (Interrupted, KeyboardInterrupt):
            if session.saved_to is not None:
                raise StoppedAfterSaving(str(session.saved_to)) from None
            raise Interrupted() from None
        del session  # the next person starts with nothing from this one
        if not again:
            return
        _clear_screen()


def _clear_screen() -> None:
    """Clear the window and, where the terminal allows, its scrollback (the last client's)."""
    from iopguide.ui.console import stdout_console

    console = stdout_console()
    console.clear()
    if console.is_terminal:
        console.file.write("\x1b[3J")  # xterm "erase saved lines"; ignored where unknown
        console.file.flush()


def _other_language() -> tuple[str, str]:
    """The first screen's way into the other language, written in that language."""
    if current() == "es":
        return ("English (see the guide in English)", "en")
    return ("Español (ver la guía en español)", "es")


def _today() -> _dt.date:
    return _dt.date.today()


class _Session(Finding):
    """One person's run through the guide. Nothing outlives it unless they save it."""

    def __init__(self, *, directory: Path | None, notes: Path | None = None) -> None:
        from iopguide.ui.console import stdout_console
        from iopguide.ui.prompts import Asker

        self.directory = directory
        self.notes = notes  # your notes file (--notes, IOPGUIDE_NOTES), or None
        self.asker: Asker = Asker(stdout_console())
        self.console = self.asker.console
        self.assessment: Assessment | None = None
        self.searches: list[ProgramSearch] = []
        #: Programmes the person marked while browsing; kept only for this person's summary.
        self.shortlist: list[ShownProgram] = []
        self.saved_to: Path | None = None
        self._loaded: Directory | None = None

    # -- prompts: a blank line above each, so a question never sticks to the text before it

    def _select(self, message: str, choices: list[tuple[str, str]]) -> str:
        self.console.print()
        return str(self.asker.select(message, choices))

    def _text(self, message: str, *, default: str = "", instruction: str | None = None) -> str:
        self.console.print()
        return self.asker.text(message, default=default, instruction=instruction)

    # -- the flow -----------------------------------------------------------------

    def run(self) -> bool:
        """Go through the guide; True when a counselor asks to start again for someone else."""
        from iopguide.assessment.answers import Answers
        from iopguide.assessment.rules import assess
        from iopguide.ui import guide_view
        from iopguide.ui.assessment_prompts import ask_assessment
        from iopguide.ui.assessment_view import render_assessment
        from iopguide.ui.prompts import ANSWERED_BY_MISTAKE

        while True:
            guide_view.render_welcome(self.console)
            start = self._select(
                _("Ready to begin?"),
                [(_("Start the questions"), "start"), (_("Not now"), "quit"), _other_language()],
            )
            if start not in LANGUAGES:
                break
            set_language(start)  # the person chose the other language: say it all again in it
            _clear_screen()
        if start == "quit":
            guide_view.render_not_now(self.console)
            return False

        answers = ask_assessment(asker=self.asker)
        checkins: list = []
        while True:
            if not answers.in_danger:
                found = self._offer_checkins(answers)
                if found is None:  # a flagged check-in, then "yes, I am in danger"
                    answers = answers.merged(Answers({"danger_now": "yes"}))
                else:
                    checkins = found
            self.assessment = assess(answers, checkins)
            # The guide searches for the person itself: no command lines among the next steps.
            render_assessment(
                without_commands(self.assessment),
                self.console,
                pause=self.asker.pause,
            )
            if self.assessment.level != "emergency":
                break
            if self.asker.after_emergency() != ANSWERED_BY_MISTAKE:
                guide_view.render_emergency_closing(self.console)
                return False
            rest = {k: v for k, v in answers.values.items() if k != "danger_now"}
            answers = ask_assessment(Answers(rest), asker=self.asker)

        self._offer_learn()
        self._offer_find()
        self._offer_save()
        return self._finish()

    def _offer_checkins(self, answers: Answers) -> list[ScreenResult] | None:
        """The standard check-ins that fit the concerns, each skippable.

        None when a flagged check-in (PHQ-9 item 9) is followed by "yes, I am in
        danger right now".
        """
        from iopguide.assessment.screening import for_concerns, score
        from iopguide.ui.prompts import ask_danger_now
        from iopguide.ui.screen_view import ask_items, render_score_line

        concerns = answers.get("concerns")
        remaining = list(for_concerns(concerns if isinstance(concerns, tuple) else ()))
        results: list[ScreenResult] = []
        while remaining:
            picked = self._select(
                _(
                    "Before your result: would you like to answer a standard check-in? "
                    "Clinicians use these short questionnaires; your score goes with your result."
                ),
                [(_("No thanks, show my result"), _DONE)]
                + [(f"{i.name}: {i.short}", i.id) for i in remaining],
            )
            if picked == _DONE:
                break
            instrument = next(i for i in remaining if i.id == picked)
            remaining.remove(instrument)
            result = score(instrument, ask_items(instrument, {}, self.asker))
            results.append(result)
            render_score_line(result, self.console)
            if result.safety_flagged and ask_danger_now(self.asker) == "yes":
                return None
        return results

    def _offer_learn(self) -> None:
        from iopguide.content.topics import list_topics
        from iopguide.ui.learn_view import render_topic

        topics = list_topics()
        by_id = {topic.id: topic for topic in topics}
        read: set[str] = set()
        while True:
            if not read:
                message = _("Would you like to read more about IOPs?")
                done = _("No thanks, carry on")
            else:
                message = _("Would you like to read another topic?")
                done = _("Done reading, carry on")
            choices = [(done, _DONE)] + [
                (
                    _("{title} (read)").format(title=topic.title)
                    if topic.id in read
                    else topic.title,
                    topic.id,
                )
                for topic in topics
            ]
            picked = self._select(message, choices)
            if picked == _DONE:
                return
            render_topic(by_id[picked], self.console, pause=self.asker.pause)
            read.add(picked)

    def _offer_save(self) -> None:
        import io

        from iopguide import render
        from iopguide.app.environment import Environment
        from iopguide.app.results import SessionSummary
        from iopguide.commands.guide_save import SaveDialog
        from iopguide.ui.summary_markdown import default_file_name

        assert self.assessment is not None
        wanted = self._select(
            _("Would you like to save a summary of this in a file?"),
            [
                (_("No thanks"), "no"),
                (_("Yes, a page to print or keep (HTML)"), "html"),
                (_("Yes, as Markdown text"), "markdown"),
            ],
        )
        if wanted == "no":
            return
        today = _today()
        summary = SessionSummary(
            assessment=with_place(self.assessment, self.searches),
            searches=tuple(self.searches),
            shortlist=tuple(self.shortlist),
            today=today,
        )
        buffer = io.StringIO()
        render.get(wanted).render(summary, Environment.for_buffer(buffer))
        text = buffer.getvalue()
        suffix = ".html" if wanted == "html" else ".md"
        saver = SaveDialog(self._select, self._text, self.console)
        try:
            saver.save(text, os.path.join(".", default_file_name(today, suffix)))
        finally:
            self.saved_to = saver.saved

    def _finish(self) -> bool:
        from iopguide.ui.guide_view import render_closing

        assert self.assessment is not None
        # Steps a person can take away from the screen; the commands were offered already.
        from iopguide.assessment.steps import steps_for_people

        steps = list(steps_for_people(self.assessment.next_steps))
        render_closing(
            self.console,
            steps,
            saved_to=None if self.saved_to is None else str(self.saved_to),
        )
        picked = self._select(
            _("What would you like to do now?"),
            [(_("Finish"), "finish"), (_("Start again for someone else"), "again")],
        )
        if picked == "finish":
            from iopguide.ui.guide_view import render_note

            render_note(self.console, _("Take care."))
        return picked == "again"


# ---------------------------------------------------------------------------
# Helpers (plain functions, tested directly)


def without_commands(assessment: Assessment) -> Assessment:
    """The assessment with next steps that are command lines left out (the guide does them)."""
    from dataclasses import replace

    from iopguide.assessment.steps import steps_for_people

    return replace(assessment, next_steps=steps_for_people(assessment.next_steps))


def with_place(assessment: Assessment, searches: list[ProgramSearch]) -> Assessment:
    """For the saved summary: the command's YOUR_ZIP becomes the ZIP the person gave."""
    from dataclasses import replace

    zips = [s.zip_code for s in searches if s.zip_code]
    if not zips:
        return assessment
    steps = tuple(step.replace("YOUR_ZIP", zips[0]) for step in assessment.next_steps)
    return replace(assessment, next_steps=steps)
