"""One Environment per run: the streams, what they are, and how output should look.

Built once (:func:`iopguide.cli.run` through the root command) and passed to
everything that prints; a test builds one with :meth:`Environment.for_buffer`.
Consoles are made lazily, so a run that prints JSON never imports rich.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing
if TYPE_CHECKING:
    from pathlib import Path
    from typing import IO, Any

    from rich.console import Console


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _plain_setting(environ: os._Environ[str] | dict[str, str]) -> bool:
    """``IOPGUIDE_PLAIN`` set to anything but empty or 0: a theme with no styles."""
    return environ.get("IOPGUIDE_PLAIN", "").strip() not in ("", "0")


class Environment:
    """Where output goes and how it looks; one per run."""

    def __init__(
        self,
        stdout: IO[str],
        stderr: IO[str],
        stdout_isatty: bool,
        stderr_isatty: bool,
        plain: bool,
        encoding: str,
        language: str,
        directory: Path | None = None,
        width: int | None = None,
    ) -> None:
        self.stdout = stdout
        self.stderr = stderr
        self.stdout_isatty = stdout_isatty
        self.stderr_isatty = stderr_isatty
        self.plain = plain
        self.encoding = encoding
        self.language = language
        self.directory = directory
        self.width = width
        self._consoles: dict[str, Console] = {}

    @classmethod
    def from_process(cls) -> Environment:
        """The environment of this process: its real streams and settings."""
        from iopguide import i18n

        stdout, stderr = sys.stdout, sys.stderr
        return cls(
            stdout=stdout,
            stderr=stderr,
            stdout_isatty=_isatty(stdout),
            stderr_isatty=_isatty(stderr),
            plain=_plain_setting(os.environ),
            encoding=getattr(stdout, "encoding", None) or "utf-8",
            language=i18n.current(),
        )

    @classmethod
    def for_buffer(cls, buffer: IO[str], *, plain: bool = True, width: int = 80) -> Environment:
        """An environment that prints into *buffer*, not a terminal (tests, ``--output``)."""
        from iopguide import i18n

        return cls(
            stdout=buffer,
            stderr=sys.stderr,
            stdout_isatty=False,
            stderr_isatty=_isatty(sys.stderr),
            plain=plain,
            encoding="utf-8",
            language=i18n.current(),
            width=width,
        )

    def writing_to(self, buffer: IO[str]) -> Environment:
        """This environment with stdout replaced by *buffer* (a file being written)."""
        return Environment(
            stdout=buffer,
            stderr=self.stderr,
            stdout_isatty=False,
            stderr_isatty=self.stderr_isatty,
            plain=self.plain,
            encoding="utf-8",
            language=self.language,
            directory=self.directory,
            width=self.width,
        )

    @property
    def console(self) -> Console:
        """The rich console for stdout, made on first use."""
        return self._console("stdout")

    @property
    def error_console(self) -> Console:
        """The rich console for stderr, made on first use."""
        return self._console("stderr")

    def _console(self, which: str) -> Console:
        found = self._consoles.get(which)
        if found is None:
            from iopguide.ui.console import make_console

            options: dict[str, Any] = {
                "file": self.stdout if which == "stdout" else self.stderr,
                "plain": self.plain,
            }
            if self.width is not None:
                options["width"] = self.width
            found = self._consoles[which] = make_console(**options)
        return found

    def write(self, text: str) -> None:
        """Write *text* to stdout as it is, ending in one newline."""
        self.stdout.write(text if text.endswith("\n") else text + "\n")
        self.stdout.flush()
