"""What care at each level looks like, described once.

The assessment result and ``iopguide learn levels-of-care`` both read these
descriptions, so the hours quoted to a person after the questions and the table
in the explanations can never disagree. Ids are ``vocabulary.LEVELS`` ids plus
``emergency``. Phone numbers are those of :mod:`iopguide.crisis` (a test checks).

The texts are English msgids; a description's attributes read them in the
current language, so one table serves every language.
"""

from __future__ import annotations

from dataclasses import dataclass

from iopguide.errors import UsageError
from iopguide.i18n import N_, _
from iopguide.vocabulary import LEVELS

#: How each level is usually paid for: one line per level, because coverage differs
#: (Medicare covers hospital care, PHP, IOP (since 2024) and outpatient therapy, but
#: generally not residential treatment). Emergency help never waits on cost.
_PAYING: dict[str, str] = {
    "detox": N_(
        "Ask about cost and insurance: most health insurance plans and Medicaid cover "
        "medically needed withdrawal management, and Medicare covers it in a hospital. Call your "
        "insurer to confirm."
    ),
    "inpatient": N_(
        "Ask about cost and insurance: most health insurance plans, Medicaid and "
        "Medicare cover hospital care. Call your insurer to confirm what you would pay."
    ),
    "residential": N_(
        "Ask about cost and insurance: many private plans and some state Medicaid "
        "programs cover residential treatment, but Medicare generally does not. Call your insurer "
        "before you start, and ask programs about sliding-scale fees or state-funded places."
    ),
    "php": N_(
        "Ask about cost and insurance: most insurance plans, Medicaid and Medicare cover a "
        "PHP, but call your insurer to confirm."
    ),
    "iop": N_(
        "Ask about cost and insurance: most insurance plans and Medicaid cover an IOP, and "
        "Medicare has covered IOP since 2024. Call your insurer to confirm."
    ),
    "outpatient": N_(
        "Ask about cost and insurance: most insurance plans, Medicaid and Medicare "
        "cover therapy. Many therapists also offer sliding-scale fees."
    ),
}


def paying(level: str) -> str:
    """How *level* is usually paid for, in the current language."""
    return _(_PAYING[level])


@dataclass(frozen=True, slots=True)
class LevelDescription:
    id: str
    title_en: str
    hours_en: str
    where_you_live_en: str
    who_for_en: str
    components_en: tuple[str, ...]

    @property
    def title(self) -> str:
        return _(self.title_en)

    @property
    def hours(self) -> str:
        return _(self.hours_en)

    @property
    def where_you_live(self) -> str:
        return _(self.where_you_live_en)

    @property
    def who_for(self) -> str:
        return _(self.who_for_en)

    @property
    def components(self) -> tuple[str, ...]:
        return tuple(_(c) for c in self.components_en)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "hours": self.hours,
            "where_you_live": self.where_you_live,
            "who_for": self.who_for,
            "components": list(self.components),
        }


