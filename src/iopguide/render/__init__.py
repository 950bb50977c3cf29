"""Renderers: one interface, chosen by ``--format``; a registry, so a format is one class.

A renderer turns a typed result (:mod:`iopguide.app.results`) into output on
an :class:`~iopguide.app.environment.Environment`. It has one
``render_<kind>`` method per kind of result it can show; a kind it lacks is a
usage error that names the formats that can.

To add a format: write a module with a
:class:`Renderer` subclass decorated with :func:`register`, and name its
``module:Class`` in ``BUILT_IN`` below so it is found without being imported at start.
"""

from __future__ import annotations

import importlib

from iopguide.errors import UsageError
from iopguide.i18n import _

TYPE_CHECKING = False  # as typing.TYPE_CHECKING (type checkers take it as True), without typing

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, ClassVar

    from iopguide.app.environment import Environment

#: Built-in formats: ``module:Class`` of each, imported only when chosen.
BUILT_IN: dict[str, str] = {
    "terminal": "iopguide.render.terminal:TerminalRenderer",
    "json": "iopguide.render.json_format:JsonRenderer",
    "markdown": "iopguide.render.markdown:MarkdownRenderer",
    "html": "iopguide.render.html:HtmlRenderer",
}

DEFAULT = "terminal"

_registered: dict[str, type[Renderer]] = {}


class Renderer:
    """Show typed results in one format. Subclasses define ``render_<kind>`` methods."""

    name: ClassVar[str]
    #: Whether output in this format is laid out for a person at a terminal.
    for_people: ClassVar[bool] = False

    def render(self, result: Any, env: Environment) -> None:
        check_can_show(self, result.kind)
        getattr(self, f"render_{result.kind}")(result, env)


def check_can_show(renderer: Renderer | str, kind: str) -> None:
    """A usage error naming the formats that can, unless *renderer* shows results of *kind*.

    Commands that change a file call it before they do (``notes add -f html`` must not
    write the notes and then fail).
    """
    chosen = get(renderer) if isinstance(renderer, str) else renderer
    if hasattr(chosen, f"render_{kind}"):
        return
    able = [name for name in names() if hasattr(get(name), f"render_{kind}")]
    raise UsageError(
        _("The {format} format cannot show this result.").format(format=chosen.name),
        hint=_("Formats that can: {formats}.").format(formats=", ".join(able)),
    )


def register(cls: type[Renderer]) -> type[Renderer]:
    """Make *cls* a format that ``--format`` can choose (a class decorator)."""
    _registered[cls.name] = cls
    return cls


def names() -> list[str]:
    """Every format that can be chosen, built-in first."""
    return [*BUILT_IN, *(name for name in _registered if name not in BUILT_IN)]


def get(name: str) -> Renderer:
    """The renderer for format *name*; an unknown name is a usage error listing the known."""
    key = name.strip().lower()
    found = _registered.get(key)
    if found is None and key in BUILT_IN:
        module, _sep, cls = BUILT_IN[key].partition(":")
        found = getattr(importlib.import_module(module), cls)
    if found is None:
        raise UsageError(
            _("There is no output format called {name!r}.").format(name=name),
            hint=_("Choose one of: {formats}.").format(formats=", ".join(names())),
        )
    return found()


def choose(fmt: str | None, *, json: bool = False, markdown: bool = False) -> str:
    """The one format asked for by ``--format`` or its aliases ``--json`` and ``--markdown``."""
    asked = {name for name, on in (("json", json), ("markdown", markdown)) if on}
    if fmt is not None:
        asked.add(fmt.strip().lower())
    if len(asked) > 1:
        raise UsageError(
            _("Choose one output format, not {formats}.").format(formats=", ".join(sorted(asked)))
        )
    return asked.pop() if asked else DEFAULT


def emit(
    result: Any,
    env: Environment,
    fmt: str = DEFAULT,
    *,
    output: Path | None = None,
    force: bool = False,
) -> None:
    """Render *result* in *fmt* to stdout, or to *output* (all or nothing, never replacing
    an existing file unless *force*)."""
    renderer = get(fmt)
    if output is None:
        renderer.render(result, env)
        return
    import io

    from iopguide.io.atomic import write_file

    buffer = io.StringIO()
    renderer.render(result, env.writing_to(buffer))
    try:
        write_file(output, buffer.getvalue(), overwrite=force)
    except FileExistsError:
        raise UsageError(
            _("{file} already exists; nothing was written.").format(file=output),
            hint=_("Add --force to replace it, or choose another --output file."),
        ) from None
