"""A result's next steps: text a person reads, some of them naming an iopguide command."""

from __future__ import annotations


class Step(str):
    """A next step as a person reads it; ``command`` is the iopguide command line it names.

    A ``str``, so every view and the JSON show it as before; views that do the
    command for the person (the guided flow, the handout) leave such steps out
    by :func:`steps_for_people`, instead of looking for "iopguide " in the text.
    """

    command: str | None

    def __new__(cls, text: str, command: str | None = None) -> Step:
        step = super().__new__(cls, text)
        step.command = command
        return step

    def replace(self, old: str, new: str, count: int = -1) -> Step:  # type: ignore[override]
        """The same step with *old* replaced in its text and its command (still a Step)."""
        command = None if self.command is None else self.command.replace(old, new, count)
        return Step(str.replace(self, old, new, count), command)


def steps_for_people(steps: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The steps that are not iopguide command lines."""
    return tuple(step for step in steps if getattr(step, "command", None) is None)
