"""``iopguide learn [TOPIC] [--markdown]``: the explanations."""

from __future__ import annotations

import sys


def run_learn(topic: str | None, *, markdown: bool) -> None:
    """List the topics, or show one; ``--markdown`` prints Markdown source and nothing else.

    An unknown topic raises UsageError (exit 2) with close matches and the list.
    """
    from iopguide.content.topics import get_topic, list_topics

    if topic is None:
        topics = list_topics()
        if markdown:
            from iopguide.ui.learn_view import topic_list_markdown

            _write(topic_list_markdown(topics))
        else:
            from iopguide.ui.learn_view import render_topic_list

            render_topic_list(topics)
        return
    found = get_topic(topic)
    if markdown:
        _write(found.markdown())
        return
    from iopguide.ui.learn_view import render_topic

    render_topic(found)


def _write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()
