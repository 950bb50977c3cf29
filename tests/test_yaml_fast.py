"""The fast YAML reader: for what iopguide writes, exactly what the careful reader builds.

The careful reader (libyaml's event stream, :mod:`iopguide.directory.yaml_events`)
is the reference. For any text, the fast reader either gives up (None) or gives
the same document: the same values of the same types, the same line for every
mapping, key and list item, the same raw text for typed plain scalars, and no
problems -- a text the careful reader refuses, or reads with a problem, the fast
one must give up on.
"""

from __future__ import annotations

import datetime as dt
import json
import lzma
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iopguide.directory.importers.yaml_writer import lines, list_item
from iopguide.directory.reader import read_document
from iopguide.directory.yaml_events import read_yaml
from iopguide.directory.yaml_fast import read_fast_yaml
from iopguide.directory.yaml_values import Document, Mapping, Sequence
from iopguide.errors import DataError

NATIONAL = Path(__file__).resolve().parent.parent / "data" / "national-directory.json.xz"


#: What each container remembers of where it came from, beside its items.
_REMEMBERED = {Mapping: ("line", "key_lines", "raw"), Sequence: ("line", "item_lines", "raw")}


def differences(fast: object, careful: object, where: str = "root") -> list[str]:
    """Every way *fast* differs from *careful*, the line numbers and raw texts included."""
    if type(fast) is not type(careful):
        return [f"{where}: {type(fast).__name__} against {type(careful).__name__}"]
    remembered = _REMEMBERED.get(type(fast))
    if remembered is None:
        both_nan = isinstance(fast, float) and math.isnan(fast) and math.isnan(careful)  # type: ignore[arg-type]
        return (
            [f"{where}: {fast!r} against {careful!r}"] if fast != careful and not both_nan else []
        )
    found = [
        f"{where}.{name}: {getattr(fast, name)!r} against {getattr(careful, name)!r}"
        for name in remembered
        if getattr(fast, name) != getattr(careful, name)
    ]
    places = list(fast) if type(fast) is Mapping else list(range(len(fast)))  # type: ignore[arg-type]
    if places != (list(careful) if type(careful) is Mapping else list(range(len(careful)))):  # type: ignore[arg-type]
        return [*found, f"{where}: holds {places} against {list(careful)}"]
    for place in places:
        shown = f"{where}.{place}" if type(fast) is Mapping else f"{where}[{place}]"
        found += differences(fast[place], careful[place], shown)  # type: ignore[index]
    return found


def careful(text: str) -> Document | None:
    """The careful reader's document, or None when it refuses the text."""
    try:
        return read_yaml(text.encode("utf-8"), "test.yaml")
    except DataError:
        return None


def assert_agrees(text: str) -> Document | None:
    """The fast reader gives up on *text* or reads it exactly as the careful reader does."""
    fast = read_fast_yaml(text)
    if fast is None:
        return None
    reference = careful(text)
    assert reference is not None, f"the fast reader accepted what the careful one refuses: {text!r}"
    assert reference.problems == [], f"the fast reader missed {reference.problems}"
    assert fast.problems == [] and fast.format == reference.format == "yaml"
    assert fast.line == reference.line
    assert differences(fast.root, reference.root) == []
    return fast


def written(directory: dict, programs: list[dict], quoted: frozenset[str] = frozenset()) -> str:
    """A directory file as ``directory import`` writes it (the writer's own functions)."""
    text = "directory:\n" + "".join(lines(directory, 2, quoted))
    text += "programs:\n" if programs else "programs: []\n"
    return text + "".join(list_item(program, quoted) for program in programs)


PROGRAM = {
    "id": "a-place-40202-1a2b3c",
    "name": "St. Mary's Center (Adults)",
    "levels": ["iop", "outpatient"],
    "ages": [],
    "telehealth": True,
    "location": {"street": "1 Main St, Suite 2", "zip": "40202", "lat": 38.25, "lon": -85.75},
    "contact": {},
    "last_verified": "2022-05-06",
    "note": "no",
    "rank": 3,
    "ratio": 1e-05,
    "flags": ["yes", "No", "off", "null", "0123", "12", "-1.5", "plain"],
    "mixed": ["a, b", 'say "hi"', "tab\there", "é", "\U0001f600", "x y"],
}


