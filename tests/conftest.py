"""Shared test set-up: the same environment on every machine, and no real cache folder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

#: Settings a developer's shell or a CI system may carry that change what iopguide
#: prints; every test starts without them (a test that needs one sets it itself).
_MACHINE_SETTINGS = (
    "IOPGUIDE_DIRECTORY",
    "IOPGUIDE_NOTES",
    "IOPGUIDE_PLAIN",
    "IOPGUIDE_DEBUG",
    "IOPGUIDE_MAX_DIRECTORY_MB",
    "IOPGUIDE_LANG",
    "IOPGUIDE_SHORTLIST",
    "NO_COLOR",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "LC_ALL",
    "LC_MESSAGES",
)


@pytest.fixture(scope="session", autouse=True)
def _same_environment_everywhere(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every run gets its own cache and data folders, an 80x24 page size and no stray settings."""
    mp = pytest.MonkeyPatch()
    mp.setenv("IOPGUIDE_CACHE_DIR", str(tmp_path_factory.mktemp("iopguide-cache")))
    mp.setenv("IOPGUIDE_DATA_DIR", str(tmp_path_factory.mktemp("iopguide-data")))
    mp.setenv("COLUMNS", "80")
    mp.setenv("LINES", "24")
    mp.setenv("LANG", "C.UTF-8")
    for name in _MACHINE_SETTINGS:
        mp.delenv(name, raising=False)
    yield
    mp.undo()


@pytest.fixture(autouse=True)
def _english_again_after_each_test() -> Iterator[None]:
    """A test that switches language (``--lang es``, the ``spanish`` fixture) never leaks it."""
    yield
    from iopguide import i18n

    i18n.set_language("en")


@pytest.fixture
def spanish() -> Iterator[None]:
    """Speak Spanish for this test (English again afterwards, by the fixture above)."""
    from iopguide import i18n

    i18n.set_language("es")
    yield
