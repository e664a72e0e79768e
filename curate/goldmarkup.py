"""Inline gold markup: an article's text with each span written as ``[[text|LABEL]]``.

The hand-annotated dev gold (``tests/data/gold/``) is kept in this form so a reviewer reads
the spans where they stand. Number labels carry their normalised value after a second bar:
``[[525 келіден астам|QUANTITY|525 kg more_than]]`` is value, unit (``-`` for none), then
the qualifier if any; ``[[2 564|COUNT|2564]]`` has neither. A span never crosses a line.

>>> text, spans = parse_gold("изъято [[более 500|COUNT|500 - more_than]] в [[Алматы|LOC]]")
>>> text
'изъято более 500 в Алматы'
>>> [(s.start, s.end, s.label, s.value, s.unit, s.qualifier) for s in spans]
[(7, 16, 'COUNT', 500.0, None, 'more_than'), (19, 25, 'LOC', None, None, None)]
>>> render_gold(text, spans)
'изъято [[более 500|COUNT|500 - more_than]] в [[Алматы|LOC]]'
"""

import re
from pathlib import Path
from typing import get_args

from curate.errors import InputError
from curate.labels import LABEL_NAMES, NUMBER_LABELS
from curate.models import Qualifier, Span

OPEN, CLOSE, BAR = "[[", "]]", "|"
NO_UNIT = "-"
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)

#: The units each number label may carry; MONEY takes any ISO 4217 code.
_UNITS: dict[str, re.Pattern[str]] = {
    "QUANTITY": re.compile(r"kg|l|dose"),
    "MONEY": re.compile(r"[A-Z]{3}"),
    "PERCENT": re.compile(r"%"),
    "COUNT": re.compile(NO_UNIT),
}

_SPAN = re.compile(r"\[\[([^\[\]|\n]+)\|([^\[\]|\n]+)(?:\|([^\[\]|\n]*))?\]\]")


def parse_gold(markup: str, *, source: str = "gold markup") -> tuple[str, list[Span]]:
    """The plain text and its spans (``rule=None``), in text order.

    Raises :class:`InputError` naming ``source`` and the line for a malformed span,
    an unknown label, a number label without a value or a value where none belongs.
    """
    pieces: list[str] = []
    spans: list[Span] = []
    length = 0
    consumed = 0
    for match in _SPAN.finditer(markup):
        plain = markup[consumed : match.start()]
        _check_plain(plain, markup, offset=consumed, source=source)
        pieces.append(plain)
        length += len(plain)
        where = f"{source}, line {_line_of(markup, match.start())}"
        spans.append(_span(match, start=length, where=where))
        pieces.append(match.group(1))
        length += len(match.group(1))
        consumed = match.end()
    _check_plain(markup[consumed:], markup, offset=consumed, source=source)
    pieces.append(markup[consumed:])
    return "".join(pieces), spans


def render_gold(text: str, spans: list[Span]) -> str:
    """The markup of ``text`` with ``spans``; the inverse of :func:`parse_gold`.

    Raises :class:`InputError` if the text holds markup characters (they have no escape),
    or the spans overlap, cross a line or do not match the text.
    """
    for marker in (OPEN, CLOSE):
        if marker in text:
            raise InputError(
                f"the text holds {marker!r} at offset {text.index(marker)}, which the gold "
                "markup cannot escape: choose another markup before annotating this article"
            )
    pieces: list[str] = []
    previous_end = 0
    for span in sorted(spans, key=lambda s: s.start):
        _check_renderable(text, span, previous_end=previous_end)
        pieces.append(text[previous_end : span.start])
        pieces.append(f"{OPEN}{span.text}{BAR}{span.label}{_value_field(span)}{CLOSE}")
        previous_end = span.end
    pieces.append(text[previous_end:])
    return "".join(pieces)


def load_gold_dir(path: Path) -> dict[str, tuple[str, list[Span]]]:
    """Every ``*.txt`` gold file in ``path``, keyed by article id (the file's stem)."""
    files = sorted(path.glob("*.txt")) if path.is_dir() else []
    if not files:
        raise InputError(f"{path}: no gold markup files (*.txt); is this the gold folder?")
    return {file.stem: read_gold_file(file) for file in files}


