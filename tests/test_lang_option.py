"""`assess --answers … --lang es --json`: the same level and ids as English, Spanish text."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from iopguide import i18n
from iopguide.cli import app

ANSWERS = [
    "--answer", "danger_now=no", "--answer", "withdrawal=no", "--answer", "round_the_clock=no",
    "--answer", "current_care=outpatient", "--answer", "outpatient_enough=no",
    "--answer", "daily_impact=a_lot", "--answer", "home=yes", "--answer", "time=yes",
    "--answer", "concerns=depression",
]  # fmt: skip


def _has_lang_option() -> bool:
    result = CliRunner().invoke(app, ["assess", "--help"])
    return "--lang" in result.output


pytestmark = pytest.mark.skipif(not _has_lang_option(), reason="needs --lang wiring")


def _run(*lang: str) -> dict:
    try:
        result = CliRunner().invoke(app, ["assess", *ANSWERS, "--json", *lang])
    finally:
        i18n.set_language("en")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_spanish_json_has_the_same_level_and_ids_and_spanish_text() -> None:
    english, spanish = _run(), _run("--lang", "es")
    assert spanish["level"] == english["level"] == "iop"
    assert spanish["answers"] == english["answers"]
    assert [r["question"] for r in spanish["reasons"]] == [
        r["question"] for r in english["reasons"]
    ]
    assert spanish["title"] != english["title"]
    assert "programa intensivo ambulatorio" in spanish["title"]
    assert spanish["lang"] == "es"


def test_spanish_emergency_json_says_press_2() -> None:
    try:
        result = CliRunner().invoke(
            app, ["assess", "--answer", "danger_now=yes", "--json", "--lang", "es"]
        )
    finally:
        i18n.set_language("en")
    data = json.loads(result.stdout)
    assert data["level"] == "emergency"
    assert any("oprima 2" in line["notes"] for line in data["crisis_lines"])
