"""``--help`` in Spanish: the commands' and options' help comes from the catalogue."""

from __future__ import annotations

import pytest

from iopguide.cli import run
from iopguide.cli_help import language_asked


def _help(capsys, args: list[str]) -> str:  # type: ignore[no-untyped-def]
    assert run(args) == 0
    return " ".join(capsys.readouterr().out.replace("│", " ").split())


@pytest.fixture(autouse=True)
def _wide(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "120")  # the help's own layout, the same on any machine


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "es", "find", "--help"],
        ["find", "--help", "--lang", "es"],
        ["find", "--help", "--lang=es"],
    ],
)
def test_find_help_in_spanish_wherever_lang_stands(capsys, args: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = _help(capsys, args)
    assert "Buscar programas por condición, lugar y seguro." in text
    assert "Su código postal (ZIP) de 5 dígitos" in text
    assert "Find programs by condition" not in text


def test_root_help_in_spanish_keeps_the_crisis_lines(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("IOPGUIDE_LANG", "es")
    from iopguide import i18n

    i18n.set_language(i18n.from_environment())  # as entry.main does before the CLI
    text = _help(capsys, ["--help"])
    assert "Una guía tranquila" in text
    assert "988 (oprima 2 para español)" in text and "911" in text


def test_english_help_is_unchanged(capsys) -> None:  # type: ignore[no-untyped-def]
    text = _help(capsys, ["find", "--help"])
    assert "Find programs by condition, location and insurance." in text
    assert "Buscar" not in text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["find", "--lang", "es"], "es"),
        (["--lang=en", "show", "x"], "en"),
        (["find", "--lang"], None),  # no value: click reports it
        (["find", "--", "--lang", "es"], None),  # after --, an argument
        (["find"], None),
    ],
)
def test_language_asked_reads_the_line_before_parsing(args: list[str], expected) -> None:  # type: ignore[no-untyped-def]
    assert language_asked(args) == expected