def read_gold_file(path: Path) -> tuple[str, list[Span]]:
    """One gold file: the markup and one final newline, which is not part of the text."""
    markup = path.read_text(encoding="utf-8").removesuffix("\n")
    return parse_gold(markup, source=str(path))


def _span(match: re.Match[str], *, start: int, where: str) -> Span:
    text, label, value_field = match.group(1), match.group(2), match.group(3)
    if text != text.strip():
        raise InputError(f"{where}: span {text!r} starts or ends with a space; trim it")
    if label not in LABEL_NAMES:
        raise InputError(
            f"{where}: unknown label {label!r} in {match.group()!r}; "
            f"use one of {', '.join(LABEL_NAMES)}"
        )
    if label in NUMBER_LABELS and value_field is None:
        raise InputError(
            f"{where}: {label} span {text!r} needs a value: "
            f"[[{text}|{label}|VALUE UNIT QUALIFIER]], unit '-' for none"
        )
    if label not in NUMBER_LABELS and value_field is not None:
        raise InputError(f"{where}: {label} span {text!r} takes no value; drop {value_field!r}")
    value, unit, qualifier = _parse_value(value_field, label=label, where=where)
    return Span(
        start=start,
        end=start + len(text),
        label=label,
        text=text,
        value=value,
        unit=unit,
        qualifier=qualifier,
    )


def _parse_value(
    field: str | None, *, label: str, where: str
) -> tuple[float | None, str | None, str | None]:
    """``'525 kg more_than'`` -> ``(525.0, 'kg', 'more_than')``; ``'2564'`` -> no unit."""
    if field is None:
        return None, None, None
    parts = field.split(" ")
    if not 1 <= len(parts) <= 3:
        raise InputError(f"{where}: value {field!r} is not 'VALUE [UNIT [QUALIFIER]]'")
    number = parts[0]
    unit = parts[1] if len(parts) > 1 else NO_UNIT
    qualifier = parts[2] if len(parts) > 2 else None
    try:
        value = float(number)
    except ValueError:
        raise InputError(
            f"{where}: value {number!r} is not a number; write it with a dot and no "
            "spaces, e.g. 1500 or 47.2"
        ) from None
    if not _UNITS[label].fullmatch(unit):
        raise InputError(f"{where}: unit {unit!r} does not fit {label} ({_UNITS[label].pattern})")
    if qualifier is not None and qualifier not in QUALIFIERS:
        raise InputError(
            f"{where}: unknown qualifier {qualifier!r}; use one of {', '.join(QUALIFIERS)}"
        )
    return value, None if unit == NO_UNIT else unit, qualifier


def _value_field(span: Span) -> str:
    if span.value is None:
        return ""
    number = f"{span.value:.0f}" if span.value.is_integer() else repr(span.value)
    words = [number]
    if span.unit is not None or span.qualifier is not None:
        words.append(span.unit or NO_UNIT)
    if span.qualifier is not None:
        words.append(span.qualifier)
    return BAR + " ".join(words)


def _check_plain(plain: str, markup: str, *, offset: int, source: str) -> None:
    """Text between spans must hold no markup: a leftover marker is a malformed span."""
    for marker in (OPEN, CLOSE):
        index = plain.find(marker)
        if index >= 0:
            line = _line_of(markup, offset + index)
            raise InputError(
                f"{source}, line {line}: {marker!r} is not part of a well-formed span; "
                "write [[text|LABEL]] or [[text|LABEL|VALUE UNIT QUALIFIER]] on one line"
            )


def _check_renderable(text: str, span: Span, *, previous_end: int) -> None:
    if span.start < previous_end:
        raise InputError(f"span {span.text!r} at {span.start} overlaps the span before it")
    if text[span.start : span.end] != span.text:
        raise InputError(
            f"span {span.text!r} does not match the text at [{span.start}, {span.end}): "
            f"{text[span.start : span.end]!r}"
        )
    if "\n" in span.text or BAR in span.text:
        raise InputError(f"span {span.text!r} holds a newline or '|', which the markup cannot hold")


def _line_of(markup: str, offset: int) -> int:
    return markup.count("\n", 0, offset) + 1
