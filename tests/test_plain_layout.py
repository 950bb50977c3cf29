"""Results and ``show`` written for a pipe without rich are, byte for byte, what rich writes.

The plain writer (ui/plain_pages.py, ui/plain_layout.py, ui/pipe_width.py) must agree with
results_view printed through a colourless rich console at the same width, and must see the
width rich would; every comparison also checks that the plain page was really made (not
left to rich), unless the page is one it must leave to rich.
"""

from __future__ import annotations

import copy
import datetime
import functools
import io
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from iopguide import i18n
from iopguide.directory.load import load_directory, parse_directory
from iopguide.directory.search import parse_filters, search
from iopguide.directory.shipped import builtin_directory_path, sample_directory_path
from iopguide.errors import DataError
from iopguide.text import clean
from iopguide.ui import plain_layout, plain_pages, results_view
from iopguide.ui.console import make_console
from iopguide.ui.pipe_width import pipe_width, reading_width, rich_sees_terminal
from iopguide.ui.result_words import program_rows

WIDTHS = (20, 40, 60, 80, 129)
#: Searches of the sample directory: no filter, near a ZIP, by state, by what they treat ...
SAMPLE_SEARCHES = [
    {},
    {"zip_code": "40202"},
    {"zip_code": "40202", "radius": 500.0, "levels": ["any"]},
    {"states": ["KY"]},
    {"zip_code": "40202", "radius": 5.0, "telehealth": True},
    {"conditions": ["depression"], "insurance": ["medicaid"], "schedules": ["evening"]},
    {"age_groups": ["adolescents"], "languages": ["spanish"]},
]


def _rich(draw, width: int) -> str:  # type: ignore[no-untyped-def]
    """What *draw* prints through results_view to a console *width* wide that is no terminal."""
    buffer = io.StringIO()
    draw(make_console(file=buffer, width=width))
    return buffer.getvalue()


def _same_search(directory, filters: dict, width: int, limit: int = 20) -> str:  # type: ignore[no-untyped-def]
    result = search(directory, parse_filters(**filters))
    plain = plain_pages.search_text(result, directory.info, limit, width)
    assert plain is not None, (filters, width)
    expected = _rich(
        lambda console: results_view.render_search(result, directory.info, limit, console), width
    )
    assert plain == expected
    return plain


def _same_show(directory, program, width: int) -> str | None:  # type: ignore[no-untyped-def]
    """The page both ways; the plain writer leaves to rich only labels that leave no room."""
    plain = plain_pages.program_text(program, directory.info, width)
    labels = max(len(label) for label, _value in program_rows(program, directory.info))
    assert plain is not None or labels + 2 >= reading_width(width), (program.id, width)
    if plain is None:
        return None
    expected = _rich(
        lambda console: results_view.render_program(program, directory.info, console), width
    )
    assert plain == expected
    return plain


@pytest.fixture(scope="module")
def sample():  # type: ignore[no-untyped-def]
    return load_directory(sample_directory_path())


@pytest.fixture(scope="module")
def national():  # type: ignore[no-untyped-def]
    if not os.path.isfile(builtin_directory_path()):
        pytest.skip("the national directory is not in this installation")
    return load_directory(None)


# --------------------------------------------------------------------------- characters


def test_the_plain_characters_are_those_rich_counts_one_cell_wide() -> None:
    from rich.cells import cell_len

    below = [chr(code) for code in range(0x300)]
    plain = {c for c in below if plain_layout.single_cell(c)}
    # Soft hyphen: rich counts it one cell, but outside its own fast set; left to rich.
    kept = {c for c in below if clean(c) == c and cell_len(c) == 1} - {"\xad"}
    assert plain == kept
    assert "\u0301" not in plain and "界" not in plain  # combining, wide
    with pytest.raises(plain_layout.NotPlain):
        plain_layout.wrap("Caf\u0065\u0301", 40)


# --------------------------------------------------------------------------- pages


@pytest.mark.parametrize("language", ["en", "es"])
def test_sample_searches_match_rich(sample, language: str) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(language)
    for filters, width in itertools.product(SAMPLE_SEARCHES, WIDTHS):
        _same_search(sample, filters, width)
    assert "\n  Id " in _same_search(sample, {"zip_code": "40202"}, 80)


@pytest.mark.parametrize("language", ["en", "es"])
def test_sample_shows_match_rich(sample, language: str) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language(language)
    for program, width in itertools.product(sample.programs, (*WIDTHS, 150)):
        _same_show(sample, program, width)


