"""Rich consoles for stdout and stderr, and the one way data becomes text.

Every string that came from a file is passed through :func:`data_text`: control
characters are removed (:func:`iopguide.text.clean`) and the result is a
``rich.text.Text``, which rich never parses as markup. ``[bold]`` or
``[link=file:///etc/passwd]`` in a program name is shown literally.
"""

from __future__ import annotations

from functools import cache

from rich.console import Console
from rich.text import Text

from iopguide.text import clean


@cache
def stdout_console() -> Console:
    return Console(highlight=False, emoji=False, soft_wrap=False)


@cache
def stderr_console() -> Console:
    return Console(stderr=True, highlight=False, emoji=False, soft_wrap=False)


def data_text(value: object, style: str = "", *, single_line: bool = True) -> Text:
    """Untrusted *value* as rich Text: cleaned, never interpreted as markup."""
    if value is None:
        return Text("")
    return Text(clean(value, single_line=single_line), style=style)


def is_narrow(console: Console, threshold: int = 80) -> bool:
    return console.width < threshold
