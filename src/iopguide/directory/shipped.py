"""Where the directories shipped with iopguide are: the national one and the sample."""

from __future__ import annotations

from pathlib import Path


def _shipped(name: str) -> Path:
    """A data file inside the installed package, or in the repository's data/ folder.

    The wheel puts data/ inside the package (``iopguide/data/``), where
    ``importlib.resources.files("iopguide")`` would find it too; a plain path check
    gives the same answer without importing importlib.resources and zipfile (a few
    milliseconds on every search).
    """
    shipped = Path(__file__).parent.parent / "data" / name
    if shipped.is_file():
        return shipped
    # Editable install / source checkout: <repo>/src/iopguide/directory/shipped.py -> <repo>/data
    return Path(__file__).resolve().parents[3] / "data" / name


def builtin_directory_path() -> Path:
    """The directory used by default: SAMHSA's National Directory, shipped compressed."""
    from iopguide.directory.national import FILE_NAME

    return _shipped(FILE_NAME)


def sample_directory_path() -> Path:
    """The fictional sample directory (``--sample`` or ``--directory sample``)."""
    from iopguide.directory.national import SAMPLE_FILE_NAME

    return _shipped(SAMPLE_FILE_NAME)


def resolve_directory(path: Path | None) -> Path | None:
    """``sample`` (when no such file exists) means the built-in sample directory."""
    from iopguide.directory.national import SAMPLE_NAME

    if path is not None and str(path).strip().lower() == SAMPLE_NAME and not path.exists():
        return sample_directory_path()
    return path
