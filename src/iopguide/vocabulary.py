"""The words iopguide understands, defined once.

Every controlled value (levels of care, conditions, payment types, ...) has one
id used in directory files, JSON output and answers files; a display label for
people; and aliases accepted on input (``ptsd`` -> ``trauma``, ``tricare`` ->
``military``). Loading, validation, filtering, output and help text all read
from here, so a new alias or label is a single edit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from iopguide.i18n import _

_SEPARATORS = re.compile(r"[\s\-/]+")


def normalise(text: str) -> str:
    """Fold case, accents, spaces, hyphens and slashes.

    ``Co-Occurring`` == ``co_occurring`` and ``Depresión`` == ``depresion``: people
    type Spanish with or without accents. Every alias and every typed value passes
    through here, so this is the one place the folding is defined.
    """
    text = text.strip().lower()
    if not text.isascii():
        text = _strip_accents(text)
    return _SEPARATORS.sub("_", text).strip("_")


def _strip_accents(text: str) -> str:
    """``mañana`` -> ``manana``: compatibility-decompose and drop the combining marks."""
    import unicodedata  # only for non-ASCII text, off the import path of plain searches

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    label: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    short: str = ""  # for narrow columns; the label when empty
    es: tuple[str, ...] = ()  # what a Spanish speaker types; accents optional


class Vocabulary:
    """A closed set of terms with alias lookup and near-miss suggestions."""

    def __init__(self, name: str, terms: Iterable[Term]) -> None:
        self.name = name
        self.terms: tuple[Term, ...] = tuple(terms)
        self._words: dict[str, str] | None = None
        self._labels = {t.id: t.label for t in self.terms}
        self._terms_by_id = {t.id: t for t in self.terms}
        self._order = {t.id: i for i, t in enumerate(self.terms)}
        self._suggested: dict[tuple[str, int], tuple[str, ...]] = {}

    @property
    def _by_key(self) -> dict[str, str]:
        """Every id, label and alias, normalised, to its id.

        Built on first lookup, not at import: a run looks words up in a few
        vocabularies at most, and folding ~700 words costs milliseconds.
        """
        if self._words is None:
            self._words = {
                normalise(word): term.id
                for term in self.terms
                for word in (term.id, term.label, *term.aliases, *term.es)
            }
        return self._words

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __contains__(self, term_id: object) -> bool:
        return term_id in self._labels

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.terms)

    def resolve(self, text: str) -> str | None:
        """The id that *text* names (an id, a label or an alias, any case), or None."""
        return self._by_key.get(normalise(text))

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """Ids whose id, label or alias is close to *text* (for "did you mean").

        Remembered per text: a file repeating one wrong word in 19,000 programmes
        spent most of its 16 s of validation in difflib.
        """
        remembered = self._suggested.get((text, n))
        if remembered is not None:
            return list(remembered)
        import difflib  # only on a miss: most runs never need it

        matches = difflib.get_close_matches(normalise(text), self._by_key, n=n * 2, cutoff=0.75)
        found: list[str] = []
        for key in matches:
            term_id = self._by_key[key]
            if term_id not in found:
                found.append(term_id)
        if len(self._suggested) < 4096:
            self._suggested[(text, n)] = tuple(found[:n])
        return found[:n]

    def label(self, term_id: str) -> str:
        """What a person reads for *term_id*, in the current language (unknown ids as they are)."""
        text = self._labels.get(term_id)
        return _(text) if text else term_id

    def labels(self, term_ids: Iterable[str]) -> list[str]:
        return [self.label(t) for t in term_ids]

    def short(self, term_id: str) -> str:
        term = self._terms_by_id.get(term_id)
        return _(term.short or term.label) if term else term_id

    def sort(self, term_ids: Iterable[str]) -> tuple[str, ...]:
        """Order ids as the vocabulary lists them (stable, meaningful output)."""
        order, last = self._order, len(self._order)
        return tuple(sorted(set(term_ids), key=lambda t: order.get(t, last)))


LEVELS = Vocabulary(
    "level of care",
    [
        Term(
            "outpatient",
            "Outpatient",
            ("op", "regular outpatient", "weekly therapy"),
            "Therapy about once a week while living at home.",
            short="Outpatient",
            es=("ambulatorio", "tratamiento ambulatorio", "terapia semanal", "consulta externa"),
        ),
        Term(
            "iop",
            "Intensive outpatient (IOP)",
            ("intensive outpatient", "intensive outpatient program", "intensive"),
            "About 9-19 hours a week, 3-5 days, while living at home.",
            short="IOP",
            es=(
                "ambulatorio intensivo",
                "programa ambulatorio intensivo",
                "tratamiento ambulatorio intensivo",
                "intensivo",
            ),
        ),
        Term(
            "php",
            "Partial hospitalization (PHP)",
            (
                "partial hospitalization",
                "partial hospitalisation",
                "partial",
                "day treatment",
                "day program",
            ),
            "About 6-8 hours a day on weekdays, going home at night.",
            short="PHP",
            es=(
                "hospitalización parcial",
                "parcial",
                "hospital de día",
                "tratamiento de día",
                "programa de día",
            ),
        ),
        Term(
            "residential",
            "Residential",
            ("rehab", "residential treatment"),
            "Living at the programme, with staff around the clock.",
            short="Residential",
            es=(
                "residencial",
                "tratamiento residencial",
                "rehabilitación",
                "centro de rehabilitación",
            ),
        ),
        Term(
            "inpatient",
            "Inpatient (hospital)",
            ("hospital", "hospital inpatient", "inpatient hospital"),
            "24-hour hospital care with doctors and nurses.",
            short="Inpatient",
            es=("hospitalización", "internamiento", "hospitalización psiquiátrica"),
        ),
        Term(
            "detox",
            "Detox (withdrawal management)",
            ("withdrawal management", "withdrawal", "detoxification", "medical detox"),
            "Medically supervised withdrawal from alcohol or drugs.",
            short="Detox",
            es=(
                "desintoxicación",
                "desintoxicación médica",
                "manejo de la abstinencia",
                "abstinencia",
            ),
        ),
    ],
)

CONDITIONS = Vocabulary(
    "condition",
    [
        Term(
            "mental_health",
            "Mental health (general)",
            ("mh", "mental illness", "general mental health"),
            es=("salud mental", "salud mental general", "enfermedad mental"),
        ),
        Term(
            "depression",
            "Depression",
            ("depressive disorder", "major depression", "mdd"),
            es=("depresión", "depresión mayor", "trastorno depresivo"),
        ),
        Term(
            "anxiety",
            "Anxiety",
            ("anxiety disorders", "panic", "ocd", "gad"),
            es=(
                "ansiedad",
                "trastorno de ansiedad",
                "trastornos de ansiedad",
                "pánico",
                "ataques de pánico",
                "toc",
                "trastorno obsesivo compulsivo",
            ),
        ),
        Term(
            "bipolar",
            "Bipolar disorder",
            ("bipolar disorder", "manic depression"),
            es=("trastorno bipolar", "maníaco depresivo", "depresión maníaca"),
        ),
        Term(
            "trauma",
            "Trauma / PTSD",
            ("ptsd", "trauma/ptsd", "post traumatic stress", "post-traumatic stress"),
            es=(
                "tept",  # trastorno de estrés postraumático
                "trauma/tept",
                "estrés postraumático",
                "trastorno de estrés postraumático",
            ),
        ),
        Term(
            "eating_disorder",
            "Eating disorders",
            ("eating disorders", "ed", "anorexia", "bulimia", "binge eating"),
            es=(
                "trastornos de la alimentación",
                "trastorno de la alimentación",
                "trastornos alimentarios",
                "trastorno alimentario",
                "trastornos de la conducta alimentaria",
                "tca",
                "atracones",
            ),
        ),
        Term(
            "self_harm",
            "Self-harm",
            ("self harm", "self injury", "self-injury"),
            es=("autolesión", "autolesiones", "autoagresión", "autoagresiones"),
        ),
        Term(
            "psychosis",
            "Psychosis / serious mental illness",
            ("smi", "serious mental illness", "schizophrenia", "psychotic disorders"),
            es=(
                "psicosis",
                "esquizofrenia",
                "trastornos psicóticos",
                "enfermedad mental grave",
                "enfermedad mental seria",
            ),
        ),
        Term(
            "substance_use",
            "Substance use",
            (
                "sud",
                "substance use disorder",
                "addiction",
                "alcohol",
                "drugs",
                "drug use",
                "opioids",
                "substance abuse",
            ),
            es=(
                "uso de sustancias",
                "consumo de sustancias",
                "trastorno por uso de sustancias",
                "abuso de sustancias",
                "adicción",
                "adicciones",
                "alcoholismo",
                "drogas",
                "uso de drogas",
                "consumo de drogas",
                "opioides",
            ),
        ),
        Term(
            "co_occurring",
            "Co-occurring mental health and substance use",
            ("dual diagnosis", "co-occurring", "cod"),
            es=("diagnóstico dual", "patología dual", "trastornos concurrentes", "coocurrente"),
        ),
    ],
)

#: Specific mental-health conditions that a general mental-health programme also treats.
MENTAL_HEALTH_SPECIFIC = frozenset(
    {"depression", "anxiety", "bipolar", "trauma", "eating_disorder", "self_harm", "psychosis"}
)


def broader_conditions(condition: str) -> tuple[str, ...]:
    """The general categories a programme may list instead of *condition*, closest first.

    Published directories mostly code broad types of care: a general mental-health
    programme treats depression, and a co-occurring programme treats substance
    use and mental health (SAMHSA's 2022 workbooks list 31 programmes as
    co-occurring only).
    """
    if condition in MENTAL_HEALTH_SPECIFIC:
        return ("mental_health", "co_occurring")
    if condition in ("mental_health", "substance_use"):
        return ("co_occurring",)
    return ()


PAYMENT = Vocabulary(
    "payment type",
    [
        Term(
            "medicaid",
            "Medicaid",
            ("medi-cal", "medical assistance"),
            # Plan Vital: Puerto Rico's Medicaid (the Government Health Plan).
            es=("asistencia médica", "plan vital"),
        ),
        Term("medicare", "Medicare"),
        Term(
            "private_insurance",
            "Private insurance",
            (
                "private",
                "insurance",
                "commercial insurance",
                "health insurance",
                "employer insurance",
            ),
            short="Private",
            es=(
                "seguro privado",
                "seguro",
                "seguro médico",
                "seguro de salud",
                "plan médico",
                "seguro comercial",
                "seguro del trabajo",
            ),
        ),
        Term(
            "military",
            "Military insurance (TRICARE)",
            ("tricare", "military insurance"),
            es=("seguro militar",),
            short="TRICARE",
        ),
        Term(
            "self_pay",
            "Self-pay (cash)",
            ("cash", "self pay", "out of pocket"),
            short="Self-pay",
            es=("pago propio", "pago en efectivo", "efectivo", "pago directo", "de su bolsillo"),
        ),
        Term(
            "sliding_scale",
            "Sliding-scale fees",
            ("sliding scale", "sliding fee", "income based"),
            short="Sliding scale",
            es=("escala móvil", "tarifa móvil", "escala de tarifas", "según ingresos"),
        ),
        Term(
            "state_funded",
            "State-funded",
            ("state", "state financed", "state-financed", "state insurance"),
            es=("estatal", "fondos estatales", "financiado por el estado"),
        ),
        Term(
            "ihs_tribal",
            "IHS / tribal / urban Indian funds",
            ("ihs", "tribal", "indian health service"),
            short="IHS/tribal",
            es=("servicio de salud indígena", "fondos tribales"),
        ),
        Term(
            "free",
            "Free (no payment needed)",
            ("no cost", "no payment", "no charge"),
            short="Free",
            es=("gratis", "gratuito", "sin costo", "sin cargo", "sin pago"),
        ),
    ],
)

AGE_GROUPS = Vocabulary(
    "age group",
    [
        Term(
            "children",
            "Children (under 13)",
            ("child", "kids", "kid"),
            es=("niños", "niño", "niñas", "niña", "infantil"),
        ),
        Term(
            "adolescents",
            "Adolescents (13-17)",
            ("adolescent", "teens", "teen", "teenagers", "youth"),
            es=("adolescentes", "adolescente", "jóvenes", "juvenil"),
        ),
        Term(
            "young_adults",
            "Young adults (18-25)",
            ("young adult", "transition age"),
            es=("adultos jóvenes", "adulto joven", "jóvenes adultos"),
        ),
        Term("adults", "Adults", ("adult",), es=("adultos", "adulto")),
        Term(
            "older_adults",
            "Older adults (65+)",
            ("older adult", "seniors", "senior", "elderly"),
            es=(
                "adultos mayores",
                "adulto mayor",
                "personas mayores",
                "tercera edad",
                "envejecientes",  # Puerto Rico
            ),
        ),
    ],
)

LANGUAGES = Vocabulary(
    "language",
    [
        Term("english", "English", ("en",), es=("inglés",)),
        Term("spanish", "Spanish", ("es",), es=("español", "castellano")),
        Term(
            "asl",
            "American Sign Language",
            ("american sign language", "sign language"),
            es=(
                "lenguaje de señas",
                "lengua de señas",
                "lenguaje de señas americano",
                "lengua de señas americana",
                "señas",
            ),
        ),
        Term(
            "chinese",
            "Chinese",
            ("mandarin", "cantonese", "zh"),
            es=("chino", "mandarín", "cantonés"),
        ),
        Term("vietnamese", "Vietnamese", ("vi",), es=("vietnamita",)),
        Term("korean", "Korean", ("ko",), es=("coreano",)),
        Term("tagalog", "Tagalog", ("filipino",), es=("tagalo",)),
        Term("arabic", "Arabic", ("ar",), es=("árabe",)),
        Term("french", "French", ("fr",), es=("francés",)),
        Term("haitian_creole", "Haitian Creole", ("creole", "kreyòl"), es=("criollo haitiano",)),
        Term("russian", "Russian", ("ru",), es=("ruso",)),
        Term("portuguese", "Portuguese", ("pt",), es=("portugués",)),
        Term("german", "German", ("de",), es=("alemán",)),
        Term("italian", "Italian", ("it",), es=("italiano",)),
        Term("polish", "Polish", ("pl",), es=("polaco",)),
        Term("hindi", "Hindi", ("hi",)),
        Term("urdu", "Urdu"),
        Term("japanese", "Japanese", ("ja",), es=("japonés",)),
        Term("hmong", "Hmong"),
        Term("somali", "Somali"),
        Term("farsi", "Farsi (Persian)", ("persian",), es=("persa",)),
        Term("navajo", "Navajo"),
        Term(
            "native_american_languages",
            "American Indian or Alaska Native languages",
            ("american indian languages", "alaska native languages"),
            es=("lenguas indígenas", "idiomas indígenas", "lenguas nativas americanas"),
        ),
        Term("other", "Other languages", ("other language",), es=("otro idioma", "otros idiomas")),
    ],
)

SPECIAL_GROUPS = Vocabulary(
    "special group",
    [
        Term("veterans", "Veterans", ("veteran", "vet")),
        Term("active_military", "Active-duty military", ("active duty", "military members")),
        Term("military_families", "Military families"),
        Term("lgbtq", "LGBTQ+", ("lgbt", "lgbtq+", "gay", "lesbian", "transgender")),
        Term(
            "pregnant_women",
            "Pregnant or postpartum women",
            ("pregnant", "postpartum", "pregnant women"),
        ),
        Term("women", "Women"),
        Term("men", "Men"),
        Term("adolescents_only", "Adolescents", ("youth programs",)),
        Term("seniors", "Older adults", ("older adults programs",)),
        Term(
            "justice_involved",
            "People involved with the justice system",
            ("criminal justice", "justice involved", "court ordered", "dui", "dwi", "dui/dwi"),
        ),
        Term("trauma_survivors", "Trauma survivors", ("trauma survivors",)),
        Term(
            "domestic_violence",
            "People affected by domestic violence",
            ("domestic violence", "ipv"),
        ),
        Term("hiv", "People with HIV or AIDS", ("hiv/aids", "aids")),
        Term("homeless", "People experiencing homelessness", ("homelessness", "unhoused")),
        Term("first_responders", "First responders"),
        Term("co_occurring", "People with co-occurring disorders", ("dual diagnosis",)),
        Term("serious_mental_illness", "Adults with serious mental illness", ("smi",)),
        Term(
            "serious_emotional_disturbance", "Children with serious emotional disturbance", ("sed",)
        ),
        Term("deaf_hard_of_hearing", "Deaf or hard of hearing", ("deaf", "hard of hearing")),
    ],
)

#: What kind of place a facility is (SAMHSA's facility-type codes). The mental-health
#: directory cannot record IOP; these types are how a search knows which
#: mental-health facilities may run one (see ``directory.fit``).
FACILITY_TYPES = Vocabulary(
    "facility type",
    [
        Term("cmhc", "Community mental health center", ("community mental health centre",)),
        Term("ccbhc", "Certified community behavioral health clinic", ("ccbhc",)),
        Term("outpatient_mh", "Outpatient mental health facility"),
        Term("multi_setting_mh", "Multi-setting mental health facility"),
        Term("partial_hospital", "Partial hospitalization/day treatment facility"),
        Term("psychiatric_hospital", "Psychiatric hospital"),
        Term("general_hospital", "General hospital"),
        Term("general_hospital_psych_unit", "Psychiatric unit of a general hospital"),
        Term("state_hospital", "State hospital"),
        Term("residential_adults", "Residential treatment center for adults"),
        Term("residential_children", "Residential treatment center for children"),
        Term("other_residential", "Other residential treatment facility"),
        Term("va", "Veterans Affairs facility", ("va facility",)),
    ],
)

SCHEDULE_TIMES = Vocabulary(
    "schedule",
    [
        Term(
            "morning",
            "Mornings",
            ("am", "mornings"),
            es=("mañana", "mañanas", "por la mañana", "en la mañana"),
        ),
        Term(
            "afternoon",
            "Afternoons",
            ("afternoons", "daytime"),
            es=("tarde", "tardes", "por la tarde", "en la tarde"),
        ),
        Term(
            "evening",
            "Evenings",
            ("pm", "evenings", "night", "after work"),
            es=("noche", "noches", "por la noche", "en la noche", "después del trabajo"),
        ),
        Term(
            "weekend",
            "Weekends",
            ("weekends", "saturday", "sunday"),
            es=("fin de semana", "fines de semana", "sábado", "domingo", "sábados", "domingos"),
        ),
    ],
)

SERVICES = Vocabulary(
    "service",
    [
        Term("individual_therapy", "Individual therapy", ("individual", "one-on-one therapy")),
        Term("group_therapy", "Group therapy", ("group",)),
        Term("family_therapy", "Family therapy", ("family", "couples therapy")),
        Term("medication_management", "Medication management", ("medication", "psychiatry")),
        Term("psychoeducation", "Psychoeducation", ("education",)),
        Term(
            "skill_building",
            "Skill building (coping, stress, relapse prevention)",
            ("skills", "coping skills", "life skills"),
        ),
        Term(
            "mat",
            "Medication for addiction treatment (MAT)",
            (
                "moud",
                "medication assisted treatment",
                "medication for addiction",
                "buprenorphine",
                "methadone",
                "naltrexone",
            ),
        ),
        Term("drug_testing", "Drug and alcohol testing", ("drug screening", "urine testing")),
        Term(
            "holistic",
            "Holistic therapies (mindfulness, yoga, art)",
            ("holistic therapies", "mindfulness", "yoga", "art therapy"),
        ),
        Term(
            "case_management",
            "Case management",
        ),
        Term("peer_support", "Peer support", ("peer", "recovery coaching")),
        Term("vocational", "Vocational and educational support", ("employment", "job support")),
        Term(
            "aftercare",
            "Aftercare and discharge planning",
            ("discharge planning", "continuing care"),
        ),
        Term("psychiatric_evaluation", "Psychiatric evaluation", ("assessment", "evaluation")),
        Term("crisis_services", "Crisis services", ("crisis",)),
        Term("housing_support", "Housing support", ("housing",)),
        Term(
            "transportation",
            "Transportation help",
        ),
        Term("smoking_cessation", "Tobacco cessation", ("tobacco", "smoking")),
    ],
)

APPROACHES = Vocabulary(
    "therapeutic approach",
    [
        Term("cbt", "Cognitive behavioral therapy (CBT)", ("cognitive behavioral therapy",)),
        Term("dbt", "Dialectical behavior therapy (DBT)", ("dialectical behavior therapy",)),
        Term("motivational_interviewing", "Motivational interviewing", ("mi",)),
        Term("motivational_enhancement", "Motivational enhancement therapy", ("met",)),
        Term("emdr", "EMDR", ("eye movement desensitization",)),
        Term(
            "trauma_focused",
            "Trauma-focused therapy",
            ("tf cbt", "tf-cbt", "cpt", "prolonged exposure"),
        ),
        Term(
            "act", "Acceptance and commitment therapy (ACT)", ("acceptance and commitment therapy",)
        ),
        Term("twelve_step", "12-step facilitation", ("12 step", "12-step", "twelve step")),
        Term(
            "contingency_management",
            "Contingency management",
        ),
        Term(
            "relapse_prevention",
            "Relapse prevention",
        ),
        Term("family_based", "Family-based treatment", ("fbt", "maudsley")),
        Term(
            "matrix_model",
            "Matrix model",
        ),
        Term("community_reinforcement", "Community reinforcement approach", ("cra", "craft")),
        Term("integrated_dual_disorders", "Integrated dual-disorder treatment", ("iddt",)),
        Term(
            "anger_management",
            "Anger management",
        ),
        Term("rational_emotive", "Rational emotive behavior therapy", ("rebt",)),
    ],
)

ACCREDITATION = Vocabulary(
    "accreditation",
    [
        Term("joint_commission", "The Joint Commission", ("jc", "jcaho", "tjc")),
        Term("carf", "CARF", ("commission on accreditation of rehabilitation facilities",)),
        Term("coa", "Council on Accreditation (COA)", ("council on accreditation",)),
        Term("ncqa", "NCQA", ("national committee for quality assurance",)),
        Term("state_licensed", "State licensed", ("licensed", "state license")),
        Term("hfap", "HFAP", ("healthcare facilities accreditation program",)),
    ],
)

_STATE_NAMES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "PR": "Puerto Rico",
    "GU": "Guam",
    "VI": "U.S. Virgin Islands",
    "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
    "FM": "Micronesia",
    "MH": "Marshall Islands",
    "PW": "Palau",
}

#: US states and territories; ids are the two-letter postal codes.
STATES = Vocabulary("state", [Term(code, name) for code, name in _STATE_NAMES.items()])
