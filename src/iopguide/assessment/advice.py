"""What each level-of-care result says: its title, summary, reasons, caveats and next steps.

:mod:`.rules` chooses the level; a builder here words it. Each builder returns
(summary, reason ids, caveats, next steps). Every sentence is whole, in
:func:`iopguide.i18n._`; phone numbers are those of :mod:`iopguide.crisis`, and
how each level is paid for is :mod:`iopguide.content.levels`' ``paying``.
"""

from __future__ import annotations

from collections.abc import Callable

from iopguide.assessment import caveats as cv
from iopguide.assessment.answers import Answers
from iopguide.assessment.steps import Step
from iopguide.i18n import N_, _

Built = tuple[str, list[str], list[cv.Caveat], list[str]]

_TITLES: dict[str, str] = {
    "emergency": N_("Please get help right now"),
    "detox": N_("Start with medically supervised withdrawal (detox)"),
    "inpatient": N_("Hospital (inpatient) care looks like the safest place to start"),
    "residential": N_("Residential treatment may fit you best right now"),
    "php": N_("A partial hospitalization program (PHP) may fit you best"),
    "iop": N_("An intensive outpatient program (IOP) looks like a good fit"),
    "iop_caveats": N_("An intensive outpatient program (IOP) may fit you"),
    "outpatient": N_("Outpatient therapy may be enough for now"),
}


def title(level: str, *, with_caveats: bool = False) -> str:
    """The result's title for *level* (an IOP with caveats "may fit", not "looks like")."""
    return _(_TITLES["iop_caveats" if level == "iop" and with_caveats else level])


def more_than_weekly_triggers(answers: Answers) -> list[str]:
    """The questions whose answers say weekly care is not enough (rule 5)."""
    triggers = []
    if answers.get("outpatient_enough") == "no":
        triggers.append("outpatient_enough")
    if answers.get("current_care") in ("leaving_inpatient", "php"):
        triggers.append("current_care")
    if answers.get("daily_impact") == "a_lot":
        triggers.append("daily_impact")
    return triggers


def _find_step(level: str, answers: Answers) -> Step:
    conditions = [c for c in answers.get("concerns") or () if c != "other"]
    condition = f" --condition {','.join(conditions)}" if conditions else ""
    command = f"iopguide find --level {level}{condition} --zip YOUR_ZIP"
    return Step(_("Search: {command}").format(command=command), command)


def _ask_soon() -> str:
    return _(
        "Call programs and ask how soon you can start. If the wait is long, get on the waiting "
        "list and keep looking, and tell your doctor if you feel worse while you wait."
    )


def _paying(level: str) -> str:
    from iopguide.content.levels import paying

    return paying(level)


def _emergency(answers: Answers) -> Built:
    summary = _(
        "Call or text 988, or chat at 988lifeline.org, right now: the 988 Suicide & Crisis "
        "Lifeline is free and there day and night. If you or someone else is in immediate "
        "danger, call 911. You don't have to go through this alone."
    )
    steps = [
        _(
            "Call or text 988, or chat at 988lifeline.org, now. It is free, confidential and "
            "open day and night."
        ),
        _(
            "Call 911 or go to the nearest emergency room if you or someone else is in "
            "immediate danger."
        ),
        _(
            "Stay with someone you trust, or ask someone to stay with you, and keep away from "
            "anything you could use to hurt yourself or someone else."
        ),
        _(
            "When you are safe, talk with a doctor or counselor about what comes next. "
            "You can come back to this guide any time."
        ),
    ]
    return summary, ["danger_now"], [], steps


def _detox(answers: Answers) -> Built:
    summary = _(
        "Because stopping could make you sick with withdrawal, the safest first step is "
        "medically supervised withdrawal management (detox). Once your body is through "
        "withdrawal, an IOP or another program can follow."
    )
    steps = [
        _(
            "Talk with a doctor before you cut down or stop. Stopping suddenly can be dangerous "
            "without medical care."
        ),
        _find_step("detox", answers),
        _(
            "If withdrawal becomes severe (seizures, confusion, seeing or hearing things): "
            "call 911."
        ),
        _("After detox, ask about an IOP or other continuing care."),
        _paying("detox"),
    ]
    return summary, ["withdrawal"], [], steps


def _inpatient(answers: Answers) -> Built:
    summary = _(
        "Because you need care around the clock to stay safe or manage everyday needs, "
        "hospital (inpatient) care is the safest place to start. An IOP can be a step down "
        "later."
    )
    steps = [
        _(
            "Talk with a doctor today, or go to a hospital emergency department: they can "
            "arrange a hospital stay."
        ),
        _(
            "If you feel unsafe at any point: call or text 988, or chat at 988lifeline.org, "
            "or call 911."
        ),
        _("Ask the hospital team about the next step after you leave, such as a PHP or an IOP."),
        _paying("inpatient"),
    ]
    return summary, ["round_the_clock"], cv.withdrawal_unsure(answers), steps


