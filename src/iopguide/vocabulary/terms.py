"""One controlled vocabulary: its terms, their aliases and the folding of typed words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from iopguide.i18n import _
from iopguide.record import FrozenRecord

_SEPARATORS = re.compile(r"[\s\-/]+")


def normalise(text: str) -> str:
    """Fold case, accents, spaces, hyphens and slashes.

    ``Co-Occurring`` == ``co_occurring`` and ``Depresión`` == ``depresion``: people
    type Spanish with or without accents. Every alias and every typed value passes
    through here, so this is the one place the folding is defined.
    """
    text = text.strip().lower()
    if not text.isascii():
        text = _strip_accents(text)
    return _SEPARATORS.sub("_", text).strip("_")


def _strip_accents(text: str) -> str:
    """``mañana`` -> ``manana``: compatibility-decompose and drop the combining marks."""
    import unicodedata  # only for non-ASCII text, off the import path of plain searches

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Term(FrozenRecord):
    __slots__ = ("id", "label", "aliases", "description", "short", "es")

    def __init__(
        self,
        id: str,
        label: str,
        aliases: tuple[str, ...] = (),
        description: str = "",
        short: str = "",  # for narrow columns; the label when empty
        es: tuple[str, ...] = (),  # what a Spanish speaker types; accents optional
    ) -> None:
        self.id = id
        self.label = label
        self.aliases = aliases
        self.description = description
        self.short = short
        self.es = es


class Vocabulary:
    """A closed set of terms with alias lookup and near-miss suggestions."""

    def __init__(self, name: str, terms: Iterable[Term]) -> None:
        self.name = name
        self.terms: tuple[Term, ...] = tuple(terms)
        self._words: dict[str, str] | None = None
        self._labels = {t.id: t.label for t in self.terms}
        self._terms_by_id = {t.id: t for t in self.terms}
        self._order = {t.id: i for i, t in enumerate(self.terms)}
        self._suggested: dict[tuple[str, int], tuple[str, ...]] = {}

    @property
    def _by_key(self) -> dict[str, str]:
        """Every id, label and alias, normalised, to its id.

        Built on first lookup, not at import: a run looks words up in a few
        vocabularies at most, and folding ~700 words costs milliseconds.
        """
        if self._words is None:
            self._words = {
                normalise(word): term.id
                for term in self.terms
                for word in (term.id, term.label, *term.aliases, *term.es)
            }
        return self._words

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def __contains__(self, term_id: object) -> bool:
        return term_id in self._labels

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.terms)

    def resolve(self, text: str) -> str | None:
        """The id that *text* names (an id, a label or an alias, any case), or None."""
        return self._by_key.get(normalise(text))

    def suggest(self, text: str, n: int = 3) -> list[str]:
        """Ids whose id, label or alias is close to *text* (for "did you mean").

        Remembered per text: a file repeating one wrong word in 19,000 programmes
        spent most of its 16 s of validation in difflib.
        """
        remembered = self._suggested.get((text, n))
        if remembered is not None:
            return list(remembered)
        import difflib  # only on a miss: most runs never need it

        matches = difflib.get_close_matches(normalise(text), self._by_key, n=n * 2, cutoff=0.75)
        found: list[str] = []
        for key in matches:
            term_id = self._by_key[key]
            if term_id not in found:
                found.append(term_id)
        if len(self._suggested) < 4096:
            self._suggested[(text, n)] = tuple(found[:n])
        return found[:n]

    def label(self, term_id: str) -> str:
        """What a person reads for *term_id*, in the current language (unknown ids as they are)."""
        text = self._labels.get(term_id)
        return _(text) if text else term_id

    def labels(self, term_ids: Iterable[str]) -> list[str]:
        return [self.label(t) for t in term_ids]

    def short(self, term_id: str) -> str:
        term = self._terms_by_id.get(term_id)
        return _(term.short or term.label) if term else term_id

    def sort(self, term_ids: Iterable[str]) -> tuple[str, ...]:
        """Order ids as the vocabulary lists them (stable, meaningful output)."""
        order, last = self._order, len(self._order)
        return tuple(sorted(set(term_ids), key=lambda t: order.get(t, last)))
