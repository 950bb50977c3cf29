"""``--format html`` through the commands, and the pieces of a handout (see also
tests/test_handout_browser.py for the page in a real browser)."""

from __future__ import annotations

import io
import re
import stat
from pathlib import Path

import pytest

from handout_samples import HOSTILE, TODAY, as_html, iop_assessment, summary_result
from iopguide import i18n
from iopguide.app.environment import Environment
from iopguide.app.results import SessionSummary
from iopguide.cli import run
from iopguide.render import html_text
from iopguide.render.html import HtmlRenderer
from iopguide.render.markdown import MarkdownRenderer
from iopguide.ui.summary_markdown import build_summary

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "answers.yaml"


def test_assess_writes_a_private_page_and_never_replaces_one(tmp_path, capsys) -> None:
    out = tmp_path / "result.html"
    args = ["assess", "--answers", str(EXAMPLE), "--format", "html", "--output", str(out)]
    assert run(args) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    page = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "<h2>Why</h2>" in page
    assert "This is a guide, not a diagnosis." in page
    out.write_text("mine\n", encoding="utf-8")
    assert run(args) == 2
    assert out.read_text(encoding="utf-8") == "mine\n"
    assert "already exists" in capsys.readouterr().err


def test_assess_in_danger_is_the_crisis_page(capsys) -> None:
    assert run(["assess", "--answer", "danger_now=yes", "-f", "html"]) == 0
    page = capsys.readouterr().out
    assert page.index('href="tel:988"') < page.index("<h1>")
    assert "<h1>Please get help right now</h1>" in page
    assert "Emergency services: Call 911." in page  # what it includes, as a list


def test_show_and_learn_in_spanish(capsys) -> None:
    assert run(["--lang", "es", "--sample", "show", "lamplight-sample-iop", "-f", "html"]) == 0
    page = capsys.readouterr().out
    assert '<html lang="es">' in page and "<h1>Lamplight Sample Recovery Center</h1>" in page
    assert 'href="tel:+15025550100"' in page and "MUESTRA" in page
    assert run(["--lang", "es", "learn", "finding-a-program", "--format", "html"]) == 0
    page = capsys.readouterr().out
    assert "<h1>Cómo encontrar un programa</h1>" in page
    assert "<strong>¿Cuándo puedo empezar?</strong>" in page
    assert "<code>iopguide find" in page  # code stays code, nothing is a link


def test_learn_list_and_levels_for_paper_and_phone(capsys) -> None:
    assert run(["learn", "--format", "html"]) == 0
    assert "(finding-a-program)" in capsys.readouterr().out
    assert run(["learn", "levels", "--format", "html"]) == 0
    page = capsys.readouterr().out
    wide, narrow = page.index('class="wide"'), page.index('class="narrow"')
    assert "<table>" in page[wide:narrow] and "<h3>" in page[narrow:]


def test_topic_markdown_keeps_links_and_html_as_text() -> None:
    rendered = html_text.block("## Hi\n\n[call](http://x.invalid) <b>x</b> **bold** *it*\n")
    assert "<h2>Hi</h2>" in rendered
    assert "<a " not in rendered and "http://x.invalid" in rendered
    assert "&lt;b&gt;" in rendered
    assert "<strong>bold</strong>" in rendered and "<em>it</em>" in rendered


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_questions_come_from_the_learn_topic(lang) -> None:
    i18n.set_language(lang)
    questions = html_text.topic_questions()
    assert len(questions) == 8
    first = "**How soon can I start?**" if lang == "en" else "**¿Cuándo puedo empezar?**"
    assert questions[0].startswith(first) and questions[0].endswith(".")
    page = as_html(summary_result())
    for question in questions:
        assert html_text.inline(question) in page


def test_summary_has_the_shortlist_a_call_log_and_no_commands() -> None:
    summary = summary_result()
    page = as_html(summary)
    for program in summary.shortlist:
        assert page.count(program.name) == 2  # listed, and a row of the call log
    not_shortlisted = summary.searches[0].programs[3]
    assert not_shortlisted.name not in page
    assert page.count("<tr><td></td>") == 3  # blank rows to fill in by hand
    assert "iopguide find" not in page and "YOUR_ZIP" not in page
    assert "Saved on 2026-05-04." in page


def test_summary_without_a_shortlist_lists_the_programmes_shown() -> None:
    summary = summary_result(shortlist=False)
    page = as_html(summary)
    for program in summary.searches[0].programs:
        assert program.name in page


def test_summary_without_any_programmes() -> None:
    page = as_html(SessionSummary(assessment=iop_assessment(), today=TODAY))
    assert "Programs to call" not in page and "Call log" in page


def test_markdown_summary_is_build_summary() -> None:
    summary = summary_result()
    buffer = io.StringIO()
    MarkdownRenderer().render(summary, Environment.for_buffer(buffer))
    expected = build_summary(
        summary.assessment, searches=summary.searches, today=TODAY, shortlist=summary.shortlist
    )
    assert buffer.getvalue() == expected
    assert "## Your shortlist" in expected


def test_html_is_a_registered_format() -> None:
    from iopguide import render

    assert "html" in render.names()
    assert isinstance(render.get("html"), HtmlRenderer)


def test_untrusted_shortlist_text_stays_text() -> None:
    from dataclasses import replace

    summary = summary_result()
    bad = replace(
        summary.shortlist[0],
        name="Evil " + HOSTILE,
        phone="555-0100\x1b]8;;http://x\x07",
        place="<b>Town</b>",
        serves_only=("**Adults** <i>only</i>",),
        listed="[x](http://example.invalid)",
    )
    page = as_html(replace(summary, shortlist=(bad,)))
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "<i>" not in page and "http://example.invalid)" in page  # as text, not a link
    assert "Evil &lt;script&gt;" in page
    assert "\x1b" not in page and "\x07" not in page
    assert "**Adults**" in page  # Markdown in a group is shown as typed
    links = set(re.findall(r'href="([^"]*)"', page))
    assert links == {"tel:988", "tel:911", "tel:+18006624357", "tel:+18004874889"}


def test_phone_links() -> None:
    from iopguide.render.html_page import tel

    assert tel("502-555-0100") == '<a href="tel:+15025550100">502-555-0100</a>'
    assert tel("(502) 555-0100") == '<a href="tel:+15025550100">(502) 555-0100</a>'
    assert tel("555-0100") == '<a href="tel:5550100">555-0100</a>'
    assert tel("1-800-CALL-NOW") == "1-800-CALL-NOW"  # letters: text, not a wrong number
    assert tel('502-555-0100"><script>') == "502-555-0100&quot;&gt;&lt;script&gt;"


def test_a_long_shortlist_is_cut_and_counted() -> None:
    from handout_samples import longest_summary
    from iopguide.render.html_summary import MOST_PROGRAMS

    summary = longest_summary()
    page = as_html(summary)
    left = len(summary.shortlist) - MOST_PROGRAMS
    assert left > 1
    assert f"And {left} more programs you were shown." in page
    assert summary.shortlist[MOST_PROGRAMS].name not in page


def test_a_search_that_found_nothing_is_said_with_where_to_turn() -> None:
    from iopguide.ui.summary_markdown import ProgramSearch

    searched = ProgramSearch(description="IOP near ZIP 82001 for adults", zip_code="82001")
    page = as_html(SessionSummary(assessment=iop_assessment(), searches=(searched,), today=TODAY))
    assert "Searched for: IOP near ZIP 82001 for adults. No programs matched." in page
    assert "1-800-662-4357" in page.split("Searched for:")[1]
