"""Shared test set-up: keep caches out of the real home directory."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every test run gets its own cache folder (IOPGUIDE_CACHE_DIR), shared by its tests."""
    mp = pytest.MonkeyPatch()
    mp.setenv("IOPGUIDE_CACHE_DIR", str(tmp_path_factory.mktemp("iopguide-cache")))
    yield
    mp.undo()
