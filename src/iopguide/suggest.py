"""Close matches for a mistyped name among many: difflib's answer, without its cost.

``difflib.get_close_matches`` computes the full ratio of every candidate that
passes two cheap upper bounds; with a national directory's 19,000 ids and a
cutoff of 0.5 nearly all pass, and a mistyped ``show`` id took 1.6 s. Here the
candidates are tried best bound first, and the search stops once no bound left
can reach the n-th best ratio found: the same matches, in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable


def close_matches(
    word: str, possibilities: Iterable[str], n: int = 3, cutoff: float = 0.6
) -> list[str]:
    """What ``difflib.get_close_matches(word, possibilities, n, cutoff)`` returns."""
    import difflib
    import heapq

    if n <= 0:
        raise ValueError(f"n must be > 0: {n!r}")
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError(f"cutoff must be in [0.0, 1.0]: {cutoff!r}")
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    bounded = []
    for candidate in possibilities:
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() >= cutoff:
            bound = matcher.quick_ratio()
            if bound >= cutoff:
                bounded.append((bound, candidate))
    bounded.sort(reverse=True)
    best: list[tuple[float, str]] = []  # the n largest (ratio, candidate), smallest first
    for bound, candidate in bounded:
        if len(best) == n and bound < best[0][0]:
            break  # no candidate left can beat (or tie) the n-th best
        matcher.set_seq1(candidate)
        score = matcher.ratio()
        if score >= cutoff:
            if len(best) < n:
                heapq.heappush(best, (score, candidate))
            else:
                heapq.heappushpop(best, (score, candidate))
    return [candidate for _score, candidate in sorted(best, reverse=True)]
