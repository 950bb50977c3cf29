"""``iopguide screen``: list the standard check-ins, or take one (PHQ-9, GAD-7, AUDIT-C).

The same rules as ``assess``: scripted when ``--answers`` or ``--answer`` is
given, or when there is no terminal to ask on; then every item must be given
(exit 2 names each missing one) and nothing is ever prompted, so it never
hangs. With ``--json`` stdout carries exactly one JSON object.

Safety first: PHQ-9 item 9 above 0 opens the result with 988 and "please talk
to someone today"; in a terminal iopguide then asks whether the person is in
danger right now, and shows the emergency page if so. Every error ends with the
crisis footer.
"""

from __future__ import annotations

import json
import sys

from iopguide import crisis
from iopguide.errors import Interrupted, IopguideError


def run_screen(
    name: str | None, *, answers_file: str | None, answer_flags: list[str], json_output: bool
) -> None:
    try:
        if name is None:
            _list(json_output=json_output)
        else:
            _take(
                name, answers_file=answers_file, answer_flags=answer_flags, json_output=json_output
            )
    except Interrupted:
        raise
    except IopguideError as err:
        if crisis.FOOTER not in (err.hint or ""):
            err.hint = f"{err.hint}\n{crisis.FOOTER}" if err.hint else crisis.FOOTER
        raise


def _list(*, json_output: bool) -> None:
    from iopguide.assessment.screening import LEFT_OUT, all_instruments

    if json_output:
        payload = {
            "instruments": [
                {
                    "id": i.id,
                    "name": i.name,
                    "title": i.title,
                    "about": i.about,
                    "items": len(i.items),
                    "max_score": i.max_score,
                    "licence": i.licence,
                    "source": i.source,
                }
                for i in all_instruments()
            ],
            "left_out": list(LEFT_OUT),
        }
        _write_json(payload)
        return
    from iopguide.ui.console import stdout_console
    from iopguide.ui.prompts import plain_mode
    from iopguide.ui.screen_view import render_list

    render_list(stdout_console(), plain=plain_mode())


def _given(instrument, answers_file: str | None, flags: list[str]) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from iopguide.assessment.answers import (
        parse_answer_flag,
        parse_answers_text,
        read_answers_text,
    )
    from iopguide.assessment.screening import read_points

    raw: dict[object, object] = {}
    if answers_file is not None:
        raw.update(parse_answers_text(*read_answers_text(answers_file)))
    for flag in flags:
        key, value = parse_answer_flag(flag)
        raw[key] = value  # flags win over the file
    return read_points(instrument, raw)


def _take(
    name: str, *, answers_file: str | None, answer_flags: list[str], json_output: bool
) -> None:
    from iopguide.assessment.screening import get_instrument, safety_flagged, score
    from iopguide.ui.prompts import can_prompt

    instrument = get_instrument(name)
    given = _given(instrument, answers_file, answer_flags)
    scripted = (
        answers_file is not None
        or bool(answer_flags)
        or not can_prompt(prompts_on_stderr=json_output)
    )
    if scripted:
        if safety_flagged(instrument, given):
            _safety_notice()  # before any complaint about missing answers
        result = score(instrument, given)
        _show(result, json_output=json_output)
        return

    from iopguide.commands.assess import asker_for

    asker = asker_for(json_output=json_output)
    from iopguide.ui.screen_view import ask_items

    result = score(instrument, ask_items(instrument, given, asker))
    if json_output:
        _show(result, json_output=True)
    else:
        from iopguide.ui.screen_view import render_result

        render_result(result, asker.console, plain=asker.plain, pause=asker.pause)
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
        render_assessment(emergency, asker.console, plain=asker.plain, pause=asker.pause)


def _safety_notice() -> None:
    from iopguide.assessment.screening import SAFETY_MESSAGE
    from iopguide.ui.messages import notice

    notice(SAFETY_MESSAGE, style="bold")


def _show(result, *, json_output: bool) -> None:  # type: ignore[no-untyped-def]
    if json_output:
        _write_json(result.to_dict())
        return
    from iopguide.ui.console import stdout_console
    from iopguide.ui.prompts import plain_mode
    from iopguide.ui.screen_view import render_result

    render_result(result, stdout_console(), plain=plain_mode())


def _write_json(payload: object) -> None:
    sys.stdout.write(json.dumps(payload, indent=2) + "\n")
    sys.stdout.flush()
