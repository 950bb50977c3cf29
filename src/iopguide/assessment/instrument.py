"""A check-in instrument as data: its published items, answers, bands, source and licence.

Each instrument is ``instruments/<id>.yaml``, read through the questionnaire
engine's :func:`~iopguide.assessment.questionnaire.read_file`. Only iopguide's
framing (title, about, note, cut-offs) is translated; the instrument's own
words are shown only as published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from iopguide import i18n
from iopguide.assessment.questionnaire import read_file
from iopguide.errors import UsageError
from iopguide.i18n import _
from iopguide.text import clean, shorten

#: The instruments, in the order they are listed.
INSTRUMENT_IDS: tuple[str, ...] = ("phq9", "gad7", "auditc")

#: Languages with an official published version of an instrument (none shipped yet).
PUBLISHED_IN: dict[str, tuple[str, ...]] = {}


def language_notice(instrument_id: str) -> str:
    """In a language the instrument was not published in: that it is in English only."""
    lang = i18n.current()
    if lang == i18n.DEFAULT or lang in PUBLISHED_IN.get(instrument_id, ()):
        return ""
    return _(
        "This check-in is available in English only: its questions and answers are shown in "
        "English, exactly as they were published."
    )


@dataclass(frozen=True)
class Option:
    points: int
    label: str


@dataclass(frozen=True)
class Item:
    key: str  # e.g. phq9_1
    number: int
    text: str
    options: tuple[Option, ...]
    safety: bool = False

    def option(self, points: int) -> Option:
        return next(o for o in self.options if o.points == points)


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    label: str
    is_high: bool = False


@dataclass(frozen=True)
class Instrument:
    id: str
    name: str
    title_en: str
    short_en: str
    about_en: str
    concerns: tuple[str, ...]
    source: str
    licence: str
    stem: str
    items: tuple[Item, ...]
    bands: tuple[Band, ...]
    note_en: str = ""
    cutoffs_en: str = ""

    @property
    def title(self) -> str:
        return _(self.title_en)

    @property
    def short(self) -> str:
        return _(self.short_en)

    @property
    def about(self) -> str:
        return _(self.about_en)

    @property
    def note(self) -> str:
        """What to know before starting (and, in another language, that it is in English)."""
        parts = (language_notice(self.id), _(self.note_en) if self.note_en else "")
        return " ".join(p for p in parts if p)

    @property
    def cutoffs(self) -> str:
        return _(self.cutoffs_en) if self.cutoffs_en else ""

    @property
    def max_score(self) -> int:
        return sum(max(o.points for o in item.options) for item in self.items)

    def band(self, score: int) -> Band:
        return next(b for b in self.bands if b.low <= score <= b.high)


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


@lru_cache(maxsize=8)
def _load(instrument_id: str) -> Instrument:

    raw = read_file(instrument_id)
    shared = tuple(Option(int(o["points"]), str(o["label"])) for o in raw.get("options", ()))
    items = tuple(
        Item(
            key=f"{raw['id']}_{number}",
            number=number,
            text=_one_line(item["text"]),
            options=tuple(Option(int(o["points"]), str(o["label"])) for o in item["options"])
            if "options" in item
            else shared,
            safety=bool(item.get("safety", False)),
        )
        for number, item in enumerate(raw["items"], start=1)
    )
    return Instrument(
        id=str(raw["id"]),
        name=str(raw["name"]),
        title_en=_one_line(raw["title"]),
        short_en=_one_line(raw["short"]),
        about_en=_one_line(raw["about"]),
        concerns=tuple(raw.get("concerns", ())),
        source=_one_line(raw["source"]),
        licence=_one_line(raw["licence"]),
        stem=_one_line(raw.get("stem", "")),
        items=items,
        bands=tuple(
            Band(int(b["min"]), int(b["max"]), str(b["label"]), bool(b.get("high", False)))
            for b in raw["bands"]
        ),
        note_en=_one_line(raw.get("note", "")),
        cutoffs_en=_one_line(raw.get("cutoffs", "")),
    )


def get_instrument(instrument_id: str) -> Instrument:
    """The instrument called *instrument_id* (``phq9``, ``PHQ-9`` ...); UsageError if unknown."""
    key = re.sub(r"[^a-z0-9]", "", instrument_id.lower())
    if key not in INSTRUMENT_IDS:
        raise UsageError(
            _("There is no check-in called {name}.").format(
                name=repr(shorten(clean(instrument_id), 30))
            ),
            hint=_("Check-ins: {ids}. List them with: {command}").format(
                ids=", ".join(INSTRUMENT_IDS), command="iopguide screen"
            ),
        )
    return _load(key)


def all_instruments() -> tuple[Instrument, ...]:
    return tuple(get_instrument(i) for i in INSTRUMENT_IDS)


def for_concerns(concerns: tuple[str, ...]) -> tuple[Instrument, ...]:
    """The check-ins that fit the person's concerns, in list order."""
    return tuple(i for i in all_instruments() if set(i.concerns) & set(concerns))
