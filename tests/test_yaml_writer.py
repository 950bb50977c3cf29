"""The directory YAML writer: what it writes, the safe reader reads back unchanged."""

from __future__ import annotations

import json
import lzma
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iopguide.directory.importers.yaml_writer import lines, list_item, scalar
from iopguide.directory.reader import read_document

NATIONAL = Path(__file__).resolve().parent.parent / "data" / "national-directory.json.xz"


def read_back(text: str) -> object:
    document = read_document(text.encode("utf-8"), "test.yaml")
    assert document.problems == []
    return document.root


def as_yaml(data: dict) -> str:
    return "".join(lines(data))


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "Yes",
        "off",
        "null",
        "~",
        "",
        "02108",
        "0x1F",
        "1_000",
        "12:30",
        "3.5",
        ".inf",
        "2022-05-06",
        "a: b",
        "a #b",
        "- x",
        "[x]",
        "{x}",
        "'x'",
        '"x"',
        "x ",
        " x",
        "*ref",
        "&a",
        "!tag",
        "%x",
        "@x",
        "`x",
        "? x",
        "| x",
        "> x",
        "line\nbreak",
        "tab\there",
        "C1\x85here",
        "sep\u2028here",
        "bom\ufeff",
        "del\x7f",
        "é accent",
        "Niños (13-17)",
        "St. Mary's",
        "A, B and C",
    ],
)
def test_awkward_text_reads_back_as_the_same_text(text: str) -> None:
    assert read_back(as_yaml({"value": text, "list": [text, "plain"]})) == {
        "value": text,
        "list": [text, "plain"],
    }


def test_plain_where_it_is_safe_quoted_where_it_is_not() -> None:
    assert scalar("Louisville") == "Louisville"
    assert scalar("St. Mary's Center") == "St. Mary's Center"
    assert scalar("no") == '"no"' and scalar("02108") == '"02108"'
    assert scalar("2022-05-06") == '"2022-05-06"'
    assert scalar("502-555-0100", quote=True) == '"502-555-0100"'
    assert scalar(1e-05) == "1.0e-05" and scalar(38.25) == "38.25" and scalar(7) == "7"
    assert scalar(True) == "true" and scalar(None) == "null"
    with pytest.raises(ValueError):
        scalar(float("nan"))


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["name", "city", "note", "zip"]),
        st.one_of(
            st.text(),
            st.integers(-(10**12), 10**12),
            st.floats(allow_nan=False, allow_infinity=False),
            st.booleans(),
            st.none(),
            st.lists(st.text(), max_size=3),
        ),
    )
)
def test_any_value_reads_back_the_same(data: dict) -> None:
    assert read_back(as_yaml({"programs": None, **data}) if not data else as_yaml(data)) == (
        data or {"programs": None}
    )


def test_a_list_of_mappings() -> None:
    text = "programs:\n" + list_item({"id": "a", "levels": ["iop"], "location": {"zip": "02108"}})
    text += list_item({"id": "b"}, frozenset({"zip"}))
    assert read_back(text) == {
        "programs": [{"id": "a", "levels": ["iop"], "location": {"zip": "02108"}}, {"id": "b"}]
    }


@pytest.mark.skipif(not NATIONAL.exists(), reason="the shipped national directory is absent")
def test_the_national_directory_as_yaml_reads_back_identically() -> None:
    data = json.loads(lzma.decompress(NATIONAL.read_bytes()))
    text = "directory:\n" + "".join(lines(data["directory"], 2)) + "programs:\n"
    text += "".join(list_item(program) for program in data["programs"])
    assert read_back(text) == data
