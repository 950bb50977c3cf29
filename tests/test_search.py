from __future__ import annotations

import pytest

from iopguide.directory.model import Contact, Directory, DirectoryInfo, Location, Program, Schedule
from iopguide.directory.search import parse_filters, search
from iopguide.errors import UsageError


def program(pid: str, **kw) -> Program:
    defaults = dict(
        name=pid.replace("-", " ").title(),
        levels=("iop",),
        conditions=("depression",),
        payment=("medicaid",),
        location=Location(city="Louisville", state="KY", zip="40202", lat=38.2507, lon=-85.7476),
        contact=Contact(phone="502-555-0100"),
    )
    defaults.update(kw)
    return Program(id=pid, **defaults)


def directory(*programs: Program) -> Directory:
    return Directory(DirectoryInfo(name="test", sample=True), tuple(programs))


def ids(result) -> list[str]:
    return [m.program.id for m in result.matches]


NEAR = Location(city="Louisville", state="KY", zip="40202", lat=38.2507, lon=-85.7476)
# Lexington KY, about 70 miles east of Louisville.
FAR = Location(city="Lexington", state="KY", zip="40507", lat=38.0464, lon=-84.4970)
CHICAGO = Location(city="Chicago", state="IL", zip="60601", lat=41.8858, lon=-87.6181)


def test_default_level_is_iop() -> None:
    d = directory(program("a-iop"), program("b-php", levels=("php",)))
    assert ids(search(d, parse_filters())) == ["a-iop"]


def test_level_any_lists_every_level() -> None:
    d = directory(program("a-iop"), program("b-php", levels=("php",)))
    assert ids(search(d, parse_filters(levels=["any"]))) == ["a-iop", "b-php"]


def test_values_in_one_filter_are_or_and_filters_are_and() -> None:
    d = directory(
        program("dep-medicaid", conditions=("depression",), payment=("medicaid",)),
        program("anx-medicaid", conditions=("anxiety",), payment=("medicaid",)),
        program("anx-private", conditions=("anxiety",), payment=("private_insurance",)),
        program("sud-medicaid", conditions=("substance_use",), payment=("medicaid",)),
    )
    either = parse_filters(conditions=["depression,anxiety"], insurance=["medicaid"])
    assert ids(search(d, either)) == ["anx-medicaid", "dep-medicaid"]
    repeated = parse_filters(
        conditions=["depression", "anxiety"], insurance=["medicaid", "private"]
    )
    assert ids(search(d, repeated)) == ["anx-medicaid", "anx-private", "dep-medicaid"]


def test_aliases_and_any_capitalisation_are_accepted() -> None:
    f = parse_filters(
        conditions=["PTSD", "Alcohol"],
        insurance=["TRICARE"],
        levels=["Intensive Outpatient"],
        states=["kentucky"],
        age_groups=["Older-Adults"],
        schedules=["Evenings"],
    )
    assert f.conditions == ("trauma", "substance_use")
    assert f.payment == ("military",)
    assert f.levels == ("iop",)
    assert f.states == ("KY",)
    assert f.age_groups == ("older_adults",)
    assert f.schedules == ("evening",)


@pytest.mark.parametrize(
    ("kwargs", "flag", "suggestion"),
    [
        ({"conditions": ["depresssion"]}, "--condition", "depression"),
        ({"insurance": ["medicad"]}, "--insurance", "medicaid"),
        ({"levels": ["iopp"]}, "--level", "iop"),
        ({"schedules": ["evenning"]}, "--schedule", "evening"),
        ({"states": ["Kentuky"]}, "--state", "KY"),
    ],
)
def test_unknown_value_is_a_usage_error_with_suggestion_and_valid_values(
    kwargs, flag, suggestion
) -> None:
    with pytest.raises(UsageError) as caught:
        parse_filters(**kwargs)
    assert flag in caught.value.message
    assert repr(suggestion) in caught.value.message
    assert caught.value.hint.startswith("Valid values: ")


def test_an_unknown_insurance_name_is_a_plan_search() -> None:
    d = directory(
        program(
            "named", insurance_plans=("Example Health Plan Gold",), payment=("private_insurance",)
        ),
        program("other", payment=("private_insurance",)),
    )
    f = parse_filters(insurance=["example health plan"])
    assert f.plans == ("example health plan",)
    result = search(d, f)
    assert ids(result) == ["named"]
    assert result.matches[0].reasons[-1] == "Lists the plan Example Health Plan Gold"


