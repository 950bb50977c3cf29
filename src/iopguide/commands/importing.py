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
from iopguide.i18n import _, ngettext

if TYPE_CHECKING:
    from collections.abc import Callable

    from iopguide.directory.importers.common import ImportResult, ImportStats, ProgressCallback

#: How many unknown codes and warnings the summary lists by name.
SHOWN = 8


def run_import(source: str, files: list[Path], *, output: Path, force: bool) -> None:
    """Import *files* of kind *source* (samhsa or findtreatment) into the directory *output*."""
    from iopguide.directory.gc_pause import gc_paused
    from iopguide.directory.importers import SOURCES, run_importer
    from iopguide.directory.importers.tables import check_input
    from iopguide.directory.importers.writer import check_output, write_directory

    key = source.strip().lower()
    if key not in SOURCES:
        listed = "; ".join(f"{s.name}: {s.description}" for s in SOURCES.values())
        raise UsageError(
            _("Unknown source {source!r}. Choose one of: {listed}.").format(
                source=source, listed=listed
            )
        )
    if not files:
        raise UsageError(_("Give at least one file to import."))
    for path in files:
        check_input(path)
    check_output(output, force=force)

    started = time.perf_counter()
    # A national import keeps about a million objects to its end and makes no cycles
    # worth collecting (its peak memory is the same without the collector), which
    # would only walk the growing heap again and again: about 0.4 s of 3.
    with gc_paused(age=True):
        with _progress() as on_progress:
            result = run_importer(key, files, on_progress=on_progress)
        write_directory(output, result.info, result.programs, force=force)
    _summary(result, output, time.perf_counter() - started)


def _location_rows(stats: ImportStats, row: Callable[[str, int, str], None]) -> None:
    """How programs were placed on the map; each kind is said only when it occurs.

    Only programs placed at a ZIP centre get the warning that their distances are
    between ZIP centres: FindTreatment.gov pages publish real coordinates.
    """
    placements = [
        (stats.published_coordinates, _("with published coordinates")),
        (
            stats.zip_centres,
            _(
                "at ZIP-code centres: distances to these are measured between "
                "ZIP centres, not street addresses"
            ),
        ),
        (
            stats.no_coordinates,
            _(
                "without coordinates (no usable ZIP centre): a search near a ZIP "
                "cannot measure a distance to them"
            ),
        ),
    ]
    label = _("located")
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
                tasks[label] = progress.add_task(
                    _("Reading {file}").format(file=description), total=total
                )
            progress.update(tasks[label], completed=done, total=total)

        yield update


def _summary(result: ImportResult, output: Path, seconds: float) -> None:
    """Counts in a grid whose descriptions wrap under themselves, readable at 40 columns."""
    from rich.table import Table
    from rich.text import Text

    from iopguide.ui.console import data_text, stdout_console

    console = stdout_console()
    stats = result.stats
    headline = ngettext(
        "Imported {count} program into {file} in {seconds} s.",
        "Imported {count} programs into {file} in {seconds} s.",
        stats.imported,
    )
    before, _sep, after = headline.partition("{file}")
    console.print(
        Text.assemble(
            (before.format(count=f"{stats.imported:,}"), "bold"),
            data_text(str(output), "bold"),
            after.format(seconds=f"{seconds:.1f}"),
        )
    )
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")

    def row(label: str, count: int, what: Text | str) -> None:
        grid.add_row(label, f"{count:,}", what)

    row(
        _("read"),
        stats.read,
        ngettext("facility row from {files}", "facility rows from {files}", stats.read).format(
            files=ngettext("{count} file", "{count} files", len(stats.files)).format(
                count=len(stats.files)
            )
        ),
    )
    for name, edition, rows in stats.files:
        row("", rows, Text.assemble(data_text(name), " (", data_text(edition), ")"))
    merged = _("rows repeating a facility already read, folded into one")
    if stats.merged_across_files:
        merged = _(
            "rows repeating a facility already read, folded into one "
            "({count} listed in more than one file)"
        ).format(count=f"{stats.merged_across_files:,}")
    row(_("merged"), stats.merged, merged)
    row(_("flagged"), stats.flagged, _("programs that serve only one group ('serves only')"))
    _location_rows(stats, row)
    if stats.undated:
        row(_("undated"), stats.undated, _("programs with no last-verified date"))
    skipped = _("rows not imported, by reason:") if stats.skipped else _("rows not imported")
    row(_("skipped"), stats.skipped_total, skipped)
    for reason, count in stats.skipped.most_common():
        row("", count, reason)
    for reason, count in stats.caveats.most_common():
        row(_("gap"), count, _("imported, but {reason}").format(reason=reason))
    if stats.unknown_codes:
        total = sum(stats.unknown_codes.values())
        row(
            _("unknown"),
            total,
            _("uses of {count} codes or words left out:").format(
                count=f"{len(stats.unknown_codes):,}"
            ),
        )
        for what, count in stats.unknown_codes.most_common(SHOWN):
            row("", count, data_text(what))
        hidden = len(stats.unknown_codes) - SHOWN
        if hidden > 0:
            grid.add_row("", "", _("... and {count} more").format(count=f"{hidden:,}"))
    console.print(grid)
    for warning in stats.warnings[:SHOWN]:
        console.print(Text.assemble((_("warning: "), "yellow"), data_text(warning)))
    for note in stats.notes:
        console.print(data_text(note), style="dim")
    quoted = shlex.quote(str(output))
    console.print(
        Text.assemble(
            (_("Next: "), "bold"),
            data_text(f"iopguide find --directory {quoted} --zip ") + _("YOUR_ZIP"),
        )
    )
    console.print(
        Text.assemble(_("To make it the default: export IOPGUIDE_DIRECTORY="), data_text(quoted)),
        style="dim",
    )
