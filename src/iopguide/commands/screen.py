"""``iopguide screen``: list the standard check-ins, or take one (PHQ-9, GAD-7, AUDIT-C).

The same rules as ``assess``: scripted when ``--answers`` or ``--answer`` is
given, or when there is no terminal to ask on; then every item must be given
(exit 2 names each missing one) and nothing is ever prompted, so it never
hangs. With ``--json`` stdout carries exactly one JSON object. Results go to
the command's renderer (*show*) as typed results.

Safety first: PHQ-9 item 9 above 0 opens the result with 988 and "please talk
to someone today"; in a terminal iopguide then asks whether the person is in
danger right now, and shows the emergency page if so. Every error ends with the
crisis footer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from iopguide import crisis
from iopguide.app.results import InstrumentsReport, ScreenReport
from iopguide.errors import Interrupted, IopguideError

Show = Callable[[Any], None]


def run_screen(
    name: str | None,
    *,
    answers_file: str | None,
    answer_flags: list[str],
    show: Show,
    on_screen: bool,
) -> None:
    """List the check-ins or take one; *on_screen*: the terminal format on stdout."""
    try:
        if name is None:
            show(InstrumentsReport())
        else:
            _take(
                name,
                answers_file=answers_file,
                answer_flags=answer_flags,
                show=show,
                on_screen=on_screen,
            )
    except Interrupted:
        raise
    except IopguideError as err:
        if crisis.FOOTER not in (err.hint or ""):
            err.hint = f"{err.hint}\n{crisis.FOOTER}" if err.hint else crisis.FOOTER
        raise


def _given(instrument, answers_file: str | None, flags: list[str]) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from iopguide.assessment.answers import (
        parse_answer_flag,
        parse_answers_text,
        read_answers_text,
    )
    from iopguide.assessment.screening import read_points, safety_in_doubt, safety_in_text

    from_file: dict[object, object] = {}
    if answers_file is not None:
        text, name = read_answers_text(answers_file)
        try:
            from_file = parse_answers_text(text, name)
        except IopguideError:
            if safety_in_text(instrument, text):
                _safety_notice()  # the file is unusable, but its item 9 needs help first
            raise
    from_flags = dict(parse_answer_flag(flag) for flag in flags)
    # Before any complaint about the answers; a flag's 0 does not hide the file's item 9.
    if safety_in_doubt(instrument, from_file) or safety_in_doubt(instrument, from_flags):
        _safety_notice()
    return read_points(instrument, {**from_file, **from_flags})  # flags win over the file


def _take(
    name: str, *, answers_file: str | None, answer_flags: list[str], show: Show, on_screen: bool
) -> None:
    from iopguide.assessment.screening import get_instrument, score
    from iopguide.ui.prompts import can_prompt

    instrument = get_instrument(name)
    given = _given(instrument, answers_file, answer_flags)
    scripted = (
        answers_file is not None
        or bool(answer_flags)
        or not can_prompt(prompts_on_stderr=not on_screen)
    )
    if scripted:
        show(ScreenReport(score(instrument, given)))
        return

    from iopguide.ui.prompts import asker_for
    from iopguide.ui.screen_view import ask_items, render_intro

    asker = asker_for(prompts_on_stderr=not on_screen)
    render_intro(asker.console)
    result = score(instrument, ask_items(instrument, given, asker))
    if not on_screen:
        show(ScreenReport(result))
    else:
        from iopguide.ui.screen_view import render_result

        render_result(result, asker.console, pause=asker.pause)
    if result.safety_flagged:
        _ask_danger(asker)


def _ask_danger(asker) -> None:  # type: ignore[no-untyped-def]
    """After a flagged item 9: are you in danger right now? Yes -> the emergency page."""
    from iopguide.assessment.answers import Answers
    from iopguide.assessment.rules import assess
    from iopguide.ui.assessment_view import render_assessment
    from iopguide.ui.prompts import ask_danger_now

    if ask_danger_now(asker) == "yes":
        emergency = assess(Answers({"danger_now": "yes"}))
        render_assessment(emergency, asker.console, pause=asker.pause)


def _safety_notice() -> None:
    from iopguide.assessment.screening import SAFETY_MESSAGE
    from iopguide.ui.messages import notice

    notice(SAFETY_MESSAGE, style="bold")
