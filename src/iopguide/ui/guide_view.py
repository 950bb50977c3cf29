"""What the guided flow (``iopguide`` with no command) says between the existing views.

The welcome, the crisis lines on their own, short notes between steps, and the
closing. Lines are capped at ``PAGE_WIDTH`` so a projector reads like a page,
and everything stacks for a 40-column window. ``plain`` drops colour and
emphasis (``IOPGUIDE_PLAIN=1``); rich honours ``NO_COLOR`` by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from iopguide import crisis
from iopguide.i18n import _
from iopguide.ui.blocks import bullets, crisis_footer
from iopguide.ui.console import fill, is_plain, make_console, page_width
from iopguide.ui.pipe_width import PAGE_WIDTH

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def usage() -> str:
    """What ``iopguide`` says when there is no terminal for the guided flow."""
    commands = (
        ("iopguide assess --answers FILE", _("the self-assessment from a YAML or JSON file")),
        ("iopguide find --zip 40202", _("find programs (iopguide find --help)")),
        ("iopguide learn", _("read about IOPs")),
        ("iopguide --help", _("every command")),
    )
    return (
        _("iopguide: a calm guide to Intensive Outpatient Programs (IOPs).")
        + "\n\n"
        + _("The guided flow asks questions, so it needs a terminal. Without one, use:")
        + "\n"
        + "".join(f"  {command:<33}{what}\n" for command, what in commands)
        + "\n"
        + crisis.FOOTER
    )


def capped_console(console: Console) -> Console:
    """A console like *console* but at most ``PAGE_WIDTH`` wide, for views that fill it."""
    if console.width <= PAGE_WIDTH:
        return console
    return make_console(
        file=console.file,
        width=PAGE_WIDTH,
        color_system=console.color_system,  # type: ignore[arg-type]
        force_terminal=console.is_terminal,
        no_color=console.no_color,
    )


def _print(console: Console, page: Sequence[RenderableType]) -> None:
    width = page_width(console)
    for renderable in page:
        console.print(renderable, width=width)


def _style(plain: bool, name: str) -> str:
    return "" if plain else name


def render_welcome(console: Console, *, plain: bool | None = None) -> None:
    from rich.text import Text

    from iopguide.assessment.questions import question_count

    plain = is_plain(console) if plain is None else plain

    _print(
        console,
        [
            Text(""),
            Text(_("Welcome to iopguide"), style=_style(plain, "bold")),
            Text(""),
            Text(
                _(
                    "This is a short guide to whether an Intensive Outpatient Program (IOP) "
                    "could fit you right now: {count} questions, about 2 minutes. Afterwards you "
                    "can read more and look for programs near you."
                ).format(count=question_count())
            ),
            Text(""),
            bullets(
                [
                    _("Your answers stay on this computer. Nothing is saved unless you ask."),
                    _("It is a guide, not a diagnosis."),
                    _("You can stop at any time with Ctrl-C."),
                ]
            ),
            Text(""),
            crisis_footer(page_width(console), plain=plain),
        ],
    )


def render_crisis_lines(console: Console, *, plain: bool | None = None) -> None:
    """988 and 911 again, in the same "Get help now" panel the emergency result opens with."""
    from rich.text import Text

    from iopguide.ui.assessment_view import crisis_panel

    plain = is_plain(console) if plain is None else plain

    _print(console, [Text(""), crisis_panel(plain)])


def render_note(
    console: Console, message: str, *, plain: bool | None = None, style: str = ""
) -> None:
    """One short paragraph between steps, with a blank line above it."""
    from rich.text import Text

    plain = is_plain(console) if plain is None else plain

    _print(console, [Text(""), Text(message, style=_style(plain, style))])


def render_search_intro(console: Console, description: str, *, plain: bool | None = None) -> None:
    from rich.text import Text

    plain = is_plain(console) if plain is None else plain

    _print(
        console,
        [
            Text(""),
            Text(_("Looking for programs"), style=_style(plain, "bold")),
            Text(description),
            Text(""),
        ],
    )


def render_closing(
    console: Console,
    next_steps: Sequence[str],
    *,
    plain: bool | None = None,
    saved_to: str | None = None,
) -> None:
    """A calm end: the first next steps again, that they can come back, the crisis line."""
    from rich.text import Text

    plain = is_plain(console) if plain is None else plain

    page: list[RenderableType] = [
        Text(""),
        Text(_("Thank you for taking the time."), style=_style(plain, "bold")),
        Text(""),
    ]
    if next_steps:
        page += [Text(_("What you could do next:")), bullets(next_steps[:2]), Text("")]
    if saved_to is None:
        kept = Text(_("Nothing from today was kept. You can run iopguide again whenever you like."))
    else:
        from iopguide.ui.console import data_text

        kept = fill(
            _(
                "Your summary is in {path}. Nothing else was kept. "
                "You can run iopguide again whenever you like."
            ),
            path=data_text(saved_to),
        )
    page += [
        kept,
        Text(""),
        crisis_footer(page_width(console), plain=plain),
    ]
    _print(console, page)


def render_emergency_closing(console: Console, *, plain: bool | None = None) -> None:
    from rich.text import Text

    plain = is_plain(console) if plain is None else plain

    lifeline = crisis.LIFELINE_988
    _print(
        console,
        [
            Text(""),
            Text(_("Please reach out now."), style=_style(plain, "bold")),
            Text(
                _(
                    "{lifeline}: the line is free and open day and night. If you or "
                    "someone else is in immediate danger, call 911."
                ).format(lifeline=lifeline.how)
            ),
            Text(_("You don't have to go through this alone.")),
            Text(""),
        ],
    )


def render_not_now(console: Console, *, plain: bool | None = None) -> None:
    from rich.text import Text

    plain = is_plain(console) if plain is None else plain

    _print(
        console,
        [
            Text(""),
            Text(_("That's fine. You can come back whenever you like: just run iopguide.")),
            crisis_footer(page_width(console), plain=plain),
            Text(""),
        ],
    )


def render_saved(console: Console, path: str, *, plain: bool | None = None) -> None:
    from rich.text import Text

    from iopguide.ui.console import data_text

    plain = is_plain(console) if plain is None else plain

    line = fill(_("Saved your summary to {path}"), path=data_text(path, _style(plain, "bold")))
    _print(
        console,
        [
            Text(""),
            line,
            Text(
                _(
                    "Only your user account on this computer can open it. It holds your "
                    "answers, so keep it somewhere private, or delete it when you no longer "
                    "need it."
                )
            ),
        ],
    )
