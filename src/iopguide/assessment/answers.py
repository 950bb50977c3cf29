"""Answers: read from a file (YAML or JSON, ``-`` for stdin) and ``--answer id=value`` flags.

Answers written the way people write YAML must work: ``danger_now: no`` arrives
from PyYAML as ``False`` and ``home: yes`` as ``True``, so booleans become
``yes``/``no`` for questions that have those values. Case, spaces and hyphens do
not matter (``A lot`` is ``a_lot``), and ``concerns`` may be a list or a
comma-separated string.

Safety first: when ``danger_now`` is yes, nothing else is needed and no other
problem stops the result (see :func:`gather_answers`).
"""

from __future__ import annotations

import datetime
import difflib
import json
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import IO

from iopguide.assessment.danger import (
    FALSE_WORDS,
    MAX_SCAN_BYTES,
    TRUE_WORDS,
    danger_in_text,
    danger_word,
    reads_as_yes,
    tidy,
)
from iopguide.assessment.questions import QUESTION_IDS, Question, get_question, load_questions
from iopguide.errors import DataError, IopguideError, Problem, UsageError
from iopguide.io.reading import open_without_waiting
from iopguide.text import clean, shorten
from iopguide.vocabulary import normalise

Value = str | tuple[str, ...]

#: Answers files are a few lines; anything bigger is a mistake (or an attack on the parser).
MAX_ANSWERS_BYTES = 64 * 1024
#: More concerns than this in one answer is a mistake (there are nine to choose from).
MAX_LIST_ITEMS = 100


@dataclass(frozen=True)
class Answers:
    """Checked answers by question id; values are choice values (a tuple for concerns)."""

    values: Mapping[str, Value] = field(default_factory=dict)

    def get(self, question_id: str) -> Value | None:
        return self.values.get(question_id)

    def __contains__(self, question_id: object) -> bool:
        return question_id in self.values

    @property
    def in_danger(self) -> bool:
        """``danger_now`` is yes: the result is emergency, whatever else is (not) answered."""
        return self.values.get("danger_now") == "yes"

    def missing(self) -> tuple[Question, ...]:
        return tuple(q for q in load_questions() if q.id not in self.values)

    def merged(self, other: Answers) -> Answers:
        """A copy where *other*'s answers win."""
        return Answers({**self.values, **other.values})

    def to_dict(self) -> dict[str, str | list[str]]:
        """Answers in question order, JSON-ready."""
        out: dict[str, str | list[str]] = {}
        for qid in QUESTION_IDS:
            if qid in self.values:
                value = self.values[qid]
                out[qid] = list(value) if isinstance(value, tuple) else value
        return out


# ---------------------------------------------------------------------------
# Values


class InvalidAnswer(UsageError):
    """One answer that is not one of the question's values."""


def _allowed(question: Question) -> str:
    return ", ".join(question.values)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _shown(raw: object) -> str:
    """A value the person gave, safe and short enough to quote back.

    Only scalars are quoted, and only their start is looked at; anything else is
    described by its type and size ("a list of 9 items"), never stringified: a
    nested structure can be huge when walked, and ``str()`` walks all of it.
    """
    if isinstance(raw, str):
        return repr(shorten(clean(raw[:200]), 40))
    if isinstance(raw, bool) or raw is None:
        return str(raw)
    if isinstance(raw, int):
        # str() of an int over 4300 digits raises; nobody needs to see one.
        return str(raw) if raw.bit_length() <= 128 else "a very large number"
    if isinstance(raw, (list, tuple)):
        return f"a list of {_plural(len(raw), 'item')}" if raw else "an empty list"
    if isinstance(raw, Mapping):
        return f"a mapping of {_plural(len(raw), 'key')}" if raw else "an empty mapping"
    if isinstance(raw, (set, frozenset)):
        return f"a set of {_plural(len(raw), 'item')}"
    if isinstance(raw, (bytes, bytearray)):
        return f"binary data ({_plural(len(raw), 'byte')})"
    if isinstance(raw, (float, datetime.date)):  # YAML turns 12:30 or 2024-01-01 into these
        return shorten(clean(raw), 40)
    return f"a value of type {type(raw).__name__}"