_LEVELS: tuple[LevelDescription, ...] = (
    LevelDescription(
        id="emergency",
        title_en=N_("Emergency help now"),
        hours_en=N_("Right now, any time of day or night"),
        where_you_live_en=N_(
            "Wherever you are: help can come to you, or you go to the nearest emergency room"
        ),
        who_for_en=N_(
            "Anyone who is thinking about ending their life, might hurt someone, or is in "
            "danger right now."
        ),
        components_en=(
            N_(
                "988 Suicide & Crisis Lifeline: Call or text 988, or chat at 988lifeline.org. "
                "24/7, free and confidential. Press 1 for the Veterans Crisis Line (veterans can "
                "also text 838255); press 2 for Spanish."
            ),
            N_(
                "Emergency services: Call 911. Immediate danger to life, a medical emergency or "
                "an overdose."
            ),
            N_("Stay with someone you trust, or ask someone to stay with you"),
            N_("Once you are safe, a clinician can help you plan the next level of care"),
        ),
    ),
    LevelDescription(
        id="detox",
        title_en=N_("Detox (medically supervised withdrawal management)"),
        hours_en=N_("Around the clock, usually for a few days to about a week"),
        where_you_live_en=N_(
            "Usually at a hospital or detox unit; some people with milder withdrawal are "
            "supported as outpatients"
        ),
        who_for_en=N_(
            "People whose body may react badly when they stop drinking or using drugs "
            "(shakes, sweating, seizures, seeing things). Stopping suddenly can be dangerous "
            "without medical care."
        ),
        components_en=(
            N_("Medical checks of how your body is handling withdrawal"),
            N_("Medication to ease withdrawal symptoms and keep you safe"),
            N_("Nursing care and support around the clock"),
            N_("A plan for further treatment afterwards, such as residential care or an IOP"),
        ),
    ),
    LevelDescription(
        id="inpatient",
        title_en=N_("Inpatient (hospital) care"),
        hours_en=N_("24 hours a day, usually for days to a few weeks"),
        where_you_live_en=N_("In a hospital"),
        who_for_en=N_(
            "People who need medical or psychiatric care around the clock to stay safe or to "
            "manage basic needs."
        ),
        components_en=(
            N_("24-hour medical and nursing care"),
            N_("Psychiatric assessment and medication"),
            N_("Individual and group therapy"),
            N_("A safe, supervised setting"),
            N_("Planning for the next step, such as PHP or IOP"),
        ),
    ),
    LevelDescription(
        id="residential",
        title_en=N_("Residential treatment"),
        hours_en=N_("24 hours a day, often for several weeks or longer"),
        where_you_live_en=N_("You live at the program, with staff there around the clock"),
        who_for_en=N_(
            "People who need a structured, supportive place to live while they recover, for "
            "example when home is not stable or safe, but who do not need hospital care."
        ),
        components_en=(
            N_("Daily individual and group therapy"),
            N_("Skill building for daily life and recovery"),
            N_("Medication management"),
            N_("Staff support day and night"),
            N_("Planning for life after the program, such as IOP or supportive housing"),
        ),
    ),
    LevelDescription(
        id="php",
        title_en=N_("Partial hospitalization program (PHP)"),
        hours_en=N_("About 6–8 hours a day, usually 5 days a week (weekdays)"),
        where_you_live_en=N_("At home; you go home at night"),
        who_for_en=N_(
            "People who need full days of treatment and structure, with medical and "
            "psychiatric monitoring, but can safely sleep at home. Often a step down from "
            "inpatient care, or a step up when an IOP is not enough."
        ),
        components_en=(
            N_("Individual, group and family therapy"),
            N_("Medical and psychiatric monitoring"),
            N_("Medication management"),
            N_("Skill building and psychoeducation (learning about your condition and treatment)"),
            N_("Planning the next step, often an IOP"),
        ),
    ),
    LevelDescription(
        id="iop",
        title_en=N_("Intensive outpatient program (IOP)"),
        hours_en=N_(
            "About 9–19 hours a week: about 3 hours a day, 3–5 days a week (adolescents from "
            "about 6 hours)"
        ),
        where_you_live_en=N_("At home; you keep up work, school or caring"),
        who_for_en=N_(
            "People who need more support than weekly therapy but not 24-hour care, who have "
            "a stable home and can commit to attending. Often a step down from inpatient "
            "care. Not enough for someone in danger, who needs medical detox, who needs "
            "round-the-clock supervision, or whose symptoms are severe or need medical "
            "supervision or stabilisation."
        ),
        components_en=(
            N_("Individual therapy"),
            N_("Group therapy"),
            N_("Family therapy"),
            N_(
                "Skill building: coping, stress management, emotional regulation, relapse "
                "prevention"
            ),
            N_("Medication management"),
            N_("Psychoeducation (learning about your condition and treatment)"),
            N_("Support services: vocational, educational and community"),
        ),
    ),
    LevelDescription(
        id="outpatient",
        title_en=N_("Outpatient therapy"),
        hours_en=N_("About 1 hour a week, or less"),
        where_you_live_en=N_("At home; you keep up your usual life"),
        who_for_en=N_(
            "People whose symptoms are manageable with a regular session with a therapist, "
            "counselor or doctor, about once a week or less."
        ),
        components_en=(
            N_("Individual therapy (sometimes couples, family or group sessions)"),
            N_("Medication management if needed"),
            N_("Skills to practise between sessions"),
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
        raise UsageError(
            _("Unknown level of care: {level}.").format(level=repr(level_id)),
            hint=_("Known levels: {levels}.").format(levels=known),
        )
    return LEVEL_DESCRIPTIONS[resolved]