def test_what_the_writer_writes_is_read_fast_and_exactly() -> None:
    text = written({"name": "Test", "sample": False, "updated": "2026-12-01"}, [PROGRAM, {}])
    document = assert_agrees(text)
    assert document is not None, "the writer's own shapes must take the fast path"
    program = document.root["programs"][0]
    assert program["flags"] == PROGRAM["flags"] and program["flags"].raw == {}  # quoted: text
    assert program["location"]["zip"] == "40202" and program["location"].line == 12
    assert program["last_verified"] == "2022-05-06"  # the writer quoted it: text, not a date
    assert document.root["programs"][1] == {} and document.root["programs"].item_lines == [6, 23]


def test_plain_scalars_are_typed_as_yaml_1_1_types_them_with_their_text_kept() -> None:
    text = "a: [yes, No, off, null, 0123, 12, -1.5, plain]\nb: 0123\nc: true\nd: 38.25\n"
    document = assert_agrees(text)
    assert document is not None
    root = document.root
    assert root["a"] == [True, False, False, None, 83, 12, -1.5, "plain"]
    assert root["a"].raw == {0: "yes", 1: "No", 2: "off", 3: "null", 4: "0123", 5: "12", 6: "-1.5"}
    assert (root["b"], root["c"], root["d"]) == (83, True, 38.25)
    assert root.raw == {"b": "0123", "c": "true", "d": "38.25"}


def test_read_document_takes_the_fast_path_for_the_writers_yaml() -> None:
    text = written({"name": "Test"}, [PROGRAM])
    assert read_fast_yaml(text) is not None
    document = read_document(text.encode("utf-8"), "test.yaml")
    assert differences(document.root, careful(text).root) == []


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n# a comment\n",  # comments
        "a: 1 # a comment\n",
        "a: 'single'\n",
        "a: |\n  literal\n",
        "a: >\n  folded\n",
        "a: &x 1\nb: *x\n",  # anchors and aliases
        "a: !!str 1\n",  # tags
        "a: !custom 1\n",
        "a: 1\na: 2\n",  # a duplicate key
        "a:\n  b: 1\n  b: 2\n",
        "a:\nb: 1\n",  # a key with no value is null
        "a:\n",
        "a: 1\n\tb: 2\n",  # a tab
        "a: 1\r\nb: 2\r\n",  # CR LF
        "---\na: 1\n",  # a document marker
        "a: 1\n---\nb: 2\n",
        "- a: 1\n",  # a top-level list
        "a\n",
        "a: [1, [2]]\n",
        "a: [x,y]\n",
        "a: [ x ]\n",
        "a: {b: 1}\n",
        "a:  x\n",  # two spaces: a valid value, not the writer's
        "a: x  y\n",
        "a: x \n",
        "a: 2022-05-06\n",  # a date
        "a: 1:30\n",
        'a: "\\/"\n',  # an escape JSON has and the writer never writes
        'a: "\\ud83d\\ude00"\n',  # surrogates, which YAML refuses
        'a: "\\udc00"\n',
        'a: ["\\udfff"]\n',
        "a: 1\n{}\n  b: 2\n",  # {} with no dash is not a key
        "a: 1\n{}\n- b: 2\n",
        "a:\n- {}\n{}\n",
        'a: "\\x41"\n',
        'a: "unclosed\n',
        "a: \ufeffx\n",
        "\ufeffa: 1\n",
        "a: x\x85y\n",
        "a: x\u2028y\n",
        "a:\n  - 1\n",  # an indented list, and a list of scalars
        "a:\n- 1\n",
        "a:\n- b: 1\n  - c\n",
        "a:\n- b: 1\n c: 2\n",  # items indented wrongly
        "a:\n- b: 1\n   c: 2\n",
        "a:\n  b: 1\n c: 2\n",
        "a:\n    b: 1\n  c: 2\n",
        "a: 1\n  b: 2\n",
        "x" * 200 + ": 1\n",  # a key longer than the fast reader takes
        "a: x\n\n\nb: y\n\n",  # blank lines are fine
        "".join(f"{' ' * 2 * depth}k{depth}:\n" for depth in range(9)) + " " * 18 + "v: 1\n",
        "",
        "\n\n",
        "a: [yes, No, 0x1F, 1_000, .5, -.inf, 1e5, 1.0e+5, 3.]\n",
        "a: -\n",
        "a: - x\n",
        "a: -1 - x\n",
        "a: ~\n",
        "a: NULL\n",
        "on: off\n",
        "_: 0\n",
    ],
)
def test_anything_else_is_left_to_the_careful_reader_or_read_the_same(text: str) -> None:
    assert_agrees(text)


