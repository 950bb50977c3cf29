"""Search results and ``show`` for a pipe or a file, written without importing rich.

rich costs a pipe about twenty milliseconds to import and thirty to lay out twenty cards;
these pages say the same words (:mod:`iopguide.ui.result_words`) laid out the same way
(:mod:`iopguide.ui.plain_layout`), byte for byte. Whatever they do not cover (a table at
130 columns or more, a note on the programme, wide or combining characters,
a stream rich would take for a terminal) is left to :mod:`iopguide.ui.results_view`:
the functions here then return None or False.
"""

from __future__ import annotations

from iopguide import crisis
from iopguide.text import clean
from iopguide.ui.pipe_width import pipe_width, reading_width
from iopguide.ui.plain_layout import NotPlain, PlainPage
from iopguide.ui.result_words import (
    TABLE_MIN_WIDTH,
    card_rows,
    program_closing,
    program_heading,
    program_rows,
    summary_lines,
)

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from iopguide.app.environment import Environment
    from iopguide.directory.model import DirectoryInfo, Program
    from iopguide.directory.notes import Note
    from iopguide.directory.search import SearchResult

#: Narrower than this, rich's layout is left to rich (no pipe is that narrow by default).
MIN_WIDTH = 20


def search_text(result: SearchResult, info: DirectoryInfo, limit: int, width: int) -> str | None:
    """``results_view.render_search``'s cards (or no results) as a pipe gets them, or None."""
    from iopguide.ui.no_results_words import no_results  # not for show
    from iopguide.ui.search_words import cannot_answer_lines, none_listed_line

    shown = result.matches if limit == 0 else result.matches[:limit]
    if width < MIN_WIDTH or (shown and width >= TABLE_MIN_WIDTH):  # a table: rich's
        return None
    page = PlainPage(width)
    try:
        first = cannot_answer_lines(result)
        none_listed = none_listed_line(result)
        first += [none_listed] if none_listed else []
        for line in first:
            page.paragraph(line)
        if first:
            page.blank()
        if not shown:
            for line, _style in no_results(result):
                page.paragraph(line)
        for number, match in enumerate(shown, 1):
            page.paragraph(f"{number}. {clean(match.program.name)}")
            rows = [(label, value) for label, value, _style in card_rows(match, info)]
            page.grid(rows, gap=1, indent=2)
            page.blank()
        for line, _style in summary_lines(result, len(shown), info):
            page.paragraph(line)
        page.paragraph(crisis.FOOTER)
    except NotPlain:
        return None
    return page.text()


def program_text(
    program: Program, info: DirectoryInfo, width: int, note: Note | None = None
) -> str | None:
    """``results_view.render_program``'s page as a pipe gets it, or None."""
    if note is not None:
        return None
    page = PlainPage(reading_width(width))
    try:
        page.rule()
        for line, _style in program_heading(program):
            page.paragraph(line)
        page.grid(program_rows(program, info), gap=2)
        page.paragraph(program_closing(program, info)[0])
        page.paragraph(crisis.FOOTER)
    except NotPlain:
        return None
    return page.text()


def print_search(result: SearchResult, info: DirectoryInfo, limit: int, env: Environment) -> bool:
    """Write the results to *env*'s stdout without rich, if they can be; whether they were."""
    width = pipe_width(env.stdout_isatty, env.width)
    return _write(env, None if width is None else search_text(result, info, limit, width))


def print_program(
    program: Program, info: DirectoryInfo, env: Environment, note: Note | None = None
) -> bool:
    """Write one programme to *env*'s stdout without rich, if it can be; whether it was."""
    width = pipe_width(env.stdout_isatty, env.width)
    return _write(env, None if width is None else program_text(program, info, width, note))


def _write(env: Environment, text: str | None) -> bool:
    if text is None:
        return False
    env.stdout.write(text)
    env.stdout.flush()
    return True
