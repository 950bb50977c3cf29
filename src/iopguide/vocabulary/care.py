"""Levels of care and the conditions a programme treats."""

from __future__ import annotations

from iopguide.vocabulary.terms import Term, Vocabulary

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
