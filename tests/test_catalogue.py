"""The Spanish catalogue: complete, same placeholders and numbers, compiled, really Spanish."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("babel")

from iopguide import i18n
from iopguide.i18n import extract

#: Strings that are the same word in English and Spanish.
#: Names and abbreviations that Spanish writes as English does.
SAME_IN_BOTH = {
    "No",
    "Error:",
    *("IOP", "PHP", "Medicaid", "Medicare", "TRICARE", "IHS/tribal", "LGBTQ+", "EMDR"),
    *("CARF", "NCQA", "HFAP", "The Joint Commission", "Council on Accreditation (COA)"),
    *("Hindi", "Urdu", "Hmong", "Navajo"),
}
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
_NUMBER = re.compile(r"\d+")


@pytest.fixture(scope="module")
def catalogue():  # type: ignore[no-untyped-def]
    return extract.read_po("es")


def _pairs(catalogue):  # type: ignore[no-untyped-def]
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        yield message, ids, strings


def test_every_english_string_has_a_spanish_entry(catalogue) -> None:  # type: ignore[no-untyped-def]
    wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in extract.template() if m.id}
    have = {
        m.id if isinstance(m.id, str) else m.id[0]
        for m in catalogue
        if m.id and all(m.string if isinstance(m.string, tuple) else (m.string,))
    }
    assert sorted(wanted - have) == []


def test_placeholders_and_numbers_are_the_same(catalogue) -> None:  # type: ignore[no-untyped-def]
    for _message, ids, strings in _pairs(catalogue):
        for string in strings:
            assert sorted(_PLACEHOLDER.findall(string)) == sorted(
                set(_PLACEHOLDER.findall(ids[-1]))
            ) or set(_PLACEHOLDER.findall(string)) == set(_PLACEHOLDER.findall(ids[-1])), ids
            for number in _NUMBER.findall(ids[0]):
                assert number in string, (ids[0], string)


def test_no_spanish_string_is_a_copy_of_the_english(catalogue) -> None:  # type: ignore[no-untyped-def]
    for _message, ids, strings in _pairs(catalogue):
        for english, spanish in zip(ids, strings, strict=True):
            assert english not in SAME_IN_BOTH or english == spanish
            if english not in SAME_IN_BOTH:
                assert english != spanish, english


def test_the_committed_mo_is_the_compiled_po(catalogue) -> None:  # type: ignore[no-untyped-def]
    mo = extract.po_path("es").with_suffix(".mo")
    assert mo.read_bytes() == extract.mo_bytes(catalogue)
    assert extract.main(["--check"]) == 0


def test_spanish_crisis_lines_press_2() -> None:
    from iopguide import crisis

    try:
        i18n.set_language("es")
        assert "oprima 2 para español" in crisis.FOOTER
        assert "988" in crisis.LIFELINE_988.how and "911" in crisis.EMERGENCY_911.how
        assert "1-800-662-4357" in crisis.SAMHSA_HELPLINE.how
        assert "inglés y en español" in crisis.SAMHSA_HELPLINE.notes
    finally:
        i18n.set_language("en")
