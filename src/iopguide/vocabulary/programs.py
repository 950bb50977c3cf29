"""What a programme is and offers: facility types, times, services, approaches, accreditation."""

from __future__ import annotations

from iopguide.vocabulary.terms import Term, Vocabulary

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
