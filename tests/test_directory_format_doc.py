"""docs/directory-format.md stays true: its examples validate, its tables match the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from iopguide import vocabulary as V
from iopguide.directory import schema as S
from iopguide.directory.load import check_bytes
from iopguide.directory.schema import BY_FIELD

DOC = Path(__file__).resolve().parents[1] / "docs" / "directory-format.md"


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _table_row(term: V.Term) -> str:
    aliases = ", ".join(f"`{_cell(a)}`" for a in (*term.aliases, *term.es))
    return f"| `{term.id}` | {_cell(term.label)} | {aliases} |"


@pytest.mark.parametrize("field", sorted(BY_FIELD))
def test_every_term_is_in_the_allowed_values_table(doc: str, field: str) -> None:
    """A new id, label or alias (English or Spanish) in vocabulary.py must reach the docs."""
    missing = [t.id for t in BY_FIELD[field] if _table_row(t) not in doc]
    assert not missing, f"{field}: docs/directory-format.md has no up-to-date row for {missing}"


def test_every_state_code_is_listed(doc: str) -> None:
    assert all(f"`{code}`" in doc for code in V.STATES.ids)


def test_the_examples_are_valid_directory_files(doc: str) -> None:
    examples = re.findall(r"```(yaml|json)\n(.*?)```", doc, re.S)
    assert {kind for kind, _ in examples} == {"yaml", "json"}
    for kind, body in examples:
        result = check_bytes(body.encode(), f"example.{kind}")
        assert result.valid, [p.message for p in result.problems]
        assert result.directory is not None and result.directory.programs


def test_the_complete_example_uses_every_program_field(doc: str) -> None:
    from iopguide.directory.validate import PROGRAM_FIELDS

    body = re.search(r"```yaml\n(.*?)```", doc, re.S).group(1)
    first = body.split("\n  - id:")[1]
    missing = [f for f in PROGRAM_FIELDS if f != "id" and f"\n    {f}:" not in first]
    assert not missing


@pytest.mark.parametrize(
    ("table", "required_column"),
    [(S.PROGRAM, True), (S.LOCATION, False), (S.SCHEDULE, False), (S.CONTACT, False)],
    ids=["program", "location", "schedule", "contact"],
)
def test_the_field_tables_are_the_schema(doc: str, table, required_column: bool) -> None:
    """Each field's row (type, required, meaning) is written from directory/schema.py."""
    missing = [row for row in S.doc_rows(table, required_column=required_column) if row not in doc]
    assert not missing, "docs/directory-format.md needs these rows:\n" + "\n".join(missing)
