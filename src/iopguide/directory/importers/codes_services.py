"""SAMHSA service codes: other services, ages, gender, exclusions, languages (ASPT to AS)."""

from __future__ import annotations

from iopguide.directory.importers.codes_base import (
    DETAIL,
    MEDICAL,
    NO_HOME,
    POLICY,
    Code,
    entry,
    ignored,
)

#: Assessment, testing, support, education, ages, gender, exclusions, languages, ancillary.
SERVICES: tuple[Code, ...] = (
    # --- ASPT: Assessment/Pre-treatment -----------------------------------------------
    entry(
        "CMHA",
        "ASPT",
        "Comprehensive mental health assessment",
        services=["psychiatric_evaluation"],
    ),
    ignored(
        "CSAA",
        "ASPT",
        "Comprehensive substance use assessment",
        "an intake assessment; not a psychiatric evaluation",
    ),
    ignored("ISC", "ASPT", "Interim services for clients", DETAIL),
    ignored("OPC", "ASPT", "Outreach to persons in the community", DETAIL),
    ignored("MHPA", "ASPT", "Complete medical history/physical exam", MEDICAL),
    ignored("STU", "ASPT", "Screening for tobacco use", DETAIL),
    ignored("SSA", "ASPT", "Screening for substance use", DETAIL),
    ignored(
        "SMHD",
        "ASPT",
        "Screening for mental disorders",
        DETAIL,
        words=["Screening for mental health disorders"],
    ),
    ignored("PIEC", "ASPT", "Professional interventionist/educational consultant", DETAIL),
    # --- SCR: Testing -----------------------------------------------------------------
    entry(
        "BABA",
        "SCR",
        "Breathalyzer or blood alcohol testing",
        services=["drug_testing"],
        words=["Breath analyzer or blood alcohol testing"],
    ),
    entry("DAOF", "SCR", "Drug and alcohol oral fluid testing", services=["drug_testing"]),
    entry("DAUT", "SCR", "Drug or alcohol urine screening", services=["drug_testing"]),
    ignored("HIVT", "SCR", "HIV testing", MEDICAL),
    ignored("STDT", "SCR", "STD testing", MEDICAL),
    ignored("TBS", "SCR", "TB screening", MEDICAL),
    ignored("MST", "SCR", "Metabolic syndrome monitoring", MEDICAL),
    ignored(
        "HBT", "SCR", "Testing for Hepatitis B (HBV)", MEDICAL, words=["Screening for Hepatitis B"]
    ),
    ignored(
        "HCT", "SCR", "Testing for Hepatitis C (HCV)", MEDICAL, words=["Screening for Hepatitis C"]
    ),
    ignored("LABT", "SCR", "Laboratory testing", MEDICAL),
    # --- TRSRV: Transitional Services -------------------------------------------------
    entry("ACC", "TRSRV", "Aftercare/continuing care", services=["aftercare"]),
    entry("DP", "TRSRV", "Discharge Planning", services=["aftercare"]),
    ignored("NOE", "TRSRV", "Naloxone and overdose education", NO_HOME),
    entry("OFD", "TRSRV", "Outcome follow-up after discharge", services=["aftercare"]),
    # --- RSS: Recovery Support Services -----------------------------------------------
    entry("SHG", "RSS", "Self-help groups", services=["peer_support"]),
    entry("HS", "RSS", "Housing services", services=["housing_support"]),
    ignored("AOSS", "RSS", "Assistance with obtaining social services", NO_HOME),
    entry("RC", "RSS", "Recovery coach", services=["peer_support"]),
    entry(
        "PEER",
        "RSS",
        "Mentoring/peer support",
        services=["peer_support"],
        words=["Consumer-run (peer-support) services"],
    ),
    entry("EMP", "RSS", "Employment counseling or training", services=["vocational"]),
    # --- OTHR: Other Services ---------------------------------------------------------
    ignored("TGD", "OTHR", "Treatment for gambling disorder", NO_HOME),
    ignored(
        "TOD",
        "OTHR",
        "Treatment for other addiction disorder",
        NO_HOME,
        words=["Treatment for non-substance use addiction disorder"],
    ),
    # --- DETOX: Detoxification (medical withdrawal) Services --------------------------
    entry("ADTX", "DETOX", "Alcohol Detoxification", levels=["detox"]),
    entry("BDTX", "DETOX", "Benzodiazepines Detoxification", levels=["detox"]),
    entry("CDTX", "DETOX", "Cocaine Detoxification", levels=["detox"]),
    entry("MDTX", "DETOX", "Methamphetamines detoxification", levels=["detox"]),
    entry("ODTX", "DETOX", "Opioids detoxification", levels=["detox"]),
    ignored("MDET", "DETOX", "Medication routinely used during detoxification", DETAIL),
    # --- ECS: Education and Counseling Services ---------------------------------------
    ignored("HAEC", "ECS", "HIV or AIDS education, counseling, or support", MEDICAL),
    ignored("TAEC", "ECS", "Hepatitis education, counseling, or support", MEDICAL),
    ignored("HEOH", "ECS", "Health education services other than HIV/AIDS or hepatitis", MEDICAL),
    entry(
        "SAE",
        "ECS",
        "Substance use disorder education",
        services=["psychoeducation"],
        words=["Substance abuse education"],
    ),
    entry(
        "TCC",
        "ECS",
        "Smoking/vaping/tobacco cessation counseling",
        services=["smoking_cessation"],
        words=["Smoking/tobacco cessation counseling"],
    ),
    entry(
        "ICO",
        "ECS",
        "Individual counseling",
        services=["individual_therapy"],
        words=["Individual counseling offered"],
    ),
    entry(
        "GCO",
        "ECS",
        "Group counseling",
        services=["group_therapy"],
        words=["Group counseling offered"],
    ),
    entry(
        "FCO",
        "ECS",
        "Family counseling",
        services=["family_therapy"],
        words=["Family counseling offered"],
    ),
    entry(
        "MCO",
        "ECS",
        "Marital/couples counseling",
        services=["family_therapy"],
        words=["Marital/couples counseling offered"],
    ),
    entry(
        "VOC",
        "ECS",
        "Vocational training or educational support (for example, high school coursework, GED "
        "preparation, etc.)",
        services=["vocational"],
    ),
    # --- MSRV: Medical Services -------------------------------------------------------
    ignored("HAV", "MSRV", "Hepatitis A (HAV) vaccination", MEDICAL),
    ignored("HBV", "MSRV", "Hepatitis B (HBV) vaccination", MEDICAL),
    # --- SMP / FVP: smoking and vaping policy -----------------------------------------
    ignored("SMON", "SMP", "Smoking not permitted", POLICY),
    ignored("SMOP", "SMP", "Smoking permitted without restriction", POLICY),
    ignored("SMPD", "SMP", "Smoking permitted in designated area", POLICY),
    ignored("VAPN", "FVP", "Vaping not permitted", POLICY),
    ignored("VAPP", "FVP", "Vaping permitted without restriction", POLICY),
    ignored("VPPD", "FVP", "Vaping permitted in designated area", POLICY),
    # --- AGE: Age Groups Accepted -----------------------------------------------------
    entry("ADLT", "AGE", "Adults", ages=["adults"]),
    entry("CHLD", "AGE", "Children/adolescents", ages=["children", "adolescents"]),
    entry("SNR", "AGE", "Seniors", ages=["older_adults"], words=["Seniors (65 or older)"]),
    entry("YAD", "AGE", "Young adults", ages=["young_adults"]),
    # --- GN: Gender Accepted (a single one is a restriction: see ONLY_RULES) ----------
    ignored("FEM", "GN", "Female", "only meaningful alone: see ONLY_RULES"),
    ignored("MALE", "GN", "Male", "only meaningful alone: see ONLY_RULES"),
    # --- EXCL: Exclusive Services -----------------------------------------------------
    entry(
        "DU",
        "EXCL",
        "Specially designed program for DUI/DWI clients",
        special_groups=["justice_involved"],
    ),
    entry(
        "DUO",
        "EXCL",
        "Serves only DUI/DWI clients",
        special_groups=["justice_involved"],
        serves_only="DUI/DWI clients only",
    ),
    entry(
        "AUDO",
        "EXCL",
        "Alcohol use disorder clients only",
        serves_only="Alcohol use disorder clients only",
    ),
    entry(
        "OUDO",
        "EXCL",
        "Opioid use disorder clients only",
        serves_only="Opioid use disorder clients only",
    ),
    # --- SL / OL: languages -----------------------------------------------------------
    entry("SP", "SL", "Spanish", languages=["spanish"]),
    entry(
        "AH",
        "SL",
        "Sign language services for the deaf and hard of hearing",
        languages=["asl"],
        special_groups=["deaf_hard_of_hearing"],
        words=["Services for the deaf and hard of hearing"],
    ),
    entry(
        "NX",
        "SL",
        "American Indian or Alaska Native languages",
        languages=["native_american_languages"],
    ),
    entry("FX", "SL", "Other languages (excluding Spanish)", languages=["other"]),  # umbrella
    *(
        entry(code, "OL", name, languages=[lang])
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
    entry("ACU", "AS", "Acupuncture", services=["holistic"]),
    ignored("BC", "AS", "Residential beds for clients' children", NO_HOME),
    entry(
        "CM",
        "AS",
        "Case management service",
        services=["case_management"],
        words=["Case management"],
    ),
    ignored("CCC", "AS", "Child care for clients' children", NO_HOME),
    entry(
        "DVFP",
        "AS",
        "Domestic violence services, including family or partner",
        special_groups=["domestic_violence"],
        words=["Domestic violence services-family or partner"],
    ),
    ignored("EIH", "AS", "Early intervention for HIV", MEDICAL),
    ignored(
        "MHS",
        "AS",
        "Mental health services",
        "too vague to claim mental-health treatment; SUMH/CO carry co-occurring care",
    ),
    entry("SSD", "AS", "Social skills development", services=["skill_building"]),
    entry("TA", "AS", "Transportation assistance", services=["transportation"]),
    ignored("IPC", "AS", "Integrated primary care services", MEDICAL),
    entry("SPS", "AS", "Suicide prevention services", services=["crisis_services"]),
    entry("ACT", "AS", "Assertive community treatment", services=["case_management"]),
    ignored("AOT", "AS", "Assisted Outpatient Treatment", NO_HOME),
    ignored("CDM", "AS", "Chronic disease/illness management", MEDICAL),
    entry("COOT", "AS", "Court-ordered outpatient treatment", special_groups=["justice_involved"]),
    ignored("DEC", "AS", "Diet and exercise counseling", MEDICAL),
    entry("FPSY", "AS", "Family psychoeducation", services=["psychoeducation"]),
    entry("ICM", "AS", "Intensive case management", services=["case_management"]),
    entry("IMR", "AS", "Illness management and recovery", services=["skill_building"]),
    ignored("LAD", "AS", "Legal advocacy", NO_HOME),
    entry("PRS", "AS", "Psychosocial rehabilitation services", services=["skill_building"]),
    entry("SEMP", "AS", "Supported employment", services=["vocational"]),
    entry("SH", "AS", "Supported housing", services=["housing_support"]),
    ignored("TPC", "AS", "Therapeutic foster care", NO_HOME),
    entry("VRS", "AS", "Vocational rehabilitation services", services=["vocational"]),
    entry("ES", "AS", "Education services", services=["vocational"]),
)
