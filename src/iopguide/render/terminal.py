"""``--format terminal`` (the default): pages laid out for a person, through rich
(search results and ``show`` to a pipe or file without it: ui/plain_pages.py)."""

from __future__ import annotations

from iopguide.render import Renderer, register

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from iopguide.app.environment import Environment
    from iopguide.app.results import (
        AssessmentReport,
        CompareReport,
        InstrumentsReport,
        NotesReport,
        ScreenReport,
        SearchReport,
        ShortlistReport,
        ShowResult,
        TopicReport,
        ValidationReport,
    )


@register
class TerminalRenderer(Renderer):
    name = "terminal"
    for_people = True

    def render_search(self, report: SearchReport, env: Environment) -> None:
        from iopguide.render.notices import sample_notice
        from iopguide.ui.plain_pages import print_search

        sample_notice(report.info)
        if print_search(report.result, report.info, report.limit, env):
            return  # a pipe or file, without rich
        from iopguide.ui.results_view import render_search

        render_search(report.result, report.info, report.limit, env.console)

    def render_program(self, shown: ShowResult, env: Environment) -> None:
        from iopguide.render.notices import sample_notice
        from iopguide.ui.plain_pages import print_program

        sample_notice(shown.info)
        if print_program(shown.program, shown.info, env, shown.note):
            return  # a pipe or file, without rich
        from iopguide.ui.results_view import render_program

        render_program(shown.program, shown.info, env.console, note=shown.note)

    def render_compare(self, report: CompareReport, env: Environment) -> None:
        from iopguide.render.notices import sample_notice
        from iopguide.ui.compare_view import render_compare

        sample_notice(report.info)
        render_compare(report, env.console)

    def render_shortlist(self, report: ShortlistReport, env: Environment) -> None:
        from iopguide.ui.compare_view import render_shortlist

        render_shortlist(report, env.console)

    def render_assessment(self, report: AssessmentReport, env: Environment) -> None:
        from iopguide.ui.assessment_view import render_assessment

        render_assessment(report.assessment, env.console)

    def render_screen(self, report: ScreenReport, env: Environment) -> None:
        from iopguide.ui.screen_view import render_result

        render_result(report.result, env.console)

    def render_instruments(self, report: InstrumentsReport, env: Environment) -> None:
        from iopguide.ui.screen_view import render_list

        render_list(env.console)

    def render_topic(self, report: TopicReport, env: Environment) -> None:
        from iopguide.ui.learn_view import render_topic, render_topic_list

        if report.topic is None:
            render_topic_list(report.topics, env.console)
        else:
            render_topic(report.topic, env.console)

    def render_notes(self, report: NotesReport, env: Environment) -> None:
        from iopguide.ui.notes_view import render_notes

        render_notes(report, env.console)

    def render_validation(self, report: ValidationReport, env: Environment) -> None:
        from rich.text import Text

        from iopguide.errors import DataError
        from iopguide.i18n import ngettext
        from iopguide.ui.console import data_text, fill

        check = report.check
        if not check.valid:
            raise DataError(check.problems)
        directory = check.directory
        assert directory is not None
        count = len(directory.programs)
        if directory.info.sample:
            template = ngettext(
                "{file} is valid: {name}, {count} program (sample data).",
                "{file} is valid: {name}, {count} programs (sample data).",
                count,
            )
        else:
            template = ngettext(
                "{file} is valid: {name}, {count} program.",
                "{file} is valid: {name}, {count} programs.",
                count,
            )
        line = fill(
            template,
            file=data_text(report.file),
            name=data_text(directory.info.name, "bold"),
            count=str(count),
        )
        env.console.print(Text.assemble(("✓ ", "green"), line))
