"""iopguide learn in Spanish: content/topics/es/, and English when a file is missing."""

from __future__ import annotations

import re

import pytest

from iopguide import i18n
from iopguide.cli import run
from iopguide.content import topics as topics_module
from iopguide.content.topics import _parse, get_topic, list_topics, topics_dir

#: Every number the checked list (../shared/data/crisis-resources.md) allows a topic to show.
CHECKED_NUMBERS = {
    "988",
    "911",
    "1-800-662-4357",
    "1-800-662-HELP",
    "1-800-487-4889",
    "435748",
    "838255",
}
NUMBER = re.compile(
    r"\b(?:1-\d{3}-\d{3}-[0-9A-Z]{4}|\d{3}-\d{3}-\d{4}|\d{3}-\d{4}|\d{6,}|988|911)\b"
)


def _names(lang: str) -> set[str]:
    return {e.name for e in topics_dir(lang).iterdir() if e.name.endswith(".md")}


def _flat(text: str) -> str:
    return " ".join(text.replace("**", "").replace("*", "").split())


def _learn(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        code = run(["learn", *args])
    finally:
        i18n.set_language("en")
    return code, capsys.readouterr().out


def test_every_english_topic_has_a_spanish_file_and_vice_versa() -> None:
    assert _names("es") == _names("en")
    assert topics_dir("es").is_dir()


def test_spanish_files_keep_the_id_order_and_keys_of_the_english() -> None:
    for name in sorted(_names("en")):
        english = _parse((topics_dir() / name).read_text(encoding="utf-8"))
        spanish = _parse((topics_dir("es") / name).read_text(encoding="utf-8"))
        assert (spanish.id, spanish.order) == (english.id, english.order), name
        assert spanish.title != english.title and spanish.summary != english.summary, name
        assert spanish.source.count("{{") == english.source.count("{{"), name


def test_spanish_topics_are_listed_in_spanish(spanish: None) -> None:
    titles = {t.id: t.title for t in list_topics()}
    assert titles["what-is-iop"] == "¿Qué es un IOP?"
    assert titles["crisis"] == "Ayuda en una crisis"
    assert list_topics()[0].id == "what-is-iop"


def test_spanish_aliases_open_their_own_topic(spanish: None) -> None:
    for topic in list_topics():
        for alias in (topic.id, topic.title, *topic.aliases):
            assert get_topic(alias).id == topic.id, alias
    assert get_topic("horario").id == "schedule"
    assert get_topic("cost").id == "paying"  # English aliases keep working


@pytest.mark.parametrize("lang", ["en", "es"])
def test_topics_show_only_numbers_from_the_checked_list(lang: str) -> None:
    i18n.set_language(lang)
    try:
        for topic in list_topics():
            found = set(NUMBER.findall(topic.markdown())) - CHECKED_NUMBERS
            assert not found, f"{lang}/{topic.id} shows {found}"
    finally:
        i18n.set_language("en")


def test_no_phone_number_is_typed_into_a_spanish_file() -> None:
    for name in _names("es"):
        found = NUMBER.findall((topics_dir("es") / name).read_text(encoding="utf-8"))
        assert not found, f"es/{name} types {found}"


def test_spanish_topics_keep_the_key_facts(spanish: None) -> None:
    schedule = _flat(get_topic("schedule").markdown())
    for fact in ("De 3 a 5 días a la semana", "Unas 3 horas al día", "9 a 19 horas a la semana"):
        assert fact in schedule
    levels = _flat(get_topic("levels-of-care").markdown())
    assert "PHP (programa de hospitalización parcial) es el siguiente escalón" in levels
    for topic in list_topics():
        last = topic.markdown().strip().split("\n\n")[-1]
        assert "información general, no es un consejo" in _flat(last), topic.id
        assert "médico" in last, topic.id


def test_learn_lang_es_lists_the_topics_with_spanish_titles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = _learn(capsys, "--lang", "es")
    assert code == 0
    flat = " ".join(out.split())
    for title in ("¿Qué es un IOP?", "El horario típico de un IOP", "Cómo pagar un IOP"):
        assert title in flat
    assert "What is an IOP?" not in flat


def test_learn_a_topic_lang_es_shows_spanish_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _learn(capsys, "what-is-iop", "--lang", "es")
    assert code == 0
    flat = " ".join(out.split())
    assert "programa intensivo ambulatorio" in flat
    assert "Para quién es un IOP" in flat
    assert "intensive outpatient program" not in flat


def test_spanish_crisis_topic_puts_988_with_press_2_before_911_and_the_helpline(
    spanish: None,
) -> None:
    text = get_topic("emergencia").markdown()
    assert text.index("988") < text.index("oprima 2") < text.index("911")
    assert text.index("911") < text.index("1-800-662-4357")
    assert "No es una línea de crisis" in _flat(text)


def test_a_topic_missing_in_spanish_is_shown_in_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path, spanish: None
) -> None:
    english = tmp_path / "topics"
    (english / "es").mkdir(parents=True)
    for name in ("what-is-iop.md", "crisis.md"):
        (english / name).write_bytes((topics_dir() / name).read_bytes())
    (english / "es" / "crisis.md").write_bytes((topics_dir("es") / "crisis.md").read_bytes())
    monkeypatch.setattr(
        topics_module, "topics_dir", lambda lang="en": english if lang == "en" else english / lang
    )
    topics_module._load_all.cache_clear()
    try:
        titles = {t.id: t.title for t in topics_module._load_all("es")}
    finally:
        topics_module._load_all.cache_clear()
    assert titles == {"what-is-iop": "What is an IOP?", "crisis": "Ayuda en una crisis"}
