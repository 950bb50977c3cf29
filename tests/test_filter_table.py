"""The filter table is the one place a filter of ``find`` is described.

These tests hold the promise in docs/architecture.md ("To add a filter"): a new
entry must come with its check, its place in each order, advice, words and a
command line, and every other part of the program reads it from the table.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from iopguide import i18n
from iopguide.directory.checks import CHECKS
from iopguide.directory.filter_table import (
    BY_ID,
    COMMAND_ORDER,
    FILTERS,
    PARAMS,
    PARSE_ORDER,
    SEARCH_ORDER,
    WORDS_ORDER,
    Filters,
    parse_filters,
    vocabulary,
)
from iopguide.directory.filter_words import advice, command_words, describe
from iopguide.entry import find_options

IDS = [spec.id for spec in FILTERS]
SRC = Path(__file__).resolve().parents[1] / "src" / "iopguide"

#: Values that make each filter active (a new filter needs one here).
ASKED: dict[str, dict[str, object]] = {
    "condition": {"conditions": ["ptsd", "alcohol"]},
    "insurance": {"insurance": ["medicaid", "Example Health Plan"]},
    "zip": {"zip_code": "40202", "radius": 60.0},
    "state": {"states": ["KY", "Indiana"]},
    "city": {"cities": ["Louisville"]},
    "level": {"levels": ["php"]},
    "telehealth": {"telehealth": True},
    "age_group": {"age_groups": ["adults"]},
    "language": {"languages": ["spanish"]},
    "schedule": {"schedules": ["evening"]},
}


def test_every_filter_has_one_check_and_a_place_in_every_order() -> None:
    assert len(set(IDS)) == len(IDS)
    assert set(CHECKS) == set(IDS)
    for order in (PARSE_ORDER, SEARCH_ORDER, COMMAND_ORDER, WORDS_ORDER):
        assert sorted(order) == sorted(IDS)
    assert set(ASKED) == set(IDS)


def test_each_field_of_filters_comes_from_one_filter() -> None:
    fields = [key for spec in FILTERS for key in spec.parse({})]
    assert sorted(fields) == sorted(Filters.__slots__)
    keys = [key for spec in FILTERS for key in spec.json(Filters())]
    assert list(Filters().to_dict()) == keys


def test_the_vocabularies_named_exist() -> None:
    for spec in FILTERS:
        if spec.vocabulary is not None:
            assert vocabulary(spec.vocabulary).ids


@pytest.mark.parametrize("filter_id", IDS)
def test_every_filter_is_checked_described_advised_and_repeatable(filter_id) -> None:
    spec = BY_ID[filter_id]
    filters = parse_filters(**ASKED[filter_id])
    assert spec.active(filters)
    flags = {flag for option in spec.options for flag in option.flags}
    assert spec.command(filters)[0] in flags
    assert describe(filters) != describe(parse_filters())
    assert advice(filter_id).startswith("Try")
    i18n.set_language("es")  # the autouse fixture sets English again
    assert advice(filter_id).startswith("Pruebe")
    assert describe(filters) != describe(parse_filters())


@pytest.mark.parametrize("filter_id", IDS)
def test_the_command_line_finds_the_same_search_again(filter_id) -> None:
    """command_words, read back by the fast path's option reader, gives the same Filters."""
    filters = parse_filters(**ASKED[filter_id])
    args = shlex.split(" ".join(command_words(filters)))
    options = find_options(["find", *args])
    assert options is not None
    assert parse_filters(**{k: v for k, v in options.items() if k in PARAMS}) == filters


def test_cli_find_takes_each_option_with_the_tables_flags_and_help() -> None:
    import typer

    from iopguide.cli import app

    command = typer.main.get_command(app).commands["find"]  # type: ignore[attr-defined]
    by_name = {param.name: param for param in command.params}
    for spec in FILTERS:
        for option in spec.options:
            param = by_name[option.param]
            assert (*param.opts, *param.secondary_opts) == option.flags
            assert param.help == option.help


@pytest.mark.parametrize(
    "module",
    [
        "commands/find.py",
        "commands/guide.py",
        "commands/guide_search.py",
        "directory/filter_words.py",
        "directory/search.py",
        "directory/widening.py",
        "entry.py",
        "ui/no_results_words.py",
        "ui/program_json.py",
    ],
)
def test_no_filter_is_spelled_out_outside_the_table(module) -> None:
    text = (SRC / module).read_text(encoding="utf-8")
    for spec in FILTERS:
        for option in spec.options:
            for flag in option.flags:
                assert f'"{flag}"' not in text, (module, flag)


def test_importing_the_table_imports_no_vocabulary() -> None:
    code = (
        "import sys, iopguide.directory.filter_table;"
        "print(any(m.startswith('iopguide.vocabulary') for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
