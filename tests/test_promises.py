"""The promises in docs/security.md that no other test file holds: no network, no answers kept."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from iopguide.cli import run
from iopguide.directory import geo
from iopguide.io import private


@pytest.fixture
def no_network(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("iopguide tried to use the network")

    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("IOPGUIDE_CACHE_DIR", str(folder))
    monkeypatch.setattr(private, "_refused", set())
    geo._table.cache_clear()
    yield folder
    geo._table.cache_clear()


@pytest.mark.parametrize(
    "args",
    [
        ["find", "--zip", "40202", "--json"],
        ["show", "lamplight-sample-iop", "--directory", "sample"],
        ["assess", "--answer", "danger_now=yes"],
        ["learn", "paying"],
        ["directory", "validate"],
    ],
)
def test_no_command_uses_the_network(no_network, fresh_cache, capsys, args) -> None:
    assert run(args) == 0
    assert "network" not in capsys.readouterr().err


def test_answers_are_never_written_anywhere(fresh_cache, tmp_path, monkeypatch, capsys) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    answers = work / "answers.yaml"
    answers.write_text(
        "danger_now: no\nwithdrawal: no\nround_the_clock: no\ncurrent_care: outpatient\n"
        "outpatient_enough: no\ndaily_impact: a_lot\nhome: yes\ntime: yes\n"
        "concerns: [eating_disorder]\n",
        encoding="utf-8",
    )
    assert run(["assess", "--answers", str(answers), "--json"]) == 0
    assert "eating" in capsys.readouterr().out  # the answers were used ...
    assert sorted(p.name for p in work.iterdir()) == ["answers.yaml"]  # ... and kept nowhere
    assert not fresh_cache.exists() or not any(fresh_cache.rglob("*"))
