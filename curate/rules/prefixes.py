r"""What a rule's pattern can start with: the extractor's cheap check before trying a rule.

:func:`prefixes` reads the pattern itself, with a small reader of the regex syntax the
rules are written in (groups, lookarounds, alternation, repeats, character classes and
escapes); CPython's own parser (``re._parser``) is private and changes between versions.
It only has to be safe, never exact: whatever it cannot list (``\w``, ``.``, a negated or
large class, a possessive repeat) ends the prefix there, and syntax it does not follow
(inline flags, back references) gives no prefix at all, so the check it builds may let
through a start that fails but never turns away one that matches.
"""

from typing import NamedTuple

#: A character class with more members than this ends a prefix rather than branching it.
MAX_CLASS = 80
_DIGITS = "0123456789"
#: Escapes of character categories too wide to list.
_WIDE_ESCAPES = frozenset("wWsSD")
#: Zero-width escapes: they narrow what matches, never what is consumed.
_ZERO_WIDTH_ESCAPES = frozenset("AZbB")
_CONTROL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}


class _Chars(NamedTuple):
    """One character of ``chars``; None: one of too many to list."""

    chars: str | None


class _ZeroWidth(NamedTuple):
    """A lookaround or an anchor."""


class _Group(NamedTuple):
    """Alternatives, each a sequence of items."""

    alternatives: list[list["_Item"]]


class _Repeat(NamedTuple):
    """``item`` repeated ``low`` to ``high`` times (``high`` None: no limit)."""

    item: "_Item"
    low: int
    high: int | None
    possessive: bool


_Item = _Chars | _ZeroWidth | _Group | _Repeat
_Prefixes = set[tuple[str, bool]]  # (prefix, still growing)


def prefixes(pattern: str, *, length: int = 3) -> frozenset[str] | None:
    r"""The strings (up to ``length`` characters) every match of ``pattern`` starts with.

    None when a match may start with almost anything.

    >>> sorted(prefixes(r"(?:[Бб]олее\s)?\d+"))  # doctest: +ELLIPSIS
    ['0', '1', ..., '9', 'Бол', 'бол']
    >>> prefixes(r"\w+") is None
    True
    >>> sorted(prefixes(r"(?<![^\W_])(?:ст\.|ч\.\s?)[1-3]"))
    ['ст.', 'ч.', 'ч.1', 'ч.2', 'ч.3']
    """
    return joined_prefixes(alternatives(pattern, length=length))


def joined_prefixes(found: list[tuple[str, frozenset[str] | None]]) -> frozenset[str] | None:
    """The prefixes of a pattern from those of its :func:`alternatives`: None when one of
    them may start with almost anything."""
    starts = [its for _, its in found]
    return None if None in starts else frozenset().union(*starts)  # type: ignore[arg-type]


def alternatives(pattern: str, *, length: int = 3) -> list[tuple[str, frozenset[str] | None]]:
    r"""The top-level alternatives of ``pattern``, each as pattern text with its
    :func:`prefixes`; the whole pattern as one, without prefixes, when it holds syntax the
    reader does not follow. The pattern is read once for both.

    >>> [(text, sorted(starts)) for text, starts in alternatives(r"(?:а|б)в|г[|]|[0-2]")]
    [('(?:а|б)в', ['ав', 'бв']), ('г[|]', ['г|']), ('[0-2]', ['0', '1', '2'])]
    """
    reader = _Reader(pattern)
    texts: list[str] = []
    items: list[list[_Item]] = []
    start = 0
    try:
        while True:
            items.append(reader.sequence())
            texts.append(pattern[start : reader.at])
            if reader.peek() != "|":
                break
            reader.take()
            start = reader.at
    except _Unread:
        return [(pattern, None)]
    found = []
    for text, sequence in zip(texts, items, strict=True):
        starts = frozenset(prefix for prefix, _ in _walk(sequence, {("", True)}, length))
        found.append((text, None if "" in starts else starts))
    return found


# ---- reading a pattern ----------------------------------------------------------------------


class _Unread(Exception):
    """Syntax the reader does not follow (inline flags, conditionals): no prefixes then."""