#: Searches of the national directory: cities, a small town, what it cannot answer
#: (plans, schedules), and where no listing names an IOP.
NATIONAL_SEARCHES = [
    {"zip_code": "40202"},
    {"zip_code": "10001"},
    {"zip_code": "60601"},
    {"zip_code": "99501"},
    {"zip_code": "40202", "insurance": ["aetna"], "schedules": ["evening"]},
    {"zip_code": "59001", "conditions": ["depression"]},
    {"zip_code": "96813", "conditions": ["anxiety"]},
]


@pytest.mark.parametrize("filters", NATIONAL_SEARCHES)
def test_national_results_match_rich(national, filters: dict) -> None:  # type: ignore[no-untyped-def]
    for width in (40, 80):
        text = _same_search(national, filters, width, limit=40)
    assert "Listed in SAMHSA's National Directory" in text
    for match in search(national, parse_filters(**filters)).matches[:5]:
        _same_show(national, match.program, 80)


def test_what_the_plain_writer_leaves_to_rich(sample) -> None:  # type: ignore[no-untyped-def]
    from iopguide.directory.notes import Note

    result = search(sample, parse_filters(zip_code="40202"))
    assert plain_pages.search_text(result, sample.info, 20, 130) is None  # a table
    assert plain_pages.search_text(result, sample.info, 20, 19) is None
    program = result.matches[0].program
    note = Note(program.id, learned_on=datetime.date(2026, 1, 2), phone="555")
    assert plain_pages.program_text(program, sample.info, 80, note) is None


def test_results_with_your_notes_match_rich(sample) -> None:  # type: ignore[no-untyped-def]
    """A note's row ("Your note, DATE") widens the labels; one marked closed is counted."""
    from iopguide.directory.notes import Note

    first, second, third = (program.id for program in sample.programs[:3])
    notes = {
        first: Note(first, datetime.date(2026, 11, 20), runs_iop=True, wait="about 2 weeks"),
        second: Note(second, datetime.date(2026, 11, 21), closed=True),
        third: Note(third, datetime.date(2026, 11, 22), note="Call\nMonday", plans=("Gold",)),
    }
    result = search(sample, parse_filters(zip_code="40202", radius=500.0), notes)
    for width in WIDTHS[1:]:  # at 20 the note's label leaves its text no room: rich's
        text = plain_pages.search_text(result, sample.info, 20, width)
        expected = _rich(
            lambda console: results_view.render_search(result, sample.info, 20, console), width
        )
        assert text == expected
    assert "\n  Your note, 2026-11-20 " in text


@pytest.mark.parametrize(
    "filters",
    [
        {"states": ["WY"]},
        {"zip_code": "40202", "radius": 0.5, "levels": ["php"], "age_groups": ["adolescents"]},
        {"cities": ["Nowhere"], "states": ["KY"]},
        {"zip_code": "82001", "levels": ["php"], "insurance": ["aetna"]},
    ],
)
def test_no_results_match_rich(sample, filters: dict) -> None:  # type: ignore[no-untyped-def]
    for width in (*WIDTHS, 200):  # no table without results, at any width
        text = _same_search(sample, filters, width)
    assert text.startswith("No programs matched all of your filters.\n")
    i18n.set_language("es")
    for width in (20, 80):
        assert _same_search(sample, filters, width).startswith("Ningún")


# --------------------------------------------------------------------------- made-up texts

#: Texts a directory file may hold: long words, addresses, many spaces, accents, and
#: now and then a character the plain writer leaves to rich (wide, combining, a tab).
_pieces = st.sampled_from(
    [
        "a",
        "Centro de Recuperación",
        "https://example.org/a/very/long/path/that/never/ends?query=1&other=2",
        "Supercalifragilisticexpialidociousandthensomemoreletters",
        "   ",
        " ",
        "São Paulo",
        "Ñandú",
        "x" * 45,
        "-",
        "·",
        "(502) 555-0100",
        "Müller-Lüdenscheidt",
        "\u00a0",
        "界",
        "e\u0301",
        "\t",
    ]
)
texts = st.lists(_pieces, min_size=1, max_size=8).map("".join)
LISTING = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@functools.cache
def _sample_document() -> dict:
    return yaml.safe_load(Path(sample_directory_path()).read_text(encoding="utf-8"))


