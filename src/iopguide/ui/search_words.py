"""Sentences about a search as a whole, shared by every view (terminal, JSON, guide). No rich."""

from __future__ import annotations

from iopguide.directory.search import NOT_RECORDED_PLANS, NOT_RECORDED_SCHEDULES, SearchResult

_NOT_RECORDED = {
    NOT_RECORDED_PLANS: "This directory does not record insurance plans, so that part of your "
    "search was left out: ask each programme whether it takes your plan.",
    NOT_RECORDED_SCHEDULES: "This directory does not record schedules, so that part of your "
    "search was left out: ask each programme about evening or weekend groups.",
}


def cannot_answer_lines(result: SearchResult) -> list[str]:
    """What the directory cannot answer about this search (plain text, for any view)."""
    return [_NOT_RECORDED[what] for what in result.not_recorded]


def none_listed_line(result: SearchResult) -> str | None:
    """The one calm sentence before "may run an IOP: ask" results when none names IOP."""
    if not result.none_listed:
        return None
    where = (
        f"within {result.filters.radius:g} miles of {result.filters.origin.zip}"
        if result.filters.origin is not None
        else "here"
    )
    return (
        f"No listing {where} names an IOP for this; SAMHSA's mental-health directory has no "
        "way to record IOPs, so these are mental-health services whose care suggests they may "
        "run one: call and ask."
    )


def telehealth_line(result: SearchResult, *, commands: bool = True) -> str | None:
    """How many programmes beyond the radius (or state) offer telehealth there; how to see them."""
    count = result.telehealth_elsewhere
    if not count:
        return None
    filters = result.filters
    if filters.origin is not None:
        beyond = f"beyond {filters.radius:g} miles offer telehealth in {filters.origin.state}"
    else:
        beyond = f"outside {', '.join(filters.states)} offer telehealth there"
    noun = "programme" if count == 1 else "programmes"
    verb_fix = beyond.replace("offer ", "offers ", 1) if count == 1 else beyond
    how = "add --telehealth to see them" if commands else "you can ask to see them"
    return f"{count} more {noun} {verb_fix} (not counted above): {how}."


def age_hint(result: SearchResult, shown: int) -> str | None:
    """When results shown serve only younger people and no age was given: how to narrow."""
    if result.filters.age_groups:
        return None
    young = [m for m in result.matches[:shown] if m.program.ages and "adults" not in m.program.ages]
    if not young:
        return None
    some = "One of these serves" if len(young) == 1 else f"{len(young)} of these serve"
    return (
        f"{some} only children, teenagers or young adults: add --age-group adults (or "
        "teens, children ...) to see programmes for one age."
    )
