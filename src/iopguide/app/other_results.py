"""The typed results of the commands other than ``find`` and ``show`` (see :mod:`.results`).

Kept apart so a search, which runs most often, does not build these dataclasses
at start (about 5 ms); :mod:`.results` still names every result.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from iopguide.assessment.rules import Assessment
    from iopguide.directory.model import DirectoryInfo, Program
    from iopguide.directory.notes import Note
    from iopguide.ui.summary_markdown import ProgramSearch, ShownProgram


@dataclass(frozen=True)
class AssessmentReport:
    """``assess``: the level of care and its reasons."""

    kind: ClassVar[str] = "assessment"
    assessment: Assessment


@dataclass(frozen=True)
class ScreenReport:
    """``screen``: a check-in's score (the instrument's own result object)."""

    kind: ClassVar[str] = "screen"
    result: Any


@dataclass(frozen=True)
class InstrumentsReport:
    """``screen`` with no name: the check-ins there are (the renderer lists them)."""

    kind: ClassVar[str] = "instruments"


@dataclass(frozen=True)
class TopicReport:
    """``learn TOPIC``: one topic; ``learn``: the list (``topic`` None, ``topics`` set)."""

    kind: ClassVar[str] = "topic"
    topic: Any = None
    topics: tuple[Any, ...] = ()


@dataclass(frozen=True)
class ValidationReport:
    """``directory validate``: the check, and the file name as shown."""

    kind: ClassVar[str] = "validation"
    check: Any
    file: str
    builtin: bool


@dataclass(frozen=True)
class CompareReport:
    """``compare ID ID…``: programmes side by side, in the order asked.

    ``distances`` and ``notes`` run beside ``programs``: the miles from
    ``origin_zip`` (None without one) and the person's own note for each
    (a ``directory.notes.Note``, or None).
    """

    kind: ClassVar[str] = "compare"
    programs: tuple[Program, ...]
    info: DirectoryInfo
    distances: tuple[float | None, ...] = ()
    notes: tuple[Any, ...] = ()
    origin_zip: str | None = None


@dataclass(frozen=True)
class ShortlistReport:
    """``shortlist add/remove/show/clear``: the shortlist now, and what this command changed.

    ``action`` is add, remove, show or clear; ``changed`` the ids it added or
    removed, ``unchanged`` those already there (add) or not on it (remove).
    """

    kind: ClassVar[str] = "shortlist"
    entries: tuple[Any, ...]
    file: str
    action: str = "show"
    changed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()


@dataclass(frozen=True)
class SessionSummary:
    """A guided session, for the file the person asks to keep: the result, searches, shortlist."""

    kind: ClassVar[str] = "summary"
    assessment: Assessment
    searches: tuple[ProgramSearch, ...] = ()
    shortlist: tuple[ShownProgram, ...] = ()
    today: _dt.date | None = None


@dataclass(frozen=True)
class NotesReport:
    """``notes add|show|check|import|export``: what was done to your notes file, and to what.

    ``action`` is one of add, show, check, import, export; ``file`` the notes
    file as shown; ``notes`` the notes concerned (add: the one saved); ``names``
    the programme names the directory gives for their ids; ``changes`` what an
    import did per id (``notes_store.Change``); ``problems`` what check found;
    ``other`` the file exported to or imported from.
    """

    kind: ClassVar[str] = "notes"
    action: str
    file: str
    notes: tuple[Note, ...] = ()
    names: dict[str, str] | None = None
    changes: tuple[Any, ...] = ()
    problems: tuple[Any, ...] = ()
    other: str | None = None
    directory: str | None = None
