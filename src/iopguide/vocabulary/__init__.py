"""The words iopguide understands, defined once.

Every controlled value (levels of care, conditions, payment types, ...) has one
id used in directory files, JSON output and answers files; a display label for
people; and aliases accepted on input (``ptsd`` -> ``trauma``, ``tricare`` ->
``military``). Loading, validation, filtering, output and help text all read
from here, so a new alias or label is a single edit.

The class and the folding are in ``terms``; the lists in ``care`` (levels,
conditions), ``people`` (payment, ages, languages, groups), ``programs``
(facility types, times, services, approaches, accreditation) and ``states``.
Importing builds what one module built before and no more: a vocabulary folds
its words on first lookup.
"""

from iopguide.vocabulary.care import CONDITIONS, LEVELS, MENTAL_HEALTH_SPECIFIC, broader_conditions
from iopguide.vocabulary.people import AGE_GROUPS, LANGUAGES, PAYMENT, SPECIAL_GROUPS
from iopguide.vocabulary.programs import (
    ACCREDITATION,
    APPROACHES,
    FACILITY_TYPES,
    SCHEDULE_TIMES,
    SERVICES,
)
from iopguide.vocabulary.states import STATES
from iopguide.vocabulary.terms import Term, Vocabulary, normalise

__all__ = [
    "ACCREDITATION",
    "AGE_GROUPS",
    "APPROACHES",
    "CONDITIONS",
    "FACILITY_TYPES",
    "LANGUAGES",
    "LEVELS",
    "MENTAL_HEALTH_SPECIFIC",
    "PAYMENT",
    "SCHEDULE_TIMES",
    "SERVICES",
    "SPECIAL_GROUPS",
    "STATES",
    "Term",
    "Vocabulary",
    "broader_conditions",
    "normalise",
]