def test_general_mental_health_program_matches_a_specific_condition_and_says_so() -> None:
    d = directory(
        program("general", conditions=("mental_health",)),
        program("specific", conditions=("depression",)),
        program("sud", conditions=("substance_use",)),
    )
    result = search(d, parse_filters(conditions=["depression"]))
    assert ids(result) == ["specific", "general"]  # the better fit first
    assert [m.condition_match for m in result.matches] == ["specific", "general"]
    reasons = {m.program.id: m.reasons for m in result.matches}
    assert "in general" in reasons["general"][1]
    assert "not listed for Depression specifically" in reasons["general"][1]
    assert reasons["specific"][1] == "Treats Depression"


def test_zip_radius_sorts_by_distance_and_excludes_far_programs() -> None:
    d = directory(
        program("z-near", location=NEAR),
        program("a-far", location=FAR),
        program("chicago", location=CHICAGO),
    )
    result = search(d, parse_filters(zip_code="40202", radius=25))
    assert ids(result) == ["z-near"]
    assert result.matches[0].distance_miles == pytest.approx(0, abs=0.1)
    wide = search(d, parse_filters(zip_code="40202", radius=100))
    assert ids(wide) == ["z-near", "a-far"]
    assert 60 < wide.matches[1].distance_miles < 80


def test_program_without_coordinates_is_placed_at_its_zip_centre() -> None:
    d = directory(
        program("no-coords", location=Location(city="Louisville", state="KY", zip="40202"))
    )
    result = search(d, parse_filters(zip_code="40202"))
    assert ids(result) == ["no-coords"]
    assert result.matches[0].distance_miles == pytest.approx(0, abs=0.1)


def test_telehealth_elsewhere_is_counted_not_mixed_in_and_listed_on_request() -> None:
    d = directory(
        program("chicago-tele", location=CHICAGO, telehealth=True, telehealth_states=("IL", "KY")),
        program("chicago-tele-il", location=CHICAGO, telehealth=True, telehealth_states=("IL",)),
        program("chicago-office", location=CHICAGO),
        program("near-tele", location=NEAR, telehealth=True),
    )
    plain = search(d, parse_filters(zip_code="40202"))
    assert ids(plain) == ["near-tele"]
    assert plain.matches[0].reach == "in_person"
    assert plain.telehealth_elsewhere == 1
    online = search(d, parse_filters(zip_code="40202", telehealth=True))
    assert ids(online) == ["chicago-tele"]
    assert online.matches[0].reach == "telehealth"
    assert "Telehealth in KY" in online.matches[0].reasons
    by_state = search(d, parse_filters(states=["KY"]))
    assert ids(by_state) == ["near-tele"] and by_state.telehealth_elsewhere == 1
    assert ids(search(d, parse_filters(states=["KY"], telehealth=True))) == ["chicago-tele"]
    # Without a place, --telehealth means any programme that offers it.
    assert ids(search(d, parse_filters(telehealth=True))) == [
        "chicago-tele",
        "chicago-tele-il",
        "near-tele",
    ]


@pytest.mark.parametrize("radius", [float("nan"), float("inf"), -1.0])
def test_a_radius_that_is_not_a_distance_is_a_usage_error(radius: float) -> None:
    with pytest.raises(UsageError, match="--radius"):
        parse_filters(zip_code="40202", radius=radius)


def test_every_result_is_within_the_radius_whatever_it_offers() -> None:
    d = directory(
        program("near", location=NEAR, telehealth=True),
        program("far", location=FAR, telehealth=True),
    )
    for radius in (0.0, 5.0, 25.0, 100.0):
        result = search(d, parse_filters(zip_code="40202", radius=radius))
        assert all(
            m.distance_miles is not None and m.distance_miles <= radius for m in result.matches
        )
        assert all(m.reach == "in_person" for m in result.matches)


