"""The terminal views in Spanish: the emergency page and the search results read in Spanish."""

from __future__ import annotations

import io

import pytest

from iopguide import i18n
from iopguide.assessment.answers import Answers
from iopguide.assessment.rules import assess
from iopguide.cli import run
from iopguide.ui.assessment_view import render_assessment
from iopguide.ui.console import make_console


def _flat(text: str) -> str:
    return " ".join(text.split())


def _emergency_page(width: int, *, plain: bool) -> str:
    out = io.StringIO()
    console = make_console(file=out, width=width, force_terminal=True, color_system=None)
    render_assessment(assess(Answers({"danger_now": "yes"})), console, plain=plain)
    return out.getvalue()


@pytest.mark.parametrize("width", [40, 80])
def test_spanish_emergency_page_has_spanish_headings_and_press_2(spanish, width: int) -> None:
    page = _emergency_page(width, plain=False)
    text = _flat(page.replace("│", " "))
    assert "Busque ayuda ahora" in text
    assert "Por qué" in text and "Próximos pasos" in text
    assert "oprima 2" in text and "988" in text and "911" in text
    for english in ("Get help now", "Why", "Next steps", "Keep in mind"):
        assert english not in text
    # The crisis lines come first, before the result's title.
    assert page.index("Busque ayuda ahora") < page.index("Por qué")


def test_spanish_emergency_page_in_plain_mode(spanish) -> None:
    text = _flat(_emergency_page(80, plain=True))
    assert text.startswith("BUSQUE AYUDA AHORA")
    assert "oprima 2" in text


def test_english_emergency_page_keeps_its_english_headings() -> None:
    text = _flat(_emergency_page(80, plain=False).replace("│", " "))
    assert "Get help now" in text and "Next steps" in text
    assert "Busque" not in text


def test_spanish_find_shows_spanish_labels(capsys) -> None:
    try:
        code = run(["find", "--sample", "--zip", "40202", "--lang", "es"])
    finally:
        i18n.set_language("en")
    out = capsys.readouterr().out
    assert code == 0
    for label in ("Millas", "Niveles", "Dónde", "Teléfono", "Pago", "Cuándo", "Por qué"):
        assert label in out
    text = _flat(out)
    assert "programas coincidieron" in text
    assert "código postal (ZIP) 40202" in text
    assert "oprima 2" in text
    for english in ("Phone", "Where", "programs matched", "Distances are"):
        assert english not in text


def test_spanish_find_with_no_results_gives_spanish_advice(capsys) -> None:
    try:
        no_match = ["--radius", "1", "--insurance", "ihs"]
        code = run(["find", "--sample", "--zip", "40202", *no_match, "--lang", "es"])
    finally:
        i18n.set_language("en")
    text = _flat(capsys.readouterr().out)
    assert code == 0
    assert "Ningún programa coincidió con todos sus filtros." in text
    assert "El filtro que más programas descartó fue" in text
    assert "1-800-662-4357" in text


def test_spanish_search_description_is_whole_clauses(spanish) -> None:
    from iopguide.commands.guide_search import describe_search
    from iopguide.directory.filter_table import either
    from iopguide.directory.search import parse_filters

    assert either(["a", "b", "c"]) == "a o b o c"
    text = describe_search(parse_filters(zip_code="40202", levels=["iop"]))
    assert text.startswith("Programas de ")
    assert "código postal (ZIP) 40202" in text


def test_english_search_description_is_unchanged() -> None:
    from iopguide.commands.guide_search import describe_search
    from iopguide.directory.filter_table import either
    from iopguide.directory.search import parse_filters

    assert either(["a", "b"]) == "a or b"
    assert either([]) == ""
    text = describe_search(parse_filters(zip_code="40202", levels=["iop"]))
    assert text.endswith("programs within 25 miles of ZIP 40202")


def test_spanish_find_on_real_listings_says_reasons_labels_and_source_in_spanish(capsys) -> None:
    """Near San Juan on the national directory: every word around the listing is Spanish."""
    code = run(
        ["find", "--zip", "00901", "--condition", "depresión", "--lang", "es", "--limit", "0"]
    )
    assert code == 0
    text = _flat(capsys.readouterr().out)
    assert "millas de 00901" in text  # the reason, not "miles from 00901"
    assert "Ofrece IOP" in text or "Puede tener un IOP: pregunte" in text
    assert "Aparece en el Directorio Nacional de SAMHSA, edición 2022" in text
    assert "Datos del Directorio Nacional de SAMHSA, edición 2022 (dominio público)." in text
    assert "Solo veteranos (centro del VA)" in text  # a restriction the importer wrote
    assert "Fondos del estado" in text  # a payment label
    for english in (
        "miles from",
        "Offers IOP",
        "Listed in SAMHSA",
        "Veterans only",
        "State-funded",
    ):
        assert english not in text


def test_english_reasons_and_labels_are_unchanged(capsys) -> None:
    assert run(["find", "--zip", "00901", "--limit", "0"]) == 0
    text = _flat(capsys.readouterr().out)
    assert "Offers IOP; 3.8 miles from 00901" in text
    assert "Veterans only (VA facility)" in text and "State-funded" in text
    assert "Listings from SAMHSA's National Directory, 2022 edition (public domain)." in text


def test_spanish_json_keeps_ids_and_gives_spanish_reasons(capsys) -> None:
    import json

    assert run(["find", "--zip", "00901", "--json", "--lang", "es"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["lang"] == "es"
    first = data["results"][0]
    assert "iop" in first["levels"]  # ids stay English: they are a contract
    assert any("millas de 00901" in reason for reason in first["matched"])
    assert first["listed"] == "Aparece en el Directorio Nacional de SAMHSA, edición 2022"
