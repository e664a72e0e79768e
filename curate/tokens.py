"""Tokens and sentences of Kazakh and Russian news text, with code-point offsets.

One tokenizer serves the whole project (rules, agreement units, CoNLL export), so a span
that covers whole tokens here covers whole tokens everywhere. A token is one of:

- a number, with space-grouped thousands (``2 564``), a decimal comma (``47,2``), a sign
  when it stands alone before the digits (``–4%``, ``+10%``), a percent sign, and Kazakh
  endings after a hyphen (``500-ден``);
- a word, joined across inner hyphens and apostrophes (``Telegram-арна``, ``БК-4``,
  ``440-1``) and across a dot between letters (``NUR.KZ``, ``Polisia.kz``);
- an abbreviation from a closed list with its dot (``тыс.``, ``млн.``, ``г.``), so that
  ``1,5 тыс.`` is whole tokens;
- any other single non-space character (punctuation, symbols, emoji).

>>> [t.text for t in tokens("изъято 2 564 карты (–4%), NUR.KZ: 500-ден астам")]
['изъято', '2 564', 'карты', '(', '–4%', ')', ',', 'NUR.KZ', ':', '500-ден', 'астам']
"""

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple


class Token(NamedTuple):
    """A token: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


#: Abbreviations that keep their dot; lower case, matched as whole words.
ABBREVIATIONS: tuple[str, ...] = (
    "т.е.", "т.д.", "т.п.", "т.к.", "и.о.",
    "тыс.", "млн.", "млрд.", "трлн.", "руб.", "коп.",
    "гг.", "г.", "гр.", "ст.", "ч.", "п.", "им.", "ул.", "обл.", "р-н.", "мкр.", "пр.", "др.",
)  # fmt: skip

_SPACE = "[ \u00a0\u202f]"  # thin and non-breaking spaces group thousands too
_SIGN = r"(?:(?<![\w%])[+\-–−](?=\d))?"
_NUMBER = rf"(?:\d{{1,3}}(?:{_SPACE}\d{{3}})+(?!\d)|\d+)(?:[.,]\d+)*%?"
_WORD = r"[^\W_]+"
_PART = rf"(?:{_NUMBER}[^\W_]*|{_WORD})"
_JOIN = r"(?:[-‑'’](?=[^\W_])|(?<=[^\W\d_])\.(?=[^\W\d_]))"
_ABBREVIATION = "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))

_TOKEN = re.compile(
    rf"(?<![^\W_])(?:{_ABBREVIATION})|{_SIGN}{_PART}(?:{_JOIN}{_PART})*%?|\S",
)

_TERMINAL = frozenset(".!?…")
_CLOSERS = frozenset("»\"”)’'")
_OPENERS = frozenset('«"“„(')


def tokens(text: str) -> list[Token]:
    """Split ``text`` into tokens; whitespace is never part of a token except in numbers.

    >>> tokens("47,2 т")
    [Token(start=0, end=4, text='47,2'), Token(start=5, end=6, text='т')]
    """
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def sentences(text: str, text_tokens: Sequence[Token] | None = None) -> list[tuple[int, int]]:
    """Sentence boundaries ``[start, end)``; a line break always ends a sentence.

    A sentence ends at ``. ! ? …`` (and the closing quotes right after it) when
    whitespace and an upper-case letter, a digit or an opening quote follow; not inside
    quotes, not after an initial (``А. Иванов``), and never after an abbreviation, whose
    dot belongs to its token. Pass ``text_tokens`` when they are already computed.

    >>> text = "Изъято 1,5 тыс. карт. Задержан А. Иванов.\\nВторой абзац"
    >>> [text[s:e] for s, e in sentences(text)]
    ['Изъято 1,5 тыс. карт.', 'Задержан А. Иванов.', 'Второй абзац']
    """
    all_tokens = tokens(text) if text_tokens is None else text_tokens
    bounds: list[tuple[int, int]] = []
    for line in _lines(text, all_tokens):
        first = 0
        for last in _sentence_ends(text, line):
            bounds.append((line[first].start, line[last].end))
            first = last + 1
        if first < len(line):
            bounds.append((line[first].start, line[-1].end))
    return bounds


def _lines(text: str, text_tokens: Sequence[Token]) -> Iterator[Sequence[Token]]:
    """The tokens of each non-empty line (no token contains a line break)."""
    first = 0
    for index in range(1, len(text_tokens)):
        if "\n" in text[text_tokens[index - 1].end : text_tokens[index].start]:
            yield text_tokens[first:index]
            first = index
    if first < len(text_tokens):
        yield text_tokens[first:]


def _sentence_ends(text: str, line_tokens: Sequence[Token]) -> list[int]:
    """Indices of the tokens that close a sentence (the last one excluded)."""
    ends: list[int] = []
    depth = 0
    for index, token in enumerate(line_tokens):
        depth = _quote_depth(depth, text, token)
        if depth or token.text not in _TERMINAL or _is_initial(line_tokens, index):
            continue
        last = index
        while last + 1 < len(line_tokens) and line_tokens[last + 1].text in _CLOSERS:
            last += 1
        if last + 1 < len(line_tokens) and _starts_sentence(text, line_tokens[last + 1]):
            ends.append(last)
    return ends


def _quote_depth(depth: int, text: str, token: Token) -> int:
    """Quote nesting after ``token``: guillemets nest, a straight quote opens after a space."""
    if token.text in "«“„":
        return depth + 1
    if token.text in "»”":
        return max(depth - 1, 0)
    if token.text == '"':
        before = text[token.start - 1] if token.start else " "
        opens = before.isspace() or before in "(«"
        return depth + 1 if opens else max(depth - 1, 0)
    return depth


def _is_initial(line_tokens: Sequence[Token], index: int) -> bool:
    previous = line_tokens[index - 1].text if index else ""
    return line_tokens[index].text == "." and len(previous) == 1 and previous.isupper()


def _starts_sentence(text: str, token: Token) -> bool:
    preceded_by_space = token.start > 0 and text[token.start - 1].isspace()
    first = token.text[0]
    return preceded_by_space and (first.isupper() or first in _OPENERS or first.isdigit())
