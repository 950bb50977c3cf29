"""iopguide screen: PHQ-9, GAD-7 and AUDIT-C in their published wording, scored exactly."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from iopguide import crisis
from iopguide.assessment.screening import (
    INSTRUMENT_IDS,
    LEFT_OUT,
    all_instruments,
    for_concerns,
    get_instrument,
    read_points,
    score,
)
from iopguide.cli import run
from iopguide.errors import UsageError

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "instruments.md"
DOWN, ENTER = "\x1b[B", "\r"


@pytest.fixture(autouse=True)
def _calm_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IOPGUIDE_PLAIN", "1")
    monkeypatch.setenv("NO_COLOR", "1")


def _points_for_total(instrument_id: str, total: int) -> dict[str, int]:
    """Answers that add up to *total*, filling items from the first (item 9 last, and 0)."""
    instrument = get_instrument(instrument_id)
    points: dict[str, int] = {}
    left = total
    order = sorted(instrument.items, key=lambda item: item.safety)
    for item in order:
        top = max(o.points for o in item.options)
        points[item.key] = min(top, left)
        left -= points[item.key]
    assert left == 0
    return points


BAND_EDGES = [
    ("phq9", 0, "minimal"),
    ("phq9", 4, "minimal"),
    ("phq9", 5, "mild"),
    ("phq9", 9, "mild"),
    ("phq9", 10, "moderate"),
    ("phq9", 14, "moderate"),
    ("phq9", 15, "moderately severe"),
    ("phq9", 19, "moderately severe"),
    ("phq9", 20, "severe"),
    ("phq9", 27, "severe"),
    ("gad7", 0, "minimal"),
    ("gad7", 4, "minimal"),
    ("gad7", 5, "mild"),
    ("gad7", 9, "mild"),
    ("gad7", 10, "moderate"),
    ("gad7", 14, "moderate"),
    ("gad7", 15, "severe"),
    ("gad7", 21, "severe"),
    ("auditc", 0, "below the cut-offs"),
    ("auditc", 2, "below the cut-offs"),
    ("auditc", 3, "at the cut-off for women"),
    ("auditc", 4, "at or above the cut-offs"),
    ("auditc", 12, "at or above the cut-offs"),
]


@pytest.mark.parametrize(("instrument_id", "total", "band"), BAND_EDGES)
def test_scoring_at_every_band_edge(instrument_id: str, total: int, band: str) -> None:
    result = score(get_instrument(instrument_id), _points_for_total(instrument_id, total))
    assert result.score == total
    assert result.band.startswith(band)


def test_bands_cover_every_score_exactly_once() -> None:
    for instrument in all_instruments():
        covered = [s for b in instrument.bands for s in range(b.low, b.high + 1)]
        assert covered == list(range(instrument.max_score + 1)), instrument.id
    assert [i.max_score for i in all_instruments()] == [27, 21, 12]


def test_high_bands_are_phq9_15_up_and_gad7_15_up() -> None:
    assert not score(get_instrument("phq9"), _points_for_total("phq9", 14)).high
    assert score(get_instrument("phq9"), _points_for_total("phq9", 15)).high
    assert score(get_instrument("gad7"), _points_for_total("gad7", 15)).high
    assert not score(get_instrument("auditc"), _points_for_total("auditc", 12)).high


@pytest.mark.parametrize("item9", [1, 2, 3])
def test_item_9_above_0_flags_safety_whatever_the_total(item9: int) -> None:
    points = {f"phq9_{n}": 0 for n in range(1, 9)} | {"phq9_9": item9}
    result = score(get_instrument("phq9"), points)
    assert result.safety_flagged
    assert result.band == "minimal"
    data = result.to_dict()["safety"]
    assert data["flagged"] is True
    assert "Please talk to someone today" in data["message"]
    assert data["crisis_lines"][0]["name"] == crisis.LIFELINE_988.name


def test_item_9_at_0_does_not_flag() -> None:
    result = score(get_instrument("phq9"), _points_for_total("phq9", 27 - 3))
    assert not result.safety_flagged
    assert result.to_dict()["safety"] == {"flagged": False, "message": None, "crisis_lines": []}


def test_licences_and_sources_are_recorded_beside_each_instrument() -> None:
    for instrument in all_instruments():
        assert instrument.licence and instrument.source
    assert "No permission is required" in get_instrument("phq9").licence
    assert "No permission is required" in get_instrument("gad7").licence
    assert "World Health Organization" in get_instrument("auditc").licence
    assert "not sold" in get_instrument("auditc").licence
    for name in ("C-SSRS", "LOCUS", "ASAM", "MDQ", "ASRM"):
        assert any(name in entry for entry in LEFT_OUT)
    docs_file = Path(__file__).resolve().parents[1] / "docs" / "instruments.md"
    docs = docs_file.read_text(encoding="utf-8")
    for instrument in all_instruments():
        assert instrument.name in docs
    for name in ("C-SSRS", "LOCUS", "ASAM", "MDQ", "ASRM"):
        assert name in docs


@pytest.mark.skipif(not SHARED.exists(), reason="needs ../shared/data/instruments.md")
def test_wording_matches_the_published_forms_exactly() -> None:
    text = SHARED.read_text(encoding="utf-8")
    for instrument in all_instruments():
        for item in instrument.items:
            assert f"{item.number}. {item.text}" in text, item.key
            for option in item.options:
                assert f"{option.label} ({option.points})" in text, (item.key, option)
        if instrument.stem:
            assert f"Stem: {instrument.stem}" in text or instrument.id != "phq9"


@pytest.mark.parametrize(
    "raw",
    [
        {"phq9_1": 2},
        {"1": 2},
        {1: 2},
        {"PHQ9-1": "2"},
        {"phq9 1": "More than half the days"},
        {1: "more than half the days."},
        {"01": "\u201cMore than half the days\u201d"},
    ],
)
def test_answers_by_key_form_and_words(raw: dict) -> None:
    assert read_points(get_instrument("phq9"), raw) == {"phq9_1": 2}


def test_auditc_accepts_its_own_words_with_a_hyphen_or_dash() -> None:
    got = read_points(get_instrument("auditc"), {1: "2-4 times a month", 2: "7 to 9", 3: "weekly"})
    assert got == {"auditc_1": 2, "auditc_2": 3, "auditc_3": 3}


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ({"phq9_10": 1}, "no question called 'phq9_10'"),
        ({"gad7_1": 1}, "no question called"),
        ({1: 4}, "Allowed: 0 (Not at all), 1 (Several days)"),
        ({1: "often"}, "phq9_1 cannot be 'often'"),
        ({1: True}, "phq9_1 cannot be"),
    ],
)
def test_bad_keys_and_values_are_named(raw: dict, fragment: str) -> None:
    with pytest.raises(UsageError) as err:
        read_points(get_instrument("phq9"), raw)
    assert fragment in err.value.message


def test_concerns_choose_the_check_ins_that_fit() -> None:
    assert [i.id for i in for_concerns(("depression", "anxiety"))] == ["phq9", "gad7"]
    assert [i.id for i in for_concerns(("substance_use",))] == ["auditc"]
    assert [i.id for i in for_concerns(("self_harm",))] == ["phq9"]
    assert for_concerns(("other",)) == ()


# -- the command --------------------------------------------------------------------------


def test_list_names_each_check_in_and_what_is_left_out(capsys) -> None:
    assert run(["screen"]) == 0
    out = capsys.readouterr().out
    for instrument_id in INSTRUMENT_IDS:
        assert f"iopguide screen {instrument_id}" in out
    assert "C-SSRS" in out and "988" in out


def test_list_as_json(capsys) -> None:
    assert run(["screen", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [i["id"] for i in data["instruments"]] == list(INSTRUMENT_IDS)
    assert all(i["licence"] and i["source"] for i in data["instruments"])
    assert data["left_out"]


def test_json_result_has_every_field(tmp_path, capsys) -> None:
    path = tmp_path / "phq.yaml"
    path.write_text(
        "".join(f"{n}: several days\n" for n in range(1, 10)).replace("9: several days", "9: 0")
    )
    assert run(["screen", "phq9", "--answers", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == [
        "instrument",
        "name",
        "score",
        "max_score",
        "band",
        "items",
        "safety",
        "licence",
        "source",
        "disclaimer",
        "lang",
    ]
    assert (data["instrument"], data["name"], data["score"], data["max_score"]) == (
        "phq9",
        "PHQ-9",
        8,
        27,
    )
    assert data["band"] == "mild"
    assert data["items"][0] == {
        "id": "phq9_1",
        "question": "Little interest or pleasure in doing things",
        "answer": "Several days",
        "points": 1,
    }
    assert data["safety"]["flagged"] is False


def test_auditc_json_states_the_cut_offs_and_a_standard_drink(capsys) -> None:
    args = ["screen", "auditc", "--answer", "1=2", "--answer", "2=1", "--answer", "3=0", "--json"]
    assert run(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["score"] == 3
    assert "4 or more for men, 3 or more for women" in data["cutoffs"]
    assert "14 g" in data["note"]


def test_flagged_item_9_opens_with_988_in_the_terminal_view(capsys) -> None:
    args = [
        "screen",
        "phq9",
        *[part for n in range(1, 9) for part in ("--answer", f"{n}=0")],
        "--answer",
        "9=several days",
    ]
    assert run(args) == 0
    out = " ".join(capsys.readouterr().out.split())  # wrapping is not the point
    assert out.index("988") < out.index("PHQ-9: 1 of 27")
    assert "Please talk to someone today" in out


def test_missing_answers_exit_2_naming_each_and_never_hang(capsys) -> None:
    assert run(["screen", "gad7", "--answer", "gad7_1=1"]) == 2
    err = capsys.readouterr().err
    for n in range(2, 8):
        assert f"gad7_{n}" in err
    assert "gad7_1:" not in err
    assert crisis.FOOTER in err.replace("\n", " ")


def test_no_terminal_and_no_answers_is_exit_2_at_once(capsys) -> None:
    assert run(["screen", "phq9"]) == 2  # pytest's stdin is not a terminal


def test_flagged_item_9_with_answers_missing_still_shows_the_safety_message(capsys) -> None:
    assert run(["screen", "phq9", "--answer", "9=3"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert err.index("Please talk to someone today") < err.index("missing")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("phq9_9: 2\nphq9_3: banana\n", 2),  # another item's typo
        ("phq9_9: sometimes\n", 2),  # item 9 unreadable: doubt
        ("phq9_9: 0\nphq9_9: 3\n", 1),  # a key twice: the file cannot be parsed
        ('{"9": 1, "9": 0}', 1),
    ],
)
def test_item_9_in_doubt_shows_the_safety_message_before_any_complaint(
    tmp_path, capsys, text: str, code: int
) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    assert run(["screen", "phq9", "--answers", str(path)]) == code
    err = " ".join(capsys.readouterr().err.split())
    assert err.index("Please talk to someone today") < err.index("Error")


@pytest.mark.parametrize(
    "text", ["phq9_9: 0\nphq9_3: banana\n", "phq9_9: not at all\nphq9_9: 0\n", "phq9_1: [\n"]
)
def test_item_9_at_0_adds_no_safety_message_to_a_complaint(tmp_path, capsys, text: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    assert run(["screen", "phq9", "--answers", str(path)]) in (1, 2)
    assert "Please talk to someone today" not in capsys.readouterr().err


def test_a_flag_of_0_does_not_hide_the_files_item_9(tmp_path, capsys) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("phq9_9: 3\n", encoding="utf-8")
    assert run(["screen", "phq9", "--answers", str(path), "--answer", "9=0"]) == 2
    assert "Please talk to someone today" in " ".join(capsys.readouterr().err.split())


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["screen", "nope"], 2),
        (["screen", "phq9", "--answer", "1"], 2),
        (["screen", "phq9", "--answer", "x=1"], 2),
        (["screen", "phq9", "--answers", "/no/such/file"], 2),
    ],
)
def test_usage_errors_exit_2_without_traceback(args, code, capsys) -> None:
    assert run(args) == code
    err = capsys.readouterr().err
    assert "Traceback" not in err and "988" in err


def test_a_broken_answers_file_is_a_data_error(tmp_path, capsys) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("1: [\n")
    assert run(["screen", "phq9", "--answers", str(path)]) == 1
    assert "Traceback" not in capsys.readouterr().err


# -- in a terminal ------------------------------------------------------------------------


def _words(text: str) -> str:
    """The words shown, whatever their wrapping or styles (a terminal gets escape codes)."""
    import re

    return " ".join(re.sub(r"\x1b\[[0-9;]*m", "", text).split())


@pytest.fixture
def terminal(monkeypatch) -> Iterator:
    import sys

    from iopguide.ui.console import print_page

    # These tests press keys in questionary's menus, which plain mode replaces by lines.
    monkeypatch.delenv("IOPGUIDE_PLAIN")
    # Paging is tested on its own (test_paging.py); here each page prints in one go.
    monkeypatch.setattr(
        "iopguide.ui.paging.print_paged",
        lambda console, page, width, pause: print_page(console, page, width),
    )
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):

        def send(text: str) -> None:
            for stream in (sys.stdin, sys.stdout, sys.stderr):
                monkeypatch.setattr(stream, "isatty", lambda: True, raising=False)
            pipe.send_text(text)
            pipe.close()

        yield send


def test_interactive_item_9_asks_about_danger_and_yes_shows_the_emergency(terminal, capsys):
    # Eight "Not at all", item 9 "Several days", then the danger question: Yes.
    terminal(ENTER * 8 + DOWN + ENTER + DOWN + ENTER)
    assert run(["screen", "phq9"]) == 0
    out = _words(capsys.readouterr().out)  # wrapping is not the point
    assert "Question 9 of 9" in out
    assert out.index("Please talk to someone today") < out.index("Please get help right now")


def test_interactive_item_9_and_not_in_danger_ends_calmly(terminal, capsys):
    terminal(ENTER * 8 + DOWN + ENTER + DOWN * 2 + ENTER)
    assert run(["screen", "phq9"]) == 0
    out = _words(capsys.readouterr().out)  # wrapping is not the point
    assert "Please talk to someone today" in out
    assert "Please get help right now" not in out


def test_interactive_without_item_9_asks_nothing_more(terminal, capsys):
    terminal(ENTER * 9)
    assert run(["screen", "phq9"]) == 0
    out = _words(capsys.readouterr().out)  # wrapping is not the point
    assert "PHQ-9: 0 of 27" in out and "minimal" in out
    assert "danger right now" not in out


def test_interactive_check_in_opens_with_privacy_and_the_crisis_lines(terminal, capsys):
    terminal(ENTER * 9)
    assert run(["screen", "phq9"]) == 0
    out = _words(capsys.readouterr().out)
    assert out.index("nothing is saved or sent") < out.index("Question 1 of 9")
    assert out.index(crisis.FOOTER) < out.index("Question 1 of 9")


def test_interactive_ctrl_c_is_130(terminal, capsys):
    terminal(ENTER + "\x03")
    assert run(["screen", "gad7"]) == 130


def test_item_words_are_printed_exactly_as_published(capsys) -> None:
    instrument = get_instrument("phq9")
    assert instrument.items[5].text == (
        "Feeling bad about yourself — or that you are a failure or have let yourself or your "
        "family down"
    )
    assert re.search(r"2 weeks", instrument.stem)
