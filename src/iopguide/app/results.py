"""The typed results of the use cases: what a command found, before anyone prints it.

``find`` and ``show``'s results live here; the others are in :mod:`.other_results`,
read only when one of them is first asked for (a search need not build them).

Each has a ``kind``; a renderer has one ``render_<kind>`` method per result it
can show (see :mod:`iopguide.render`).
"""

from __future__ import annotations

from iopguide.record import FrozenRecord

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from typing import Any

    from iopguide.app.other_results import (
        AssessmentReport,
        CompareReport,
        InstrumentsReport,
        NotesReport,
        ScreenReport,
        SessionSummary,
        ShortlistReport,
        TopicReport,
        ValidationReport,
    )
    from iopguide.directory.model import DirectoryInfo, Program
    from iopguide.directory.notes import Note
    from iopguide.directory.search import SearchResult

__all__ = [
    "AssessmentReport",
    "CompareReport",
    "InstrumentsReport",
    "NotesReport",
    "ScreenReport",
    "SearchReport",
    "SessionSummary",
    "ShortlistReport",
    "ShowResult",
    "TopicReport",
    "ValidationReport",
]


class SearchReport(FrozenRecord):
    """``find``: the matches, the directory they came from, and how many to show."""

    kind = "search"
    __slots__ = ("result", "info", "limit")

    def __init__(self, result: SearchResult, info: DirectoryInfo, limit: int) -> None:
        self.result = result
        self.info = info
        self.limit = limit


class ShowResult(FrozenRecord):
    """``show``: one programme, the directory it came from, and your note on it (or None)."""

    kind = "program"
    __slots__ = ("program", "info", "note")

    def __init__(self, program: Program, info: DirectoryInfo, note: Note | None = None) -> None:
        self.program = program
        self.info = info
        self.note = note


#: The results defined in other_results, found there on first use.
_ELSEWHERE = frozenset(
    (
        "AssessmentReport",
        "ScreenReport",
        "InstrumentsReport",
        "TopicReport",
        "ValidationReport",
        "CompareReport",
        "ShortlistReport",
        "SessionSummary",
        "NotesReport",
    )
)


def __getattr__(name: str) -> Any:
    if name in _ELSEWHERE:
        from iopguide.app import other_results

        return getattr(other_results, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
