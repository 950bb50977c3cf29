"""What an import reports: why rows were skipped or imported with a gap, and the totals."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from iopguide.directory.model import DirectoryInfo, Program

#: Called as (label, rows done, rows in this file) while a file is processed.
ProgressCallback = Callable[[str, int, int], None]

# Skip reasons (rows not imported) and caveats (rows imported with a gap).
SKIP_BLANK = "blank row"
SKIP_NO_NAME = "no facility name"
SKIP_NOT_A_RECORD = "not a facility record"
SKIP_HEADER_AGAIN = "the header row again (files joined end to end?)"
CAVEAT_NO_ZIP = "ZIP missing or not 5 digits (imported without location)"
CAVEAT_UNKNOWN_ZIP = "ZIP not in the ZIP-centre table (imported without coordinates)"
CAVEAT_STATE = "state not a US state or territory code (left blank)"
SKIP_NO_LEVEL = "no level of care (service setting) given"
SKIP_OTP_NO_SERVICES = (
    "opioid treatment programme listed without its services (no level of care to file it under)"
)
CAVEAT_OUTSIDE_US = "published coordinates not in the US or not numbers (left out)"
CAVEAT_ZIP_CENTRE_OUTSIDE = (
    "the ZIP-centre table places the ZIP outside the US (imported without coordinates)"
)
SKIP_NO_CONDITION = "no type of care given, and the file does not say which directory it is"
CAVEAT_CONDITION_FROM_EDITION = (
    "no type of care given (condition taken from the directory it is listed in)"
)

#: The condition a listing implies when it gives no type of care: being in SAMHSA's
#: substance-use directory (or FindTreatment.gov's "SA" facilities) means treating
#: substance use, being in the mental-health one means treating mental health; an
#: opioid treatment programme (FindTreatment.gov type "OTP") treats opioid use.
EDITION_CONDITIONS = {"SA": "substance_use", "MH": "mental_health", "OTP": "substance_use"}


@dataclass
class ImportStats:
    read: int = 0  # facility rows read (not counting headers)
    imported: int = 0  # programmes written
    merged: int = 0  # rows folded into a programme already read
    merged_across_files: int = 0  # ... of which from another file (e.g. SA + MH editions)
    flagged: int = 0  # programmes with a "serves only" restriction
    # Where each programme written is placed on the map (the three add up to ``imported``):
    published_coordinates: int = 0  # coordinates as the listing published them
    zip_centres: int = 0  # placed at the centre of its ZIP code (the listing gave none)
    no_coordinates: int = 0  # no coordinates and no ZIP centre to stand in for them
    undated: int = 0  # programmes written with no last_verified date
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> rows
    caveats: Counter[str] = field(default_factory=Counter)  # reason -> rows imported with a gap
    unknown_codes: Counter[str] = field(default_factory=Counter)  # code or words -> rows
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # plain facts about the source, for the summary
    files: list[tuple[str, str, int]] = field(default_factory=list)  # (name, edition, rows)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


@dataclass(frozen=True)
class ImportResult:
    info: DirectoryInfo
    programs: tuple[Program, ...]
    stats: ImportStats
