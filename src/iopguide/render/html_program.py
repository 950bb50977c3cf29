"""Programmes in a handout: one in full (``show``), several side by side (``compare``), notes.

Every value comes from a directory file or a person's note: escaped through
:func:`~iopguide.render.html_page.esc`. Labels are the terminal view's own words.
"""

from __future__ import annotations

from collections.abc import Sequence

from iopguide.directory import fit, provenance
from iopguide.directory.model import DirectoryInfo, Program
from iopguide.directory.notes import Note
from iopguide.i18n import _
from iopguide.render.html_page import esc, tel
from iopguide.text import serves_only_text
from iopguide.ui.program_words import address_text, schedule_text, telehealth_text
from iopguide.vocabulary import (
    ACCREDITATION,
    AGE_GROUPS,
    APPROACHES,
    CONDITIONS,
    LANGUAGES,
    LEVELS,
    PAYMENT,
    SERVICES,
)


def phones(program: Program) -> str:
    contact = program.contact
    shown = [tel(n) for n in dict.fromkeys((contact.phone, contact.intake_phone)) if n]
    return " · ".join(shown) or esc(_("Not listed"))


def program_rows(program: Program, info: DirectoryInfo) -> list[tuple[str, str]]:
    """(label, HTML value) pairs for ``show``'s handout (a value "" when the directory
    says nothing)."""

    def joined(values: Sequence[str]) -> str:
        return esc(", ".join(values))

    rows = [
        (_("Phone"), phones(program)),
        (_("Levels of care"), joined(LEVELS.labels(program.levels))),
        (_("Treats"), joined(CONDITIONS.labels(program.conditions))),
        (_("Payment"), joined(PAYMENT.labels(program.payment))),
        (_("Ages"), joined(AGE_GROUPS.labels(program.ages))),
        (_("Address"), esc(address_text(program))),
        (_("Schedule"), esc(schedule_text(program))),
    ]
    rows.append((_("Telehealth"), esc(telehealth_text(program))))
    rows += [
        (_("Insurance plans"), joined(program.insurance_plans)),
        (_("Languages"), joined(LANGUAGES.labels(program.languages))),
        (_("Services"), joined(SERVICES.labels(program.services))),
        (_("Approaches"), joined(APPROACHES.labels(program.approaches))),
        (_("Accreditation"), joined(ACCREDITATION.labels(program.accreditation))),
        (_("Website"), esc(program.contact.website or "")),
        (_("Notes"), esc(program.notes or "")),
    ]
    only = esc(serves_only_text(program.serves_only))
    rows.insert(0, (_("Only"), f"<strong>{only}</strong>" if only else ""))
    ask = _(
        "Not recorded: SAMHSA's mental-health listings cannot say whether a "
        "facility runs an IOP; its care suggests it may. Call and ask."
    )
    rows.append(("IOP", esc(ask) if fit.may_run_iop(program) else ""))
    rows.append((_("Listed / checked"), esc(provenance.origin_text(program, info))))
    return rows


def call_ahead(info: DirectoryInfo, programs: Sequence[Program]) -> str:
    """ "Listings change: call to confirm" for an old edition, else "Call before you go"."""
    stale = provenance.stale_line(info, list(programs))
    if stale:
        return esc(stale + " " + _("Ask how soon you can start."))
    return esc(_("Call before you go: details change. Ask how soon you can start."))


def note_html(note: Note | None) -> str:
    """A person's own note on a programme, labelled "Your note, DATE", apart from the listing."""
    if note is None:
        return ""
    from iopguide.ui.note_words import note_fields, note_label

    phone = _("Phone")
    parts = [
        f"<li><strong>{esc(label)}:</strong> {tel(text) if label == phone else esc(text)}</li>"
        for label, text in note_fields(note)
    ]
    body = f"<ul>{''.join(parts)}</ul>" if parts else ""
    return f'<div class="note"><p><strong>{esc(note_label(note))}</strong></p>{body}</div>'
