"""Keep the catalogues in step with the code: ``python -m iopguide.i18n.extract``.

Collects every English string a person reads -- from the Python sources
(``_``, ``N_``, ``ngettext``, ``pgettext``, found by Babel) and from the data
files (the questionnaires' texts and the check-ins' framing, which Babel cannot
read) -- then updates each ``locale/<lang>/LC_MESSAGES/iopguide.po`` (new strings
arrive with an empty translation, strings gone from the code are dropped) and
compiles the ``.mo`` beside it. ``--check`` changes nothing and exits 1 when a
catalogue is out of step. docs/translating.md tells the whole story.

Babel is a development tool (the ``test`` extra), never imported at run time.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path

from iopguide.i18n import DOMAIN, LANGUAGES, LOCALE_DIR

PACKAGE = Path(__file__).resolve().parent.parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}

#: The texts of a questionnaire file that people read (its instrument wording is not here:
#: a check-in's items, answers and bands are shown only as published).
QUESTIONNAIRE_KEYS = ("title",)
QUESTION_KEYS = ("short", "prompt", "why")
CHOICE_KEYS = ("label", "said")
INSTRUMENT_KEYS = ("title", "short", "about", "note", "cutoffs")

Message = tuple[str | tuple[str, str], str | None, str]  # (msgid or (singular, plural), ctx, where)


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


def python_messages() -> Iterator[Message]:
    from babel.messages.extract import extract_from_dir

    found = extract_from_dir(
        str(PACKAGE),
        method_map=[("i18n/**.py", "ignore"), ("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, _comments, context in found:
        yield message, context, f"src/iopguide/{filename}:{lineno}"


def data_messages() -> Iterator[Message]:
    """The strings of the questionnaire files, exactly as the code reads them."""
    from iopguide.assessment.questionnaire import QUESTIONNAIRES, read_file

    for name, path in QUESTIONNAIRES.items():
        raw = read_file(name)
        where = f"src/iopguide/assessment/{path}"
        if "questions" in raw:
            for key in QUESTIONNAIRE_KEYS:
                if raw.get(key):
                    yield _one_line(raw[key]), None, where
            for question in raw["questions"]:
                for key in QUESTION_KEYS:
                    yield _one_line(question[key]), None, f"{where} ({question['id']})"
                for choice in question["choices"]:
                    for key in CHOICE_KEYS:
                        if choice.get(key):
                            yield _one_line(choice[key]), None, f"{where} ({question['id']})"
        else:  # a check-in: only iopguide's framing
            for key in INSTRUMENT_KEYS:
                if raw.get(key):
                    yield _one_line(raw[key]), None, where


def vocabulary_messages() -> Iterator[Message]:
    """Every label a person reads for a controlled value (``Vocabulary.label`` translates them)."""
    from iopguide.directory.schema import BY_FIELD

    for field, vocab in BY_FIELD.items():
        for term in vocab:
            for text in (term.label, term.short):
                if text:
                    yield text, None, f"src/iopguide/vocabulary/ ({field})"


def restriction_messages() -> Iterator[Message]:
    """The "who it serves only" phrases the importers write into listings, shown translated."""
    from iopguide.directory.importers import codes

    where = "src/iopguide/directory/importers/codes*.py"
    for code in (*codes.CODES_LIST, *codes.WORD_ONLY):
        if code.serves_only:
            yield code.serves_only, None, where
    for rule in codes.ONLY_RULES:
        yield rule.words, None, where
    yield codes.NAME_DUI, None, where
    yield codes.NAME_COURT, None, where


def help_messages() -> Iterator[Message]:
    """The help of every command and option (``cli_help.translate`` shows them translated)."""
    import typer.main

    from iopguide.cli import app
    from iopguide.cli_help import help_texts

    for text in help_texts(typer.main.get_command(app)):
        yield text, None, "src/iopguide/cli.py (--help)"


def template():  # type: ignore[no-untyped-def]
    """A Babel catalogue of every English string, with where each comes from."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(project="iopguide", domain=DOMAIN, fuzzy=False)
    for message, context, where in [
        *python_messages(),
        *data_messages(),
        *vocabulary_messages(),
        *restriction_messages(),
        *help_messages(),
    ]:
        if not message or (isinstance(message, tuple) and not message[0]):
            continue
        file, _sep, line = where.partition(":")
        catalog.add(
            message, locations=[(file, int(line) if line.isdigit() else None)], context=context
        )
    return catalog


def po_path(lang: str) -> Path:
    return Path(LOCALE_DIR) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_po(lang: str):  # type: ignore[no-untyped-def]
    from babel.messages.pofile import read_po as _read

    with po_path(lang).open("rb") as handle:
        return _read(handle, locale=lang, domain=DOMAIN)


def po_bytes(catalog) -> bytes:  # type: ignore[no-untyped-def]
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=False, sort_output=False, include_lineno=False)
    return out.getvalue()


def mo_bytes(catalog) -> bytes:  # type: ignore[no-untyped-def]
    """The compiled catalogue, exactly as ``.mo`` files are committed."""
    from babel.messages.mofile import write_mo

    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def updated(lang: str):  # type: ignore[no-untyped-def]
    catalog = read_po(lang)
    created = catalog.creation_date  # update() would stamp today's date: keep the file stable
    catalog.update(template(), no_fuzzy_matching=True, update_header_comment=False)
    catalog.creation_date = created
    catalog.obsolete.clear()
    return catalog


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    stale = []
    for lang in LANGUAGES:
        if lang == "en":
            continue
        catalog = updated(lang)
        po, mo = po_bytes(catalog), mo_bytes(catalog)
        mo_path = po_path(lang).with_suffix(".mo")
        if po_path(lang).read_bytes() != po or not mo_path.exists() or mo_path.read_bytes() != mo:
            stale.append(lang)
            if not check:
                po_path(lang).write_bytes(po)
                mo_path.write_bytes(mo)
        missing = [m.id for m in catalog if m.id and not m.string]
        if missing:
            print(f"{lang}: {len(missing)} strings to translate", file=sys.stderr)
    if check and stale:
        print("Out of step: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
