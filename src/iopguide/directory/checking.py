"""Parse and validate directory bytes, every problem in the result, with its line.

Imported only when a file is parsed: a search served from the cache never needs it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from iopguide.directory.limits import MB, too_big
from iopguide.errors import DataError, Problem

if TYPE_CHECKING:
    # Imported where used: a search served from the cache never parses or validates,
    # and these modules cost about a fifth of iopguide's own import time.
    from iopguide.directory.validate import Validation


def check_unpaused(
    data: bytes, filename: str, *, path: str | None, builtin: bool, limit: int
) -> Validation:
    from iopguide.directory.reader import Document, read_document, read_yaml
    from iopguide.directory.validate import Validation, validate_values

    try:
        if len(data) > limit:
            raise too_big(filename, len(data), limit)

        def validate(document: Document) -> Validation:
            return validate_values(
                document.root,
                filename,
                root_line=document.line,
                path=path,
                builtin=builtin,
                problems=document.problems,
            )

        document = read_document(data, filename)
        result = validate(document)
        if result.problems and document.format == "json":
            if b"\n" not in data.strip():
                # One line (as json.dumps writes without indent): every problem is on it.
                result.problems[:] = [
                    p if p.line is not None else p.replace(line=1) for p in result.problems
                ]
                return result
            if len(data) > _YAML_LINES_LIMIT:
                # Reading 20 MB again as YAML took 15 s (a national file with an error in
                # every programme took 16 s to report); each programme's line is enough.
                _programme_lines(data, result.problems)
                return result
            # The fast JSON path has no line numbers; read it again as YAML to get them.
            try:
                result = validate(read_yaml(data, filename))
            except DataError:
                return result
        return result
    except DataError as err:
        return Validation(directory=None, problems=list(err.problems), program_count=0)


#: JSON files up to this size are read again as YAML for each problem's exact line.
_YAML_LINES_LIMIT = 2 * MB
_ID = re.compile(rb'"id"\s*:\s*("(?:[^"\\\n]|\\.)*")')


def _programme_lines(data: bytes, problems: list[Problem]) -> None:
    """Give each programme's problems the line where its id is (one pass over the bytes)."""
    import json

    lines: dict[str, int] = {}
    line, position = 1, 0
    for match in _ID.finditer(data):
        line += data.count(b"\n", position, match.start())
        position = match.start()
        try:
            found = json.loads(match.group(1))
        except ValueError:
            continue
        if isinstance(found, str):
            lines.setdefault(found, line)
    problems[:] = [
        p.replace(line=lines[p.program_id])
        if p.line in (None, 1) and p.program_id in lines  # the fast path says line 1
        else p
        for p in problems
    ]