def _one_value(question: Question, raw: object, given: object) -> str:
    if isinstance(raw, bool):
        word = "yes" if raw else "no"
        if word in question.values:
            return word
    elif isinstance(raw, int) and raw in (0, 1) and "yes" in question.values:
        return "yes" if raw == 1 else "no"
    elif isinstance(raw, str):
        text = tidy(raw)
        found = question.resolve(text)
        if found is not None:
            return found
        lowered = text.lower()
        if lowered in TRUE_WORDS and "yes" in question.values:
            return "yes"
        if lowered in FALSE_WORDS and "no" in question.values:
            return "no"
    hint = ""
    if isinstance(raw, str):
        close = question.suggest(raw)
        if close:
            hint = f" Did you mean {' or '.join(close)}?"
    raise InvalidAnswer(
        f"{question.id} cannot be {_shown(given)}. Allowed: {_allowed(question)}.{hint}"
    )


def normalise_value(question: Question, raw: object) -> Value:
    """The checked value for *question* from what a file or flag gave (raises InvalidAnswer)."""
    if question.multiple:
        if isinstance(raw, str):
            items: list[object] = [part for part in raw.split(",") if part.strip()]
        elif isinstance(raw, (list, tuple)):
            items = list(raw)
        else:
            items = [raw]
        if len(items) > MAX_LIST_ITEMS:  # never walk a list nobody could have meant
            raise InvalidAnswer(
                f"{question.id} cannot be {_shown(raw)}: that is {len(items)} answers, and "
                f"there are {len(question.values)} to choose from. Allowed: {_allowed(question)}."
            )
        values = {_one_value(question, item, item) for item in items}
        if not values:
            raise InvalidAnswer(
                f"{question.id} needs at least one of: {_allowed(question)} "
                "(a list, or separated by commas)."
            )
        return tuple(v for v in question.values if v in values)
    if isinstance(raw, (list, tuple, set, frozenset, Mapping)):
        raise InvalidAnswer(
            f"{question.id} cannot be {_shown(raw)}: it takes one answer. "
            f"Allowed: {_allowed(question)}."
        )
    return _one_value(question, raw, raw)


def _question_for_key(key: object) -> Question:
    if not isinstance(key, (str, int, float, bool)) or key is None:
        raise UsageError(
            f"There is no question called {_shown(key)}. Questions: {', '.join(QUESTION_IDS)}."
        )
    text = clean(key if not isinstance(key, str) else key[:200])
    qid = normalise(text)
    if qid in QUESTION_IDS:
        return get_question(qid)
    close = _nearest_question(key)
    hint = f" Did you mean {close}?" if close else f" Questions: {', '.join(QUESTION_IDS)}."
    raise UsageError(f"There is no question called {shorten(text, 40)!r}.{hint}")


def _nearest_question(key: object) -> str | None:
    """The question id a mistyped *key* most likely meant (``dangr_now`` -> danger_now)."""
    if not isinstance(key, (str, int, float, bool)) or key is None:
        return None
    qid = normalise(clean(key if not isinstance(key, str) else key[:200]))
    close = difflib.get_close_matches(qid, QUESTION_IDS, n=1, cutoff=0.6)
    return close[0] if close else None


# ---------------------------------------------------------------------------
# Sources


