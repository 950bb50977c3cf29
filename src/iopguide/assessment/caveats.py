"""What to keep in mind with a result: each caveat once, in the order a person needs them.

Every caveat has a kind, and a result lists them safety first, then medical,
home, time and anything else (:func:`in_order`). The caveats that follow the
person's *concerns* (self-harm, eating problems, psychosis or bipolar
disorder, alcohol or drug use) apply on every level but emergency, whatever
else the rules chose. Phone numbers are those of :mod:`iopguide.crisis`
(a test checks every sentence against it).

The fixed caveats (``SELF_HARM``, ``HOUSING`` ...) are read in the current language.
"""

from __future__ import annotations

from collections.abc import Iterable

from iopguide.assessment.answers import Answers
from iopguide.i18n import N_, _, texts_in_current_language

#: The order caveats are shown in.
KINDS: tuple[str, ...] = ("safety", "medical", "home", "time", "other")

Caveat = tuple[str, str]  # (kind, text)

_FIXED = {
    # -- concerns
    "SELF_HARM": N_(
        "You said you would like help with hurting yourself. You can call or text 988, or chat "
        "at 988lifeline.org any time, day or night: you don't need to be in immediate danger to "
        "reach out."
    ),
    "EATING": N_(
        "Eating problems can affect your body's health, sometimes seriously. Before you start, "
        "ask a doctor for a physical health check, and look for a program that specialises in "
        "eating disorders."
    ),
    "SUBSTANCE_NOT_APPLICABLE": N_(
        "You would like help with alcohol or drug use. Before you start, ask a doctor for a "
        "medical check for withdrawal: cutting down or stopping suddenly can be dangerous, even "
        "if it has not happened before."
    ),
    "WITHDRAWAL_UNSURE": N_(
        "You weren't sure about withdrawal. Before you start, get a medical check for "
        "withdrawal: a doctor can tell you whether you need help to stop safely. Please don't "
        "stop suddenly on your own."
    ),
    # -- answers
    "HOUSING": N_(
        "You said you don't have a stable, safe place to live. Help with housing can make "
        "treatment work better: recovery housing, sober living homes and supportive living are "
        "options, and the SAMHSA National Helpline (1-800-662-4357, free, day and night) can "
        "point you to them. If home is not safe, tell your doctor or counselor."
    ),
    "BUILD_SUPPORT": N_(
        "Treatment while living at home works best with support there. You can build it with "
        "family therapy, peer support and support groups (such as 12-step groups)."
    ),
    "RESIDENTIAL_LIVING": N_(
        "In residential treatment you live at the program, often for several weeks. For "
        "afterwards, supportive living, such as a sober living home or other recovery housing, "
        "can give you a steady place to live while you step down to an IOP."
    ),
    "WEEKLY_ENOUGH": N_(
        "You said weekly therapy would be enough. With your days this hard, more support may "
        "help you more for now; talk it through with your doctor or therapist."
    ),
    "ASK_PHP_TEAM": N_(
        "You are in a PHP and your symptoms still get in the way of daily life a lot. Ask your "
        "PHP team whether it is time to step down before you change your care."
    ),
}


__getattr__ = texts_in_current_language(_FIXED)


def fixed(name: str) -> str:
    """A fixed caveat (``"HOUSING"``) in the current language."""
    return _(_FIXED[name])


def in_order(caveats: Iterable[Caveat]) -> tuple[str, ...]:
    """The texts, safety first (stable within a kind), each only once."""
    seen: set[str] = set()
    out: list[str] = []
    for _kind, text in sorted(caveats, key=lambda c: KINDS.index(c[0])):
        if text not in seen:
            seen.add(text)
            out.append(text)
    return tuple(out)


# -- concerns -------------------------------------------------------------------------


