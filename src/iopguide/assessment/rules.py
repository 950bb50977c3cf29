"""From answers to a level of care: the rules of issue 3, first match wins.

1. danger_now = yes                                  -> emergency
2. withdrawal = yes                                  -> detox
3. round_the_clock = yes                             -> inpatient
4. daily_impact = unable                             -> residential if home = no, else php
5. more than weekly care needed (outpatient_enough = no, current_care is
   leaving_inpatient or php, or daily_impact = a_lot) -> residential if home = no, else iop
6. otherwise                                         -> outpatient

A guide drawn from the criteria in the IOP literature, not a diagnosis. Phone
numbers come from :mod:`iopguide.crisis`; what each level looks like from
:mod:`iopguide.content.levels`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from iopguide import crisis
from iopguide.assessment.answers import Answers, require_complete
from iopguide.assessment.questions import get_question

LEVEL_IDS: tuple[str, ...] = (
    "emergency", "detox", "inpatient", "residential", "php", "iop", "outpatient",
)

DISCLAIMER = (
    "This is a guide, not a diagnosis. Talk with a doctor, therapist or counselor about your care."
)

TITLES: dict[str, str] = {
    "emergency": "Please get help right now",
    "detox": "Start with medically supervised withdrawal (detox)",
    "inpatient": "Hospital (inpatient) care looks like the safest place to start",
    "residential": "Residential treatment may fit you best right now",
    "php": "A partial hospitalization program (PHP) may fit you best",
    "iop": "An intensive outpatient program (IOP) looks like a good fit",
    "outpatient": "Outpatient therapy may be enough for now",
}


@dataclass(frozen=True)
class Reason:
    """One answer that led to the result, in the person's words."""

    question: str
    answer: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"question": self.question, "answer": self.answer, "text": self.text}


@dataclass(frozen=True)
class Assessment:
    level: str
    title: str
    summary: str
    reasons: tuple[Reason, ...]
    caveats: tuple[str, ...]
    next_steps: tuple[str, ...]
    what_it_looks_like: dict = field(hash=False)
    crisis_lines: tuple[dict, ...] = field(hash=False)
    disclaimer: str = DISCLAIMER
    concerns: tuple[str, ...] = ()
    answers: dict = field(default_factory=dict, hash=False)

    def to_dict(self) -> dict[str, object]:
        return {
            "level": self.level,
            "title": self.title,
            "summary": self.summary,
            "reasons": [r.to_dict() for r in self.reasons],
            "caveats": list(self.caveats),
            "next_steps": list(self.next_steps),
            "what_it_looks_like": dict(self.what_it_looks_like),
            "crisis_lines": [dict(line) for line in self.crisis_lines],
            "disclaimer": self.disclaimer,
            "concerns": list(self.concerns),
            "answers": dict(self.answers),
        }


# ---------------------------------------------------------------------------
# The decision


def choose_level(answers: Answers) -> str:
    """The level alone (rules 1-6, first match wins), from complete answers or danger."""
    a = answers.get
    if a("danger_now") == "yes":
        return "emergency"
    if a("withdrawal") == "yes":
        return "detox"
    if a("round_the_clock") == "yes":
        return "inpatient"
    if a("daily_impact") == "unable":
        return "residential" if a("home") == "no" else "php"
    if _more_than_weekly(answers):
        return "residential" if a("home") == "no" else "iop"
    return "outpatient"


def _more_than_weekly(answers: Answers) -> bool:
    return bool(_more_than_weekly_triggers(answers))


def _more_than_weekly_triggers(answers: Answers) -> list[str]:
    """The questions whose answers say weekly care is not enough (rule 5)."""
    triggers = []
    if answers.get("outpatient_enough") == "no":
        triggers.append("outpatient_enough")
    if answers.get("current_care") in ("leaving_inpatient", "php"):
        triggers.append("current_care")
    if answers.get("daily_impact") == "a_lot":
        triggers.append("daily_impact")
    return triggers


