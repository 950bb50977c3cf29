"""Answers: checked against the questionnaire, from a file and ``--answer id=value`` flags.

Answers written the way people write YAML must work: ``danger_now: no`` arrives
from PyYAML as ``False`` and ``home: yes`` as ``True``, so booleans become
``yes``/``no`` for questions that have those values. Case, spaces and hyphens do
not matter (``A lot`` is ``a_lot``), and ``concerns`` may be a list or a
comma-separated string. Reading files is :mod:`.answers_file`'s job.

Safety first: when the questionnaire's gate (``stop`` in the file: danger_now is
yes) is answered, nothing else is needed and no other problem stops the result
(see :func:`gather_answers`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import IO

from iopguide.assessment.answers_file import (
    MAX_ANSWERS_BYTES,
    UnreadableAnswers,
    parse_answers_text,
    read_answers_file,
    read_answers_text,
    shown,
)
from iopguide.assessment.danger import danger_in_text, danger_word, reads_as_yes
from iopguide.assessment.questionnaire import Value
from iopguide.assessment.questions import Question, get_question, level_of_care
from iopguide.assessment.values import InvalidAnswer, allowed, normalise_value
from iopguide.errors import DataError, IopguideError, UsageError
from iopguide.i18n import _, ngettext
from iopguide.text import clean, shorten
from iopguide.vocabulary import normalise

__all__ = [
    "MAX_ANSWERS_BYTES",
    "Answers",
    "Gathered",
    "InvalidAnswer",
    "UnreadableAnswers",
    "Value",
    "gather_answers",
    "load_answers",
    "normalise_value",
    "parse_answers_text",
    "read_answers_file",
    "read_answers_text",
    "require_complete",
]


def _ids() -> tuple[str, ...]:
    return level_of_care().ids


def _gate() -> str:
    """The id of the question that stops everything (danger_now)."""
    gate = level_of_care().gate
    assert gate is not None, "the level-of-care questionnaire has a danger gate"
    return gate.id


@dataclass(frozen=True)
class Answers:
    """Checked answers by question id; values are choice values (a tuple for concerns)."""

    values: Mapping[str, Value] = field(default_factory=dict)

    def get(self, question_id: str) -> Value | None:
        return self.values.get(question_id)

    def __contains__(self, question_id: object) -> bool:
        return question_id in self.values

    @property
    def in_danger(self) -> bool:
        """The gate is answered (danger_now is yes): the result is emergency, whatever else
        is (not) answered."""
        return level_of_care().stopped(self.values)

    def missing(self) -> tuple[Question, ...]:
        return level_of_care().missing(self.values)

    def merged(self, other: Answers) -> Answers:
        """A copy where *other*'s answers win."""
        return Answers({**self.values, **other.values})

    def to_dict(self) -> dict[str, str | list[str]]:
        """Answers in question order, JSON-ready."""
        out: dict[str, str | list[str]] = {}
        for qid in _ids():
            if qid in self.values:
                value = self.values[qid]
                out[qid] = list(value) if isinstance(value, tuple) else value
        return out


def _question_for_key(key: object) -> Question:
    ids = _ids()
    if not isinstance(key, (str, int, float, bool)) or key is None:
        raise UsageError(
            _("There is no question called {key}. Questions: {ids}.").format(
                key=shown(key), ids=", ".join(ids)
            )
        )
    text = clean(key if not isinstance(key, str) else key[:200])
    qid = normalise(text)
    if qid in ids:
        return get_question(qid)
    close = _nearest_question(key)
    name = repr(shorten(text, 40))
    if close:
        message = _("There is no question called {key}. Did you mean {close}?")
        raise UsageError(message.format(key=name, close=close))
    raise UsageError(
        _("There is no question called {key}. Questions: {ids}.").format(
            key=name, ids=", ".join(ids)
        )
    )


def _nearest_question(key: object) -> str | None:
    """The question id a mistyped *key* most likely meant (``dangr_now`` -> danger_now)."""
    if not isinstance(key, (str, int, float, bool)) or key is None:
        return None
    qid = normalise(clean(key if not isinstance(key, str) else key[:200]))
    close = difflib.get_close_matches(qid, _ids(), n=1, cutoff=0.6)
    return close[0] if close else None


# ---------------------------------------------------------------------------
# Sources


