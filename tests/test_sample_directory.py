"""The built-in directory is sample data that demos every filter and is honest about it.

These tests protect two promises: a counselor's live demo finds something for
every filter (and near the demo ZIPs), and nothing in the file could be taken for
a real programme, phone number or website.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import yaml
import zipcodes

from iopguide import vocabulary as V
from iopguide.directory.schema import BY_FIELD

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "programs.yaml"
DEMO_ZIPS = ("40202", "10001", "94103", "60601")
FICTIONAL_PHONE = re.compile(r"^\d{3}-555-01\d{2}$")


@pytest.fixture(scope="module")
def raw() -> dict:
    with SAMPLE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="module")
def programs(raw: dict) -> list[dict]:
    return raw["programs"]


def _as_list(value: object) -> list:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _ids(program: dict, field: str) -> set[str]:
    """The vocabulary ids a program lists for *field* (ids, labels or aliases accepted)."""
    vocab = BY_FIELD[field]
    values = program.get("schedule", {}).get("times") if field == "times" else program.get(field)
    found = {vocab.resolve(str(v)) for v in _as_list(values)}
    assert None not in found, f"{program['id']}: a {field} value is not in the vocabulary"
    return found


def _miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 3958.8 * math.asin(math.sqrt(h))


def _zip_centre(zip_code: str) -> tuple[float, float]:
    record = zipcodes.matching(zip_code)[0]
    return float(record["lat"]), float(record["long"])


def _state(program: dict) -> str:
    state = V.STATES.resolve(str(program["location"]["state"]))
    assert state is not None, program["id"]
    return state


# --------------------------------------------------------------------- it says it is sample data


def test_header_says_it_is_fictional_sample_data(raw: dict) -> None:
    header = raw["directory"]
    assert header["sample"] is True
    assert "fictional" in header["source"].lower()
    top = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    assert top.startswith("#") and "SAMPLE DATA" in top


def test_names_are_plainly_fictional(programs: list[dict]) -> None:
    for program in programs:
        for field in ("name", "organization"):
            text = program[field]
            assert "Sample" in text or "Example" in text, f"{program['id']}: {field} {text!r}"


def test_every_phone_number_is_in_the_reserved_fictional_range(programs: list[dict]) -> None:
    for program in programs:
        contact = program.get("contact", {})
        assert contact.get("phone"), f"{program['id']} has no phone to demo"
        for field in ("phone", "intake_phone"):
            if field in contact:
                assert FICTIONAL_PHONE.match(contact[field]), f"{program['id']}: {contact[field]}"


def test_every_website_is_on_example_org(programs: list[dict]) -> None:
    for program in programs:
        website = program.get("contact", {}).get("website")
        assert website is None or website.startswith("https://example.org/"), program["id"]


def test_coordinates_are_zip_centres_in_the_stated_state(programs: list[dict]) -> None:
    """No real address is pinpointed: every location is the centre of its ZIP code."""
    for program in programs:
        location = program["location"]
        record = zipcodes.matching(location["zip"])
        assert record, f"{program['id']}: unknown ZIP {location['zip']}"
        assert record[0]["state"] == _state(program), program["id"]
        lat, lon = _zip_centre(location["zip"])
        assert abs(location["lat"] - lat) < 1e-6 and abs(location["lon"] - lon) < 1e-6


# --------------------------------------------------------------------- it is a usable directory


def test_ids_are_unique_slugs(programs: list[dict]) -> None:
    ids = [p["id"] for p in programs]
    assert len(ids) == len(set(ids))
    for program_id in ids:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", program_id), program_id


def test_size_and_spread(programs: list[dict]) -> None:
    assert len(programs) >= 40
    assert len({_state(p) for p in programs}) >= 10


def test_last_verified_dates_are_iso_and_not_after_the_header(raw: dict) -> None:
    updated = raw["directory"]["updated"]
    for program in raw["programs"]:
        verified = program["last_verified"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", verified), program["id"]
        assert verified <= updated, program["id"]


@pytest.mark.parametrize("field", ["levels", "conditions", "payment", "ages", "times"])
def test_every_term_is_covered(programs: list[dict], field: str) -> None:
    covered = set().union(*(_ids(p, field) for p in programs))
    missing = [t for t in BY_FIELD[field].ids if t not in covered]
    assert not missing, f"no sample program offers {field}: {missing}"


@pytest.mark.parametrize("field", ["conditions", "payment", "ages", "times"])
def test_every_term_is_covered_by_an_iop(programs: list[dict], field: str) -> None:
    """`find` searches IOPs by default, so each filter value must find an IOP in a demo."""
    iops = [p for p in programs if "iop" in _ids(p, "levels")]
    covered = set().union(*(_ids(p, field) for p in iops))
    missing = [t for t in BY_FIELD[field].ids if t not in covered]
    assert not missing, f"no sample IOP offers {field}: {missing}"


def test_languages_and_special_groups_to_demo(programs: list[dict]) -> None:
    languages = set().union(*(_ids(p, "languages") for p in programs))
    groups = set().union(*(_ids(p, "special_groups") for p in programs))
    assert {"spanish", "asl", "chinese", "vietnamese"} <= languages
    assert {"veterans", "lgbtq", "pregnant_women", "adolescents_only"} <= groups


def test_telehealth_plans_and_restrictions_to_demo(programs: list[dict]) -> None:
    telehealth = [p for p in programs if p.get("telehealth")]
    assert len(telehealth) >= 3
    assert all(_as_list(p.get("telehealth_states")) for p in telehealth)
    assert sum(bool(_as_list(p.get("serves_only"))) for p in programs) >= 2
    assert sum(bool(_as_list(p.get("insurance_plans"))) for p in programs) >= 3


@pytest.mark.parametrize("zip_code", DEMO_ZIPS)
def test_iops_near_each_demo_zip(programs: list[dict], zip_code: str) -> None:
    lat, lon = _zip_centre(zip_code)
    near = [
        p
        for p in programs
        if "iop" in _ids(p, "levels")
        and _miles(lat, lon, p["location"]["lat"], p["location"]["lon"]) <= 25
    ]
    assert len(near) >= 4, f"only {len(near)} IOPs within 25 miles of {zip_code}"
    payment = set().union(*(_ids(p, "payment") for p in near))
    assert {"medicaid", "private_insurance"} <= payment and len(payment) >= 4


def test_one_state_has_no_iop_for_the_nothing_found_demo(programs: list[dict]) -> None:
    wyoming = [p for p in programs if _state(p) == "WY"]
    assert wyoming, "the 'no IOP here' demo needs programs of other levels in Wyoming"
    assert not any("iop" in _ids(p, "levels") for p in wyoming)
    serving = [p for p in programs if "WY" in _as_list(p.get("telehealth_states"))]
    assert not any("iop" in _ids(p, "levels") for p in serving)


# --------------------------------------------------------------------- iopguide's own loader


def test_the_loader_accepts_it_and_sees_sample_data(programs: list[dict]) -> None:
    load = pytest.importorskip("iopguide.directory.load")
    directory = load.load_directory(SAMPLE, use_cache=False)
    assert directory.info.sample is True
    assert len(directory.programs) == len(programs)
    builtin = load.load_directory(Path("sample"), use_cache=False)
    assert builtin.info.sample is True and builtin.info.builtin is True
    assert {p.id for p in builtin.programs} == {p["id"] for p in programs}