def psychiatrist(concerns: tuple[str, ...]) -> str:
    psychosis, bipolar = "psychosis" in concerns, "bipolar" in concerns
    if psychosis and bipolar:
        return _(
            "With psychosis or bipolar disorder, make sure a psychiatrist (a doctor who "
            "specialises in mental health and can prescribe medication) is involved in your "
            "care. Ask each program whether one is on the team."
        )
    if psychosis:
        return _(
            "With psychosis, make sure a psychiatrist (a doctor who specialises in mental health "
            "and can prescribe medication) is involved in your care. Ask each program whether "
            "one is on the team."
        )
    return _(
        "With bipolar disorder, make sure a psychiatrist (a doctor who specialises in mental "
        "health and can prescribe medication) is involved in your care. Ask each program "
        "whether one is on the team."
    )


def for_concerns(answers: Answers) -> list[Caveat]:
    """The caveats the person's concerns call for (the same on every level)."""
    raw = answers.get("concerns")
    concerns = raw if isinstance(raw, tuple) else ()
    out: list[Caveat] = []
    if "self_harm" in concerns:
        out.append(("safety", fixed("SELF_HARM")))
    if "eating_disorder" in concerns:
        out.append(("medical", fixed("EATING")))
    if "psychosis" in concerns or "bipolar" in concerns:
        out.append(("medical", psychiatrist(concerns)))
    if "substance_use" in concerns:
        withdrawal = answers.get("withdrawal")
        if withdrawal == "not_applicable":
            out.append(("medical", fixed("SUBSTANCE_NOT_APPLICABLE")))
        elif withdrawal == "unsure":
            out.append(("medical", fixed("WITHDRAWAL_UNSURE")))
    return out


# -- answers ----------------------------------------------------------------------------


def withdrawal_unsure(answers: Answers) -> list[Caveat]:
    if answers.get("withdrawal") == "unsure":
        return [("medical", fixed("WITHDRAWAL_UNSURE"))]
    return []


def home(answers: Answers) -> list[Caveat]:
    """Housing help when there is no stable home; building support when it is only somewhat."""
    value = answers.get("home")
    if value == "no":
        return [("home", fixed("HOUSING"))]
    if value == "somewhat":
        return [("home", fixed("BUILD_SUPPORT"))]
    return []


def iop_time(answers: Answers) -> list[Caveat]:
    time = answers.get("time")
    if time == "yes":
        return []
    if time == "maybe":
        text = _(
            "An IOP asks for about 9 hours a week or more, usually 3 to 5 days. You said that "
            "might be hard. Many programs run in the evening, at weekends or by telehealth "
            "(online): ask about these, and talk with your doctor or therapist if it still "
            "won't fit."
        )
    else:
        text = _(
            "An IOP asks for about 9 hours a week or more, usually 3 to 5 days. You said that "
            "isn't possible right now. Many programs run in the evening, at weekends or by "
            "telehealth (online): ask about these, and talk with your doctor or therapist if it "
            "still won't fit."
        )
    return [("time", text)]


def php_time(answers: Answers) -> list[Caveat]:
    time = answers.get("time")
    if time == "yes":
        return []
    if time == "maybe":
        text = _(
            "A PHP takes most of the day, usually every weekday. You said taking part 3 to 5 days "
            "a week might be hard. Tell your doctor if that schedule cannot fit: they can help "
            "you plan for it or look at other options."
        )
    else:
        text = _(
            "A PHP takes most of the day, usually every weekday. You said taking part 3 to 5 days "
            "a week isn't possible right now. Tell your doctor if that schedule cannot fit: they "
            "can help you plan for it or look at other options."
        )
    return [("time", text)]


def residential_time(answers: Answers) -> list[Caveat]:
    time = answers.get("time")
    if time == "yes":
        return []
    if time == "maybe":
        text = _(
            "You said taking part 3 to 5 days a week might be hard. Residential treatment asks "
            "more: you stay there day and night, often for several weeks. Talk with your doctor "
            "about what would need arranging, such as work or caring for others."
        )
    else:
        text = _(
            "You said taking part 3 to 5 days a week isn't possible right now. Residential "
            "treatment asks more: you stay there day and night, often for several weeks. Talk "
            "with your doctor about what would need arranging, such as work or caring for others."
        )
    return [("time", text)]


def weekly_said_enough(answers: Answers) -> list[Caveat]:
    if answers.get("outpatient_enough") == "yes":
        return [("other", fixed("WEEKLY_ENOUGH"))]
    return []
