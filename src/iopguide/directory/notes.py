"""Your notes over the listings: what a counselor or parent learned that the directory lacks.

A notes file is YAML (or JSON) kept beside the directory, offline::

    notes:
      PROGRAMME-ID:
        learned_on: 2026-11-20      # required: when you learned it
        runs_iop: yes               # yes / no: overrides what the listing says
        schedule: [evening, weekend]
        phone: 502-555-0100
        wait: about 2 weeks
        plans: [Anthem Blue Cross]
        closed: false               # true: hidden from searches, shown by `show`
        note: Ask for the intake coordinator.

It is read with the same care as a directory file (the safe YAML front end in
:mod:`.reader`, and :func:`iopguide.io.reading.read_plain_file`), and every
problem names the file, line and field and what would be valid. Text is cleaned
of control characters as it is read, so every view can show it as it is.
Notes are never merged into a programme's own fields: searches consult them
beside the listing (:mod:`.noted`), and views label them "your note, DATE".
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iopguide.errors import DataError, UsageError
from iopguide.i18n import _
from iopguide.text import clean

#: The environment variable naming the notes file (``--notes`` wins over it).
NOTES_ENV = "IOPGUIDE_NOTES"
#: A notes file larger than this is refused unread (thousands of notes fit in 1 MB).
MAX_NOTES_BYTES = 4 * 1024 * 1024
#: The keys of one note, in the order files are written.
NOTE_KEYS = ("learned_on", "runs_iop", "schedule", "phone", "wait", "plans", "closed", "note")
MAX_TEXT = {"phone": 40, "wait": 200, "note": 2000, "plan": 120, "id": 200}


@dataclass(frozen=True)
class Note:
    """What the person learned about one programme, and when."""

    id: str
    learned_on: datetime.date
    runs_iop: bool | None = None
    schedule: tuple[str, ...] = ()  # SCHEDULE_TIMES ids
    phone: str | None = None
    wait: str | None = None
    plans: tuple[str, ...] = ()  # named plans it accepts, free text
    closed: bool = False
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The note in file shape (also the ``your_note`` JSON object; keys are English)."""
        return {
            "learned_on": self.learned_on.isoformat(),
            "runs_iop": self.runs_iop,
            "schedule": list(self.schedule),
            "phone": self.phone,
            "wait": self.wait,
            "plans": list(self.plans),
            "closed": self.closed,
            "note": self.note,
        }


class Notes(Mapping[str, Note]):
    """Notes by programme id, and the file they came from (None: no notes file)."""

    def __init__(
        self,
        notes: Mapping[str, Note] | None = None,
        source: Path | None = None,
        lines: Mapping[str, int] | None = None,
    ) -> None:
        self._notes = dict(notes or {})
        self.source = source
        self._lines = dict(lines or {})

    def line(self, program_id: str) -> int | None:
        """The line of the file where the note on *program_id* starts (for messages)."""
        return self._lines.get(program_id)

    def __getitem__(self, program_id: str) -> Note:
        return self._notes[program_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._notes)

    def __len__(self) -> int:
        return len(self._notes)

    def __repr__(self) -> str:
        return f"Notes({len(self)} notes from {self.source})"


def notes_path(given: Path | None, *, to_read: bool = False) -> Path | None:
    """The notes file to use: *given* (``--notes``), else ``$IOPGUIDE_NOTES``, else None.

    *to_read*: a ``$IOPGUIDE_NOTES`` that names no file yet means no notes (a team
    sets the variable once; ``notes add`` makes the file). A ``--notes FILE`` that
    is missing stays an error: it was asked for on this command line.
    """
    if given is not None:
        return given
    setting = os.environ.get(NOTES_ENV, "").strip()
    if not setting:
        return None
    path = Path(os.path.expanduser(setting))
    if to_read and not os.path.lexists(path):
        return None
    return path


def load_notes(path: Path | None) -> Notes:
    """The notes in *path* (empty Notes for None).

    UsageError when the file is missing or is refused (a link, a pipe, too big,
    open to other users); DataError listing every problem when its content is wrong.
    """
    if path is None:
        return Notes()
    return parse_notes(read_notes_bytes(path), clean(str(path)), source=path)


def read_notes_bytes(path: Path) -> bytes:
    from iopguide.io.reading import RefusedFile, read_plain_file

    shown = clean(str(path))
    try:
        return read_plain_file(path, MAX_NOTES_BYTES)
    except FileNotFoundError:
        raise UsageError(
            _("There is no notes file at {file}.").format(file=shown),
            hint=_(
                "Check the path given by --notes or IOPGUIDE_NOTES; 'iopguide notes add' "
                "makes the file."
            ),
        ) from None
    except PermissionError:
        raise UsageError(
            _("iopguide is not allowed to read {file}.").format(file=shown),
            hint=_("Check the file's permissions."),
        ) from None
    except RefusedFile as err:
        raise UsageError(
            _("The notes file {file} was not read: {reason}.").format(
                file=shown, reason=err.reason
            ),
            hint=_("Keep your notes in a plain file of your own, in a folder of your own."),
        ) from None
    except OSError as err:
        raise UsageError(
            _("Cannot read {file}: {reason}.").format(file=shown, reason=clean(err.strerror or err))
        ) from None


def parse_notes(data: bytes, filename: str, *, source: Path | None = None) -> Notes:
    """Read and check notes-file bytes; DataError lists every problem found.

    An empty file (or only comments and blank lines) holds no notes yet: not an error.
    """
    from iopguide.directory.notes_check import Checker
    from iopguide.directory.reader import read_document

    if not any(line.strip() and not line.lstrip().startswith(b"#") for line in data.splitlines()):
        return Notes(source=source)
    document = read_document(data, filename)
    checker = Checker(filename)
    checker.problems.extend(document.problems)
    notes = checker.file(document.root, document.line)
    if checker.problems:
        raise DataError(
            sorted(checker.problems, key=lambda problem: problem.line or 0),
            summary=_("The notes file {file} cannot be used.").format(file=filename),
        )
    return Notes(notes, source, checker.lines)


def check_note(
    program_id: str, values: Mapping[str, object], flags: Mapping[str, str] | None = None
) -> Note:
    """One note from values given some other way (``notes add``), checked as in a file.

    Raises UsageError for the first problem, naming the field as *flags* says
    (``runs_iop`` -> ``--runs-iop``).
    """
    from iopguide.directory.notes_check import Checker

    checker = Checker(program_id)
    note = checker.entry(program_id, dict(values), None)
    if checker.problems:
        problem = checker.problems[0]
        field = problem.field or ""
        said = (flags or {}).get(field, field)
        message = f"{said}: {problem.message}" if said else problem.message
        raise UsageError(message, hint=problem.hint)
    assert note is not None
    return note


def did_you_mean(given: str, choices: list[str] | tuple[str, ...]) -> str:
    """The words " Did you mean 'x'?" for the closest of *choices*, or ""."""
    import difflib

    close = difflib.get_close_matches(given.lower(), list(choices), n=1, cutoff=0.6)
    return _(" Did you mean {choice!r}?").format(choice=close[0]) if close else ""
