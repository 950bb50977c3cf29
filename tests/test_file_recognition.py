"""A directory file is recognised by its stat (git's racy-clean rule) or its SHA-256.

What is hashed when, and that an entry never serves bytes other than the ones it was
built from: a file changed, touched, rewritten while it is read, or within one tick.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from iopguide.directory import cache, load


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("IOPGUIDE_CACHE_DIR", str(tmp_path / "cache"))


class _Hashes:
    def __init__(self, monkeypatch) -> None:
        self.count = 0
        real = cache.file_key

        def counted(handle, chunk=1 << 20):
            self.count += 1
            return real(handle, chunk)

        monkeypatch.setattr(cache, "file_key", counted)


def test_a_file_whose_stat_is_unchanged_and_settled_is_not_hashed_again(
    tmp_path, monkeypatch
) -> None:
    file = tmp_path / "programs.yaml"
    file.write_bytes(Path(load.sample_directory_path()).read_bytes())
    monkeypatch.setattr(cache, "RACY_NS", 0)  # as if the file were written long ago
    load.load_directory(file)
    hashes = _Hashes(monkeypatch)
    load.load_directory(file)
    load.load_directory(file)
    assert hashes.count == 0


def test_a_racy_file_is_hashed_every_time_until_it_settles(tmp_path, monkeypatch) -> None:
    """Changed within RACY_NS of the stat being recorded: the stat cannot vouch for it."""
    file = tmp_path / "programs.yaml"
    file.write_bytes(Path(load.sample_directory_path()).read_bytes())
    monkeypatch.setattr(cache, "RACY_NS", 10**18)
    load.load_directory(file)
    hashes = _Hashes(monkeypatch)
    load.load_directory(file)
    load.load_directory(file)
    assert hashes.count == 2


def test_the_same_content_with_a_new_stat_is_hashed_once_and_restamped(
    tmp_path, monkeypatch
) -> None:
    file = tmp_path / "programs.yaml"
    file.write_bytes(Path(load.sample_directory_path()).read_bytes())
    monkeypatch.setattr(cache, "RACY_NS", 0)
    load.load_directory(file)
    past = os.stat(file).st_mtime_ns - 10**10
    os.utime(file, ns=(past, past))  # a touch: new stat, same bytes
    parses = []
    real = load.parse_directory
    monkeypatch.setattr(load, "parse_directory", lambda *a, **k: parses.append(1) or real(*a, **k))
    hashes = _Hashes(monkeypatch)
    load.load_directory(file)
    load.load_directory(file)
    assert (hashes.count, parses) == (1, [])


@pytest.mark.parametrize(
    ("old", "new", "hashed"), [("Sample", "Changed", 0), ("Sample", "Simple", 1)]
)
def test_a_changed_file_is_hashed_from_disk_only_when_its_size_could_not_tell(
    tmp_path, monkeypatch, old: str, new: str, hashed: int
) -> None:
    """Another size is other bytes; the new entry is keyed on the bytes read for parsing."""
    file = tmp_path / "programs.yaml"
    text = Path(load.sample_directory_path()).read_text(encoding="utf-8")
    file.write_text(text, encoding="utf-8")
    monkeypatch.setattr(cache, "RACY_NS", 0)
    load.load_directory(file)
    changed = text.replace(f"Lamplight {old}", f"Lamplight {new}", 1)
    file.write_text(changed, encoding="utf-8")
    hashes = _Hashes(monkeypatch)
    assert any(f"Lamplight {new}" in p.name for p in load.load_directory(file).programs)
    assert hashes.count == hashed
    again = load.load_directory(file)  # from the new entry: its stat is settled
    assert hashes.count == hashed and type(again.programs).__name__ == "IndexedPrograms"
    assert any(f"Lamplight {new}" in p.name for p in again.programs)
    assert cache.load(os.path.realpath(file), changed.encode("utf-8")) is not None


@pytest.mark.parametrize("new", ["Simple", "Changed"])  # the same size, another size
def test_a_file_rewritten_while_it_is_read_is_never_served_as_the_bytes_read(
    tmp_path, monkeypatch, new: str
) -> None:
    file = tmp_path / "programs.yaml"
    text = Path(load.sample_directory_path()).read_text(encoding="utf-8")
    file.write_text(text, encoding="utf-8")
    real = load._read_file

    def read_then_rewrite(*args):
        read = real(*args)
        with open(file, "r+", encoding="utf-8") as handle:  # the same inode
            handle.write(text.replace("Lamplight Sample", f"Lamplight {new}", 1))
            handle.truncate()
        return read

    monkeypatch.setattr(load, "_read_file", read_then_rewrite)
    first = load.load_directory(file)
    monkeypatch.setattr(load, "_read_file", real)
    assert not any(f"Lamplight {new}" in p.name for p in first.programs)  # what was read
    assert any(f"Lamplight {new}" in p.name for p in load.load_directory(file).programs)


def test_a_rewrite_that_leaves_the_stat_alike_is_noticed_by_the_racy_rule(tmp_path) -> None:
    """Same size and inode, rewritten within one clock tick: the stat alone would match.

    The file's last change is less than RACY_NS older than the recorded stat, so it
    is hashed, and the new content is read.
    """
    file = tmp_path / "programs.yaml"
    text = Path(load.sample_directory_path()).read_text(encoding="utf-8")
    file.write_text(text, encoding="utf-8")
    load.load_directory(file)
    changed = text.replace("Lamplight Sample", "Lamplight Simple", 1)
    assert len(changed) == len(text)
    with open(file, "r+", encoding="utf-8") as handle:  # the same inode
        handle.write(changed)
    assert any("Lamplight Simple" in p.name for p in load.load_directory(file).programs)
