"""Standard check-ins (PHQ-9, GAD-7, AUDIT-C): questionnaires as data, scored exactly.

Each instrument is a YAML file in ``instruments/`` with its published wording,
answers, points and bands, and its licence and source beside it (as CamCOPS
does). Only instruments whose licences allow free reproduction are included;
``docs/instruments.md`` lists those left out on purpose (C-SSRS, LOCUS, ASAM
text, MDQ, ASRM, DAST-10). A score is never a diagnosis.

Answers come as ``{"phq9_1": 2, ...}`` or ``{1: 2, ...}``: points, or the
answer's words in any case. PHQ-9 item 9 above 0 flags safety, whatever the
total.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from iopguide import crisis
from iopguide.assessment.danger import tidy
from iopguide.errors import UsageError
from iopguide.text import clean, shorten

#: The instruments, in the order they are listed.
INSTRUMENT_IDS: tuple[str, ...] = ("phq9", "gad7", "auditc")

#: Instruments iopguide does not include because their licences forbid it (see
#: docs/instruments.md): the list says so, so nobody adds them by accident.
LEFT_OUT: tuple[str, ...] = (
    "C-SSRS (licensed by the Columbia Lighthouse Project)",
    "LOCUS (its licence forbids electronic use)",
    "the ASAM Criteria text (copyright)",
    "MDQ (copyright retained)",
    "ASRM (licence fee)",
    "DAST-10 (non-commercial use only)",
)

DISCLAIMER = (
    "A check-in score is not a diagnosis. Bring it to a doctor, therapist or counselor: "
    "they can tell you what it means for you."
)

SAFETY_MESSAGE = (
    "You said you have had thoughts that you would be better off dead or of hurting "
    "yourself. Please talk to someone today. "
    f"{crisis.LIFELINE_988.how}: it is free and there day and night. "
    f"If you are in danger right now, {crisis.EMERGENCY_911.how.lower()}."
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
    title: str
    short: str
    about: str
    concerns: tuple[str, ...]
    source: str
    licence: str
    stem: str
    items: tuple[Item, ...]
    bands: tuple[Band, ...]
    note: str = ""
    cutoffs: str = ""

    @property
    def max_score(self) -> int:
        return sum(max(o.points for o in item.options) for item in self.items)

    def band(self, score: int) -> Band:
        return next(b for b in self.bands if b.low <= score <= b.high)


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


@lru_cache(maxsize=8)
def _load(instrument_id: str) -> Instrument:
    from importlib.resources import files

    import yaml

    path = files("iopguide.assessment").joinpath("instruments", f"{instrument_id}.yaml")
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
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
        title=_one_line(raw["title"]),
        short=_one_line(raw["short"]),
        about=_one_line(raw["about"]),
        concerns=tuple(raw.get("concerns", ())),
        source=_one_line(raw["source"]),
        licence=_one_line(raw["licence"]),
        stem=_one_line(raw.get("stem", "")),
        items=items,
        bands=tuple(
            Band(int(b["min"]), int(b["max"]), str(b["label"]), bool(b.get("high", False)))
            for b in raw["bands"]
        ),
        note=_one_line(raw.get("note", "")),
        cutoffs=_one_line(raw.get("cutoffs", "")),
    )


def get_instrument(instrument_id: str) -> Instrument:
    """The instrument called *instrument_id* (``phq9``, ``PHQ-9`` ...); UsageError if unknown."""
    key = re.sub(r"[^a-z0-9]", "", instrument_id.lower())
    if key not in INSTRUMENT_IDS:
        raise UsageError(
            f"There is no check-in called {shorten(clean(instrument_id), 30)!r}.",
            hint=f"Check-ins: {', '.join(INSTRUMENT_IDS)}. List them with: iopguide screen",
        )
    return _load(key)


def all_instruments() -> tuple[Instrument, ...]:
    return tuple(get_instrument(i) for i in INSTRUMENT_IDS)


def for_concerns(concerns: tuple[str, ...]) -> tuple[Instrument, ...]:
    """The check-ins that fit the person's concerns, in list order."""
    return tuple(i for i in all_instruments() if set(i.concerns) & set(concerns))


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
        f"{instrument.name} has no question called {shown!r}. "
        f"Use {instrument.id}_1 ... {instrument.id}_{n}, or 1 ... {n}."
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
    raise UsageError(f"{item.key} cannot be {shown!r}. Allowed: {allowed}.")


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
        return SAFETY_MESSAGE

    @property
    def headline(self) -> str:
        """One line for a result's reasons and the saved summary."""
        return f"{self.name} {self.score}, {self.band} — bring this to your clinician."

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
                "message": SAFETY_MESSAGE if self.safety_flagged else None,
                "crisis_lines": [line.to_dict() for line in crisis.CRISIS_LINES]
                if self.safety_flagged
                else [],
            },
            "licence": self.licence,
            "source": self.source,
            "disclaimer": DISCLAIMER,
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
                problems.append(f"{item.key} is answered twice, differently; keep one.")
                continue
            points[item.key] = points_for(item, value, instrument)
        except UsageError as err:
            problems.append(err.message)
    if problems:
        if len(problems) == 1:
            raise UsageError(problems[0])
        raise UsageError(
            f"{len(problems)} answers cannot be used:\n" + "\n".join(f"  - {p}" for p in problems)
        )
    return points


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
        noun = "answer is" if len(missing) == 1 else "answers are"
        raise UsageError(
            f"{len(missing)} {noun} missing for {instrument.name}, and there is no terminal "
            f"to ask them:\n{lines}",
            hint=f"Give each one with --answer, e.g. --answer {missing[0].key}=0, or as a line "
            f"in the answers file (--answers FILE), e.g.  {missing[0].key}: 0",
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
