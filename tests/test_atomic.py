"""The one writer: private, atomic, never over a file unless asked, nothing left behind.

Written as the attacks: a real umask, a real planted link, a real file-size
limit (the kernel refuses the write, as on a full disk) and real signals sent
to a real process in the middle of a write.
"""

from __future__ import annotations

import os
import secrets
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from iopguide.io import atomic
from iopguide.io.atomic import write_file


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("mask", [0o000, 0o077, 0o277])
def test_files_are_0600_whatever_the_umask(tmp_path, mask) -> None:
    old = os.umask(mask)
    try:
        write_file(tmp_path / "s.md", "hello\n", overwrite=False)
    finally:
        os.umask(old)
    assert (tmp_path / "s.md").read_text(encoding="utf-8") == "hello\n"
    assert stat.S_IMODE((tmp_path / "s.md").stat().st_mode) == 0o600
    assert names(tmp_path) == ["s.md"]


def test_an_existing_file_is_never_replaced_unless_asked(tmp_path) -> None:
    target = tmp_path / "s.md"
    target.write_text("keep me\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_file(target, "new\n", overwrite=False)
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert names(tmp_path) == ["s.md"]
    write_file(target, "new\n", overwrite=True)
    assert target.read_text(encoding="utf-8") == "new\n"


def test_a_link_at_the_name_is_replaced_never_written_through(tmp_path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious\n", encoding="utf-8")
    (tmp_path / "out").symlink_to(victim)
    with pytest.raises(FileExistsError):  # a dangling or live link is a file that exists
        write_file(tmp_path / "out", "x", overwrite=False)
    write_file(tmp_path / "out", "x", overwrite=True)
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not (tmp_path / "out").is_symlink()


def test_a_link_planted_at_the_temporary_name_is_never_followed(tmp_path, monkeypatch) -> None:
    """Even if an attacker guessed the name, O_EXCL|O_NOFOLLOW refuses it; another is used."""
    victim = tmp_path / "victim"
    victim.write_text("precious\n", encoding="utf-8")
    guesses = iter(["guessed", "fresh"])
    monkeypatch.setattr(secrets, "token_hex", lambda n: next(guesses))
    (tmp_path / ".out.guessed.tmp").symlink_to(victim)
    write_file(tmp_path / "out", "data", overwrite=False)
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert (tmp_path / "out").read_text(encoding="utf-8") == "data"
    assert names(tmp_path) == [".out.guessed.tmp", "out", "victim"]  # the plant is left alone


def test_temporary_names_are_unpredictable(tmp_path, monkeypatch) -> None:
    seen = []
    real = os.open

    def spy(path, *args, **kwargs):
        seen.append(os.path.basename(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "open", spy)
    for _ in range(3):
        write_file(tmp_path / "out", "x", overwrite=True, durable=False)
    temporary = [name for name in seen if name.endswith(".tmp")]
    assert len(set(temporary)) == 3
    assert all(str(os.getpid()) not in name for name in temporary)


def test_a_name_near_the_limit_still_gets_a_temporary_file(tmp_path) -> None:
    name = "s" * 250 + ".md"
    write_file(tmp_path / name, "x", overwrite=False)
    assert names(tmp_path) == [name]


def _child(script: str, tmp_path: Path, **kwargs) -> subprocess.Popen:
    code = textwrap.dedent(script)
    return subprocess.Popen(
        [sys.executable, "-c", code, str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def test_a_write_that_the_disk_refuses_leaves_nothing(tmp_path) -> None:
    """RLIMIT_FSIZE makes the kernel refuse the write (EFBIG), as a full disk does (ENOSPC)."""
    import resource

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    child = _child(
        """
        import sys
        from pathlib import Path
        from iopguide.io.atomic import write_file
        try:
            write_file(Path(sys.argv[1]) / "big.json", [b"x" * 65536], overwrite=False)
        except OSError as err:
            print("refused", err.errno)
        """,
        tmp_path,
        preexec_fn=small_files,
    )
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert out.startswith("refused"), out
    assert names(tmp_path) == []


_SLOW_WRITER = """
    import sys, time
    from pathlib import Path
    from iopguide.io.atomic import write_file

    def chunks():
        yield "first part of a summary\\n" * 1000
        print("writing", flush=True)
        time.sleep(60)
        yield "never reached"

    try:
        write_file(Path(sys.argv[1]) / "summary.md", chunks(), overwrite=False)
    except KeyboardInterrupt:
        sys.exit(130)
"""


@pytest.mark.parametrize(
    ("signum", "status"),
    [
        (signal.SIGTERM, -signal.SIGTERM),
        (signal.SIGHUP, -signal.SIGHUP),
        (signal.SIGINT, 130),  # Python's own handler: KeyboardInterrupt, then exit 130
    ],
)
def test_a_signal_in_the_middle_of_a_write_leaves_nothing_behind(tmp_path, signum, status) -> None:
    child = _child(_SLOW_WRITER, tmp_path)
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "writing\n"
        assert any(name.endswith(".tmp") for name in names(tmp_path))  # mid-write, for real
        child.send_signal(signum)
        child.wait(timeout=30)
    finally:
        child.kill()
        child.communicate()
    assert child.returncode == status
    assert names(tmp_path) == []


def test_signal_handlers_are_put_back_after_a_write(tmp_path) -> None:
    before = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)}
    write_file(tmp_path / "x", "x", overwrite=False)
    assert {s: signal.getsignal(s) for s in before} == before


def test_an_ignored_signal_stays_ignored_during_a_write(tmp_path) -> None:
    """Under nohup SIGHUP is ignored: a write must not make it deadly again."""
    child = _child(
        """
        import os, signal, sys
        from pathlib import Path
        from iopguide.io.atomic import write_file
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        def chunks():
            yield "x"
            os.kill(os.getpid(), signal.SIGHUP)
            yield "y"
        write_file(Path(sys.argv[1]) / "out", chunks(), overwrite=False)
        print(open(Path(sys.argv[1]) / "out").read())
        """,
        tmp_path,
    )
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert out == "xy\n"


_STALLED_IMPORT = """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[3])
    from import_fixtures import findtreatment_row, write_findtreatment
    from iopguide.cli import run
    from iopguide.directory.importers import writer

    services = {
        ("TC", "Type of Care"): "Substance use treatment",
        ("SET", "Service Setting"): "Intensive outpatient treatment",
    }
    page = write_findtreatment(
        Path(sys.argv[2]) / "page.json", [findtreatment_row("Sample Stall Center", services)]
    )
    chunks = writer._json_chunks

    def stalling(info, programs):
        for number, chunk in enumerate(chunks(info, programs)):
            yield chunk
            if number == 1:
                print("writing", flush=True)
                time.sleep(60)

    writer._json_chunks = stalling
    sys.exit(run(["directory", "import", "findtreatment", str(page), "-o",
                  str(Path(sys.argv[1]) / "out.json")]))
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_directory_import_leaves_no_file_behind(tmp_path, signum) -> None:
    """The review's attack: SIGTERM or SIGHUP while `directory import` writes its output."""
    out, inputs = tmp_path / "out", tmp_path / "in"
    out.mkdir()
    inputs.mkdir()
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(_STALLED_IMPORT),
            str(out),
            str(inputs),
            str(Path(__file__).parent),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "writing\n", child.stderr.read() if child.stderr else ""
        assert [name for name in names(out) if name.endswith(".tmp")]  # mid-write, for real
        child.send_signal(signum)
        child.wait(timeout=30)
    finally:
        child.kill()
        child.communicate()
    assert child.returncode == -signum
    assert names(out) == []


def test_a_device_is_never_replaced_even_when_asked(tmp_path) -> None:
    """`directory import -o /dev/null --force` as root must not turn /dev/null into a file."""
    if os.geteuid() == 0:  # root can make a device node of its own to try it on
        device = tmp_path / "null"
        os.mknod(device, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    else:  # anyone else cannot write in /dev, so /dev/null itself is safe to try
        device = Path("/dev/null")
    with pytest.raises(OSError, match="it is a device"):
        write_file(device, "x", overwrite=True)
    assert stat.S_ISCHR(device.lstat().st_mode)
    if device.parent == tmp_path:
        assert names(tmp_path) == ["null"]  # no temporary file left beside it either


def test_a_fifo_is_replaced_when_asked(tmp_path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    write_file(fifo, "x", overwrite=True)
    assert fifo.read_text(encoding="utf-8") == "x"
