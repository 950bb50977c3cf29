"""SAMHSA service codes (and FindTreatment.gov's words for them) -> iopguide vocabulary.

Every code in the 2022 "Service Code Reference" sheets of both National
Directories (substance use: 225 codes, mental health: 176) is listed here once,
with the decision taken for it: mapped onto vocabulary ids, or deliberately
ignored with the reason. The workbook's own reference sheet stays the authority
for what a code *means*: when a workbook files a code under a different category
than the one recorded here, the importer does not apply the mapping and says so
(see :func:`check_reference`).

Decisions worth knowing:

* ``OIT`` is the only IOP code. The mental-health directory has no IOP code at
  all, so a mental-health facility never gets ``iop`` from its codes.
* ``OP`` ("Outpatient") is an umbrella over ``ORT``/``OIT``/``ODT``/``OD``/``OMB``
  in the substance-use directory: it means regular ``outpatient`` only when none
  of those specific settings is given (otherwise an IOP-only programme would be
  listed as weekly outpatient too). ``FX`` ("other languages") works the same
  way over the specific language codes.
* Types of care are broad: ``SA`` -> substance_use, ``MH`` -> mental_health,
  ``SUMH`` -> co_occurring. The only specific conditions are the mental-health
  special programmes ``PTSD`` (trauma), ``PED`` (eating_disorder), ``SMI`` and
  ``PEFP`` (psychosis). ``SED`` (children with serious emotional disturbance) is
  not psychosis: it becomes a special group only.
* Restrictions ("serves only ...") come from the ``EXCL`` codes that say *only*
  (``DUO``, ``AUDO``, ``OUDO``), a single gender accepted (``FEM`` without
  ``MALE`` or the reverse; see :data:`ONLY_RULES`), and facilities run by the
  VA (``VAMC``, ``VAHC``: veterans) or the Department of Defense (``DDF``).
  ``DU`` ("Specially designed program for DUI/DWI clients") is a programme
  offered, not a restriction: it maps to the justice_involved group.
* Funding sources that are not a way a person pays (block grants, county funds,
  ``FSA``, ``SAMF`` ...) are ignored; ``PA`` (payment assistance) has no payment
  id and becomes a note.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Code:
    """One published code and what iopguide makes of it."""

    code: str
    category: str  # category_code in the reference sheet
    name: str  # service_name in the 2022 reference sheet
    adds: tuple[tuple[str, str], ...] = ()  # (field, vocabulary id) pairs
    telehealth: bool = False
    serves_only: str | None = None  # plain-words restriction
    note: str | None = None  # a sentence for the programme's notes
    ignored: str | None = None  # why the code is deliberately not mapped
    words: tuple[str, ...] = ()  # other spellings (FindTreatment.gov API, older editions)

    @property
    def mapped(self) -> bool:
        return bool(self.adds or self.telehealth or self.serves_only or self.note)


def _code(
    code: str,
    category: str,
    name: str,
    *,
    levels: Iterable[str] = (),
    conditions: Iterable[str] = (),
    payment: Iterable[str] = (),
    ages: Iterable[str] = (),
    languages: Iterable[str] = (),
    special_groups: Iterable[str] = (),
    services: Iterable[str] = (),
    approaches: Iterable[str] = (),
    accreditation: Iterable[str] = (),
    facility_types: Iterable[str] = (),
    telehealth: bool = False,
    serves_only: str | None = None,
    note: str | None = None,
    words: Iterable[str] = (),
) -> Code:
    adds: list[tuple[str, str]] = []
    for field_name, ids in (
        ("levels", levels),
        ("conditions", conditions),
        ("payment", payment),
        ("ages", ages),
        ("languages", languages),
        ("special_groups", special_groups),
        ("services", services),
        ("approaches", approaches),
        ("accreditation", accreditation),
        ("facility_types", facility_types),
    ):
        adds.extend((field_name, term_id) for term_id in ids)
    return Code(
        code, category, name, tuple(adds), telehealth, serves_only, note, None, tuple(words)
    )


def _ignore(code: str, category: str, name: str, why: str, *, words: Iterable[str] = ()) -> Code:
    return Code(code, category, name, ignored=why, words=tuple(words))


# Reasons shared by many ignored codes.
_FACILITY_ADMIN = "who runs or licenses the facility; not a service a person chooses by"
_FUNDING = "a funding source of the facility, not a way a person pays"
_POLICY = "a facility policy (smoking, vaping), not a service"
_DETAIL = "a clinical detail below the level the directory format records"
_MEDICAL = "a medical test or service the directory format does not record"
_NEGATIVE = "says what the facility does NOT do; recorded by the absence of a mapping"
_FACILITY_TYPE = "a facility type; the service-setting codes (SET) give the levels of care"
_NO_HOME = "no vocabulary term for it; find has no filter that would use it"

_MAT = ("mat",)

CODES_LIST: tuple[Code, ...] = (
    # --- TC: Type of Care -------------------------------------------------------------
    _code("SA", "TC", "Substance use treatment", conditions=["substance_use"]),
    _code("MH", "TC", "Mental health treatment", conditions=["mental_health"]),
    _code(
        "SUMH",
        "TC",
        "Treatment for co-occurring substance use plus either serious mental health illness in "
        "adults/serious emotional disturbance in children",
        conditions=["co_occurring"],
    ),
    _code("DT", "TC", "Detoxification", levels=["detox"], words=["Detox"]),
    _code(
        "HH",
        "TC",
        "Transitional housing, halfway house, or sober home",
        services=["housing_support"],
    ),
    # --- SET: Service Setting ---------------------------------------------------------
    _code(
        "HI",
        "SET",
        "Hospital inpatient/24-hour hospital inpatient",
        levels=["inpatient"],
        words=["Hospital inpatient"],
    ),
    _code("HID", "SET", "Hospital inpatient detoxification", levels=["inpatient", "detox"]),
    _code("HIT", "SET", "Hospital inpatient treatment", levels=["inpatient"]),
    _code("OP", "SET", "Outpatient", levels=["outpatient"]),  # umbrella, see UMBRELLAS
    _code("OD", "SET", "Outpatient detoxification", levels=["detox"]),
    _code("ODT", "SET", "Outpatient day treatment or partial hospitalization", levels=["php"]),
    _code("PHDT", "SET", "Partial hospitalization/day treatment", levels=["php"]),
    _code("OIT", "SET", "Intensive outpatient treatment", levels=["iop"]),
    _code(
        "OMB",
        "SET",
        "Outpatient methadone/buprenorphine or naltrexone treatment",
        levels=["outpatient"],
        services=_MAT,
    ),
    _code("ORT", "SET", "Regular outpatient treatment", levels=["outpatient"]),
    _code(
        "RES",
        "SET",
        "Residential/24-hour residential",
        levels=["residential"],
        words=["Residential"],
    ),
    _code("RD", "SET", "Residential detoxification", levels=["residential", "detox"]),
    _code("RL", "SET", "Long-term residential", levels=["residential"]),
    _code("RS", "SET", "Short-term residential", levels=["residential"]),
    # --- HOSP / FT: hospital and facility types ---------------------------------------
    _code(
        "GH",
        "HOSP",
        "General Hospital (including VA hospital)",
        facility_types=["general_hospital"],
    ),
    _code("PSYH", "HOSP", "Psychiatric hospital", facility_types=["psychiatric_hospital"]),
    _code("CMHC", "FT", "Community mental health center", facility_types=["cmhc"]),
    _code("CBHC", "FT", "Certified Community Behavioral Health Clinic", facility_types=["ccbhc"]),
    _code(
        "MSMH",
        "FT",
        "Multi-setting mental health facility (e.g., non-hospital residential plus either "
        "outpatient and/or partial hospitalization/day treatment)",
        facility_types=["multi_setting_mh"],
    ),
    _code("OMH", "FT", "Outpatient mental health facility", facility_types=["outpatient_mh"]),
    _code(
        "ORES", "FT", "Other residential treatment facility", facility_types=["other_residential"]
    ),
    _code("PH", "FT", "Partial hospitalization/day treatment", facility_types=["partial_hospital"]),
    _code(
        "PSY",
        "FT",
        "Psychiatric hospital",
        facility_types=["psychiatric_hospital"],
        words=["Psychiatric hospital or psychiatric unit of a general hospital"],
    ),
    _code(
        "RTCA",
        "FT",
        "Residential treatment center (RTC) for adults",
        facility_types=["residential_adults"],
    ),
    _code(
        "RTCC",
        "FT",
        "Residential treatment center (RTC) for children",
        facility_types=["residential_children"],
    ),
    _code(
        "IPSY",
        "FT",
        "Separate inpatient psychiatric unit of a general hospital",
        facility_types=["general_hospital_psych_unit"],
    ),
    _code("SHP", "FT", "State hospital", facility_types=["state_hospital"]),
    _code(
        "VAHC",
        "FT",
        "Veterans Affairs Medical Center or other VA healthcare facility",
        special_groups=["veterans"],
        facility_types=["va"],
        serves_only="Veterans only (VA facility)",
    ),
    # --- OM / OMSC / AUT / SMAT / OT: medications for addiction -----------------------
    _code("MU", "OM", "Methadone used in Treatment", services=_MAT),
    _code("BU", "OM", "Buprenorphine used in Treatment", services=_MAT),
    _code("NU", "OM", "Naltrexone used in Treatment", services=_MAT),
    _ignore("INPE", "OMSC", "In-network prescribing entity", _DETAIL),
    _ignore("RPE", "OMSC", "Other contracted prescribing entity", _DETAIL),
    _ignore("PC", "OMSC", "No formal relationship with prescribing entity", _DETAIL),
    _ignore("NAUT", "AUT", "Does not treat alcohol use disorder", _NEGATIVE),
    _ignore(
        "NMAUT",
        "AUT",
        "Does not use medication assisted treatment for alcohol use disorder",
        _NEGATIVE,
    ),
    _ignore(
        "ACMA",
        "AUT",
        "Accepts clients using medication assisted treatment for alcohol use disorder but "
        "prescribed elsewhere",
        "accepting clients on medication is not providing it",
    ),
    _code(
        "PMAT",
        "AUT",
        "This facility administers/prescribes medication for alcohol use disorder",
        services=_MAT,
    ),
    _ignore("AUINPE", "SMAT", "In-network prescribing entity", _DETAIL),
    _ignore("AURPE", "SMAT", "Other contracted prescribing entity", _DETAIL),
    _ignore("AUPC", "SMAT", "No formal relationship with prescribing entity", _DETAIL),
    _code("DB", "OT", "Buprenorphine detoxification", levels=["detox"], services=_MAT),
    _code("BUM", "OT", "Buprenorphine maintenance", services=_MAT),
    _code("BMW", "OT", "Buprenorphine maintenance for predetermined time", services=_MAT),
    _code(
        "OTP",
        "OT",
        "Federally-certified Opioid Treatment Program",
        services=_MAT,
        words=["SAMHSA-certified Opioid Treatment Program"],
    ),
    _code("DM", "OT", "Methadone detoxification", levels=["detox"], services=_MAT),
    _code("MM", "OT", "Methadone maintenance", services=_MAT),
    _code("MMW", "OT", "Methadone maintenance for predetermined time", services=_MAT),
    _code(
        "UB",
        "OT",
        "Prescribes buprenorphine",
        services=_MAT,
        words=["Prescribes/administers buprenorphine"],
    ),
    _code(
        "UN",
        "OT",
        "Prescribes naltrexone",
        services=_MAT,
        words=["Prescribes/administers naltrexone"],
    ),
    _code(
        "RPN",
        "OT",
        "Relapse prevention with naltrexone",
        services=_MAT,
        words=["Relapse prevention from naltrexone"],
    ),
    _ignore(
        "PAIN", "OT", "Use methadone/buprenorphine for pain management or emergency dosing", _DETAIL
    ),
    _ignore(
        "MOA",
        "OT",
        "Accepts clients using MAT but prescribed elsewhere",
        "accepting clients on medication is not providing it",
        words=["Accepts clients on opioid medication"],
    ),
    _ignore(
        "NMOA",
        "OT",
        "Does not use MAT for opioid use disorders",
        _NEGATIVE,
        words=["Do not use medication for opioid addiction"],
    ),
    _code("ULC", "OT", "Lofexidine/clonidine detoxification", levels=["detox"]),
    _ignore(
        "NOOP",
        "OT",
        "Does not treat opioid use disorders",
        _NEGATIVE,
        words=["Does not treat opioid addiction"],
    ),
    # --- PHR: Pharmacotherapies -------------------------------------------------------
    _code("ACM", "PHR", "Acamprosate (Campral®)", services=_MAT),
    _code("DSF", "PHR", "Disulfiram", services=_MAT, words=["Disulfiram (Antabuse®)"]),
    _code("METH", "PHR", "Methadone", services=_MAT),
    _code("BSDM", "PHR", "Buprenorphine sub-dermal implant", services=_MAT),
    _code(
        "BWN",
        "PHR",
        "Buprenorphine with naloxone",
        services=_MAT,
        words=["Buprenorphine with naloxone (Suboxone®)"],
    ),
    _code("BWON", "PHR", "Buprenorphine without naloxone", services=_MAT),
    _code(
        "BERI",
        "PHR",
        "Buprenorphine (extended-release, injectable)",
        services=_MAT,
        words=["Buprenorphine (extended-release, injectable, for example, Sublocade®)"],
    ),
    _code("NXN", "PHR", "Naltrexone (oral)", services=_MAT),
    _code(
        "VTRL",
        "PHR",
        "Naltrexone (extended-release, injectable)",
        services=_MAT,
        words=["Extended-release, injectable Naltrexone (Vivitrol®)"],
    ),
    _ignore("MHIV", "PHR", "Medications for HIV treatment", _MEDICAL),
    _ignore("MHCV", "PHR", "Medications for Hepatitis C treatment", _MEDICAL),
    _ignore(
        "LFXD",
        "PHR",
        "Lofexidine",
        "a withdrawal medication; detox comes from DT and the detox settings",
    ),
    _ignore(
        "CLND",
        "PHR",
        "Clonidine",
        "a withdrawal medication; detox comes from DT and the detox settings",
    ),
    _ignore("MPEP", "PHR", "Medications for pre-exposure to prophylaxis", _MEDICAL),
    _code(
        "MMD",
        "PHR",
        "Medication for mental disorders",
        services=["medication_management"],
        words=["Medications for psychiatric disorders", "Psychotropic medication"],
    ),
    _code(
        "NRT",
        "PHR",
        "Nicotine replacement",
        services=["smoking_cessation"],
        words=["Nicotine replacement therapy"],
    ),
    _code(
        "NSC",
        "PHR",
        "Non-nicotine smoking/tobacco cessation",
        services=["smoking_cessation"],
        words=["Non-nicotine smoking/tobacco cessation medications"],
    ),
    # Mental-health directory: antipsychotics. Prescribing them is medication management.
    *(
        _code(code, "PHR", name, services=["medication_management"])
        for code, name in (
            ("CHLOR", "Chlorpromazine"),
            ("DROPE", "Droperidol"),
            ("FLUPH", "Fluphenazine"),
            ("HALOP", "Haloperidol"),
            ("LOXAP", "Loxapine"),
            ("PERPH", "Perphenazine"),
            ("PIMOZ", "Pimozide"),
            ("PROCH", "Prochlorperazine"),
            ("THIOT", "Thiothixene"),
            ("THIOR", "Thioridazine"),
            ("TRIFL", "Trifluoperazine"),
            ("ARIPI", "Aripiprazole"),
            ("ASENA", "Asenapine"),
            ("BREXP", "Brexpiprazole"),
            ("CARIP", "Cariprazine"),
            ("CLOZA", "Clozapine"),
            ("ILOPE", "IIoperidone"),
            ("LURAS", "Lurasidone"),
            ("OLANZ", "Olanzapine"),
            ("OLANZF", "Olanzapine/Fluoxetine combination"),
            ("PALIP", "Paliperidone"),
            ("QUETI", "Quetiapine"),
            ("RISPE", "Risperidone"),
            ("ZIPRA", "Ziprasidone"),
            ("ANTPYCH", "Antipsychotics used in treatment of SMI"),
        )
    ),
    # --- TAP: Treatment Approaches ----------------------------------------------------
    _code("ANG", "TAP", "Anger management", approaches=["anger_management"]),
    _ignore("BIA", "TAP", "Brief intervention", _NO_HOME),
    _code("CBT", "TAP", "Cognitive behavioral therapy", approaches=["cbt"]),
    _code(
        "CMI",
        "TAP",
        "Contingency management/motivational incentives",
        approaches=["contingency_management"],
    ),
    _code(
        "CRV",
        "TAP",
        "Community reinforcement plus vouchers",
        approaches=["community_reinforcement"],
    ),
    _code("MOTI", "TAP", "Motivational interviewing", approaches=["motivational_interviewing"]),
    _code("MXM", "TAP", "Matrix Model", approaches=["matrix_model"]),
    _code("RELP", "TAP", "Relapse prevention", approaches=["relapse_prevention"]),
    _ignore(
        "SACA",
        "TAP",
        "Substance use disorder counseling",
        "counselling in general; individual and group counselling have their own codes",
        words=["Substance use counseling approach"],
    ),
    _code(
        "TRC",
        "TAP",
        "Trauma-related counseling",
        approaches=["trauma_focused"],
        words=["Trauma therapy"],
    ),
    _code(
        "TELE",
        "TAP",
        "Telemedicine/telehealth therapy",
        telehealth=True,
        words=["Telemedicine/telehealth", "Computerized treatment/telemedicine"],
    ),
    _code("TWFA", "TAP", "12-step facilitation", approaches=["twelve_step"]),
    _code("AT", "TAP", "Activity therapy", services=["holistic"]),
    _ignore("CRT", "TAP", "Cognitive remediation therapy", _NO_HOME),
    _code("CFT", "TAP", "Couples/family therapy", services=["family_therapy"]),
    _code("DBT", "TAP", "Dialectical behavior therapy", approaches=["dbt"]),
    _ignore("ECT", "TAP", "Electroconvulsive therapy", _MEDICAL),
    _code(
        "EMDR", "TAP", "Eye Movement Desensitization and Reprocessing therapy", approaches=["emdr"]
    ),
    _code("GT", "TAP", "Group therapy", services=["group_therapy"]),
    _code(
        "IDD",
        "TAP",
        "Integrated Mental and Substance Use Disorder treatment",
        approaches=["integrated_dual_disorders"],
        words=["Integrated dual disorders treatment"],
    ),
    _code("IPT", "TAP", "Individual psychotherapy", services=["individual_therapy"]),
    _ignore("KIT", "TAP", "Ketamine Infusion Therapy", _MEDICAL),
    _ignore("TMS", "TAP", "Transcranial Magnetic Stimulation", _MEDICAL),
    _ignore("AIM", "TAP", "Abnormal involuntary movement scale", _MEDICAL),
    # --- EMS: Emergency Mental Health Services ----------------------------------------
    _code("CIT", "EMS", "Crisis intervention team", services=["crisis_services"]),
    _code("PEON", "EMS", "Psychiatric emergency onsite services", services=["crisis_services"]),
    _code(
        "PEOFF",
        "EMS",
        "Psychiatric emergency mobile/off-site services",
        services=["crisis_services"],
    ),
    _code("WI", "EMS", "Psychiatric emergency walk-in services", services=["crisis_services"]),
    # --- FOP: Facility Operation ------------------------------------------------------
    _ignore("LCCG", "FOP", "Local, county, or community government", _FACILITY_ADMIN),
    _code(
        "DDF",
        "FOP",
        "Department of Defense",
        special_groups=["active_military"],
        serves_only="Military members and their families (Department of Defense facility)",
    ),
    _ignore(
        "IH",
        "FOP",
        "Indian Health Services",
        "IHS facilities often serve others too; payment code ITU covers tribal funding",
    ),
    _ignore("PVTP", "FOP", "Private for-profit organization", _FACILITY_ADMIN),
    _ignore("PVTN", "FOP", "Private non-profit organization", _FACILITY_ADMIN),
    _ignore("STG", "FOP", "State government", _FACILITY_ADMIN),
    _ignore("TBG", "FOP", "Tribal government", _FACILITY_ADMIN),
    _code(
        "VAMC",
        "FOP",
        "U.S. Department of Veterans Affairs",
        special_groups=["veterans"],
        serves_only="Veterans only (VA facility)",
    ),
    _ignore("FED", "FOP", "Federal Government", _FACILITY_ADMIN),
    # --- LCA: License/Certification/Accreditation -------------------------------------
    _code(
        "STAG",
        "LCA",
        "State Substance use treatment agency",
        accreditation=["state_licensed"],
        words=["State substance abuse agency"],
    ),
    _code("STMH", "LCA", "State mental health department", accreditation=["state_licensed"]),
    _code("STDH", "LCA", "State department of health", accreditation=["state_licensed"]),
    _code("HLA", "LCA", "Hospital licensing authority", accreditation=["state_licensed"]),
    _code(
        "CARF",
        "LCA",
        "Commission on Accreditation of Rehabilitation Facilities (CARF)",
        accreditation=["carf"],
        words=["Commission on Accreditation of Rehabilitation Facilities"],
    ),
    _code(
        "COA",
        "LCA",
        "Council on Accreditation (COA)",
        accreditation=["coa"],
        words=["Council on Accreditation"],
    ),
    _code(
        "HFAP", "LCA", "Healthcare Facilities Accreditation Program (HFAP)", accreditation=["hfap"]
    ),
    _code("JC", "LCA", "The Joint Commission", accreditation=["joint_commission"]),
    _code("NCQA", "LCA", "National Committee for Quality Assurance (NCQA)", accreditation=["ncqa"]),
    _ignore("FQHC", "LCA", "Federally Qualified Health Center", _FACILITY_ADMIN),
    _code("SOTP", "LCA", "SAMHSA certification for opioid treatment program (OTP)", services=_MAT),
    _ignore("DEA", "LCA", "Drug Enforcement Agency (DEA)", _FACILITY_ADMIN),
    _ignore("MHC", "LCA", "Mental health clinic or mental health center", _FACILITY_TYPE),
    # --- PAY: Payment/Insurance/Funding Accepted --------------------------------------
    _code("MD", "PAY", "Medicaid", payment=["medicaid"]),
    _code("MC", "PAY", "Medicare", payment=["medicare"]),
    _code("PI", "PAY", "Private health insurance", payment=["private_insurance"]),
    _code(
        "MI",
        "PAY",
        "Federal military insurance (e.g., TRICARE)",
        payment=["military"],
        words=["Military insurance (e.g., TRICARE)"],
    ),
    _code("SF", "PAY", "Cash or self-payment", payment=["self_pay"]),
    _code(
        "SI",
        "PAY",
        "State-financed health insurance plan other than Medicaid",
        payment=["state_funded"],
    ),
    _code("ITU", "PAY", "IHS/Tribal/Urban (ITU) funds", payment=["ihs_tribal"]),
    _code("NP", "PAY", "No payment accepted", payment=["free"]),
    _ignore(
        "FSA",
        "PAY",
        "Federal, or any government funding for substance use treatment programs",
        _FUNDING,
        words=["Federal, or any government funding for substance abuse programs"],
    ),
    _ignore("SAMF", "PAY", "SAMHSA funding/block grants", _FUNDING),
    _ignore("CLF", "PAY", "County or local government funds", _FUNDING),
    _ignore("CMHG", "PAY", "Community Mental Health Block Grants", _FUNDING),
    _ignore("CSBG", "PAY", "Community Service Block Grants", _FUNDING),
    _ignore("FG", "PAY", "Federal Grants", _FUNDING),
    _ignore(
        "OSF",
        "PAY",
        "Other State funds",
        _FUNDING + " (state_funded is kept for SI, a state plan a person holds)",
    ),
    _ignore("PCF", "PAY", "Private or Community foundation", _FUNDING),
    _ignore("SCJJ", "PAY", "State corrections or juvenile justice funds", _FUNDING),
    _ignore(
        "SEF", "PAY", "State education agency funds", _FUNDING, words=["State education funds"]
    ),
    _ignore("SMHA", "PAY", "State mental health agency (or equivalent) funds", _FUNDING),
    _ignore("SWFS", "PAY", "State welfare or child and family services funds", _FUNDING),
    _ignore(
        "VAF",
        "PAY",
        "U.S. Department of VA funds",
        "VA benefits are not TRICARE (military); no payment id for them",
    ),
    # --- PYAS: Payment Assistance -----------------------------------------------------
    _code(
        "PA",
        "PYAS",
        "Payment assistance (check with facility for details)",
        note="Payment assistance available (check with the facility).",
    ),
    _code(
        "SS",
        "PYAS",
        "Sliding fee scale (fee is based on income and other factors)",
        payment=["sliding_scale"],
    ),
    # --- SG: Special Programs/Groups Offered ------------------------------------------
    _code("AD", "SG", "Adolescents", ages=["adolescents"], special_groups=["adolescents_only"]),
    _code(
        "TAY", "SG", "Young adults", ages=["young_adults"], words=["Transitional age young adults"]
    ),
    _code("WN", "SG", "Adult women", special_groups=["women"]),
    _code("PW", "SG", "Pregnant/postpartum women", special_groups=["pregnant_women"]),
    _code("MN", "SG", "Adult men", special_groups=["men"]),
    _code("SE", "SG", "Seniors or older adults", special_groups=["seniors"]),
    _code(
        "GL",
        "SG",
        "Lesbian, gay, bisexual, transgender, or queer/questioning (LGBTQ)",
        special_groups=["lgbtq"],
        words=["Lesbian, gay, bisexual, or transgender (LGBT) clients"],
    ),
    _code("VET", "SG", "Veterans", special_groups=["veterans"]),
    _code("ADM", "SG", "Active duty military", special_groups=["active_military"]),
    _code(
        "MF",
        "SG",
        "Members of military families",
        special_groups=["military_families"],
        words=["Military families"],
    ),
    _code(
        "CJ",
        "SG",
        "Criminal justice (other than DUI/DWI)/Forensic clients",
        special_groups=["justice_involved"],
        words=["Clients referred from the court/judicial system"],
    ),
    _code(
        "CO",
        "SG",
        "Clients with co-occurring mental and substance use disorders",
        conditions=["co_occurring"],
        special_groups=["co_occurring"],
        words=["Persons with co-occurring mental and substance use disorders"],
    ),
    _ignore("COPSU", "SG", "Clients with co-occurring pain and substance use disorders", _NO_HOME),
    _code(
        "HV",
        "SG",
        "Clients with HIV or AIDS",
        special_groups=["hiv"],
        words=["Persons with HIV or AIDS"],
    ),
    _code(
        "XA",
        "SG",
        "Clients who have experienced sexual abuse",
        special_groups=["trauma_survivors"],
        words=["Persons who have experienced sexual abuse"],
    ),
    _code(
        "DV",
        "SG",
        "Clients who have experienced intimate partner violence, domestic violence",
        special_groups=["domestic_violence"],
        words=["Persons who have experienced intimate partner violence, domestic violence"],
    ),
    _code(
        "TRMA",
        "SG",
        "Clients who have experienced trauma",
        special_groups=["trauma_survivors"],
        words=["Persons who have experienced trauma"],
    ),
    _ignore("TBI", "SG", "Persons with traumatic brain injury (TBI)", _NO_HOME),
    _ignore("ALZ", "SG", "Persons with Alzheimer's or dementia", _NO_HOME),
    _code("PED", "SG", "Persons with eating disorders", conditions=["eating_disorder"]),
    _code("PEFP", "SG", "Persons experiencing first-episode psychosis", conditions=["psychosis"]),
    _code(
        "PTSD", "SG", "Persons with post-traumatic stress disorder (PTSD)", conditions=["trauma"]
    ),
    _code(
        "SED",
        "SG",
        "Children/adolescents with serious emotional disturbance (SED)",
        special_groups=["serious_emotional_disturbance"],
    ),
    _code(
        "SMI",
        "SG",
        "Persons 18 and older with serious mental illness (SMI)",
        conditions=["psychosis"],
        special_groups=["serious_mental_illness"],
        words=["Persons with serious mental illness (SMI)"],
    ),
    # --- ASPT: Assessment/Pre-treatment -----------------------------------------------
    _code(
        "CMHA",
        "ASPT",
        "Comprehensive mental health assessment",
        services=["psychiatric_evaluation"],
    ),
    _ignore(
        "CSAA",
        "ASPT",
        "Comprehensive substance use assessment",
        "an intake assessment; not a psychiatric evaluation",
    ),
    _ignore("ISC", "ASPT", "Interim services for clients", _DETAIL),
    _ignore("OPC", "ASPT", "Outreach to persons in the community", _DETAIL),
    _ignore("MHPA", "ASPT", "Complete medical history/physical exam", _MEDICAL),
    _ignore("STU", "ASPT", "Screening for tobacco use", _DETAIL),
    _ignore("SSA", "ASPT", "Screening for substance use", _DETAIL),
    _ignore(
        "SMHD",
        "ASPT",
        "Screening for mental disorders",
        _DETAIL,
        words=["Screening for mental health disorders"],
    ),
    _ignore("PIEC", "ASPT", "Professional interventionist/educational consultant", _DETAIL),
    # --- SCR: Testing -----------------------------------------------------------------
    _code(
        "BABA",
        "SCR",
        "Breathalyzer or blood alcohol testing",
        services=["drug_testing"],
        words=["Breath analyzer or blood alcohol testing"],
    ),
    _code("DAOF", "SCR", "Drug and alcohol oral fluid testing", services=["drug_testing"]),
    _code("DAUT", "SCR", "Drug or alcohol urine screening", services=["drug_testing"]),
    _ignore("HIVT", "SCR", "HIV testing", _MEDICAL),
    _ignore("STDT", "SCR", "STD testing", _MEDICAL),
    _ignore("TBS", "SCR", "TB screening", _MEDICAL),
    _ignore("MST", "SCR", "Metabolic syndrome monitoring", _MEDICAL),
    _ignore(
        "HBT", "SCR", "Testing for Hepatitis B (HBV)", _MEDICAL, words=["Screening for Hepatitis B"]
    ),
    _ignore(
        "HCT", "SCR", "Testing for Hepatitis C (HCV)", _MEDICAL, words=["Screening for Hepatitis C"]
    ),
    _ignore("LABT", "SCR", "Laboratory testing", _MEDICAL),
    # --- TRSRV: Transitional Services -------------------------------------------------
    _code("ACC", "TRSRV", "Aftercare/continuing care", services=["aftercare"]),
    _code("DP", "TRSRV", "Discharge Planning", services=["aftercare"]),
    _ignore("NOE", "TRSRV", "Naloxone and overdose education", _NO_HOME),
    _code("OFD", "TRSRV", "Outcome follow-up after discharge", services=["aftercare"]),
    # --- RSS: Recovery Support Services -----------------------------------------------
    _code("SHG", "RSS", "Self-help groups", services=["peer_support"]),
    _code("HS", "RSS", "Housing services", services=["housing_support"]),
    _ignore("AOSS", "RSS", "Assistance with obtaining social services", _NO_HOME),
    _code("RC", "RSS", "Recovery coach", services=["peer_support"]),
    _code(
        "PEER",
        "RSS",
        "Mentoring/peer support",
        services=["peer_support"],
        words=["Consumer-run (peer-support) services"],
    ),
    _code("EMP", "RSS", "Employment counseling or training", services=["vocational"]),
    # --- OTHR: Other Services ---------------------------------------------------------
    _ignore("TGD", "OTHR", "Treatment for gambling disorder", _NO_HOME),
    _ignore(
        "TOD",
        "OTHR",
        "Treatment for other addiction disorder",
        _NO_HOME,
        words=["Treatment for non-substance use addiction disorder"],
    ),
    # --- DETOX: Detoxification (medical withdrawal) Services --------------------------
    _code("ADTX", "DETOX", "Alcohol Detoxification", levels=["detox"]),
    _code("BDTX", "DETOX", "Benzodiazepines Detoxification", levels=["detox"]),
    _code("CDTX", "DETOX", "Cocaine Detoxification", levels=["detox"]),
    _code("MDTX", "DETOX", "Methamphetamines detoxification", levels=["detox"]),
    _code("ODTX", "DETOX", "Opioids detoxification", levels=["detox"]),
    _ignore("MDET", "DETOX", "Medication routinely used during detoxification", _DETAIL),
    # --- ECS: Education and Counseling Services ---------------------------------------
    _ignore("HAEC", "ECS", "HIV or AIDS education, counseling, or support", _MEDICAL),
    _ignore("TAEC", "ECS", "Hepatitis education, counseling, or support", _MEDICAL),
    _ignore("HEOH", "ECS", "Health education services other than HIV/AIDS or hepatitis", _MEDICAL),
    _code(
        "SAE",
        "ECS",
        "Substance use disorder education",
        services=["psychoeducation"],
        words=["Substance abuse education"],
    ),
    _code(
        "TCC",
        "ECS",
        "Smoking/vaping/tobacco cessation counseling",
        services=["smoking_cessation"],
        words=["Smoking/tobacco cessation counseling"],
    ),
    _code(
        "ICO",
        "ECS",
        "Individual counseling",
        services=["individual_therapy"],
        words=["Individual counseling offered"],
    ),
    _code(
        "GCO",
        "ECS",
        "Group counseling",
        services=["group_therapy"],
        words=["Group counseling offered"],
    ),
    _code(
        "FCO",
        "ECS",
        "Family counseling",
        services=["family_therapy"],
        words=["Family counseling offered"],
    ),
    _code(
        "MCO",
        "ECS",
        "Marital/couples counseling",
        services=["family_therapy"],
        words=["Marital/couples counseling offered"],
    ),
    _code(
        "VOC",
        "ECS",
        "Vocational training or educational support (for example, high school coursework, GED "
        "preparation, etc.)",
        services=["vocational"],
    ),
    # --- MSRV: Medical Services -------------------------------------------------------
    _ignore("HAV", "MSRV", "Hepatitis A (HAV) vaccination", _MEDICAL),
    _ignore("HBV", "MSRV", "Hepatitis B (HBV) vaccination", _MEDICAL),
    # --- SMP / FVP: smoking and vaping policy -----------------------------------------
    _ignore("SMON", "SMP", "Smoking not permitted", _POLICY),
    _ignore("SMOP", "SMP", "Smoking permitted without restriction", _POLICY),
    _ignore("SMPD", "SMP", "Smoking permitted in designated area", _POLICY),
    _ignore("VAPN", "FVP", "Vaping not permitted", _POLICY),
    _ignore("VAPP", "FVP", "Vaping permitted without restriction", _POLICY),
    _ignore("VPPD", "FVP", "Vaping permitted in designated area", _POLICY),
    # --- AGE: Age Groups Accepted -----------------------------------------------------
    _code("ADLT", "AGE", "Adults", ages=["adults"]),
    _code("CHLD", "AGE", "Children/adolescents", ages=["children", "adolescents"]),
    _code("SNR", "AGE", "Seniors", ages=["older_adults"], words=["Seniors (65 or older)"]),
    _code("YAD", "AGE", "Young adults", ages=["young_adults"]),
    # --- GN: Gender Accepted (a single one is a restriction: see ONLY_RULES) ----------
    _ignore("FEM", "GN", "Female", "only meaningful alone: see ONLY_RULES"),
    _ignore("MALE", "GN", "Male", "only meaningful alone: see ONLY_RULES"),
    # --- EXCL: Exclusive Services -----------------------------------------------------
    _code(
        "DU",
        "EXCL",
        "Specially designed program for DUI/DWI clients",
        special_groups=["justice_involved"],
    ),
    _code(
        "DUO",
        "EXCL",
        "Serves only DUI/DWI clients",
        special_groups=["justice_involved"],
        serves_only="DUI/DWI clients only",
    ),
    _code(
        "AUDO",
        "EXCL",
        "Alcohol use disorder clients only",
        serves_only="Alcohol use disorder clients only",
    ),
    _code(
        "OUDO",
        "EXCL",
        "Opioid use disorder clients only",
        serves_only="Opioid use disorder clients only",
    ),
    # --- SL / OL: languages -----------------------------------------------------------
    _code("SP", "SL", "Spanish", languages=["spanish"]),
    _code(
        "AH",
        "SL",
        "Sign language services for the deaf and hard of hearing",
        languages=["asl"],
        special_groups=["deaf_hard_of_hearing"],
        words=["Services for the deaf and hard of hearing"],
    ),
    _code(
        "NX",
        "SL",
        "American Indian or Alaska Native languages",
        languages=["native_american_languages"],
    ),
    _code("FX", "SL", "Other languages (excluding Spanish)", languages=["other"]),  # umbrella
    *(
        _code(code, "OL", name, languages=[lang])
        for code, name, lang in (
            ("F4", "Arabic", "arabic"),
            ("F17", "Any Chinese Language", "chinese"),
            ("F19", "Creole", "haitian_creole"),
            ("F25", "Farsi", "farsi"),
            ("F28", "French", "french"),
            ("F30", "German", "german"),
            ("F31", "Greek", "other"),
            ("F35", "Hebrew", "other"),
            ("F36", "Hindi", "hindi"),
            ("F37", "Hmong", "hmong"),
            ("F42", "Italian", "italian"),
            ("F43", "Japanese", "japanese"),
            ("F47", "Korean", "korean"),
            ("F66", "Polish", "polish"),
            ("F67", "Portuguese", "portuguese"),
            ("F70", "Russian", "russian"),
            ("F81", "Tagalog", "tagalog"),
            ("F92", "Vietnamese", "vietnamese"),
            ("N24", "Ojibwa", "native_american_languages"),
            ("N40", "Yupik", "native_american_languages"),
        )
    ),
    # --- AS: Ancillary Services -------------------------------------------------------
    _code("ACU", "AS", "Acupuncture", services=["holistic"]),
    _ignore("BC", "AS", "Residential beds for clients' children", _NO_HOME),
    _code(
        "CM",
        "AS",
        "Case management service",
        services=["case_management"],
        words=["Case management"],
    ),
    _ignore("CCC", "AS", "Child care for clients' children", _NO_HOME),
    _code(
        "DVFP",
        "AS",
        "Domestic violence services, including family or partner",
        special_groups=["domestic_violence"],
        words=["Domestic violence services-family or partner"],
    ),
    _ignore("EIH", "AS", "Early intervention for HIV", _MEDICAL),
    _ignore(
        "MHS",
        "AS",
        "Mental health services",
        "too vague to claim mental-health treatment; SUMH/CO carry co-occurring care",
    ),
    _code("SSD", "AS", "Social skills development", services=["skill_building"]),
    _code("TA", "AS", "Transportation assistance", services=["transportation"]),
    _ignore("IPC", "AS", "Integrated primary care services", _MEDICAL),
    _code("SPS", "AS", "Suicide prevention services", services=["crisis_services"]),
    _code("ACT", "AS", "Assertive community treatment", services=["case_management"]),
    _ignore("AOT", "AS", "Assisted Outpatient Treatment", _NO_HOME),
    _ignore("CDM", "AS", "Chronic disease/illness management", _MEDICAL),
    _code("COOT", "AS", "Court-ordered outpatient treatment", special_groups=["justice_involved"]),
    _ignore("DEC", "AS", "Diet and exercise counseling", _MEDICAL),
    _code("FPSY", "AS", "Family psychoeducation", services=["psychoeducation"]),
    _code("ICM", "AS", "Intensive case management", services=["case_management"]),
    _code("IMR", "AS", "Illness management and recovery", services=["skill_building"]),
    _ignore("LAD", "AS", "Legal advocacy", _NO_HOME),
    _code("PRS", "AS", "Psychosocial rehabilitation services", services=["skill_building"]),
    _code("SEMP", "AS", "Supported employment", services=["vocational"]),
    _code("SH", "AS", "Supported housing", services=["housing_support"]),
    _ignore("TPC", "AS", "Therapeutic foster care", _NO_HOME),
    _code("VRS", "AS", "Vocational rehabilitation services", services=["vocational"]),
    _code("ES", "AS", "Education services", services=["vocational"]),
)

#: Every known code by its code.
CODES: dict[str, Code] = {c.code: c for c in CODES_LIST}

#: Umbrella codes: they apply only when none of their specific codes is present.
UMBRELLAS: dict[str, frozenset[str]] = {
    "OP": frozenset({"ORT", "OIT", "ODT", "OD", "OMB"}),
    "FX": frozenset(c.code for c in CODES_LIST if c.category == "OL"),
}


@dataclass(frozen=True, slots=True)
class OnlyRule:
    """A restriction that follows from codes present together with codes absent."""

    have: frozenset[str]
    lacks: frozenset[str]
    words: str

    def applies(self, seen: set[str], table: Mapping[str, Code]) -> bool:
        """True when every *have* code is present and trusted, and no *lacks* code is present."""
        return (
            self.have <= seen
            and seen.isdisjoint(self.lacks)
            and all(_trusted(table.get(code)) for code in self.have)
        )

    @property
    def code(self) -> Code:
        return Code(
            "+".join(sorted(self.have)) + "-only", "ONLY", self.words, serves_only=self.words
        )


_AGES = frozenset({"ADLT", "CHLD", "SNR", "YAD"})


def _only(have: Iterable[str], lacks: Iterable[str], words: str) -> OnlyRule:
    return OnlyRule(frozenset(have), frozenset(lacks), words)


#: Restrictions read from what a listing leaves out: a single gender accepted, or
#: age groups that exclude adults (only where the edition's age codes are trusted:
#: see :func:`for_edition`).
ONLY_RULES: tuple[OnlyRule, ...] = (
    _only({"FEM"}, {"MALE"}, "Women only"),
    _only({"MALE"}, {"FEM"}, "Men only"),
    _only({"CHLD"}, _AGES - {"CHLD"}, "Children and adolescents only (under 18)"),
    _only({"CHLD", "YAD"}, _AGES - {"CHLD", "YAD"}, "Children, adolescents and young adults only"),
    _only({"YAD"}, _AGES - {"YAD"}, "Young adults only (18-25)"),
    _only({"SNR"}, _AGES - {"SNR"}, "Older adults only (65+)"),
)

#: Why the substance-use edition's age codes are not used (docs/finding-programs.md, "Ages").
UNTRUSTED_AGES = (
    "the substance-use edition's age codes contradict the facilities' own listings "
    "(e.g. 1,776 rows carry only CHLD, most of them adult services)"
)


def _trusted(code: Code | None) -> bool:
    return code is not None and code.ignored != UNTRUSTED_AGES


def for_edition(table: dict[str, Code], edition: str | None) -> dict[str, Code]:
    """The code table for one edition's workbook: age codes only where they can be trusted.

    In SAMHSA's 2022 substance-use edition the "Age Groups Accepted" codes do not
    describe who a facility accepts: 1,776 rows carry only ``CHLD``, including
    clearly adult services (men's and women's programmes, pregnant women,
    veterans, "Jefferson Parish Human Services"); of the 455 such facilities also
    listed in the mental-health edition, 425 accept adults there. So the
    substance-use edition's ages are left out (unknown: ask; its adolescent and
    young-adult *programmes*, AD and TAY, stay as special groups), and only the
    mental-health edition's ages are read or turned into restrictions.
    """
    if edition != "SA":
        return table
    return {key: _without_ages(code) for key, code in table.items()}


@functools.cache
def codes_for_edition(edition: str) -> dict[str, Code]:
    """:data:`CODES` as :func:`for_edition` trims them, built once per edition."""
    return for_edition(dict(CODES), edition)


def _without_ages(code: Code) -> Code:
    """The code as the substance-use edition may use it: no ages (AD, TAY keep their groups)."""
    if code.category == "AGE":
        return _ignore(code.code, code.category, code.name, UNTRUSTED_AGES)
    if not any(field_name == "ages" for field_name, _ in code.adds):
        return code
    return dataclasses.replace(code, adds=tuple(a for a in code.adds if a[0] != "ages"))


_DUI_NAME = re.compile(r"\b(DUI|DWI|OWI|OVI|DUII)\b", re.IGNORECASE)
_COURT_NAME = re.compile(
    r"\b(drug|treatment|dui|juvenile|us|community|family|wellness)\s+courts?\b"
    r"|\bcourts?\s+(services?|servs|programs?|treatment)\b"
    r"|\bcorrection(s|al)\b|\bprobation(ers)?\b|\bsheriff",
    re.IGNORECASE,
)
NAME_DUI = "A DUI/DWI programme, by its name: ask whether it takes other clients"
NAME_COURT = "A court or corrections programme, by its name: ask whether it takes other clients"


def name_restrictions(name: str, serves_only: Iterable[str] = ()) -> tuple[str, ...]:
    """Restrictions a facility's own name announces ("DUI School", "Drug Court Services").

    SAMHSA's ``DU`` code marks a programme *for* DUI/DWI clients, offered by 2,729
    substance-use facilities beside their other care, so the code alone is no
    restriction; a facility named after that programme (the first result near
    60601 was "Anchor Centers - DUI School of Chicago") is one a person should ask.
    """
    listed = " ".join(serves_only).lower()
    found = []
    if _DUI_NAME.search(name) and "dui" not in listed:
        found.append(NAME_DUI)
    if _COURT_NAME.search(name):
        found.append(NAME_COURT)
    return tuple(found)


# --- FindTreatment.gov: services spelled out in words -----------------------------------
#
# The API lists services as "f1: category label, f2: category code, f3: 'value; value'".
# Values are the reference-sheet names (wording varies a little by year), so words
# resolve to the same codes and from there to the same vocabulary. A few phrases
# exist only in the API; they get pseudo-codes (starting with "~") here.

WORD_ONLY: tuple[Code, ...] = (
    _code("~REBT", "TAP", "Rational emotive behavioral therapy", approaches=["rational_emotive"]),
    _ignore("~BMOD", "TAP", "Behavior modification", _NO_HOME),
    _ignore(
        "~RGOV",
        "FOP",
        "Regional/district or county, local or municipal government",
        _FACILITY_ADMIN,
    ),
    _ignore("~TIUD", "OTHR", "Treatment for internet use disorder", _NO_HOME),
    # Under "Exclusive Services" the API lists programmes offered, not restrictions:
    # Region Ten's whole community services board shows "DUI/DWI clients", and an
    # IOP/PHP shows both "DUI/DWI clients" and "All Clients in Opioid Treatment
    # Program". Only the entries that say "only" restrict who is served.
    _code("~OTPO", "EXCL", "All Clients in Opioid Treatment Program", services=_MAT),
    _code(
        "~MBO",
        "EXCL",
        "Methadone and buprenorphine clients only",
        services=_MAT,
        serves_only="Methadone and buprenorphine clients only",
    ),
    _code("~DUI", "EXCL", "DUI/DWI clients", special_groups=["justice_involved"]),
    _code(
        "~VETO",
        "EXCL",
        "Serves Veterans only",
        special_groups=["veterans"],
        serves_only="Veterans only",
    ),
)

#: FindTreatment.gov category codes that differ from the workbooks' category codes.
CATEGORY_ALIASES: dict[str, str] = {"ASSES": "ASPT", "EDU": "ECS", "TOBAC": "ECS"}

_SPACES = re.compile(r"\s+")


def normalise_words(text: str) -> str:
    """Fold case, spacing and trademark signs so published wordings compare equal."""
    text = text.replace("®", "").replace("™", "")
    return _SPACES.sub(" ", text).strip().strip(".").lower()


def _build_words() -> dict[str, tuple[Code, ...]]:
    table: dict[str, list[Code]] = {}
    for code in (*CODES_LIST, *WORD_ONLY):
        for phrase in (code.name, *code.words):
            bucket = table.setdefault(normalise_words(phrase), [])
            if code not in bucket:
                bucket.append(code)
    return {k: tuple(v) for k, v in table.items()}


WORDS: dict[str, tuple[Code, ...]] = _build_words()


def code_for_words(phrase: str, category: str | None = None) -> Code | None:
    """The code a FindTreatment.gov phrase names, preferring one in *category*."""
    candidates = WORDS.get(normalise_words(phrase))
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    if category:
        wanted = CATEGORY_ALIASES.get(category, category)
        for code in candidates:
            if code.category == wanted:
                return code
    return candidates[0]


@dataclass(frozen=True, slots=True)
class ReferenceEntry:
    category: str
    category_name: str
    name: str


def check_reference(
    reference: Mapping[str, ReferenceEntry],
) -> tuple[dict[str, Code], list[str]]:
    """Fit the mapping to one workbook's own reference sheet.

    Returns the codes to apply for that workbook and a list of warnings. A code
    the sheet files under another category than expected is left out (the sheet
    is the authority on what it means). A code iopguide does not know, in the
    "Exclusive Services" category and saying "only", becomes a restriction in
    the sheet's own words.
    """
    applied: dict[str, Code] = {}
    warnings: list[str] = []
    for code, known in CODES.items():
        entry = reference.get(code)
        if entry is None or entry.category == known.category:
            applied[code] = known
        else:
            warnings.append(
                f"code {code} is {entry.name!r} ({entry.category_name}) in this workbook, "
                f"not {known.name!r}: left out"
            )
    for code, entry in reference.items():
        if code in CODES:
            continue
        if entry.category == "EXCL" and re.search(r"\bonly\b", entry.name, re.IGNORECASE):
            applied[code] = Code(
                code, entry.category, entry.name, serves_only=restriction_words(entry.name)
            )
    return applied, warnings


def restriction_words(name: str) -> str:
    """'Serves Veterans only' -> 'Veterans only'; 'Serves only DUI/DWI clients' -> '... only'."""
    text = _SPACES.sub(" ", name).strip().rstrip(".")
    text = re.sub(r"^serves\s+", "", text, flags=re.IGNORECASE)
    if text.lower().startswith("only "):
        text = text[5:] + " only"
    return text[:1].upper() + text[1:]
