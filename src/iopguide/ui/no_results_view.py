"""What a search with no results says: which filter ruled out the most, and what to widen."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from iopguide import crisis
from iopguide.directory.search import Blocker, SearchResult
from iopguide.i18n import _, ngettext


def no_results(result: SearchResult, *, commands: bool = True) -> list[RenderableType]:
    lines: list[RenderableType] = [
        Text(_("No programs matched all of your filters."), style="bold")
    ]
    if result.blockers and commands:
        top = result.blockers[0]
        lines.append(
            Text(
                ngettext(
                    "The filter that ruled out the most was {filter} "
                    "({removed} of {searched} program).",
                    "The filter that ruled out the most was {filter} "
                    "({removed} of {searched} programs).",
                    result.searched,
                ).format(filter=top.filter, removed=top.removed, searched=result.searched)
            )
        )
        for blocker in _widening_order(result)[:2]:
            count = blocker.without_it
            line = ngettext(
                "Without {filter}: {count} program would match.",
                "Without {filter}: {count} programs would match.",
                count,
            ).format(filter=blocker.filter, count=count)
            lines.append(Text("  " + line))
        lines.append(Text(_widen_hint(result), style="cyan"))
    lines.append(Text(crisis.REFERRAL_LINE))
    return lines


#: Where the person is, is not something to "widen" first: suggest other filters before these.
_LOCATION_FLAGS = frozenset({"--zip/--radius", "--state", "--city"})


def _widening_order(result: SearchResult) -> list[Blocker]:
    """Filters whose removal alone would give results, non-location ones first."""
    helpful = [b for b in result.blockers if b.without_it > 0]
    return sorted(helpful, key=lambda b: (b.filter in _LOCATION_FLAGS, -b.without_it))


def _widen_hint(result: SearchResult) -> str:
    order = _widening_order(result)
    flag = (order[0] if order else result.blockers[0]).filter
    hints = {
        "--zip/--radius": _("Try a larger --radius, for example --radius 100."),
        "--level": _("Try --level any: a program at another level can refer you on."),
        "--insurance": _("Try without --insurance, then ask programs and your insurer."),
        "--condition": _("Try a broader --condition, such as mental_health or substance_use."),
        "--schedule": _("Try without --schedule: ask programs about evening or weekend groups."),
        "--state": _("Try a neighboring state (telehealth programs serving yours are included)."),
    }
    return hints.get(flag) or _("Try widening or dropping {flag}.").format(flag=flag)
