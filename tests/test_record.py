"""Records (iopguide/record.py): the hand-written value classes behave as the dataclasses did."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import iopguide
from iopguide.directory.filter_table import Filters
from iopguide.directory.model import Contact, Location, Program
from iopguide.errors import Problem
from iopguide.record import FrozenRecord, Record


def _records() -> list[type[Record]]:
    for info in pkgutil.walk_packages(iopguide.__path__, "iopguide."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    found, todo = [], [Record]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls not in (Record, FrozenRecord):
            found.append(cls)
    return found


RECORDS = _records()


def test_the_hot_path_classes_are_records() -> None:
    names = {cls.__name__ for cls in RECORDS}
    assert {"Program", "Match", "SearchResult", "Filters", "Problem", "Term"} <= names


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__qualname__)
def test_slots_are_the_init_parameters_in_order(cls: type[Record]) -> None:
    # equality, replace() and the index's rows all read the fields from __slots__
    parameters = list(inspect.signature(cls.__init__).parameters)[1:]
    assert list(cls.__slots__) == parameters


def test_equality_is_by_class_and_values() -> None:
    assert Program("a", "A") == Program("a", "A")
    assert Program("a", "A") != Program("a", "B")
    assert Location(city="X") != Contact("X")
    assert Program("a", "A").location is not Program("a", "A").location  # no shared default


def test_frozen_records_hash_by_value_and_mutable_ones_do_not_hash() -> None:
    assert len({Problem("f", "m"), Problem("f", "m"), Problem("f", "n")}) == 2
    with pytest.raises(TypeError):
        hash(Program("a", "A"))


def test_replace_copies_with_changes_and_refuses_unknown_fields() -> None:
    filters = Filters(conditions=("depression",))
    wider = filters.replace(radius=99.0)
    assert (wider.radius, wider.conditions, filters.radius) == (99.0, ("depression",), 25.0)
    with pytest.raises(TypeError, match="no field colour"):
        filters.replace(colour="red")


def test_repr_names_every_field() -> None:
    assert repr(Problem("f", "m", line=3)) == (
        "Problem(file='f', message='m', line=3, program_id=None, field=None, hint=None)"
    )
