"""Where the directories shipped with iopguide are: the national one and the sample."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Imported where used: a search served from the cache never parses or validates,
    # and these modules cost about a fifth of iopguide's own import time.
    pass


def _shipped(name: str) -> Path:
    """A data file inside the installed package, or in the repository's data/ folder."""
    from importlib.resources import files

    try:
        shipped = files("iopguide") / "data" / name
        if shipped.is_file():
            return Path(str(shipped))
    except (ModuleNotFoundError, OSError, TypeError):  # pragma: no cover - odd installs
        pass
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
