"""The guided session's handout: the level and why, the programmes to call, what to ask,
and a call log to fill in by hand. One or two printed pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from iopguide.assessment.steps import steps_for_people
from iopguide.i18n import _, ngettext
from iopguide.render.html_page import esc, facts, heading, items, section, tel
from iopguide.render.html_text import inline, topic_questions

if TYPE_CHECKING:
    from iopguide.app.results import SessionSummary
    from iopguide.assessment.rules import Assessment
    from iopguide.ui.summary_markdown import ShownProgram

#: At most this many programmes on the handout, so it prints on two pages.
MOST_PROGRAMS = 6
#: Empty rows in the call log, besides one row per programme.
BLANK_LOG_ROWS = 3


def result_html(assessment: Assessment, *, level: int = 3) -> str:
    """The level, why, what to keep in mind, what that care looks like, next steps;
    their headings at *level*."""
    from iopguide.vocabulary import LEVELS

    out = []
    if assessment.level in LEVELS:
        label = f"<strong>{esc(LEVELS.label(assessment.level))}</strong>"
        out.append("<p>" + esc(_("Level of care: {level}")).format(level=label) + "</p>")
    out.append(f"<p>{esc(assessment.summary)}</p>")
    out.append(section(_("Why"), items(r.text for r in assessment.reasons), level=level))
    out.append(section(_("Keep in mind"), items(assessment.caveats), level=level))
    out.append(looks_like(assessment.what_it_looks_like, level=level))
    steps = items(assessment.next_steps, numbered=True)
    out.append(section(_("Next steps"), steps, level=level))
    return "".join(out)


def looks_like(looks: dict, *, level: int) -> str:
    if not looks or not looks.get("title"):
        return ""
    rows = [
        (label, esc(looks.get(key) or ""))
        for label, key in ((_("How much:"), "hours"), (_("Where you live:"), "where_you_live"))
    ]
    rows.append((_("What it usually includes:"), items(looks.get("components") or [])))
    heading = _("What it looks like: {title}").format(title=looks["title"])
    shown = facts([(label.rstrip(":"), value) for label, value in rows])
    return section(heading, shown, level=level)


def summary_programs(summary: SessionSummary) -> tuple[ShownProgram, ...]:
    """The shortlist; without one, every programme shown in the searches (each once)."""
    if summary.shortlist:
        return tuple(summary.shortlist)
    seen: dict[str, ShownProgram] = {}
    for search in summary.searches:
        for program in search.programs:
            seen.setdefault(program.id, program)
    return tuple(seen.values())


def shown_program(program: ShownProgram) -> str:
    details = []
    if program.phone:
        label = esc(_("Phone"))
        details.append(f"<strong>{label}:</strong> {tel(program.phone)}")
    if program.place:
        details.append(esc(program.place))
    if program.distance_miles is not None:
        details.append(esc(_("{miles} miles").format(miles=f"{program.distance_miles:.1f}")))
    if program.may_run_iop:
        details.append(esc(_("may run an IOP: ask")))
    if program.serves_only:
        from iopguide.ui.summary_markdown import md_escape

        only = md_escape("; ".join(program.serves_only))
        details.append(inline(_("**only:** {groups}").format(groups=only)))
    if program.listed:
        details.append(f'<span class="muted">{esc(program.listed)}</span>')
    return f'<div class="program"><h3>{esc(program.name)}</h3><p>{" · ".join(details)}</p></div>'


def call_log(programs: Sequence[ShownProgram]) -> str:
    """A table to fill in by hand: one row per programme, and a few blank ones."""
    heads = (_("Program"), _("Date"), _("Who answered"), _("Wait"), _("Cost"), _("Next step"))
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in heads)
    names = [esc(p.name) for p in programs] + [""] * BLANK_LOG_ROWS
    rows = "".join(f"<tr><td>{name}</td>" + "<td></td>" * 5 + "</tr>" for name in names)
    cols = '<colgroup><col class="who">' + "<col>" * (len(heads) - 1) + "</colgroup>"
    return f'<table class="log">{cols}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def questions_html() -> str:
    """The questions to ask a programme, from the learn topic ``finding-a-program``."""
    listed = items((inline(q) for q in topic_questions()), raw=True)
    return section(_("What to ask when you call"), listed)


def summary_body(summary: SessionSummary) -> str:
    """Everything below the crisis lines."""
    from iopguide.render.html_page import sample_warning

    assessment = summary.assessment
    today = summary.today.isoformat() if summary.today else ""
    out = [heading(_("My iopguide summary"), 1)]
    if today:
        made = _(
            "Made on {date} with iopguide, a guide to intensive outpatient programs (IOPs)."
        ).format(date=today)
        out.append(f'<p class="muted">{esc(made)}</p>')
    out.append(heading(_("Result: {title}").format(title=assessment.title)))
    steps = list(steps_for_people(assessment.next_steps))
    out.append(result_html(_with_steps(assessment, steps)))

    programs = summary_programs(summary)
    if programs:
        out.append(heading(_("Programs to call")))
        if any(search.sample for search in summary.searches):
            out.append(sample_warning())
        out += [shown_program(p) for p in programs[:MOST_PROGRAMS]]
        left = len(programs) - MOST_PROGRAMS
        if left > 0:
            more = ngettext(
                "And {count} more program you were shown.",
                "And {count} more programs you were shown.",
                left,
            ).format(count=left)
            out.append(f'<p class="muted">{esc(more)}</p>')
        credits = dict.fromkeys(s.listed_in for s in summary.searches if s.listed_in and s.programs)
        out += [f'<p class="muted">{esc(c)}</p>' for c in credits]
    elif summary.searches:  # searched, found nothing: say what, and where to turn
        from iopguide import crisis

        out.append(heading(_("Programs to call")))
        for search in summary.searches:
            said = _("Searched for: {search}.").format(search=search.description)
            out.append(f"<p>{esc(said)} {esc(_('No programs matched.'))}</p>")
        out.append(f"<p>{esc(crisis.REFERRAL_LINE)}</p>")
    out.append(questions_html())
    out.append(heading(_("Call log")))
    hint = _("Write down each call: it makes comparing programs easier.")
    out.append(f'<p class="muted">{esc(hint)}</p>')
    out.append(call_log(programs[:MOST_PROGRAMS]))
    return "\n".join(out)


def _with_steps(assessment: Assessment, steps: list[str]) -> Assessment:
    from dataclasses import replace

    return replace(assessment, next_steps=tuple(steps))
