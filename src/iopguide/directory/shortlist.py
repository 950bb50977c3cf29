"""A shortlist: the programmes a person is weighing, kept in a small file only when they ask.

The file holds ids with the name as it was and the date each was added, so a
counselor and a parent can come back to the same few listings. It is read like
every file a person may name (no waiting on a pipe, a size limit, the safe
reader) and written private and whole through :func:`iopguide.io.atomic.write_file`:
a shortlist is never half-written. Nothing here prints.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from iopguide.errors import DataError, Problem, UsageError
from iopguide.i18n import _

#: The variable that names the shortlist file (``--file`` wins over it).
ENV_VAR = "IOPGUIDE_SHORTLIST"
FILE_NAME = "shortlist.yaml"
#: A shortlist is a few lines; anything near this is not one.
MAX_BYTES = 1 << 20
FORMAT_VERSION = 1


@dataclass(frozen=True)
class Entry:
    """One programme on the shortlist: its id, its name when added, and when."""

    id: str
    name: str
    added: str  # ISO date


@dataclass(frozen=True)
class Shortlist:
    entries: tuple[Entry, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(entry.id for entry in self.entries)

    def with_added(self, programs: Iterable[tuple[str, str]], today: _dt.date) -> Shortlist:
        """Add ``(id, name)`` pairs not on it yet, at the end, in the order given."""
        entries = list(self.entries)
        have = set(self.ids)
        for program_id, name in programs:
            if program_id not in have:
                entries.append(Entry(program_id, name, today.isoformat()))
                have.add(program_id)
        return Shortlist(tuple(entries))

    def without(self, ids: Iterable[str]) -> Shortlist:
        gone = set(ids)
        return Shortlist(tuple(e for e in self.entries if e.id not in gone))


def default_path() -> Path:
    """``IOPGUIDE_SHORTLIST``, else ``shortlist.yaml`` in the per-user data folder."""
    named = os.environ.get(ENV_VAR, "").strip()
    if named:
        return Path(os.path.expanduser(named))
    from iopguide.paths import data_dir

    return Path(data_dir()) / FILE_NAME


def command(words: str, path: Path) -> str:
    """``iopguide WORDS`` for the shortlist in *path*: with ``--file`` unless it is the default,
    so a hint never sends the person to another shortlist than the one they named."""
    import shlex

    line = f"iopguide {words}"
    return line if path == default_path() else f"{line} --file {shlex.quote(str(path))}"


def choose_path(given: Path | None) -> Path:
    return given if given is not None else default_path()


def load(path: Path) -> Shortlist:
    """The shortlist in *path*; empty when there is no such file yet."""
    from iopguide.directory.reader import read_document
    from iopguide.io.reading import RefusedFile, read_plain_file
    from iopguide.text import clean

    shown = clean(str(path))
    try:
        data = read_plain_file(path, MAX_BYTES)
    except FileNotFoundError:
        return Shortlist()
    except RefusedFile as refused:  # a link, a pipe, too big, or open to other users
        raise UsageError(
            _("iopguide will not use {path} as a shortlist: {reason}.").format(
                path=repr(shown), reason=refused.reason
            )
        ) from None
    except OSError as err:
        raise UsageError(
            _("Cannot read {path}: {reason}.").format(path=repr(shown), reason=err.strerror)
        ) from None
    if not data.strip():
        return Shortlist()
    document = read_document(data, shown)
    return _from_document(document.root, shown)


def _from_document(root: object, filename: str) -> Shortlist:
    hint = _("A shortlist file has 'programs:', a list of entries with 'id', 'name' and 'added'.")
    line = getattr(root, "line", None)
    # A file without 'programs:' is someone else's: refused, so it is never replaced.
    if not isinstance(root, dict) or not isinstance(root.get("programs"), list):
        raise DataError([Problem(filename, _("This is not a shortlist file."), line, hint=hint)])
    items = root.get("programs") or []
    item_lines = getattr(items, "item_lines", [])
    problems: list[Problem] = []
    entries: list[Entry] = []
    for index, item in enumerate(items):
        at = item_lines[index] if index < len(item_lines) else line
        program_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(program_id, str) or not program_id.strip():
            problems.append(
                Problem(filename, _("An entry has no program id."), at, field="id", hint=hint)
            )
            continue
        name = item.get("name")
        added = item.get("added")
        if isinstance(added, (_dt.date, _dt.datetime)):
            added = added.isoformat()[:10]
        entries.append(
            Entry(
                program_id.strip(),
                name if isinstance(name, str) else program_id,
                added if isinstance(added, str) else "",
            )
        )
    if problems:
        raise DataError(problems)
    return Shortlist(tuple(entries))


def dumps(shortlist: Shortlist) -> str:
    """The file's text: YAML whose strings are JSON-quoted, so no name can break it."""
    lines = [
        "# iopguide shortlist: programs you are considering (iopguide shortlist show).",
        f"version: {FORMAT_VERSION}",
        "programs:" + ("" if shortlist.entries else " []"),
    ]
    for entry in shortlist.entries:
        lines += [
            f"  - id: {json.dumps(entry.id)}",
            f"    name: {json.dumps(entry.name)}",
            f"    added: {json.dumps(entry.added)}",
        ]
    return "\n".join(lines) + "\n"


def save(path: Path, shortlist: Shortlist) -> None:
    """Write *shortlist* to *path* whole and private (0600); the default folder is made 0700."""
    from iopguide.io.atomic import write_file

    if path == default_path() and ENV_VAR not in os.environ:
        from iopguide.io.private import private_folder

        if private_folder(path.parent) is None:
            raise UsageError(
                _("Cannot keep a shortlist in {folder}: it is not a private folder.").format(
                    folder=str(path.parent)
                ),
                hint=_("Name a file with --file FILE or IOPGUIDE_SHORTLIST."),
            )
    try:
        write_file(path, dumps(shortlist), overwrite=True)
    except OSError as err:
        raise UsageError(
            _("Cannot write the shortlist to {path}: {reason}.").format(
                path=repr(str(path)), reason=err.strerror or err
            )
        ) from None


def clear(path: Path) -> bool:
    """Remove the shortlist file; False when there was none."""
    from iopguide.text import clean

    if not os.path.lexists(path):
        return False
    if os.path.isdir(path) and not os.path.islink(path):
        raise UsageError(
            _("{path} is a folder, not a shortlist file.").format(path=repr(clean(str(path))))
        )
    try:
        os.unlink(path)
    except OSError as err:
        raise UsageError(
            _("Cannot remove the shortlist {path}: {reason}.").format(
                path=repr(clean(str(path))), reason=err.strerror or err
            )
        ) from None
    return True
