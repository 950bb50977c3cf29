"""The fast path's memory within a file: what it remembers never vouches for anything else."""

from __future__ import annotations

from iopguide.directory.validate import _Checker
from test_validate import HEADER, problems_of, program


def test_a_list_accepted_once_does_not_vouch_for_a_like_list_with_other_items():
    """The fast path remembers whole lists it accepted; a list of other items is checked anew."""
    checker = _Checker("f")
    base = {"id": "a", "name": "A", "levels": ["iop"], "conditions": ["anxiety"]}
    first = checker.fast_program({**base, "payment": ["medicaid", "self_pay"]}, 1)
    again = checker.fast_program({**base, "payment": ["self_pay", "medicaid"]}, 2)
    assert first is not None and again is not None
    assert first.payment == again.payment == ("medicaid", "self_pay")
    for payment in (["medicaid", ["self_pay"]], ["medicaid", {"a": 1}], ["medicaid", 1], "nope"):
        assert checker.fast_program({**base, "payment": payment}, 3) is None
    assert checker.fast_program({**base, "payment": "medicaid"}, 4).payment == ("medicaid",)


def test_one_bad_list_among_programs_repeating_it_is_reported_once():
    repeated = "    payment: [medicaid]\n"
    text = (
        HEADER
        + program(repeated, id_="a-iop")
        + program("    payment: [medicaid, [x]]\n", id_="b-iop")
        + program(repeated, id_="c-iop")
    )
    found = problems_of(text)
    assert [p.program_id for p in found] == ["b-iop"]


def test_equal_texts_and_lists_accepted_by_the_fast_path_are_one_object():
    """So a directory in memory holds each once, and an index block writes each once."""
    checker = _Checker("f")
    base = {"id": "a", "name": "A", "levels": ["iop"], "conditions": ["anxiety"]}
    made = [
        checker.fast_program(
            {
                **base,
                "id": pid,
                "source": "".join(["SAMHSA ", "2022"]),  # equal texts, built apart
                "serves_only": [" ".join(["Veterans", "only"])],
                "payment": payment,
                "location": {"city": "".join(["Louis", "ville"])},
            },
            1,
        )
        for pid, payment in (("a", ["medicaid", "self_pay"]), ("b", ["self_pay", "medicaid"]))
    ]
    first, second = made
    assert first.source == "SAMHSA 2022" and first.source is second.source
    assert first.serves_only == ("Veterans only",) and first.serves_only is second.serves_only
    assert first.payment is second.payment
    assert first.location.city is second.location.city
