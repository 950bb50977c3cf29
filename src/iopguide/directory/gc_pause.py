"""Pausing the cyclic garbage collector while many small objects are built."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused(*, freeze: bool = False, age: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of small objects.

    Reading and validating a directory creates containers that are all still
    alive at the end, so collections only cost time (about a third of the JSON
    path's time for a national directory) and free nothing; the same holds for
    the 42,000 ZIP-code dicts the ZIP-centre table is made from (:mod:`.geo`).
    (One-shot commands also freeze a directory afterwards: see ``commands.find``.
    A long-running guide must not, or every cycle not yet collected would be
    kept for good.) With *freeze*, what was built is moved out of the
    collector's sight before it is turned back on. With *age*, it joins the
    oldest generation unexamined instead (``freeze`` then ``unfreeze``): left
    young, the first allocation would have the collector walk it all once more,
    and it stays collectable for a caller that goes on (``directory import``:
    the tests run imports in one process). ``unfreeze`` thaws whatever else was
    frozen before too, so *age* is for a command that froze nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze or age:
            # Before the collector is back on: freezing also zeroes its count, so the
            # next allocation does not set off a collection over everything just built
            # (27 ms for a national directory, for nothing).
            gc.freeze()
            if age:
                gc.unfreeze()
        if was_enabled:
            gc.enable()
