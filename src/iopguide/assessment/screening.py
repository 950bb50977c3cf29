"""Standard check-ins (PHQ-9, GAD-7, AUDIT-C): questionnaires as data, scored exactly.

Each instrument is a YAML file in ``instruments/`` with its published wording,
answers, points and bands, and its licence and source beside it (as CamCOPS
does). Only instruments whose licences allow free reproduction are included;
``docs/instruments.md`` lists those left out on purpose (C-SSRS, LOCUS, ASAM
text, MDQ, ASRM, DAST-10). A score is never a diagnosis.

Answers come as ``{"phq9_1": 2, ...}`` or ``{1: 2, ...}``: points, or the
answer's words in any case. PHQ-9 item 9 above 0 flags safety, whatever the
total.

Languages: an instrument's own words (stem, items, answers, bands) are shown
only as published, so they are never in the catalogue. iopguide's framing
(title, about, note, cut-offs, messages) is translated; in a language without
a published version the note says, in that language, that the check-in is in
English only (:func:`language_notice`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from iopguide import crisis
from iopguide.assessment.answers import cannot_use
from iopguide.assessment.danger import tidy
from iopguide.assessment.instrument import (
    INSTRUMENT_IDS,
    PUBLISHED_IN,
    Band,
    Instrument,
    Item,
    Option,
    all_instruments,
    for_concerns,
    get_instrument,
    language_notice,
)
from iopguide.errors import UsageError
from iopguide.i18n import N_, _, ngettext
from iopguide.text import clean, shorten

__all__ = [
    "INSTRUMENT_IDS",
    "PUBLISHED_IN",
    "Band",
    "Instrument",
    "Item",
    "Option",
    "ScreenResult",
    "all_instruments",
    "for_concerns",
    "get_instrument",
    "language_notice",
    "read_points",
    "safety_in_doubt",
    "safety_in_text",
    "score",
]

#: Instruments iopguide does not include because their licences forbid it (see
#: docs/instruments.md): the list says so, so nobody adds them by accident.
_LEFT_OUT: tuple[str, ...] = (
    N_("C-SSRS (licensed by the Columbia Lighthouse Project)"),
    N_("LOCUS (its licence forbids electronic use)"),
    N_("the ASAM Criteria text (copyright)"),
    N_("MDQ (copyright retained)"),
    N_("ASRM (licence fee)"),
    N_("DAST-10 (non-commercial use only)"),
)

_SENTENCES = {
    "DISCLAIMER": N_(
        "A check-in score is not a diagnosis. Bring it to a doctor, therapist or counselor: "
        "they can tell you what it means for you."
    ),
    "SAFETY_MESSAGE": N_(
        "You said you have had thoughts that you would be better off dead or of hurting "
        "yourself. Please talk to someone today. Call or text 988, or chat at 988lifeline.org: "
        "it is free and there day and night. If you are in danger right now, call 911."
    ),
}


def __getattr__(name: str) -> object:
    # DISCLAIMER, SAFETY_MESSAGE and LEFT_OUT: read in the current language.
    if name in _SENTENCES:
        return _(_SENTENCES[name])
    if name == "LEFT_OUT":
        return tuple(_(text) for text in _LEFT_OUT)
    raise AttributeError(name)


# ---------------------------------------------------------------------------
# Answers


def _words(text: str) -> str:
    text = tidy(text).lower().replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(text.split())


def item_for_key(instrument: Instrument, key: object) -> Item:
    """``phq9_3``, ``PHQ9-3``, ``3`` or the number 3 -> item 3; UsageError otherwise."""
    ok = isinstance(key, (str, int)) and not isinstance(key, bool)
    text = str(key)[:40] if ok else ""
    name = re.sub(r"[\s-]+", "_", text.strip().lower())
    match = re.fullmatch(rf"(?:{instrument.id}_?)?0*(\d{{1,3}})", name)
    if match and 1 <= int(match.group(1)) <= len(instrument.items):
        return instrument.items[int(match.group(1)) - 1]
    n = len(instrument.items)
    shown = shorten(clean(text), 30) if ok else f"a {type(key).__name__}"
    raise UsageError(
        _(
            "{name} has no question called {key}. Use {id}_1 ... {id}_{count}, or 1 ... {count}."
        ).format(name=instrument.name, key=repr(shown), id=instrument.id, count=n)
    )


def points_for(item: Item, raw: object, instrument: Instrument) -> int:
    """The points an answer is worth: the number itself, or the answer's words."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        if any(o.points == raw for o in item.options):
            return raw
    elif isinstance(raw, str):
        said = _words(raw[:100])
        for option in item.options:
            if said in (str(option.points), _words(option.label)):
                return option.points
    allowed = ", ".join(f"{o.points} ({o.label})" for o in item.options)
    shown = shorten(clean(str(raw)[:100]), 30) if isinstance(raw, (str, int)) else "that"
    raise UsageError(
        _("{key} cannot be {value}. Allowed: {allowed}.").format(
            key=item.key, value=repr(shown), allowed=allowed
        )
    )


