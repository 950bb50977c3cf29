"""``find``'s filters, one entry each: flags, parsing, JSON, advice, command line and words.

Everything that differs from one filter to the next is here, so the rest of the
program reads the table: :func:`parse_filters` (what a person typed ->
:class:`Filters`), ``Filters.to_dict`` (JSON), the search's checks (by id, in
``SEARCH_ORDER``; the checks themselves are :mod:`.checks`), the advice for an
empty result, the guided flow's re-runnable command and its search in words
(all three in :mod:`.filter_words`), and the fast path's and ``--help``'s
options. Cheap to import: the vocabularies are only referred to, never folded.
To add a filter, see "To add a filter" in docs/architecture.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from iopguide.directory import DEFAULT_RADIUS_MILES
from iopguide.directory.filter_spec import Filter, Filters, Option, Words
from iopguide.directory.filters import (
    check_radius,
    parse_cities,
    parse_insurance,
    parse_levels,
    parse_zip,
    resolve_terms,
)
from iopguide.i18n import N_, _

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from typing import Any

    from iopguide.vocabulary import Vocabulary


def vocabulary(name: str) -> Vocabulary:
    """The vocabulary called *name* (imported when first needed: ``--help`` needs none)."""
    from iopguide import vocabulary as vocabularies

    return getattr(vocabularies, name)


def either(items: list[str]) -> str:
    """``a or b or c``, the "or" in the reader's language; "" for no items."""
    if not items:
        return ""
    text = items[0]
    for item in items[1:]:
        text = _("{first} or {second}").format(first=text, second=item)
    return text


def _listed(flag: str, values: Iterable[str]) -> list[str]:
    import shlex  # only the guided flow's re-runnable command line needs it

    return [flag, shlex.quote(",".join(values))]


def _terms(
    filter_id: str,
    field: str,
    option: Option,
    vocab: str,
    words: Words,
    widen: str | None = None,
) -> Filter:
    """A filter whose values are ids of *vocab*, kept in the Filters field *field*."""
    flag = option.flags[0]
    return Filter(
        filter_id,
        (option,),
        vocab,
        parse=lambda values: {
            field: resolve_terms(values.get(option.param), vocabulary(vocab), flag)
        },
        active=lambda f: bool(getattr(f, field)),
        json=lambda f: {field: list(getattr(f, field))},
        command=lambda f: _listed(flag, getattr(f, field)),
        words=words,
        widen=widen,
    )


def _clause(template: str, name: str, vocab: str, field: str, *, lower: bool = True) -> Words:
    """Words adding *template* (an N_ text with {search} and {name}) with the labels."""

    def words(f: Filters, text: str) -> str:
        labels = vocabulary(vocab).labels(getattr(f, field))
        joined = either([label.lower() for label in labels] if lower else labels)
        return _(template).format(search=text, **{name: joined})

    return words


def _parse_insurance(values: Mapping[str, Any]) -> dict[str, Any]:
    payment, plans = parse_insurance(values.get("insurance"))
    return {"payment": payment, "plans": plans}


def _insurance_words(f: Filters, text: str) -> str:
    payment = either([*vocabulary("PAYMENT").labels(f.payment), *f.plans])
    return _("{search}, accepting {payment}").format(search=text, payment=payment)


def _zip_command(f: Filters) -> list[str]:
    assert f.origin is not None
    radius = ["--radius", f"{f.radius:g}"] if f.radius != DEFAULT_RADIUS_MILES else []
    return ["--zip", f.origin.zip, *radius]


def _zip_words(f: Filters, levels: str) -> str:
    assert f.origin is not None
    return _("{levels} programs within {miles} miles of ZIP {zip}").format(
        levels=levels, miles=f"{f.radius:g}", zip=f.origin.zip
    )


def _level_words(f: Filters, _text: str) -> str:
    levels = vocabulary("LEVELS")
    return either([levels.short(level) for level in f.levels]) or _("All")


