"""The level-of-care questions asked in the terminal: in order, then reviewed and changed.

Stops at once when the person says they are in danger (the caller shows crisis help);
every prompt goes through :class:`iopguide.ui.prompts.Asker`, so Ctrl-C anywhere is
one calm line and exit 130.
"""

from __future__ import annotations

from iopguide.assessment.answers import Answers
from iopguide.assessment.questions import load_questions
from iopguide.i18n import _
from iopguide.ui.prompts import Asker

#: The review's first choice: go on to the result.
SHOW_RESULT = "__show_result__"


def ask_assessment(given: Answers | None = None, *, asker: Asker | None = None) -> Answers:
    """Ask every question not in *given*, in order, then let the person review and change.

    Returns as soon as ``danger_now`` is yes (no further questions: the caller shows
    crisis help at once). Raises Interrupted on Ctrl-C / Ctrl-D.
    """
    asker = asker or Asker()
    answers = given or Answers()
    if answers.in_danger:
        return answers
    questions = load_questions()
    total = len(questions)
    for position, question in enumerate(questions, start=1):
        if question.id in answers:
            continue
        value = asker.ask(question, position=position, total=total)
        answers = answers.merged(Answers({question.id: value}))
        if answers.in_danger:
            return answers
    return review_answers(answers, asker=asker)


def review_answers(answers: Answers, *, asker: Asker) -> Answers:
    """Show every answer; let the person change any one, as often as they like."""
    questions = load_questions()
    total = len(questions)
    while True:
        show_review(answers, asker)
        choices: list[tuple[str, str]] = [(_("Yes, show my result"), SHOW_RESULT)]
        choices += [
            (_("Change: {question}").format(question=q.short), q.id)
            for q in questions
            if q.id in answers
        ]
        picked = asker.select(_("Is everything right?"), choices)
        if picked == SHOW_RESULT:
            return answers
        position = next(i for i, q in enumerate(questions, start=1) if q.id == picked)
        question = questions[position - 1]
        value = asker.ask(question, position=position, total=total, current=answers.get(picked))
        answers = answers.merged(Answers({question.id: value}))
        if answers.in_danger:
            return answers


def show_review(answers: Answers, asker: Asker) -> None:
    """Your answers, one per line: what we asked (short) and what you said (its label).

    Wide enough: two columns with wrapped answers lined up. Narrow (under 70
    columns): each answer on its own line under what we asked.
    """
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    console = asker.console
    bold = "" if asker.plain else "bold"
    rows = [
        (question.short, question.label(value))
        for question in load_questions()
        if (value := answers.get(question.id)) is not None
    ]
    console.print()
    console.print(Text(_("Your answers"), style=bold))
    if console.width >= 70:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, style=bold)
        grid.add_column(ratio=1)
        for short, label in rows:
            grid.add_row(Text(short), Text(label))
        console.print(Padding(grid, (0, 0, 0, 2)), width=min(console.width, 100))
    else:
        for short, label in rows:
            console.print(Padding(Text(short, style=bold), (0, 0, 0, 2)))
            console.print(Padding(Text(label), (0, 0, 0, 4)))
    console.print()
