"""The cache folder as another user on the same machine would attack it.

Each test is the attack itself: a loose umask, a folder others can write to,
a folder or file of another user's, a link to /dev/zero, a FIFO, a sparse
3 GB file, entries forged with a correct SHA-256 checksum. Whatever is
planted, iopguide answers correctly (rebuilding, or working without a cache),
never hangs, never reads a planted file and never writes through a link.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from iopguide.directory import cache, geo, index_build, rows
from iopguide.directory.load import parse_directory, sample_directory_path
from iopguide.io import private
from iopguide.paths import cache_dir, private_cache_dir

ROOT = os.geteuid() == 0
SOURCE = "/x/dir.yaml"
DATA = b"directory file content"


@pytest.fixture
def fresh(tmp_path, monkeypatch) -> Path:
    """An empty cache folder of our own; refusals are said again in each test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("IOPGUIDE_CACHE_DIR", str(folder))
    monkeypatch.setattr(private, "_refused", set())
    geo._table.cache_clear()
    yield folder
    geo._table.cache_clear()


def sample():
    return parse_directory(Path(sample_directory_path()).read_bytes(), "programs.yaml")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_folders_are_0700_and_files_0600_under_umask_000(fresh) -> None:
    old = os.umask(0)
    try:
        cache.store(SOURCE, DATA, sample())
        assert geo.zip_centre("40202") is not None
    finally:
        os.umask(old)
    entry = Path(cache.entry_path(SOURCE))
    table = Path(geo._cache_file())
    assert mode(fresh) == 0o700
    assert mode(entry.parent) == 0o700
    assert mode(entry) == 0o600
    assert table is not None and mode(table) == 0o600
    assert mode(fresh / "key") == 0o600
    assert cache.load(SOURCE, DATA) is not None


def test_a_folder_others_can_write_to_is_not_used_and_said_once(fresh, capsys) -> None:
    fresh.mkdir(mode=0o700)
    os.chmod(fresh, 0o777)
    cache.store(SOURCE, DATA, sample())
    assert cache.load(SOURCE, DATA) is None
    assert geo.zip_centre("40202").state == "KY"  # still answers, from the package
    assert list(fresh.iterdir()) == []  # nothing was written into it
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert "not using the cache folder" in lines[0]
    assert "other users can write to it" in lines[0]


def test_a_folder_inside_one_others_can_write_to_is_not_used(tmp_path, monkeypatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)  # not sticky: anyone could rename our folder away
    monkeypatch.setenv("IOPGUIDE_CACHE_DIR", str(shared / "mine"))
    monkeypatch.setattr(private, "_refused", set())
    assert private_cache_dir() is None


def test_a_sticky_folder_like_tmp_above_it_is_fine(tmp_path, monkeypatch) -> None:
    shared = tmp_path / "sticky"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    monkeypatch.setenv("IOPGUIDE_CACHE_DIR", str(shared / "mine"))
    assert Path(private_cache_dir()) == shared / "mine"


def test_a_folder_of_another_users_is_not_used(tmp_path, monkeypatch, capsys) -> None:
    if ROOT:  # root can make a folder that belongs to someone else
        folder = tmp_path / "theirs"
        folder.mkdir(mode=0o700)
        os.chown(folder, 65534, 65534)
    else:  # anyone else can point at one of root's
        folder = Path("/")
    monkeypatch.setenv("IOPGUIDE_CACHE_DIR", str(folder))
    monkeypatch.setattr(private, "_refused", set())
    assert private_cache_dir() is None
    assert "belongs to another user" in capsys.readouterr().err


