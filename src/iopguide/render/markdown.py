"""``--format markdown``: Markdown source and nothing else."""

from __future__ import annotations

from typing import TYPE_CHECKING

from iopguide.render import Renderer, register

if TYPE_CHECKING:
    from iopguide.app.environment import Environment
    from iopguide.app.results import CompareReport, SessionSummary, ShortlistReport, TopicReport


@register
class MarkdownRenderer(Renderer):
    name = "markdown"

    def render_topic(self, report: TopicReport, env: Environment) -> None:
        if report.topic is None:
            from iopguide.ui.learn_view import topic_list_markdown

            env.write(topic_list_markdown(report.topics))
            return
        env.write(report.topic.markdown())

    def render_compare(self, report: CompareReport, env: Environment) -> None:
        from iopguide.ui.compare_markdown import compare_markdown

        env.write(compare_markdown(report))

    def render_shortlist(self, report: ShortlistReport, env: Environment) -> None:
        from iopguide.ui.compare_markdown import shortlist_markdown

        env.write(shortlist_markdown(report))

    def render_summary(self, summary: SessionSummary, env: Environment) -> None:
        import datetime as _dt

        from iopguide.ui.summary_markdown import build_summary

        env.write(
            build_summary(
                summary.assessment,
                searches=summary.searches,
                today=summary.today or _dt.date.today(),
                shortlist=summary.shortlist,
            )
        )
