"""The console-script entry point.

``iopguide --version`` answers before typer is imported: typer alone costs
about six times a bare interpreter start (measured in bench/, see
docs/performance.md), and a version check should not pay for it.
"""

from __future__ import annotations

import sys

from iopguide import __version__


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if args in (["--version"], ["-V"]):
        print(f"iopguide {__version__}")
        return 0
    from iopguide.cli import run

    return run(args)