def test_cache_dir_expands_a_quoted_tilde(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("IOPGUIDE_CACHE_DIR", "~/c")
    assert Path(cache_dir()) == tmp_path / "c"


def test_an_entry_signed_with_another_key_is_not_believed(fresh) -> None:
    """Right layout, magic and content key, every MAC right for a key that is not the user's."""
    cache.store(SOURCE, DATA, sample())
    parts = index_build.build(sample(), cache.content_key(DATA), hashlib.sha256(b"").digest())
    Path(cache.entry_path(SOURCE)).write_bytes(b"".join(parts))
    assert cache.load(SOURCE, DATA) is None


@pytest.mark.parametrize("plant", ["symlink-to-dev-zero", "fifo", "sparse-3gb", "group-writable"])
def test_a_strange_file_at_an_entry_is_never_read_and_is_replaced(fresh, plant) -> None:
    """Run in a child with a timeout: a FIFO opened for reading would wait for ever."""
    cache.store(SOURCE, DATA, sample())
    entry = Path(cache.entry_path(SOURCE))
    entry.unlink()
    if plant == "symlink-to-dev-zero":
        entry.symlink_to("/dev/zero")
    elif plant == "fifo":
        os.mkfifo(entry)
    elif plant == "sparse-3gb":
        with open(entry, "wb") as handle:
            handle.truncate(3 << 30)
    else:
        cache.store(SOURCE, DATA, sample())
        os.chmod(entry, 0o666)
    script = (
        "import sys; from iopguide.directory import cache; "
        "from iopguide.directory.load import sample_directory_path, parse_directory; "
        f"assert cache.load({SOURCE!r}, {DATA!r}) is None; "
        "d = parse_directory(open(sample_directory_path(), 'rb').read(), 'p'); "
        f"cache.store({SOURCE!r}, {DATA!r}, d); "
        f"assert cache.load({SOURCE!r}, {DATA!r}) is not None; print('ok')"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.stdout == "ok\n", done.stderr
    assert stat.S_ISREG(entry.lstat().st_mode)  # the plant was replaced, not written through
    assert mode(entry) == 0o600


@pytest.mark.skipif(not ROOT, reason="only root can plant a file that belongs to another user")
def test_an_entry_of_another_users_is_not_read(fresh) -> None:
    cache.store(SOURCE, DATA, sample())
    entry = Path(cache.entry_path(SOURCE))
    os.chown(entry, 65534, 65534)
    assert cache.load(SOURCE, DATA) is None


def test_a_zip_table_forged_with_a_correct_checksum_is_detected(fresh) -> None:
    """The attack from the review: 40202 (Louisville) moved to Los Angeles."""
    assert geo.zip_centre("40202").state == "KY"
    table = Path(geo._cache_file())
    body = bytearray(table.read_bytes()[len(geo._MAGIC) + geo._CHECKSUM_SIZE :])
    size = geo._RECORD.size
    for offset in range(0, len(body), size):
        zip5, state, _lat, _lon = geo._RECORD.unpack_from(body, offset)
        if zip5 == b"40202":
            geo._RECORD.pack_into(body, offset, zip5, state, 34.05, -118.24)
    forged = bytes(body)
    table.write_bytes(geo._MAGIC + hashlib.sha256(forged).digest() + forged)
    geo._table.cache_clear()
    centre = geo.zip_centre("40202")
    assert centre.lat == pytest.approx(38.25, abs=0.05)
    assert centre.lon == pytest.approx(-85.75, abs=0.05)


def test_a_key_that_is_not_ours_is_replaced_and_old_entries_are_rebuilt(fresh) -> None:
    cache.store(SOURCE, DATA, sample())
    key = fresh / "key"
    key.unlink()
    key.symlink_to("/dev/zero")
    assert cache.load(SOURCE, DATA) is None  # signed with a key that is gone
    assert stat.S_ISREG(key.lstat().st_mode) and mode(key) == 0o600
    cache.store(SOURCE, DATA, sample())
    assert cache.load(SOURCE, DATA) is not None


def test_an_entry_that_breaks_a_search_is_dropped_so_the_next_run_rebuilds_it(
    fresh, tmp_path, capsys, monkeypatch
) -> None:
    """The review's attack: a wrong-typed entry ended every later find in 'unexpected problem'.

    An entry signed with the user's key (as only iopguide itself, through some bug, could
    write it) whose levels are not a list: the search fails once, never twice.
    """
    from iopguide.cli import run

    file = tmp_path / "programs.yaml"
    file.write_bytes(Path(sample_directory_path()).read_bytes())
    assert run(["find", "--directory", str(file), "--json"]) == 0
    real_rows = rows.to_rows
    broken = [(*row[:3], 7, *row[4:]) for row in real_rows(sample().programs)]  # levels: 7
    monkeypatch.setattr(rows, "to_rows", lambda programs: broken)
    source = str(file.resolve())
    cache.store_by_key(source, cache.content_key(file.read_bytes()), sample())
    monkeypatch.setattr(rows, "to_rows", real_rows)
    entry = Path(cache.entry_path(source))
    capsys.readouterr()
    assert run(["find", "--directory", str(file), "--json"]) == 1
    assert "unexpected problem" in capsys.readouterr().err
    assert not entry.exists()  # dropped: it is in doubt
    assert run(["find", "--directory", str(file), "--json"]) == 0  # and rebuilt
