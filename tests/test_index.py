"""The directory index answers as the directory in memory does, reading only what it needs."""

from __future__ import annotations

import math
import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iopguide.directory import cache, index_build, index_format, index_read, load
from iopguide.directory.geo import haversine_miles
from iopguide.directory.model import Directory, DirectoryInfo, Location, Program, Region
from iopguide.directory.search import parse_filters, search
from iopguide.vocabulary import LEVELS

ZIPS = ["40202", "99501", "96813", "10001", "33101", "98101", "00901", "59001", "82001"]
#: Places: clusters around real ZIP centres, and the far corners of the country.
PLACES = [
    (38.25, -85.76, "KY"),
    (61.2, -149.9, "AK"),
    (51.88, -176.6, "AK"),  # Adak, near the 180th meridian
    (21.31, -157.86, "HI"),
    (40.75, -73.99, "NY"),
    (25.77, -80.19, "FL"),
    (47.61, -122.33, "WA"),
    (18.4, -66.06, "PR"),
    (13.47, 144.75, "GU"),
    (45.6, -108.5, "MT"),
    (41.14, -104.82, "WY"),
]


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("IOPGUIDE_CACHE_DIR", str(tmp_path / "cache"))


def random_directory(count: int, seed: int) -> Directory:
    rng = random.Random(seed)
    programs = []
    for n in range(count):
        lat, lon, state = rng.choice(PLACES)
        placed = rng.random() > 0.05
        location = Location(
            city="Somewhere",
            state=state,
            zip=rng.choice([*ZIPS, None]),
            lat=round(lat + rng.uniform(-1.5, 1.5), 4) if placed else None,
            lon=round(lon + rng.uniform(-1.5, 1.5), 4) if placed else None,
        )
        telehealth = rng.random() < 0.6
        programs.append(
            Program(
                id=f"p-{n:04d}" if n % 97 else "p-0000",  # one id twice: the first is found
                name=f"Programme {rng.randint(1, 40)}",  # names repeat: order among equals
                levels=tuple(
                    sorted(rng.sample(LEVELS.ids, rng.randint(0, 3)), key=LEVELS.ids.index)
                ),
                conditions=tuple(rng.sample(["mental_health", "substance_use", "depression"], 1)),
                facility_types=tuple(rng.sample(["outpatient_mh", "cmhc", "hospital"], 1)),
                location=location,
                telehealth=telehealth,
                telehealth_states=tuple(rng.sample(["KY", "AK", "NY", "GU"], rng.randint(0, 2)))
                if telehealth and rng.random() < 0.3
                else (),
            )
        )
    return Directory(DirectoryInfo(name="random"), tuple(programs))


def indexed(directory: Directory, source: str = "/x/random.yaml") -> Directory:
    cache.store(source, b"bytes", directory)
    found = cache.load(source, b"bytes")
    assert found is not None
    return found


def outcome(result) -> tuple:
    return (
        [
            (m.program.id, m.distance_miles, m.reasons, m.reach, m.level_match)
            for m in result.matches
        ],
        result.searched,
        result.telehealth_elsewhere,
        result.not_recorded,
    )


DIRECTORY = random_directory(900, seed=9)


def test_the_index_spreads_programmes_over_many_slices_and_tiles() -> None:
    index = indexed(DIRECTORY).programs._index
    assert len(index.slices) > 3 and len(index.tile_block) > 10 and index.unplaced
    assert index.count == 900


@settings(max_examples=150, deadline=None)
@given(
    zip_code=st.sampled_from(ZIPS),
    radius=st.sampled_from([0, 1, 10, 25, 60, 150, 400, 3000]),
    levels=st.sampled_from([[], ["iop"], ["php"], ["any"], ["iop", "residential"]]),
    telehealth=st.booleans(),
)
def test_a_search_from_the_index_equals_the_search_in_memory(
    zip_code, radius, levels, telehealth
) -> None:
    filters = parse_filters(
        zip_code=zip_code, radius=radius, levels=levels or None, telehealth=telehealth
    )
    assert outcome(search(indexed(DIRECTORY), filters)) == outcome(search(DIRECTORY, filters))


@pytest.mark.parametrize("values", [{"states": ["AK"]}, {"levels": ["iop"]}, {}])
def test_searches_without_a_zip_read_the_whole_index_and_agree(values) -> None:
    filters = parse_filters(**values)
    assert outcome(search(indexed(DIRECTORY), filters)) == outcome(search(DIRECTORY, filters))


def test_a_search_near_a_zip_builds_only_programmes_near_it_or_serving_its_state() -> None:
    directory = indexed(DIRECTORY)
    search(directory, parse_filters(zip_code="40202", radius=25))
    built = directory.programs._built
    assert 0 < len(built) < 900 / 3
    for program in built.values():
        loc = program.location
        near = loc.lat is None or haversine_miles(38.25, -85.76, loc.lat, loc.lon) < 200
        assert near or program.telehealth


def test_every_id_is_found_reading_one_id_block_and_one_tile() -> None:
    directory = indexed(DIRECTORY)
    for position, program in enumerate(DIRECTORY.programs):
        if position and program.id == "p-0000":
            continue  # a repeated id: the first is found
        assert directory.get(program.id) == program
    assert directory.get("p-0000") == DIRECTORY.programs[0]
    assert directory.get("no-such-id") is None and directory.get("") is None
    assert sorted(directory.ids()) == sorted(DIRECTORY.ids())
    assert tuple(directory.programs) == DIRECTORY.programs


