"""What care at each level looks like, described once.

The assessment result and ``iopguide learn levels-of-care`` both read these
descriptions, so the hours quoted to a person after the questions and the table
in the explanations can never disagree. Ids are ``vocabulary.LEVELS`` ids plus
``emergency``. Phone numbers come from :mod:`iopguide.crisis`, never typed here.
"""

from __future__ import annotations

from dataclasses import dataclass

from iopguide import crisis
from iopguide.errors import UsageError
from iopguide.vocabulary import LEVELS

#: How each level is usually paid for: one line per level, because coverage differs
#: (Medicare covers hospital care, PHP, IOP (since 2024) and outpatient therapy, but
#: generally not residential treatment). Emergency help never waits on cost.
PAYING: dict[str, str] = {
    "detox": "Ask about cost and insurance: most health insurance plans and Medicaid cover "
    "medically needed withdrawal management, and Medicare covers it in a hospital. Call your "
    "insurer to confirm.",
    "inpatient": "Ask about cost and insurance: most health insurance plans, Medicaid and "
    "Medicare cover hospital care. Call your insurer to confirm what you would pay.",
    "residential": "Ask about cost and insurance: many private plans and some state Medicaid "
    "programs cover residential treatment, but Medicare generally does not. Call your insurer "
    "before you start, and ask programs about sliding-scale fees or state-funded places.",
    "php": "Ask about cost and insurance: most insurance plans, Medicaid and Medicare cover a "
    "PHP, but call your insurer to confirm.",
    "iop": "Ask about cost and insurance: most insurance plans and Medicaid cover an IOP, and "
    "Medicare has covered IOP since 2024. Call your insurer to confirm.",
    "outpatient": "Ask about cost and insurance: most insurance plans, Medicaid and Medicare "
    "cover therapy. Many therapists also offer sliding-scale fees.",
}


@dataclass(frozen=True, slots=True)
class LevelDescription:
    id: str
    title: str
    hours: str
    where_you_live: str
    who_for: str
    components: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "hours": self.hours,
            "where_you_live": self.where_you_live,
            "who_for": self.who_for,
            "components": list(self.components),
        }


def _emergency() -> LevelDescription:
    lifeline, emergency = crisis.LIFELINE_988, crisis.EMERGENCY_911
    return LevelDescription(
        id="emergency",
        title="Emergency help now",
        hours="Right now, any time of day or night",
        where_you_live="Wherever you are: help can come to you, or you go to the nearest "
        "emergency room",
        who_for="Anyone who is thinking about ending their life, might hurt someone, "
        "or is in danger right now.",
        components=(
            f"{lifeline.name}: {lifeline.how}. {lifeline.notes}",
            f"{emergency.name}: {emergency.how}. {emergency.notes}",
            "Stay with someone you trust, or ask someone to stay with you",
            "Once you are safe, a clinician can help you plan the next level of care",
        ),
    )


