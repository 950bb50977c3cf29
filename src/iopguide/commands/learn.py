"""``iopguide learn [TOPIC]``: the explanations, as a typed result for a renderer.

An unknown topic raises UsageError (exit 2) with close matches and the list.
"""

from __future__ import annotations

from iopguide.app.results import TopicReport


def run_learn(topic: str | None) -> TopicReport:
    """One topic, or (no *topic*) the list of them."""
    from iopguide.content.topics import get_topic, list_topics

    if topic is None:
        return TopicReport(topics=tuple(list_topics()))
    return TopicReport(topic=get_topic(topic))
