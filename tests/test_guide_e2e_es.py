"""The guided flow in Spanish in a real pseudo-terminal, at 40 and 80 columns.

The person picks "Español" on the first screen; from then on every screen is in
Spanish, the danger answer leads to 988 with "oprima 2", and a search near San
Juan (00901) reads in Spanish. Text wraps differently at each width, so phrases
are matched with any whitespace between their words.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

from pty_session import DOWN, ENTER, UP, read_on, spawn_iopguide  # noqa: E402

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal"),
]

#: What may stand between two words of one phrase: spaces, a line break, a box side, styles.
_GAP = r"(?:\s|│|\x1b\[[0-9;?]*[A-Za-z])+"
CHOOSE = _GAP.join([r"\(use", "las", "flechas", "y", "luego", r"Enter\)"])
READ_ON = _GAP.join(["Oprima", "Enter", "para", "seguir", "leyendo", r"\(parte", r"(\d+)", "de"])


def words(phrase: str) -> str:
    """A pattern for *phrase* however the window wraps it (and styles each line)."""
    return _GAP.join(re.escape(word) for word in phrase.split())


def choose(child: pexpect.spawn, keys: str) -> None:
    child.expect(CHOOSE)
    child.send(keys + ENTER)


def in_spanish(folder: Path, columns: int) -> pexpect.spawn:
    child = spawn_iopguide([], columns, cwd=folder)
    child.expect("Welcome to iopguide")
    child.expect(words("Español (ver la guía en español)"))
    child.send(DOWN * 2 + ENTER)
    child.expect("Le damos la bienvenida a iopguide")
    child.expect(words("oprima 2 para español"))
    child.expect(words("¿Quiere empezar?"))
    choose(child, "")  # Empezar las preguntas
    return child


@pytest.mark.parametrize("columns", [40, 80])
def test_the_danger_answer_in_spanish_gives_988_press_2_first(tmp_path: Path, columns: int) -> None:
    child = in_spanish(tmp_path, columns)
    child.expect("Pregunta 1 de 9")
    choose(child, DOWN)  # Sí
    child.expect("Busque ayuda ahora")
    child.expect("988")
    child.expect(words("oprima 2 para español"))
    child.expect("911")
    read_on(child, words("¿Qué le gustaría hacer ahora?"), READ_ON)
    choose(child, DOWN * 2)  # Terminar
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("columns", [40, 80])
def test_the_whole_flow_in_spanish_finds_programs_near_san_juan(
    tmp_path: Path, columns: int
) -> None:
    child = in_spanish(tmp_path, columns)
    # No; No; No; Ninguna por ahora; No (necesito más); Mucho; Sí (hogar); Sí (tiempo)
    for keys in [DOWN * 2, DOWN, DOWN, "", DOWN, DOWN * 2, "", ""]:
        choose(child, keys)
    child.expect("Pregunta 9 de 9")
    child.expect(words("Depresión o ánimo bajo"))
    child.send(" " + ENTER)  # Depresión
    child.expect(words("¿Está todo bien?"))
    child.send(ENTER)
    choose(child, "")  # no check-in
    child.expect(words("Un programa intensivo ambulatorio (IOP)"))
    read_on(child, words("¿Le gustaría leer más sobre los IOP?"), READ_ON)
    choose(child, "")  # No, gracias. Seguir
    child.expect(words("¿Le gustaría buscar programas"))
    choose(child, "")  # Sí
    child.expect(words("¿Para quién es la atención?"))
    choose(child, DOWN * 3)  # Un adulto
    child.expect(words("Enter para saltar"))
    child.send("00901" + ENTER)
    child.expect(words("¿Cómo pagaría el tratamiento?"))
    choose(child, "")  # No sé
    child.expect("San Juan")
    child.expect(words("millas de 00901"))
    child.expect(words("Aparece en el Directorio Nacional de SAMHSA"))
    child.expect(words("¿Qué le gustaría hacer?"))
    choose(child, UP)  # Ya terminé de ver programas
    child.expect(words("guardar un resumen"))
    choose(child, "")  # No, gracias
    child.expect(words("No se guardó nada de hoy"))
    choose(child, "")  # Terminar
    child.expect(pexpect.EOF)
    child.close()
    before = child.before or ""
    assert "Traceback" not in before
    assert child.exitstatus == 0
    assert list(tmp_path.iterdir()) == []
