"""Our Markdown (learn topics, a few sentences) as safe HTML, and the questions to ask a programme.

markdown-it-py (which rich already needs) with raw HTML off, tables on, and
links, autolinks and images off: a topic's ``[x](http://...)`` stays text, so
a handout never loads or points anywhere. Headings move down one level, so the
handout's own title is the only ``h1``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_BULLET = re.compile(r"^\s*[-*]\s+(.*)$")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable("table")
    parser.disable(["link", "autolink", "image", "html_inline", "html_block"])
    return parser


def block(markdown: str) -> str:
    """A topic body (its sections are ``##``, below the handout's ``h1``) as HTML."""
    return _parser().render(markdown)


def inline(markdown: str) -> str:
    """One sentence of Markdown (bold, italic, code) as HTML, everything else escaped."""
    return _parser().renderInline(markdown)


def topic_questions(topic_id: str = "finding-a-program") -> tuple[str, ...]:
    """The questions to ask a programme, as Markdown items, read from the learn topic.

    They are the bullets of the topic's last ``##`` section ("Questions to ask a
    program"), in the current language, so the handout never retypes them.
    """
    from iopguide.content.topics import get_topic

    body = get_topic(topic_id).body()
    last = body.rsplit("\n## ", 1)[-1]
    found: list[str] = []
    for line in last.splitlines():
        bullet = _BULLET.match(line)
        if bullet:
            found.append(bullet.group(1).strip())
        elif found and line.startswith("  ") and line.strip():
            found[-1] += " " + line.strip()
        elif found and not line.strip():
            break
    return tuple(found)
