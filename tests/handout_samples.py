"""Every HTML handout, built from the sample directory (fictional programmes, 555-01xx numbers).

Shared by the handout tests; ``python tests/handout_samples.py FOLDER`` writes them all
to FOLDER (to look at them in a browser).
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from iopguide import i18n, render
from iopguide.app.environment import Environment
from iopguide.app.results import (
    AssessmentReport,
    CompareReport,
    SessionSummary,
    ShowResult,
    TopicReport,
)
from iopguide.assessment import Answers, assess
from iopguide.commands.guide_search import describe_search, shown_program
from iopguide.content.topics import get_topic
from iopguide.directory.load import load_directory
from iopguide.directory.search import parse_filters, search
from iopguide.ui.summary_markdown import ProgramSearch

TODAY = dt.date(2026, 5, 4)
IOP_ANSWERS = {
    "danger_now": "no",
    "withdrawal": "no",
    "round_the_clock": "no",
    "current_care": "none",
    "outpatient_enough": "no",
    "daily_impact": "a_lot",
    "home": "yes",
    "time": "yes",
    "concerns": ["depression", "anxiety"],
}
#: A programme name written to break out of the page, and a note doing the same.
HOSTILE = '<script>alert(1)</script><img src="http://example.invalid/x.png">\x1b[31m'


@dataclass(frozen=True)
class FakeNote:
    """Shaped like ``directory.notes.Note`` (read duck-typed by the renderer)."""

    id: str
    learned_on: dt.date
    runs_iop: bool | None = None
    schedule: str | None = None
    phone: str | None = None
    wait: str | None = None
    plans: tuple[str, ...] = ()
    closed: bool | None = None
    note: str | None = None


def iop_assessment():
    return assess(Answers(IOP_ANSWERS), [])


def sample_search():
    directory = load_directory(Path("sample"))
    filters = parse_filters(conditions=["depression", "anxiety"], zip_code="40202", levels=["iop"])
    return directory, search(directory, filters)


def as_html(result, fmt: str = "html") -> str:
    buffer = io.StringIO()
    render.emit(result, Environment.for_buffer(buffer), fmt)
    return buffer.getvalue()


def summary_result(*, shortlist: bool = True) -> SessionSummary:
    directory, found = sample_search()
    shown = tuple(shown_program(m, directory.info) for m in found.matches[:5])
    searched = ProgramSearch(
        description=describe_search(found.filters),
        programs=shown,
        sample=True,
        zip_code="40202",
    )
    return SessionSummary(
        assessment=iop_assessment(),
        searches=(searched,),
        shortlist=shown[:3] if shortlist else (),
        today=TODAY,
    )


def longest_summary() -> SessionSummary:
    """The most a summary shows (more programmes than fit, each with its limits)."""
    directory = load_directory(Path("sample"))
    found = search(directory, parse_filters(states=["KY", "IN"]))
    shown = tuple(shown_program(m, directory.info) for m in found.matches)
    shown += tuple(replace(p, id=p.id + "-again", name=p.name + " (second site)") for p in shown)
    summary = summary_result()
    searched = replace(summary.searches[0], programs=shown)
    return replace(summary, searches=(searched,), shortlist=shown)


def compare_result() -> CompareReport:
    directory, found = sample_search()
    programs = [m.program for m in found.matches[:3]]
    programs[1] = programs[1].replace(name=programs[1].name + " " + HOSTILE)
    notes = (
        FakeNote(
            id=programs[0].id,
            learned_on=TODAY,
            runs_iop=True,
            schedule="Mon, Wed, Thu 6-9 pm",
            phone="502-555-0199",
            wait="about 2 weeks",
            plans=("Medicaid",),
            note="Ask for the intake team. " + HOSTILE,
        ),
        None,
        FakeNote(id=programs[2].id, learned_on=TODAY, closed=True),
    )
    return CompareReport(
        programs=tuple(programs),
        info=directory.info,
        distances=tuple(m.distance_miles for m in found.matches[:3]),
        notes=notes,
        origin_zip="40202",
    )


def handouts() -> dict[str, str]:
    """Each handout's HTML in the current language, by name."""
    directory, found = sample_search()
    return {
        "summary": as_html(summary_result()),
        "summary-no-shortlist": as_html(summary_result(shortlist=False)),
        "summary-longest": as_html(longest_summary()),
        "assess": as_html(AssessmentReport(iop_assessment())),
        "show": as_html(ShowResult(found.matches[0].program, directory.info)),
        "compare": as_html(compare_result()),
        "learn": as_html(TopicReport(topic=get_topic("levels-of-care"))),
    }


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "es"):
        i18n.set_language(lang)
        for name, text in handouts().items():
            (folder / f"{name}-{lang}.html").write_text(text, encoding="utf-8")
    i18n.set_language("en")
