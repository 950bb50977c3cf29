from __future__ import annotations

from pathlib import Path

import pytest

from iopguide.directory import cache, index_build, index_format
from iopguide.directory.model import Contact, Directory, DirectoryInfo, Location, Program, Schedule


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("IOPGUIDE_CACHE_DIR", str(tmp_path / "cache"))


def sample_directory() -> Directory:
    program = Program(
        id="harbor-light-iop",
        name="Harbor Light Sample IOP",
        organization="Harbor Light (fictional)",
        levels=("iop", "php"),
        conditions=("depression",),
        payment=("medicaid",),
        insurance_plans=("Example Plan",),
        location=Location("1 Sample Way", "Louisville", "KY", "40202", 38.25, -85.75),
        telehealth=True,
        telehealth_states=("KY",),
        schedule=Schedule(3, 3.0, ("evening",)),
        contact=Contact("502-555-0100", None, "https://example.org/x"),
        last_verified="2026-11-01",
        line=12,
    )
    info = DirectoryInfo(name="test", source="tests", sample=True, updated="2026-11-23")
    return Directory(info, (program, Program(id="b", name="B", levels=("php",))))


def test_round_trip_gives_equal_programs() -> None:
    data = b"directory file bytes"
    directory = sample_directory()
    cache.store("/x/dir.yaml", data, directory)
    loaded = cache.load("/x/dir.yaml", data)
    assert loaded is not None
    assert tuple(loaded.programs) == directory.programs
    assert loaded.info.name == "test" and loaded.info.sample is True


def test_a_cached_directory_builds_only_the_programs_a_search_looks_at() -> None:
    data = b"content"
    directory = sample_directory()
    cache.store("/x/dir.yaml", data, directory)
    loaded = cache.load("/x/dir.yaml", data)
    assert [p.id for p in loaded.offering({"php"})] == ["harbor-light-iop", "b"]
    assert [p.id for p in loaded.offering({"iop"})] == ["harbor-light-iop"]
    fresh = cache.load("/x/dir.yaml", data)
    fresh.offering({"iop"})
    assert 1 not in fresh.programs._built  # "b" offers no IOP and was never built
    assert loaded.get("b") == directory.programs[1]
    assert [p.id for p in directory.offering({"iop"})] == ["harbor-light-iop"]  # plain tuple path


def test_changed_file_content_misses() -> None:
    cache.store("/x/dir.yaml", b"version one", sample_directory())
    assert cache.load("/x/dir.yaml", b"version two") is None


def test_other_path_misses() -> None:
    cache.store("/x/a.yaml", b"same", sample_directory())
    assert cache.load("/x/b.yaml", b"same") is None


def test_an_entry_with_a_damaged_header_is_ignored() -> None:
    data = b"content"
    cache.store("/x/dir.yaml", data, sample_directory())
    path = Path(cache.entry_path("/x/dir.yaml"))
    blob = bytearray(path.read_bytes())
    blob[index_format.HEAD_SIZE + 3] ^= 0xFF
    path.write_bytes(bytes(blob))
    assert cache.load("/x/dir.yaml", data) is None


@pytest.mark.parametrize("keep", [0, 7, 20, index_format.HEAD_SIZE + 5, -1])
def test_a_truncated_entry_is_ignored(keep: int) -> None:
    data = b"content"
    cache.store("/x/dir.yaml", data, sample_directory())
    path = Path(cache.entry_path("/x/dir.yaml"))
    path.write_bytes(path.read_bytes()[:keep])
    assert cache.load("/x/dir.yaml", data) is None


