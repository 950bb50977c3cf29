"""Where the directories shipped with iopguide are: the national one and the sample.

Paths here are text (``os.path``), not ``pathlib.Path``: a search does not
import pathlib, which costs it about 2 ms (urllib.parse and ipaddress with it).
Any function taking a path takes text or a ``Path``.
"""

from __future__ import annotations

import os

_HERE = os.path.dirname(os.path.abspath(__file__))


def _shipped(name: str) -> str:
    """A data file inside the installed package, or in the repository's data/ folder.

    The wheel puts data/ inside the package (``iopguide/data/``), where
    ``importlib.resources.files("iopguide")`` would find it too; a plain path check
    gives the same answer without importing importlib.resources and zipfile (a few
    milliseconds on every search).
    """
    shipped = os.path.join(os.path.dirname(_HERE), "data", name)
    if os.path.isfile(shipped):
        return shipped
    # Editable install / source checkout: <repo>/src/iopguide/directory/shipped.py -> <repo>/data
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(_HERE))))
    return os.path.join(repo, "data", name)


def builtin_directory_path() -> str:
    """The directory used by default: SAMHSA's National Directory, shipped compressed."""
    from iopguide.directory.national import FILE_NAME

    return _shipped(FILE_NAME)


def sample_directory_path() -> str:
    """The fictional sample directory (``--sample`` or ``--directory sample``)."""
    from iopguide.directory.national import SAMPLE_FILE_NAME

    return _shipped(SAMPLE_FILE_NAME)


def resolve_directory(path: str | os.PathLike[str] | None) -> str | None:
    """*path* as text; ``sample`` (when no such file exists) means the built-in sample."""
    from iopguide.directory.national import SAMPLE_NAME

    if path is None:
        return None
    text = os.fspath(path)
    if text.strip().lower() == SAMPLE_NAME and not os.path.exists(text):
        return sample_directory_path()
    return text
