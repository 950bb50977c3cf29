"""How the standard check-ins look: the list, the questions and a score.

A result whose safety item is flagged (PHQ-9 item 9 above 0) opens with the
crisis lines and "please talk to someone today", before the score.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from iopguide import crisis
from iopguide.assessment import screening
from iopguide.assessment.screening import Instrument, ScreenResult, all_instruments
from iopguide.i18n import _
from iopguide.ui.console import is_plain, page_width, print_page

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from iopguide.ui.prompts import Asker


def render_list(console: Console, *, plain: bool | None = None) -> None:
    from rich.text import Text

    plain = is_plain(console) if plain is None else plain

    bold = "" if plain else "bold"
    page: list[RenderableType] = [
        Text(_("Standard check-ins"), style=bold),
        Text(
            _(
                "Short questionnaires that clinicians use. Your answers stay on this computer. "
                "A score is not a diagnosis: bring it to your clinician."
            )
        ),
        Text(""),
    ]
    for instrument in all_instruments():
        page.append(Text(f"{instrument.id}  {instrument.name}", style=bold))
        page.append(Text(f"  {instrument.about}"))
        page.append(
            Text(
                "  " + _("Try it: iopguide screen {id}").format(id=instrument.id),
                style="" if plain else "dim",
            )
        )
    page += [
        Text(""),
        Text(
            _("Left out on purpose (their licences do not allow it): {names}.").format(
                names=", ".join(screening.LEFT_OUT)
            )
        ),
        Text(_("Sources and licences: iopguide screen NAME --json, or docs/instruments.md.")),
        Text(""),
        Text(crisis.FOOTER, style=bold),
    ]
    print_page(console, page, page_width(console))


def render_intro(console: Console, *, plain: bool | None = None) -> None:
    """Before a check-in taken on its own: privacy, what a score is, and the crisis lines
    (PHQ-9 asks about thoughts of self-harm; help must be on screen before it does)."""
    from rich.text import Text

    plain = is_plain(console) if plain is None else plain

    console.print(
        Text(
            _(
                "Your answers stay on this computer; nothing is saved or sent. A score is not a "
                "diagnosis. Press Ctrl-C to stop at any time."
            )
        )
    )
    console.print(Text(crisis.FOOTER, style="" if plain else "bold"))
    console.print()


def ask_items(instrument: Instrument, given: dict[str, int], asker: Asker) -> dict[str, int]:
    """Ask each item not in *given*, in order; Ctrl-C anywhere is Interrupted (exit 130)."""
    from rich.text import Text

    points = dict(given)
    dim = "" if asker.plain else "dim"
    asker.say(Text(instrument.title, style="" if asker.plain else "bold"))
    if instrument.note:
        asker.say(Text(instrument.note))
    total = len(instrument.items)
    for item in instrument.items:
        if item.key in points:
            continue
        asker.say()
        asker.say(
            Text(
                _("Question {position} of {total}").format(position=item.number, total=total),
                style=dim,
            )
        )
        if instrument.stem:
            asker.say(Text(instrument.stem, style=dim))
        choices = [(option.label, option.points) for option in item.options]
        points[item.key] = int(asker.select(item.text, choices))
    return points


def build_result(result: ScreenResult, *, plain: bool) -> list[RenderableType]:
    from rich.text import Text

    from iopguide.ui.assessment_view import crisis_panel
    from iopguide.ui.blocks import bullets

    bold = "" if plain else "bold"
    page: list[RenderableType] = [Text("")]
    if result.safety_flagged:
        page += [crisis_panel(plain), Text(screening.SAFETY_MESSAGE, style=bold), Text("")]
    page.append(
        Text(
            _("{name}: {score} of {max_score}").format(
                name=result.name, score=result.score, max_score=result.max_score
            ),
            style=bold,
        )
    )
    page.append(Text(_("Range: {band}.").format(band=result.band)))
    if result.cutoffs:
        page.append(Text(result.cutoffs))
    page.append(Text(""))
    page.append(Text(_("Your answers"), style=bold))
    page.append(
        bullets(
            f"{item.text}{' ' if item.text.endswith('?') else ': '}"
            f"{item.option(points).label} ({points})"
            for item, points in result.items
        )
    )
    page.append(Text(""))
    if result.note:
        page += [Text(result.note), Text("")]
    page.append(Text(screening.DISCLAIMER, style="" if plain else "italic"))
    dim = "" if plain else "dim"
    page.append(Text(_("Source: {source}").format(source=result.source), style=dim))
    page.append(Text(_("Licence: {licence}").format(licence=result.licence), style=dim))
    page.append(Text(""))
    page.append(Text(crisis.FOOTER, style=bold))
    return page


def render_score_line(result: ScreenResult, console: Console, *, plain: bool | None = None) -> None:
    """The score in one line (the guided flow); a flagged safety item opens with 988."""
    from rich.text import Text

    from iopguide.ui.assessment_view import crisis_panel

    plain = is_plain(console) if plain is None else plain

    page: list[RenderableType] = [Text("")]
    if result.safety_flagged:
        page += [crisis_panel(plain), Text(screening.SAFETY_MESSAGE, style="" if plain else "bold")]
    page.append(
        Text(
            _("{name}: {score} of {max_score}, {band}.").format(
                name=result.name, score=result.score, max_score=result.max_score, band=result.band
            )
        )
    )
    print_page(console, page, page_width(console))


def render_result(
    result: ScreenResult,
    console: Console,
    *,
    plain: bool | None = None,
    pause: Callable[[str], None] | None = None,
) -> None:
    """The result; with *pause* (a terminal), a screenful at a time so its opening stays."""
    from iopguide.ui.paging import print_paged

    plain = is_plain(console) if plain is None else plain
    width = page_width(console)
    page = build_result(result, plain=plain)
    if pause is not None and console.is_terminal:
        print_paged(console, page, width, pause)
    else:
        print_page(console, page, width)
