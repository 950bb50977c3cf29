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

The tables are in ``codes_care``, ``codes_facility`` and ``codes_services`` (the
entry type and the shared reasons in ``codes_base``); this module puts them
together and holds the rules that read them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from iopguide.directory.importers.codes_base import (
    FACILITY_ADMIN,
    MAT,
    NO_HOME,
    Code,
    entry,
    ignored,
)
from iopguide.directory.importers.codes_care import CARE
from iopguide.directory.importers.codes_facility import FACILITY
from iopguide.directory.importers.codes_services import SERVICES

#: Every code of both reference sheets, in the order the tables list them.
CODES_LIST: tuple[Code, ...] = (*CARE, *FACILITY, *SERVICES)

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

    def trusted(self, table: Mapping[str, Code]) -> bool:
        """Whether *table* (one edition's) trusts every *have* code: else the rule never applies."""
        return all(_trusted(table.get(code)) for code in self.have)

    def holds(self, seen: set[str]) -> bool:
        """True when every *have* code is present and no *lacks* code is."""
        return self.have <= seen and seen.isdisjoint(self.lacks)


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


def _without_ages(code: Code) -> Code:
    """The code as the substance-use edition may use it: no ages (AD, TAY keep their groups)."""
    if code.category == "AGE":
        return ignored(code.code, code.category, code.name, UNTRUSTED_AGES)
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
    entry("~REBT", "TAP", "Rational emotive behavioral therapy", approaches=["rational_emotive"]),
    ignored("~BMOD", "TAP", "Behavior modification", NO_HOME),
    ignored(
        "~RGOV",
        "FOP",
        "Regional/district or county, local or municipal government",
        FACILITY_ADMIN,
    ),
    ignored("~TIUD", "OTHR", "Treatment for internet use disorder", NO_HOME),
    # Under "Exclusive Services" the API lists programmes offered, not restrictions:
    # Region Ten's whole community services board shows "DUI/DWI clients", and an
    # IOP/PHP shows both "DUI/DWI clients" and "All Clients in Opioid Treatment
    # Program". Only the entries that say "only" restrict who is served.
    entry("~OTPO", "EXCL", "All Clients in Opioid Treatment Program", services=MAT),
    entry(
        "~MBO",
        "EXCL",
        "Methadone and buprenorphine clients only",
        services=MAT,
        serves_only="Methadone and buprenorphine clients only",
    ),
    entry("~DUI", "EXCL", "DUI/DWI clients", special_groups=["justice_involved"]),
    entry(
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
