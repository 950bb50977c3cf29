"""Reading the directory for a command, and saying clearly when an id is not in it.

Shared by ``find``, ``show``, ``compare``, ``shortlist`` and ``notes``.
"""

from __future__ import annotations

from iopguide.directory.model import Directory
from iopguide.errors import UsageError
from iopguide.i18n import _

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from os import PathLike


def load(directory: str | PathLike[str] | None, use_cache: bool) -> Directory:
    """Load for a one-shot command, then freeze the result out of the collector's sight.

    The directory lives until this process exits; without the freeze the first
    collection walks all of it again (87 ms for a national directory), and it
    must happen before the collector is turned back on (see ``gc_pause.gc_paused``). Only
    one-shot commands do this: the guide runs on, and must not keep cycles.
    """
    from iopguide.directory.load import load_directory

    return load_directory(directory, use_cache=use_cache, freeze=True)


def unknown_id(program_id: str, directory: Directory) -> UsageError:
    from iopguide.suggest import close_matches
    from iopguide.text import clean, shorten

    close = close_matches(program_id.strip().lower(), directory.ids(), n=3, cutoff=0.5)
    given = repr(shorten(clean(program_id)))
    if close:
        message = _("No program with the id {id} in {directory}. Did you mean {close}?").format(
            id=given,
            directory=directory.info.name,
            close=_(" or ").join(repr(c) for c in close),
        )
    else:
        message = _("No program with the id {id} in {directory}.").format(
            id=given, directory=directory.info.name
        )
    return UsageError(
        message,
        hint=_("Ids are shown by 'iopguide find' (use --level any to list all levels)."),
    )
