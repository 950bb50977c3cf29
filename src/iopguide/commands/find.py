"""``iopguide find`` and ``iopguide show``: load, search, hand the result to a view."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

from iopguide.directory.model import Directory, DirectoryInfo
from iopguide.directory.search import SearchResult, parse_filters, search
from iopguide.errors import UsageError


def _load(directory: Path | None, use_cache: bool) -> Directory:
    """Load for a one-shot command, then freeze the result out of the collector's sight.

    The directory lives until this process exits; without the freeze the first
    collection walks all of it again (87 ms for a national directory), and it
    must happen before the collector is turned back on (see ``load._gc_paused``). Only
    one-shot commands do this: the guide runs on, and must not keep cycles.
    """
    from iopguide.directory.load import load_directory

    return load_directory(directory, use_cache=use_cache, freeze=True)


def sample_notice(info: DirectoryInfo) -> None:
    """Say so on stderr whenever the fictional sample directory is in use."""
    if info.sample:
        from iopguide.ui.messages import notice

        notice(
            "These are SAMPLE programs (fictional, for demos): do not call them. Leave out "
            "--sample (or the 'sample' directory) to search SAMHSA's National Directory.",
            style="yellow",
        )


def run_find(
    *,
    conditions: Sequence[str] | None,
    insurance: Sequence[str] | None,
    zip_code: str | None,
    radius: float,
    states: Sequence[str] | None,
    cities: Sequence[str] | None,
    levels: Sequence[str] | None,
    telehealth: bool,
    age_groups: Sequence[str] | None,
    languages: Sequence[str] | None,
    schedules: Sequence[str] | None,
    limit: int,
    json_output: bool,
    directory: Path | None,
    use_cache: bool,
) -> None:
    filters = parse_filters(
        conditions=conditions,
        insurance=insurance,
        zip_code=zip_code,
        radius=radius,
        states=states,
        cities=cities,
        levels=levels,
        telehealth=telehealth,
        age_groups=age_groups,
        languages=languages,
        schedules=schedules,
    )
    loaded = _load(directory, use_cache)
    result = search(loaded, filters)
    show_result(result, loaded.info, limit=limit, json_output=json_output)


def show_result(
    result: SearchResult, info: DirectoryInfo, *, limit: int, json_output: bool
) -> None:
    if json_output:
        from iopguide.ui.program_json import print_json, search_json

        print_json(search_json(result, info, limit))
        return
    from iopguide.ui.console import stdout_console
    from iopguide.ui.results_view import render_search

    sample_notice(info)
    render_search(result, info, limit, stdout_console())


def run_show(
    program_id: str, *, json_output: bool, directory: Path | None, use_cache: bool
) -> None:
    loaded = _load(directory, use_cache)
    program = loaded.get(program_id.strip())
    if program is None:
        raise _unknown_id(program_id, loaded)
    if json_output:
        from iopguide.ui.program_json import print_json, program_json

        print_json(
            {
                "directory": loaded.info.to_dict(),
                "sample": loaded.info.sample,
                "program": program_json(program, loaded.info),
            }
        )
        return
    from iopguide.ui.console import stdout_console
    from iopguide.ui.results_view import render_program

    sample_notice(loaded.info)
    render_program(program, loaded.info, stdout_console())


def _unknown_id(program_id: str, directory: Directory) -> UsageError:
    from iopguide.text import clean, shorten

    ids = [p.id for p in directory.programs]
    close = difflib.get_close_matches(program_id.strip().lower(), ids, n=3, cutoff=0.5)
    message = f"No program with the id {shorten(clean(program_id))!r} in {directory.info.name}."
    if close:
        message += " Did you mean " + " or ".join(repr(c) for c in close) + "?"
    return UsageError(
        message, hint="Ids are shown by 'iopguide find' (use --level any to list all levels)."
    )
