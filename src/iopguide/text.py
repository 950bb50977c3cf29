"""Make text from data files safe to show in a terminal.

Directory files are untrusted: a name may carry ANSI escape sequences, C1
controls or bidirectional overrides that rewrite what the person sees. Every
string from a file goes through :func:`clean` before it is displayed or quoted
in an error message. (Rich markup is neutralised separately, in the UI layer,
by wrapping text in ``rich.text.Text`` instead of parsing it.)
"""

from __future__ import annotations

import re

# C0 controls except TAB and LF, DEL, C1 controls, and the bidi/invisible format
# characters that can reorder or hide text (Trojan Source, CVE-2021-42574).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_LINE_BREAKS = re.compile(r"[\r\n\t\u2028\u2029]+")


def clean(value: object, *, single_line: bool = True) -> str:
    """Return *value* as text with control and bidi characters removed.

    Removed characters are replaced by U+FFFD so that tampering stays visible.
    With *single_line*, line breaks and tabs become single spaces.
    """
    text = value if isinstance(value, str) else str(value)
    if single_line:
        text = _LINE_BREAKS.sub(" ", text)
    return _UNSAFE.sub("\ufffd", text)


def shorten(text: str, limit: int = 60) -> str:
    """Cut *text* for an error message, marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def serves_only_text(groups: tuple[str, ...]) -> str:
    """Who a programme serves only, joined, each phrase in the reader's language.

    The importers write these phrases in English from SAMHSA's codes and each is a
    catalogue entry; free text a directory file wrote itself stays as written.
    """
    from iopguide.i18n import _

    return "; ".join(_(group) for group in groups)
