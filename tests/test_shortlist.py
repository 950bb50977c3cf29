"""`iopguide shortlist`: a private file of ids, written whole, only when asked."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest

from iopguide.cli import run
from iopguide.directory import shortlist
from iopguide.errors import DataError

A, B = "argyle-example-counseling-iop", "bayou-sample-php"


@pytest.fixture(autouse=True)
def _private_data(monkeypatch, tmp_path) -> Path:
    monkeypatch.setenv("IOPGUIDE_DIRECTORY", "sample")
    monkeypatch.setenv("IOPGUIDE_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def call(capsys, *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys, *extra: str) -> list[str]:
    code, out, err = call(capsys, "shortlist", "show", "--json", *extra)
    assert code == 0, err
    return [p["id"] for p in json.loads(out)["programs"]]


def test_add_remove_show_clear(capsys, _private_data) -> None:
    code, out, _ = call(capsys, "shortlist", "add", A, B)
    assert code == 0 and "Added 2 programs" in out
    code, out, _ = call(capsys, "shortlist", "add", B)
    assert "Already on your shortlist: bayou-sample-php." in out
    assert listed(capsys) == [A, B]
    code, out, _ = call(capsys, "shortlist", "remove", A, "not-there")
    assert "Removed 1 program" in out and "Not on your shortlist: not-there." in out
    assert listed(capsys) == [B]
    code, out, _ = call(capsys, "shortlist", "clear")
    assert code == 0 and "cleared" in out
    assert listed(capsys) == []
    assert not (_private_data / shortlist.FILE_NAME).exists()


def test_the_file_is_private_and_its_folder_too(capsys, _private_data) -> None:
    assert not _private_data.exists()  # nothing until the person asks
    call(capsys, "find", "--zip", "40202")
    assert not _private_data.exists()
    call(capsys, "shortlist", "add", A)
    path = _private_data / shortlist.FILE_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(_private_data.stat().st_mode) == 0o700
    entry = shortlist.load(path).entries[0]
    assert entry.id == A and entry.name == "Argyle Example Counseling IOP"
    assert dt.date.fromisoformat(entry.added)


def test_an_unknown_id_is_refused_with_did_you_mean(capsys, _private_data) -> None:
    code, _, err = call(capsys, "shortlist", "add", "argyle-example-counseling")
    assert code == 2 and "Did you mean" in err
    assert not _private_data.exists()  # nothing written


def test_file_option_and_environment_variable(capsys, tmp_path, monkeypatch) -> None:
    mine = tmp_path / "mine.yaml"
    call(capsys, "shortlist", "add", A, "--file", str(mine))
    assert shortlist.load(mine).ids == (A,)
    monkeypatch.setenv("IOPGUIDE_SHORTLIST", str(mine))
    assert listed(capsys) == [A]
    code, out, _ = call(capsys, "compare", "--shortlist", B, "--json")
    assert code == 0 and [p["id"] for p in json.loads(out)["programs"]] == [A, B]


def test_never_half_written(capsys, _private_data, monkeypatch) -> None:
    call(capsys, "shortlist", "add", A)
    path = _private_data / shortlist.FILE_NAME
    before = path.read_bytes()

    import iopguide.io.atomic as atomic

    real_open = open

    class Failing:
        def __init__(self, *a, **k):
            self._h = real_open(*a, **k)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._h.close()

        def fileno(self):
            return self._h.fileno()

        def write(self, data):
            raise OSError(28, "No space left on device")

        def flush(self):
            pass

    monkeypatch.setattr(atomic, "open", Failing, raising=False)
    code, _, err = call(capsys, "shortlist", "add", B)
    assert code == 2 and "No space left" in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in _private_data.iterdir()) == [shortlist.FILE_NAME]


def test_a_broken_file_names_the_file_and_line(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("programs:\n  - name: no id here\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        shortlist.load(bad)
    problem = caught.value.problems[0]
    assert problem.file.endswith("bad.yaml") and problem.line == 2 and problem.field == "id"
    code, _, err = call(capsys, "shortlist", "show", "--file", str(bad))
    assert code == 1 and "bad.yaml" in err
    code, _, err = call(capsys, "shortlist", "clear", "--file", str(bad))
    assert code == 1 and bad.exists() and "bad.yaml" in err  # explained, never deleted


def test_clear_never_deletes_a_file_that_is_not_a_shortlist(tmp_path, capsys) -> None:
    other = tmp_path / "a.txt"
    other.write_text("x\n", encoding="utf-8")
    code, _, _ = call(capsys, "shortlist", "clear", "--file", str(other))
    assert code != 0 and other.read_text(encoding="utf-8") == "x\n"


def test_a_linked_or_shared_shortlist_file_is_refused(tmp_path, capsys) -> None:
    real = tmp_path / "s.yaml"
    shortlist.save(real, shortlist.Shortlist().with_added([("x-1", "X")], dt.date(2026, 5, 4)))
    link = tmp_path / "l.yaml"
    link.symlink_to(real)
    code, _, err = call(capsys, "shortlist", "show", "--file", str(link))
    assert code == 2 and "symbolic link" in err
    real.chmod(0o666)
    code, _, err = call(capsys, "shortlist", "show", "--file", str(real))
    assert code == 2 and "anyone on this computer may change it" in err


def test_hostile_names_round_trip_as_text(tmp_path) -> None:
    path = tmp_path / "s.yaml"
    name = 'Evil "quote"\n- id: injected\nprograms: []'
    saved = shortlist.Shortlist().with_added([("x-1", name)], dt.date(2026, 5, 4))
    shortlist.save(path, saved)
    loaded = shortlist.load(path)
    assert loaded.ids == ("x-1",) and loaded.entries[0].name == name


def test_compare_an_empty_shortlist_says_how_to_add(capsys) -> None:
    code, _, err = call(capsys, "compare", "--shortlist")
    assert code == 2 and "shortlist is empty" in err and "shortlist add" in err


def test_markdown_and_spanish(capsys, spanish) -> None:
    call(capsys, "shortlist", "add", A)
    code, out, _ = call(capsys, "shortlist", "show", "-f", "markdown")
    assert code == 0 and "**Argyle Example Counseling IOP**" in out and f"`{A}`" in out
    assert "lista" in out.lower()


def test_a_file_that_is_not_a_shortlist_is_never_replaced(capsys, tmp_path) -> None:
    other = tmp_path / "settings.yaml"
    other.write_text("colour: blue\n", encoding="utf-8")
    code, _, err = call(capsys, "shortlist", "add", A, "--file", str(other))
    assert code == 1 and "not a shortlist file" in err
    assert other.read_text(encoding="utf-8") == "colour: blue\n"


def test_hints_name_the_file_the_person_named(tmp_path, capsys) -> None:
    named = tmp_path / "for-dana.yaml"
    code, out, _ = call(capsys, "shortlist", "add", A, "--file", str(named))
    assert code == 0
    squeezed = "".join(out.split())  # a long temporary path may wrap anywhere
    assert "".join(f"iopguide compare --shortlist --file {named}".split()) in squeezed
    call(capsys, "shortlist", "remove", A, "--file", str(named))
    code, _, err = call(capsys, "compare", "--file", str(named))
    assert code == 2
    assert "".join(f"iopguide shortlist add ID --file {named}".split()) in "".join(err.split())
