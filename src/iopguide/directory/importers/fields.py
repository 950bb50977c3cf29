"""Published values made plain: names, ZIPs, states, websites and text for matching."""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path

from iopguide import vocabulary as vocab
from iopguide.directory.geo import normalise_zip
from iopguide.directory.importers.counts import CAVEAT_STATE, ImportStats
from iopguide.directory.schema import WEBSITE
from iopguide.text import clean

#: A first name line ending in one of these words runs on into the second line
#: ("Counseling Center for" / "Women"): the two are one name, not "organisation - site".
_RUN_ON_WORDS = frozenset(
    {"a", "an", "and", "at", "de", "del", "for", "in", "of", "on", "the", "to", "&"}
)


def facility_names(name1: str, name2: str | None) -> tuple[str, str | None]:
    """(name, organization) from the published ``name1`` / ``name2`` pair.

    Usually name1 is the organisation and name2 the site ("Bowery Residents
    Committee Inc" / "Fred Cooper SA Service Ctr"); when name1 was simply cut
    short (it ends in "for", "of", "-" ...), the two lines are one name.
    """
    if not name2:
        return name1, None
    last_word = name1.rsplit(None, 1)[-1].lower()
    if last_word in _RUN_ON_WORDS or name1.endswith(("-", "/", ",")):
        return f"{name1} {name2}", None
    return f"{name1} - {name2}", name1


_ASCII_WORD = re.compile(r"[a-z0-9]+")
_ABBREVIATIONS = {
    "street": "st",
    "avenue": "ave",
    "road": "rd",
    "boulevard": "blvd",
    "drive": "dr",
    "suite": "ste",
    "highway": "hwy",
    "parkway": "pkwy",
    "lane": "ln",
    "place": "pl",
    "court": "ct",
    "circle": "cir",
    "square": "sq",
    "building": "bldg",
    "floor": "fl",
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
    "northeast": "ne",
    "northwest": "nw",
    "southeast": "se",
    "southwest": "sw",
    "mount": "mt",
    "saint": "st",
    "center": "ctr",
    "centre": "ctr",
    "incorporated": "inc",
    "company": "co",
}


def ascii_words(text: str) -> list[str]:
    """The lower-case ASCII words of *text*, accents dropped (``Peña`` -> ``pena``)."""
    if not text.isascii():  # ASCII is its own NFKD form: most names and streets
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _ASCII_WORD.findall(text.lower())


def match_text(text: str) -> str:
    """Fold a name or street for matching: case, accents, punctuation, common abbreviations."""
    words = ascii_words(text.replace("&", " and "))
    return " ".join(map(_ABBREVIATIONS.get, words, words))


def spreadsheet_zip(value: str) -> str | None:
    """'40202', '40202-1234', '402021234' -> '40202'; a 3-4 digit number lost its zeros to a
    spreadsheet ('1234' -> '01234'); anything else -> None."""
    text = value.strip()
    if text.endswith(".0"):
        text = text[:-2]
    if text.isascii() and text.isdigit():
        if 3 <= len(text) <= 4:
            text = text.zfill(5)
        elif len(text) == 9:  # ZIP+4 without its hyphen
            text = text[:5]
    return normalise_zip(text) if text == text.strip() else None


def shown_name(path: Path) -> str:
    """A file's name fit to write into a directory file: a name that is not UTF-8 (its
    bytes kept by Python as surrogates) would make the JSON writer fail at the end."""
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def text_or_none(value: object) -> str | None:
    """Cleaned single-line text, or None when empty (or not text: NaN, true, a list...)."""
    if type(value) is str and value.isascii() and value.isprintable():
        return " ".join(value.split()) or None  # nothing for clean() to do (most cells)
    if value is None or isinstance(value, (bool, list, dict)):
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None  # a spreadsheet's empty number cell, or JSON's NaN: not "nan"
        if value.is_integer() and abs(value) < 1e16:
            value = int(value)  # a phone or ZIP stored as a number: no ".0"
    text = clean(value).strip()
    return " ".join(text.split()) or None


def valid_state(value: str | None, stats: ImportStats) -> str | None:
    if not value:
        return None
    code = value.strip().upper()
    if code in vocab.STATES:
        return code
    resolved = vocab.STATES.resolve(value)
    if resolved:
        return resolved
    stats.caveats[CAVEAT_STATE] += 1
    return None


#: A published address also needs a dot in its host ("http://intranet" is not one).
_DOTTED_HOST = re.compile(r"https?://[^\s/]+\.\S", re.IGNORECASE)


def valid_website(value: object) -> str | None:
    """The validator's rule (:data:`~iopguide.directory.schema.WEBSITE`), with a dot in the
    host; a bare ``www.example.org`` gets ``http://``."""
    text = text_or_none(value)
    if not text:
        return None
    if WEBSITE.fullmatch(text):
        return text if _DOTTED_HOST.match(text) else None
    if re.match(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?$", text, re.IGNORECASE):
        return "http://" + text
    return None
