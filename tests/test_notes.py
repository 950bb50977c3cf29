"""Your notes over the listings: the file, what it does to searches, and `iopguide notes`."""

from __future__ import annotations

import datetime
import json
import os
import textwrap
from pathlib import Path

import pytest

from iopguide.cli import run
from iopguide.directory.notes import Note, load_notes, parse_notes
from iopguide.directory.notes_store import merge_notes
from iopguide.errors import DataError, UsageError

NOTES = textwrap.dedent(
    """\
    notes:
      brightwater-sample-php:       # listed as PHP and inpatient only
        learned_on: 2026-11-20
        runs_iop: yes
        phone: 502-555-0188
        wait: about 2 weeks
        plans: [Example Anthem Plan]
        note: Ask for the intake coordinator.
      willowmere-example-iop:       # listed for mornings
        learned_on: 2026-11-02
        schedule: [evening]
      lamplight-sample-iop:
        learned_on: 2026-10-01
        closed: true
        note: Closed in September.
      paddlewheel-sample-teen-iop:  # listed as an IOP
        learned_on: 2026-11-01
        runs_iop: no
    """
)


@pytest.fixture(autouse=True)
def _sample_directory(monkeypatch) -> None:
    monkeypatch.setenv("IOPGUIDE_DIRECTORY", "sample")


@pytest.fixture
def notes_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.yaml"
    path.write_text(NOTES, encoding="utf-8")
    return path


