"""``--format html``: a handout to print or keep, one self-contained page per result.

No scripts, no fonts, images or stylesheets from elsewhere, no link that
loads anything (phone numbers are ``tel:`` links); prints on one or two pages
and reads on a phone. The crisis lines come first on every page
(:mod:`iopguide.render.html_page`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iopguide import crisis
from iopguide.i18n import _
from iopguide.render import Renderer, register
from iopguide.render.html_page import esc, facts, linked_phones, page, sample_warning, tel

if TYPE_CHECKING:
    from iopguide.app.environment import Environment
    from iopguide.app.results import (
        AssessmentReport,
        CompareReport,
        SessionSummary,
        ShowResult,
        TopicReport,
    )


def footer(*sentences: str) -> str:
    """The page's end: our own sentences, then where to get help finding treatment."""
    said = [esc(s) for s in sentences if s] + [linked_phones(crisis.REFERRAL_LINE)]
    return "".join(f"<p>{s}</p>" for s in said)


@register
class HtmlRenderer(Renderer):
    name = "html"

    def render_assessment(self, report: AssessmentReport, env: Environment) -> None:
        from iopguide.render.html_summary import result_html

        assessment = report.assessment
        body = f"<h1>{esc(assessment.title)}</h1>" + result_html(assessment, level=2)
        env.write(page(assessment.title, body, footer=footer(assessment.disclaimer)))

    def render_program(self, shown: ShowResult, env: Environment) -> None:
        from iopguide.render.html_program import call_ahead, note_html, program_rows
        from iopguide.render.html_summary import questions_html

        program = shown.program
        body = [f"<h1>{esc(program.name)}</h1>"]
        if shown.note is not None:
            if shown.note.closed:
                from iopguide.ui.note_words import closed_line

                body.append(f'<p class="warn"><strong>{esc(closed_line(shown.note))}</strong></p>')
            body.append(note_html(shown.note))
        if program.organization:
            body.append(f'<p class="muted">{esc(program.organization)}</p>')
        if shown.info.sample:
            body.append(sample_warning())
        body.append(facts(program_rows(program, shown.info)))
        body.append(f"<p>{call_ahead(shown.info, [program])}</p>")
        body.append(questions_html())
        env.write(page(program.name, "\n".join(body), footer=footer()))

    def render_compare(self, report: CompareReport, env: Environment) -> None:
        """The same rows as the terminal and Markdown views (``ui/compare_rows``), as a table."""
        from iopguide.render.html_program import note_html
        from iopguide.ui.compare_rows import closing_lines, compare_rows, padded

        title = _("Programs side by side")
        body = [f"<h1>{esc(title)}</h1>"]
        if report.info.sample:
            body.append(sample_warning())
        programs = report.programs
        names = [esc(p.name) for p in programs]
        head = "".join(f'<th scope="col">{name}</th>' for name in names)
        notes = padded(report.notes, len(programs))
        rows = []
        for row in compare_rows(report, ids=False, full=True):
            if row.note and not row.warn:
                cells = [note_html(note) for note in notes]
            elif row.phone:
                cells = [tel(value) if value else "" for value in row.values]
            else:
                cells = [esc(value) for value in row.values]
            if row.warn:
                cells = [f"<strong>{cell}</strong>" if cell else "" for cell in cells]
            rows.append(self._row(row.label, names, cells))
        body.append(
            f'<table class="side"><colgroup><col class="label">{"<col>" * len(names)}</colgroup>'
            f"<thead><tr><td></td>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
        body.extend(f"<p>{esc(line)}</p>" for line in closing_lines(report))
        env.write(page(title, "\n".join(body), footer=footer()))

    @staticmethod
    def _row(label: str, names: list[str], cells: list[str]) -> str:
        tds = "".join(
            f'<td data-program="{name}">{cell}</td>'
            for name, cell in zip(names, cells, strict=True)
        )
        return f'<tr><th scope="row">{esc(label)}</th>{tds}</tr>'

    def render_topic(self, report: TopicReport, env: Environment) -> None:
        from iopguide.render.html_text import block

        topic = report.topic
        if topic is None:
            title = _("Learn about IOPs")
            listed = "".join(
                f"<li><strong>{esc(t.title)}</strong> ({esc(t.id)}): {esc(t.summary)}</li>"
                for t in report.topics
            )
            body = f"<h1>{esc(title)}</h1><ul>{listed}</ul>"
        else:
            from iopguide.content.topics import levels_markdown

            title = topic.title
            # The levels side by side: a table on paper and wide screens, a list on a phone.
            levels = (
                f'<div class="wide">{block(levels_markdown("table"))}</div>'
                f'<div class="narrow">{block(levels_markdown("list"))}</div>'
            )
            body = f"<h1>{esc(title)}</h1>" + levels.join(block(p) for p in topic.body_parts())
        env.write(page(title, body, footer=footer()))

    def render_summary(self, summary: SessionSummary, env: Environment) -> None:
        from iopguide.render.html_summary import summary_body

        saved = (
            _("Saved on {date}.").format(date=summary.today.isoformat()) if summary.today else ""
        )
        text = page(
            _("My iopguide summary"),
            summary_body(summary),
            footer=footer(summary.assessment.disclaimer, saved),
        )
        env.write(text)
