"""``--format json``: one JSON object on stdout, the shapes scripts rely on (README)."""

from __future__ import annotations

import json

from iopguide.render import Renderer, register

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing

if TYPE_CHECKING:
    from typing import Any

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
        ValidationReport,
    )


def write_json(payload: Any, env: Environment) -> None:
    """One object and a newline; ASCII-escaped so no byte from a file can steer a terminal.

    Keys and ids are English (a contract); ``lang`` says which language the
    human text is in.
    """
    if isinstance(payload, dict) and "lang" not in payload:
        from iopguide import i18n

        payload = {**payload, "lang": i18n.current()}
    env.stdout.write(json.dumps(payload, indent=2) + "\n")
    env.stdout.flush()


@register
class JsonRenderer(Renderer):
    name = "json"

    def render_search(self, report: SearchReport, env: Environment) -> None:
        from iopguide.ui.program_json import search_json

        write_json(search_json(report.result, report.info, report.limit), env)

    def render_program(self, shown: ShowResult, env: Environment) -> None:
        from iopguide.ui.program_json import program_json

        write_json(
            {
                "directory": shown.info.to_dict(),
                "sample": shown.info.sample,
                "program": program_json(shown.program, shown.info, shown.note),
            },
            env,
        )

    def render_compare(self, report: CompareReport, env: Environment) -> None:
        from iopguide.ui.program_json import compare_json

        write_json(compare_json(report), env)

    def render_shortlist(self, report: ShortlistReport, env: Environment) -> None:
        write_json(
            {
                "file": report.file,
                "action": report.action,
                "changed": list(report.changed),
                "unchanged": list(report.unchanged),
                "programs": [
                    {"id": e.id, "name": e.name, "added": e.added} for e in report.entries
                ],
            },
            env,
        )

    def render_assessment(self, report: AssessmentReport, env: Environment) -> None:
        write_json(report.assessment.to_dict(), env)

    def render_screen(self, report: ScreenReport, env: Environment) -> None:
        write_json(report.result.to_dict(), env)

    def render_instruments(self, report: InstrumentsReport, env: Environment) -> None:
        from iopguide.assessment.screening import LEFT_OUT, all_instruments

        payload = {
            "instruments": [
                {
                    "id": i.id,
                    "name": i.name,
                    "title": i.title,
                    "about": i.about,
                    "items": len(i.items),
                    "max_score": i.max_score,
                    "licence": i.licence,
                    "source": i.source,
                }
                for i in all_instruments()
            ],
            "left_out": list(LEFT_OUT),
        }
        write_json(payload, env)

    def render_notes(self, report: NotesReport, env: Environment) -> None:
        from iopguide.ui.program_json import notes_json

        write_json(notes_json(report), env)

    def render_validation(self, report: ValidationReport, env: Environment) -> None:
        check = report.check
        info = check.directory.info if check.directory is not None else None
        write_json(
            {
                "valid": check.valid,
                "file": report.file,
                "builtin": report.builtin,
                "name": info.name if info else None,
                "sample": info.sample if info else None,
                "programs": check.program_count,
                "problems": [problem.to_dict() for problem in check.problems],
            },
            env,
        )