class _Reader:
    """A recursive-descent reader of one pattern into :data:`_Item` values."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.at = 0

    def peek(self, count: int = 1) -> str:
        return self.pattern[self.at : self.at + count]

    def take(self, count: int = 1) -> str:
        taken = self.pattern[self.at : self.at + count]
        self.at += count
        return taken

    def alternatives(self) -> list[list[_Item]]:
        found = [self.sequence()]
        while self.peek() == "|":
            self.take()
            found.append(self.sequence())
        return found

    def sequence(self) -> list[_Item]:
        items: list[_Item] = []
        while self.at < len(self.pattern) and self.peek() not in "|)":
            items.append(self.repeated(self.atom()))
        return items

    def repeated(self, item: _Item) -> _Item:
        bounds = self.bounds()
        if bounds is None:
            return item
        possessive = self.peek() == "+"
        if self.peek() in "+?":
            self.take()
        return _Repeat(item, *bounds, possessive)

    def bounds(self) -> tuple[int, int | None] | None:
        char = self.peek()
        if char in ("?", "*", "+"):
            self.take()
            return {"?": (0, 1), "*": (0, None), "+": (1, None)}[char]
        if char == "{":
            close = self.pattern.find("}", self.at)
            low, comma, high = self.pattern[self.at + 1 : close].partition(",")
            if close > 0 and (low + high).isdigit() and (low.isdigit() or comma):
                self.at = close + 1
                if not comma:
                    return int(low), int(low)
                return int(low or 0), int(high) if high else None
        return None

    def atom(self) -> _Item:
        char = self.take()
        if char == "(":
            return self.group()
        if char == "[":
            return _Chars(self.character_class())
        if char == "\\":
            return self.escape()
        if char == ".":
            return _Chars(None)
        if char in "^$":
            return _ZeroWidth()
        return _Chars(char)

    def group(self) -> _Item:
        zero_width = False
        if self.peek() == "?":
            self.take()
            kind = self.take()
            if kind == "<" and self.peek() in "=!":
                self.take()
                zero_width = True
            elif kind in "=!":
                zero_width = True
            elif kind == "P" and self.peek() == "<":
                self.at = self.pattern.index(">", self.at) + 1
            elif kind == ">":
                return self.closed(_Repeat(_Group(self.alternatives()), 1, 1, possessive=True))
            elif kind != ":":
                raise _Unread(kind)
        body = _Group(self.alternatives())
        return self.closed(_ZeroWidth() if zero_width else body)

    def closed(self, item: _Item) -> _Item:
        if self.take() != ")":
            raise ValueError(f"unbalanced parenthesis in {self.pattern!r}")
        return item

    def escape(self) -> _Item:
        char = self.take()
        if char == "d":
            return _Chars(_DIGITS)
        if char in _WIDE_ESCAPES:
            return _Chars(None)
        if char in _ZERO_WIDTH_ESCAPES:
            return _ZeroWidth()
        return _Chars(self.escaped(char))

    def escaped(self, char: str) -> str | None:
        """The character an escape stands for; None for one not followed here (``\\N``,
        ``\\U``, a back reference)."""
        if char in ("u", "x"):
            digits = self.take(4 if char == "u" else 2)
            return chr(int(digits, 16))
        if char in _CONTROL_ESCAPES:
            return _CONTROL_ESCAPES[char]
        return None if char.isalnum() else char

    def character_class(self) -> str | None:
        negated = self.peek() == "^"
        if negated:
            self.take()
        chars: list[str] = []
        listable = True
        first = True
        while first or self.peek() != "]":
            first = False
            member = self.class_member()
            if member is None:
                listable = False
            elif len(member) == 1 and self.peek() == "-" and self.peek(2) != "-]":
                self.take()
                last = self.class_member()
                if last is None or len(last) != 1 or ord(last) - ord(member) >= MAX_CLASS:
                    listable = False
                else:
                    chars.extend(chr(c) for c in range(ord(member), ord(last) + 1))
            else:
                chars.extend(member)
        self.take()
        members = "".join(dict.fromkeys(chars))  # a range given twice counts once
        if negated or not listable or len(members) > MAX_CLASS:
            return None
        return members

    def class_member(self) -> str | None:
        """One member of a class: a character, the digits of ``\\d``, None for a category."""
        char = self.take()
        if char != "\\":
            return char
        char = self.take()
        if char == "d":
            return _DIGITS
        if char in _WIDE_ESCAPES:
            return None
        return self.escaped(char)


# ---- walking it -----------------------------------------------------------------------------


def _walk_group(alternatives: list[list[_Item]], states: _Prefixes, length: int) -> _Prefixes:
    return set().union(*(_walk(items, states, length) for items in alternatives))


def _walk(items: list[_Item], states: _Prefixes, length: int) -> _Prefixes:
    for item in items:
        if not any(growing for _, growing in states):
            break
        states = _step(item, states, length)
    return states


def _step(item: _Item, states: _Prefixes, length: int) -> _Prefixes:
    if isinstance(item, _ZeroWidth):
        return states
    if isinstance(item, _Group):
        return _walk_group(item.alternatives, states, length)
    if isinstance(item, _Repeat):
        if item.possessive:
            return _stopped(states)  # read no further: such repeats guard long words
        once = _step(item.item, states, length)
        if item.high != 1:
            once = _stopped(once)
        return once | (states if item.low == 0 else set())
    if item.chars is None:
        return _stopped(states)
    return {
        (prefix + char, len(prefix) + 1 < length) if growing else (prefix, False)
        for prefix, growing in states
        for char in (item.chars if growing else "_")
    }


def _stopped(states: _Prefixes) -> _Prefixes:
    return {(prefix, False) for prefix, _ in states}