def parse_answer_flag(text: str) -> tuple[str, str]:
    """``time=yes`` -> ``("time", "yes")``."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise UsageError(
            f"--answer needs id=value, not {shorten(clean(text), 40)!r}.",
            hint="For example: --answer danger_now=no --answer time=yes",
        )
    return key.strip(), value.strip()


def read_answers_file(path: str, *, stdin: IO[str] | None = None) -> dict[str, object]:
    """The raw mapping in an answers file (YAML or JSON; ``-`` reads stdin)."""
    return parse_answers_text(*read_answers_text(path, stdin=stdin))


def read_answers_text(path: str, *, stdin: IO[str] | None = None) -> tuple[str, str]:
    """The text of an answers file and its name.

    Up to :data:`MAX_SCAN_BYTES` is read, so that a file too big to parse can
    still be searched for a danger_now answer; parsing refuses anything over
    :data:`MAX_ANSWERS_BYTES`. Stdin is read as bytes where it can be, so UTF-16
    (what Windows PowerShell pipes) is understood there too.
    """
    name = "stdin" if path == "-" else path
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin
        try:
            binary = getattr(stream, "buffer", None)
            if binary is not None:
                return _decode(binary.read(MAX_SCAN_BYTES + 1), name), name
            return stream.read(MAX_SCAN_BYTES + 1), name
        except (AttributeError, OSError, ValueError):  # closed (<&-) or unreadable
            raise UsageError("Cannot read the answers from stdin: it is closed.") from None
        except UnicodeDecodeError:
            raise UsageError("The answers on stdin are not text (YAML or JSON).") from None
    try:
        with open_without_waiting(path) as handle:  # a FIFO must not hang
            raw = handle.read(MAX_SCAN_BYTES + 1)
    except FileNotFoundError:
        raise UsageError(f"No answers file at {clean(path)!r}.") from None
    except IsADirectoryError:
        raise UsageError(f"{clean(path)!r} is a folder, not an answers file.") from None
    except OSError as err:
        raise UsageError(f"Cannot read {clean(path)!r}: {err.strerror}.") from None
    return _decode(raw, name), name


class UnreadableAnswers(DataError):
    """An answers file that is not text; *salvaged* is a best-effort reading, for safety checks."""

    def __init__(self, problems: list[Problem], salvaged: str) -> None:
        super().__init__(problems)
        self.salvaged = salvaged


def _decode(raw: bytes, name: str) -> str:
    """UTF-8 (with or without a BOM), or UTF-16 (what Windows PowerShell writes).

    UTF-16 is recognised by its BOM, or without one by the zero bytes of ASCII
    text. Text cut at the scan limit is decoded leniently (it is only searched).
    """
    import codecs

    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif len(raw) >= 2 and raw[1::2].count(0) > len(raw) // 4:
        encoding = "utf-16-le"
    elif len(raw) >= 2 and raw[0::2].count(0) > len(raw) // 4:
        encoding = "utf-16-be"
    else:
        encoding = "utf-8-sig"
    if len(raw) > MAX_SCAN_BYTES:
        return raw[:MAX_SCAN_BYTES].decode(encoding, "replace")
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise UnreadableAnswers(
            [Problem(name, "This is not a text file (it should be YAML or JSON, UTF-8).")],
            salvaged=raw.decode("utf-8", "replace"),
        ) from None


def parse_answers_text(text: str, name: str = "answers") -> dict[str, object]:
    """The mapping in *text*; DataError (listing where) for anything that is not one."""
    import yaml

    if len(text) > MAX_ANSWERS_BYTES:
        raise DataError([Problem(name, "Too big for an answers file (over 64 KB).")])
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:
        return {}
    try:
        if stripped.startswith("{") and _looks_like_json(stripped):
            data = json.loads(stripped, object_pairs_hook=_unique_json_object)
        else:
            data = yaml.load(stripped, Loader=_loader())  # a SafeLoader subclass
    except _Refused as err:
        raise DataError([Problem(name, str(err), line=err.line, hint=err.hint)]) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(err, "problem", None) or "not valid YAML"
        raise DataError(
            [
                Problem(
                    name,
                    f"Cannot read the answers: {problem}.",
                    line=line,
                    hint="Write one answer a line, like  time: yes",
                )
            ]
        ) from None
    except RecursionError:
        raise DataError([Problem(name, "Cannot read the answers: nested too deeply.")]) from None
    except ValueError:  # a number of more than 4300 digits (Python refuses to convert it)
        raise DataError(
            [Problem(name, "Cannot read the answers: a number in it is far too long.")]
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataError(
            [
                Problem(
                    name,
                    "The answers must be a mapping of question id to answer.",
                    hint="Write one answer a line, like  time: yes",
                )
            ]
        )
    return data


def _unique_json_object(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object, refusing a key given twice as YAML does (json keeps the last one)."""
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f"{_shown(key)} is answered twice; keep one.", 1)
        out[key] = value
    return out


def _looks_like_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


