"""Spanish words for the controlled vocabulary, typed with or without accents (issue 14)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from iopguide import vocabulary
from iopguide.cli import run
from iopguide.directory.filter_table import parse_filters
from iopguide.directory.filters import ANY_LEVEL
from iopguide.errors import UsageError
from iopguide.exit_codes import ExitCode
from iopguide.vocabulary import normalise

ALL_VOCABULARIES = [v for v in vars(vocabulary).values() if isinstance(v, vocabulary.Vocabulary)]


@pytest.fixture(autouse=True)
def _sample_directory(monkeypatch) -> None:
    monkeypatch.setenv("IOPGUIDE_DIRECTORY", "sample")


def find_json(capsys, *args: str) -> dict:
    code = run(["find", "--sample", "--json", "--limit", "0", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize("vocab", ALL_VOCABULARIES, ids=lambda v: v.name)
def test_no_word_names_two_terms(vocab) -> None:
    """An alias that folded onto another term's word would silently lose one of them."""
    owner: dict[str, str] = {}
    for term in vocab:
        for word in (term.id, term.label, *term.aliases, *term.es):
            key = normalise(word)
            assert key, f"{vocab.name}: {word!r} normalises to nothing"
            assert owner.setdefault(key, term.id) == term.id, (
                f"{vocab.name}: {word!r} names both {owner[key]!r} and {term.id!r}"
            )


def test_any_and_all_stay_the_level_wildcards_in_both_languages() -> None:
    assert all(vocabulary.LEVELS.resolve(word) is None for word in ANY_LEVEL)
    assert parse_filters(levels=["Cualquiera"]).levels == parse_filters(levels=["any"]).levels == ()


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Depresión", "depresion"),
        ("DEPRESION", "depresion"),
        ("Niños", "ninos"),
        ("Escala Móvil", "escala_movil"),
        ("lenguaje de señas", "lenguaje_de_senas"),
        ("ｄｅｐｒｅｓｉóｎ", "depresion"),  # full-width letters, as some keyboards send them
        ("depresio\u0301n", "depresion"),  # an accent typed as a combining mark
        ("Co-Occurring", "co_occurring"),
    ],
)
def test_normalise_folds_accents_and_case(typed: str, folded: str) -> None:
    assert normalise(typed) == folded


@pytest.mark.parametrize(
    ("spanish", "english"),
    [
        (["--condition", "depresión"], ["--condition", "depression"]),
        (["--condition", "depresion"], ["--condition", "depression"]),
        (["--condition", "ANSIEDAD"], ["--condition", "anxiety"]),
        (["--condition", "drogas,alcohol"], ["--condition", "substance_use"]),
        (["--condition", "estrés postraumático"], ["--condition", "ptsd"]),
        (["--insurance", "seguro privado"], ["--insurance", "private"]),
        (["--insurance", "pago propio"], ["--insurance", "self-pay"]),
        (["--insurance", "escala movil"], ["--insurance", "sliding scale"]),
        (["--insurance", "Escala Móvil"], ["--insurance", "sliding scale"]),
        (["--age-group", "adolescentes"], ["--age-group", "adolescents"]),
        (["--schedule", "noche"], ["--schedule", "evening"]),
        (["--language", "espanol"], ["--language", "spanish"]),
        (["--level", "hospitalización parcial"], ["--level", "php"]),
    ],
)
def test_a_spanish_search_finds_what_the_english_one_does(capsys, spanish, english) -> None:
    found = find_json(capsys, *spanish)
    assert found["total"] > 0  # the sample directory has some, so equal is not merely empty
    assert found == find_json(capsys, *english)


@pytest.mark.parametrize(
    ("field", "words", "expected"),
    [
        ("conditions", ["depresión", "ansiedad", "trauma", "alcohol", "drogas"], None),
        ("insurance", ["medicaid", "seguro privado", "pago propio", "escala móvil"], None),
        (
            "levels",
            ["ambulatorio intensivo", "hospitalización parcial", "residencial", "desintoxicación"],
            ("iop", "php", "residential", "detox"),
        ),
        (
            "age_groups",
            ["niños", "adolescentes", "adultos jóvenes", "adultos", "adultos mayores"],
            ("children", "adolescents", "young_adults", "adults", "older_adults"),
        ),
        (
            "schedules",
            ["mañana", "tarde", "noche", "fin de semana"],
            ("morning", "afternoon", "evening", "weekend"),
        ),
        (
            "languages",
            ["español", "inglés", "lenguaje de señas"],
            ("english", "spanish", "asl"),
        ),
    ],
)
def test_the_words_the_issue_names_resolve_with_and_without_accents(field, words, expected) -> None:
    with_accents = parse_filters(**{field: words})
    without = parse_filters(**{field: [normalise(w).replace("_", " ") for w in words]})
    assert with_accents == without
    if field == "conditions":
        assert with_accents.conditions == ("depression", "anxiety", "trauma", "substance_use")
    elif field == "insurance":
        assert with_accents.payment == (
            "medicaid",
            "private_insurance",
            "self_pay",
            "sliding_scale",
        )
        assert with_accents.plans == ()
    else:
        assert getattr(with_accents, field) == expected


@pytest.mark.parametrize(
    ("kwargs", "flag", "suggestion"),
    [
        ({"conditions": ["depreción"]}, "--condition", "depression"),
        ({"conditions": ["ansiedades"]}, "--condition", "anxiety"),
        ({"insurance": ["escala movill"]}, "--insurance", "sliding_scale"),
        ({"age_groups": ["adolesentes"]}, "--age-group", "adolescents"),
        ({"schedules": ["nochess"]}, "--schedule", "evening"),
    ],
)
def test_a_misspelt_spanish_word_gets_did_you_mean(kwargs, flag, suggestion) -> None:
    with pytest.raises(UsageError) as caught:
        parse_filters(**kwargs)
    assert flag in caught.value.message
    assert repr(suggestion) in caught.value.message
    assert caught.value.hint.startswith("Valid values: ")


def test_a_misspelt_spanish_word_on_the_command_line_is_a_usage_error(capsys) -> None:
    code = run(["find", "--sample", "--condition", "depreción"])
    _, err = capsys.readouterr()
    assert code == ExitCode.USAGE
    assert "'depression'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("plan", ["Triple-S Salud", "MMM Healthcare", "Plan de Salud Menonita"])
def test_spanish_payment_words_do_not_swallow_puerto_rico_plan_names(plan: str) -> None:
    found = parse_filters(insurance=[plan])
    assert found.payment == ()
    assert found.plans == (plan,)


def test_importing_the_vocabulary_stays_cheap() -> None:
    """It is on every search's path: no difflib (a miss needs it) nor unicodedata (accents do)."""
    code = (
        "import sys, iopguide.vocabulary as v; "
        "print(sorted(m for m in ('difflib', 'unicodedata') if m in sys.modules)); "
        "v.CONDITIONS.resolve('depresión'); print('unicodedata' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["[]", "True"]
