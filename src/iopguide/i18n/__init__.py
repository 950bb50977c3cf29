"""Words a person reads, in the language they chose.

Every sentence shown to a person is written in English in the code, wrapped in
:func:`_` (or :func:`ngettext` when it counts something), as a whole sentence with
named placeholders -- ``_("{count} programmes near {zip}").format(...)`` -- never
spliced from fragments, so a translator sees what the reader sees. Strings that
live in data (question texts, level names) are marked where they are defined with
:func:`N_` and translated where they are shown.

The catalogues are standard gettext files: ``locale/<lang>/LC_MESSAGES/iopguide.po``
(edited by people and tools) compiled to ``.mo`` (read here, by the standard
library). English needs no catalogue: its msgids are the English text.

The core may import this module: it uses nothing but the standard library.
"""

from __future__ import annotations

import os
from collections.abc import Callable

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from gettext import NullTranslations

#: The languages iopguide speaks, in the order the guided flow offers them.
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
DEFAULT = "en"
DOMAIN = "iopguide"
#: A text path, not a Path: a search in English imports neither pathlib nor gettext here.
LOCALE_DIR = os.path.join(os.path.dirname(os.path.realpath(__file__)), "locale")


class _English:
    """The English text itself, as gettext's NullTranslations gives it, without gettext."""

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return singular if count == 1 else plural

    def pgettext(self, context: str, message: str) -> str:
        return message


_current = DEFAULT
_translation: NullTranslations | _English = _English()


def normalise(value: str | None) -> str | None:
    """``es``, ``es_MX.UTF-8``, ``Español`` -> ``es``; ``C``/``POSIX``/unknown -> None."""
    if not value:
        return None
    text = value.strip().lower()
    if text in ("español", "espanol", "spanish"):
        return "es"
    if text in ("english", "inglés", "ingles"):
        return "en"
    code = text.replace("-", "_").split(".")[0].split("@")[0].split("_")[0]
    return code if code in LANGUAGES else None


def from_environment(environ: dict[str, str] | None = None) -> str:
    """The language the environment asks for: IOPGUIDE_LANG, then the locale variables.

    Follows gettext's order (LANGUAGE, LC_ALL, LC_MESSAGES, LANG): the first one
    that is set decides, and one naming a language iopguide lacks means English.
    """
    env = os.environ if environ is None else environ
    chosen = normalise(env.get("IOPGUIDE_LANG"))
    if chosen:
        return chosen
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            first = value.split(":")[0]  # LANGUAGE may list several: es:en
            return normalise(first) or DEFAULT
    return DEFAULT


def set_language(lang: str) -> None:
    """Speak *lang* from now on (a code from :data:`LANGUAGES`)."""
    global _current, _translation
    code = normalise(lang) or DEFAULT
    if code == DEFAULT:
        _translation = _English()
    else:
        import gettext

        _translation = gettext.translation(
            DOMAIN, localedir=LOCALE_DIR, languages=[code], fallback=True
        )
    _current = code


def current() -> str:
    return _current


def _(message: str) -> str:
    """*message* in the current language (the English itself when there is no entry)."""
    return _translation.gettext(message) if message else message


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translation.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """*message* in *context*: for a short word whose translation depends on where it stands."""
    return _translation.pgettext(context, message)


def N_(message: str) -> str:
    """Mark *message* for the catalogue without translating it yet (data defined at import)."""
    return message


def texts_in_current_language(texts: dict[str, str]) -> Callable[[str], str]:
    """A module ``__getattr__`` that reads each of *texts* (name -> ``N_`` text) translated.

    So ``crisis.FOOTER`` is said in the language chosen after the module was imported.
    """

    def attribute(name: str) -> str:
        if name in texts:
            return _(texts[name])
        raise AttributeError(name)

    return attribute
