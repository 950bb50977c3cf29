"""Where iopguide keeps its caches. It never writes anywhere else unless asked."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """The per-user cache folder; ``IOPGUIDE_CACHE_DIR`` overrides it (tests, read-only homes)."""
    override = os.environ.get("IOPGUIDE_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("iopguide", appauthor=False))
