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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from iopguide.directory.importers.common import ImportResult, ProgressCallback


@dataclass(frozen=True)
class Source:
    """One kind of published listing: what it is, what files it reads, and its importer.

    Every importer has the same shape: ``(files, *, on_progress) -> ImportResult``.
    """

    name: str
    description: str  # said when an unknown source is given
    reads: str  # said in ``directory import --help``
    entry: str  # "module:function", imported only when this source is used


#: The registry, in the order help text lists them. A new source is one entry here.
SOURCES: dict[str, Source] = {
    source.name: source
    for source in (
        Source(
            "samhsa",
            "SAMHSA National Directory workbooks (.xlsx) or CSV exports of their facility sheet",
            "National Directory .xlsx or .csv",
            "iopguide.directory.importers.samhsa:import_samhsa",
        ),
        Source(
            "findtreatment",
            "FindTreatment.gov locator API pages (.json) or 'download results' files (.csv, .xlsx)",
            "API .json, or a 'download results' .csv/.xlsx",
            "iopguide.directory.importers.findtreatment:import_findtreatment",
        ),
    )
}


def source_help() -> str:
    """The ``SOURCE`` argument's help, written from the registry."""
    return " or ".join(f"{s.name} ({s.reads})" for s in SOURCES.values()) + "."


def importer(source: str) -> Callable[..., ImportResult]:
    """The import function for *source* (a key of :data:`SOURCES`); KeyError for others."""
    import importlib

    module, _sep, function = SOURCES[source].entry.partition(":")
    return getattr(importlib.import_module(module), function)


def run_importer(
    source: str, files: Sequence[Path], *, on_progress: ProgressCallback | None = None
) -> ImportResult:
    return importer(source)(list(files), on_progress=on_progress)
