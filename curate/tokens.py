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
_OPENERS = frozenset("«\"“„(")


def tokens(text: str) -> list[Token]:
    """Split ``text`` into tokens; whitespace is never part of a token except in numbers.

    >>> tokens("47,2 т")
    [Token(start=0, end=4, text='47,2'), Token(start=5, end=6, text='т')]
    """
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries ``[start, end)``: every line is split separately.

    A sentence ends at ``. ! ? …`` (and the closing quotes right after it) when
    whitespace and an upper-case letter or an opening quote follow; not inside quotes,
    not after an initial (``А. Иванов``), and never after an abbreviation, whose dot
    belongs to its token.

    >>> text = "Изъято 1,5 тыс. карт. Задержан А. Иванов.\\nВторой абзац"
    >>> [text[s:e] for s, e in sentences(text)]
    ['Изъято 1,5 тыс. карт.', 'Задержан А. Иванов.', 'Второй абзац']
    """
    bounds: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        bounds.extend((offset + s, offset + e) for s, e in _line_sentences(line))
        offset += len(line) + 1
    return bounds


def _line_sentences(line: str) -> list[tuple[int, int]]:
    line_tokens = tokens(line)
    bounds: list[tuple[int, int]] = []
    start_index = 0
    for index in _sentence_ends(line, line_tokens):
        bounds.append((line_tokens[start_index].start, line_tokens[index].end))
        start_index = index + 1
    if start_index < len(line_tokens):
        bounds.append((line_tokens[start_index].start, line_tokens[-1].end))
    return bounds


def _sentence_ends(line: str, line_tokens: list[Token]) -> list[int]:
    """Indices of the tokens that close a sentence (the last one excluded)."""
    ends: list[int] = []
    depth = 0
    for index, token in enumerate(line_tokens):
        depth = _quote_depth(depth, line, token)
        if depth or token.text not in _TERMINAL or _is_initial(line_tokens, index):
            continue
        last = index
        while last + 1 < len(line_tokens) and line_tokens[last + 1].text in _CLOSERS:
            last += 1
        if last + 1 < len(line_tokens) and _starts_sentence(line, line_tokens[last + 1]):
            ends.append(last)
    return ends


def _quote_depth(depth: int, line: str, token: Token) -> int:
    """Quote nesting after ``token``: guillemets nest, a straight quote opens after a space."""
    if token.text in "«“„":
        return depth + 1
    if token.text in "»”":
        return max(depth - 1, 0)
    if token.text == '"':
        opens = token.start == 0 or line[token.start - 1].isspace() or line[token.start - 1] in "(«"
        return depth + 1 if opens else max(depth - 1, 0)
    return depth


def _is_initial(line_tokens: list[Token], index: int) -> bool:
    previous = line_tokens[index - 1].text if index else ""
    return line_tokens[index].text == "." and len(previous) == 1 and previous.isupper()


def _starts_sentence(line: str, token: Token) -> bool:
    preceded_by_space = token.start > 0 and line[token.start - 1].isspace()
    first = token.text[0]
    return preceded_by_space and (first.isupper() or first in _OPENERS or first.isdigit())
