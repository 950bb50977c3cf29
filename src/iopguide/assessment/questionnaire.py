"""A questionnaire as data: what it is, its questions, when each is asked, when it stops.

A questionnaire file (``questions.yaml`` for the level of care; the check-ins in
``instruments/``) carries its id, version, source and licence, names the rules
module that turns its answers into a result, and lists its questions. A
question may carry ``when`` (ask it only after certain answers) and ``stop``
(answers that end the questionnaire at once: the danger gate). The engine reads
those; nothing else in the code names a question to know when to stop.

Texts are English msgids: :mod:`iopguide.i18n` translates them where they are read.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from iopguide.i18n import _
from iopguide.vocabulary import normalise

Value = str | tuple[str, ...]

#: The questionnaires, in the order the guided flow offers them: the level of care first,
#: then the check-ins (scored by :mod:`iopguide.assessment.screening`).
QUESTIONNAIRES: dict[str, str] = {
    "level_of_care": "questions.yaml",
    "phq9": "instruments/phq9.yaml",
    "gad7": "instruments/gad7.yaml",
    "auditc": "instruments/auditc.yaml",
}


@dataclass(frozen=True)
class Choice:
    value: str
    label_en: str
    #: The sentence a result quotes back as a reason ("You said ...").
    said_en: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return _(self.label_en)

    @property
    def said(self) -> str:
        return _(self.said_en)


@dataclass(frozen=True)
class Question:
    id: str
    short_en: str
    prompt_en: str
    why_en: str
    multiple: bool
    choices: tuple[Choice, ...]
    #: Answers that end the questionnaire at once (the danger gate).
    stop: tuple[str, ...] = ()
    #: Ask only when each named earlier question has one of these answers.
    when: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    _lookup: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lookup: dict[str, str] = {}
        for choice in self.choices:
            for key in (choice.value, *choice.aliases):
                lookup[normalise(key)] = choice.value
        object.__setattr__(self, "_lookup", lookup)

    @property
    def short(self) -> str:
        return _(self.short_en)

    @property
    def prompt(self) -> str:
        return _(self.prompt_en)

    @property
    def why(self) -> str:
        return _(self.why_en)

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

    def asked(self, values: Mapping[str, Value]) -> bool:
        """Whether this question is asked after *values* (its ``when`` holds)."""
        return all(values.get(qid) in allowed for qid, allowed in self.when.items())


@dataclass(frozen=True)
class Questionnaire:
    id: str
    version: int
    title_en: str
    source: str
    licence: str
    #: The module that turns answers into a result (``assess`` for the level of care).
    rules: str
    questions: tuple[Question, ...]

    @property
    def title(self) -> str:
        return _(self.title_en)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions)

    @property
    def gate(self) -> Question | None:
        """The question whose answers can stop everything (danger_now), if any."""
        return next((q for q in self.questions if q.stop), None)

    def stopped(self, values: Mapping[str, Value]) -> bool:
        """Whether an answer in *values* ends the questionnaire (whatever else is missing)."""
        return any(values.get(q.id) in q.stop for q in self.questions if q.stop)

    def missing(self, values: Mapping[str, Value]) -> tuple[Question, ...]:
        """The questions still to answer: none once stopped; only those whose ``when`` holds."""
        if self.stopped(values):
            return ()
        return tuple(q for q in self.questions if q.id not in values and q.asked(values))

    def get(self, question_id: str) -> Question:
        return self._by_id[question_id]

    @cached_property
    def _by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    def intro(self) -> str:
        """One line that says how long this is (never a count typed into prose)."""
        from iopguide.i18n import ngettext

        count = len(self.questions)
        return ngettext("{count} short question.", "{count} short questions.", count).format(
            count=count
        )


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


def _question(item: Mapping[str, object]) -> Question:
    choices = tuple(
        Choice(
            value=str(c["value"]),
            label_en=str(c["label"]),
            said_en=_one_line(c.get("said", "")),
            aliases=tuple(str(a) for a in c.get("aliases", ())),
        )
        for c in item["choices"]  # type: ignore[union-attr]
    )
    when = {str(k): tuple(str(v) for v in vs) for k, vs in dict(item.get("when") or {}).items()}
    return Question(
        id=str(item["id"]),
        short_en=str(item["short"]),
        prompt_en=_one_line(item["prompt"]),
        why_en=_one_line(item["why"]),
        multiple=bool(item.get("multiple", False)),
        choices=choices,
        stop=tuple(str(v) for v in item.get("stop", ())),  # type: ignore[union-attr]
        when=when,
    )


def read_file(name: str) -> dict:
    """The raw mapping of a questionnaire file shipped in this package."""
    from importlib.resources import files

    import yaml

    path = files("iopguide.assessment").joinpath(*QUESTIONNAIRES.get(name, name).split("/"))
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def load(name: str = "level_of_care") -> Questionnaire:
    """The questionnaire *name* (its file read once, then cached)."""
    raw = read_file(name)
    return Questionnaire(
        id=str(raw["id"]),
        version=int(raw.get("version", 1)),
        title_en=_one_line(raw.get("title", "")),
        source=_one_line(raw.get("source", "")),
        licence=_one_line(raw.get("licence", "")),
        rules=str(raw["rules"]),
        questions=tuple(_question(item) for item in raw["questions"]),
    )
