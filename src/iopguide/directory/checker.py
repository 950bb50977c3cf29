"""The validator: a file's header and programs, each program through the fast path first.

Every program goes through the checks :mod:`iopguide.directory.fast` makes
from the schema; one that is not plainly right (or repeats an id) goes through
:mod:`iopguide.directory.careful`, which says what is wrong.
"""

from __future__ import annotations

import re

from iopguide.directory.careful import CarefulChecks
from iopguide.directory.fast import FastChecks, fields
from iopguide.directory.messages import describe, quote
from iopguide.directory.model import Directory, DirectoryInfo, Program
from iopguide.directory.reader import REFUSED, Mapping, Sequence
from iopguide.directory.schema import MAX_ID_LENGTH, PROGRAM, PROGRAM_FIELDS, SLUG, check_order
from iopguide.i18n import _
from iopguide.text import clean, shorten

TOP_FIELDS = ("directory", "programs")
HEADER_FIELDS = ("name", "source", "sample", "updated")
#: The careful path's order (the id first, on its own).
_CAREFUL_ORDER = tuple(f for f in check_order(PROGRAM) if f.kind != "id")


class _Checker(CarefulChecks, FastChecks):
    """Walks the values once, collecting problems."""

    def __init__(self, filename: str) -> None:
        super().__init__(filename)
        self._plan = self.plan(PROGRAM)

    # -- top level --

    def check_root(
        self, root: object, root_line: int | None, *, path: str | None, builtin: bool
    ) -> Directory | None:
        hint = _(
            "A directory file is a mapping with a 'directory:' header and a 'programs:' list; "
            "see docs/directory-format.md."
        )
        if root is REFUSED:
            return None
        if not isinstance(root, dict):
            if isinstance(root, list):
                message = _("The file starts with a list, not with a 'directory:' header.")
                if root and all(isinstance(item, dict) for item in root):
                    hint = _(
                        "Put the list under 'programs:' and add a 'directory:' header above it; "
                        "see docs/directory-format.md."
                    )
            else:
                message = _("The file holds a single value ({found}), not a directory.").format(
                    found=describe(root)
                )
            self.problem(message, root_line or 1, hint=hint)
            return None
        self.unknown_keys(root, TOP_FIELDS, _("a top-level section"), 1)

        header = root.get("directory")
        info: DirectoryInfo | None = None
        if "directory" not in root:
            self.problem(
                _("The file has no 'directory:' header (name, source, sample, updated)."),
                root_line or 1,
                "directory",
                hint,
            )
        elif header is not REFUSED:
            info = self.check_header(
                header, self.key_line(root, "directory", root_line), path, builtin
            )

        programs: tuple[Program, ...] = ()
        if "programs" not in root:
            self.problem(_("The file has no 'programs:' list."), root_line or 1, "programs", hint)
        else:
            programs = self.check_programs(
                root["programs"], self.key_line(root, "programs", root_line)
            )
        if self.problems or info is None:
            return None
        return Directory(info=info, programs=programs)

    def check_header(
        self, header: object, line: int | None, path: str | None, builtin: bool
    ) -> DirectoryInfo | None:
        if not isinstance(header, dict):
            self.problem(
                _(
                    "'directory' must be a mapping with name, source, sample and updated; "
                    "found {found}."
                ).format(found=describe(header)),
                line,
                "directory",
            )
            return None
        start = len(self.problems)
        hline = header.line if type(header) is Mapping else line
        self.unknown_keys(
            header, HEADER_FIELDS, _("a field of the directory header"), hline, "directory."
        )
        name = self.text(header, "name", "directory.name", hline, required=True)
        source = self.text(header, "source", "directory.source", hline)
        sample = self.boolean(header, "sample", "directory.sample", hline)
        updated = self.date(header, "updated", "directory.updated", hline)
        if len(self.problems) > start or name is None:
            return None
        return DirectoryInfo(
            name=name, source=source, sample=sample, updated=updated, path=path, builtin=builtin
        )

    def check_programs(self, programs: object, line: int | None) -> tuple[Program, ...]:
        if programs is REFUSED:
            return ()
        if programs is None:
            programs = []
        if not isinstance(programs, list):
            self.problem(
                _(
                    "'programs' must be a list of programs (each starting with '- id: ...'); "
                    "found {found}."
                ).format(found=describe(programs)),
                line,
                "programs",
            )
            return ()
        self.program_count = len(programs)
        item_lines = programs.item_lines if type(programs) is Sequence else None
        seen: dict[str, tuple[int | None, int]] = {}
        built: list[Program] = []
        fast = self.fast_program
        for index, entry in enumerate(programs):
            entry_line = item_lines[index] if item_lines is not None else line
            self.program_id = None
            if entry is REFUSED:
                continue
            if not isinstance(entry, dict):
                self.program_line = entry_line
                self.problem(
                    _(
                        "Program #{number} in 'programs' is {found}, not a program "
                        "(a mapping starting with 'id:')."
                    ).format(number=index + 1, found=describe(entry)),
                    entry_line,
                )
                continue
            program = fast(entry, entry_line)
            if program is not None:
                pid = program.id
                if pid not in seen:
                    if type(entry) is Mapping:
                        seen[pid] = (entry.key_lines.get("id", program.line), index)
                    else:
                        seen[pid] = (program.line, index)
                    built.append(program)
                    continue
            # Something is unusual (or a duplicate id): the careful path says what.
            program = self.check_program(entry, index, entry_line, seen)
            if program is not None:
                built.append(program)
        self.program_id = None
        return tuple(built)

    # -- the fast path --

    def fast_program(self, entry: dict, entry_line: int | None) -> Program | None:
        """The program when every field is plainly right; None sends it to the careful path.

        It must accept nothing that :meth:`check_program` would refuse, and build
        the same Program (tests compare the two).
        """
        values = fields(self._plan, entry)
        if values is None:
            return None
        return Program(*values, entry.line if type(entry) is Mapping else entry_line)  # type: ignore[arg-type]

    # -- one program --

    def check_program(
        self,
        entry: dict,
        index: int,
        entry_line: int | None,
        seen: dict[str, tuple[int | None, int]],
    ) -> Program | None:
        start = len(self.problems)
        pline = entry.line if type(entry) is Mapping else entry_line
        self.program_line = pline

        program_id = self.program_id_of(entry, pline)
        if program_id is not None:
            self.program_id = program_id
            id_line = self.key_line(entry, "id", pline)
            first = seen.get(program_id)
            if first is not None:
                first_line, first_index = first
                if first_line is not None:
                    message = _("The id {id} is used twice: first at line {line}.")
                else:
                    message = _("The id {id} is used twice: first at program #{number}.")
                self.problem(
                    message.format(id=quote(program_id), line=first_line, number=first_index + 1),
                    id_line,
                    "id",
                    _("Every program needs its own id; rename one of them."),
                )
            else:
                seen[program_id] = (id_line, index)

        self.unknown_keys(entry, PROGRAM_FIELDS, _("a field of a program"), pline)
        values = {f.name: self.check_field(entry, f, "", pline) for f in _CAREFUL_ORDER}
        if len(self.problems) > start or program_id is None or values["name"] is None:
            return None
        return Program(id=program_id, line=pline, **values)  # type: ignore[arg-type]

    def program_id_of(self, entry: dict, pline: int | None) -> str | None:
        if "id" not in entry:
            self.problem(
                _("This program has no 'id'."),
                pline,
                "id",
                _(
                    "Add a unique id made of lowercase letters, digits and hyphens, "
                    "e.g. 'id: harbor-light-iop'."
                ),
            )
            return None
        raw_id = self.text(entry, "id", "id", pline, required=True)
        if raw_id is None:
            return None
        line = self.key_line(entry, "id", pline)
        if len(raw_id) > MAX_ID_LENGTH or not SLUG.fullmatch(raw_id):
            suggestion = re.sub(r"[^a-z0-9]+", "-", raw_id.lower()).strip("-")[:MAX_ID_LENGTH]
            if suggestion:
                hint = _("Use lowercase letters, digits and single hyphens, e.g. '{id}'.")
            else:
                hint = _("Use lowercase letters, digits and single hyphens.")
            self.problem(
                _(
                    "The id {id} is not a valid id (lowercase letters, digits and "
                    "hyphens, at most {max} characters)."
                ).format(id=quote(raw_id), max=MAX_ID_LENGTH),
                line,
                "id",
                hint.format(id=suggestion),
            )
            self.program_id = clean(shorten(raw_id, 60))
            return None
        return raw_id

    # -- field kinds --
