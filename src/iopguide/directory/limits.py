"""How big a directory file may be, and the message when one is bigger."""

from __future__ import annotations

import os

from iopguide.errors import DataError, Problem, UsageError
from iopguide.text import clean, shorten

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing

if TYPE_CHECKING:
    # Imported where used: a search served from the cache never parses or validates,
    # and these modules cost about a fifth of iopguide's own import time.
    pass


#: The largest directory file read by default: generous enough for a national
#: directory (about 20 MB as JSON for every US facility), small enough that a
#: wrong file (a disk image, a log) is refused before it is read.
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
MAX_BYTES_ENV = "IOPGUIDE_MAX_DIRECTORY_MB"
MB = 1024 * 1024
#: A terabyte: more than any directory, and a number every read can still take.
MAX_MB = 1_000_000


def max_directory_bytes() -> int:
    """The size limit in bytes: ``$IOPGUIDE_MAX_DIRECTORY_MB`` megabytes, or the default."""
    setting = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not setting:
        return DEFAULT_MAX_BYTES
    try:
        megabytes = float(setting)
    except ValueError:
        megabytes = -1.0
    if not 0 < megabytes <= MAX_MB or int(megabytes * MB) < 1:  # also refuses NaN
        raise UsageError(
            f"{MAX_BYTES_ENV} must be a number of megabytes from one byte's worth to "
            f"{MAX_MB:,}; it is {clean(shorten(setting, 40))!r}.",
            hint=f"For example: export {MAX_BYTES_ENV}=200",
        )
    return int(megabytes * MB)


def size_text(count: int) -> str:
    if count >= MB:
        return f"{count / MB:,.1f} MB".replace(".0 MB", " MB")
    return f"{count:,} bytes"


def too_big(filename: str, size: int, limit: int) -> DataError:
    return DataError(
        [
            Problem(
                file=filename,
                message=(
                    f"The file is {size_text(size)}, over the {size_text(limit)} limit for a "
                    f"directory file, so it was not read."
                ),
                hint=f"If the file is right, raise the limit in megabytes, e.g. "
                f"{MAX_BYTES_ENV}={max(200, 2 * (size // MB + 1))}.",
            )
        ]
    )
