"""Reading a danger_now answer so that a "yes" is never lost (issue 10, item 4).

Any answer that reads as yes is yes, however it is written (``YES!``,
``“yes”``, ``y``, ``true``, ``1``), and two different answers to the question
are a conflict, which counts as danger. :func:`danger_in_text` finds either in
text that cannot be parsed at all (a duplicate key, a syntax error, a file
over the 64 KB parsing limit), so crisis help still comes first.
"""

from __future__ import annotations

import re

#: How far a file too big (or too broken) to parse is still read for a danger_now answer:
#: a "yes" after 64 KB of comments must still bring crisis help.
MAX_SCAN_BYTES = 4 * 1024 * 1024

#: Other ways of writing yes and no (after the choice values and aliases).
TRUE_WORDS = {"true", "y", "on", "1", "yeah", "yep"}
FALSE_WORDS = {"false", "n", "off", "0"}
#: Quotes (straight and typographic) and punctuation around an answer are not part of it:
#: ``"YES!"``, ``Yes.`` and ``“yes”`` all say yes.
_WRAPPING = "\"'“”‘’«»„‚`.!?,;:() \t"


def tidy(text: str) -> str:
    """*text* without the quotes, punctuation and spaces around it."""
    return text.strip(_WRAPPING)


def reads_as_yes(raw: object) -> bool:
    """Whether an answer to a yes/no question says yes, however it is written.

    For danger_now any doubt counts as danger, so this is generous: ``YES!``,
    ``“yes”``, ``y``, ``true``, ``on``, ``1``, a YAML/JSON true or the number 1.
    """
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int):
        return raw == 1
    if isinstance(raw, str):
        word = tidy(raw[:100]).lower()
        return word == "yes" or word in TRUE_WORDS
    return False


def danger_word(raw: object) -> str:
    """A danger_now answer reduced to yes, no or its tidied text, to compare answers."""
    if reads_as_yes(raw):
        return "yes"
    if raw is False or raw == 0:
        return "no"
    if isinstance(raw, str):
        word = tidy(raw[:100]).lower()
        return "no" if word == "no" or word in FALSE_WORDS else word
    return repr(type(raw))


# danger_now answered on a line, in YAML (block or flow) or JSON: the key at the start
# of a line or after "{" or ",", any case and spelling of the key, the value quoted
# (straight or typographic quotes) or not.
_DANGER_ANSWER = re.compile(
    r"""(?:^|[{,])\s*(?:-\s+)?(["']?)danger[ _-]?now\1\s*:\s*"""
    r"""(?P<value>"[^"]*"|'[^']*'|“[^”]*”|‘[^’]*’|[^,}\s][^,}]*?)"""
    r"""\s*(?=[,}]|$)""",
    re.IGNORECASE,
)


def _without_comment(line: str) -> str:
    """*line* up to a YAML comment: a "#" at its start or after a space, outside quotes.

    A quote opens a string only where a value can start (so ``don't`` opens none);
    JSON strings are double-quoted, so a "#" in them is kept too.
    """
    quote = ""
    previous = " "
    index = 0
    while index < len(line):
        char = line[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1  # skip the escaped character
            elif char == quote:
                quote = ""
        elif char in "\"'" and (previous.isspace() or previous in "{[,:"):
            quote = char
        elif char == "#" and previous.isspace():
            return line[:index]
        previous = char
        index += 1
    return line


def danger_in_text(text: str) -> bool:
    """Whether *text* answers danger_now with yes, or answers it twice differently.

    Read without parsing, for answers that cannot be parsed (a duplicate key, a
    syntax error further down, a file over 64 KB): the person may still be in
    danger and must be shown help. Comments are ignored; ``danger_now: no`` is
    not yes, but ``no`` and then anything else is a conflict, and any doubt
    about danger counts as danger.
    """
    said: set[str] = set()
    for line in text[: MAX_SCAN_BYTES + 1].splitlines():
        if "anger" not in line.lower():
            continue
        for match in _DANGER_ANSWER.finditer(_without_comment(line)):
            word = danger_word(match.group("value"))
            if word == "yes":
                return True
            said.add(word)
    return len(said) > 1
