"""The self-assessment: questions as data, answers from files or flags, and the rules.

Plain values in, dataclasses out; nothing here knows about terminals.
"""

from iopguide.assessment.answers import (
    Answers,
    Gathered,
    InvalidAnswer,
    gather_answers,
    normalise_value,
    parse_answers_text,
    read_answers_file,
    require_complete,
)
from iopguide.assessment.questions import (
    Choice,
    Question,
    get_question,
    load_questions,
)
from iopguide.assessment.rules import (
    LEVEL_IDS,
    Assessment,
    Reason,
    assess,
    choose_level,
)

__all__ = [
    "DISCLAIMER",
    "LEVEL_IDS",
    "Answers",
    "Assessment",
    "Choice",
    "Gathered",
    "InvalidAnswer",
    "Question",
    "Reason",
    "assess",
    "choose_level",
    "gather_answers",
    "get_question",
    "load_questions",
    "normalise_value",
    "parse_answers_text",
    "read_answers_file",
    "require_complete",
]


def __getattr__(name: str) -> object:
    if name == "QUESTION_IDS":  # read from questions.yaml when first asked for
        from iopguide.assessment import questions

        return questions.QUESTION_IDS
    if name == "DISCLAIMER":  # in the current language
        from iopguide.assessment import rules

        return rules.DISCLAIMER
    raise AttributeError(name)
