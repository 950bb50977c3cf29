"""The validator: every problem at once, located, with what would be valid."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from iopguide.directory.load import check_bytes, sample_directory_path
from iopguide.directory.reader import read_document
from iopguide.directory.validate import _Checker

HEADER = "directory:\n  name: Test directory\n  sample: true\n  updated: 2026-11-01\nprograms:\n"
# Lines: the first program starts at line 6.


def program(extra: str = "", *, id_: str = "test-iop", conditions: str = "[depression]") -> str:
    return (
        f"  - id: {id_}\n"
        "    name: Test IOP\n"
        "    levels: [iop]\n"
        f"    conditions: {conditions}\n"
        f"{extra}"
    )


def check(text: str):
    return check_bytes(text.encode(), "dir.yaml")


def problems_of(text: str):
    result = check(text)
    assert result.directory is None
    return result.problems


def only_problem(text: str):
    found = problems_of(text)
    assert len(found) == 1, [p.message for p in found]
    return found[0]


def test_a_full_program_is_read_into_the_model():
    text = HEADER + program(
        "    organization: Harbor Light Behavioral Health\n"
        "    payment: [Medicaid, private insurance, TRICARE, sliding scale]\n"
        "    insurance_plans: Example Health Plan\n"
        "    ages: [adults, Young Adults]\n"
        "    languages: [Spanish, english]\n"
        "    special_groups: [veteran]\n"
        "    serves_only: ['Veterans only']\n"
        "    location: {street: '1 Sample Way', city: Louisville, state: Kentucky,"
        " zip: '40202-1234', lat: 38.25, lon: -85.75}\n"
        "    telehealth: true\n"
        "    telehealth_states: [ky, Indiana]\n"
        "    schedule: {days_per_week: 3, hours_per_day: 3, times: [evening, Weekends]}\n"
        "    services: [group_therapy, individual therapy]\n"
        "    approaches: [DBT, cbt]\n"
        "    accreditation: [carf]\n"
        "    contact: {phone: '502-555-0100', website: 'https://example.org/x'}\n"
        "    notes: Free text\n"
        "    last_verified: '2026-11-01'\n"
        "    source: Sample\n",
        conditions="[PTSD, alcohol, depression]",
    )
    result = check(text)
    assert result.problems == []
    info = result.directory.info
    assert (info.name, info.sample, info.updated) == ("Test directory", True, "2026-11-01")
    p = result.directory.programs[0]
    assert p.line == 6
    assert p.conditions == ("depression", "trauma", "substance_use")  # vocabulary order
    assert p.payment == ("medicaid", "private_insurance", "military", "sliding_scale")
    assert p.insurance_plans == ("Example Health Plan",)
    assert p.ages == ("young_adults", "adults")
    assert p.languages == ("english", "spanish")
    assert p.special_groups == ("veterans",)
    assert p.location.state == "KY" and p.location.zip == "40202"
    assert (p.location.lat, p.location.lon) == (38.25, -85.75)
    assert p.telehealth is True and p.telehealth_states == ("IN", "KY")
    assert p.schedule.times == ("evening", "weekend")
    assert p.schedule.days_per_week == 3 and p.schedule.hours_per_day == 3.0
    assert p.approaches == ("cbt", "dbt")
    assert p.contact.website == "https://example.org/x"
    assert p.last_verified == "2026-11-01"


def test_list_fields_accept_a_single_value():
    result = check(HEADER + "  - id: a\n    name: A\n    levels: iop\n    conditions: ptsd\n")
    assert result.directory.programs[0].levels == ("iop",)
    assert result.directory.programs[0].conditions == ("trauma",)


def test_unknown_vocabulary_value_suggests_the_near_miss_and_lists_valid_ids():
    problem = only_problem(HEADER + program("    payment: [medicaid, medicad]\n"))
    assert problem.line == 10 and problem.field == "payment" and problem.program_id == "test-iop"
    assert problem.message.startswith("'medicad' is not a payment type. Did you mean 'medicaid'?")
    assert "Valid: medicaid, medicare," in problem.message


def test_unknown_value_in_a_multiline_list_points_at_its_own_line():
    problem = only_problem(HEADER + program(conditions="\n      - anxiety\n      - depresssion"))
    assert problem.line == 11
    assert "Did you mean 'depression'" in problem.message


def test_unknown_key_suggests_the_field():
    problem = only_problem(HEADER + program("    payement: [medicaid]\n"))
    assert problem.line == 10 and problem.field == "payement"
    assert "Did you mean 'payment'?" in problem.message


@pytest.mark.parametrize(
    ("section", "typo", "meant"),
    [
        ("location", "zipcode", "zip"),
        ("schedule", "day_per_week", "days_per_week"),
        ("contact", "webiste", "website"),
    ],
)
def test_unknown_keys_in_nested_mappings(section: str, typo: str, meant: str):
    problem = only_problem(HEADER + program(f"    {section}:\n      {typo}: x\n"))
    assert problem.field == f"{section}.{typo}" and problem.line == 11
    assert f"Did you mean '{meant}'?" in problem.message


def test_unknown_header_key():
    text = "directory:\n  name: X\n  sampel: true\nprograms: []\n"
    problem = only_problem(text)
    assert problem.line == 3 and "Did you mean 'sample'?" in problem.message


def test_missing_required_fields_are_each_reported_at_the_program_line():
    found = problems_of(HEADER + "  - organization: Someone\n")
    fields = {p.field for p in found}
    assert fields == {"id", "name", "levels", "conditions"}
    assert {p.line for p in found} == {6}


def test_missing_header_and_programs():
    found = problems_of("other: 1\n")
    messages = " ".join(p.message for p in found)
    assert "no 'directory:' header" in messages and "no 'programs:' list" in messages
    assert "'other' is not a top-level section" in messages


def test_empty_required_list():
    problem = only_problem(
        HEADER + "  - id: a\n    name: A\n    levels: []\n    conditions: [anxiety]\n"
    )
    assert problem.field == "levels" and "at least one" in problem.message


@pytest.mark.parametrize(
    ("location", "field", "words"),
    [
        ("{zip: '4020'}", "location.zip", "not a ZIP code"),
        ("{zip: 4020}", "location.zip", "not a ZIP code"),
        ("{zip: 'ABCDE'}", "location.zip", "not a ZIP code"),
        ("{state: Kentuky}", "location.state", "Did you mean 'KY'"),
        ("{state: [KY, IN]}", "location.state", "one state"),
        ("{lat: 95, lon: 10}", "location.lat", "outside -90 to 90"),
        ("{lat: 10, lon: -190}", "location.lon", "outside -180 to 180"),
        ("{lat: 10}", "location.lon", "give both or neither"),
        ("{lat: north, lon: 1}", "location.lat", "must be a number"),
        ("{lat: .nan, lon: 1}", "location.lat", "must be a number"),
    ],
)
def test_bad_location_values(location: str, field: str, words: str):
    problem = only_problem(HEADER + program(f"    location: {location}\n"))
    assert problem.field == field and words in problem.message
    assert problem.line == 10


def test_four_digit_zip_hint_suggests_the_leading_zero():
    problem = only_problem(HEADER + program("    location: {zip: 2134}\n"))
    assert '"02134"' in problem.hint


@pytest.mark.parametrize(
    ("field_text", "field", "words"),
    [
        ("last_verified: '2026-02-30'", "last_verified", "not a real date"),
        ("last_verified: 2026-02-30", "last_verified", "not a real date"),
        ("last_verified: 11/01/2026", "last_verified", "YYYY-MM-DD"),
        ("last_verified: 2026-11-01 10:00:00", "last_verified", "without a time"),
        ("contact: {website: 'javascript:alert(1)'}", "contact.website", "http:// or https://"),
        ("contact: {website: 'ftp://example.org'}", "contact.website", "http:// or https://"),
        ("contact: {website: 'https://exa mple.org'}", "contact.website", "http:// or https://"),
        ("schedule: {days_per_week: 8}", "schedule.days_per_week", "1 to 7"),
        ("schedule: {days_per_week: 2.5}", "schedule.days_per_week", "whole number"),
        ("schedule: {hours_per_day: 0}", "schedule.hours_per_day", "more than 0"),
        ("schedule: {hours_per_day: 25}", "schedule.hours_per_day", "at most 24"),
        ("telehealth: maybe", "telehealth", "true or false"),
        ("id_extra: 1", "id_extra", "not a field"),
    ],
)
def test_bad_field_values(field_text: str, field: str, words: str):
    problem = only_problem(HEADER + program(f"    {field_text}\n"))
    assert problem.field == field and words in problem.message and problem.line == 10


def test_website_hint_offers_https_prefix():
    problem = only_problem(HEADER + program("    contact: {website: www.example.org}\n"))
    assert "https://www.example.org" in problem.hint


def test_bad_id():
    problem = only_problem(HEADER + program(id_="Harbor Light IOP"))
    assert problem.field == "id" and "not a valid id" in problem.message
    assert "harbor-light-iop" in problem.hint


def test_duplicate_ids_name_both_lines():
    text = HEADER + program() + program(id_="other-iop") + program()
    problem = only_problem(text)
    assert problem.line == 14 and problem.field == "id" and problem.program_id == "test-iop"
    assert "used twice" in problem.message and "first at line 6" in problem.message


def test_aliases_of_the_vocabulary_are_normalised():
    text = HEADER + program("    payment: [TRICARE, Cash]\n", conditions="[ptsd, Dual Diagnosis]")
    p = check(text).directory.programs[0]
    assert p.conditions == ("trauma", "co_occurring")
    assert p.payment == ("military", "self_pay")


def test_every_problem_is_reported_at_once():
    text = (
        HEADER
        + program("    payment: [medicad]\n    location: {zip: 01234}\n")
        + "    colour: blue\n"
    )
    found = problems_of(text)
    assert len(found) == 3
    assert [p.line for p in found] == [10, 11, 12]
    assert [p.field for p in found] == ["payment", "location.zip", "colour"]


def test_problems_in_several_programs_each_name_their_program():
    text = (
        HEADER
        + program("    payment: medicad\n", id_="a-iop")
        + program("    ages: kidz\n", id_="b-iop")
    )
    found = problems_of(text)
    assert [(p.program_id, p.field) for p in found] == [("a-iop", "payment"), ("b-iop", "ages")]


def test_a_program_that_is_not_a_mapping():
    problem = only_problem(HEADER + program() + "  - just text\n")
    assert problem.line == 10 and "Program #2" in problem.message


def test_messages_quote_file_text_cleaned():
    problem = only_problem(HEADER + program('    payment: ["\\e[31mmedicad\\u202e"]\n'))
    assert "\x1b" not in problem.message and "\u202e" not in problem.message
    assert "medicad" in problem.message


def test_null_optional_fields_are_accepted_as_not_given():
    text = HEADER + program(
        "    organization: null\n    payment: ~\n    location: {lat: null, lon: null, zip: ~}\n"
        "    schedule: {days_per_week: null, times: null}\n    contact: ~\n    notes:\n"
    )
    result = check(text)
    assert result.problems == []
    p = result.directory.programs[0]
    assert p.organization is None and p.payment == () and p.location.lat is None


def test_empty_programs_list_is_a_valid_if_empty_directory():
    result = check("directory:\n  name: Empty\nprograms: []\n")
    assert result.problems == [] and result.directory.programs == ()


# --- the fast path must agree with the careful path --------------------------------------


def _both_paths(entry):
    checker = _Checker("f")
    fast = checker.fast_program(entry, 1)
    careful_checker = _Checker("f")
    careful = careful_checker.check_program(entry, 0, 1, {})
    return fast, careful, careful_checker.problems


def test_fast_and_careful_paths_build_the_same_programs_for_the_sample_directory():
    data = Path(sample_directory_path()).read_bytes()
    root = read_document(data, "programs.yaml").root
    assert len(root["programs"]) >= 1
    for entry in root["programs"]:
        fast, careful, problems = _both_paths(entry)
        assert problems == []
        assert fast is not None and fast == careful


MUTATIONS = [
    ("payment", ["medicad"]),
    ("levels", []),
    ("levels", None),
    ("conditions", "nope"),
    ("telehealth", "yes"),
    ("telehealth", 1),
    ("telehealth_states", ["ZZ"]),
    ("name", "  "),
    ("id", "Bad Id"),
    ("id", 12),
    ("last_verified", "2026-13-01"),
    ("notes", 5),
    ("location", {"lat": 1}),
    ("location", {"lat": 1, "lon": True}),
    ("location", {"zip": 4020}),
    ("location", {"lat": float("nan"), "lon": 1.0}),
    ("location", {"state": "XX"}),
    ("location", "Louisville"),
    ("schedule", {"days_per_week": 0}),
    ("schedule", {"days_per_week": 3.0}),
    ("schedule", {"hours_per_day": float("inf")}),
    ("schedule", {"times": ["midnight"]}),
    ("contact", {"website": "example.org"}),
    ("contact", {"phone": 5025550100}),
    ("insurance_plans", [None]),
    ("extra", 1),
    ("location", {"lat": 10**400, "lon": 1}),
]


@pytest.mark.parametrize(("key", "value"), MUTATIONS)
def test_fast_path_accepts_nothing_the_careful_path_refuses(key: str, value: object):
    base = {
        "id": "a",
        "name": "A",
        "levels": ["iop"],
        "conditions": ["anxiety"],
        "location": {"zip": "40202", "lat": 38.0, "lon": -85.0},
    }
    entry = copy.deepcopy(base)
    entry[key] = value
    fast, careful, problems = _both_paths(entry)
    if problems:
        assert fast is None
    else:
        assert fast is None or fast == careful


@pytest.mark.parametrize("missing", ["id", "name", "levels", "conditions"])
def test_fast_path_refuses_a_program_without_a_required_field(missing: str):
    entry = {"id": "a", "name": "A", "levels": ["iop"], "conditions": ["anxiety"]}
    del entry[missing]
    fast, _careful, problems = _both_paths(entry)
    assert fast is None and problems
