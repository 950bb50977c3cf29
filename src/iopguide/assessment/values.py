"""One answer checked against its question: the choice value it names, however written.

``yes``/``no`` from YAML booleans, ``A lot`` for ``a_lot``, aliases, and a list
(or commas) for a question that takes several. What cannot be used is refused
with the allowed values and, where one is close, a suggestion.
"""

from __future__ import annotations

from collections.abc import Mapping

from iopguide.assessment.answers_file import shown
from iopguide.assessment.danger import FALSE_WORDS, TRUE_WORDS, tidy
from iopguide.assessment.questionnaire import Question, Value
from iopguide.errors import UsageError
from iopguide.i18n import _

#: More concerns than this in one answer is a mistake (there are nine to choose from).
MAX_LIST_ITEMS = 100


class InvalidAnswer(UsageError):
    """One answer that is not one of the question's values."""


def allowed(question: Question) -> str:
    return ", ".join(question.values)


def _one_value(question: Question, raw: object, given: object) -> str:
    if isinstance(raw, bool):
        word = "yes" if raw else "no"
        if word in question.values:
            return word
    elif isinstance(raw, int) and raw in (0, 1) and "yes" in question.values:
        return "yes" if raw == 1 else "no"
    elif isinstance(raw, str):
        text = tidy(raw)
        found = question.resolve(text)
        if found is not None:
            return found
        lowered = text.lower()
        if lowered in TRUE_WORDS and "yes" in question.values:
            return "yes"
        if lowered in FALSE_WORDS and "no" in question.values:
            return "no"
    close = question.suggest(raw) if isinstance(raw, str) else []
    fields = {"id": question.id, "value": shown(given), "allowed": allowed(question)}
    if close:
        message = _("{id} cannot be {value}. Allowed: {allowed}. Did you mean {close}?")
        raise InvalidAnswer(message.format(close=_(" or ").join(close), **fields))
    raise InvalidAnswer(_("{id} cannot be {value}. Allowed: {allowed}.").format(**fields))


def normalise_value(question: Question, raw: object) -> Value:
    """The checked value for *question* from what a file or flag gave (raises InvalidAnswer)."""
    if question.multiple:
        if isinstance(raw, str):
            items: list[object] = [part for part in raw.split(",") if part.strip()]
        elif isinstance(raw, (list, tuple)):
            items = list(raw)
        else:
            items = [raw]
        if len(items) > MAX_LIST_ITEMS:  # never walk a list nobody could have meant
            raise InvalidAnswer(
                _(
                    "{id} cannot be {value}: that is {count} answers, and there are {choices} "
                    "to choose from. Allowed: {allowed}."
                ).format(
                    id=question.id,
                    value=shown(raw),
                    count=len(items),
                    choices=len(question.values),
                    allowed=allowed(question),
                )
            )
        values = {_one_value(question, item, item) for item in items}
        if not values:
            raise InvalidAnswer(
                _("{id} needs at least one of: {allowed} (a list, or separated by commas).").format(
                    id=question.id, allowed=allowed(question)
                )
            )
        return tuple(v for v in question.values if v in values)
    if isinstance(raw, (list, tuple, set, frozenset, Mapping)):
        raise InvalidAnswer(
            _("{id} cannot be {value}: it takes one answer. Allowed: {allowed}.").format(
                id=question.id, value=shown(raw), allowed=allowed(question)
            )
        )
    return _one_value(question, raw, raw)
