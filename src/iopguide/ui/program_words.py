"""How a programme's listing is said in words, shared by the terminal and the handouts (no rich)."""

from __future__ import annotations

from iopguide.directory.model import Program
from iopguide.i18n import N_, _, ngettext
from iopguide.vocabulary import PAYMENT, SCHEDULE_TIMES

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from iopguide.directory.search import Match

NOT_LISTED = N_("Not listed")
TELEHEALTH_ASK = N_("offers telehealth: ask whether their IOP is offered online")


def payment_text(program: Program) -> str:
    """The payment types a listing records, in short words, or "Not listed"."""
    return ", ".join(PAYMENT.short(p) for p in program.payment) or _(NOT_LISTED)


def schedule_text(program: Program) -> str:
    """ "3 days/wk · 3 h/day · evenings", or "Ask the program" when the listing says nothing."""
    sched = program.schedule
    parts = []
    if sched.days_per_week:
        days = sched.days_per_week
        parts.append(ngettext("{count} days/wk", "{count} days/wk", days).format(count=days))
    if sched.hours_per_day:
        parts.append(_("{hours} h/day").format(hours=f"{sched.hours_per_day:g}"))
    if sched.times:
        parts.append(", ".join(SCHEDULE_TIMES.labels(sched.times)).lower())
    return " · ".join(parts) or _("Ask the program")


def address_text(program: Program) -> str:
    """Street, city, state and ZIP: where to go, for someone weighing the journey."""
    loc = program.location
    region = " ".join(x for x in (loc.state, loc.zip) if x)
    return ", ".join(x for x in (loc.street, loc.city, region) if x)


def telehealth_text(program: Program) -> str:
    """ "Yes - KY, IN", "Yes", or "" when the listing offers no telehealth."""
    if not program.telehealth:
        return ""
    states = ", ".join(program.telehealth_states) or (program.location.state or "")
    return _("Yes - {states}").format(states=states) if states else _("Yes")


def place_words(program: Program, match: Match | None = None) -> str | None:
    """City and state, with telehealth said; None when the listing gives neither."""
    from iopguide.directory.search import TELEHEALTH

    loc = program.location
    place = ", ".join(x for x in (loc.city, loc.state) if x)
    if match is not None and match.reach == TELEHEALTH:
        ask = _(TELEHEALTH_ASK)
        return f"{place} · {ask}" if place else ask.capitalize()
    if program.telehealth:
        return (
            _("{place} (telehealth too)").format(place=place) if place else _("Offers telehealth")
        )
    return place or None
