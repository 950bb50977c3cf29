"""``iopguide shortlist add/remove/show/clear``: keep a few programme ids to compare later.

Each returns a :class:`ShortlistReport`; only add, remove and clear touch the
file, and only because the person ran them.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from pathlib import Path

from iopguide.app.results import ShortlistReport
from iopguide.directory import shortlist as store
from iopguide.errors import UsageError
from iopguide.i18n import _


def _ids(given: Sequence[str]) -> list[str]:
    ids = list(dict.fromkeys(i.strip() for i in given if i.strip()))
    if not ids:
        raise UsageError(
            _("Give one or more program ids."),
            hint=_("Ids are shown by 'iopguide find' (use --level any to list all levels)."),
        )
    return ids


def run_add(
    ids: Sequence[str],
    *,
    file: Path | None,
    directory: Path | None,
    use_cache: bool,
    today: _dt.date | None = None,
) -> ShortlistReport:
    """Add programmes the directory knows (an unknown id changes nothing and says why)."""
    from iopguide.commands.lookup import load, unknown_id

    wanted = _ids(ids)
    loaded = load(directory, use_cache)
    programs = []
    for program_id in wanted:
        program = loaded.get(program_id)
        if program is None:
            raise unknown_id(program_id, loaded)
        programs.append(program)
    path = store.choose_path(file)
    before = store.load(path)
    after = before.with_added(((p.id, p.name) for p in programs), today or _dt.date.today())
    new = tuple(i for i in after.ids if i not in before.ids)
    return _saved(path, after, "add", new, wanted)


def run_remove(ids: Sequence[str], *, file: Path | None) -> ShortlistReport:
    wanted = _ids(ids)
    path = store.choose_path(file)
    before = store.load(path)
    after = before.without(wanted)
    gone = tuple(i for i in wanted if i in before.ids)
    return _saved(path, after, "remove", gone, wanted)


def _saved(
    path: Path, after: store.Shortlist, action: str, changed: tuple[str, ...], wanted: Sequence[str]
) -> ShortlistReport:
    """Write *after* when *changed* is not empty; the report of what the command did."""
    if changed:
        store.save(path, after)
    unchanged = tuple(i for i in wanted if i not in changed)
    return ShortlistReport(
        after.entries, str(path), action=action, changed=changed, unchanged=unchanged
    )


def run_show(*, file: Path | None) -> ShortlistReport:
    path = store.choose_path(file)
    return ShortlistReport(store.load(path).entries, str(path), action="show")


def run_clear(*, file: Path | None) -> ShortlistReport:
    """Empty the shortlist and remove its file: only a file that reads as a shortlist.

    A file that is not one (a typo in --file, a broken file) is left alone and
    explained, never deleted.
    """
    path = store.choose_path(file)
    ids = store.load(path).ids
    store.clear(path)
    return ShortlistReport((), str(path), action="clear", changed=ids)
