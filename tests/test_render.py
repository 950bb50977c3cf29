"""Renderers: one --format option, aliases, --output through the atomic writer, a registry."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from iopguide import render
from iopguide.app.environment import Environment
from iopguide.app.results import SearchReport
from iopguide.cli import run
from iopguide.exit_codes import ExitCode


def test_format_json_is_the_same_as_the_json_alias(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["find", "--sample", "--state", "KY", "--json"]) == 0
    alias = capsys.readouterr().out
    assert run(["find", "--sample", "--state", "KY", "--format", "json"]) == 0
    assert capsys.readouterr().out == alias
    assert json.loads(alias)["total"] >= 1


def test_two_different_formats_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["find", "--sample", "--json", "--format", "terminal"]) == ExitCode.USAGE
    assert "Choose one output format" in capsys.readouterr().err


def test_an_unknown_format_names_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["find", "--sample", "--format", "pdf"]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert "pdf" in err and "terminal, json, markdown" in err


def test_output_writes_a_file_and_never_replaces_one_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "found.json"
    assert run(["find", "--sample", "--json", "--output", str(target)]) == 0
    assert capsys.readouterr().out == ""
    first = target.read_text(encoding="utf-8")
    assert json.loads(first)["sample"] is True
    target.write_text("mine\n", encoding="utf-8")
    assert run(["find", "--sample", "--json", "--output", str(target)]) == ExitCode.USAGE
    assert "--force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert run(["find", "--sample", "--json", "--output", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8") == first


def test_terminal_output_to_a_file_is_plain_text(tmp_path: Path) -> None:
    target = tmp_path / "found.txt"
    assert run(["show", "--sample", "--output", str(target), _first_sample_id()]) == 0
    text = target.read_text(encoding="utf-8")
    assert "\x1b" not in text and text.strip()


def test_a_registered_renderer_is_chosen_through_the_cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render, "_registered", dict(render._registered))

    @render.register
    class Count(render.Renderer):
        name = "count"

        def render_search(self, report: SearchReport, env: Environment) -> None:
            env.write(f"{report.result.total} found")

    assert "count" in render.names()
    assert run(["find", "--sample", "--state", "KY", "--format", "count"]) == 0
    out = capsys.readouterr().out
    assert out.endswith(" found\n") and int(out.split()[0]) >= 1
    # A kind the renderer cannot show is a usage error naming the formats that can.
    assert run(["show", "--sample", "--format", "count", _first_sample_id()]) == ExitCode.USAGE
    assert "terminal, json" in capsys.readouterr().err


def test_a_renderer_prints_into_the_environment_it_is_given() -> None:
    from iopguide.commands.find import run_find

    report = run_find(
        conditions=None,
        insurance=None,
        zip_code=None,
        radius=25,
        states=["KY"],
        cities=None,
        levels=None,
        telehealth=False,
        age_groups=None,
        languages=None,
        schedules=None,
        limit=1,
        directory=Path("sample"),
        use_cache=False,
    )
    buffer = io.StringIO()
    render.emit(report, Environment.for_buffer(buffer), "json")
    assert json.loads(buffer.getvalue())["shown"] == 1


def _first_sample_id() -> str:
    out = io.StringIO()
    from contextlib import redirect_stdout

    with redirect_stdout(out):
        run(["find", "--sample", "--json", "--limit", "1", "--level", "any"])
    return json.loads(out.getvalue())["results"][0]["id"]


@pytest.mark.parametrize(
    ("alias", "args"),
    [
        ("--json", ["assess", "--answer", "danger_now=yes"]),
        ("--json", ["screen"]),
        ("--json", ["directory", "validate", "--sample"]),
        ("--markdown", ["learn"]),
        ("--markdown", ["learn", "what-is-iop"]),
    ],
)
def test_every_command_that_shows_a_result_takes_format(
    alias: str, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    first = run([*args, alias])
    by_alias = capsys.readouterr().out
    assert run([*args, "--format", alias.removeprefix("--")]) == first
    assert capsys.readouterr().out == by_alias and by_alias.strip()