FILTERS: tuple[Filter, ...] = (
    _terms(
        "condition",
        "conditions",
        Option(
            "conditions",
            ("--condition", "-c"),
            "What you want help with, e.g. depression, ptsd, alcohol.",
        ),
        "CONDITIONS",
        _clause(N_("{search} that treat {conditions}"), "conditions", "CONDITIONS", "conditions"),
        N_("Try a broader --condition, such as mental_health or substance_use."),
    ),
    Filter(
        "insurance",
        (
            Option(
                "insurance",
                ("--insurance", "-i"),
                "A payment type (medicaid, tricare, sliding-scale ...) or a plan name.",
            ),
        ),
        "PAYMENT",
        parse=_parse_insurance,
        active=lambda f: bool(f.payment or f.plans),
        json=lambda f: {"payment": list(f.payment), "insurance_plans": list(f.plans)},
        command=lambda f: _listed("--insurance", (*f.payment, *f.plans)),
        words=_insurance_words,
        widen=N_("Try without --insurance, then ask programs and your insurer."),
    ),
    Filter(
        "zip",
        (
            Option(
                "zip_code",
                ("--zip", "-z"),
                "Your 5-digit ZIP code; results are sorted by distance.",
                "text",
            ),
            Option("radius", ("--radius", "-r"), "Miles from --zip.", "miles"),
        ),
        None,
        parse=lambda values: {
            "origin": parse_zip(values.get("zip_code")),
            "radius": check_radius(values.get("radius", DEFAULT_RADIUS_MILES)),
        },
        active=lambda f: f.origin is not None,
        json=lambda f: {
            "zip": f.origin.zip if f.origin else None,
            "radius_miles": f.radius if f.origin else None,
        },
        command=_zip_command,
        words=_zip_words,
        widen=N_("Try a larger --radius, for example --radius 100."),
        where=True,
        location=True,
    ),
    Filter(
        "state",
        (Option("states", ("--state", "-s"), "State, e.g. KY or Kentucky."),),
        "STATES",
        parse=lambda values: {
            "states": resolve_terms(values.get("states"), vocabulary("STATES"), "--state")
        },
        active=lambda f: bool(f.states),
        json=lambda f: {"states": list(f.states)},
        command=lambda f: _listed("--state", f.states),
        words=lambda f, levels: _("{levels} programs in {states}").format(
            levels=levels, states=either(list(f.states))
        ),
        widen=N_("Try a neighboring state (telehealth programs serving yours are included)."),
        where=True,
        location=True,
    ),
    Filter(
        "city",
        (Option("cities", ("--city",), "City name."),),
        None,
        parse=lambda values: {"cities": parse_cities(values.get("cities"))},
        active=lambda f: bool(f.cities),
        json=lambda f: {"cities": list(f.cities)},
        command=lambda f: _listed("--city", f.cities),
        words=lambda f, text: _("{search}, in {cities}").format(
            search=text, cities=either(list(f.cities))
        ),
        location=True,
    ),
    Filter(
        "level",
        (
            Option(
                "levels",
                ("--level", "-l"),
                "Level of care: iop (default), php, outpatient, residential, inpatient, "
                "detox, or any.",
            ),
        ),
        "LEVELS",
        parse=lambda values: {"levels": parse_levels(values.get("levels"))},
        active=lambda f: bool(f.levels),
        json=lambda f: {"levels": list(f.levels) or ["any"]},
        command=lambda f: _listed("--level", f.levels),
        words=_level_words,
        widen=N_("Try --level any: a program at another level can refer you on."),
    ),
    Filter(
        "telehealth",
        (
            Option(
                "telehealth",
                ("--telehealth",),
                "Only programs that offer telehealth where you live.",
                "flag",
            ),
        ),
        None,
        parse=lambda values: {"telehealth": bool(values.get("telehealth"))},
        active=lambda f: f.telehealth,
        json=lambda f: {"telehealth": f.telehealth},
        command=lambda f: ["--telehealth"],
        words=lambda f, text: _("{search}, by telehealth").format(search=text),
    ),
    _terms(
        "age_group",
        "age_groups",
        Option(
            "age_groups",
            ("--age-group", "-a"),
            "children, adolescents, young-adults, adults, older-adults.",
        ),
        "AGE_GROUPS",
        _clause(N_("{search} for {ages}"), "ages", "AGE_GROUPS", "age_groups"),
    ),
    _terms(
        "language",
        "languages",
        Option("languages", ("--language",), "e.g. spanish, asl."),
        "LANGUAGES",
        _clause(N_("{search}, in {languages}"), "languages", "LANGUAGES", "languages", lower=False),
    ),
    _terms(
        "schedule",
        "schedules",
        Option("schedules", ("--schedule",), "morning, afternoon, evening or weekend."),
        "SCHEDULE_TIMES",
        _clause(N_("{search}, open {times}"), "times", "SCHEDULE_TIMES", "schedules"),
        N_("Try without --schedule: ask programs about evening or weekend groups."),
    ),
)

BY_ID: dict[str, Filter] = {spec.id: spec for spec in FILTERS}

#: The order typed values are checked in: which mistake is reported when there are several.
PARSE_ORDER = (
    *("level", "insurance", "zip", "condition", "state"),
    *("city", "telehealth", "age_group", "language", "schedule"),
)
#: The order the search checks filters: cheapest and most selective first.
SEARCH_ORDER = (
    *("level", "zip", "state", "city", "condition"),
    *("insurance", "telehealth", "age_group", "language", "schedule"),
)
#: The order of the options in a re-runnable ``iopguide find`` line.
COMMAND_ORDER = (
    *("level", "condition", "zip", "state", "age_group"),
    *("insurance", "city", "telehealth", "language", "schedule"),
)
#: The order of the search in words: the levels, where, then the rest.
WORDS_ORDER = (
    *("level", "zip", "state", "age_group", "condition"),
    *("insurance", "city", "telehealth", "language", "schedule"),
)

#: Every filter's options by parameter: parse_filters' keywords, cli.find's parameters.
FIND_OPTIONS: dict[str, Option] = {o.param: o for spec in FILTERS for o in spec.options}
PARAMS = tuple(FIND_OPTIONS)


def parse_filters(**values: Any) -> Filters:
    """Check and normalise what a person typed (keywords: PARAMS); UsageError says what is wrong."""
    unknown = set(values).difference(PARAMS)
    if unknown:
        raise TypeError(f"parse_filters() got unexpected keywords: {', '.join(sorted(unknown))}")
    fields: dict[str, Any] = {}
    for spec in ordered(PARSE_ORDER):
        fields.update(spec.parse(values))
    return Filters(**fields)


def ordered(ids: Iterable[str]) -> list[Filter]:
    return [BY_ID[filter_id] for filter_id in ids]
