"""From a table's data rows to facilities: what every tabular importer does the same way.

The National Directory (:mod:`.samhsa`) and FindTreatment.gov's downloads
(:mod:`.findtreatment_download`) both skip blank rows and a header repeated inside
the table, and read a facility's names, address and phones from the same columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from iopguide.directory.importers.common import (
    CAVEAT_NO_ZIP,
    SKIP_BLANK,
    SKIP_HEADER_AGAIN,
    SKIP_NO_NAME,
    Facility,
    ImportStats,
    ProgressCallback,
    facility_names,
    spreadsheet_zip,
    text_or_none,
    valid_state,
)
from iopguide.directory.importers.tables import Table, cell, repeats_header

#: How often (in rows) progress is reported.
PROGRESS_EVERY = 500
#: The columns :func:`facility_from` reads.
FACILITY_COLUMNS = (
    "name1",
    "name2",
    "street1",
    "street2",
    "city",
    "state",
    "zip",
    "phone",
    "intake1",
    "intake2",
)


def data_rows(
    table: Table,
    required: Sequence[str],
    stats: ImportStats,
    label: str,
    on_progress: ProgressCallback | None,
) -> Iterator[Sequence[object]]:
    """The rows that may be facilities, counted in *stats* as read; blank rows inside the
    table and the header again are skipped and counted under their reasons."""
    total = len(table.rows)
    for number, row in enumerate(table.rows, start=1):
        if on_progress is not None and number % PROGRESS_EVERY == 0:
            on_progress(label, number, total)
        if not any(cell(v) for v in row):
            # Trailing empty rows are layout, not data: count them only inside the table.
            if number < total:
                stats.skipped[SKIP_BLANK] += 1
            continue
        stats.read += 1
        if repeats_header(row, table, required):
            stats.skipped[SKIP_HEADER_AGAIN] += 1
            continue
        yield row
    if on_progress is not None:
        on_progress(label, total, total)


def facility_from(
    value: Callable[[str], str],
    stats: ImportStats,
    *,
    source: str,
    edition: str,
    last_verified: str | None,
) -> Facility | None:
    """The facility a row describes (names, address, phones), or None (counted) without
    a name. *value* gives a column's text by its name."""
    name1, name2 = text_or_none(value("name1")), text_or_none(value("name2"))
    if not name1:
        stats.skipped[SKIP_NO_NAME] += 1
        return None
    zip5 = spreadsheet_zip(value("zip"))
    if zip5 is None:
        stats.caveats[CAVEAT_NO_ZIP] += 1
    street1, street2 = text_or_none(value("street1")), text_or_none(value("street2"))
    name, organization = facility_names(name1, name2)
    facility = Facility(
        name=name,
        organization=organization,
        street=", ".join(s for s in (street1, street2) if s) or None,
        city=text_or_none(value("city")),
        state=valid_state(value("state"), stats),
        zip5=zip5,
        match_street=street1,
        source=source,
        edition=edition,
        last_verified=last_verified,
    )
    facility.phone = text_or_none(value("phone"))
    facility.intake_phone = text_or_none(value("intake1")) or text_or_none(value("intake2"))
    return facility
