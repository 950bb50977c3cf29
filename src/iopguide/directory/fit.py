"""How well a listing fits what a person asked for: the order results are shown in.

SAMHSA's listings are coarse. The substance-use edition records IOP (``OIT``);
the mental-health edition has no IOP code at all, although community
mental-health centres and hospital outpatient departments commonly run IOPs.
Types of care are broad: "mental health", "substance use", or co-occurring
("substance use *plus* serious mental illness"). So a search with a level and a
condition ranks (docs/finding-programs.md explains it for people):

1. the listing names the level and the condition specifically;
2. it names the level and treats that kind of condition generally;
3. (IOP searches) a mental-health listing that cannot record IOP but whose
   services suggest it may run one - shown as "may run an IOP: ask";
4. it treats the condition only together with substance use (co-occurring) -
   unless the person's concerns include substance use, when it ranks as 1-2.

Then by distance, then by name.
"""

from __future__ import annotations

from collections.abc import Iterable

from iopguide.directory.model import Program
from iopguide.i18n import _
from iopguide.record import FrozenRecord
from iopguide.vocabulary import CONDITIONS, MENTAL_HEALTH_SPECIFIC

#: Bump when the rule below changes: cached level indexes are built with it.
RULE_VERSION = 1

LISTED = "listed"
ASK = "ask"
SPECIFIC = "specific"
GENERAL = "general"
CO_OCCURRING = "co_occurring"

#: The index key of listings that may run an IOP (cached with the level index).
ASK_IOP = "ask:iop"

#: Facility types whose outpatient care commonly includes an IOP.
IOP_SETTINGS = frozenset(
    {
        "cmhc",
        "ccbhc",
        "psychiatric_hospital",
        "general_hospital",
        "general_hospital_psych_unit",
        "partial_hospital",
    }
)
_SUBSTANCE = frozenset({"substance_use", "co_occurring"})


def may_run_iop(program: Program) -> bool:
    """A mental-health listing, not listed as an IOP, whose services suggest it may run one.

    Outpatient care at a community mental-health centre or a psychiatric or
    general hospital, or outpatient care beside partial hospitalization.
    """
    levels = program.levels
    return (
        "iop" not in levels
        and "outpatient" in levels
        and "mental_health" in program.conditions
        and ("php" in levels or not IOP_SETTINGS.isdisjoint(program.facility_types))
    )


def index_keys(program: Program) -> tuple[str, ...]:
    """What a level index files *program* under: its levels, and ``ask:iop`` when it may."""
    return (*program.levels, ASK_IOP) if may_run_iop(program) else program.levels


def level_match(program: Program, wanted: Iterable[str]) -> str | None:
    """``listed`` when the listing names a wanted level, ``ask`` when it may run an IOP."""
    wanted = tuple(wanted)
    if any(level in program.levels for level in wanted):
        return LISTED
    if "iop" in wanted and may_run_iop(program):
        return ASK
    return None


class ConditionFit(FrozenRecord):
    __slots__ = ("kind", "reason")

    def __init__(self, kind: str, reason: str) -> None:
        self.kind = kind  # SPECIFIC, GENERAL or CO_OCCURRING
        self.reason = reason


def condition_match(program: Program, wanted: tuple[str, ...]) -> ConditionFit | None:
    """How the listing's types of care answer the conditions asked for (best first)."""
    have = program.conditions
    exact = [c for c in wanted if c in have]
    if "mental_health" in wanted:
        exact += [c for c in have if c in MENTAL_HEALTH_SPECIFIC and c not in exact]
    if exact:
        return ConditionFit(SPECIFIC, _("Treats {conditions}").format(conditions=_labels(exact)))
    substance = not _SUBSTANCE.isdisjoint(wanted)
    mental = [c for c in wanted if c in MENTAL_HEALTH_SPECIFIC]
    if mental and "mental_health" in have:
        return ConditionFit(
            GENERAL,
            _("Treats mental health in general (not listed for {conditions} specifically)").format(
                conditions=_labels(mental)
            ),
        )
    if "co_occurring" in have and (substance or "mental_health" in wanted or mental):
        if substance:
            asked = _labels(c for c in wanted if c in _SUBSTANCE)
            return ConditionFit(
                GENERAL,
                _(
                    "Treats co-occurring mental health and substance use (not listed "
                    "for {conditions} specifically)"
                ).format(conditions=asked),
            )
        asked = _labels(mental or ["mental_health"])
        return ConditionFit(
            CO_OCCURRING,
            _(
                "For people who also have alcohol or drug use (co-occurring care; not listed "
                "for {conditions} on its own)"
            ).format(conditions=asked),
        )
    return None


def rank(level: str, condition: str | None) -> tuple[int, int]:
    """The fit order: (tier 1-4, then specific before general within a tier)."""
    if level == ASK:
        tier = 3
    elif condition == CO_OCCURRING:
        tier = 4
    elif condition == GENERAL:
        tier = 2
    else:
        tier = 1
    return tier, 0 if condition in (None, SPECIFIC) else 1


def _labels(ids: Iterable[str]) -> str:
    return ", ".join(CONDITIONS.labels(ids))