def call(capsys, *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def flat(text: str) -> str:
    return " ".join(text.split())


def find_json(capsys, *args: str) -> dict:
    code, out, err = call(capsys, "find", "--json", *args)
    assert code == 0, err
    return json.loads(out)


def ids(payload: dict) -> list[str]:
    return [r["id"] for r in payload["results"]]


# --------------------------------------------------------------------------- the file


def test_a_notes_file_is_read_into_notes(notes_file: Path) -> None:
    notes = load_notes(notes_file)
    assert len(notes) == 4 and notes.source == notes_file
    note = notes.get("brightwater-sample-php")
    assert note == Note(
        id="brightwater-sample-php",
        learned_on=datetime.date(2026, 11, 20),
        runs_iop=True,
        phone="502-555-0188",
        wait="about 2 weeks",
        plans=("Example Anthem Plan",),
        note="Ask for the intake coordinator.",
    )
    assert notes.get("nowhere") is None
    assert notes.line("willowmere-example-iop") == 9
    assert len(load_notes(None)) == 0


def _problems(text: str) -> list:
    with pytest.raises(DataError) as caught:
        parse_notes(textwrap.dedent(text).encode(), "n.yaml")
    return list(caught.value.problems)


def test_every_problem_names_line_field_and_a_close_value() -> None:
    problems = _problems(
        """\
        notes:
          lamplight-sample-iop:
            learnd_on: 2026-11-20
            runs_iop: maybe
            schedule: [evenings, weekedn]
          willowmere-example-iop:
            learned_on: 2026-02-30
        notez: {}
        """
    )
    said = [(p.line, p.program_id, p.field, p.message) for p in problems]
    assert (2, "lamplight-sample-iop", "learned_on") in [s[:3] for s in said]  # required
    by_line = {p.line: p for p in problems}
    assert "Did you mean 'learned_on'?" in by_line[3].message
    assert by_line[4].field == "runs_iop" and "yes or no" in by_line[4].hint
    assert by_line[5].field == "schedule" and "Did you mean 'weekend'?" in by_line[5].message
    assert "morning, afternoon, evening, weekend" in by_line[5].hint
    assert "not a real date" in by_line[7].message and "YYYY-MM-DD" in by_line[7].hint
    assert "Did you mean 'notes'?" in by_line[8].message
    assert [p.line for p in problems] == sorted(p.line for p in problems)


def test_types_are_checked() -> None:
    problems = _problems(
        """\
        notes:
          a-program:
            learned_on: "2026-11-20"
            closed: sometimes
            plans: [[nested]]
            phone: {a: 1}
          another: 3
        """
    )
    fields = {(p.line, p.field) for p in problems}
    assert {(4, "closed"), (5, "plans"), (6, "phone"), (7, None)} <= fields
    assert len(problems) == 4  # a quoted ISO date is a date


def test_a_date_in_the_future_is_refused() -> None:
    later = datetime.date.today() + datetime.timedelta(days=30)
    (problem,) = _problems(f"notes:\n  x:\n    learned_on: {later.isoformat()}\n")
    assert problem.field == "learned_on" and "future" in problem.message


def test_control_characters_in_a_note_are_cleaned() -> None:
    notes = parse_notes(
        b'notes:\n  x: {learned_on: 2026-11-01, note: "red \\e[31m text", phone: "\\u202e555"}\n',
        "n.yaml",
    )
    note = notes["x"]
    assert "\x1b" not in note.note and "\ufffd" in note.note
    assert "\u202e" not in note.phone


def test_a_tag_is_refused_with_its_line(tmp_path: Path) -> None:
    problems = _problems(
        """\
        notes:
          x:
            learned_on: 2026-11-01
            note: !!python/object/apply:os.system ["echo hi"]
        """
    )
    assert [p.line for p in problems] == [4]
    assert "tag" in problems[0].message.lower()


def test_a_link_to_a_notes_file_is_refused(notes_file: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(notes_file)
    with pytest.raises(UsageError) as caught:
        load_notes(link)
    assert "symbolic link" in caught.value.message


def test_a_huge_notes_file_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(5 * 1024 * 1024)  # sparse: nothing is written
    with pytest.raises(UsageError) as caught:
        load_notes(huge)
    assert "over the limit" in caught.value.message


def test_a_pipe_and_a_folder_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(UsageError) as caught:
        load_notes(fifo)  # returns at once: never waits for a writer
    assert "not a plain file" in caught.value.message
    with pytest.raises(UsageError, match="folder"):
        load_notes(tmp_path)


def test_a_notes_file_anyone_may_change_is_refused(notes_file: Path, tmp_path: Path) -> None:
    notes_file.chmod(0o666)
    with pytest.raises(UsageError, match="anyone"):
        load_notes(notes_file)
    notes_file.chmod(0o600)
    tmp_path.chmod(0o777)  # a folder anyone may write to, without the sticky bit
    try:
        with pytest.raises(UsageError, match="replace"):
            load_notes(notes_file)
    finally:
        tmp_path.chmod(0o700)


def test_a_missing_notes_file_is_a_usage_error(capsys, tmp_path: Path) -> None:
    code, _out, err = call(capsys, "find", "--notes", str(tmp_path / "none.yaml"))
    assert code == 2 and "There is no notes file" in flat(err)
    assert "Traceback" not in err


def test_a_bad_notes_file_stops_find_with_every_problem(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("notes:\n  x:\n    runs_iop: perhaps\n")
    code, _out, err = call(capsys, "find", "--notes", str(bad))
    assert code == 1
    assert "bad.yaml:2" in err and "bad.yaml:3" in err and "'runs_iop'" in err


# --------------------------------------------------------------------------- where it comes from


def test_notes_on_the_command_line_win_over_the_environment(
    capsys, notes_file: Path, tmp_path: Path, monkeypatch
) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("notes:\n  willowmere-example-iop: {learned_on: 2026-11-01, closed: true}\n")
    monkeypatch.setenv("IOPGUIDE_NOTES", str(other))
    from_env = find_json(capsys, "--state", "KY")
    assert "willowmere-example-iop" not in ids(from_env)
    assert from_env["hidden_by_notes"] == 1
    typed = find_json(capsys, "--state", "KY", "--notes", str(notes_file))
    assert "willowmere-example-iop" in ids(typed)
    assert "lamplight-sample-iop" not in ids(typed)
    before = call(capsys, "--notes", str(notes_file), "find", "--state", "KY", "--json")
    assert json.loads(before[1])["results"] == typed["results"]


def test_a_team_variable_naming_no_file_yet_means_no_notes_until_one_is_added(
    capsys, tmp_path: Path, monkeypatch
) -> None:
    team = tmp_path / "team-notes.yaml"
    monkeypatch.setenv("IOPGUIDE_NOTES", str(team))
    assert find_json(capsys, "--state", "KY")["hidden_by_notes"] == 0  # no file: no notes
    code, _out, err = call(capsys, "find", "--state", "KY", "--notes", str(team))
    assert code == 2 and "There is no notes file" in err  # asked for on the line: an error
    assert call(capsys, "notes", "add", "lamplight-sample-iop", "--closed")[0] == 0
    assert team.exists()
    assert find_json(capsys, "--state", "KY")["hidden_by_notes"] == 1


def test_without_notes_nothing_changes(capsys) -> None:
    payload = find_json(capsys, "--state", "KY")
    assert payload["hidden_by_notes"] == 0
    assert all(r["your_note"] is None for r in payload["results"])


# --------------------------------------------------------------------------- search effects


def test_a_closed_programme_is_hidden_and_counted(capsys, notes_file: Path) -> None:
    code, out, _err = call(capsys, "find", "--state", "KY", "--notes", str(notes_file))
    assert code == 0
    assert "Lamplight" not in out
    assert "1 more program matched but your notes mark it closed" in flat(out)


def test_runs_iop_yes_is_found_and_ranked_as_a_listed_iop(capsys, notes_file: Path) -> None:
    assert "brightwater-sample-php" not in ids(find_json(capsys, "--state", "KY"))
    payload = find_json(capsys, "--state", "KY", "--level", "iop", "--notes", str(notes_file))
    (found,) = [r for r in payload["results"] if r["id"] == "brightwater-sample-php"]
    assert found["level_match"] == "listed"
    assert "Runs an IOP (your note, 2026-11-20)" in found["matched"]
    assert found["levels"] == ["php", "inpatient"]  # the listing itself is untouched


def test_runs_iop_no_is_not_an_iop(capsys, notes_file: Path) -> None:
    assert "paddlewheel-sample-teen-iop" in ids(find_json(capsys, "--state", "KY"))
    noted = find_json(capsys, "--state", "KY", "--notes", str(notes_file))
    assert "paddlewheel-sample-teen-iop" not in ids(noted)
    every = find_json(capsys, "--state", "KY", "--level", "any", "--notes", str(notes_file))
    assert "paddlewheel-sample-teen-iop" in ids(every)


def test_a_noted_schedule_is_matched_by_schedule(capsys, notes_file: Path) -> None:
    args = ("--state", "KY", "--schedule", "evening")
    assert "willowmere-example-iop" not in ids(find_json(capsys, *args))
    payload = find_json(capsys, *args, "--notes", str(notes_file))
    (found,) = [r for r in payload["results"] if r["id"] == "willowmere-example-iop"]
    assert "Evenings (your note, 2026-11-02)" in found["matched"]
    assert found["schedule"]["times"] == ["morning"]  # the listing's own, unchanged


def test_a_noted_plan_is_matched_by_insurance(capsys, notes_file: Path) -> None:
    payload = find_json(
        capsys, "--state", "KY", "-l", "any", "-i", "anthem", "--notes", str(notes_file)
    )
    assert ids(payload) == ["brightwater-sample-php"]
    assert "Takes Example Anthem Plan (your note, 2026-11-20)" in payload["results"][0]["matched"]


def test_search_api_takes_notes_directly(notes_file: Path) -> None:
    from iopguide.directory.load import load_directory
    from iopguide.directory.search import parse_filters, search

    directory = load_directory(Path("sample"))
    result = search(directory, parse_filters(states=["KY"]), load_notes(notes_file))
    assert result.hidden_by_notes == 1
    noted = {m.program.id: m.note for m in result.matches}
    assert noted["brightwater-sample-php"].phone == "502-555-0188"
    assert noted["pine-hollow-example-rural-iop"] is None


# --------------------------------------------------------------------------- labelling


def test_a_note_is_labelled_apart_from_the_listing_in_find(capsys, notes_file: Path) -> None:
    code, out, _err = call(capsys, "find", "--state", "KY", "--notes", str(notes_file), "-n", "1")
    text = flat(out)
    assert code == 0
    assert "Phone 502-555-0106" in text  # the listing's phone, in its own row
    assert "Your note, 2026-11-20" in text and "Phone: 502-555-0188" in text
    assert text.index("Phone 502-555-0106") < text.index("Your note, 2026-11-20")


def test_show_gives_the_note_its_own_section(capsys, notes_file: Path) -> None:
    code, out, _err = call(capsys, "show", "brightwater-sample-php", "--notes", str(notes_file))
    assert code == 0
    listing, _sep, note = out.partition("Your note, 2026-11-20")
    assert "502-555-0106" in listing and "502-555-0188" not in listing
    assert "502-555-0188" in note and "about 2 weeks" in note and "intake coordinator" in note


def test_show_shows_a_closed_programme_with_the_note(capsys, notes_file: Path) -> None:
    code, out, _err = call(capsys, "show", "lamplight-sample-iop", "--notes", str(notes_file))
    assert code == 0
    assert "says this program is closed, or not to refer to" in flat(out)
    assert "Closed in September." in out


def test_json_keeps_the_note_in_its_own_object(capsys, notes_file: Path) -> None:
    code, out, _err = call(
        capsys, "show", "brightwater-sample-php", "--json", "--notes", str(notes_file)
    )
    program = json.loads(out)["program"]
    assert code == 0
    assert (
        program["phone"] == "502-555-0106" and program["notes"] != "Ask for the intake coordinator."
    )
    assert program["your_note"] == {
        "learned_on": "2026-11-20",
        "runs_iop": True,
        "schedule": [],
        "phone": "502-555-0188",
        "wait": "about 2 weeks",
        "plans": ["Example Anthem Plan"],
        "closed": False,
        "note": "Ask for the intake coordinator.",
        "label": "Your note, 2026-11-20",
    }


def test_the_label_is_spanish_in_spanish(capsys, notes_file: Path) -> None:
    code, out, _err = call(
        capsys, "--lang", "es", "show", "brightwater-sample-php", "--notes", str(notes_file)
    )
    assert code == 0 and "Su nota, 2026-11-20" in out
    payload = json.loads(
        call(capsys, "find", "--lang", "es", "--json", "-s", "KY", "--notes", str(notes_file))[1]
    )
    (found,) = [r for r in payload["results"] if r["id"] == "brightwater-sample-php"]
    assert found["your_note"]["label"] == "Su nota, 2026-11-20"
    assert "learned_on" in found["your_note"]  # keys stay English


# --------------------------------------------------------------------------- iopguide notes


def test_notes_add_checks_the_id_and_keeps_other_entries(
    capsys, notes_file: Path, tmp_path: Path
) -> None:
    code, _out, err = call(
        capsys, "notes", "add", "brightwatr-sample-php", "--notes", str(notes_file)
    )
    assert code == 2 and "Did you mean 'brightwater-sample-php'" in flat(err)
    code, _out, err = call(
        capsys,
        "notes", "add", "willowmere-example-iop", "--wait", "3 weeks",
        "--learned-on", "2026-11-30", "--notes", str(notes_file),
    )  # fmt: skip
    assert code == 0, err
    notes = load_notes(notes_file)
    assert len(notes) == 4
    assert notes["willowmere-example-iop"].wait == "3 weeks"
    assert notes["willowmere-example-iop"].schedule == ("evening",)  # kept
    assert notes["willowmere-example-iop"].learned_on == datetime.date(2026, 11, 30)
    assert notes_file.stat().st_mode & 0o777 == 0o600


def test_notes_add_refuses_bad_values_naming_the_flag(capsys, notes_file: Path) -> None:
    before = notes_file.read_bytes()
    for args, said in (
        (("--runs-iop", "maybe"), "--runs-iop: 'maybe' is not yes or no."),
        (("--schedule", "evenigs"), "--schedule: 'evenigs' is not a schedule"),
        (("--learned-on", "2026-13-01"), "--learned-on: '2026-13-01' is not a real date."),
    ):
        code, _out, err = call(
            capsys, "notes", "add", "lamplight-sample-iop", *args, "--notes", str(notes_file)
        )
        assert code == 2 and said in flat(err), err
    assert notes_file.read_bytes() == before


def test_notes_add_without_a_file_says_how_to_name_one(capsys) -> None:
    code, _out, err = call(capsys, "notes", "add", "lamplight-sample-iop")
    assert code == 2 and "IOPGUIDE_NOTES" in err


def test_add_export_import_round_trip(capsys, tmp_path: Path) -> None:
    mine, team = tmp_path / "mine.yaml", tmp_path / "team.yaml"
    add = ("notes", "add", "--notes", str(mine))
    assert (
        call(capsys, *add, "tinpan-example-iop", "--closed", "--learned-on", "2026-11-01")[0] == 0
    )
    assert call(
        capsys, *add, "sugarbush-sample-recovery", "--runs-iop", "no", "--schedule",
        "evening,weekend", "--plan", "Example Plan", "--phone", "212-555-0199",
        "--note", "Call after 3", "--learned-on", "2026-11-02",
    )[0] == 0  # fmt: skip
    assert call(capsys, "notes", "export", str(team), "--notes", str(mine))[0] == 0
    assert load_notes(team) == load_notes(mine) and len(load_notes(team)) == 2

    theirs = tmp_path / "theirs.yaml"
    call(capsys, *add[:2], "tinpan-example-iop", "--open", "--learned-on", "2026-11-20",
         "--notes", str(theirs))  # fmt: skip
    call(capsys, *add[:2], "sugarbush-sample-recovery", "--wait", "long",
         "--learned-on", "2026-10-01", "--notes", str(theirs))  # fmt: skip
    call(capsys, *add[:2], "signpost-example-deaf-iop", "--learned-on", "2026-11-03",
         "--note", "ASL groups", "--notes", str(theirs))  # fmt: skip
    code, out, err = call(capsys, "notes", "import", str(theirs), "--notes", str(mine))
    assert code == 0, err
    text = flat(out)
    assert "1 added, 1 updated, 1 kept as yours" in text
    merged = load_notes(mine)
    assert merged["tinpan-example-iop"].closed is False  # theirs is newer
    assert merged["sugarbush-sample-recovery"].wait is None  # yours is newer: kept whole
    assert merged["signpost-example-deaf-iop"].note == "ASL groups"

    code, out, _err = call(capsys, "notes", "import", str(theirs), "--notes", str(mine), "--json")
    outcomes = {c["id"]: c["outcome"] for c in json.loads(out)["changes"]}
    assert outcomes == {
        "signpost-example-deaf-iop": "same",
        "sugarbush-sample-recovery": "kept",
        "tinpan-example-iop": "same",
    }


def test_export_never_replaces_a_file_without_force(
    capsys, notes_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.yaml"
    target.write_text("someone else's file\n")
    code, _out, err = call(capsys, "notes", "export", str(target), "--notes", str(notes_file))
    assert code == 2 and "already exists" in err
    assert target.read_text() == "someone else's file\n"
    code, _out, _err = call(
        capsys, "notes", "export", str(target), "--force", "--notes", str(notes_file)
    )
    assert code == 0 and len(load_notes(target)) == 4


def test_notes_check_finds_ids_the_directory_lacks(capsys, tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    path.write_text(
        "notes:\n"
        "  lamplight-sample-iop: {learned_on: 2026-11-01}\n"
        "  lamplight-sample-iob: {learned_on: 2026-11-01}\n"
    )
    code, _out, err = call(capsys, "notes", "check", "--notes", str(path))
    assert code == 1
    assert "n.yaml:3, program 'lamplight-sample-iob'" in err
    assert "Did you mean 'lamplight-sample-iop'?" in flat(err)
    code, out, _err = call(capsys, "notes", "check", "--notes", str(path), "--json")
    payload = json.loads(out)
    assert code == 1 and payload["valid"] is False
    assert [p["line"] for p in payload["problems"]] == [3]


def test_notes_check_passes_a_good_file(capsys, notes_file: Path) -> None:
    code, out, _err = call(capsys, "notes", "check", "--notes", str(notes_file))
    assert code == 0 and "is valid: 4 notes" in flat(out)


def test_notes_show_lists_notes_with_programme_names(capsys, notes_file: Path) -> None:
    code, out, _err = call(capsys, "notes", "show", "--notes", str(notes_file))
    assert code == 0
    assert "Brightwater Sample Behavioral Hospital PHP (brightwater-sample-php)" in flat(out)
    assert "4 notes in" in flat(out)
    code, _out, err = call(
        capsys, "notes", "show", "lamplight-sample-io", "--notes", str(notes_file)
    )
    assert code == 2 and "Did you mean 'lamplight-sample-iop'?" in flat(err)


def test_merge_keeps_yours_on_the_same_day() -> None:
    day = datetime.date(2026, 11, 1)
    mine = {"a": Note("a", day, wait="mine")}
    theirs = {"a": Note("a", day, wait="theirs"), "b": Note("b", day)}
    merged, changes = merge_notes(mine, theirs)
    assert merged["a"].wait == "mine" and "b" in merged
    assert [c.outcome for c in changes] == ["kept", "added"]


def test_notes_count_where_the_directory_records_no_schedules(
    capsys, tmp_path: Path, monkeypatch
) -> None:
    """SAMHSA's directory records no schedules: listings stay in ("ask"), notes decide theirs."""
    monkeypatch.delenv("IOPGUIDE_DIRECTORY")
    path = tmp_path / "n.yaml"
    path.write_text(
        "notes:\n"
        "  seven-counties-services-addiction-40202-78784a:\n"
        "    {learned_on: 2026-11-01, schedule: [evening], plans: [Example Plan]}\n"
        "  uofl-health-peace-hospital-40205-58865e: {learned_on: 2026-11-01, schedule: [morning]}\n"
    )
    plain = find_json(capsys, "--zip", "40202", "--schedule", "evening", "-n", "0")
    noted = find_json(
        capsys, "--zip", "40202", "--schedule", "evening", "-n", "0", "--notes", str(path)
    )
    assert noted["not_recorded"] == plain["not_recorded"] == ["schedules"]
    assert noted["total"] == plain["total"] - 1  # the morning one is out; the rest stay
    assert "uofl-health-peace-hospital-40205-58865e" not in ids(noted)
    (found,) = [r for r in noted["results"] if r["id"].startswith("seven-counties-services-add")]
    assert "Evenings (your note, 2026-11-01)" in found["matched"]
    insured = find_json(capsys, "--zip", "40202", "-i", "example plan", "--notes", str(path))
    (found,) = [r for r in insured["results"] if r["id"].startswith("seven-counties-services-add")]
    assert "Takes Example Plan (your note, 2026-11-01)" in found["matched"]
    assert insured["total"] == plain["total"]


def test_the_example_notes_file_is_valid_over_the_sample_directory(capsys) -> None:
    example = Path(__file__).resolve().parents[1] / "docs" / "examples" / "notes.yaml"
    code, out, err = call(capsys, "notes", "check", "--notes", str(example))
    assert code == 0, err
    assert "is valid: 4 notes" in flat(out)


def test_a_format_that_cannot_show_the_result_changes_no_file(capsys, tmp_path: Path) -> None:
    notes = tmp_path / "n.yaml"
    code, _out, err = call(
        capsys,
        "notes",
        "add",
        "lamplight-sample-iop",
        "--wait",
        "9d",
        "--notes",
        str(notes),
        "-f",
        "html",
    )
    assert code == 2 and "cannot show this result" in err
    assert not notes.exists()


def test_an_empty_notes_file_holds_no_notes_yet(capsys, tmp_path: Path) -> None:
    empty = tmp_path / "team.yaml"
    empty.write_text("# our team's notes\n\n", encoding="utf-8")
    assert len(load_notes(empty)) == 0
    assert (
        call(capsys, "notes", "add", "lamplight-sample-iop", "--closed", "--notes", str(empty))[0]
        == 0
    )
    assert len(load_notes(empty)) == 1
