"""The filter table in words: a search described, the command that repeats it, advice.

Nothing here changes when a filter is added: each filter's own words, command
line and advice are its entry in :mod:`.filter_table`.
"""

from __future__ import annotations

from iopguide.directory.filter_table import BY_ID, COMMAND_ORDER, WORDS_ORDER, Filters, ordered
from iopguide.i18n import _


def command_words(filters: Filters) -> list[str]:
    """The options of an ``iopguide find`` line that repeats this search."""
    active = [spec for spec in ordered(COMMAND_ORDER) if spec.active(filters)]
    return [word for spec in active for word in spec.command(filters)]


def describe(filters: Filters) -> str:
    """The search in words: "IOP programs within 25 miles of ZIP 40202 that treat ..."."""
    levels = BY_ID["level"].words(filters, "")
    heads = [spec for spec in ordered(WORDS_ORDER) if spec.where and spec.active(filters)]
    if heads:
        text = heads[0].words(filters, levels)
    else:
        text = _("{levels} programs anywhere in the directory (no ZIP code or state given)")
        text = text.format(levels=levels)
    for spec in ordered(WORDS_ORDER):
        if spec.id != "level" and not spec.where and spec.active(filters):
            text = spec.words(filters, text)
    return text


def advice(filter_id: str) -> str:
    """What to try when *filter_id* ruled out the most, in the reader's language."""
    spec = BY_ID[filter_id]
    if spec.widen is not None:
        return _(spec.widen)
    return _("Try widening or dropping {flag}.").format(flag=spec.label)
