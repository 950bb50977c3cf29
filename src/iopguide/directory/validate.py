"""Check the plain values of a directory file and build a :class:`Directory`.

Every problem is collected -- file, line, program id, field, what was found and
what would be valid -- and reported at once, so a person fixes a file in one
pass. Nothing is dropped silently: an unknown key is a problem with a
did-you-mean, never ignored.

The values come from :mod:`iopguide.directory.reader`: its ``Mapping`` and
``Sequence`` carry line numbers and the raw text of plain scalars that YAML
read as something other than text. Plain ``dict`` / ``list`` values (from the
JSON fast path) validate the same way, only without line numbers.

The work is done by :mod:`iopguide.directory.checker` (fast path in
:mod:`~iopguide.directory.fast`, messages in :mod:`~iopguide.directory.careful`),
following the tables of :mod:`iopguide.directory.schema`.
"""

from __future__ import annotations

from collections.abc import Sequence as _SequenceABC
from dataclasses import dataclass, field

from iopguide.directory.checker import _Checker
from iopguide.directory.model import Directory
from iopguide.directory.schema import PROGRAM_FIELDS
from iopguide.errors import DataError, Problem

__all__ = ["PROGRAM_FIELDS", "Validation", "_Checker", "validate", "validate_values"]


@dataclass(slots=True)
class Validation:
    """The outcome of checking a file: a directory when valid, and every problem found."""

    directory: Directory | None
    problems: list[Problem] = field(default_factory=list)
    program_count: int = 0

    @property
    def valid(self) -> bool:
        return not self.problems


def validate_values(
    root: object,
    filename: str,
    *,
    root_line: int | None = None,
    path: str | None = None,
    builtin: bool = False,
    problems: _SequenceABC[Problem] = (),
) -> Validation:
    """Check *root* (what the reader produced) and build the directory if it is valid.

    *problems* are the reader's own (duplicate keys, aliases ...); they are
    reported with the validator's, sorted by line.
    """
    checker = _Checker(filename)
    checker.problems.extend(problems)
    directory = checker.check_root(root, root_line, path=path, builtin=builtin)
    found = checker.problems
    if found:
        found.sort(key=lambda p: (p.line is None, p.line or 0))
        directory = None
    return Validation(directory=directory, problems=found, program_count=checker.program_count)


def validate(root: object, filename: str, **kwargs: object) -> Directory:
    """Like :func:`validate_values`, but raise DataError listing every problem."""
    result = validate_values(root, filename, **kwargs)  # type: ignore[arg-type]
    if result.directory is None:
        raise DataError(result.problems)
    return result.directory