def test_unusual_shapes_are_left_to_the_careful_reader() -> None:
    for text in (
        "a: 1 # c\n",
        "a: 'x'\n",
        "a: 1\na: 2\n",
        "a:\nb: 1\n",
        "- a: 1\n",
        "---\na: 1\n",
        'a: "\\udc00"\n',
        "a: 1\n{}\n  b: 2\n",
    ):
        assert read_fast_yaml(text) is None, text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.dictionaries(
            st.from_regex(r"[a-z_][a-z0-9_]{0,12}", fullmatch=True),
            st.one_of(
                st.text(),
                st.integers(-(10**20), 10**20),
                st.floats(allow_nan=False, allow_infinity=False),
                st.booleans(),
                st.none(),
                st.lists(st.one_of(st.text(), st.integers(), st.booleans()), max_size=4),
                st.dictionaries(st.sampled_from(["zip", "city", "lat"]), st.text(), max_size=3),
            ),
            max_size=6,
        ),
        max_size=4,
    ),
    st.booleans(),
)
def test_any_directory_the_writer_writes_is_read_fast_and_exactly(
    programs: list[dict], quote_zip: bool
) -> None:
    quoted = frozenset({"zip"}) if quote_zip else frozenset()
    text = written({"name": "Random"}, programs, quoted)
    assert assert_agrees(text) is not None, text


#: Characters that mean something to YAML, or to the fast reader's shapes.
_SIGNIFICANT = " \n:-#\"'\\[]{},&*!|>%@?~\t\r_aZyn019.e+é\x85\u2028\ufeff\U0001f600"
#: Whole pieces of YAML, and escapes, that single characters rarely make.
_SNIPPETS = (
    "\n{}\n",
    "\n- {}\n",
    "\n- ",
    ": ",
    ":\n",
    "\n  ",
    "\\udc00",
    "\\ud800",
    "\\u0085",
    "\\x41",
    "\\/",
    "\\N",
    " #",
    "&a ",
    "*a",
    "!!str ",
    "? ",
    "|\n",
    "\n---\n",
    "\n...\n",
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(0, 10_000),
            st.integers(0, 3),
            st.one_of(
                st.text(alphabet=_SIGNIFICANT, min_size=1, max_size=3),
                st.sampled_from(_SNIPPETS),
            ),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_an_edited_file_is_read_the_same_or_left_to_the_careful_reader(
    edits: list[tuple[int, int, str]],
) -> None:
    text = written({"name": "Edited", "sample": False}, [PROGRAM, {"id": "b", "levels": ["iop"]}])
    for position, removed, inserted in edits:
        at = position % (len(text) + 1)
        text = text[:at] + inserted + text[at + removed :]
    assert_agrees(text)


@pytest.mark.skipif(not NATIONAL.exists(), reason="the shipped national directory is absent")
def test_the_national_directory_written_as_yaml_is_read_fast_and_exactly() -> None:
    data = json.loads(lzma.decompress(NATIONAL.read_bytes()))
    text = written(data["directory"], data["programs"], frozenset({"zip", "phone", "updated"}))
    document = assert_agrees(text)
    assert document is not None
    assert len(document.root["programs"]) == len(data["programs"]) > 10_000
    assert isinstance(document.root["programs"][0]["location"]["lat"], float)
    assert not any(isinstance(v, dt.date) for v in document.root["directory"].values())
