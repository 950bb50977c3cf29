"""Where iopguide keeps its caches. It never writes anywhere else unless asked.

Paths are text, not ``pathlib.Path``: a search does not import pathlib (see
:mod:`iopguide.directory.shipped`).
"""

from __future__ import annotations

import os


def cache_dir() -> str:
    """The per-user cache folder; ``IOPGUIDE_CACHE_DIR`` overrides it (tests, read-only homes).

    ``~`` in the variable means the home folder, as in a shell: a quoted
    ``IOPGUIDE_CACHE_DIR='~/c'`` must not make a folder called ``~``.
    """
    override = os.environ.get("IOPGUIDE_CACHE_DIR")
    if override:
        return os.path.abspath(os.path.expanduser(override))
    from platformdirs import user_cache_dir

    return user_cache_dir("iopguide", appauthor=False)


def private_cache_dir(*parts: str) -> str | None:
    """The cache folder (or one inside it), private and ours, or None when none is safe.

    See :mod:`iopguide.io.private`: a folder another user could write to is not used.
    """
    from iopguide.io.private import private_folder

    root = private_folder(cache_dir())
    if root is None or not parts:
        return root
    return private_folder(os.path.join(root, *parts))


def cache_secret() -> bytes | None:
    """The key that signs this user's cache entries (see :func:`iopguide.io.private.secret_key`)."""
    from iopguide.io.private import secret_key

    root = private_cache_dir()
    return None if root is None else secret_key(root)


def data_dir() -> str:
    """The per-user data folder (the shortlist); ``IOPGUIDE_DATA_DIR`` overrides it.

    Nothing is written there unless the person asks (``iopguide shortlist add``).
    """
    override = os.environ.get("IOPGUIDE_DATA_DIR")
    if override:
        return os.path.abspath(os.path.expanduser(override))
    from platformdirs import user_data_dir

    return user_data_dir("iopguide", appauthor=False)