def _with_texts(name: str, words: str, city: str) -> bytes:
    """The sample directory's first programme alone in a JSON file, its texts replaced."""
    document = copy.deepcopy(_sample_document())
    first = document["programs"][0]
    document["programs"] = [first]
    first["name"] = name
    first["organization"] = words
    first["insurance_plans"] = [words, city]
    first["location"]["street"] = words
    first["location"]["city"] = city
    first["contact"]["phone"] = words
    first["notes"] = words
    first["serves_only"] = [city]
    return json.dumps(document).encode()


@LISTING
@given(
    name=texts.map(lambda text: "N" + text),
    words=texts,
    city=texts,
    width=st.integers(min_value=20, max_value=129),
)
def test_made_up_listings_match_rich(name: str, words: str, city: str, width: int) -> None:
    try:
        directory = parse_directory(_with_texts(name, words, city), "made-up.json")
    except DataError:  # a blank name, say: the directory's checks refuse it
        assume(False)
    program = directory.programs[0]
    result = search(directory, parse_filters(zip_code="40202", radius=1000.0, levels=["any"]))
    every_char = name + words + city
    plain = plain_pages.search_text(result, directory.info, 0, width)
    expected = _rich(
        lambda console: results_view.render_search(result, directory.info, 0, console), width
    )
    assert plain in (None, expected)
    shown = plain_pages.program_text(program, directory.info, width)
    expected = _rich(
        lambda console: results_view.render_program(program, directory.info, console), width
    )
    assert shown in (None, expected)
    if plain_layout.single_cell(every_char):
        assert plain is not None and shown is not None


# --------------------------------------------------------------------------- the width


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_width_is_the_one_rich_uses(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every mix of $COLUMNS, $TERM, FORCE_COLOR, TTY_COMPATIBLE, a width asked for and
    terminal sizes on the standard streams: rich's console and pipe_width agree."""
    cases = itertools.product(
        (None, "57", "0", "wide"),  # COLUMNS
        (None, "dumb", "xterm"),  # TERM
        (None, "", "1"),  # FORCE_COLOR
        (None, "0", "1"),  # TTY_COMPATIBLE
        (None, 33),  # width asked for
        (None, (91, 30), (0, 0)),  # the size stderr reports (stdin and stdout are no terminal)
        (False, True),  # whether the stream says it is a terminal
    )
    for columns, term, force, compatible, width, size, isatty in cases:
        for name, value in (
            ("COLUMNS", columns),
            ("TERM", term),
            ("FORCE_COLOR", force),
            ("TTY_COMPATIBLE", compatible),
        ):
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)

        def terminal_size(fd: int, size=size) -> os.terminal_size:  # type: ignore[no-untyped-def]
            if size is None or fd != sys.__stderr__.fileno():
                raise OSError("not a terminal")
            return os.terminal_size(size)

        monkeypatch.setattr(os, "get_terminal_size", terminal_size)
        options = {} if width is None else {"width": width}
        console = make_console(file=_Tty() if isatty else io.StringIO(), **options)
        found = pipe_width(isatty, width)
        case = (columns, term, force, compatible, width, size, isatty)
        assert rich_sees_terminal(isatty, os.environ) == console.is_terminal, case
        assert found == (None if console.is_terminal else console.width), case


# --------------------------------------------------------------------------- no rich at all


_NO_RICH = (
    "import sys; from iopguide.entry import main; code = main(sys.argv[1:]); "
    "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'), file=sys.stderr); "
    "sys.exit(code)"
)


def _without_rich(*args: str) -> str:
    """What the command prints to a pipe, checking that it never imported rich."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "TERM")}
    done = subprocess.run(
        [sys.executable, "-c", _NO_RICH, *args],
        stdin=subprocess.DEVNULL,  # no terminal's width either (rich would take stdin's)
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "[]", done.stderr
    return done.stdout


def test_a_pipe_gets_results_without_rich(tmp_path: Path) -> None:
    document = yaml.safe_load(Path(sample_directory_path()).read_text(encoding="utf-8"))
    document["directory"]["sample"] = False  # no SAMPLE notice on stderr (that is rich's)
    directory = tmp_path / "directory.json"
    directory.write_text(json.dumps(document), encoding="utf-8")
    out = _without_rich("find", "-d", str(directory), "--zip", "40202")
    assert out.startswith("1. Lamplight Sample Recovery Center\n  Miles ")


def test_a_pipe_gets_the_national_results_and_a_show_without_rich(national) -> None:  # type: ignore[no-untyped-def]
    program = search(national, parse_filters(zip_code="40202")).matches[0].program
    assert _without_rich("find", "--zip", "40202").startswith(f"1. {program.name}\n")
    assert "\nId  " in _without_rich("show", program.id)
