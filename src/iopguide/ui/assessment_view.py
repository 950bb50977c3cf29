"""How an assessment result looks in a terminal: calm, in the order a person needs it.

For an emergency the crisis lines come FIRST, in a panel that cannot be missed.
Then: the level, a short summary, why (the answers that led here), what to keep
in mind, what care at that level looks like, next steps, the disclaimer and the
crisis line. Lines are capped at ``PAGE_WIDTH`` columns so a projector still
reads like a page; every part stacks, so 40 columns works too. With
``IOPGUIDE_PLAIN=1`` there are no boxes or colour, for screen readers.

In a terminal the page is shown a screenful at a time
(:func:`iopguide.ui.paging.print_paged`):
the headline (title, summary, why) comes first and stays on screen until the
person asks for more, at 80x24 and at 40x24 alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from iopguide import crisis
from iopguide.assessment.rules import Assessment
from iopguide.i18n import _
from iopguide.ui.blocks import bullets, crisis_footer
from iopguide.ui.console import page_width, print_page
from iopguide.ui.pipe_width import PAGE_WIDTH

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def render_assessment(
    assessment: Assessment,
    console: Console | None = None,
    *,
    plain: bool | None = None,
    pause: Callable[[str], None] | None = None,
) -> None:
    """Print *assessment* on *console* (stdout by default).

    With *pause* (interactive use), a page taller than the terminal is shown a
    screenful at a time, calling *pause* between screenfuls.
    """
    if console is None:
        from iopguide.ui.console import stdout_console

        console = stdout_console()
    if plain is None:
        from iopguide.ui.console import is_plain

        plain = is_plain(console)
    width = page_width(console)
    page = build_page(assessment, plain=plain, width=width)
    if pause is not None and console.is_terminal:
        from iopguide.ui.paging import print_paged

        print_paged(console, page, width, pause)
    else:
        print_page(console, page, width)


def build_page(assessment: Assessment, *, plain: bool = False, width: int = PAGE_WIDTH) -> list:
    """The result as a list of rich renderables, top to bottom."""
    from rich.text import Text

    def style(name: str) -> str:
        return "" if plain else name

    page: list[RenderableType] = [Text("")]
    if assessment.level == "emergency":
        page += [crisis_panel(plain), Text("")]
    page.append(Text(assessment.title, style=style("bold")))
    page.append(Text(assessment.summary))
    page.append(Text(""))

    if assessment.reasons:
        page += _section(_("Why"), [r.text for r in assessment.reasons], plain=plain)
    if assessment.caveats:
        page += _section(_("Keep in mind"), assessment.caveats, plain=plain)
    if assessment.level != "emergency":  # the panel above already says it, and shorter
        page += _looks_like(assessment, plain=plain)
    if assessment.next_steps:
        page += _section(_("Next steps"), assessment.next_steps, plain=plain, numbered=True)
    if assessment.level != "emergency":
        page += [Text(crisis.REFERRAL_LINE), Text("")]
    page.append(Text(assessment.disclaimer, style=style("italic")))
    page.append(crisis_footer(width, plain=plain))
    return page


def crisis_panel(plain: bool) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    lines: list[RenderableType] = []
    for index, line in enumerate(crisis.CRISIS_LINES):
        if index:
            lines.append(Text(""))
        lines.append(Text(line.how, style="" if plain else "bold"))
        lines.append(Text(f"{line.name}. {line.notes}"))
    if plain:
        return Group(Text(_("GET HELP NOW")), *lines)
    return Panel(
        Group(*lines),
        title=Text(_("Get help now"), style="bold"),
        title_align="left",
        border_style="bold red",
        padding=(0, 1),
    )


def _section(
    heading: str, items: Sequence[str], *, plain: bool, numbered: bool = False
) -> list[RenderableType]:
    from rich.text import Text

    return [
        Text(heading, style="" if plain else "bold"),
        bullets(items, numbered=numbered),
        Text(""),
    ]


def _looks_like(assessment: Assessment, *, plain: bool) -> list[RenderableType]:
    from rich.text import Text

    looks = assessment.what_it_looks_like
    if not looks:
        return []
    bold = "" if plain else "bold"
    out: list[RenderableType] = [
        Text(_("What it looks like: {title}").format(title=looks.get("title", "")), style=bold)
    ]
    from rich.table import Table

    facts = Table.grid(padding=(0, 1))
    facts.add_column(no_wrap=True, style=bold)
    facts.add_column(ratio=1)
    for label, key in ((_("How much:"), "hours"), (_("Where you live:"), "where_you_live")):
        if looks.get(key):
            facts.add_row(Text(label), Text(str(looks[key])))
    out.append(_indent(facts))
    components = looks.get("components") or []
    if components:
        out.append(Text("  " + _("What it usually includes:")))
        out.append(_indent(bullets(components)))
    out.append(Text(""))
    return out


def _indent(renderable: RenderableType) -> RenderableType:
    from rich.padding import Padding

    return Padding(renderable, (0, 0, 0, 2))
