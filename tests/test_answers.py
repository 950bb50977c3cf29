"""Answers from files and --answer flags: natural YAML, aliases, overrides, clear errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from iopguide.assessment import (
    Answers,
    assess,
    gather_answers,
    parse_answers_text,
    read_answers_file,
    require_complete,
)
from iopguide.errors import DataError, UsageError

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "answers.yaml"

FULL_YAML = """\
danger_now: no
withdrawal: no
round_the_clock: no
current_care: none
outpatient_enough: no
daily_impact: some
home: yes
time: yes
concerns: [depression]
"""


def gather(text: str, flags: list[str] | None = None) -> Answers:
    return gather_answers(parse_answers_text(text), flags or []).answers


def test_yaml_booleans_become_yes_and_no() -> None:
    got = gather("danger_now: no\nhome: yes\ntime: NO\nround_the_clock: Yes\nwithdrawal: off\n")
    assert got.get("danger_now") == "no"
    assert got.get("home") == "yes"
    assert got.get("time") == "no"
    assert got.get("round_the_clock") == "yes"
    assert got.get("withdrawal") == "no"


def test_boolean_for_a_question_without_yes_is_invalid() -> None:
    with pytest.raises(UsageError) as err:
        gather("daily_impact: yes\n")
    assert err.value.message == (
        "daily_impact cannot be True. Allowed: little, some, a_lot, unable."
    )


@pytest.mark.parametrize(
    ("text", "question", "value"),
    [
        ("daily_impact: a lot", "daily_impact", "a_lot"),
        ("daily_impact: A-Lot", "daily_impact", "a_lot"),
        ("Daily-Impact: UNABLE", "daily_impact", "unable"),
        ("withdrawal: not applicable", "withdrawal", "not_applicable"),
        ("withdrawal: n/a", "withdrawal", "not_applicable"),
        ("withdrawal: Not sure", "withdrawal", "unsure"),
        ("current_care: Leaving-Inpatient", "current_care", "leaving_inpatient"),
        ('{"time": "Maybe"}', "time", "maybe"),
    ],
)
def test_case_spaces_hyphens_and_aliases(text: str, question: str, value: str) -> None:
    assert gather(text).get(question) == value


@pytest.mark.parametrize(
    "text",
    [
        "concerns: [depression, PTSD, depression]",
        "concerns: depression, ptsd",
        "concerns:\n  - Trauma\n  - depression\n",
    ],
)
def test_concerns_as_list_or_comma_separated(text: str) -> None:
    assert gather(text).get("concerns") == ("depression", "trauma")


def test_flags_override_the_file_and_concern_flags_add_up() -> None:
    got = gather(
        FULL_YAML,
        ["home=somewhat", "concerns=anxiety", "concerns=substance use", "time = maybe"],
    )
    assert got.get("home") == "somewhat"
    assert got.get("time") == "maybe"
    assert got.get("concerns") == ("anxiety", "substance_use")
    assert got.get("danger_now") == "no"  # untouched file answers stay


def test_unknown_question_suggests_the_nearest() -> None:
    with pytest.raises(UsageError) as err:
        gather("danger: no\n")
    assert "There is no question called 'danger'" in err.value.message
    assert "Did you mean danger_now?" in err.value.message
    assert err.value.exit_code == 2


def test_invalid_value_names_id_value_and_allowed() -> None:
    with pytest.raises(UsageError) as err:
        gather("time: sometimes\n")
    assert err.value.message == "time cannot be 'sometimes'. Allowed: yes, maybe, no."


def test_several_problems_are_listed_together() -> None:
    with pytest.raises(UsageError) as err:
        gather("home: maybe\nconcerns: [depression, cats]\n", ["sleep=bad"])
    message = err.value.message
    assert message.startswith("3 answers cannot be used:")
    assert "home cannot be 'maybe'" in message
    assert "concerns cannot be 'cats'" in message
    assert "There is no question called 'sleep'" in message


def test_flag_without_equals_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as err:
        gather("", ["danger_now"])
    assert "--answer needs id=value" in err.value.message


def test_missing_answers_lists_each_id_with_values_and_how() -> None:
    got = gather("danger_now: no\nwithdrawal: no\n")
    with pytest.raises(UsageError) as err:
        require_complete(got)
    message = err.value.message
    assert message.startswith("7 answers are missing")
    for qid, allowed in [
        ("round_the_clock", "yes, no"),
        ("current_care", "none, outpatient, leaving_inpatient, php"),
        ("outpatient_enough", "yes, no, unsure"),
        ("daily_impact", "little, some, a_lot, unable"),
        ("home", "yes, somewhat, no"),
        ("time", "yes, maybe, no"),
        ("concerns", "depression, anxiety"),
    ]:
        assert f"  {qid}: {allowed}" in message
        assert f"--answer {qid}=" in message
    assert "withdrawal:" not in message
    assert "--answer round_the_clock=yes" in err.value.hint
    assert "answers file" in err.value.hint


def test_danger_only_file_needs_nothing_else() -> None:
    got = gather("danger_now: yes\n")
    require_complete(got)  # no error
    assert assess(got).level == "emergency"


def test_danger_yes_sets_other_problems_aside() -> None:
    gathered = gather_answers(parse_answers_text("danger_now: yes\ntime: often\nmood: low\n"))
    assert gathered.answers.in_danger
    assert len(gathered.set_aside) == 2
    assert assess(gathered.answers).level == "emergency"


def test_empty_value_means_not_answered_yet() -> None:
    got = gather("danger_now: no\ntime:\n")
    assert "time" not in got


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("- danger_now\n- no\n", "must be a mapping"),
        ("just words", "must be a mapping"),
        ("danger_now: [no\n", "Cannot read the answers"),
        ("time: yes\ntime: no\n", "answered twice"),
        ("[" * 5000, "Cannot read the answers"),
    ],
)
def test_unreadable_files_are_data_errors(text: str, fragment: str) -> None:
    with pytest.raises(DataError) as err:
        parse_answers_text(text, "my.yaml")
    assert fragment in err.value.problems[0].message
    assert err.value.problems[0].file == "my.yaml"


def test_duplicate_key_reports_its_line() -> None:
    with pytest.raises(DataError) as err:
        parse_answers_text("danger_now: no\ntime: yes\ndanger_now: yes\n")
    assert err.value.problems[0].line == 3


def test_read_from_stdin_and_missing_file(tmp_path: Path) -> None:
    assert read_answers_file("-", stdin=io.StringIO("home: yes\n")) == {"home": True}
    with pytest.raises(UsageError) as err:
        read_answers_file(str(tmp_path / "nope.yaml"))
    assert "No answers file" in err.value.message


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * 70_000 + "\n")
    with pytest.raises(DataError) as err:
        read_answers_file(str(big))
    assert "Too big" in err.value.problems[0].message


def test_readme_example_file_is_complete_and_natural() -> None:
    text = EXAMPLE.read_text()
    assert "danger_now: no" in text and "home: yes" in text  # written naturally, unquoted
    got = gather_answers(read_answers_file(str(EXAMPLE))).answers
    require_complete(got)
    assert assess(got).level == "iop"


# -- anchors, aliases and values too big to quote -------------------------------------

LAUGHS = (
    "a: &a [x,x,x,x,x,x,x,x,x]\n"
    + "".join(
        f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
        for prev, name in zip("abcdefghi", "bcdefghij", strict=True)
    )
    + "concerns: *j\n"
)


def test_nested_aliases_are_refused_before_anything_expands() -> None:
    with pytest.raises(DataError) as err:
        parse_answers_text(LAUGHS, "laughs.yaml")
    problem = err.value.problems[0]
    assert "anchors and aliases (& and *) are not allowed in an answers file" in problem.message
    assert problem.file == "laughs.yaml"
    assert problem.line == 1  # the first anchor


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("time: &t yes\nhome: yes\n", 1),
        ("danger_now: no\nconcerns: &c\n  - anxiety\n", 2),
        ("danger_now: no\nhome: yes\ntime: *t\n", 3),  # an alias with no anchor
        ("base: &b {time: yes}\nanswers:\n  <<: *b\n", 1),
    ],
)
def test_any_anchor_or_alias_is_refused_with_its_line(text: str, line: int) -> None:
    with pytest.raises(DataError) as err:
        parse_answers_text(text, "my.yaml")
    assert "anchors and aliases (& and *) are not allowed" in err.value.problems[0].message
    assert err.value.problems[0].line == line


def test_an_ampersand_or_star_inside_a_value_is_only_text() -> None:
    assert parse_answers_text("time: 'a & b'\nhome: \"*x\"\n") == {"time": "a & b", "home": "*x"}


def test_a_list_for_a_single_choice_question_is_described_not_quoted() -> None:
    with pytest.raises(UsageError) as err:
        gather("time: [yes, no, maybe, yes, no, maybe, yes, no, maybe]\n")
    assert "a list of 9 items" in err.value.message
    assert "maybe" not in err.value.message.split("Allowed")[0]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ([["anxiety"] * 3], "a list of 3 items"),
        ([{"a": 1, "b": 2}], "a mapping of 2 keys"),
        ([[]], "an empty list"),
        ([["x"]], "a list of 1 item"),
    ],
)
def test_a_nested_value_in_concerns_is_described_by_type_and_size(value, shown) -> None:
    from iopguide.assessment.answers import normalise_value
    from iopguide.assessment.questions import get_question

    with pytest.raises(UsageError) as err:
        normalise_value(get_question("concerns"), value)
    assert f"concerns cannot be {shown}." in err.value.message


def test_a_huge_concerns_list_is_refused_without_walking_it() -> None:
    from iopguide.assessment.answers import normalise_value
    from iopguide.assessment.questions import get_question

    with pytest.raises(UsageError) as err:
        normalise_value(get_question("concerns"), ["anxiety"] * 10_000)
    assert "a list of 10000 items" in err.value.message


def test_a_list_as_a_key_is_described_not_quoted() -> None:
    with pytest.raises(UsageError) as err:
        gather_answers({("x",) * 50: "yes"})
    assert "There is no question called a list of 50 items" in err.value.message


@pytest.mark.parametrize("text", ["time: " + "1" * 5000, '{"time": ' + "1" * 5000 + "}"])
def test_a_number_too_long_to_convert_is_a_data_error(text: str) -> None:
    with pytest.raises(DataError) as err:
        parse_answers_text(text, "my.yaml")
    assert "a number in it is far too long" in err.value.problems[0].message


# -- danger_now: yes in a file that cannot be parsed -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "danger_now: yes\ntime: yes\ntime: no\n",
        "danger_now: YES\n",
        "  Danger_Now:   y   # said so\n",
        "danger-now: on\n",
        "danger_now: 'yes'\n",
        'danger_now: "True"\n',
        '{"danger_now": "yes", "time": [}',
        '{"time": "no", "danger_now": true}',
        '{\n  "home": "yes",\n  "danger_now": true,\n}',
        "{danger_now: yes, time: [",
        "- danger_now: yes\n",
        '{"note": "a #1 day", "danger_now": true, "time": }',
        "note: 'see # here', danger_now: yes\n",
        "note: don't, danger_now: yes\n",
    ],
)
def test_danger_yes_is_found_in_raw_text(text: str) -> None:
    from iopguide.assessment.danger import danger_in_text

    assert danger_in_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "danger_now: no\ntime: [\n",
        "# danger_now: yes\ntime: yes\ntime: no\n",
        "time: no  # , danger_now: yes\n",
        "danger_now: no # yes\n",
        'notes: "danger_now: yes"\n',
        "danger_now: yesterday\n",
        "danger_now: not yes\n",
        '{"danger_now": false, "note": "danger_now: yes"}',
        "no_danger_now: yes\n",
        "note: 'it''s fine' # , danger_now: yes\n",
        "",
    ],
)
def test_danger_no_or_a_comment_is_not_mistaken_for_yes(text: str) -> None:
    from iopguide.assessment.danger import danger_in_text

    assert not danger_in_text(text)


def test_unparsable_file_saying_danger_gives_the_emergency(tmp_path: Path) -> None:
    from iopguide.assessment.answers import load_answers

    path = tmp_path / "a.yaml"
    path.write_text("danger_now: yes\ntime: yes\ntime: no\n")
    gathered = load_answers(str(path))
    assert gathered.answers.to_dict() == {"danger_now": "yes"}
    assert gathered.unreadable == (f"{path}:3: 'time' is answered twice; keep one.",)
    assert assess(gathered.answers).level == "emergency"


def test_a_danger_flag_wins_over_a_broken_or_missing_file(tmp_path: Path) -> None:
    from iopguide.assessment.answers import load_answers

    path = tmp_path / "a.yaml"
    path.write_text("time: [\n")
    for source in (str(path), str(tmp_path / "missing.yaml")):
        gathered = load_answers(source, ["danger_now=yes", "time=yes"])
        assert gathered.answers.to_dict() == {"danger_now": "yes", "time": "yes"}
        assert gathered.unreadable


@pytest.mark.parametrize("text", ["danger_now: yes\ntime: [\n", "danger_now: yes\n"])
def test_a_no_flag_against_a_yes_in_the_file_is_a_conflict_and_means_danger(
    tmp_path, text: str
) -> None:
    from iopguide.assessment.answers import load_answers

    path = tmp_path / "a.yaml"
    path.write_text(text)
    assert load_answers(str(path), ["danger_now=no"]).answers.in_danger


def test_broken_file_without_danger_is_still_an_error(tmp_path: Path) -> None:
    from iopguide.assessment.answers import load_answers

    path = tmp_path / "a.yaml"
    path.write_text("danger_now: no\ntime: yes\ntime: no\n")
    with pytest.raises(DataError):
        load_answers(str(path), ["home=yes"])


def test_danger_in_a_file_that_is_not_utf8_still_gives_the_emergency(tmp_path) -> None:
    from iopguide.assessment.answers import load_answers

    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes(b"danger_now: yes\nnote: caf\xe9\n")
    assert load_answers(str(latin1), []).answers.values["danger_now"] == "yes"


def test_a_utf16_answers_file_from_powershell_is_read(tmp_path) -> None:
    from iopguide.assessment.answers import read_answers_text

    utf16 = tmp_path / "a16.yaml"
    utf16.write_bytes("danger_now: no\nhome: yes\n".encode("utf-16"))
    text, _ = read_answers_text(str(utf16))
    assert text == "danger_now: no\nhome: yes\n"


@pytest.mark.parametrize(
    ("text", "shown"), [("time: 12:30\n", "'12:30'"), ("home: 1:30.5\n", "'1:30.5'")]
)
def test_a_clock_time_is_quoted_back_as_written_not_in_base_60(text: str, shown: str) -> None:
    """YAML 1.1 turns 12:30 into 750; the message must say what the person wrote."""
    with pytest.raises(UsageError) as err:
        gather(text)
    assert f"cannot be {shown}." in err.value.message
    assert "750" not in err.value.message


def test_plain_numbers_are_still_numbers() -> None:
    from iopguide.assessment.answers import parse_answers_text

    assert parse_answers_text("a: 12\nb: 1.5\nc: 0x1f\n") == {"a": 12, "b": 1.5, "c": 31}
