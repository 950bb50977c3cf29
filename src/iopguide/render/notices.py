"""Notices every renderer for people gives alongside a result, on stderr."""

from __future__ import annotations

from iopguide.i18n import _

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from iopguide.directory.model import DirectoryInfo


def sample_notice(info: DirectoryInfo) -> None:
    """Say so on stderr whenever the fictional sample directory is in use."""
    if info.sample:
        from iopguide.ui.messages import notice

        notice(
            _(
                "These are SAMPLE programs (fictional, for demos): do not call them. Leave out "
                "--sample (or the 'sample' directory) to search SAMHSA's National Directory."
            ),
            style="yellow",
        )