def parse_answer_flag(text: str) -> tuple[str, str]:
    """``time=yes`` -> ``("time", "yes")``."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise UsageError(
            _("--answer needs id=value, not {text}.").format(text=repr(shorten(clean(text), 40))),
            hint=_("For example: --answer danger_now=no --answer time=yes"),
        )
    return key.strip(), value.strip()


# ---------------------------------------------------------------------------
# Putting it together


@dataclass(frozen=True)
class Gathered:
    answers: Answers
    #: Problems set aside because danger_now is yes (shown as a notice, never blocking help).
    set_aside: tuple[str, ...] = ()
    #: Why the answers file could not be used at all, when danger_now is yes anyway
    #: (in the flags, or on a line of the file's text); shown as a notice.
    unreadable: tuple[str, ...] = ()


def load_answers(
    answers_file: str | None, flags: Iterable[str] = (), *, stdin: IO[str] | None = None
) -> Gathered:
    """Read the answers file (if any) and the flags, and check them (flags win).

    Safety first: when the file cannot be read or parsed, but danger_now is yes --
    given with ``--answer``, or on a line of the file's raw text -- the result is
    the same as for a valid ``danger_now: yes`` file, and the file's problem is
    only mentioned (:attr:`Gathered.unreadable`). Otherwise its error is raised.
    """
    flags = list(flags)
    if answers_file is None:
        return gather_answers(None, flags)
    text: str | None = None
    try:
        text, name = read_answers_text(answers_file, stdin=stdin)
        file_answers = parse_answers_text(text, name)
    except IopguideError as err:
        if text is None and isinstance(err, UnreadableAnswers):
            text = err.salvaged  # not text, but it may still say the person is in danger
        rescued = _in_danger_despite(err, text, flags)
        if rescued is None:
            raise
        return rescued
    try:
        return gather_answers(file_answers, flags)
    except UsageError as err:  # e.g. answers nested under a key: the text may still say yes
        rescued = _in_danger_despite(err, text, flags)
        if rescued is None:
            raise
        return rescued


def _in_danger_despite(err: IopguideError, text: str | None, flags: list[str]) -> Gathered | None:
    """The emergency answers when danger_now is yes although the file is unusable."""
    base: dict[object, object] = {}
    if text is not None and danger_in_text(text):
        base[_gate()] = "yes"
    try:
        gathered = gather_answers(base, flags)  # a danger_now flag wins, as always
    except UsageError:
        return None
    if not gathered.answers.in_danger:
        return None
    if isinstance(err, DataError) and err.problems:
        why = tuple(f"{p.location()}: {p.message}" for p in err.problems)
    else:
        why = (err.message,)
    return Gathered(gathered.answers, gathered.set_aside, unreadable=why)


def gather_answers(
    file_answers: Mapping[object, object] | None, flags: Iterable[str] = ()
) -> Gathered:
    """Check the file's answers and the flags (flags win); raise one UsageError listing all.

    When the result is danger_now = yes, problems elsewhere do not stop it: the
    person needs crisis help, not an error about a typo.
    """
    gate = _gate()
    raw: dict[str, object] = {}
    problems: list[str] = []
    danger_said: list[object] = []  # every answer to the gate, from any key spelling or flag

    def take(key: object, value: object, *, from_flag: bool) -> None:
        try:
            question = _question_for_key(key)
        except UsageError as err:
            if value is not None and _nearest_question(key) == gate:
                danger_said.append(value)  # "dangr_now: yes" still says danger
            problems.append(err.message)
            return
        if value is None:  # "time:" with nothing after it is simply not answered yet
            return
        if question.id == gate and not (isinstance(value, str) and not value.strip()):
            danger_said.append(value)
        if from_flag and question.multiple and question.id in flag_seen:
            # --answer concerns=a --answer concerns=b adds up
            raw[question.id] = f"{raw[question.id]},{value}"
        else:
            raw[question.id] = value
        if from_flag:
            flag_seen.add(question.id)

    flag_seen: set[str] = set()
    for key, value in (file_answers or {}).items():
        take(key, value, from_flag=False)
    for flag in flags:
        try:
            key, value = parse_answer_flag(flag)
        except UsageError as err:
            problems.append(err.message)
            continue
        take(key, value, from_flag=True)

    # Anything but a clear no is doubt, and doubt about danger counts as danger: a yes in
    # any form, two different answers, or an answer that is neither yes nor no ("maybe").
    words = [danger_word(v) for v in danger_said]
    if any(word != "no" for word in words):
        raw[gate] = "yes"
        if len(set(words)) > 1:
            problems.insert(
                0,
                _(
                    "{id} was answered more than once, with different answers; "
                    "any doubt about danger counts as danger."
                ).format(id=gate),
            )
        elif not any(reads_as_yes(v) for v in danger_said):
            problems.insert(
                0,
                _(
                    "{id} was {value}, which is not yes or no; "
                    "any doubt about danger counts as danger."
                ).format(id=gate, value=shown(danger_said[0])),
            )
    values: dict[str, Value] = {}
    for qid in _ids():
        if qid in raw:
            try:
                values[qid] = normalise_value(get_question(qid), raw[qid])
            except InvalidAnswer as err:
                problems.append(err.message)
    answers = Answers(values)
    if answers.in_danger:
        return Gathered(answers, tuple(problems))
    if len(problems) == 1:
        raise UsageError(problems[0])
    if problems:
        raise UsageError(cannot_use(problems))
    return Gathered(answers)


def _example(missing: tuple[Question, ...]) -> tuple[str, str]:
    """An id=value pair to show as an example (not danger_now=yes, which reads as advice)."""
    gate = _gate()
    for q in missing:
        if q.id != gate:
            return q.id, q.values[0]
    return gate, "no"


def require_complete(answers: Answers) -> None:
    """UsageError (exit 2) naming every missing answer and how to give it, unless in danger."""
    if answers.in_danger:
        return
    missing = answers.missing()
    if not missing:
        return
    lines = []
    for q in missing:
        if q.multiple:
            line = _("{id}: {allowed}, one or more separated by commas  (--answer {id}=...)")
        else:
            line = _("{id}: {allowed}  (--answer {id}=...)")
        lines.append("  " + line.format(id=q.id, allowed=allowed(q)))
    qid, value = _example(missing)
    heading = ngettext(
        "{count} answer is missing, and there is no terminal to ask it:",
        "{count} answers are missing, and there is no terminal to ask them:",
        len(missing),
    ).format(count=len(missing))
    raise UsageError(
        heading + "\n" + "\n".join(lines),
        hint=_(
            "Give each one with --answer, e.g. --answer {id}={value}, "
            "or as a line in the answers file (--answers FILE), e.g.  {id}: {value}"
        ).format(id=qid, value=value),
    )


def cannot_use(problems: list[str]) -> str:
    """Several problems as one message: a count, then one problem a line."""
    heading = ngettext(
        "{count} answer cannot be used:", "{count} answers cannot be used:", len(problems)
    ).format(count=len(problems))
    return heading + "\n" + "\n".join(f"  - {p}" for p in problems)
