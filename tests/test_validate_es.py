"""`iopguide directory validate --lang es`: a broken directory file explained in Spanish."""

from __future__ import annotations

from pathlib import Path

import pytest

from iopguide.cli import run

BROKEN = (
    "directory:\n  name: My directory\nprograms:\n"
    "  - id: a-iop\n    levels: iop\n    conditions: anxiety\n    payment: medicad\n"
)


def _validate(file: Path, capsys: pytest.CaptureFixture[str], *lang: str) -> str:
    assert run(["directory", "validate", str(file), *lang]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return " ".join(captured.err.split())  # rich wraps long lines


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    file = tmp_path / "broken.yaml"
    file.write_text(BROKEN)
    return file


def test_missing_field_and_unknown_value_in_spanish(broken: Path, capsys):
    err = _validate(broken, capsys, "--lang", "es")
    assert "Falta el campo obligatorio 'name'." in err
    assert "'medicad' no es una forma de pago. ¿Quiso decir 'medicaid'?" in err
    assert "Valores válidos:" in err
    assert "programa 'a-iop', campo 'payment'" in err  # ids and field names stay as written
    assert "No se puede usar" in err and "se encontraron 2 problemas" in err


def test_the_same_problems_stay_in_english_without_lang(broken: Path, capsys):
    err = _validate(broken, capsys)
    assert "The required field 'name' is missing." in err
    assert "'medicad' is not a payment type. Did you mean 'medicaid'?" in err
    assert "program 'a-iop', field 'payment'" in err
    assert "2 problems found" in err
    assert "Falta" not in err


SPANISH, ENGLISH = ["--lang", "es"], []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (SPANISH, "El archivo no es YAML válido (línea 3, columna"),
        (ENGLISH, "The file is not valid YAML (line 3, column"),
    ],
)
def test_yaml_syntax_error(tmp_path: Path, capsys, lang: list[str], expected: str):
    file = tmp_path / "bad.yaml"
    file.write_text("directory:\n  name: [unclosed\nprograms: []\n")
    assert expected in _validate(file, capsys, *lang)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (SPANISH, "El archivo está vacío. Un archivo de directorio empieza con"),
        (ENGLISH, "The file is empty. A directory file starts with"),
    ],
)
def test_empty_file(tmp_path: Path, capsys, lang: list[str], expected: str):
    file = tmp_path / "empty.yaml"
    file.write_text("\n")
    assert expected in _validate(file, capsys, *lang)


def test_files_that_cannot_be_read_are_explained_in_spanish(tmp_path: Path, capsys):
    utf16 = tmp_path / "utf16.yaml"
    utf16.write_bytes("directory:\n".encode("utf-16"))
    err = _validate(utf16, capsys, "--lang", "es")
    assert "El archivo es texto UTF-16; un archivo de directorio debe ser UTF-8." in err
    anchors = tmp_path / "anchors.yaml"
    anchors.write_text("directory: &d\n  name: x\nprograms: *d\n")
    err = _validate(anchors, capsys, "--lang", "es")
    assert "No se permite un ancla (&d) en un archivo de directorio." in err
    assert "No se permite un alias (*d) en un archivo de directorio." in err
