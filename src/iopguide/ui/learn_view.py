"""How ``iopguide learn`` looks: the topic list and one topic, in a calm layout.

Lines are capped at ``PAGE_WIDTH`` columns so a wide projector still reads like
a page; below :data:`TABLE_MIN_WIDTH` tables give way to short stacked sections,
which stay readable in a 40-column window. When stdout is not a terminal the same
page is printed as plain text (no ANSI codes, no trailing padding).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from iopguide.content.levels import BY_INTENSITY, LEVEL_DESCRIPTIONS
from iopguide.content.topics import Topic, levels_markdown
from iopguide.i18n import N_, _
from iopguide.ui.blocks import crisis_footer
from iopguide.ui.console import page_width, print_page

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

TABLE_MIN_WIDTH = 90
LIST_TABLE_MIN_WIDTH = 70
OPEN_HINT = N_("Open a topic with: iopguide learn TOPIC  (add --markdown for a handout)")


def render_topic(
    topic: Topic, console: Console | None = None, *, pause: Callable[[str], None] | None = None
) -> None:
    """Show *topic*: a title rule, the text, and the crisis line at the end.

    With *pause* (the guided flow), a screenful at a time in a terminal.
    """
    from rich.markdown import Markdown
    from rich.rule import Rule
    from rich.text import Text

    console = console or _stdout()
    width = page_width(console)
    page: list[RenderableType] = [Rule(Text(topic.title, style="bold"), align="left"), Text("")]
    parts = topic.body_parts()
    for index, part in enumerate(parts):
        if part.strip():
            page.append(Markdown(part))
        if index < len(parts) - 1:
            if width >= TABLE_MIN_WIDTH:
                page.append(_levels_table())  # its box brings blank lines above and below
            else:
                page += [Text(""), Markdown(levels_markdown("list")), Text("")]
    page += [Text(""), Rule(style="dim"), crisis_footer(width)]
    if pause is not None and console.is_terminal:
        from iopguide.ui.paging import print_paged

        print_paged(console, page, width, pause)
        return
    print_page(console, page, width)


def render_topic_list(topics: Sequence[Topic], console: Console | None = None) -> None:
    """Show every topic: its id (what to type), title and one-line summary."""
    from rich.rule import Rule
    from rich.text import Text

    console = console or _stdout()
    width = page_width(console)
    page: list[RenderableType] = [
        Rule(Text(_("Learn about IOPs"), style="bold"), align="left"),
        Text(""),
    ]
    if width >= LIST_TABLE_MIN_WIDTH:
        from rich import box
        from rich.table import Table

        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        table.add_column(_("Topic"), style="bold", no_wrap=True)
        table.add_column(_("Title"))
        table.add_column(_("What it covers"))
        for topic in topics:
            table.add_row(Text(topic.id), Text(topic.title), Text(topic.summary))
        page.append(table)
    else:
        from rich.padding import Padding

        for topic in topics:
            page.append(Text(topic.id, style="bold"))
            page.append(Padding(Text(topic.title), (0, 0, 0, 2)))
            page.append(Padding(Text(topic.summary, style="dim"), (0, 0, 0, 2)))
    page += [Text(""), Text(_(OPEN_HINT)), Text(""), crisis_footer(width)]
    print_page(console, page, width)


def topic_list_markdown(topics: Iterable[Topic]) -> str:
    """The topic list as Markdown, for a handout or a README."""
    lines = ["# " + _("Learn about intensive outpatient programs (IOPs)"), ""]
    for topic in topics:
        lines.append(f"- `{topic.id}`: **{topic.title}** {topic.summary}")
    lines += [
        "",
        _("Open a topic with `iopguide learn TOPIC`; add `--markdown` for a handout."),
        "",
    ]
    return "\n".join(lines)


# -- helpers --------------------------------------------------------------------------------


def _stdout() -> Console:
    from iopguide.ui.console import stdout_console

    return stdout_console()


def _levels_table() -> RenderableType:
    """The levels side by side, the widest column for who each level is for."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True, pad_edge=False)
    table.add_column(_("Level of care"), ratio=2, style="bold")
    table.add_column(_("Hours"), ratio=2)
    table.add_column(_("Where you live"), ratio=2)
    table.add_column(_("Who it is for"), ratio=4)
    for level_id in BY_INTENSITY:
        level = LEVEL_DESCRIPTIONS[level_id]
        table.add_row(
            Text(level.title), Text(level.hours), Text(level.where_you_live), Text(level.who_for)
        )
    return table
