"""When a search is narrowed too far: filters no listing has data for, and what to widen.

Split from :mod:`.search`, which calls both: :func:`unrecorded` before the
search and :func:`blockers_of` for an empty result.
"""

from __future__ import annotations

from collections.abc import Callable

from iopguide.directory.filter_table import Filters
from iopguide.directory.model import Directory, Program
from iopguide.record import FrozenRecord

#: Filters a directory may have no data for (``SearchResult.not_recorded``).
NOT_RECORDED_PLANS = "insurance_plans"
NOT_RECORDED_SCHEDULES = "schedules"

Check = Callable[[Program], "list[str] | None"]


class Blocker(FrozenRecord):
    """How much one filter narrowed an empty search, to suggest what to widen."""

    __slots__ = ("filter", "removed", "without_it")

    def __init__(self, filter: str, removed: int, without_it: int) -> None:
        self.filter = filter  # the filter's id in the filter table, e.g. "level"
        self.removed = removed  # programs this filter rules out on its own
        self.without_it = without_it  # programs that would match if only this one were dropped


def unrecorded(directory: Directory, filters: Filters) -> tuple[Filters, tuple[str, ...]]:
    """Drop the plan and schedule filters when the directory records no plans or schedules.

    SAMHSA's directory names no insurance plans and no schedules: a search for
    "aetna" or "evening" would rule everything out and look like no programme
    exists. Such a filter is reported as unanswerable (ask the programme) instead;
    what your notes say is still matched (``noted.where_unrecorded``).
    """
    recorded = directory.records()
    missing: list[str] = []
    if filters.plans and "plans" not in recorded:
        missing.append(NOT_RECORDED_PLANS)
        filters = filters.replace(plans=())
    if filters.schedules and "schedules" not in recorded:
        missing.append(NOT_RECORDED_SCHEDULES)
        filters = filters.replace(schedules=())
    return filters, tuple(missing)


def blockers_of(directory: Directory, checks: list[tuple[str, Check]]) -> tuple[Blocker, ...]:
    """For an empty result: how many programs each filter removes, and what dropping it gives."""
    removed = dict.fromkeys((filter_id for filter_id, _check in checks), 0)
    without = dict.fromkeys(removed, 0)
    for program in directory.programs:
        failed = [filter_id for filter_id, check in checks if check(program) is None]
        for filter_id in failed:
            removed[filter_id] += 1
        if len(failed) == 1:
            without[failed[0]] += 1
    ranked = sorted(removed, key=lambda f: (-removed[f], -without[f]))
    return tuple(Blocker(f, removed[f], without[f]) for f in ranked)
