"""Best fit first: the four tiers, "may run an IOP: ask", and what the data cannot answer."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from iopguide.directory import fit
from iopguide.directory.model import Directory, DirectoryInfo, Location, Program, Schedule
from iopguide.directory.search import parse_filters, search


def program(pid: str, miles_north: float = 0.0, **kw) -> Program:
    location = Location(
        city="Louisville", state="KY", zip="40202", lat=38.2507 + miles_north / 69.0, lon=-85.7476
    )
    values = dict(name=pid, levels=("iop",), conditions=("mental_health",), location=location)
    values.update(kw)
    return Program(id=pid, **values)


def directory(*programs: Program) -> Directory:
    return Directory(DirectoryInfo(name="test"), tuple(programs))


# A depression IOP search near 40202, one programme per tier, the worst fit nearest.
TIERS = (
    program("t4-co-occurring", 1, conditions=("substance_use", "co_occurring")),
    program("t3-cmhc", 2, levels=("outpatient",), facility_types=("cmhc",)),
    program("t2-general", 3, conditions=("mental_health",)),
    program("t1-specific", 4, conditions=("depression",)),
)


def test_the_four_tiers_come_in_order_whatever_the_distance() -> None:
    result = search(directory(*TIERS), parse_filters(zip_code="40202", conditions=["depression"]))
    assert [m.program.id for m in result.matches] == [
        "t1-specific",
        "t2-general",
        "t3-cmhc",
        "t4-co-occurring",
    ]
    assert [(m.level_match, m.condition_match) for m in result.matches] == [
        ("listed", "specific"),
        ("listed", "general"),
        ("ask", "general"),
        ("listed", "co_occurring"),
    ]
    assert "also have alcohol or drug use" in result.matches[3].reasons[-1]
    assert "May run an IOP: ask" in result.matches[2].reasons[0]


def test_co_occurring_ranks_with_the_best_when_the_person_also_uses_substances() -> None:
    result = search(
        directory(*TIERS), parse_filters(zip_code="40202", conditions=["depression", "alcohol"])
    )
    ids = [m.program.id for m in result.matches]
    assert ids.index("t4-co-occurring") < ids.index("t3-cmhc")
    assert result.matches[ids.index("t4-co-occurring")].rank[0] <= 2


@settings(max_examples=60, deadline=None)
@given(st.permutations(TIERS), st.lists(st.floats(0, 20), min_size=4, max_size=4))
def test_no_lower_fit_ranks_above_a_higher_one(order, miles) -> None:
    programs = [
        Program(
            **{
                **{f: getattr(p, f) for f in p.__slots__},
                "location": program("x", m).location,
            }
        )
        for p, m in zip(order, miles, strict=True)
    ]
    result = search(directory(*programs), parse_filters(zip_code="40202", conditions=["anxiety"]))
    ranks = [m.rank for m in result.matches]
    assert ranks == sorted(ranks)
    for a, b in itertools.pairwise(result.matches):
        if a.rank == b.rank:
            assert a.distance_miles <= b.distance_miles


def test_when_no_listing_names_iop_the_result_says_so() -> None:
    d = directory(program("cmhc", levels=("outpatient", "php")))
    result = search(d, parse_filters(zip_code="40202", conditions=["depression"]))
    assert result.none_listed and result.matches[0].level_match == "ask"
    assert not search(directory(*TIERS), parse_filters(zip_code="40202")).none_listed


def test_which_mental_health_listings_may_run_an_iop() -> None:
    assert fit.may_run_iop(program("a", levels=("outpatient",), facility_types=("cmhc",)))
    assert fit.may_run_iop(
        program("b", levels=("outpatient",), facility_types=("general_hospital_psych_unit",))
    )
    assert fit.may_run_iop(program("c", levels=("outpatient", "php")))
    # Not outpatient, not mental health, already an IOP, or a plain outpatient office: no.
    assert not fit.may_run_iop(program("d", levels=("inpatient",), facility_types=("cmhc",)))
    assert not fit.may_run_iop(
        program(
            "e", levels=("outpatient",), conditions=("substance_use",), facility_types=("cmhc",)
        )
    )
    assert not fit.may_run_iop(program("f", levels=("iop", "outpatient", "php")))
    assert not fit.may_run_iop(
        program("g", levels=("outpatient",), facility_types=("outpatient_mh",))
    )


def test_ask_listings_are_not_found_by_other_levels_or_by_alcohol() -> None:
    d = directory(program("cmhc", levels=("outpatient",), facility_types=("cmhc",)))
    assert search(d, parse_filters(levels=["php"])).total == 0
    assert search(d, parse_filters(conditions=["alcohol"])).total == 0
    assert search(d, parse_filters(levels=["outpatient"])).matches[0].level_match == "listed"


def test_plans_and_schedules_the_directory_does_not_record_are_reported_not_applied() -> None:
    d = directory(program("a"), program("b"))
    result = search(d, parse_filters(insurance=["aetna"], schedules=["evening"]))
    assert result.total == 2
    assert result.not_recorded == ("insurance_plans", "schedules")
    assert result.filters.plans == ("aetna",)  # what was asked is still reported
    recorded = directory(
        program("a", insurance_plans=("Aetna Choice",), schedule=Schedule(times=("evening",))),
        program("b", insurance_plans=("Humana",)),
    )
    narrowed = search(recorded, parse_filters(insurance=["aetna"], schedules=["evening"]))
    assert [m.program.id for m in narrowed.matches] == ["a"] and narrowed.not_recorded == ()


def test_a_listing_without_ages_is_kept_by_an_age_filter_and_says_ask() -> None:
    d = directory(
        program("unknown"),
        program("teens", ages=("adolescents",)),
        program("adults", ages=("adults",)),
    )
    result = search(d, parse_filters(age_groups=["adults"]))
    assert [m.program.id for m in result.matches] == ["adults", "unknown"]
    assert "Ages not listed: ask" in result.matches[1].reasons


def test_a_region_prefilter_never_drops_a_match(tmp_path, monkeypatch) -> None:
    """The index builds only programmes that may reach the person; the answer is the same."""

    from iopguide.directory import cache

    far = Location(city="Chicago", state="IL", zip="60601", lat=41.8858, lon=-87.6181)
    programs = (
        *TIERS,
        program("far-office", location=far),
        program("far-tele", location=far, telehealth=True, telehealth_states=("KY",)),
    )
    plain = directory(*programs)
    monkeypatch.setenv("IOPGUIDE_CACHE_DIR", str(tmp_path))
    cache.store("/x/fit.yaml", b"fit", plain)
    cached = cache.load("/x/fit.yaml", b"fit")
    for filters in (
        parse_filters(zip_code="40202"),
        parse_filters(zip_code="40202", telehealth=True),
        parse_filters(zip_code="60601", radius=5, conditions=["depression"]),
    ):
        expected = search(plain, filters)
        got = search(cached.replace(info=plain.info), filters)
        assert [m.program.id for m in got.matches] == [m.program.id for m in expected.matches]
        assert got.telehealth_elsewhere == expected.telehealth_elsewhere
