"""Loading: the built-in directory is found (also from a real wheel), bad paths are usage errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from iopguide.directory import load
from iopguide.directory.load import (
    DEFAULT_MAX_BYTES,
    MAX_BYTES_ENV,
    builtin_directory_path,
    load_directory,
    max_directory_bytes,
    parse_directory,
    sample_directory_path,
)
from iopguide.errors import DataError, UsageError
from iopguide.exit_codes import ExitCode

REPO = Path(__file__).resolve().parents[1]
VALID = (
    b"directory:\n  name: Mine\nprograms:\n"
    b"  - id: a\n    name: A\n    levels: iop\n    conditions: anxiety\n"
)


def test_builtin_paths_are_the_repository_data_files_in_development():
    path = Path(builtin_directory_path())
    assert path.is_file()
    assert path.name == "national-directory.json.xz"
    assert path.read_bytes() == (REPO / "data" / "national-directory.json.xz").read_bytes()
    sample = Path(sample_directory_path()).read_bytes()
    assert sample == (REPO / "data" / "programs.yaml").read_bytes()


def test_the_default_directory_is_real_data_and_sample_is_asked_for_by_name():
    directory = load_directory()
    assert directory.info.builtin is True and directory.info.path is None
    assert directory.info.sample is False and "SAMHSA" in directory.info.name
    assert len(directory.programs) > 10_000
    sample = load_directory(Path("sample"))
    assert sample.info.sample is True and sample.info.builtin is True
    assert sample.info.path is None and 1 <= len(sample.programs) < 100


def test_a_file_called_sample_is_read_as_that_file(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sample").write_bytes(VALID)
    directory = load_directory(Path("sample"), use_cache=False)
    assert directory.info.name == "Mine" and directory.info.sample is False


def test_user_directory_records_its_path(tmp_path: Path):
    file = tmp_path / "mine.yaml"
    file.write_bytes(VALID)
    directory = load_directory(file, use_cache=False)
    assert directory.info.builtin is False and directory.info.path == str(file)
    assert directory.info.name == "Mine" and directory.programs[0].id == "a"


def test_missing_file_is_a_usage_error_naming_the_path(tmp_path: Path):
    missing = tmp_path / "nope.yaml"
    with pytest.raises(UsageError) as info:
        load_directory(missing)
    assert str(missing) in info.value.message
    assert info.value.exit_code == ExitCode.USAGE


def test_a_folder_is_a_usage_error(tmp_path: Path):
    with pytest.raises(UsageError) as info:
        load_directory(tmp_path)
    assert "folder" in info.value.message and str(tmp_path) in info.value.message


def test_unreadable_file_is_a_usage_error(tmp_path: Path, monkeypatch):
    file = tmp_path / "secret.yaml"
    file.write_bytes(VALID)

    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    # Works whoever runs the tests (even root, whom chmod 000 does not stop).
    monkeypatch.setattr("iopguide.directory.load.open_without_waiting", refuse)
    with pytest.raises(UsageError) as info:
        load_directory(file)
    assert "not allowed to read" in info.value.message and str(file) in info.value.message


def test_invalid_content_is_a_data_error_with_every_problem(tmp_path: Path):
    file = tmp_path / "bad.yaml"
    file.write_bytes(VALID.replace(b"iop\n", b"iopp\n").replace(b"anxiety", b"anxeity"))
    with pytest.raises(DataError) as info:
        load_directory(file)
    assert len(info.value.problems) == 2
    assert info.value.exit_code == ExitCode.DATA_ERROR
    assert all(p.file == str(file) for p in info.value.problems)


def test_size_limit_is_checked_before_parsing_and_names_the_setting(tmp_path, monkeypatch):
    monkeypatch.setenv(MAX_BYTES_ENV, "0.001")  # about 1 KB
    file = tmp_path / "big.yaml"
    file.write_bytes(b"[" * 5000)  # would be 'nested too deeply' if it were parsed
    with pytest.raises(DataError) as info:
        load_directory(file)
    (problem,) = info.value.problems
    assert "5,000 bytes, over the 1,048 bytes limit" in problem.message
    assert MAX_BYTES_ENV in problem.hint


def test_size_limit_applies_to_parse_directory_too(monkeypatch):
    monkeypatch.setenv(MAX_BYTES_ENV, "0.0001")
    with pytest.raises(DataError) as info:
        parse_directory(b"#" * 1000, "x.yaml")
    assert "limit" in info.value.problems[0].message


def test_default_limit_is_generous_and_the_setting_is_checked(monkeypatch):
    monkeypatch.delenv(MAX_BYTES_ENV, raising=False)
    assert max_directory_bytes() == DEFAULT_MAX_BYTES >= 100 * 1024 * 1024
    monkeypatch.setenv(MAX_BYTES_ENV, "200")
    assert max_directory_bytes() == 200 * 1024 * 1024
    monkeypatch.setenv(MAX_BYTES_ENV, "lots")
    with pytest.raises(UsageError) as info:
        max_directory_bytes()
    assert MAX_BYTES_ENV in info.value.message


def test_parse_directory_does_no_io_and_raises_data_error():
    directory = parse_directory(VALID, "inline.yaml")
    assert directory.programs[0].name == "A"
    with pytest.raises(DataError) as info:
        parse_directory(b"- a\n", "inline.yaml")
    assert info.value.problems[0].file == "inline.yaml"


def test_installed_layout_finds_the_data_inside_the_package(tmp_path: Path):
    """Unpack the package as a wheel would install it, and ask it where its data is."""
    package = tmp_path / "site" / "iopguide"
    import shutil

    shutil.copytree(REPO / "src" / "iopguide", package)
    (package / "data").mkdir(exist_ok=True)
    shutil.copy(REPO / "data" / "programs.yaml", package / "data" / "programs.yaml")
    shutil.copy(
        REPO / "data" / "national-directory.json.xz",
        package / "data" / "national-directory.json.xz",
    )
    code = (
        "import iopguide.directory.load as l; p = l.sample_directory_path(); print(p); "
        "d = l.load_directory(l.builtin_directory_path(), use_cache=False); "
        "print(len(d.programs))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    path_line, count = result.stdout.split()
    assert Path(path_line) == package / "data" / "programs.yaml"
    assert int(count) >= 1


def test_load_module_keeps_the_steps_separate():
    """A cache slots in between reading bytes and parsing them."""
    assert callable(load.read_directory_bytes) and callable(load.check_bytes)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may read any file")
def test_a_file_the_user_may_not_read_is_a_usage_error(tmp_path: Path, capsys) -> None:
    from iopguide.cli import run

    file = tmp_path / "secret.yaml"
    file.write_bytes(VALID)
    file.chmod(0)
    assert run(["find", "--directory", str(file)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "is not readable" in err or "not allowed to read" in err  # click's check, or ours


def test_a_compressed_directory_loads_like_the_plain_one(tmp_path: Path):
    import gzip
    import lzma

    for suffix, pack in ((".xz", lzma.compress), (".gz", gzip.compress)):
        file = tmp_path / f"mine.json{suffix}"
        file.write_bytes(pack(VALID))
        assert load_directory(file).programs[0].id == "a"
        assert load_directory(file).programs[0].id == "a"  # from the cache this time


def test_a_small_compressed_file_that_inflates_past_the_limit_is_refused(tmp_path, monkeypatch):
    import lzma

    file = tmp_path / "bomb.json.xz"
    file.write_bytes(lzma.compress(b" " * (3 * 1024 * 1024)))
    assert file.stat().st_size < 10_000
    monkeypatch.setenv(MAX_BYTES_ENV, "1")
    with pytest.raises(DataError) as info:
        load_directory(file, use_cache=False)
    assert "over the 1 MB limit" in info.value.problems[0].message


def test_a_truncated_or_foreign_compressed_file_is_a_clear_problem(tmp_path: Path):
    import lzma

    cut = tmp_path / "cut.json.xz"
    cut.write_bytes(lzma.compress(VALID)[:-20])
    foreign = tmp_path / "foreign.json.xz"
    foreign.write_bytes(VALID)
    for file in (cut, foreign):
        with pytest.raises(DataError) as info:
            load_directory(file, use_cache=False)
        problem = info.value.problems[0]
        assert problem.file == str(file)
        assert "decompress" in problem.message or "incomplete" in problem.message
