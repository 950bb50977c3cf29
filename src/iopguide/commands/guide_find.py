"""The guided flow's search: who the care is for, where, how they would pay, then browsing.

Part of the one guided session (:class:`iopguide.commands.guide._Session` takes these
methods), kept apart because it is its own job: the directory is loaded once per
session, your notes are read when a search starts, and what was shown is recorded for
the summary the person may save. Browsing itself is :mod:`.guide_search`.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iopguide.errors import Interrupted, IopguideError
from iopguide.i18n import _

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from iopguide.commands.guide_search import Browsed
    from iopguide.directory.model import Directory
    from iopguide.directory.notes import Note
    from iopguide.directory.search import Filters

#: The payment question's "not sure" answer.
_SKIP = "__skip__"


class Finding:
    """The search part of a guided session (a mixin: it reads the session's attributes)."""

    # Set by the session: the prompts, the person's result and what they saw.
    asker: Any
    console: Any
    assessment: Any
    searches: list
    shortlist: list
    directory: Path | None
    notes: Path | None
    _loaded: Directory | None
    _select: Callable[[str, list[tuple[str, str]]], str]

    def _offer_find(self) -> None:
        from iopguide.commands.guide_search import GuidedSearch
        from iopguide.directory.search import parse_filters
        from iopguide.vocabulary import LEVELS, PAYMENT

        assert self.assessment is not None
        level = self.assessment.level
        if level not in LEVELS:  # emergency never gets here; be sure anyway
            return
        label = LEVELS.label(level)
        wanted = self._select(
            _("Would you like to look for {level} programs near you?").format(
                level=label[0].lower() + label[1:]
            ),
            [(_("Yes, look for programs"), "yes"), (_("No thanks"), "no")],
        )
        if wanted == "no":
            return

        finder = GuidedSearch(self.asker, self.console, shortlist=self.shortlist)
        finder.notes = self._your_notes()
        who = finder.ask_who()
        zip_code = finder.ask_zip()
        state = finder.ask_state() if zip_code is None else None
        if zip_code is None and state is None:
            from iopguide import crisis
            from iopguide.ui.guide_view import render_note

            render_note(
                self.console,
                _("Without a ZIP code or a state we can't look for programs near you.")
                + " "
                + crisis.REFERRAL_LINE,
            )
            return
        payment = self._select(
            _("How would you pay for treatment?"),
            [(_("Not sure, or skip this"), _SKIP)]
            + [(PAYMENT.label(term.id), term.id) for term in PAYMENT],
        )
        filters = parse_filters(
            conditions=concern_conditions(self.assessment.concerns),
            insurance=None if payment == _SKIP else [payment],
            zip_code=zip_code,
            states=[state] if state else None,
            levels=[level],
            age_groups=[who] if who else None,
        )
        loaded = self._directory()
        if loaded is None:
            return
        for browsed in finder.run(loaded, filters):
            self._record(loaded, browsed)

    def _record(self, loaded: Directory, browsed: Browsed) -> None:
        """Keep what the person saw, for the summary they may save."""
        from iopguide.commands.guide_search import describe_search, shown_program
        from iopguide.directory import provenance
        from iopguide.ui.summary_markdown import ProgramSearch

        filters = browsed.result.filters
        programs = [m.program for m in browsed.shown]
        self.searches.append(
            ProgramSearch(
                description=describe_search(filters),
                programs=tuple(shown_program(match, loaded.info) for match in browsed.shown),
                sample=loaded.info.sample,
                command=find_command(filters, self.directory),
                listed_in=provenance.credit_line(loaded.info, programs),
                zip_code=filters.origin.zip if filters.origin else None,
                confirm=provenance.stale_line(loaded.info, programs),
            )
        )

    def _your_notes(self) -> Mapping[str, Note]:
        """Your notes, read when a search starts; a bad file is explained and left out."""
        from iopguide.directory.notes import load_notes
        from iopguide.ui.messages import show_error

        try:
            return load_notes(self.notes)
        except IopguideError as err:
            if isinstance(err, Interrupted):
                raise
            show_error(err)
            return {}

    def _directory(self) -> Directory | None:
        """The directory, loaded once per session; a broken file is explained, not fatal."""
        if self._loaded is None:
            from iopguide.directory.load import load_directory
            from iopguide.ui.guide_view import render_note
            from iopguide.ui.messages import show_error

            try:
                self._loaded = load_directory(self.directory)
            except IopguideError as err:
                if isinstance(err, Interrupted):
                    raise
                show_error(err)
                render_note(
                    self.console,
                    _(
                        "The program directory could not be read, so we can't search it now. "
                        "Your result above still stands."
                    ),
                )
                return None
        return self._loaded


def concern_conditions(concerns: tuple[str, ...]) -> list[str]:
    """The assessment's concerns as directory conditions; "other" narrows nothing."""
    from iopguide.vocabulary import CONDITIONS

    return [c for c in concerns if c != "other" and c in CONDITIONS]


def find_command(filters: Filters, directory: Path | None) -> str:
    """The same search as an ``iopguide find`` command, to run again later."""
    from iopguide.directory.filter_words import command_words

    parts = ["iopguide", "find", *command_words(filters)]
    if directory is not None:
        parts += ["--directory", shlex.quote(str(directory))]
    parts += ["--limit", "0"]
    return " ".join(parts)
