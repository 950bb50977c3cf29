"""Who a programme serves: payment, ages, languages and special groups."""

from __future__ import annotations

from iopguide.vocabulary.terms import Term, Vocabulary

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
