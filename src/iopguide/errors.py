"""Errors the user can act on. Each carries its exit status; none needs a traceback."""

from __future__ import annotations

from collections.abc import Sequence

from iopguide.exit_codes import ExitCode
from iopguide.i18n import _, ngettext
from iopguide.record import FrozenRecord


class IopguideError(Exception):
    """An error with a message written for the person running iopguide."""

    exit_code: ExitCode = ExitCode.DATA_ERROR

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(IopguideError):
    """A flag, value or answer that cannot be used as given (exit 2)."""

    exit_code = ExitCode.USAGE


class Interrupted(IopguideError):
    """Ctrl-C or Ctrl-D at a prompt (exit 130)."""

    exit_code = ExitCode.INTERRUPTED

    def __init__(self) -> None:
        super().__init__(_("Stopped. Nothing was saved."))


class Problem(FrozenRecord):
    """One thing wrong in a data file, located as precisely as we can."""

    __slots__ = ("file", "message", "line", "program_id", "field", "hint")

    def __init__(
        self,
        file: str,
        message: str,
        line: int | None = None,
        program_id: str | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.file = file
        self.message = message
        self.line = line
        self.program_id = program_id
        self.field = field
        self.hint = hint

    def location(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.program_id:
            parts.append(_("program {id}").format(id=repr(self.program_id)))
        if self.field:
            parts.append(_("field {field}").format(field=repr(self.field)))
        return ", ".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "program_id": self.program_id,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
        }


class DataError(IopguideError):
    """A data file that cannot be used; lists every problem found (exit 1)."""

    exit_code = ExitCode.DATA_ERROR

    def __init__(self, problems: Sequence[Problem], summary: str | None = None) -> None:
        self.problems = tuple(problems)
        first = self.problems[0].file if self.problems else _("the file")
        count = len(self.problems)
        if summary is None:
            summary = ngettext(
                "{file} cannot be used: {count} problem found.",
                "{file} cannot be used: {count} problems found.",
                count,
            ).format(file=first, count=count)
        super().__init__(summary)
