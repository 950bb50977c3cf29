"""``iopguide compare ID ID…``: a few programmes side by side, for choosing with someone."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from iopguide.app.results import CompareReport
from iopguide.commands.lookup import load, unknown_id
from iopguide.directory.model import Directory, Program
from iopguide.errors import UsageError
from iopguide.i18n import _


def run_compare(
    ids: Sequence[str],
    *,
    shortlist: bool,
    shortlist_file: Path | None,
    zip_code: str | None,
    directory: Path | None,
    use_cache: bool,
    notes: Path | None = None,
) -> CompareReport:
    """The programmes asked for (shortlisted ones first), in order, with miles from *zip_code*."""
    from iopguide.directory.notes import load_notes
    from iopguide.directory.search import parse_filters, program_distance

    listed: list[str] = []
    if shortlist or shortlist_file is not None:
        listed = list(_shortlisted(shortlist_file))
    wanted = _unique([*listed, *(i.strip() for i in ids if i.strip())])
    if len(wanted) < 2 and not listed:
        raise UsageError(
            _("Give two or more program ids to compare."),
            hint=_(
                "For example: iopguide compare ID ID. Ids are shown by 'iopguide find'; "
                "'iopguide show ID' shows one program."
            ),
        )
    origin = parse_filters(zip_code=zip_code).origin if zip_code else None
    noted = load_notes(notes)
    loaded = load(directory, use_cache)
    from iopguide.directory import shortlist as store

    path = store.choose_path(shortlist_file) if listed else None
    programs = tuple(_get(loaded, i, shortlist=path if i in listed else None) for i in wanted)
    distances = tuple(
        program_distance(program, origin) if origin is not None else None for program in programs
    )
    return CompareReport(
        programs=programs,
        info=loaded.info,
        distances=distances,
        notes=tuple(noted.get(program.id) for program in programs),
        origin_zip=origin.zip if origin is not None else None,
    )


def _shortlisted(path: Path | None) -> tuple[str, ...]:
    from iopguide.directory import shortlist

    chosen = shortlist.choose_path(path)
    if path is not None and not chosen.exists():
        raise UsageError(
            _("No shortlist file at {path}.").format(path=repr(str(chosen))),
            hint=_("Make one with: iopguide shortlist add ID --file FILE"),
        )
    ids = shortlist.load(chosen).ids
    if not ids:
        raise UsageError(
            _("Your shortlist is empty."),
            hint=_("Add programs with: {command}").format(
                command=shortlist.command("shortlist add ID", chosen)
            ),
        )
    return ids


def _get(loaded: Directory, program_id: str, *, shortlist: Path | None) -> Program:
    """The programme; an unknown id from the shortlist in *shortlist* says how to remove it."""
    program = loaded.get(program_id)
    if program is not None:
        return program
    from iopguide.directory.shortlist import command
    from iopguide.text import clean

    error = unknown_id(program_id, loaded)
    if shortlist is not None:
        error.hint = _(
            "It is on your shortlist but not in this directory. Remove it with: {command}"
        ).format(command=command(f"shortlist remove {clean(program_id)}", shortlist))
    raise error


def _unique(ids: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(ids))
