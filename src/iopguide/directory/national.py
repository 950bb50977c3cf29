"""The national directory iopguide ships: SAMHSA's National Directory, both editions, merged.

Built by iopguide's own importer from the published workbooks
(``scripts/build_national.py`` runs :func:`build`), compressed with LZMA (about
1.4 MB for 19,000 programmes against 22 MB of JSON), and loaded like any other
directory file: the loader decompresses it under the same size limit and runs
the same checks. The build is deterministic, so a test can rebuild it from the
workbooks and compare.

Where a listing came from, and how old that is, is said by
:mod:`iopguide.directory.provenance`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from iopguide.directory.model import DirectoryInfo, Program

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from pathlib import Path

#: The file's name inside the package (``iopguide/data/``) and the repository (``data/``).
FILE_NAME = "national-directory.json.xz"
#: The fictional directory, for demonstrations and tests.
SAMPLE_FILE_NAME = "programs.yaml"
#: What a person types for the sample directory instead of a path (``--directory sample``).
SAMPLE_NAME = "sample"

#: The 2022 workbooks, as SAMHSA publishes them.
WORKBOOKS_2022 = (
    "National_Directory_MH_Facilities_2022.xlsx",
    "National_Directory_SA_Facilities_2022.xlsx",
)
_PRESET = 6  # xz's default: 1.35 MB and 0.17 s to decompress (9e: 1.15 MB, 34 s to build)


def header(imported: DirectoryInfo, programs: Sequence[Program]) -> DirectoryInfo:
    """The shipped header: the edition named, credit to SAMHSA, dated by the edition.

    ``updated`` is the edition's own date (the workbooks' production date, which
    the importer records on every programme), not the day of the build, so the
    same workbooks always give the same file.
    """
    years = sorted(set(re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", imported.name)))
    edition = f"{years[-1]} edition" if years else "edition unknown"
    dates = sorted({p.last_verified for p in programs if p.last_verified})
    return imported.replace(
        name=f"SAMHSA National Directory, {edition}",
        source=(imported.source or "").replace(" Coordinates are ZIP-code centres.", "")
        + " Published by the Substance Abuse and Mental Health Services Administration "
        "(SAMHSA), public domain; imported and merged by iopguide. Coordinates are "
        "ZIP-code centres.",
        sample=False,
        updated=dates[-1] if dates else imported.updated,
    )


def build(files: Sequence[Path]) -> tuple[bytes, int]:
    """The shipped file's bytes (LZMA-compressed JSON) and its programme count."""
    import lzma  # only the build compresses; the loader decompresses on its own

    from iopguide.directory.importers.samhsa import import_samhsa
    from iopguide.directory.importers.writer import directory_json

    result = import_samhsa(list(files))
    info = header(result.info, result.programs)
    text = directory_json(info, result.programs)
    return lzma.compress(text.encode("utf-8"), preset=_PRESET), len(result.programs)
