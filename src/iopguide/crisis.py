"""Crisis and help lines: the only real phone numbers iopguide ever shows.

Checked against ../shared/data/crisis-resources.md (sources: 988lifeline.org,
samhsa.gov National Helpline FAQ, FindTreatment.gov). A change is one edit here.
The old Lifeline number 1-800-273-8255 is out of date and must never be used.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

#: When these numbers were last checked against the sources above; scripts get it
#: with every line (``checked_on`` in JSON) so a stale copy can be noticed.
CHECKED_ON = "2026-11-23"


@dataclass(frozen=True, slots=True)
class HelpLine:
    name: str
    how: str
    notes: str
    kind: str  # "crisis" or "referral"

    def to_dict(self) -> dict[str, str]:
        return {**asdict(self), "checked_on": CHECKED_ON}


LIFELINE_988 = HelpLine(
    name="988 Suicide & Crisis Lifeline",
    how="Call or text 988, or chat at 988lifeline.org",
    notes="24/7, free and confidential. Press 1 for the Veterans Crisis Line (veterans can also "
    "text 838255); press 2 for Spanish.",
    kind="crisis",
)
EMERGENCY_911 = HelpLine(
    name="Emergency services",
    how="Call 911",
    notes="Immediate danger to life, a medical emergency or an overdose.",
    kind="crisis",
)
#: The SAMHSA National Helpline's number alone, for sentences that point to it.
SAMHSA_PHONE = "1-800-662-4357"
SAMHSA_HELPLINE = HelpLine(
    name="SAMHSA National Helpline",
    how=f"Call {SAMHSA_PHONE} (1-800-662-HELP); TTY 1-800-487-4889; text your ZIP code to 435748",
    notes="24/7, free, confidential, English and Spanish. Referrals and information about "
    "treatment - not crisis counselling.",
    kind="referral",
)
FINDTREATMENT = "FindTreatment.gov"

#: Always in this order: danger first, referrals after. The SAMHSA Helpline is a
#: referral line, not a crisis line: JSON gives it its own key (``helpline``).
CRISIS_LINES: tuple[HelpLine, ...] = (LIFELINE_988, EMERGENCY_911)
ALL_LINES: tuple[HelpLine, ...] = (LIFELINE_988, EMERGENCY_911, SAMHSA_HELPLINE)

#: The one line that ends every table of output.
FOOTER = "In crisis: call or text 988 (Suicide & Crisis Lifeline). In danger: call 911."
REFERRAL_LINE = (
    f"For help finding treatment: SAMHSA National Helpline {SAMHSA_PHONE} (free, 24/7), "
    "or FindTreatment.gov."
)
#: Said once under listings from an edition more than a year old.
STALE_LISTINGS_LINE = (
    "Listings change: call to confirm before you go. If a number does not work, the SAMHSA "
    f"National Helpline ({SAMHSA_PHONE}, free, 24/7) can refer you."
)
