"""``iopguide directory import``: published listings in, a directory file out.

The core (:mod:`iopguide.directory.importers`) reads and merges; this module
checks the arguments before any slow work, shows a progress bar on a terminal,
writes the file all-or-nothing, and prints what happened.
"""

from __future__ import annotations

import shlex
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from iopguide.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Callable

    from iopguide.directory.importers.common import ImportResult, ImportStats, ProgressCallback

#: How many unknown codes and warnings the summary lists by name.
SHOWN = 8


def run_import(source: str, files: list[Path], *, output: Path, force: bool) -> None:
    """Import *files* of kind *source* (samhsa or findtreatment) into the directory *output*."""
    from iopguide.directory.importers import SOURCES, run_importer
    from iopguide.directory.importers.tables import check_input
    from iopguide.directory.importers.writer import check_output, write_directory

    key = source.strip().lower()
    if key not in SOURCES:
        listed = "; ".join(f"{name}: {what}" for name, what in SOURCES.items())
        raise UsageError(f"Unknown source {source!r}. Choose one of: {listed}.")
    if not files:
        raise UsageError("Give at least one file to import.")
    for path in files:
        check_input(path, "file(s)")
    check_output(output, force=force)

    started = time.perf_counter()
    with _progress() as on_progress:
        result = run_importer(key, files, on_progress=on_progress)
    write_directory(output, result.info, result.programs, force=force)
    _summary(result, output, time.perf_counter() - started)


def _location_rows(stats: ImportStats, row: Callable[[str, int, str], None]) -> None:
    """How programmes were placed on the map; each kind is said only when it occurs.

    Only programmes placed at a ZIP centre get the warning that their distances are
    between ZIP centres: FindTreatment.gov pages publish real coordinates.
    """
    placements = [
        (stats.published_coordinates, "with published coordinates"),
        (
            stats.zip_centres,
            "at ZIP-code centres: distances to these are measured between "
            "ZIP centres, not street addresses",
        ),
        (
            stats.no_coordinates,
            "without coordinates (no usable ZIP centre): a search near a ZIP "
            "cannot measure a distance to them",
        ),
    ]
    label = "located"
    for count, what in placements:
        if count:
            row(label, count, what)
            label = ""


@contextmanager
def _progress() -> Iterator[ProgressCallback | None]:
    """A rich progress bar on stderr when it is a terminal; nothing otherwise."""
    from iopguide.ui.console import stderr_console

    console = stderr_console()
    if not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from iopguide.text import clean

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as progress:
        tasks: dict[str, int] = {}

        def update(label: str, done: int, total: int) -> None:
            if label not in tasks:
                # Plain text: a file name is data, never markup.
                description = clean(label).replace("[", "(").replace("]", ")")
                tasks[label] = progress.add_task(f"Reading {description}", total=total)
            progress.update(tasks[label], completed=done, total=total)

        yield update


def _summary(result: ImportResult, output: Path, seconds: float) -> None:
    """Counts in a grid whose descriptions wrap under themselves, readable at 40 columns."""
    from rich.table import Table
    from rich.text import Text

    from iopguide.ui.console import data_text, stdout_console

    console = stdout_console()
    stats = result.stats
    console.print(
        Text.assemble(
            ("Imported ", "bold"),
            (f"{stats.imported:,}", "bold"),
            (" programme into " if stats.imported == 1 else " programmes into ", "bold"),
            data_text(str(output), "bold"),
            f" in {seconds:.1f} s.",
        )
    )
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")

    def row(label: str, count: int, what: Text | str) -> None:
        grid.add_row(label, f"{count:,}", what)

    rows = "facility row" if stats.read == 1 else "facility rows"
    files = "file" if len(stats.files) == 1 else "files"
    row("read", stats.read, f"{rows} from {len(stats.files)} {files}")
    for name, edition, rows in stats.files:
        row("", rows, Text.assemble(data_text(name), " (", data_text(edition), ")"))
    across = (
        f" ({stats.merged_across_files:,} listed in more than one file)"
        if stats.merged_across_files
        else ""
    )
    row("merged", stats.merged, f"rows repeating a facility already read, folded into one{across}")
    row("flagged", stats.flagged, "programmes that serve only one group ('serves only')")
    _location_rows(stats, row)
    if stats.undated:
        row("undated", stats.undated, "programmes with no last-verified date")
    by_reason = ", by reason:" if stats.skipped else ""
    row("skipped", stats.skipped_total, f"rows not imported{by_reason}")
    for reason, count in stats.skipped.most_common():
        row("", count, reason)
    for reason, count in stats.caveats.most_common():
        row("gap", count, f"imported, but {reason}")
    if stats.unknown_codes:
        total = sum(stats.unknown_codes.values())
        row("unknown", total, f"uses of {len(stats.unknown_codes):,} codes or words left out:")
        for what, count in stats.unknown_codes.most_common(SHOWN):
            row("", count, data_text(what))
        hidden = len(stats.unknown_codes) - SHOWN
        if hidden > 0:
            grid.add_row("", "", f"... and {hidden:,} more")
    console.print(grid)
    for warning in stats.warnings[:SHOWN]:
        console.print(Text.assemble(("warning: ", "yellow"), data_text(warning)))
    for note in stats.notes:
        console.print(data_text(note), style="dim")
    quoted = shlex.quote(str(output))
    console.print(
        Text.assemble(
            ("Next: ", "bold"), data_text(f"iopguide find --directory {quoted} --zip YOUR_ZIP")
        )
    )
    console.print(
        Text.assemble("To make it the default: export IOPGUIDE_DIRECTORY=", data_text(quoted)),
        style="dim",
    )