def test_a_planted_entry_without_the_users_key_is_refused(tmp_path) -> None:
    """Right magic, key and layout, but signed with another key: never used."""
    data = b"content"
    parts = index_build.build(sample_directory(), cache.content_key(data), b"k" * 32)
    path = Path(cache.entry_path("/x/dir.yaml"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"".join(parts))
    assert cache.load("/x/dir.yaml", data) is None


def test_entry_from_another_format_is_ignored() -> None:
    data = b"content"
    cache.store("/x/dir.yaml", data, sample_directory())
    path = Path(cache.entry_path("/x/dir.yaml"))
    blob = path.read_bytes()
    path.write_bytes(b"IOPIDX\x00\x09" + blob[8:])
    assert cache.load("/x/dir.yaml", data) is None


def test_unwritable_cache_folder_is_not_an_error(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("IOPGUIDE_CACHE_DIR", str(blocker / "cache"))
    cache.store("/x/dir.yaml", b"content", sample_directory())  # must not raise
    assert cache.load("/x/dir.yaml", b"content") is None


def test_no_temporary_file_is_left_behind() -> None:
    cache.store("/x/dir.yaml", b"content", sample_directory())
    folder = Path(cache.entry_path("/x/dir.yaml")).parent
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []


VALID = """\
directory: {name: cache test, sample: true}
programs:
  - {id: a, name: A, levels: [iop], conditions: [depression]}
"""


def test_load_directory_uses_the_cache_until_the_file_changes(tmp_path, monkeypatch) -> None:
    from iopguide.directory import load

    path = tmp_path / "dir.yaml"
    path.write_text(VALID, encoding="utf-8")
    first = load.load_directory(path)
    parses = []
    real_parse = load.parse_directory
    monkeypatch.setattr(
        load, "parse_directory", lambda *a, **k: parses.append(1) or real_parse(*a, **k)
    )

    again = load.load_directory(path)
    assert parses == []  # served from the cache
    assert tuple(again.programs) == tuple(first.programs)
    assert again.info.path == str(path)

    path.write_text(VALID.replace("name: A", "name: Changed"), encoding="utf-8")
    changed = load.load_directory(path)
    assert parses == [1]  # the stale entry was not used
    assert changed.programs[0].name == "Changed"


def test_no_cache_neither_reads_nor_writes_an_entry(tmp_path) -> None:
    from iopguide.directory import load

    path = tmp_path / "dir.yaml"
    path.write_text(VALID, encoding="utf-8")
    load.load_directory(path, use_cache=False)
    assert not Path(cache.entry_path(str(path.resolve()))).exists()


def test_an_invalid_file_is_never_cached(tmp_path) -> None:
    from iopguide.directory import load
    from iopguide.errors import DataError

    path = tmp_path / "bad.yaml"
    path.write_text(VALID.replace("[iop]", "[iopp]"), encoding="utf-8")
    with pytest.raises(DataError):
        load.load_directory(path)
    assert not Path(cache.entry_path(str(path.resolve()))).exists()


def test_file_key_matches_content_key(tmp_path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 3_000_001)
    with open(path, "rb") as handle:
        assert cache.file_key(handle, chunk=1 << 16) == cache.content_key(path.read_bytes())


def test_loading_leaves_the_collector_as_it_was(tmp_path) -> None:
    """The guide loads a directory for every person: nothing may be frozen for good."""
    import gc

    from iopguide.directory import load

    path = tmp_path / "dir.yaml"
    path.write_text(VALID, encoding="utf-8")
    frozen = gc.get_freeze_count()
    load.load_directory(path)
    load.load_directory(path)
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()


def test_a_one_shot_load_is_frozen_before_the_collector_is_back_on(tmp_path) -> None:
    """No collection over everything just built: the count starts again from zero."""
    import gc

    from iopguide.directory import load

    path = tmp_path / "dir.yaml"
    path.write_text(VALID, encoding="utf-8")
    load.load_directory(path)  # fills the cache: the second load builds from it
    try:
        load.load_directory(path, freeze=True)
        young, _, _ = gc.get_count()
        assert gc.get_freeze_count() > 0 and young < gc.get_threshold()[0]
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_show_finds_a_cached_program_without_building_the_others() -> None:
    data = b"content"
    directory = sample_directory()
    cache.store("/x/dir.yaml", data, directory)
    loaded = cache.load("/x/dir.yaml", data)
    assert loaded.get("b") == directory.programs[1]
    assert list(loaded.programs._built) == [1]  # only "b" was built
    assert loaded.get("no-such-id") is None
