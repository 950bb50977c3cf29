"""typer's help formatter imported with rich's markdown and traceback standing in (cli_rich).

Each help page is printed twice in fresh interpreters: as iopguide does (the stand-ins),
and after importing ``typer.rich_utils`` the ordinary way first; the bytes must match,
plain and coloured, narrow and wide, in English and Spanish.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

#: iopguide as the console script runs it; the same after an ordinary import of typer's.
LIGHT = "import sys; from iopguide.entry import main; sys.exit(main(sys.argv[1:]))"
ORDINARY = "import typer.rich_utils; " + LIGHT
LINES = [
    ["--help"],
    ["-h"],
    ["find", "--help"],
    ["--lang", "es", "--help"],
    ["notes", "add", "--help", "--lang", "es"],
    ["directory", "import", "--help"],
]


def _run(code: str, args: list[str], **settings: str) -> tuple[bytes, bytes, int]:
    env = {**os.environ, **settings}
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True)
    return done.stdout, done.stderr, done.returncode


@pytest.mark.parametrize("args", LINES, ids=" ".join)
@pytest.mark.parametrize("columns", ["52", "120"])
def test_help_pages_are_the_same_bytes(args: list[str], columns: str) -> None:
    light = _run(LIGHT, args, COLUMNS=columns)
    assert light == _run(ORDINARY, args, COLUMNS=columns)
    assert light[2] == 0 and b"Usage:" in light[0]


def test_coloured_help_is_the_same_bytes() -> None:
    light = _run(LIGHT, ["find", "--help"], FORCE_COLOR="1")
    assert light == _run(ORDINARY, ["find", "--help"], FORCE_COLOR="1")
    assert b"\x1b[" in light[0]


def test_help_imports_neither_markdown_nor_tracebacks() -> None:
    unused = ("rich.markdown", "rich.traceback", "rich.syntax", "markdown_it", "pygments")
    code = (
        "import sys; from iopguide.entry import main; main(['--help']);"
        f"print(sorted(m for m in sys.modules if m.startswith({unused!r})),"
        " 'typer.rich_utils' in sys.modules, file=sys.stderr)"
    )
    _out, err, status = _run(code, [])
    assert status == 0 and err.strip() == b"[] True"


def test_the_stand_ins_become_rich_classes_when_used() -> None:
    code = (
        "import sys; from iopguide.cli_rich import import_help_formatter;"
        "import_help_formatter(); import typer.rich_utils as ru;"
        "print('rich.markdown' in sys.modules, end=' ');"
        "import rich.markdown, rich.traceback;"
        "made = ru._make_rich_text(text='*calm*', markup_mode='markdown');"
        "print(type(made) is rich.markdown.Markdown, isinstance(made, ru.Markdown), end=' ');"
        "err = ValueError('x');"
        "tb = ru.Traceback.from_exception(ValueError, err, None);"
        "print(type(tb) is rich.traceback.Traceback, hasattr(rich.markdown, 'Heading'))"
    )
    out, err, status = _run(code, [])
    assert status == 0, err
    assert out.split() == [b"False", b"True", b"True", b"True", b"True"]


def test_the_emoji_table_is_loaded_only_when_a_code_is_looked_up() -> None:
    code = (
        "import sys; from iopguide.entry import main; main(['--help']);"
        "table = sys.modules['rich._emoji_codes'];"
        "print(hasattr(table, '__file__'), end=' ');"
        "from rich.console import Console; import io; out = io.StringIO();"
        "Console(file=out).print(':smiley: and :no-such-code:');"
        "print(out.getvalue().strip() == '\\U0001f603 and :no-such-code:', end=' ');"
        "from rich.emoji import Emoji; print(str(Emoji('heart')) == '\\u2764',"
        " hasattr(sys.modules['rich._emoji_codes'], '__file__'))"
    )
    out, err, status = _run(code, [])
    assert status == 0, err
    assert out.split()[-4:] == [b"False", b"True", b"True", b"True"]


def test_plain_typer_help_imports_no_formatter() -> None:
    code = (
        "import sys; from iopguide.entry import main; main(['--help']);"
        "print('typer.rich_utils' in sys.modules, 'rich.console' in sys.modules, file=sys.stderr)"
    )
    out, err, status = _run(code, [], TYPER_USE_RICH="0")
    assert status == 0 and b"Usage:" in out and err.strip() == b"False False"
