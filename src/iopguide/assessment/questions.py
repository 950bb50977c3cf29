"""The self-assessment questions, loaded from ``questions.yaml`` in this package.

The questions are content (reviewed for kindness and plain words), so they live
in a data file; this module turns them into dataclasses. The ids and values are
a public contract: ``QUESTION_IDS`` pins them in code and a test checks that the
file agrees, so a wording change can never silently rename an answer.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache

from iopguide.vocabulary import normalise

#: The questions in the order they are asked.
QUESTION_IDS: tuple[str, ...] = (
    "danger_now",
    "withdrawal",
    "round_the_clock",
    "current_care",
    "outpatient_enough",
    "daily_impact",
    "home",
    "time",
    "concerns",
)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    #: The sentence a result quotes back as a reason ("You said ...").
    said: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    id: str
    short: str
    prompt: str
    why: str
    multiple: bool
    choices: tuple[Choice, ...]
    _lookup: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lookup: dict[str, str] = {}
        for choice in self.choices:
            for key in (choice.value, *choice.aliases):
                lookup[normalise(key)] = choice.value
        object.__setattr__(self, "_lookup", lookup)

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    def choice(self, value: str) -> Choice:
        for c in self.choices:
            if c.value == value:
                return c
        raise KeyError(value)

    def label(self, value: str | tuple[str, ...]) -> str:
        """The person's words for an answer (several, for ``concerns``, joined)."""
        if isinstance(value, tuple):
            return ", ".join(self.choice(v).label for v in value)
        return self.choice(value).label

    def resolve(self, text: str) -> str | None:
        """The value *text* names (any case; spaces or hyphens for underscores), or None."""
        return self._lookup.get(normalise(text))

    def suggest(self, text: str) -> list[str]:
        matches = difflib.get_close_matches(normalise(text), self._lookup, n=3, cutoff=0.6)
        found: list[str] = []
        for key in matches:
            if self._lookup[key] not in found:
                found.append(self._lookup[key])
        return found


def _load() -> tuple[Question, ...]:
    from importlib.resources import files

    import yaml

    text = files("iopguide.assessment").joinpath("questions.yaml").read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    questions = []
    for item in raw["questions"]:
        choices = tuple(
            Choice(
                value=str(c["value"]),
                label=str(c["label"]),
                said=" ".join(str(c.get("said", "")).split()),
                aliases=tuple(str(a) for a in c.get("aliases", ())),
            )
            for c in item["choices"]
        )
        questions.append(
            Question(
                id=str(item["id"]),
                short=str(item["short"]),
                prompt=" ".join(str(item["prompt"]).split()),
                why=" ".join(str(item["why"]).split()),
                multiple=bool(item.get("multiple", False)),
                choices=choices,
            )
        )
    return tuple(questions)


@lru_cache(maxsize=1)
def load_questions() -> tuple[Question, ...]:
    """All questions in asking order (read once, then cached)."""
    return _load()


def get_question(question_id: str) -> Question:
    return _by_id()[question_id]


@lru_cache(maxsize=1)
def _by_id() -> dict[str, Question]:
    return {q.id: q for q in load_questions()}
