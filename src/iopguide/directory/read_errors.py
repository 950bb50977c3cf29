"""The safe reader's messages: what stops a file being read, in plain words with a line."""

from __future__ import annotations

import json

from iopguide.directory.yaml_values import TOO_DEEP
from iopguide.errors import DataError, Problem
from iopguide.i18n import _
from iopguide.text import clean, shorten


def json_syntax_error(filename: str, err: json.JSONDecodeError) -> DataError:
    what = clean(shorten(err.msg, 120))
    closing = err.doc[err.pos : err.pos + 1]
    if closing in ("]", "}") and err.doc[: err.pos].rstrip().endswith(","):
        what = f"{what}: a comma before the closing '{closing}' (JSON allows no trailing comma)"
    return fatal(
        filename,
        _("The file is not valid JSON: {what} (line {line}, column {column}).").format(
            what=what, line=err.lineno, column=err.colno
        ),
        line=err.lineno,
        hint=_(
            "Check the commas, brackets and quotes around that place; a file that was cut "
            "short ends before its closing brackets (import or save it again)."
        ),
    )


def fatal(
    filename: str, message: str, line: int | None = None, hint: str | None = None
) -> DataError:
    return DataError([Problem(file=filename, message=message, line=line, hint=hint)])


def line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def too_deep(filename: str, max_depth: int, line: int | None) -> DataError:
    return fatal(
        filename,
        f"{TOO_DEEP} (more than {max_depth} levels of lists and mappings inside each other).",
        line=line,
        hint="A directory file needs only a few levels; check for unclosed brackets '[' or '{'.",
    )


def too_deep_to_read(filename: str) -> DataError:
    """Python's own recursion limit met: not expected from the event parser."""
    return fatal(filename, f"{TOO_DEEP} to read.")


def libyaml_too_deep(err: Exception) -> bool:
    """Whether libyaml stopped at its own nesting limit (0.2.6 and newer have one).

    libyaml's scanner looks ahead for a possible simple key, so with ``[[[[...`` it
    can reach its own limit (about 1,000 levels) before the parser hands us the
    event that would have tripped :data:`MAX_DEPTH`; the person must see the same
    clear refusal whichever limit is met first.
    """
    return "maximum nesting depth" in str(getattr(err, "problem", None) or err)


def mark_line(err: Exception) -> int | None:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    return mark.line + 1 if mark is not None else None


def refused_anchor(filename: str, anchor: str, line: int) -> Problem:
    return _refused_reference(
        _("An anchor ({name}) is not allowed in a directory file."), "&", filename, anchor, line
    )


def refused_alias(filename: str, anchor: str, line: int) -> Problem:
    return _refused_reference(
        _("An alias ({name}) is not allowed in a directory file."), "*", filename, anchor, line
    )


def _refused_reference(sentence: str, sign: str, filename: str, anchor: str, line: int) -> Problem:
    return Problem(
        file=filename,
        line=line,
        message=sentence.format(name=sign + clean(shorten(anchor, 40))),
        hint=_(
            "Write each value out in full; anchors and aliases (&name, *name) are refused "
            "because they can make a small file expand enormously."
        ),
    )


def duplicate_key(filename: str, key: object, line: int, first_line: int) -> Problem:
    name = clean(shorten(str(key), 60))
    return Problem(
        file=filename,
        line=line,
        field=name,
        message=_(
            "The key '{name}' appears twice in the same mapping (first at line {first}); "
            "only the first one is used."
        ).format(name=name, first=first_line),
        hint=_("Remove one of them, or merge the two values."),
    )


def refused_tag(filename: str, tag: str | None, line: int) -> Problem:
    return Problem(
        file=filename,
        line=line,
        message=_("The YAML tag '{tag}' is not allowed in a directory file.").format(
            tag=describe_tag(str(tag))
        ),
        hint=_(
            "Remove the tag (the part starting with '!'); write plain values, and put text "
            "in quotes if it must not be read as a number or true/false."
        ),
    )


def syntax_error(data: bytes, filename: str, err: Exception) -> DataError:
    """A parser error as one Problem with the parser's line and column, in plain words."""
    import yaml

    if isinstance(err, yaml.reader.ReaderError):
        position = getattr(err, "position", 0) or 0
        character = getattr(err, "character", None)
        if isinstance(character, int):
            message = _(
                "The file contains the control character U+{code}, which YAML does not allow "
                "in a file (byte offset {offset})."
            ).format(code=f"{character:04X}", offset=position)
        else:
            message = _(
                "The file contains a character, which YAML does not allow in a file "
                "(byte offset {offset})."
            ).format(offset=position)
        return fatal(
            filename,
            message,
            line=line_at(data, position),
            hint=_(
                "Remove the character; to include it in text, write it as an escape "
                'inside double quotes (e.g. "\\t").'
            ),
        )
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    problem_text = getattr(err, "problem", None) or str(err)
    context = getattr(err, "context", None)

    if line is not None and tab_indented(data, line):
        return fatal(
            filename,
            _(
                "Line {line} is indented with a tab. YAML allows only spaces for indentation."
            ).format(line=line),
            line=line,
            hint=_(
                "Replace the tab at the start of the line with spaces (most editors can show "
                "and convert tabs)."
            ),
        )
    detail = clean(shorten(problem_text, 120))
    if context:
        detail = f"{clean(shorten(context, 80))}: {detail}"  # the parser's own words
    if line is not None:
        message = _("The file is not valid YAML (line {line}, column {column}): {detail}.")
    else:
        message = _("The file is not valid YAML (an unknown place): {detail}.")
    return fatal(
        filename,
        message.format(line=line, column=column, detail=detail),
        line=line,
        hint=_(
            "Check the indentation, colons and quotes around that place; text containing "
            "': ' or ' #' must be in quotes."
        ),
    )


def tab_indented(data: bytes, line: int) -> bool:
    """Whether *line* (1-based), or the line before it, starts its indentation with a tab."""
    lines = data.split(b"\n", line)[:line]
    for text in lines[-2:]:
        indent = text[: len(text) - len(text.lstrip(b" \t"))]
        if b"\t" in indent and text.strip():
            return True
    return False


def describe_tag(tag: str) -> str:
    return clean(shorten(tag, 60))