def test_age_language_schedule_and_city_filters() -> None:
    d = directory(
        program(
            "teen-evening",
            ages=("adolescents",),
            languages=("english", "spanish"),
            schedule=Schedule(3, 3, ("evening",)),
        ),
        program(
            "adult-morning",
            ages=("adults",),
            languages=("english",),
            schedule=Schedule(5, 3, ("morning",)),
        ),
        program("chicago", location=CHICAGO, ages=("adults",)),
    )
    assert ids(search(d, parse_filters(age_groups=["teens"]))) == ["teen-evening"]
    assert ids(search(d, parse_filters(languages=["español"]))) == ["teen-evening"]
    assert ids(search(d, parse_filters(schedules=["morning,weekend"]))) == ["adult-morning"]
    assert ids(search(d, parse_filters(cities=["  chicago "]))) == ["chicago"]


def test_bad_zip_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="not a ZIP code"):
        parse_filters(zip_code="4020")
    with pytest.raises(UsageError, match="not a ZIP code iopguide knows"):
        parse_filters(zip_code="00000")


def test_no_results_names_the_filter_that_removed_most() -> None:
    d = directory(
        program("a", payment=("medicaid",)),
        program("b", payment=("medicaid",)),
        program("c", payment=("private_insurance",), levels=("php",)),
    )
    result = search(d, parse_filters(insurance=["medicare"]))
    assert result.total == 0
    top = result.blockers[0]
    assert top.filter == "insurance"
    assert top.removed == 3
    assert top.without_it == 2  # a and b would match without --insurance


def test_sorted_by_name_without_a_location() -> None:
    d = directory(program("b", name="beta"), program("a", name="Alpha"), program("c", name="gamma"))
    assert ids(search(d, parse_filters())) == ["a", "b", "c"]


def test_co_occurring_programme_matches_substance_use_and_mental_health_searches() -> None:
    d = directory(
        program("dual-only", conditions=("co_occurring",)),
        program("sud-only", conditions=("substance_use",)),
    )
    sud = search(d, parse_filters(conditions=["alcohol"]))
    assert ids(sud) == ["sud-only", "dual-only"]
    reasons = {m.program.id: m.reasons[1] for m in sud.matches}
    assert reasons["sud-only"] == "Treats Substance use"
    assert reasons["dual-only"].startswith("Treats co-occurring mental health and substance use")
    assert "not listed for Substance use specifically" in reasons["dual-only"]
    # A substance-use programme is no answer to a depression search; a co-occurring one may
    # be, for someone who also drinks or uses drugs, and it says so.
    depression = search(d, parse_filters(conditions=["depression"]))
    assert ids(depression) == ["dual-only"]
    assert depression.matches[0].condition_match == "co_occurring"
    assert "also have alcohol or drug use" in depression.matches[0].reasons[1]


def test_the_closest_general_match_is_the_reason_given() -> None:
    d = directory(program("both", conditions=("mental_health", "co_occurring")))
    reason = search(d, parse_filters(conditions=["anxiety"])).matches[0].reasons[1]
    assert reason.startswith("Treats mental health in general")


def test_a_very_short_plan_name_is_refused_rather_than_matching_everything() -> None:
    with pytest.raises(UsageError, match="too short"):
        parse_filters(insurance=["e"])


def test_a_language_keeps_its_capital_in_the_reason() -> None:
    """Languages are names: "Speaks Spanish", not "Speaks spanish"."""
    program = Program(
        id="x",
        name="X",
        levels=("iop",),
        conditions=("depression",),
        languages=("english", "spanish"),
        location=Location(state="KY", zip="40202", lat=38.25, lon=-85.76),
    )
    directory = Directory(DirectoryInfo(name="t"), (program,))
    result = search(directory, parse_filters(zip_code="40202", languages=["spanish"]))
    assert "Speaks Spanish" in result.matches[0].reasons


def test_spanish_writes_a_language_in_lower_case() -> None:
    from iopguide import i18n

    program = Program(
        id="x",
        name="X",
        levels=("iop",),
        conditions=("depression",),
        languages=("spanish",),
        location=Location(state="KY", zip="40202", lat=38.25, lon=-85.76),
    )
    i18n.set_language("es")
    try:
        result = search(
            Directory(DirectoryInfo(name="t"), (program,)),
            parse_filters(zip_code="40202", languages=["spanish"]),
        )
    finally:
        i18n.set_language("en")
    assert "Habla español" in result.matches[0].reasons