def _residential(answers: Answers) -> Built:
    """Rule 4 (can't manage most days) or rule 5 (a lot), both without a stable home."""
    if answers.get("daily_impact") == "unable":
        reasons = ["daily_impact", "home"]
        summary = _(
            "You are finding most days very hard, and you don't have a stable, supportive home "
            "to go back to each day. Residential treatment gives you a safe place to live with "
            "support around the clock while you get through this."
        )
    else:
        reasons = [*more_than_weekly_triggers(answers), "home"]
        summary = _(
            "Your symptoms get in the way of daily life a lot, and you don't have a stable, "
            "supportive home to go back to each day. Residential treatment gives you support "
            "day and night, and a safe place to stay while you get it."
        )
    found: list[cv.Caveat] = [
        ("home", cv.fixed("RESIDENTIAL_LIVING")),
        ("home", cv.fixed("HOUSING")),
        *cv.withdrawal_unsure(answers),
        *cv.residential_time(answers),
        *cv.weekly_said_enough(answers),
    ]
    steps = [
        _("Ask your doctor or therapist for a referral to residential treatment."),
        _find_step("residential", answers),
        _paying("residential"),
    ]
    return summary, reasons, found, steps


def _php(answers: Answers) -> Built:
    summary = _(
        "You are finding most days very hard. A partial hospitalization program (PHP) gives "
        "you full days of treatment and structure on weekdays while you keep living at home. "
        "An IOP is often the next step after it."
    )
    found = [
        *cv.withdrawal_unsure(answers),
        *cv.home(answers),
        *cv.php_time(answers),
        *cv.weekly_said_enough(answers),
    ]
    steps = [
        _("Ask your doctor or therapist for a referral to a PHP."),
        _find_step("php", answers),
        _ask_soon(),
        _paying("php"),
    ]
    return summary, ["daily_impact", "home"], found, steps


def _iop_opening(answers: Answers) -> str:
    """Why more than weekly care, in the person's terms (never "you need more than weekly"
    to someone who said weekly would be enough)."""
    stepping = answers.get("current_care") in ("leaving_inpatient", "php")
    if answers.get("outpatient_enough") == "no":
        opening = _("You need more support than weekly therapy, but not care around the clock.")
    elif answers.get("daily_impact") == "a_lot":
        opening = _(
            "Your symptoms get in the way of daily life a lot, so more support than a weekly "
            "session may help, but you don't need care around the clock."
        )
    else:  # only the step down (rule 5, current_care) brought the person here
        return _(
            "You are stepping down from more intensive care, and an IOP is a common next step: "
            "it keeps strong support around you while you settle back into daily life."
        )
    if stepping:
        opening += " " + _("You are also stepping down from more intensive care.")
    return opening


def _iop_summary(answers: Answers) -> str:
    if answers.get("home") != "no":
        what = _(
            "An intensive outpatient program (IOP) gives you about 3 hours of treatment a day, "
            "3 to 5 days a week, while you keep living at home and keep up work, school or "
            "caring."
        )
    else:
        what = _(
            "An intensive outpatient program (IOP) gives you about 3 hours of treatment a day, "
            "3 to 5 days a week, and you can keep up work, school or caring."
        )
    return f"{_iop_opening(answers)} {what}"


def _iop(answers: Answers) -> Built:
    found = [*cv.withdrawal_unsure(answers), *cv.home(answers), *cv.iop_time(answers)]
    if answers.get("current_care") == "php" and answers.get("daily_impact") == "a_lot":
        found.append(("medical", cv.fixed("ASK_PHP_TEAM")))
    if answers.get("outpatient_enough") == "yes" and answers.get("daily_impact") == "a_lot":
        found.append(("other", cv.fixed("WEEKLY_ENOUGH")))
    steps = [
        _("Ask your doctor or therapist for a referral to an IOP."),
        _find_step("iop", answers),
        _ask_soon(),
        _paying("iop"),
        Step(
            _("Read more about what happens in an IOP: {command}").format(command="iopguide learn"),
            "iopguide learn",
        ),
    ]
    return _iop_summary(answers), [*more_than_weekly_triggers(answers), "home"], found, steps


def iop_signs() -> str:
    return _(
        "Signs that an IOP may be the next step: weekly sessions stop being enough; your "
        "symptoms get in the way of work, school, relationships or looking after yourself a "
        "lot; you are leaving a hospital, residential or day program; or your drinking or drug "
        "use is growing. If any of these happen, talk with your therapist or doctor about an IOP."
    )


def outpatient_unsure() -> str:
    return _(
        "You weren't sure weekly therapy would be enough. Talk it through with a therapist "
        "or doctor: if it isn't, an IOP is the next step up."
    )


def _outpatient(answers: Answers) -> Built:
    summary = _(
        "From your answers, regular outpatient therapy (about once a week) may give you "
        "enough support for now, while you keep up your usual life."
    )
    found: list[cv.Caveat] = [
        *cv.withdrawal_unsure(answers),
        *cv.home(answers),
        ("other", iop_signs()),
    ]
    if answers.get("outpatient_enough") == "unsure":
        found.append(("other", outpatient_unsure()))
    steps = [
        _("If you have a therapist or counselor, keep going and tell them how you are doing."),
        _("If you don't, ask your doctor for a referral to a therapist or counselor."),
        _find_step("outpatient", answers),
        _paying("outpatient"),
        _("Come back to this guide if things change."),
    ]
    return summary, ["outpatient_enough", "daily_impact", "current_care"], found, steps


BUILDERS: dict[str, Callable[[Answers], Built]] = {
    "emergency": _emergency,
    "detox": _detox,
    "inpatient": _inpatient,
    "residential": _residential,
    "php": _php,
    "iop": _iop,
    "outpatient": _outpatient,
}
