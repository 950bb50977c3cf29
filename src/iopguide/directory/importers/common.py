"""What every importer shares: facilities as they are read, merging, ids, ZIP centres, counts.

A published row becomes a :class:`Facility` (mutable, sets of vocabulary ids);
a :class:`Collector` merges facilities that are the same place (same name,
street and ZIP once normalised), gives each a stable id and turns it into a
:class:`~iopguide.directory.model.Program`. Nothing here prints: the counts
come back in :class:`ImportStats` for the command to show.

The parts: :mod:`.counts` (skip reasons, caveats, totals), :mod:`.fields`
(published values made plain), :mod:`.code_sets` (a row's codes applied) and
:mod:`.collect` (facilities, merging, ids).
Importers import from here.
"""

from iopguide.directory.importers.code_sets import CodeSet
from iopguide.directory.importers.collect import (
    Collector,
    Facility,
    ZipCentres,
    facility_key,
    program_id,
)
from iopguide.directory.importers.counts import (
    CAVEAT_CONDITION_FROM_EDITION,
    CAVEAT_NO_ZIP,
    CAVEAT_OUTSIDE_US,
    CAVEAT_STATE,
    CAVEAT_UNKNOWN_ZIP,
    CAVEAT_ZIP_CENTRE_OUTSIDE,
    EDITION_CONDITIONS,
    SKIP_BLANK,
    SKIP_HEADER_AGAIN,
    SKIP_NO_CONDITION,
    SKIP_NO_LEVEL,
    SKIP_NO_NAME,
    SKIP_NOT_A_RECORD,
    SKIP_OTP_NO_SERVICES,
    ImportResult,
    ImportStats,
    ProgressCallback,
)
from iopguide.directory.importers.fields import (
    facility_names,
    match_text,
    shown_name,
    spreadsheet_zip,
    text_or_none,
    valid_state,
    valid_website,
)

__all__ = [
    "CAVEAT_CONDITION_FROM_EDITION",
    "CAVEAT_NO_ZIP",
    "CAVEAT_OUTSIDE_US",
    "CAVEAT_STATE",
    "CAVEAT_UNKNOWN_ZIP",
    "CAVEAT_ZIP_CENTRE_OUTSIDE",
    "EDITION_CONDITIONS",
    "SKIP_BLANK",
    "SKIP_HEADER_AGAIN",
    "SKIP_NOT_A_RECORD",
    "SKIP_NO_CONDITION",
    "SKIP_NO_LEVEL",
    "SKIP_NO_NAME",
    "SKIP_OTP_NO_SERVICES",
    "CodeSet",
    "Collector",
    "Facility",
    "ImportResult",
    "ImportStats",
    "ProgressCallback",
    "ZipCentres",
    "facility_key",
    "facility_names",
    "match_text",
    "program_id",
    "shown_name",
    "spreadsheet_zip",
    "text_or_none",
    "valid_state",
    "valid_website",
]
