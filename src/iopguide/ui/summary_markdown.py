"""A summary of one guided session as Markdown, for the person to keep (only when they ask).

Plain values in, a string out: the command decides where (and whether) it is
written. Program names, phones and ids come from a directory file, which is
untrusted, so they are cleaned of control characters and Markdown-escaped: a
name like ``[Call me](http://x)`` stays text in any Markdown viewer.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from iopguide import crisis
from iopguide.assessment.questions import load_questions
from iopguide.assessment.rules import Assessment
from iopguide.i18n import _
from iopguide.text import clean, serves_only_text

#: Characters that could start emphasis, a link, HTML or a table cell inside a line.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


@dataclass(frozen=True)
class ShownProgram:
    """One program the person was shown: enough to call it and to look it up again."""

    id: str
    name: str
    phone: str | None = None
    place: str | None = None
    distance_miles: float | None = None
    serves_only: tuple[str, ...] = ()  # restrictions, as shown with the programme
    listed: str | None = None  # "Listed in SAMHSA's National Directory, 2022 edition"
    may_run_iop: bool = False  # found as "may run an IOP: ask", not listed as one


@dataclass(frozen=True)
class ProgramSearch:
    """What was searched for, and the programs shown (in the order shown)."""

    description: str  # e.g. "IOP near ZIP 40202, for depression or anxiety, Medicaid"
    programs: tuple[ShownProgram, ...] = ()
    sample: bool = False  # the built-in directory of fictional programs
    command: str = ""  # the same search as an iopguide command, to run again later
    listed_in: str | None = None  # the credit: where the listings come from
    confirm: str | None = None  # "Listings change: call to confirm ..." for an old edition
    zip_code: str | None = None  # where the person searched


def default_file_name(today: _dt.date, suffix: str = ".md") -> str:
    return f"iopguide-summary-{today.isoformat()}{suffix}"


def md_escape(value: object) -> str:
    """Untrusted text as literal Markdown text on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", clean(value).strip())


def build_summary(
    assessment: Assessment,
    *,
    searches: Sequence[ProgramSearch] = (),
    today: _dt.date,
    shortlist: Sequence[ShownProgram] = (),
) -> str:
    """The session as a Markdown document: result, answers, programs, crisis lines, date."""
    from iopguide.vocabulary import LEVELS

    out: list[str] = [
        "# " + _("My iopguide summary"),
        "",
        _("Made on {date} with iopguide, a guide to intensive outpatient programs (IOPs).").format(
            date=today.isoformat()
        ),
        "",
        f"> {assessment.disclaimer}",
        ">",
        f"> **{crisis.FOOTER}**",
        "",
        "## " + _("Result: {title}").format(title=assessment.title),
        "",
    ]
    if assessment.level in LEVELS:
        out += [
            _("Level of care: {level}").format(level=f"**{LEVELS.label(assessment.level)}**"),
            "",
        ]
    out += [assessment.summary, ""]
    out += _bullets(_("Why"), [r.text for r in assessment.reasons])
    out += _bullets(_("Keep in mind"), assessment.caveats)
    out += _looks_like(assessment.what_it_looks_like)
    out += _bullets(_("Next steps"), assessment.next_steps, numbered=True)

    out += ["## " + _("My answers"), ""]
    for question in load_questions():
        value = assessment.answers.get(question.id)
        if value is None:
            continue
        label = question.label(tuple(value) if isinstance(value, list) else value)
        colon = "" if question.short.endswith("?") else ":"
        out.append(f"- **{question.short}{colon}** {label}")
    out.append("")

    for search in searches:
        out += _programs(search)
    out += _shortlist(shortlist)

    out += ["## " + _("Help at any time"), ""]
    for line in crisis.ALL_LINES:
        out.append(f"- **{line.name}:** {line.how}. {line.notes}")
    out += [
        "",
        "---",
        "",
        f"_{assessment.disclaimer}_ " + _("Saved on {date}.").format(date=today.isoformat()),
        "",
    ]
    return "\n".join(out)


def _bullets(heading: str, items: Sequence[str], *, numbered: bool = False) -> list[str]:
    if not items:
        return []
    lines = [f"### {heading}", ""]
    for index, item in enumerate(items, start=1):
        lines.append(f"{index}. {item}" if numbered else f"- {item}")
    return [*lines, ""]


def _looks_like(looks: dict) -> list[str]:
    if not looks or not looks.get("title"):
        return []
    lines = ["### " + _("What it looks like: {title}").format(title=looks["title"]), ""]
    for label, key in ((_("How much:"), "hours"), (_("Where you live:"), "where_you_live")):
        if looks.get(key):
            lines.append(f"- **{label}** {looks[key]}")
    components = looks.get("components") or []
    if components:
        lines.append(f"- **{_('What it usually includes:')}** " + "; ".join(components))
    return [*lines, ""]


def _programs(search: ProgramSearch) -> list[str]:
    lines = [
        "## " + _("Programs I was shown"),
        "",
        _("Searched for: {search}.").format(search=search.description),
        "",
    ]
    if search.sample:
        lines += [
            _(
                "**These are SAMPLE programs: made up for demonstrations, with made-up phone "
                "numbers. Do not call them.** For real listings, see FindTreatment.gov or call "
                "the SAMHSA National Helpline below."
            ),
            "",
        ]
    if not search.programs:
        lines += [_("No programs matched."), ""]
    for number, program in enumerate(search.programs, start=1):
        lines.append(_program_line(number, program))
    if search.programs:
        if search.listed_in:
            lines += ["", md_escape(search.listed_in)]
        if search.confirm:  # says "call to confirm" itself
            lines += ["", md_escape(search.confirm) + " " + _("Ask how soon you can start.")]
        else:
            lines += ["", _("Call before you go: details change. Ask how soon you can start.")]
        if search.command:
            command = search.command.replace("`", "")
            lines += ["", _("See them again: {command}").format(command=f"`{command}`")]
    return [*lines, ""]


def _program_line(number: int, program: ShownProgram) -> str:
    """One programme on one line: name, phone, place, miles, limits and id, all escaped."""
    parts = [f"{number}. **{md_escape(program.name)}**"]
    if program.phone:
        parts.append(_("phone {phone}").format(phone=md_escape(program.phone)))
    if program.place:
        parts.append(md_escape(program.place))
    if program.distance_miles is not None:
        parts.append(_("{miles} miles").format(miles=f"{program.distance_miles:.1f}"))
    if program.may_run_iop:
        parts.append(_("may run an IOP: ask"))
    if program.serves_only:
        only = md_escape(serves_only_text(program.serves_only))
        parts.append(_("**only:** {groups}").format(groups=only))
    parts.append(f"id `{clean(program.id).replace('`', '')}`")
    return " · ".join(parts)


def _shortlist(shortlist: Sequence[ShownProgram]) -> list[str]:
    """The programmes the person marked while browsing, to call first."""
    if not shortlist:
        return []
    lines = [
        "## " + _("Your shortlist"),
        "",
        _("The programs you marked to look at more closely:"),
        "",
    ]
    lines += [_program_line(number, p) for number, p in enumerate(shortlist, start=1)]
    lines += [
        "",
        _("Compare them again: {command}").format(
            command="`iopguide compare "
            + " ".join(clean(p.id).replace("`", "") for p in shortlist)
            + "`"
        ),
    ]
    return [*lines, ""]
