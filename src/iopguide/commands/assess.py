"""``iopguide assess``: answers in (a terminal, a file, flags), a level of care out.

Scripted when ``--answers`` or ``--answer`` is given, or when stdin and the
screen the questions go to (stdout; stderr with ``--json``) are not both
terminals; then every answer must be given (exit 2 lists what is
missing), except that ``danger_now: yes`` alone is enough. Interactive
otherwise. Never hangs: without a terminal nothing is ever prompted.

With ``--json`` stdout carries exactly one JSON object; prompts and notices go
to stderr.
"""

from __future__ import annotations

import json
import sys

from iopguide import crisis
from iopguide.assessment.answers import Answers, load_answers, require_complete
from iopguide.assessment.rules import Assessment, assess
from iopguide.errors import Interrupted, IopguideError


def run_assess(*, answers_file: str | None, answer_flags: list[str], json_output: bool) -> None:
    """Every error ends with the crisis footer: whoever's answers are broken may be in distress."""
    try:
        _run(answers_file=answers_file, answer_flags=answer_flags, json_output=json_output)
    except Interrupted:  # Ctrl-C: one calm line, nothing else
        raise
    except IopguideError as err:
        if crisis.FOOTER not in (err.hint or ""):
            err.hint = f"{err.hint}\n{crisis.FOOTER}" if err.hint else crisis.FOOTER
        raise


def _run(*, answers_file: str | None, answer_flags: list[str], json_output: bool) -> None:
    from iopguide.ui.prompts import can_prompt

    gathered = load_answers(answers_file, answer_flags)
    scripted = (
        answers_file is not None
        or bool(answer_flags)
        or not can_prompt(prompts_on_stderr=json_output)  # --json: questions on stderr
    )

    if gathered.unreadable:
        _notice_unreadable(gathered.unreadable)
    if gathered.set_aside:
        _notice_set_aside(gathered.set_aside)

    if scripted:
        answers = gathered.answers
        require_complete(answers)
        show(assess(answers), json_output=json_output)
        return
    _interactive(gathered.answers, json_output=json_output)


def _interactive(given: Answers, *, json_output: bool) -> None:
    """Ask, show the result a screenful at a time; after an emergency, offer the way back."""
    from iopguide.ui.assessment_view import render_assessment
    from iopguide.ui.prompts import ANSWERED_BY_MISTAKE, ask_assessment

    asker = asker_for(json_output=json_output)
    _intro(asker.console, plain=asker.plain)
    answers = ask_assessment(given, asker=asker)
    while True:
        result = assess(answers)
        if json_output:
            show(result, json_output=True)
        else:
            render_assessment(result, asker.console, plain=asker.plain, pause=asker.pause)
        if json_output or result.level != "emergency":
            return  # (--json: stdout carries exactly one object)
        if asker.after_emergency() != ANSWERED_BY_MISTAKE:
            return
        rest = {k: v for k, v in answers.values.items() if k != "danger_now"}
        answers = ask_assessment(Answers(rest), asker=asker)


def asker_for(*, json_output: bool):  # type: ignore[no-untyped-def]
    """The questions in the terminal; on stderr when stdout is for JSON."""
    from iopguide.ui.console import stderr_console, stdout_console
    from iopguide.ui.prompts import Asker

    if json_output:
        from prompt_toolkit.output import create_output

        return Asker(stderr_console(), output=create_output(stdout=sys.stderr))
    return Asker(stdout_console())


def _intro(console, *, plain: bool) -> None:  # type: ignore[no-untyped-def]
    from rich.text import Text

    from iopguide import crisis

    console.print(Text("Is an IOP right for me?", style="" if plain else "bold"))
    console.print(
        Text(
            "Nine short questions. Your answers stay on this computer; nothing is saved or "
            "sent. This is a guide, not a diagnosis. Press Ctrl-C to stop at any time."
        )
    )
    console.print(Text(crisis.FOOTER, style="" if plain else "bold"))


def show(assessment: Assessment, *, json_output: bool) -> None:
    if json_output:
        sys.stdout.write(json.dumps(assessment.to_dict(), indent=2) + "\n")
        sys.stdout.flush()
        return
    from iopguide.ui.assessment_view import render_assessment

    render_assessment(assessment)


def _notice_unreadable(problems: tuple[str, ...]) -> None:
    """The answers file is broken but danger_now is yes: help first, the problem after."""
    from iopguide.ui.messages import notice

    notice("The answers file could not be used, but danger_now is yes, so help comes first:")
    for problem in problems:
        notice(f"  - {problem}")


def _notice_set_aside(problems: tuple[str, ...]) -> None:
    """danger_now is yes: help comes first; other problems in the answers are only mentioned."""
    from iopguide.ui.messages import notice

    notice("Some other answers could not be used; they were not needed for this result:")
    for problem in problems:
        notice(f"  - {problem}")