class _Refused(Exception):
    """Something the answers loader refuses, with the line where it is."""

    def __init__(self, message: str, line: int, hint: str | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.hint = hint


class _DuplicateKey(_Refused):
    def __init__(self, key: object, line: int) -> None:
        super().__init__(f"{_shown(key)} is answered twice; keep one.", line)


class _AnchorOrAlias(_Refused):
    def __init__(self, line: int) -> None:
        super().__init__(
            "Cannot read the answers: anchors and aliases (& and *) are not allowed in an "
            "answers file.",
            line,
            hint="Write each answer out in full, like  concerns: [anxiety, depression]",
        )


_LOADER: type | None = None


def _loader() -> type:
    """A SafeLoader that refuses duplicate keys (PyYAML silently keeps the last one),
    anchors and aliases.

    An answers file never needs ``&`` or ``*``, and aliases nested a few levels
    deep (a "billion laughs" file of 500 bytes) expand into billions of items
    when the answers are walked. They are refused as they are composed, before
    anything is built from them.
    """
    global _LOADER
    if _LOADER is None:
        import yaml

        class UniqueKeySafeLoader(yaml.SafeLoader):
            def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
                event = self.peek_event()
                if isinstance(event, yaml.AliasEvent) or event.anchor is not None:
                    raise _AnchorOrAlias(event.start_mark.line + 1)
                return super().compose_node(parent, index)

            def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
                seen: set[object] = set()
                for key_node, _ in node.value:
                    key = self.construct_object(key_node, deep=deep)
                    try:
                        duplicate = key in seen
                    except TypeError:  # an unhashable key; the base class reports it
                        break
                    if duplicate:
                        raise _DuplicateKey(key, key_node.start_mark.line + 1)
                    seen.add(key)
                return super().construct_mapping(node, deep=deep)

        def as_written_if_sexagesimal(constructor):  # type: ignore[no-untyped-def]
            """YAML 1.1 reads 12:30 as 750 (base 60); keep it as the person wrote it."""

            def construct(loader, node):  # type: ignore[no-untyped-def]
                if ":" in str(node.value):
                    return str(node.value)
                return constructor(loader, node)

            return construct

        for tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
            UniqueKeySafeLoader.add_constructor(
                tag, as_written_if_sexagesimal(yaml.SafeLoader.yaml_constructors[tag])
            )
        _LOADER = UniqueKeySafeLoader
    return _LOADER


# ---------------------------------------------------------------------------
# Putting it together


@dataclass(frozen=True)
class Gathered:
    answers: Answers
    #: Problems set aside because danger_now is yes (shown as a notice, never blocking help).
    set_aside: tuple[str, ...] = ()
    #: Why the answers file could not be used at all, when danger_now is yes anyway
    #: (in the flags, or on a line of the file's text); shown as a notice.
    unreadable: tuple[str, ...] = ()


def load_answers(
    answers_file: str | None, flags: Iterable[str] = (), *, stdin: IO[str] | None = None
) -> Gathered:
    """Read the answers file (if any) and the flags, and check them (flags win).

    Safety first: when the file cannot be read or parsed, but danger_now is yes --
    given with ``--answer``, or on a line of the file's raw text -- the result is
    the same as for a valid ``danger_now: yes`` file, and the file's problem is
    only mentioned (:attr:`Gathered.unreadable`). Otherwise its error is raised.
    """
    flags = list(flags)
    if answers_file is None:
        return gather_answers(None, flags)
    text: str | None = None
    try:
        text, name = read_answers_text(answers_file, stdin=stdin)
        file_answers = parse_answers_text(text, name)
    except IopguideError as err:
        if text is None and isinstance(err, UnreadableAnswers):
            text = err.salvaged  # not text, but it may still say the person is in danger
        rescued = _in_danger_despite(err, text, flags)
        if rescued is None:
            raise
        return rescued
    try:
        return gather_answers(file_answers, flags)
    except UsageError as err:  # e.g. answers nested under a key: the text may still say yes
        rescued = _in_danger_despite(err, text, flags)
        if rescued is None:
            raise
        return rescued


def _in_danger_despite(err: IopguideError, text: str | None, flags: list[str]) -> Gathered | None:
    """The emergency answers when danger_now is yes although the file is unusable."""
    base: dict[object, object] = {}
    if text is not None and danger_in_text(text):
        base["danger_now"] = "yes"
    try:
        gathered = gather_answers(base, flags)  # a danger_now flag wins, as always
    except UsageError:
        return None
    if not gathered.answers.in_danger:
        return None
    if isinstance(err, DataError) and err.problems:
        why = tuple(f"{p.location()}: {p.message}" for p in err.problems)
    else:
        why = (err.message,)
    return Gathered(gathered.answers, gathered.set_aside, unreadable=why)


def gather_answers(
    file_answers: Mapping[object, object] | None, flags: Iterable[str] = ()
) -> Gathered:
    """Check the file's answers and the flags (flags win); raise one UsageError listing all.

    When the result is danger_now = yes, problems elsewhere do not stop it: the
    person needs crisis help, not an error about a typo.
    """
    raw: dict[str, object] = {}
    problems: list[str] = []
    danger_said: list[object] = []  # every answer to danger_now, from any key spelling or flag

    def take(key: object, value: object, *, from_flag: bool) -> None:
        try:
            question = _question_for_key(key)
        except UsageError as err:
            if value is not None and _nearest_question(key) == "danger_now":
                danger_said.append(value)  # "dangr_now: yes" still says danger
            problems.append(err.message)
            return
        if value is None:  # "time:" with nothing after it is simply not answered yet
            return
        if question.id == "danger_now" and not (isinstance(value, str) and not value.strip()):
            danger_said.append(value)
        if from_flag and question.multiple and question.id in flag_seen:
            # --answer concerns=a --answer concerns=b adds up
            raw[question.id] = f"{raw[question.id]},{value}"
        else:
            raw[question.id] = value
        if from_flag:
            flag_seen.add(question.id)

    flag_seen: set[str] = set()
    for key, value in (file_answers or {}).items():
        take(key, value, from_flag=False)
    for flag in flags:
        try:
            key, value = parse_answer_flag(flag)
        except UsageError as err:
            problems.append(err.message)
            continue
        take(key, value, from_flag=True)

    # Anything but a clear no is doubt, and doubt about danger counts as danger: a yes in
    # any form, two different answers, or an answer that is neither yes nor no ("maybe").
    words = [danger_word(v) for v in danger_said]
    if any(word != "no" for word in words):
        raw["danger_now"] = "yes"
        if len(set(words)) > 1:
            problems.insert(
                0,
                "danger_now was answered more than once, with different answers; "
                "any doubt about danger counts as danger.",
            )
        elif not any(reads_as_yes(v) for v in danger_said):
            problems.insert(
                0,
                f"danger_now was {_shown(danger_said[0])}, which is not yes or no; "
                "any doubt about danger counts as danger.",
            )
    values: dict[str, Value] = {}
    for qid in QUESTION_IDS:
        if qid in raw:
            try:
                values[qid] = normalise_value(get_question(qid), raw[qid])
            except InvalidAnswer as err:
                problems.append(err.message)
    answers = Answers(values)
    if answers.in_danger:
        return Gathered(answers, tuple(problems))
    if len(problems) == 1:
        raise UsageError(problems[0])
    if problems:
        raise UsageError(
            f"{len(problems)} answers cannot be used:\n" + "\n".join(f"  - {p}" for p in problems)
        )
    return Gathered(answers)


def _example(missing: tuple[Question, ...]) -> tuple[str, str]:
    """An id=value pair to show as an example (not danger_now=yes, which reads as advice)."""
    for q in missing:
        if q.id != "danger_now":
            return q.id, q.values[0]
    return "danger_now", "no"


def require_complete(answers: Answers) -> None:
    """UsageError (exit 2) naming every missing answer and how to give it, unless in danger."""
    if answers.in_danger:
        return
    missing = answers.missing()
    if not missing:
        return
    lines = []
    for q in missing:
        several = ", one or more separated by commas" if q.multiple else ""
        lines.append(f"  {q.id}: {_allowed(q)}{several}  (--answer {q.id}=...)")
    qid, value = _example(missing)
    noun = "answer is" if len(missing) == 1 else "answers are"
    raise UsageError(
        f"{len(missing)} {noun} missing, and there is no terminal to ask them:\n"
        + "\n".join(lines),
        hint=(
            f"Give each one with --answer, e.g. --answer {qid}={value}, "
            f"or as a line in the answers file (--answers FILE), e.g.  {qid}: {value}"
        ),
    )
