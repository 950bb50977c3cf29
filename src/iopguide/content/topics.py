"""The explanations behind ``iopguide learn``: Markdown files shipped in the package.

Each topic is ``content/topics/<id>.md`` with a small front matter::

    ---
    id: schedule
    title: A typical IOP schedule
    summary: How many days and hours, and for how long.
    order: 3
    aliases: hours, time
    ---
    Markdown body ...

The body may hold placeholders that the loader fills, so facts live in one place:

``{{crisis_lines}}``   988 and 911, as bullets (from :mod:`iopguide.crisis`)
``{{helpline}}``       the SAMHSA National Helpline, as a bullet, marked "not crisis counselling"
``{{crisis_footer}}``  ``crisis.FOOTER``
``{{findtreatment}}``  ``crisis.FINDTREATMENT``
``{{levels_table}}``   the levels of care side by side, from ``content.levels``
``{{level:ID:FIELD}}`` one field (title, hours, where_you_live, who_for) of a level

Phone numbers are never typed into a topic file; an unknown placeholder is a
packaging bug and fails loudly (and in the tests).

Each language other than English has its topics beside them, in
``content/topics/<lang>/<id>.md`` with the same ids (a test checks every topic
exists in every language); the current language (:mod:`iopguide.i18n`) decides
which are read. The English files name the topics: a topic with no file in the
current language is shown in English, so a missing translation never hides it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

from iopguide import crisis, i18n
from iopguide.content.levels import BY_INTENSITY, LEVEL_DESCRIPTIONS
from iopguide.errors import DataError, Problem, UsageError
from iopguide.i18n import _
from iopguide.vocabulary import Term, Vocabulary

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

LevelsLayout = Literal["table", "list"]

_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+(?::[a-z_\-]+)*)\s*\}\}")
_LEVELS_TABLE = re.compile(r"\{\{\s*levels_table\s*\}\}")
_LEVEL_FIELDS = ("title", "hours", "where_you_live", "who_for")
_REQUIRED_KEYS = ("id", "title", "summary", "order")


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    title: str
    summary: str
    order: int
    aliases: tuple[str, ...]
    source: str  # the body as written, placeholders unfilled

    def body(self, *, levels_layout: LevelsLayout = "table") -> str:
        """The body as Markdown, placeholders filled (no title heading)."""
        return fill(self.source, levels_layout=levels_layout)

    def body_parts(self) -> tuple[str, ...]:
        """The filled body cut where ``{{levels_table}}`` stands.

        A terminal view puts its own rendering of the levels between the parts
        (a table sized to the window); one part means the topic has no table.
        """
        return tuple(fill(part) for part in _LEVELS_TABLE.split(self.source))

    def markdown(self, *, levels_layout: LevelsLayout = "table") -> str:
        """The whole topic as a Markdown document: a title heading, then the body."""
        return f"# {self.title}\n\n{self.body(levels_layout=levels_layout)}"

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "summary": self.summary}


def list_topics() -> list[Topic]:
    """Every topic, in reading order."""
    return list(_load_all(i18n.current()))


def get_topic(name: str) -> Topic:
    """The topic *name* names (an id, title or alias, any case), or a UsageError.

    The error suggests close matches ("shedule" -> schedule) and lists every topic.
    """
    lang = i18n.current()
    topics = {t.id: t for t in _load_all(lang)}
    vocabulary = _vocabulary(lang)
    found = vocabulary.resolve(name)
    if found is not None:
        return topics[found]
    listing = _("Topics: {ids}.\nOpen one with: {command}").format(
        ids=", ".join(topics), command="iopguide learn TOPIC"
    )
    suggestions = vocabulary.suggest(name)
    shown = _shown(name)
    if suggestions:
        message = _("There is no topic called {name}. Did you mean {close}?").format(
            name=shown, close=_(" or ").join(suggestions)
        )
    else:
        message = _("There is no topic called {name}.").format(name=shown)
    raise UsageError(message, hint=listing)


def topics_dir(lang: str = i18n.DEFAULT) -> Traversable:
    """Where the topic files of *lang* live, inside the installed package (works from a wheel)."""
    base = resources.files("iopguide.content") / "topics"
    return base if lang == i18n.DEFAULT else base / lang


# -- filling placeholders -------------------------------------------------------------------


def fill(text: str, *, levels_layout: LevelsLayout = "table") -> str:
    """Replace every ``{{placeholder}}`` in *text*; raise ValueError for an unknown one."""

    def replace(match: re.Match[str]) -> str:
        return _value(match.group(1), levels_layout)

    filled = _PLACEHOLDER.sub(replace, text)
    if "{{" in filled or "}}" in filled:
        raise ValueError(f"malformed placeholder near {filled[filled.find('{{') :][:40]!r}")
    return filled


def _value(name: str, levels_layout: LevelsLayout) -> str:
    if name == "crisis_lines":
        return "\n".join(_line_bullet(line) for line in crisis.CRISIS_LINES)
    if name == "helpline":
        return _line_bullet(crisis.SAMHSA_HELPLINE)
    if name == "crisis_footer":
        return crisis.FOOTER
    if name == "findtreatment":
        return crisis.FINDTREATMENT
    if name == "levels_table":
        return levels_markdown(levels_layout)
    if name.startswith("level:"):
        parts = name.split(":")
        if len(parts) == 3 and parts[1] in LEVEL_DESCRIPTIONS and parts[2] in _LEVEL_FIELDS:
            return str(getattr(LEVEL_DESCRIPTIONS[parts[1]], parts[2]))
    raise ValueError(f"unknown placeholder {{{{{name}}}}}")


def _line_bullet(line: crisis.HelpLine) -> str:
    return f"- **{line.name}** — {line.how}. {line.notes}"


def levels_markdown(layout: LevelsLayout = "table") -> str:
    """The levels of care side by side, least to most intensive, from LEVEL_DESCRIPTIONS.

    ``table`` suits handouts and wide screens; ``list`` (one short section per level)
    stays readable in a 40-column window.
    """
    levels = [LEVEL_DESCRIPTIONS[i] for i in BY_INTENSITY]
    if layout == "list":
        sections = []
        for level in levels:
            sections.append(
                f"### {level.title}\n\n"
                + "- **{label}** {value}\n".format(label=_("Hours:"), value=level.hours)
                + "- **{label}** {value}\n".format(
                    label=_("Where you live:"), value=level.where_you_live
                )
                + "- **{label}** {value}".format(label=_("Who it is for:"), value=level.who_for)
            )
        return "\n\n".join(sections)
    heads = (_("Level of care"), _("Hours"), _("Where you live"), _("Who it is for"))
    rows = ["| " + " | ".join(heads) + " |", "|---|---|---|---|"]
    for level in levels:
        cells = (level.title, level.hours, level.where_you_live, level.who_for)
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows)


# -- loading --------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _load_all(lang: str = i18n.DEFAULT) -> tuple[Topic, ...]:
    problems: list[Problem] = []
    topics: list[Topic] = []
    for english in sorted(topics_dir().iterdir(), key=lambda e: e.name):
        if not english.name.endswith(".md"):
            continue
        entry, folder = _translated(english, lang)
        where = f"iopguide/content/topics/{folder}{entry.name}"
        try:
            topic = _parse(entry.read_text(encoding="utf-8"))
            fill(topic.source)  # every placeholder must be known
            if topic.id != entry.name[:-3]:
                raise ValueError(f"id {topic.id!r} does not match the file name")
        except (ValueError, UnicodeDecodeError) as err:
            problems.append(Problem(file=where, message=str(err)))
            continue
        topics.append(topic)
    if problems:
        raise DataError(problems, summary=_("iopguide's own topic files cannot be read (a bug)."))
    topics.sort(key=lambda t: (t.order, t.id))
    return tuple(topics)


def _translated(english: Traversable, lang: str) -> tuple[Traversable, str]:
    """The file of *lang* for the topic in *english*, and its folder; English if none."""
    if lang != i18n.DEFAULT:
        entry = topics_dir(lang) / english.name
        if entry.is_file():
            return entry, f"{lang}/"
    return english, ""


def _parse(text: str) -> Topic:
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ValueError("no front matter (the file must start with a '---' line)")
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    except StopIteration:
        raise ValueError("front matter is not closed by a '---' line") from None
    meta: dict[str, str] = {}
    for line in lines[1:end]:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"front matter line is not 'key: value': {line!r}")
        key = key.strip()
        if key in meta:
            raise ValueError(f"front matter key {key!r} appears twice")
        meta[key] = value.strip()
    missing = [k for k in _REQUIRED_KEYS if not meta.get(k)]
    if missing:
        raise ValueError(f"front matter lacks {', '.join(missing)}")
    try:
        order = int(meta["order"])
    except ValueError:
        raise ValueError(f"order must be a whole number, not {meta['order']!r}") from None
    aliases = tuple(a.strip() for a in meta.get("aliases", "").split(",") if a.strip())
    body = "\n".join(lines[end + 1 :]).strip() + "\n"
    return Topic(
        id=meta["id"],
        title=meta["title"],
        summary=meta["summary"],
        order=order,
        aliases=aliases,
        source=body,
    )


@lru_cache(maxsize=4)
def _vocabulary(lang: str = i18n.DEFAULT) -> Vocabulary:
    return Vocabulary("topic", [Term(t.id, t.title, t.aliases) for t in _load_all(lang)])


def _shown(name: str) -> str:
    from iopguide.text import clean, shorten

    return repr(shorten(clean(name)))
