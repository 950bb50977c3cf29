"""Sentences about a search as a whole, shared by every view (terminal, JSON, guide). No rich."""

from __future__ import annotations

from iopguide.directory.search import NOT_RECORDED_PLANS, NOT_RECORDED_SCHEDULES, SearchResult
from iopguide.i18n import N_, _, ngettext

_NOT_RECORDED = {
    NOT_RECORDED_PLANS: N_(
        "This directory does not record insurance plans, so that part of your "
        "search was left out: ask each program whether it takes your plan."
    ),
    NOT_RECORDED_SCHEDULES: N_(
        "This directory does not record schedules, so that part of your "
        "search was left out: ask each program about evening or weekend groups."
    ),
}


def cannot_answer_lines(result: SearchResult) -> list[str]:
    """What the directory cannot answer about this search (plain text, for any view)."""
    return [_(_NOT_RECORDED[what]) for what in result.not_recorded]


def none_listed_line(result: SearchResult) -> str | None:
    """The one calm sentence before "may run an IOP: ask" results when none names IOP."""
    if not result.none_listed:
        return None
    if result.filters.origin is None:
        return _(
            "No listing here names an IOP for this; SAMHSA's mental-health directory has no "
            "way to record IOPs, so these are mental-health services whose care suggests they "
            "may run one: call and ask."
        )
    return _(
        "No listing within {miles} miles of {zip} names an IOP for this; SAMHSA's "
        "mental-health directory has no way to record IOPs, so these are mental-health "
        "services whose care suggests they may run one: call and ask."
    ).format(miles=f"{result.filters.radius:g}", zip=result.filters.origin.zip)


def telehealth_line(result: SearchResult, *, commands: bool = True) -> str | None:
    """How many programs beyond the radius (or state) offer telehealth there; how to see them."""
    count = result.telehealth_elsewhere
    if not count:
        return None
    filters = result.filters
    if filters.origin is not None:
        if commands:
            line = ngettext(
                "{count} more program beyond {miles} miles offers telehealth in {state} "
                "(not counted above): add --telehealth to see them.",
                "{count} more programs beyond {miles} miles offer telehealth in {state} "
                "(not counted above): add --telehealth to see them.",
                count,
            )
        else:
            line = ngettext(
                "{count} more program beyond {miles} miles offers telehealth in {state} "
                "(not counted above): you can ask to see them.",
                "{count} more programs beyond {miles} miles offer telehealth in {state} "
                "(not counted above): you can ask to see them.",
                count,
            )
        return line.format(count=count, miles=f"{filters.radius:g}", state=filters.origin.state)
    if commands:
        line = ngettext(
            "{count} more program outside {states} offers telehealth there "
            "(not counted above): add --telehealth to see them.",
            "{count} more programs outside {states} offer telehealth there "
            "(not counted above): add --telehealth to see them.",
            count,
        )
    else:
        line = ngettext(
            "{count} more program outside {states} offers telehealth there "
            "(not counted above): you can ask to see them.",
            "{count} more programs outside {states} offer telehealth there "
            "(not counted above): you can ask to see them.",
            count,
        )
    return line.format(count=count, states=", ".join(filters.states))


def age_hint(result: SearchResult, shown: int) -> str | None:
    """When results shown serve only younger people and no age was given: how to narrow."""
    if result.filters.age_groups:
        return None
    young = [m for m in result.matches[:shown] if m.program.ages and "adults" not in m.program.ages]
    if not young:
        return None
    return ngettext(
        "One of these serves only children, teenagers or young adults: add --age-group adults "
        "(or teens, children ...) to see programs for one age.",
        "{count} of these serve only children, teenagers or young adults: add --age-group "
        "adults (or teens, children ...) to see programs for one age.",
        len(young),
    ).format(count=len(young))
