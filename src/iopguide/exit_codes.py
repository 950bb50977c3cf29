"""Exit statuses, documented in the README; scripts rely on them."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # success; a search with no results is a success too
    DATA_ERROR = 1  # a directory or answers file is invalid, an import failed, or output failed
    USAGE = 2  # a bad flag or value, or an answer that is missing in scripted mode
    INTERRUPTED = 130  # Ctrl-C or Ctrl-D