@dataclass(frozen=True)
class ScreenResult:
    instrument: str
    name: str
    score: int
    max_score: int
    band: str
    high: bool
    items: tuple[tuple[Item, int], ...]
    safety_flagged: bool
    licence: str
    source: str
    cutoffs: str = ""
    note: str = ""

    @property
    def safety_message(self) -> str:
        return _(_SENTENCES["SAFETY_MESSAGE"])

    @property
    def headline(self) -> str:
        """One line for a result's reasons and the saved summary."""
        return _("{name} {score}, {band} — bring this to your clinician.").format(
            name=self.name, score=self.score, band=self.band
        )

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "instrument": self.instrument,
            "name": self.name,
            "score": self.score,
            "max_score": self.max_score,
            "band": self.band,
            "items": [
                {
                    "id": item.key,
                    "question": item.text,
                    "answer": item.option(points).label,
                    "points": points,
                }
                for item, points in self.items
            ],
            "safety": {
                "flagged": self.safety_flagged,
                "message": self.safety_message if self.safety_flagged else None,
                "crisis_lines": [line.to_dict() for line in crisis.CRISIS_LINES]
                if self.safety_flagged
                else [],
            },
            "licence": self.licence,
            "source": self.source,
            "disclaimer": _(_SENTENCES["DISCLAIMER"]),
        }
        if self.cutoffs:
            out["cutoffs"] = self.cutoffs
        if self.note:
            out["note"] = self.note
        return out


def read_points(instrument: Instrument, raw: Mapping[object, object]) -> dict[str, int]:
    """The points per item key from a file's mapping and flags; one UsageError listing all."""
    points: dict[str, int] = {}
    problems: list[str] = []
    for key, value in raw.items():
        try:
            item = item_for_key(instrument, key)
            if value is None:
                continue
            if item.key in points and points[item.key] != points_for(item, value, instrument):
                problems.append(
                    _("{key} is answered twice, differently; keep one.").format(key=item.key)
                )
                continue
            points[item.key] = points_for(item, value, instrument)
        except UsageError as err:
            problems.append(err.message)
    if problems:
        if len(problems) == 1:
            raise UsageError(problems[0])
        raise UsageError(cannot_use(problems))
    return points


def safety_in_doubt(instrument: Instrument, raw: Mapping[object, object]) -> bool:
    """Whether a safety item (PHQ-9 item 9) is answered with anything but a clear 0.

    Then the safety message comes first, before any complaint about the answers:
    a person who says they have thoughts of self-harm is answered with help even
    when another item has a typo, and an item 9 that cannot be read is doubt,
    which counts as a yes.
    """
    for key, value in raw.items():
        try:
            item = item_for_key(instrument, key)
        except UsageError:
            continue
        if not item.safety or value is None:
            continue
        try:
            if points_for(item, value, instrument) > 0:
                return True
        except UsageError:
            return True
    return False


def safety_in_text(instrument: Instrument, text: str) -> bool:
    """:func:`safety_in_doubt` for a file that cannot be parsed (a key given twice, a
    syntax error): a line answering a safety item, read without parsing."""
    for item in instrument.items:
        if not item.safety:
            continue
        key = re.compile(
            rf"""(?:^|[{{,])\s*(?:-\s+)?["']?(?:{instrument.id}[\s_-]?)?0*{item.number}["']?"""
            r"""\s*:\s*(?P<value>[^,}#\n]+)""",
            re.IGNORECASE | re.MULTILINE,
        )
        for match in key.finditer(text[: 1024 * 1024]):
            value = match.group("value").strip()
            if value.lower() in ("null", "~"):
                continue
            if safety_in_doubt(instrument, {item.key: value}):
                return True
    return False


def missing_items(instrument: Instrument, points: Mapping[str, int]) -> tuple[Item, ...]:
    return tuple(item for item in instrument.items if item.key not in points)


def safety_flagged(instrument: Instrument, points: Mapping[str, int]) -> bool:
    return any(item.safety and points.get(item.key, 0) > 0 for item in instrument.items)


def score(instrument: Instrument, points: Mapping[str, int]) -> ScreenResult:
    """Score complete answers (raises UsageError naming every missing item)."""
    missing = missing_items(instrument, points)
    if missing:
        lines = "\n".join(
            f"  {item.key}: {item.text} (0-{max(o.points for o in item.options)})"
            for item in missing
        )
        heading = ngettext(
            "{count} answer is missing for {name}, and there is no terminal to ask it:",
            "{count} answers are missing for {name}, and there is no terminal to ask them:",
            len(missing),
        ).format(count=len(missing), name=instrument.name)
        raise UsageError(
            f"{heading}\n{lines}",
            hint=_(
                "Give each one with --answer, e.g. --answer {id}={value}, "
                "or as a line in the answers file (--answers FILE), e.g.  {id}: {value}"
            ).format(id=missing[0].key, value=0),
        )
    total = sum(points[item.key] for item in instrument.items)
    band = instrument.band(total)
    return ScreenResult(
        instrument=instrument.id,
        name=instrument.name,
        score=total,
        max_score=instrument.max_score,
        band=band.label,
        high=band.is_high,
        items=tuple((item, points[item.key]) for item in instrument.items),
        safety_flagged=safety_flagged(instrument, points),
        licence=instrument.licence,
        source=instrument.source,
        cutoffs=instrument.cutoffs,
        note=instrument.note,
    )
