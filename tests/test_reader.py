"""The reader: untrusted bytes become plain values or a clear problem, never a crash."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from iopguide.directory.load import check_bytes
from iopguide.directory.reader import (
    MAX_DEPTH,
    REFUSED,
    Mapping,
    Sequence,
    read_document,
    resolve_plain,
)
from iopguide.errors import DataError

HEADER = "directory:\n  name: Test directory\nprograms:\n"


def program(extra: str = "", *, id_: str = "test-iop") -> str:
    """One valid program in block style; *extra* lines are added (indented by the caller)."""
    return (
        f"  - id: {id_}\n"
        "    name: Test IOP\n"
        "    levels: [iop]\n"
        "    conditions: [depression]\n"
        f"{extra}"
    )


def problems_of(text: str | bytes, filename: str = "dir.yaml"):
    data = text.encode() if isinstance(text, str) else text
    result = check_bytes(data, filename)
    assert result.directory is None, "expected the file to be refused"
    return result.problems


def only_problem(text: str | bytes):
    found = problems_of(text)
    assert len(found) == 1, [p.message for p in found]
    return found[0]


# --- YAML 1.1 traps -------------------------------------------------------------------


def test_unquoted_zip_with_leading_zero_says_octal_and_to_quote():
    problem = only_problem(HEADER + program("    location: {city: Boston, zip: 01234}\n"))
    assert problem.line == 8
    assert problem.field == "location.zip"
    assert problem.program_id == "test-iop"
    assert "01234" in problem.message and "668" in problem.message
    assert "octal" in problem.message
    assert problem.hint is not None and '"01234"' in problem.hint


def test_no_read_as_false_in_a_list_of_states():
    problem = only_problem(HEADER + program("    telehealth_states: [KY, NO]\n"))
    assert problem.line == 8
    assert "YAML reads NO as false" in problem.message
    assert "quotes" in problem.hint


def test_sexagesimal_time_says_base_60():
    problem = only_problem(HEADER + program("    schedule:\n      times: [12:30]\n"))
    assert problem.line == 9
    assert problem.field == "schedule.times"
    assert "750" in problem.message and "base 60" in problem.message
    assert '"12:30"' in problem.hint


def test_yes_inside_a_list_of_text_is_reported_at_its_own_line():
    text = HEADER + program("    insurance_plans:\n      - Example Plan\n      - Yes\n")
    problem = only_problem(text)
    assert problem.line == 10
    assert "YAML reads Yes as true" in problem.message
    assert '"Yes"' in problem.hint


@pytest.mark.parametrize("null", ["~", "null", "NULL"])
def test_null_where_a_required_text_is_expected(null: str):
    text = (
        HEADER
        + f"  - id: test-iop\n    name: {null}\n    levels: [iop]\n    conditions: [anxiety]\n"
    )
    problem = only_problem(text)
    assert problem.field == "name" and problem.line == 5
    assert f"YAML reads {null} as 'no value'" in problem.message


def test_an_empty_required_field_says_it_is_empty():
    text = HEADER + "  - id: test-iop\n    name:\n    levels: [iop]\n    conditions: [anxiety]\n"
    problem = only_problem(text)
    assert problem.field == "name" and "empty" in problem.message


def test_an_unquoted_number_that_reads_back_the_same_is_accepted_as_text():
    data = HEADER + program("    location: {zip: 40202, street: 100}\n    notes: 2026-01-02\n")
    result = check_bytes(data.encode(), "dir.yaml")
    assert result.problems == []
    program_ = result.directory.programs[0]
    assert program_.location.zip == "40202"
    assert program_.location.street == "100"
    assert program_.notes == "2026-01-02"


# --- duplicate keys, aliases, anchors, tags -------------------------------------------


def test_duplicate_key_names_both_lines_and_keeps_the_first():
    text = HEADER + program("    payment: [medicaid]\n    payment: [medicare]\n")
    problem = only_problem(text)
    assert problem.line == 9
    assert "appears twice" in problem.message and "line 8" in problem.message
    assert problem.field == "payment"


def test_aliases_and_anchors_are_refused_and_never_expanded():
    text = (
        HEADER
        + "  - &base\n    id: a-iop\n    name: A\n    levels: [iop]\n    conditions: [anxiety]\n"
        + "  - *base\n"
    )
    found = problems_of(text)
    messages = " ".join(p.message for p in found)
    assert "anchor (&base)" in messages and "alias (*base)" in messages
    assert {p.line for p in found} == {4, 9}


def test_billion_laughs_is_refused_quickly():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    found = problems_of("\n".join(lines) + "\n")
    assert any("alias" in p.message for p in found)


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.system ['echo pwned > /tmp/iopguide-pwned']",
        "!foo bar",
        "!!python/name:os.system",
        "!!binary aGVsbG8=",
    ],
)
def test_custom_and_python_tags_are_refused(tagged: str):
    problem = only_problem(HEADER + program(f"    notes: {tagged}\n"))
    assert "tag" in problem.message and "not allowed" in problem.message
    assert problem.line == 8
    assert not Path("/tmp/iopguide-pwned").exists()


def test_standard_str_tag_is_allowed_and_keeps_text():
    data = HEADER + program("    location: {zip: !!str 01234}\n")
    result = check_bytes(data.encode(), "dir.yaml")
    assert result.problems == []
    assert result.directory.programs[0].location.zip == "01234"


# --- structure and bytes ---------------------------------------------------------------


def test_deep_nesting_is_a_clear_problem_not_a_crash():
    problem = only_problem(b"[" * 60_000)
    assert f"nested too deeply (more than {MAX_DEPTH} levels" in problem.message
    assert problem.line == 1


def test_deep_block_nesting_is_caught_too():
    text = "".join("  " * i + "- \n" for i in range(200))
    problem = only_problem(text)
    assert "nested too deeply" in problem.message


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\xef\xbb\xbf"])
def test_empty_file(data: bytes):
    assert "empty" in only_problem(data).message


def test_only_comments():
    assert "no content" in only_problem(b"# just a comment\n").message


def test_list_at_the_top_suggests_programs_and_header():
    problem = only_problem("- id: a\n  name: A\n")
    assert "starts with a list" in problem.message
    assert "programs:" in problem.hint and "directory:" in problem.hint


def test_scalar_at_the_top():
    problem = only_problem("just some words\n")
    assert "single value" in problem.message and "just some words" in problem.message


def test_several_documents():
    problem = only_problem(HEADER + program() + "---\n" + HEADER)
    assert "more than one YAML document" in problem.message
    assert problem.line == 8


def test_bytes_that_are_not_utf8_give_offset_and_line():
    data = (HEADER + program()).encode() + b"    notes: caf\xe9\n"
    problem = only_problem(data)
    offset = data.index(b"\xe9")
    assert f"byte offset {offset}" in problem.message and "0xe9" in problem.message
    assert problem.line == 8
    assert "UTF-8" in problem.hint


def test_utf16_is_named():
    problem = only_problem((HEADER + program()).encode("utf-16"))
    assert "UTF-16" in problem.message


def test_utf8_bom_is_accepted():
    result = check_bytes(b"\xef\xbb\xbf" + (HEADER + program()).encode(), "dir.yaml")
    assert result.problems == [] and len(result.directory.programs) == 1


def test_tab_indentation_is_explained_with_its_line():
    text = HEADER + program() + "    location:\n\t  city: Louisville\n"
    problem = only_problem(text)
    assert problem.line == 9
    assert "tab" in problem.message and "spaces" in problem.message


def test_syntax_error_gives_line_and_column():
    problem = only_problem(HEADER + program() + "    notes: [unclosed\n")
    assert problem.line is not None and problem.line >= 8
    assert "not valid YAML (line" in problem.message and "column" in problem.message


def test_control_character_in_the_file_is_named():
    problem = only_problem((HEADER + program()).encode() + b"    notes: a\x1b[31mred\n")
    assert "U+001B" in problem.message and problem.line == 8


def test_syntax_error_message_is_cleaned_of_control_characters():
    problem = only_problem(HEADER + program() + '    notes: "\u202e\n  bad: [\n')
    assert "\u202e" not in problem.message


# --- JSON fast path ---------------------------------------------------------------------


def test_json_duplicate_key_is_reported_with_lines():
    text = '{\n"directory": {"name": "X"},\n"programs": [],\n"programs": []\n}\n'
    problem = only_problem(text)
    assert "appears twice" in problem.message and problem.line == 4


def test_json_validation_problems_carry_line_numbers():
    text = (
        '{"directory": {"name": "X"},\n "programs": [\n  {"id": "a-iop", "name": "A",\n'
        '   "levels": ["iop"], "conditions": ["depression"],\n   "payment": ["medicad"]}\n]}\n'
    )
    problem = only_problem(text)
    assert problem.line == 5 and problem.program_id == "a-iop"
    assert "Did you mean 'medicaid'" in problem.message


def test_json_deep_nesting():
    problem = only_problem(b"{" + b'"a":[' * 100_000)
    assert "nested too deeply" in problem.message or "not valid YAML" in problem.message


def test_json_nan_is_not_a_coordinate():
    text = (
        '{"directory": {"name": "X"}, "programs": [{"id": "a", "name": "A", "levels": "iop",'
        ' "conditions": "anxiety", "location": {"lat": NaN, "lon": 1.0}}]}'
    )
    found = problems_of(text)
    assert found and all(p.program_id == "a" for p in found)


def test_truncated_json_is_a_json_error_on_a_line_that_exists():
    problem = only_problem('{"name": "x", "programs": [')  # one line, no newline
    assert problem.message == "The file is not valid JSON: Expecting value (line 1, column 28)."
    assert problem.line == 1
    assert "YAML" not in problem.message


def test_json_cut_short_in_a_string_points_into_the_file():
    text = (
        '{"directory": {"name": "X"},\n "programs": [\n  {"id": "a-iop", "name": "A",'
        ' "levels": ["iop"]},\n  {"id": "b-iop", "name": "Sampl'
    )
    problem = only_problem(text)
    assert problem.message.startswith("The file is not valid JSON: Unterminated string")
    assert "(line 4, column 27)" in problem.message and problem.line == 4  # where it opens


def test_json_with_a_trailing_comma_and_a_missing_bracket_names_the_comma():
    text = '{"directory": {"name": "X"},\n "programs": [\n  {"id": "a"},\n]'
    problem = only_problem(text)
    assert problem.message.startswith("The file is not valid JSON: ")
    assert "a comma before the closing ']' (JSON allows no trailing comma)" in problem.message
    assert "(line 4, column 1)" in problem.message and problem.line == 4


def test_a_json_list_cut_short_is_a_json_error():
    problem = only_problem('[{"id": "a"},')
    assert problem.message.startswith("The file is not valid JSON: ")
    assert problem.line == 1


def test_json_error_text_is_cleaned(monkeypatch):
    import json

    from iopguide.directory import reader

    def loads(*args, **kwargs):
        raise json.JSONDecodeError("Bad \x1b[31mthing\x07", "{", 1)

    monkeypatch.setattr(reader.json, "loads", loads)
    with pytest.raises(DataError) as caught:
        reader.read_document(b"{", "f.json")
    message = caught.value.problems[0].message
    assert "\x1b" not in message and "\x07" not in message and "thing" in message


def test_a_truncated_json_file_is_judged_without_the_slow_yaml_parse(monkeypatch):
    from iopguide.directory import reader

    def no_yaml(*args, **kwargs):
        raise AssertionError("the YAML path was consulted")

    monkeypatch.setattr(reader, "read_yaml", no_yaml)
    with pytest.raises(DataError) as caught:
        reader.read_document(b'{"directory": {"name": "X"},\n "programs": [\n  ', "f.json")
    assert caught.value.problems[0].line == 3


def test_json_that_is_valid_yaml_is_still_read():
    # A trailing comma is not JSON, but YAML (which the format accepts) allows it: the
    # file is read, not refused -- only a file neither can read gets the JSON error.
    with_comma = '{"directory": {"name": "X"},\n "programs": [],\n}\n'
    assert read_document(with_comma.encode(), "x").root == {
        "directory": {"name": "X"},
        "programs": [],
    }
    flow = b"{directory: {name: X}, programs: []}  # YAML flow style\n"
    assert read_document(flow, "x").root == {"directory": {"name": "X"}, "programs": []}


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_cut_of_a_json_directory_is_a_json_error_on_an_existing_line(data):
    import json

    text = json.dumps(yaml.safe_load(HEADER + program()), indent=1)
    cut = data.draw(st.integers(min_value=1, max_value=len(text) - 1))
    prefix = text[:cut]
    with pytest.raises(DataError) as caught:
        read_document(prefix.encode(), "x.json")
    problem = caught.value.problems[0]
    assert problem.message.startswith("The file is not valid JSON: "), problem.message
    assert 1 <= problem.line <= prefix.count("\n") + 1


def test_json_and_yaml_give_the_same_directory(tmp_path):
    text = HEADER + program("    location: {zip: '40202', lat: 38.25, lon: -85.75}\n")
    from_yaml = check_bytes(text.encode(), "x").directory
    import json

    as_json = json.dumps(yaml.safe_load(text)).encode()
    document = read_document(as_json, "x")
    assert document.format == "json"
    from_json = check_bytes(as_json, "x").directory
    assert [p.to_dict() for p in from_yaml.programs] == [p.to_dict() for p in from_json.programs]


# --- values and lines --------------------------------------------------------------------


def test_values_carry_lines_and_raw_text():
    document = read_document(b"a: 01234\nb:\n  - Yes\n  - x\n", "f")
    root = document.root
    assert isinstance(root, Mapping) and isinstance(root["b"], Sequence)
    assert root == {"a": 668, "b": [True, "x"]}
    assert root.raw == {"a": "01234"} and root.key_lines == {"a": 1, "b": 2}
    assert root["b"].item_lines == [3, 4] and root["b"].raw == {0: "Yes"}


def test_keys_stay_text_even_when_yaml_would_read_a_boolean():
    document = read_document(b"on: 1\nyes: 2\n", "f")
    assert document.root == {"on": 1, "yes": 2}


def test_a_refused_alias_becomes_refused_value():
    document = read_document(b"a: &x 1\nb: *x\n", "f")
    assert document.root["b"] is REFUSED
    assert len(document.problems) == 2


def test_a_list_as_key_is_a_problem():
    document = read_document(b"? [a, b]\n: 1\n", "f")
    assert any("key must be plain text" in p.message for p in document.problems)


def test_invalid_calendar_date_is_kept_as_text_not_a_crash():
    assert resolve_plain("2026-02-30") == "2026-02-30"
    with pytest.raises(ValueError):
        yaml.safe_load("2026-02-30")  # what PyYAML does with it


def test_reader_raises_dataerror_not_yamlerror():
    with pytest.raises(DataError):
        read_document(b"a: [", "f")


# YAML 1.1 implicit typing must agree with PyYAML's SafeLoader for every plain scalar.
PLAIN = st.text(alphabet="0123456789_:.-+eExXbBoOabcfnNyYtTlsuLS~ ", min_size=1, max_size=12)


@settings(max_examples=400, deadline=None)
@given(PLAIN)
def test_implicit_typing_matches_pyyaml(text: str):
    source = f"k: {text}\n"
    try:
        expected = yaml.safe_load(source)
    except (yaml.YAMLError, ValueError, OverflowError):
        return  # not a single plain scalar, or PyYAML itself fails on it
    if not isinstance(expected, dict) or list(expected) != ["k"]:
        return
    try:
        document = read_document(source.encode(), "f")
    except DataError:
        pytest.fail(f"reader refused what PyYAML read: {source!r}")
    ours = document.root["k"]
    want = expected["k"]
    if isinstance(want, float) and math.isnan(want):
        assert isinstance(ours, float) and math.isnan(ours)
    else:
        assert type(ours) is type(want) and ours == want, source


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("01234", 668),
        ("0x1F", 31),
        ("0b101", 5),
        ("1_000", 1000),
        ("12:30", 750),
        ("-1:30", -90),
        ("1.5", 1.5),
        ("1:30.5", 90.5),
        ("NO", False),
        ("on", True),
        ("~", None),
        ("", None),
        ("09123", "09123"),
        ("2026-11-01", dt.date(2026, 11, 1)),
        (".inf", math.inf),
        ("iop", "iop"),
    ],
)
def test_resolve_plain_examples(text: str, value: object):
    assert resolve_plain(text) == value
    assert type(resolve_plain(text)) is type(value)


def test_single_line_json_problems_are_on_line_1():
    text = (
        '{"directory": {"name": "X"}, "programs": [{"id": "a", "name": "A", '
        '"levels": ["iop"], "conditions": ["depresssion"]}]}'
    )
    problem = only_problem(text)
    assert problem.line == 1 and problem.program_id == "a"
    assert "Did you mean 'depression'" in problem.message


def test_a_large_json_file_with_a_slip_gets_its_json_error_not_a_slow_yaml_retry() -> None:
    from iopguide.directory import reader
    from iopguide.errors import DataError

    programs = ",\n".join(
        f'{{"id": "p{n}", "name": "P", "levels": ["iop"], "conditions": ["depression"]}}'
        for n in range(30_000)
    )
    big = ('{"directory": {"name": "x"}, "programs": [\n' + programs + ",\n]}").encode()
    assert len(big) > reader.YAML_RETRY_LIMIT
    with pytest.raises(DataError) as caught:
        reader.read_document(big, "big.json")
    message = caught.value.problems[0].message
    assert "not valid JSON" in message and "trailing comma" in message
