"""``iopguide assess``: answers in (a terminal, a file, flags), a level of care out.

Scripted when ``--answers`` or ``--answer`` is given, or when stdin and the
screen the questions go to (stdout; stderr with ``--json``) are not both
terminals; then every answer must be given (exit 2 lists what is
missing), except that ``danger_now: yes`` alone is enough. Interactive
otherwise. Never hangs: without a terminal nothing is ever prompted.

With a format for scripts on stdout (``--json``) stdout carries exactly that
output; prompts and notices go to stderr. The result goes to *show* (the
command's renderer) except for a person at a terminal, whose page is shown a
screenful at a time.
"""

from __future__ import annotations

from collections.abc import Callable

from iopguide import crisis
from iopguide.app.results import AssessmentReport
from iopguide.assessment.answers import Answers, load_answers, require_complete
from iopguide.assessment.rules import assess
from iopguide.errors import Interrupted, IopguideError
from iopguide.i18n import _

Show = Callable[[AssessmentReport], None]


def run_assess(
    *,
    answers_file: str | None,
    answer_flags: list[str],
    show: Show,
    on_screen: bool,
) -> None:
    """Gather answers, assess, hand the result to *show*; *on_screen*: the terminal format
    on stdout (otherwise prompts go to stderr).

    Every error ends with the crisis footer: whoever's answers are broken may be in distress.
    """
    try:
        _run(answers_file=answers_file, answer_flags=answer_flags, show=show, on_screen=on_screen)
    except Interrupted:  # Ctrl-C: one calm line, nothing else
        raise
    except IopguideError as err:
        if crisis.FOOTER not in (err.hint or ""):
            err.hint = f"{err.hint}\n{crisis.FOOTER}" if err.hint else crisis.FOOTER
        raise


def _run(*, answers_file: str | None, answer_flags: list[str], show: Show, on_screen: bool) -> None:
    from iopguide.ui.prompts import can_prompt

    gathered = load_answers(answers_file, answer_flags)
    scripted = (
        answers_file is not None
        or bool(answer_flags)
        or not can_prompt(prompts_on_stderr=not on_screen)  # --json: questions on stderr
    )

    if gathered.unreadable:
        _notice_unreadable(gathered.unreadable)
    if gathered.set_aside:
        _notice_set_aside(gathered.set_aside)

    if scripted:
        answers = gathered.answers
        require_complete(answers)
        show(AssessmentReport(assess(answers)))
        return
    _interactive(gathered.answers, show=show, on_screen=on_screen)


def _interactive(given: Answers, *, show: Show, on_screen: bool) -> None:
    """Ask, show the result a screenful at a time; after an emergency, offer the way back."""
    from iopguide.ui.assessment_prompts import ask_assessment
    from iopguide.ui.assessment_view import render_assessment
    from iopguide.ui.prompts import ANSWERED_BY_MISTAKE, asker_for

    asker = asker_for(prompts_on_stderr=not on_screen)
    _intro(asker.console)
    answers = ask_assessment(given, asker=asker)
    while True:
        result = assess(answers)
        if not on_screen:
            show(AssessmentReport(result))
            return  # (--json: stdout carries exactly one object)
        render_assessment(result, asker.console, pause=asker.pause)
        if result.level != "emergency":
            return
        if asker.after_emergency() != ANSWERED_BY_MISTAKE:
            return
        rest = {k: v for k, v in answers.values.items() if k != "danger_now"}
        answers = ask_assessment(Answers(rest), asker=asker)


def _intro(console) -> None:  # type: ignore[no-untyped-def]
    from rich.text import Text

    from iopguide import crisis
    from iopguide.assessment.questions import question_count
    from iopguide.ui.console import is_plain

    plain = is_plain(console)

    console.print(Text(_("Is an IOP right for me?"), style="" if plain else "bold"))
    console.print(
        Text(
            _(
                "{count} short questions. Your answers stay on this computer; nothing is saved or "
                "sent. This is a guide, not a diagnosis. Press Ctrl-C to stop at any time."
            ).format(count=question_count())
        )
    )
    console.print(Text(crisis.FOOTER, style="" if plain else "bold"))


def _notice_unreadable(problems: tuple[str, ...]) -> None:
    """The answers file is broken but danger_now is yes: help first, the problem after."""
    from iopguide.ui.messages import notice

    notice(_("The answers file could not be used, but danger_now is yes, so help comes first:"))
    for problem in problems:
        notice(f"  - {problem}")


def _notice_set_aside(problems: tuple[str, ...]) -> None:
    """danger_now is yes: help comes first; other problems in the answers are only mentioned."""
    from iopguide.ui.messages import notice

    notice(_("Some answers could not be used; help for danger comes first:"))
    for problem in problems:
        notice(f"  - {problem}")
