"""The guided flow's programme search: who the care is for, where, how to pay, then browse.

A person never sees command-line syntax here: results come five at a time as
numbered cards, and one list offers to see a programme in full, to see more,
to see telehealth programmes elsewhere in their state, or to finish. Everything
shown is recorded (with restrictions and where the listing comes from) so the
summary they may save lists exactly what they saw.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from iopguide.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from collections.abc import Mapping

    from rich.console import Console

    from iopguide.directory.model import Directory
    from iopguide.directory.notes import Note
    from iopguide.directory.search import Filters, Match, SearchResult
    from iopguide.ui.prompts import Asker
    from iopguide.ui.summary_markdown import ShownProgram

#: Programmes shown at a time: a few read calmly; "Show more" gives the next few.
SHOWN = 5
WIDER_RADIUS_MILES = 100.0

_SKIP = "__skip__"
_MORE = "__more__"
_TELEHEALTH = "__telehealth__"
_DONE = "__done__"
_ADD = "__add__"
_REVIEW = "__review__"
_BACK = "__back__"

#: Who the care is for -> the age groups searched (the directory's AGE_GROUPS ids).
WHO = (
    (N_("A child (under 13)"), "children"),
    (N_("A teenager (13-17)"), "adolescents"),
    (N_("A young adult (18-25)"), "young_adults"),
    (N_("An adult"), "adults"),
    (N_("An older adult (65 or over)"), "older_adults"),
)


@dataclass
class Browsed:
    """One search as the person saw it: the matches shown, in order."""

    result: SearchResult
    shown: list[Match] = field(default_factory=list)


class GuidedSearch:
    """Ask, search, show and browse; the session keeps what :meth:`run` returns."""

    def __init__(
        self,
        asker: Asker,
        console: Console,
        *,
        shortlist: list[ShownProgram] | None = None,
    ) -> None:
        self.asker = asker
        self.console = console
        #: The session's shortlist, added to in place (kept only in this session).
        self.shortlist: list[ShownProgram] = [] if shortlist is None else shortlist
        self._origin_zip: str | None = None  # where the miles on the shortlist are from
        self.notes: Mapping[str, Note] = {}  # your notes by programme id (the session sets them)

    # -- prompts ------------------------------------------------------------------

    def _select(self, message: str, choices: list[tuple[str, str]]) -> str:
        self.console.print()
        return str(self.asker.select(message, choices))

    def _text(self, message: str, *, instruction: str | None = None) -> str:
        self.console.print()
        return self.asker.text(message, instruction=instruction)

    def _note(self, message: str, style: str = "") -> None:
        from iopguide.ui.guide_view import render_note

        render_note(self.console, message, style=style)

    # -- asking -----------------------------------------------------------------

    def ask_who(self) -> str | None:
        """The age group the care is for, or None when the person skips."""
        picked = self._select(
            _("Who is the care for?"),
            [
                *((_(label), value) for label, value in WHO),
                (_("Rather not say, or skip this"), _SKIP),
            ],
        )
        return None if picked == _SKIP else picked

    def ask_zip(self) -> str | None:
        """A ZIP code iopguide knows, or None when the person skips; kind about mistakes."""
        from iopguide.directory.geo import normalise_zip, zip_centre
        from iopguide.text import clean, shorten

        while True:
            raw = self._text(
                _("Your 5-digit ZIP code, to find programs near you:"),
                instruction=_("(or just press Enter to skip)"),
            ).strip()
            if not raw:
                return None
            zip5 = normalise_zip(raw)
            if zip5 is None:
                shown = shorten(clean(raw), 20)
                self._note(
                    _(
                        '"{text}" doesn\'t look like a ZIP code. Please type the 5 digits, '
                        "like 40202, or just press Enter to skip."
                    ).format(text=shown)
                )
                continue
            if zip_centre(zip5) is None:
                self._note(
                    _(
                        "We couldn't find the ZIP code {zip}. Please check the number, or just "
                        "press Enter to skip."
                    ).format(zip=zip5)
                )
                continue
            return zip5

    def ask_state(self) -> str | None:
        """A state (code or name) instead of a ZIP code; None when the person skips that too."""
        from iopguide.text import clean, shorten
        from iopguide.vocabulary import STATES

        while True:
            raw = self._text(
                _("Which state should we look in? (for example Kentucky or KY)"),
                instruction=_("(or just press Enter to skip)"),
            ).strip()
            if not raw:
                return None
            state = STATES.resolve(raw)
            if state is not None:
                return state
            close = STATES.suggest(raw)
            text = shorten(clean(raw), 30)
            if close:
                note = _(
                    '"{text}" isn\'t a US state we know. Did you mean {state}? Please type '
                    "the state's name or its two letters, or just press Enter to skip."
                ).format(text=text, state=STATES.label(close[0]))
            else:
                note = _(
                    '"{text}" isn\'t a US state we know. Please type '
                    "the state's name or its two letters, or just press Enter to skip."
                ).format(text=text)
            self._note(note)

    # -- searching and browsing -------------------------------------------------------

    def run(self, loaded: Directory, filters: Filters) -> list[Browsed]:
        """Search, show, browse; offer to look further once when nothing is near."""
        searches = [self.browse(loaded, filters)]
        first = searches[0].result
        if first.total == 0 and filters.origin is not None:
            wider = self._select(
                _("Would you like to look further: up to {miles} miles away?").format(
                    miles=f"{WIDER_RADIUS_MILES:.0f}"
                ),
                [(_("Yes, look further"), "yes"), (_("No thanks"), "no")],
            )
            if wider == "yes":
                searches.append(self.browse(loaded, filters.replace(radius=WIDER_RADIUS_MILES)))
        return searches

    def browse(self, loaded: Directory, filters: Filters) -> Browsed:
        """Show the first few, then let the person open one, see more, or finish."""
        from iopguide.directory.search import search
        from iopguide.render.notices import sample_notice
        from iopguide.ui.guide_view import capped_console, render_search_intro
        from iopguide.ui.results_view import render_matches, render_search

        result = search(loaded, filters, self.notes)
        self._origin_zip = filters.origin.zip if filters.origin is not None else None
        render_search_intro(self.console, describe_search(filters) + ".")
        sample_notice(loaded.info)
        console = capped_console(self.console)
        render_search(result, loaded.info, SHOWN, console, commands=False)
        browsed = Browsed(result, list(result.matches[:SHOWN]))
        queue = list(result.matches[SHOWN:])  # still to show, in order
        telehealth = result.telehealth_elsewhere
        while browsed.shown or telehealth:
            room = max(12, min(50, self.console.width - 18))  # "» See 12. " ... " in full"
            choices = [
                (
                    _("See {number}. {name} in full").format(number=number, name=_title(m, room)),
                    str(number - 1),
                )
                for number, m in enumerate(browsed.shown, 1)
            ]
            if queue:
                more = min(SHOWN, len(queue))
                choices.append(
                    (
                        ngettext("Show {count} more", "Show {count} more", more).format(count=more),
                        _MORE,
                    )
                )
            if telehealth:
                choices.append(
                    (
                        ngettext(
                            "Show {count} farther away, by telehealth",
                            "Show {count} farther away, by telehealth",
                            telehealth,
                        ).format(count=telehealth),
                        _TELEHEALTH,
                    )
                )
            if any(m.program.id not in self._listed() for m in browsed.shown):
                choices.append((_("Add a program to your shortlist"), _ADD))
            if self.shortlist:
                count = len(self.shortlist)
                choices.append(
                    (
                        ngettext(
                            "Review your shortlist ({count} program)",
                            "Review your shortlist ({count} programs)",
                            count,
                        ).format(count=count),
                        _REVIEW,
                    )
                )
            choices.append((_("Done looking at programs"), _DONE))
            picked = self._select(_("What would you like to do?"), choices)
            if picked == _DONE:
                break
            if picked == _ADD:
                self._add_to_shortlist(loaded, browsed.shown)
                continue
            if picked == _REVIEW:
                self.review_shortlist(loaded)
                continue
            if picked == _TELEHEALTH:
                telehealth = 0
                queue[:0] = search(loaded, filters.replace(telehealth=True), self.notes).matches
            if picked in (_MORE, _TELEHEALTH):
                page, queue[:SHOWN] = queue[:SHOWN], []
                render_matches(page, loaded.info, console, first=len(browsed.shown) + 1)
                browsed.shown.extend(page)
            else:
                self._show_full(loaded, browsed.shown[int(picked)])
        return browsed

    def _listed(self) -> set[str]:
        return {shown.id for shown in self.shortlist}

    def _add_to_shortlist(self, loaded: Directory, shown: list[Match]) -> None:
        """Ask which shown programme to add; the shortlist lives only in this session."""
        listed = self._listed()
        room = max(12, min(60, self.console.width - 10))  # "» 12. " before the name
        choices = [
            (f"{number}. {_title(m, room)}", str(number - 1))
            for number, m in enumerate(shown, 1)
            if m.program.id not in listed
        ]
        picked = self._select(
            _("Which program would you like to add to your shortlist?"),
            [*choices, (_("None, go back"), _BACK)],
        )
        if picked == _BACK:
            return
        match = shown[int(picked)]
        self.shortlist.append(shown_program(match, loaded.info))
        from iopguide.text import clean

        self._note(
            _("{name} is on your shortlist. It goes into the summary if you save one.").format(
                name=clean(match.program.name)
            )
        )

    def review_shortlist(self, loaded: Directory) -> None:
        """The shortlist side by side, as ``iopguide compare`` shows it."""
        from iopguide.app.results import CompareReport
        from iopguide.ui.compare_view import render_compare

        found = [(loaded.get(s.id), s) for s in self.shortlist]
        kept = [(program, s) for program, s in found if program is not None]
        report = CompareReport(
            programs=tuple(program for program, _s in kept),
            info=loaded.info,
            distances=tuple(s.distance_miles for _p, s in kept),
            origin_zip=self._origin_zip,
        )
        render_compare(report, self.console, ids=False)

    def _show_full(self, loaded: Directory, match: Match) -> None:
        from iopguide.ui.guide_view import capped_console
        from iopguide.ui.results_view import render_program

        render_program(
            match.program,
            loaded.info,
            capped_console(self.console),
            match=match,
            commands=False,
            note=match.note,
        )


def _title(match: Match, room: int) -> str:
    """The programme's name, cut to *room* characters so the choice fits on one line."""
    from iopguide.text import clean, shorten

    return shorten(clean(match.program.name), room)


def describe_search(filters: Filters) -> str:
    """The search in words: "IOP programs within 25 miles of ZIP 40202 that treat ..."."""
    from iopguide.directory.filter_words import describe

    return describe(filters)


def shown_program(match: Match, info) -> ShownProgram:
    """What the summary keeps of a programme shown: enough to call it, and its limits."""
    from iopguide.directory import provenance
    from iopguide.ui.program_words import place_words
    from iopguide.ui.summary_markdown import ShownProgram

    program = match.program
    return ShownProgram(
        id=program.id,
        name=program.name,
        phone=program.contact.phone or program.contact.intake_phone,
        place=place_words(program, match),
        distance_miles=match.distance_miles,
        serves_only=program.serves_only,
        listed=provenance.origin_text(program, info),
        may_run_iop=match.level_match == "ask",
    )