@settings(max_examples=400, deadline=None)
@given(
    lat=st.floats(-60, 75),
    lon=st.floats(-179.9, 179.9),
    radius=st.floats(0, 600),
    bearing=st.floats(0, 2 * math.pi),
    share=st.floats(0, 1),
)
def test_the_region_holds_every_point_within_the_radius(lat, lon, radius, bearing, share) -> None:
    """A point at most *radius* miles away (by the search's own haversine) is in the box."""
    angle = radius * share / 3958.8
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(
        math.sin(p1) * math.cos(angle) + math.cos(p1) * math.sin(angle) * math.cos(bearing)
    )
    l2 = l1 + math.atan2(
        math.sin(bearing) * math.sin(angle) * math.cos(p1),
        math.cos(angle) - math.sin(p1) * math.sin(p2),
    )
    plat, plon = math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180
    if round(haversine_miles(lat, lon, plat, plon), 1) <= radius:
        assert Region.around(lat, lon, radius, "KY").holds(plat, plon)


def _entry() -> tuple[Directory, str]:
    source = "/x/random.yaml"
    return indexed(DIRECTORY, source), str(cache.entry_path(source))


def test_a_block_changed_after_the_header_was_read_sends_the_search_to_the_file() -> None:
    calls = []

    def fallback():
        calls.append(1)
        return DIRECTORY.programs

    cache.store("/x/random.yaml", b"bytes", DIRECTORY)
    directory = cache.load_by_key("/x/random.yaml", cache.content_key(b"bytes"), fallback)
    path = Path(cache.entry_path("/x/random.yaml"))
    blob = bytearray(path.read_bytes())
    blob[-10] ^= 0x01  # the last block: an id block
    blob[len(blob) // 2] ^= 0x01  # and one in the middle
    path.write_bytes(bytes(blob))  # the open descriptor still sees the same inode
    filters = parse_filters(zip_code="40202", radius=400)
    assert outcome(search(directory, filters)) == outcome(search(DIRECTORY, filters))
    assert directory.get("p-0005") == DIRECTORY.programs[5]
    assert calls == [1] or outcome(search(directory, filters))  # at most one reread


def test_a_damaged_block_in_a_real_load_rereads_the_file_and_drops_the_entry(tmp_path) -> None:
    file = tmp_path / "programs.yaml"
    file.write_bytes(Path(load.sample_directory_path()).read_bytes())
    first = load.load_directory(file)
    entry = Path(cache.entry_path(str(file.resolve())))
    blob = bytearray(entry.read_bytes())
    index = cache.load_by_key(str(file.resolve()), _key(file)).programs._index
    for number in index.tile_block:  # every tile: the search needs one
        blob[index._start + index.ends[number] - 1] ^= 0xFF
    entry.write_bytes(bytes(blob))
    again = load.load_directory(file)
    filters = parse_filters(zip_code="40202", radius=50, levels=["any"])
    assert outcome(search(again, filters)) == outcome(search(first, filters))
    assert not entry.exists()  # dropped, to be rebuilt by the next run


def _key(file) -> bytes:
    return cache.content_key(file.read_bytes())


def test_a_header_whose_values_have_the_wrong_types_is_refused() -> None:
    """Signed with the user's key (as only a bug could), but a slice's first tile is text."""
    import marshal

    from iopguide.paths import cache_secret

    parts = index_build.build(DIRECTORY, cache.content_key(b"bytes"), cache_secret())
    header = list(marshal.loads(parts[3]))
    slices = header[index_format.HEADER.index("slices")]
    header[index_format.HEADER.index("slices")] = ((*slices[0][:2], "0", slices[0][3]), *slices[1:])
    data = marshal.dumps(tuple(header))
    path = Path(cache.entry_path("/x/random.yaml"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b"".join(
            [
                parts[0],
                index_format.LENGTH.pack(len(data)),
                index_format.header_mac(cache_secret(), data),
                data,
                *parts[4:],
            ]
        )
    )
    assert cache.load("/x/random.yaml", b"bytes") is None


def test_a_block_that_points_outside_the_file_is_refused(tmp_path) -> None:
    cache.store("/x/random.yaml", b"bytes", DIRECTORY)
    path = Path(cache.entry_path("/x/random.yaml"))
    path.write_bytes(path.read_bytes()[:-1])  # the last block is now cut short
    assert cache.load("/x/random.yaml", b"bytes") is None


def test_open_index_refuses_what_is_not_an_index(tmp_path) -> None:
    path = tmp_path / "x"
    for blob in [b"", b"IOPIDX", index_format.MAGIC + b"\xff\xff\xff\xff" + b"\0" * 40]:
        path.write_bytes(blob)
        assert index_read.open_index(os.open(path, os.O_RDONLY), b"k" * 32) is None


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts open files in /proc")
def test_an_index_that_is_dropped_closes_its_file() -> None:
    """The guide loads the directory again for each person: no descriptor may pile up."""
    import gc

    cache.store("/x/random.yaml", b"bytes", DIRECTORY)
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(50):
        directory = cache.load("/x/random.yaml", b"bytes")
        directory.get("p-0001")
    del directory
    gc.collect()
    assert len(os.listdir("/proc/self/fd")) <= before + 1


def test_a_repeated_id_across_id_blocks_finds_the_first_copy(monkeypatch) -> None:
    """As a directory in memory does: the first programme with the id in the file."""
    monkeypatch.setattr(index_build, "ID_CHUNK", 2)  # blocks [a, dup] [dup, z]
    programs = tuple(
        Program(id=pid, name=name)
        for pid, name in [("a", "A"), ("dup", "First"), ("dup", "Second"), ("z", "Z")]
    )
    directory = indexed(Directory(DirectoryInfo(name="dups"), programs))
    assert directory.get("dup").name == "First"
    assert [directory.get(pid).name for pid in ("a", "z")] == ["A", "Z"]
    assert directory.get("b") is None and directory.get("zz") is None
