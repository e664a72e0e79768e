"""The items of a JSON list that arrives in pieces, each parsed whole by the json module.

A Label Studio export is a JSON list of tasks that runs to gigabytes (2.2 GB at 100,000 tasks
with predictions). Parsing it item by item keeps memory flat in its size. Each item is parsed
by the json module's C decoder as soon as its last byte is in: an event-driven parser (ijson,
which curate used before) builds the same objects several times slower, which at 100,000
tasks made a pull's download take 118 s where the bytes alone take 12 s.

>>> items = JsonListItems()
>>> items.feed(b'[{"id": 1}, {"id"') + items.feed(b": 2}]") + items.close()
[{'id': 1}, {'id': 2}]
"""

import codecs
import json
from typing import Any

#: An item still unfinished after this many characters is taken for broken JSON rather than
#: waited for: a task is tens of kilobytes (a long article a few hundred), and memory must
#: stay flat whatever the bytes are.
LONGEST_ITEM = 16 << 20

_WHITESPACE = frozenset(" \t\n\r")
#: What may extend a number that ends a piece of text (``2`` of ``2.5``).
_NUMBER_GOES_ON = frozenset("0123456789.eE+-")


class JsonListError(ValueError):
    """The bytes are not a JSON list; the message says what is wrong, in a few words."""


class NotAJsonList(JsonListError):
    """The bytes hold no JSON list at all: nothing but whitespace, or another value."""


class JsonListItems:
    """:meth:`feed` the bytes of a JSON list in pieces of any size, each call returning the
    items completed so far, in order; then :meth:`close`, which returns the last ones.

    Both raise :class:`JsonListError` for bytes that are not a JSON list: not UTF-8, another
    value (:class:`NotAJsonList`), an item that is not valid JSON, or a list cut short.
    """

    def __init__(self) -> None:
        self._decoder = json.JSONDecoder()
        self._utf8 = codecs.getincrementaldecoder("utf-8")()
        self._text = ""
        self._state = "start"  # before "[", then "first" or "item", "next" (after one), "end"
        self._items = 0

    def feed(self, chunk: bytes) -> list[Any]:
        try:
            self._text += self._utf8.decode(chunk)
        except UnicodeDecodeError:
            raise JsonListError("not UTF-8 text") from None
        return self._parse(final=False)

    def close(self) -> list[Any]:
        try:
            self._text += self._utf8.decode(b"", final=True)
        except UnicodeDecodeError:
            raise JsonListError("cut short inside a character") from None
        items = self._parse(final=True)
        if self._state == "start":
            raise NotAJsonList("empty")
        if self._state != "end":
            raise JsonListError(f"cut short after {self._items} item(s)")
        return items

    def _parse(self, *, final: bool) -> list[Any]:
        """The items complete in the text so far; the rest waits for more, unless ``final``."""
        items: list[Any] = []
        text, position = self._text, 0
        while (position := _after_whitespace(text, position)) < len(text):
            char = text[position]
            if self._state == "start":
                if char != "[":
                    raise NotAJsonList("not a list")
                self._state, position = "first", position + 1
            elif self._state == "next":
                if char not in ",]":
                    raise JsonListError(f"item {self._items}: ',' or ']' expected after it")
                self._state = "item" if char == "," else "end"
                position += 1
            elif self._state == "end":
                raise JsonListError(f"more after the list's end, {self._items} item(s)")
            elif char == "]" and self._state == "first":
                self._state, position = "end", position + 1
            else:
                try:
                    item, end = self._decoder.raw_decode(text, position)
                    waiting = not final and _may_go_on(text, end, item)
                except json.JSONDecodeError as error:
                    if final:
                        raise JsonListError(self._problem(error, len(text))) from None
                    waiting = True  # the item goes on in the next piece
                if waiting:
                    if len(text) - position > LONGEST_ITEM:
                        raise JsonListError(
                            f"item {self._items}: unfinished after {LONGEST_ITEM:,} characters"
                        )
                    break
                items.append(item)
                self._items += 1
                self._state, position = "next", end
        self._text = text[position:]
        return items

    def _problem(self, error: json.JSONDecodeError, length: int) -> str:
        if error.pos >= length or error.msg.startswith("Unterminated"):
            return f"cut short inside item {self._items}"
        return f"item {self._items}: {error.msg}"


def _may_go_on(text: str, end: int, item: Any) -> bool:
    """Whether the item parsed up to ``end`` may be the start of a longer one: it ends the
    text so far, or it is a number a digit, point or exponent may extend (``2`` of ``2.5``)."""
    if end == len(text):
        return True
    return isinstance(item, int | float) and text[end] in _NUMBER_GOES_ON


def _after_whitespace(text: str, position: int) -> int:
    """The first position at or after ``position`` that is not JSON whitespace."""
    while position < len(text) and text[position] in _WHITESPACE:
        position += 1
    return position
