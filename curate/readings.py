"""A number span's normalised reading as Label Studio's per-region controls carry it.

The label config (``label_config/ner.xml``) gives every number region three controls that
share the region's id: a ``value`` TextArea, and ``unit`` and ``qualifier`` Choices, where
``none`` stands for no unit or no qualifier. The value travels as text, because a TextArea
keeps what was typed exactly (``0.5`` and ``255000000`` alike, checked in Chromium against
Label Studio 1.23.2), where a Number control holds a JavaScript number whose ``step`` decides
whether decimals are accepted; :func:`format_value` writes the shortest digits that read back
as the same float, so a prediction left alone reads back as exactly what was predicted.

>>> format_value(255000000.0), format_value(0.5), format_value(-4.0)
('255000000', '0.5', '-4')
>>> parse_value("255 000 000"), parse_value("0,5")
(255000000.0, 0.5)
"""

import math
import re

from curate.models import QUALIFIERS, UNITS

#: The ``from_name`` of each per-region control.
VALUE_CONTROL = "value"
UNIT_CONTROL = "unit"
QUALIFIER_CONTROL = "qualifier"
READING_CONTROLS = (VALUE_CONTROL, UNIT_CONTROL, QUALIFIER_CONTROL)

#: The choice that stands for no unit or no qualifier.
NONE = "none"
UNIT_CHOICES: tuple[str, ...] = (*UNITS, NONE)
QUALIFIER_CHOICES: tuple[str, ...] = (NONE, *QUALIFIERS)

#: What an annotator may type: digits, spaces between thousands, one decimal dot or comma.
_NUMBER = re.compile(r"[+\-–−]?\d+(?:[.,]\d+)?")
_SPACES = re.compile(r"[ \u00a0\u202f]")


def format_value(value: float) -> str:
    """A value as the TextArea shows it: no ``.0`` on whole numbers, no exponent, and the
    shortest digits that read back as the same float."""
    if value.is_integer():
        return str(int(value))
    import numpy as np  # here, not at the top: every CLI start imports this module

    return np.format_float_positional(value, trim="-")


def parse_value(text: str) -> float | None:
    """The number an annotator typed, or None if it is not one (``525``, ``0,5``, ``2 564``)."""
    compact = _SPACES.sub("", text.strip())
    if not _NUMBER.fullmatch(compact):
        return None
    value = float(compact.replace(",", ".").replace("–", "-").replace("−", "-"))
    return value if math.isfinite(value) else None


def choice_of(name: str | None) -> str:
    """A unit or qualifier as its choice: ``None`` is ``none``."""
    return name if name is not None else NONE


def from_choice(choice: str) -> str | None:
    """A unit or qualifier choice as the record holds it: ``none`` is ``None``."""
    return None if choice == NONE else choice
