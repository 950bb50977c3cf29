"""Fuzzing: answers files and directory files made by hypothesis, run through the commands.

Whatever the file holds (valid shapes with wrong values, NaN and huge numbers,
control characters, deep lists, bytes that are not text), the command ends
with a documented exit status (0, 1 or 2) and never with a traceback or
"unexpected problem". Bounded: a few dozen examples each, a few seconds in all.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iopguide.assessment.questions import QUESTION_IDS
from iopguide.cli import run

DOCUMENTED = {0, 1, 2}
FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["yes", "no", "YES!", "“yes”", "iop", "40202", "NaN", "1e999", "~", "*a"]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
answer_maps = st.dictionaries(
    st.one_of(st.sampled_from(QUESTION_IDS), st.text(max_size=12)), values, max_size=12
)


def _serialise(document: object, style: str) -> bytes:
    import yaml

    if style == "json":
        return json.dumps(document, allow_nan=True, default=str).encode()
    return yaml.safe_dump(document, allow_unicode=True).encode("utf-8", "surrogatepass")


files = st.one_of(
    st.tuples(answer_maps, st.sampled_from(["json", "yaml"])).map(lambda t: _serialise(*t)),
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
)


def _check(capsys, args: list[str]) -> None:
    code = run(args)
    out, err = capsys.readouterr()
    assert code in DOCUMENTED, err
    assert "unexpected problem" not in err
    assert "Traceback" not in err + out


@FUZZ
@given(data=files)
def test_any_answers_file_gets_a_documented_answer(tmp_path_factory, capsys, data) -> None:
    path = tmp_path_factory.mktemp("answers") / "answers.txt"
    path.write_bytes(data)
    _check(capsys, ["assess", "--answers", str(path), "--json"])


programs = st.lists(
    st.fixed_dictionaries(
        {"id": values, "name": values, "levels": values, "conditions": values},
        optional={
            "location": st.fixed_dictionaries(
                {}, optional={k: values for k in ("state", "zip", "lat", "lon", "city")}
            ),
            "payment": values,
            "schedule": values,
            "contact": values,
            "telehealth": values,
            "insurance_plans": values,
            "last_verified": values,
        },
    ),
    max_size=4,
)
directories = st.fixed_dictionaries(
    {"directory": st.one_of(values, st.fixed_dictionaries({"name": values})), "programs": programs}
)


@settings(FUZZ, max_examples=20)
@given(document=directories, style=st.sampled_from(["json", "yaml"]))
def test_any_directory_file_gets_a_documented_answer(
    tmp_path_factory, capsys, document, style
) -> None:
    folder: Path = tmp_path_factory.mktemp("directory")
    path = folder / f"directory.{style}"
    path.write_bytes(_serialise(document, style))
    _check(capsys, ["directory", "validate", str(path), "--json"])
    _check(capsys, ["find", "--directory", str(path), "--zip", "40202", "--no-cache"])


flag_values = st.text(max_size=40) | st.sampled_from(["nan", "-1", "1e999", "0", "40202-", "ＫＹ"])


@settings(FUZZ, max_examples=25)
@given(
    option=st.sampled_from(
        [
            "--zip",
            "--condition",
            "--state",
            "--city",
            "--insurance",
            "--level",
            "--radius",
            "--age-group",
            "--language",
            "--schedule",
            "--limit",
        ]
    ),
    value=flag_values,
)
def test_any_search_value_gets_a_documented_answer(capsys, option, value) -> None:
    if value.startswith("-") and option != "--radius":
        value = " " + value  # a value, not a flag
    _check(capsys, ["find", option, value, "--json"])
    _check(capsys, ["show", value])
    _check(capsys, ["learn", value])
