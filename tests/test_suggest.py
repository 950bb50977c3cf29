"""close_matches gives difflib.get_close_matches's answer, whatever the candidates."""

from __future__ import annotations

import difflib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iopguide.suggest import close_matches

_IDS = st.text(alphabet="abcde-0123", max_size=12)


@settings(max_examples=400, deadline=None)
@given(
    _IDS,
    st.lists(_IDS, max_size=40),
    st.integers(1, 4),
    st.sampled_from([0.0, 0.3, 0.5, 0.6, 0.75, 1.0]),
)
def test_the_same_matches_in_the_same_order_as_difflib(
    word: str, candidates: list[str], n: int, cutoff: float
) -> None:
    assert close_matches(word, candidates, n, cutoff) == difflib.get_close_matches(
        word, candidates, n, cutoff
    )


def test_a_mistyped_id_among_many_finds_the_one_meant() -> None:
    ids = [f"program-{number}-{number * 7919 % 100000:05d}" for number in range(20_000)]
    meant = ids[12_345]
    typo = meant.replace("-", "", 1)
    assert close_matches(typo, ids, 3, 0.5)[0] == meant
    assert close_matches(typo, ids, 3, 0.5) == difflib.get_close_matches(typo, ids, 3, 0.5)


@pytest.mark.parametrize(("n", "cutoff"), [(0, 0.5), (3, -0.1), (3, 1.5)])
def test_the_same_refusals_as_difflib(n: int, cutoff: float) -> None:
    with pytest.raises(ValueError):
        difflib.get_close_matches("a", ["a"], n, cutoff)
    with pytest.raises(ValueError):
        close_matches("a", ["a"], n, cutoff)
