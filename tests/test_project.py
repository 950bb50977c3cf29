"""Promises about the project itself: lint, layering, start-up cost, README and CI agree."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORE_MODULES = [
    "iopguide.vocabulary",
    "iopguide.crisis",
    "iopguide.directory.load",
    "iopguide.directory.search",
    "iopguide.directory.cache",
    "iopguide.directory.geo",
    "iopguide.assessment.rules",
    "iopguide.assessment.answers",
    "iopguide.content.levels",
    "iopguide.content.topics",
]


def run_python(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_ruff_is_clean() -> None:
    # The ruff pinned in the test extra, beside this interpreter -- not whatever ruff
    # happens to be first on PATH, whose newer rules could turn CI red overnight.
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        pytest.skip("ruff is not installed beside this Python (pip install '.[test]')")
    result = subprocess.run(
        [ruff, "check", "src", "tests", "bench"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        pytest.skip("ruff is not installed beside this Python (pip install '.[test]')")
    result = subprocess.run(
        [ruff, "format", "--check", "src", "tests", "bench", "scripts"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_core_imports_no_ui_library() -> None:
    imports = "; ".join(f"import {m}" for m in CORE_MODULES)
    loaded = run_python(
        f"import sys; {imports}; "
        "ui = ('rich', 'questionary', 'typer', 'prompt_toolkit'); "
        "print(sorted(m for m in ui if m in sys.modules))"
    )
    assert loaded == "[]"


def test_version_answers_without_importing_typer_or_rich() -> None:
    out = run_python(
        "import sys, io, contextlib; from iopguide.entry import main; buf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf): main(['--version'])\n"
        "print(buf.getvalue().strip(), 'typer' in sys.modules, 'rich' in sys.modules)"
    )
    assert re.fullmatch(r"iopguide \d+\.\d+\.\d+ False False", out)


def test_help_does_not_import_questionary_or_yaml() -> None:
    out = run_python(
        "import sys, io, contextlib; from iopguide.cli import run; buf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf): run(['--help'])\n"
        "print('questionary' in sys.modules, 'yaml' in sys.modules)"
    )
    assert out == "False False"


def _quick_start_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_quick_start_is_two_commands_and_ci_runs_the_test_one() -> None:
    commands = _quick_start_commands()
    assert len(commands) == 2
    install_and_start, install_and_test = commands
    assert "pip install ." in install_and_start and install_and_start.endswith("iopguide")
    assert "pytest" in install_and_test
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert install_and_test in ci


def test_a_non_editable_install_finds_the_built_in_directory(tmp_path) -> None:
    """Build the wheel, install it (not editable) elsewhere, and search from another folder."""
    import json
    import os
    import zipfile

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(REPO),
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 and "hatchling" in (result.stderr + result.stdout):
        pytest.skip("hatchling is not installed here; CI's pip install . builds the wheel")
    assert result.returncode == 0, result.stderr
    wheel = next((tmp_path / "dist").glob("iopguide-*.whl"))
    assert wheel.stat().st_size <= 20 * 1024 * 1024
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        shipped = archive.read("iopguide/data/programs.yaml")
        national = archive.read("iopguide/data/national-directory.json.xz")
    assert shipped == (REPO / "data" / "programs.yaml").read_bytes()
    assert national == (REPO / "data" / "national-directory.json.xz").read_bytes()
    assert any(n.startswith("iopguide/content/topics/") and n.endswith(".md") for n in names)
    assert "iopguide/assessment/questions.yaml" in names
    topics = REPO / "src" / "iopguide" / "content" / "topics"
    translated_topics = [p for p in topics.rglob("*.md") if p.parent != topics]
    assert translated_topics
    for translated in translated_topics:
        assert f"iopguide/content/topics/{translated.relative_to(topics).as_posix()}" in names

    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, PYTHONPATH=str(target), IOPGUIDE_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("IOPGUIDE_DIRECTORY", None)
    code = (
        "import iopguide, sys; from iopguide.entry import main; "
        "print(iopguide.__file__, file=sys.stderr); sys.exit(main(['find', '--json']))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip().startswith(str(target))  # the installed copy, not the source tree
    payload = json.loads(run.stdout)
    assert payload["sample"] is False and payload["total"] > 0  # real listings by default
    sample = subprocess.run(
        [sys.executable, "-c", code.replace("'--json'", "'--json', '--sample'")],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert sample.returncode == 0, sample.stderr
    assert json.loads(sample.stdout)["sample"] is True
    spanish = subprocess.run(
        [
            sys.executable,
            "-c",
            code.replace("'find', '--json'", "'learn', 'schedule', '--lang', 'es'"),
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert spanish.returncode == 0, spanish.stderr
    assert "Una semana típica" in spanish.stdout  # the es/ topic files ship in the wheel


def test_every_find_example_in_the_readme_finds_something(capsys) -> None:
    """The README's examples work on the default (national) directory."""
    import json
    import shlex

    from iopguide.cli import run

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"^iopguide (find [^#\n]+?)\s*(?:#.*)?$", readme, flags=re.MULTILINE)
    examples = [e for e in examples if "--directory" not in e]
    assert len(examples) >= 4
    for example in examples:
        args = [a for a in shlex.split(example) if a != "--json"]
        assert run([*args, "--json"]) == 0, example
        assert json.loads(capsys.readouterr().out)["total"] > 0, example
