"""From answers to a level of care: the revised rules of issue 11, first match wins.

1. danger_now = yes (a conflicting answer to it reads as yes) -> emergency
2. withdrawal = yes                                  -> detox
3. round_the_clock = yes                             -> inpatient
4. daily_impact = unable                             -> residential if home = no, else php
5. more than weekly care needed (outpatient_enough = no, current_care is
   leaving_inpatient or php, or daily_impact = a_lot)
                                                     -> residential if home = no and
                                                        daily_impact = a_lot, else iop
6. otherwise                                         -> outpatient

Residential treatment is not housing: without a stable home the advice adds
help with housing (:mod:`iopguide.assessment.caveats`) rather than moving the
person into a programme. Concerns add caveats on every level; check-in scores
(:mod:`iopguide.assessment.screening`) add reasons, never lower the level.

A guide drawn from the criteria in the IOP literature, not a diagnosis. This is
the rules module ``questions.yaml`` names; how each result is worded is
:mod:`.advice`, what each level looks like :mod:`iopguide.content.levels`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from iopguide import crisis
from iopguide.assessment import caveats as cv
from iopguide.assessment.advice import BUILDERS, more_than_weekly_triggers, title
from iopguide.assessment.answers import Answers, require_complete
from iopguide.assessment.questions import get_question
from iopguide.i18n import N_, _

if TYPE_CHECKING:
    from iopguide.assessment.screening import ScreenResult

LEVEL_IDS: tuple[str, ...] = (
    "emergency",
    "detox",
    "inpatient",
    "residential",
    "php",
    "iop",
    "outpatient",
)

_DISCLAIMER = N_(
    "This is a guide, not a diagnosis. Talk with a doctor, therapist or counselor about your care."
)


def __getattr__(name: str) -> str:
    if name == "DISCLAIMER":  # in the current language
        return _(_DISCLAIMER)
    raise AttributeError(name)


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
    disclaimer: str = ""
    concerns: tuple[str, ...] = ()
    answers: dict = field(default_factory=dict, hash=False)
    #: The SAMHSA National Helpline: a referral line, so not among the crisis lines.
    helpline: dict = field(default_factory=lambda: crisis.SAMHSA_HELPLINE.to_dict(), hash=False)
    #: Standard check-ins taken in the guided flow (PHQ-9 ...), as JSON-ready dicts.
    checkins: tuple[dict, ...] = field(default=(), hash=False)

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
            "helpline": dict(self.helpline),
            "disclaimer": self.disclaimer,
            "concerns": list(self.concerns),
            "answers": dict(self.answers),
            "checkins": [dict(c) for c in self.checkins],
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
    if more_than_weekly_triggers(answers):
        if a("home") == "no" and a("daily_impact") == "a_lot":
            return "residential"
        return "iop"
    return "outpatient"


def assess(answers: Answers, checkins: Sequence[ScreenResult] = ()) -> Assessment:
    """The level of care for *answers*, with reasons, caveats and next steps.

    *checkins* (standard questionnaires the person chose to answer) add reasons
    and caveats; they never change the level. Raises UsageError listing what is
    missing when the answers are incomplete (unless danger_now is yes, which
    needs nothing else).
    """
    require_complete(answers)
    level = choose_level(answers)
    summary, reason_ids, found, next_steps = BUILDERS[level](answers)
    from iopguide.content.levels import describe

    reasons = [_reason(answers, qid) for qid in reason_ids]
    if level != "emergency":
        # A flagged check-in ("talk to someone today") leads the safety caveats.
        found = [*_checkin_caveats(answers, checkins), *found, *cv.for_concerns(answers)]
        reasons += [Reason(c.instrument, str(c.score), c.headline) for c in checkins]
    caveats = cv.in_order(found)
    concerns = answers.get("concerns")
    return Assessment(
        level=level,
        title=title(level, with_caveats=bool(caveats)),
        summary=summary,
        reasons=tuple(reasons),
        caveats=caveats,
        next_steps=tuple(next_steps),
        what_it_looks_like=describe(level).to_dict(),
        crisis_lines=tuple(line.to_dict() for line in crisis.CRISIS_LINES),
        disclaimer=_(_DISCLAIMER),
        concerns=concerns if isinstance(concerns, tuple) else (),
        answers=answers.to_dict(),
        checkins=tuple(c.to_dict() for c in checkins),
    )


def _checkin_caveats(answers: Answers, checkins: Sequence[ScreenResult]) -> list[cv.Caveat]:
    out: list[cv.Caveat] = []
    for result in checkins:
        if result.safety_flagged:
            out.append(("safety", result.safety_message))
        if result.high and answers.get("outpatient_enough") == "yes":
            out.append(
                (
                    "medical",
                    _(
                        "Your {name} score ({score}, {band}) is high, and you said weekly "
                        "therapy would be enough. Talk with a clinician about whether you need "
                        "more support."
                    ).format(name=result.name, score=result.score, band=result.band),
                )
            )
    return out


def _reason(answers: Answers, question_id: str) -> Reason:
    value = answers.get(question_id)
    assert isinstance(value, str), question_id
    return Reason(question_id, value, get_question(question_id).choice(value).said)
