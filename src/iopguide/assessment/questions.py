"""The level-of-care questions: the first questionnaire (``questions.yaml``).

The questions are content (reviewed for kindness and plain words), so they live
in a data file read by :mod:`iopguide.assessment.questionnaire`. The ids and
values are a public contract, kept by the file itself: a test pins them, so a
wording change can never silently rename an answer.
"""

from __future__ import annotations

from iopguide.assessment.questionnaire import Choice, Question, Questionnaire, load

__all__ = [
    "Choice",
    "Question",
    "get_question",
    "level_of_care",
    "load_questions",
]


def level_of_care() -> Questionnaire:
    return load("level_of_care")


def load_questions() -> tuple[Question, ...]:
    """All questions in asking order (read once, then cached)."""
    return level_of_care().questions


def question_count() -> int:
    """How many questions the level-of-care questionnaire asks, for the words that say so."""
    return len(load_questions())


def get_question(question_id: str) -> Question:
    return level_of_care().get(question_id)


def __getattr__(name: str) -> object:
    # QUESTION_IDS comes from the file, read when first asked for (not at import).
    if name == "QUESTION_IDS":
        return level_of_care().ids
    raise AttributeError(name)
