"""Saving the guided session's summary: where, whether to replace, and what went wrong.

Any name a person types may be unusable (a folder, a NUL, ``~nosuchuser``, a
folder that is not there, a file that appears meanwhile): each is a reason to
ask again or not to save, never the end of the session. The file is written
through :func:`iopguide.io.atomic.write_file` (private, whole or not at all).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from iopguide.i18n import _


class SaveDialog:
    """Ask where a summary goes and write it there; ``save`` returns the path, or None."""

    def __init__(
        self,
        select: Callable[[str, list[tuple[str, str]]], str],
        text: Callable[..., str],
        console: Any,
    ) -> None:
        self._ask_select = select
        self._ask_text = text
        self.console = console
        #: Set the moment the file is written (a Ctrl-C after that must not say "nothing saved").
        self.saved: Path | None = None

    def save(self, text: str, suggestion: str) -> Path | None:
        """Write *text* where the person says (first suggesting *suggestion*)."""
        from iopguide.io.atomic import write_file
        from iopguide.ui.guide_view import render_note, render_saved

        while True:
            raw = self._ask_text(
                _("Where should it go? A file name or path:"), default=suggestion
            ).strip()
            if not raw:
                if self._give_up(_("You didn't give a file name.")):
                    return None
                continue
            path, problem, exists = save_target(raw)
            if path is None or problem:
                suggestion = raw
                if self._give_up(problem or _("That name cannot be used.")):
                    return None
                continue
            overwrite = False
            if exists:
                picked = self._ask_select(
                    _("There is already a file called {name}. What would you like to do?").format(
                        name=path.name
                    ),
                    [
                        (_("Choose another name"), "other"),
                        (_("Replace it"), "replace"),
                        (_("Don't save"), "cancel"),
                    ],
                )
                if picked == "cancel":
                    render_note(self.console, _("Nothing was saved."))
                    return None
                if picked == "other":
                    suggestion = str(free_name(path))
                    continue
                overwrite = True
            try:
                write_file(path, text, overwrite=overwrite)
            except FileExistsError:
                suggestion = raw
                continue  # created meanwhile: the next round asks before replacing it
            except (OSError, ValueError) as err:
                suggestion = raw
                reason = getattr(err, "strerror", None) or _("the file could not be written")
                if self._give_up(_("It could not be saved there: {reason}.").format(reason=reason)):
                    return None
                continue
            self.saved = path
            render_saved(self.console, str(path))
            return path
        return None  # not reached: the loop returns

    def _give_up(self, problem: str) -> bool:
        """Say what went wrong; True when the person would rather not save after all."""
        from iopguide.ui.guide_view import render_note

        render_note(self.console, problem)
        picked = self._ask_select(
            _("What would you like to do?"),
            [(_("Try another name"), "retry"), (_("Don't save"), "cancel")],
        )
        if picked == "cancel":
            render_note(self.console, _("Nothing was saved."))
            return True
        return False


def free_name(path: Path) -> Path:
    """*path* with -2, -3 ... before the suffix: the first name not yet taken."""
    for number in range(2, 1000):
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        try:
            if not (candidate.exists() or candidate.is_symlink()):
                return candidate
        except (OSError, ValueError):  # a name one character too long, say
            return path
    return path


def save_target(raw: str) -> tuple[Path | None, str | None, bool]:
    """The path *raw* names, why it cannot take a new file, and whether a file is there.

    A name too long, a folder that may not be read, ``~nosuchuser/...`` or a NUL
    in a pasted name is a reason to ask again, never the end of the session.
    """
    from iopguide.text import clean, shorten

    if "\0" in raw:
        return None, _("That name cannot be used: it has a NUL character in it."), False
    try:
        path = Path(raw).expanduser()
    except RuntimeError:  # ~name for a user there is no home folder for
        user = raw.split("/", 1)[0]
        return (
            None,
            _("There is no home folder for {user}.").format(user=clean(shorten(user))),
            False,
        )
    try:
        problem = path_problem(path)
        exists = problem is None and (path.exists() or path.is_symlink())
    except (OSError, ValueError) as err:
        reason = getattr(err, "strerror", None) or _("it is not a name a file can have")
        return path, _("That name cannot be used: {reason}.").format(reason=clean(reason)), False
    return path, problem, exists


def path_problem(path: Path) -> str | None:
    """Why *path* cannot take a new file, in plain words; None when it can."""
    from iopguide.text import clean

    if path.is_dir():
        return _("{path} is a folder. Please add a file name, like iopguide-summary.md.").format(
            path=clean(str(path))
        )
    parent = path.parent
    if not parent.is_dir():
        return _("There is no folder called {path}.").format(path=clean(str(parent)))
    return None
