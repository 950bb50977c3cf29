"""Crisis and help lines: the only real phone numbers iopguide ever shows.

Checked against ../shared/data/crisis-resources.md (sources: 988lifeline.org,
samhsa.gov National Helpline FAQ, FindTreatment.gov). A change is one edit here.
The old Lifeline number 1-800-273-8255 is out of date and must never be used.

The words are English msgids, translated when read (``line.how``, ``FOOTER``),
so every language shows the same numbers from this one place.
"""

from __future__ import annotations

from iopguide.i18n import N_, _, texts_in_current_language

#: When these numbers were last checked against the sources above; scripts get it
#: with every line (``checked_on`` in JSON) so a stale copy can be noticed.
CHECKED_ON = "2026-11-23"


class HelpLine:
    """One line: its name, how to reach it and notes, in the current language."""

    __slots__ = ("_how", "_name", "_notes", "kind")

    def __init__(self, name: str, how: str, notes: str, kind: str) -> None:
        self._name, self._how, self._notes = name, how, notes
        self.kind = kind  # "crisis" or "referral"

    @property
    def name(self) -> str:
        return _(self._name)

    @property
    def how(self) -> str:
        return _(self._how)

    @property
    def notes(self) -> str:
        return _(self._notes)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, HelpLine):
            return NotImplemented
        return (self._name, self._how, self._notes, self.kind) == (
            other._name,
            other._how,
            other._notes,
            other.kind,
        )

    def __hash__(self) -> int:
        return hash((self._name, self._how, self._notes, self.kind))

    def __repr__(self) -> str:
        return f"HelpLine({self._name!r})"

    def to_dict(self) -> dict[str, str]:
        return {
            "name": self.name,
            "how": self.how,
            "notes": self.notes,
            "kind": self.kind,
            "checked_on": CHECKED_ON,
        }


LIFELINE_988 = HelpLine(
    name=N_("988 Suicide & Crisis Lifeline"),
    how=N_("Call or text 988, or chat at 988lifeline.org"),
    notes=N_(
        "24/7, free and confidential. Press 1 for the Veterans Crisis Line (veterans can also "
        "text 838255); press 2 for Spanish."
    ),
    kind="crisis",
)
EMERGENCY_911 = HelpLine(
    name=N_("Emergency services"),
    how=N_("Call 911"),
    notes=N_("Immediate danger to life, a medical emergency or an overdose."),
    kind="crisis",
)
#: The SAMHSA National Helpline's number alone, for sentences that point to it.
SAMHSA_PHONE = "1-800-662-4357"
SAMHSA_HELPLINE = HelpLine(
    name=N_("SAMHSA National Helpline"),
    how=N_(
        "Call 1-800-662-4357 (1-800-662-HELP); TTY 1-800-487-4889; text your ZIP code to 435748"
    ),
    notes=N_(
        "24/7, free, confidential, English and Spanish. Referrals and information about "
        "treatment - not crisis counselling."
    ),
    kind="referral",
)
FINDTREATMENT = "FindTreatment.gov"

#: Always in this order: danger first, referrals after. The SAMHSA Helpline is a
#: referral line, not a crisis line: JSON gives it its own key (``helpline``).
CRISIS_LINES: tuple[HelpLine, ...] = (LIFELINE_988, EMERGENCY_911)
ALL_LINES: tuple[HelpLine, ...] = (LIFELINE_988, EMERGENCY_911, SAMHSA_HELPLINE)

_SENTENCES = {
    #: The one line that ends every table of output.
    "FOOTER": N_("In crisis: call or text 988 (Suicide & Crisis Lifeline). In danger: call 911."),
    "REFERRAL_LINE": N_(
        "For help finding treatment: SAMHSA National Helpline 1-800-662-4357 (free, 24/7), "
        "or FindTreatment.gov."
    ),
    #: Said once under listings from an edition more than a year old.
    "STALE_LISTINGS_LINE": N_(
        "Listings change: call to confirm before you go. If a number does not work, the SAMHSA "
        "National Helpline (1-800-662-4357, free, 24/7) can refer you."
    ),
}


# FOOTER, REFERRAL_LINE, STALE_LISTINGS_LINE: read in the current language.
__getattr__ = texts_in_current_language(_SENTENCES)
