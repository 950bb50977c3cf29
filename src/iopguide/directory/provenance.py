"""Where a listing comes from and how old that is, in words a person can weigh.

SAMHSA's workbooks carry one production date for the whole edition; the
importer records it as each programme's ``last_verified``. That is when SAMHSA
published the listing, not when anyone checked it, so a SAMHSA listing is shown
as "Listed in SAMHSA's National Directory, 2022 edition", never as "Checked
2022-05-06". Only a directory whose programmes were really checked shows a
checked date.
"""

from __future__ import annotations

import datetime as _dt
import re

from iopguide.crisis import STALE_LISTINGS_LINE
from iopguide.directory.model import DirectoryInfo, Program
from iopguide.i18n import _

_EDITION = re.compile(r"SAMHSA National Directory\b[^;]*?(?<!\d)((?:19|20)\d{2})(?!\d)")
#: An edition older than this is "more than a year old": one line says to call and confirm.
STALE_AFTER_DAYS = 365


def edition_year(program: Program | None, info: DirectoryInfo) -> str | None:
    """The SAMHSA edition year a listing comes from (its own source first), or None."""
    for text in ((program.source if program else None), info.name, info.source):
        match = _EDITION.search(text or "")
        if match:
            return match.group(1)
    return None


def listed_in(program: Program | None, info: DirectoryInfo) -> str | None:
    """ "SAMHSA's National Directory, 2022 edition", or None for other directories."""
    year = edition_year(program, info)
    return _("SAMHSA's National Directory, {year} edition").format(year=year) if year else None


def origin_text(program: Program, info: DirectoryInfo) -> str:
    """One short phrase for a card: where the listing is from, or when it was checked."""
    year = edition_year(program, info)
    if year:
        return _("Listed in SAMHSA's National Directory, {year} edition").format(year=year)
    if program.last_verified:
        return _("Checked {date}").format(date=program.last_verified)
    return _("Not dated")


def origin_short(program: Program, info: DirectoryInfo) -> str:
    """The same in a few words, for a table column: "SAMHSA 2022" or "checked 2024-01-01"."""
    year = edition_year(program, info)
    if year:
        return f"SAMHSA {year}"
    if program.last_verified:
        return _("checked {date}").format(date=program.last_verified)
    return _("not dated")


def edition_date(
    info: DirectoryInfo, programs: list[Program] | tuple[Program, ...] = ()
) -> _dt.date | None:
    """When the edition was published: the listings' recorded date, else 1 January of its year."""
    year = edition_year(programs[0] if programs else None, info)
    if year is None:
        return None
    dates = [p.last_verified for p in programs if p.last_verified]
    for text in (*dates, info.updated if info.name.endswith("edition") else None):
        if text and text.startswith(year):
            try:
                return _dt.date.fromisoformat(text)
            except ValueError:
                continue
    return _dt.date(int(year), 1, 1)


def stale_line(
    info: DirectoryInfo,
    programs: list[Program] | tuple[Program, ...] = (),
    *,
    today: _dt.date | None = None,
) -> str | None:
    """The "listings change, call to confirm" line, when the edition is over a year old."""
    published = edition_date(info, programs)
    if published is None:
        return None
    today = today or _dt.date.today()
    return STALE_LISTINGS_LINE if (today - published).days > STALE_AFTER_DAYS else None


def credit_line(
    info: DirectoryInfo, programs: list[Program] | tuple[Program, ...] = ()
) -> str | None:
    """The credit under SAMHSA listings: the publisher and the edition."""
    year = edition_year(programs[0] if programs else None, info)
    if not year:
        return None
    return _("Listings from SAMHSA's National Directory, {year} edition (public domain).").format(
        year=year
    )
