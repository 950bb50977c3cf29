"""Importers of published treatment-facility listings into iopguide's directory format.

* :mod:`.samhsa` - SAMHSA's National Directory workbooks (.xlsx) and CSV exports;
* :mod:`.findtreatment` - FindTreatment.gov locator API pages (.json), and through
  :mod:`.findtreatment_download` its "download results" files (.csv, .xlsx);
* :mod:`.tables` and :mod:`.workbook_check` - reading sheets and CSVs safely, finding
  header rows;
* :mod:`.codes` - the one table of published codes and words -> vocabulary ids;
* :mod:`.common` - merging, ids, ZIP centres and the counts every import reports;
* :mod:`.coordinates` - the US bounds every coordinate written must lie in;
* :mod:`.writer` - writing the result atomically as JSON (or YAML).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iopguide.directory.importers.common import ImportResult, ProgressCallback

#: Source name -> one-line description, in the order help text lists them.
SOURCES = {
    "samhsa": "SAMHSA National Directory workbooks (.xlsx) or CSV exports of their facility sheet",
    "findtreatment": "FindTreatment.gov locator API pages (.json) or 'download results' "
    "files (.csv, .xlsx)",
}


def importer(source: str) -> Callable[..., ImportResult]:
    """The import function for *source* (a key of :data:`SOURCES`)."""
    if source == "samhsa":
        from iopguide.directory.importers.samhsa import import_samhsa

        return import_samhsa
    if source == "findtreatment":
        from iopguide.directory.importers.findtreatment import import_findtreatment

        return import_findtreatment
    raise KeyError(source)


def run_importer(
    source: str, files: Sequence[Path], *, on_progress: ProgressCallback | None = None
) -> ImportResult:
    return importer(source)(list(files), on_progress=on_progress)