_LEVELS: tuple[LevelDescription, ...] = (
    _emergency(),
    LevelDescription(
        id="detox",
        title="Detox (medically supervised withdrawal management)",
        hours="Around the clock, usually for a few days to about a week",
        where_you_live="Usually at a hospital or detox unit; some people with milder withdrawal "
        "are supported as outpatients",
        who_for="People whose body may react badly when they stop drinking or using drugs "
        "(shakes, sweating, seizures, seeing things). Stopping suddenly can be dangerous "
        "without medical care.",
        components=(
            "Medical checks of how your body is handling withdrawal",
            "Medication to ease withdrawal symptoms and keep you safe",
            "Nursing care and support around the clock",
            "A plan for further treatment afterwards, such as residential care or an IOP",
        ),
    ),
    LevelDescription(
        id="inpatient",
        title="Inpatient (hospital) care",
        hours="24 hours a day, usually for days to a few weeks",
        where_you_live="In a hospital",
        who_for="People who need medical or psychiatric care around the clock to stay safe "
        "or to manage basic needs.",
        components=(
            "24-hour medical and nursing care",
            "Psychiatric assessment and medication",
            "Individual and group therapy",
            "A safe, supervised setting",
            "Planning for the next step, such as PHP or IOP",
        ),
    ),
    LevelDescription(
        id="residential",
        title="Residential treatment",
        hours="24 hours a day, often for several weeks or longer",
        where_you_live="You live at the program, with staff there around the clock",
        who_for="People who need a structured, supportive place to live while they recover, "
        "for example when home is not stable or safe, but who do not need hospital care.",
        components=(
            "Daily individual and group therapy",
            "Skill building for daily life and recovery",
            "Medication management",
            "Staff support day and night",
            "Planning for life after the program, such as IOP or supportive housing",
        ),
    ),
    LevelDescription(
        id="php",
        title="Partial hospitalization program (PHP)",
        hours="About 6–8 hours a day, usually 5 days a week (weekdays)",
        where_you_live="At home; you go home at night",
        who_for="People who need full days of treatment and structure, with medical and "
        "psychiatric monitoring, but can safely sleep at home. Often a step down from inpatient "
        "care, or a step up when an IOP is not enough.",
        components=(
            "Individual, group and family therapy",
            "Medical and psychiatric monitoring",
            "Medication management",
            "Skill building and psychoeducation (learning about your condition and treatment)",
            "Planning the next step, often an IOP",
        ),
    ),
    LevelDescription(
        id="iop",
        title="Intensive outpatient program (IOP)",
        hours="About 9–19 hours a week: about 3 hours a day, 3–5 days a week (adolescents from "
        "about 6 hours)",
        where_you_live="At home; you keep up work, school or caring",
        who_for="People who need more support than weekly therapy but not 24-hour care, who have "
        "a stable home and can commit to attending. Often a step down from inpatient care. "
        "Not enough for someone in danger, who needs medical detox, who needs round-the-clock "
        "supervision, or whose symptoms are severe or need medical supervision or "
        "stabilisation.",
        components=(
            "Individual therapy",
            "Group therapy",
            "Family therapy",
            "Skill building: coping, stress management, emotional regulation, relapse prevention",
            "Medication management",
            "Psychoeducation (learning about your condition and treatment)",
            "Support services: vocational, educational and community",
        ),
    ),
    LevelDescription(
        id="outpatient",
        title="Outpatient therapy",
        hours="About 1 hour a week, or less",
        where_you_live="At home; you keep up your usual life",
        who_for="People whose symptoms are manageable with a regular session with a therapist, "
        "counselor or doctor, about once a week or less.",
        components=(
            "Individual therapy (sometimes couples, family or group sessions)",
            "Medication management if needed",
            "Skills to practise between sessions",
        ),
    ),
)

#: Keys: emergency, detox, inpatient, residential, php, iop, outpatient.
LEVEL_DESCRIPTIONS: dict[str, LevelDescription] = {level.id: level for level in _LEVELS}

#: Side by side, least to most intensive (the order of the levels-of-care table).
BY_INTENSITY: tuple[str, ...] = ("outpatient", "iop", "php", "residential", "inpatient", "detox")


def describe(level_id: str) -> LevelDescription:
    """The description of *level_id* (an id, label or alias from ``LEVELS``, or ``emergency``)."""
    if level_id in LEVEL_DESCRIPTIONS:
        return LEVEL_DESCRIPTIONS[level_id]
    resolved = "emergency" if level_id.strip().lower() == "emergency" else LEVELS.resolve(level_id)
    if resolved is None or resolved not in LEVEL_DESCRIPTIONS:
        known = ", ".join(LEVEL_DESCRIPTIONS)
        raise UsageError(f"Unknown level of care: {level_id!r}.", hint=f"Known levels: {known}.")
    return LEVEL_DESCRIPTIONS[resolved]