def assess(answers: Answers) -> Assessment:
    """The level of care for *answers*, with reasons, caveats and next steps.

    Raises UsageError listing what is missing when the answers are incomplete
    (unless danger_now is yes, which needs nothing else).
    """
    require_complete(answers)
    level = choose_level(answers)
    build = _BUILDERS[level]
    summary, reason_ids, caveats, next_steps = build(answers)
    from iopguide.content.levels import describe

    concerns = answers.get("concerns")
    return Assessment(
        level=level,
        title=TITLES[level],
        summary=summary,
        reasons=tuple(_reason(answers, qid) for qid in reason_ids),
        caveats=tuple(caveats),
        next_steps=tuple(next_steps),
        what_it_looks_like=describe(level).to_dict(),
        crisis_lines=tuple(line.to_dict() for line in crisis.ALL_LINES),
        disclaimer=DISCLAIMER,
        concerns=concerns if isinstance(concerns, tuple) else (),
        answers=answers.to_dict(),
    )


def _reason(answers: Answers, question_id: str) -> Reason:
    value = answers.get(question_id)
    assert isinstance(value, str), question_id
    return Reason(question_id, value, get_question(question_id).choice(value).said)


# ---------------------------------------------------------------------------
# What each result says. Each builder returns (summary, reason ids, caveats, next steps).

_Built = tuple[str, list[str], list[str], list[str]]

_LIFELINE = crisis.LIFELINE_988
_911 = crisis.EMERGENCY_911


def _find_step(level: str, answers: Answers) -> str:
    conditions = [c for c in answers.get("concerns") or () if c != "other"]
    condition = f" --condition {','.join(conditions)}" if conditions else ""
    return f"Search: iopguide find --level {level}{condition} --zip YOUR_ZIP"


_ASK_SOON = (
    "Call programs and ask how soon you can start. If it is not within about 48 hours, "
    "try another."
)
_INSURANCE = (
    "Ask about cost and insurance: most insurance plans, Medicaid and Medicare cover this "
    "kind of care, but call your insurer to confirm."
)


def _withdrawal_check(answers: Answers) -> list[str]:
    if answers.get("withdrawal") != "unsure":
        return []
    return [
        "You weren't sure about withdrawal. Before you start, get a medical check: a doctor can "
        "tell you whether you need help to stop safely. Please don't stop suddenly on your own."
    ]


def _supportive_living() -> str:
    return (
        "Without a safe, supportive place to live, supportive living, such as a sober living "
        "home or other recovery housing, can make it possible to step down to an IOP later."
    )


def _emergency(answers: Answers) -> _Built:
    summary = (
        f"{_LIFELINE.how}, right now: the {_LIFELINE.name} is free and there day and night. "
        f"If you or someone else is in immediate danger, {_911.how.lower()}. "
        "You don't have to go through this alone."
    )
    steps = [
        f"{_LIFELINE.how}, now. It is free, confidential and open day and night.",
        f"{_911.how} or go to the nearest emergency room if you or someone else is in "
        "immediate danger.",
        "Stay with someone you trust, or ask someone to stay with you, and keep away from "
        "anything you could use to hurt yourself or someone else.",
        "When you are safe, talk with a doctor or counselor about what comes next. "
        "You can come back to this guide any time.",
    ]
    return summary, ["danger_now"], [], steps


def _detox(answers: Answers) -> _Built:
    summary = (
        "Because stopping could make you sick with withdrawal, the safest first step is "
        "medically supervised withdrawal management (detox). Once your body is through "
        "withdrawal, an IOP or another program can follow."
    )
    steps = [
        "Talk with a doctor before you cut down or stop. Stopping suddenly can be dangerous "
        "without medical care.",
        _find_step("detox", answers),
        f"If withdrawal becomes severe (seizures, confusion, seeing or hearing things): "
        f"{_911.how.lower()}.",
        "After detox, ask about an IOP or other continuing care.",
    ]
    return summary, ["withdrawal"], [], steps


def _inpatient(answers: Answers) -> _Built:
    summary = (
        "Because you need care around the clock to stay safe or manage everyday needs, "
        "hospital (inpatient) care is the safest place to start. An IOP can be a step down "
        "later."
    )
    steps = [
        "Talk with a doctor today, or go to a hospital emergency department: they can arrange "
        "a hospital stay.",
        f"If you feel unsafe at any point: {_LIFELINE.how.lower()}, or {_911.how.lower()}.",
        "Ask the hospital team about the next step after you leave, such as a PHP or an IOP.",
    ]
    return summary, ["round_the_clock"], [], steps


