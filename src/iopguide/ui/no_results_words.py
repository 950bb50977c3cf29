"""What a search with no results says: which filter ruled out the most, and what to widen.

Lines of (text, rich style), shown by results_view and by the plain writer (no rich).
"""

from __future__ import annotations

from iopguide import crisis
from iopguide.directory.filter_table import BY_ID
from iopguide.directory.filter_words import advice
from iopguide.i18n import _, ngettext

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from iopguide.directory.search import Blocker, SearchResult


def no_results(result: SearchResult, *, commands: bool = True) -> list[tuple[str, str]]:
    lines = [(_("No programs matched all of your filters."), "bold")]
    if result.blockers and commands:
        top = result.blockers[0]
        lines.append(
            (
                ngettext(
                    "The filter that ruled out the most was {filter} "
                    "({removed} of {searched} program).",
                    "The filter that ruled out the most was {filter} "
                    "({removed} of {searched} programs).",
                    result.searched,
                ).format(
                    filter=BY_ID[top.filter].label, removed=top.removed, searched=result.searched
                ),
                "",
            )
        )
        for blocker in _widening_order(result)[:2]:
            count = blocker.without_it
            line = ngettext(
                "Without {filter}: {count} program would match.",
                "Without {filter}: {count} programs would match.",
                count,
            ).format(filter=BY_ID[blocker.filter].label, count=count)
            lines.append(("  " + line, ""))
        lines.append((_widen_hint(result), "cyan"))
    lines.append((crisis.REFERRAL_LINE, ""))
    return lines


def _widening_order(result: SearchResult) -> list[Blocker]:
    """Filters whose removal alone would give results; where the person is, last."""
    helpful = [b for b in result.blockers if b.without_it > 0]
    return sorted(helpful, key=lambda b: (BY_ID[b.filter].location, -b.without_it))


def _widen_hint(result: SearchResult) -> str:
    order = _widening_order(result)
    return advice((order[0] if order else result.blockers[0]).filter)
