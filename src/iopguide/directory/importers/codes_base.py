"""What a service-code entry is, and the reasons shared by the ignored ones.

The tables are in ``codes_care``, ``codes_facility`` and ``codes_services``;
``codes`` puts them together and holds the rules that read them.
"""

from __future__ import annotations

from collections.abc import Iterable
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


def entry(
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


def ignored(code: str, category: str, name: str, why: str, *, words: Iterable[str] = ()) -> Code:
    return Code(code, category, name, ignored=why, words=tuple(words))


# Reasons shared by many ignored codes.
FACILITY_ADMIN = "who runs or licenses the facility; not a service a person chooses by"
FUNDING = "a funding source of the facility, not a way a person pays"
POLICY = "a facility policy (smoking, vaping), not a service"
DETAIL = "a clinical detail below the level the directory format records"
MEDICAL = "a medical test or service the directory format does not record"
NEGATIVE = "says what the facility does NOT do; recorded by the absence of a mapping"
FACILITY_TYPE = "a facility type; the service-setting codes (SET) give the levels of care"
NO_HOME = "no vocabulary term for it; find has no filter that would use it"

MAT = ("mat",)