def _residential(answers: Answers) -> _Built:
    if answers.get("daily_impact") == "unable":
        reasons = ["daily_impact", "home"]
        summary = (
            "You are finding most days very hard, and you don't have a stable, supportive home "
            "to go back to each day. Residential treatment gives you a safe place to live with "
            "support around the clock."
        )
    else:
        reasons = [*_more_than_weekly_triggers(answers), "home"]
        summary = (
            "You need more support than weekly therapy. An IOP would fit that, but it needs a "
            "stable, supportive home to go back to each day. Residential treatment gives you "
            "a safe place to live while you get that support."
        )
    caveats = [_supportive_living(), *_withdrawal_check(answers)]
    steps = [
        "Ask your doctor or therapist for a referral to residential treatment.",
        _find_step("residential", answers),
        _INSURANCE,
    ]
    return summary, reasons, caveats, steps


def _php(answers: Answers) -> _Built:
    summary = (
        "You are finding most days very hard. A partial hospitalization program (PHP) gives "
        "you full days of treatment and structure on weekdays while you keep living at home. "
        "An IOP is often the next step after it."
    )
    caveats = [*_withdrawal_check(answers)]
    if answers.get("home") == "somewhat":
        caveats.append(_build_support())
    steps = [
        "Ask your doctor or therapist for a referral to a PHP.",
        _find_step("php", answers),
        _ASK_SOON,
        _INSURANCE,
    ]
    return summary, ["daily_impact", "home"], caveats, steps


def _build_support() -> str:
    return (
        "Treatment while living at home works best with support there. You can build it with "
        "family therapy, peer support and support groups (such as 12-step groups)."
    )


def _iop(answers: Answers) -> _Built:
    summary = (
        "You need more support than weekly therapy, but not care around the clock. An "
        "intensive outpatient program (IOP) gives you several hours of treatment a week, "
        "3 to 5 days, while you keep living at home and keep up work, school or caring."
    )
    caveats: list[str] = []
    time = answers.get("time")
    if time != "yes":
        said = "that might be hard" if time == "maybe" else "that isn't possible right now"
        caveats.append(
            f"An IOP asks for about 9 hours a week or more, usually 3 to 5 days. You said {said}. "
            "Many programs run in the evening, at weekends or by telehealth (online): ask about "
            "these, and talk with your doctor or therapist if it still won't fit."
        )
    caveats.extend(_withdrawal_check(answers))
    if answers.get("home") == "somewhat":
        caveats.append(_build_support())
    steps = [
        "Ask your doctor or therapist for a referral to an IOP.",
        _find_step("iop", answers),
        _ASK_SOON,
        _INSURANCE,
        "Read more about what happens in an IOP: iopguide learn",
    ]
    return summary, [*_more_than_weekly_triggers(answers), "home"], caveats, steps


IOP_SIGNS = (
    "Signs that an IOP may be the next step: weekly sessions stop being enough; your symptoms "
    "get in the way of work, school, relationships or looking after yourself a lot; you are "
    "leaving a hospital, residential or day program; or your drinking or drug use is growing. "
    "If any of these happen, talk with your therapist or doctor about an IOP."
)


def _outpatient(answers: Answers) -> _Built:
    summary = (
        "From your answers, regular outpatient therapy (about once a week) may give you "
        "enough support for now, while you live at home and keep up your usual life."
    )
    caveats = [IOP_SIGNS]
    if answers.get("outpatient_enough") == "unsure":
        caveats.append(
            "You weren't sure weekly therapy would be enough. Talk it through with a therapist "
            "or doctor: if it isn't, an IOP is the next step up."
        )
    caveats.extend(_withdrawal_check(answers))
    steps = [
        "If you have a therapist or counselor, keep going and tell them how you are doing.",
        "If you don't, ask your doctor for a referral to a therapist or counselor.",
        _find_step("outpatient", answers),
        "Come back to this guide if things change.",
    ]
    return summary, ["outpatient_enough", "daily_impact", "current_care"], caveats, steps


_BUILDERS = {
    "emergency": _emergency,
    "detox": _detox,
    "inpatient": _inpatient,
    "residential": _residential,
    "php": _php,
    "iop": _iop,
    "outpatient": _outpatient,
}
