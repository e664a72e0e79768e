"""Lines of page chrome that stay in an article's text, where the rules propose no span.

Ingest removes the chrome it can tell by the line alone (``spot_img``, ads, comment forms).
Some lines stay because they look like text: the tag line under a page's photo
(``Есірткі, синтетика, Астана, сурет - Zakon.kz``), a hashtag menu taken for the title
(``#АЭС в Казахстане``), a site's motto above the article (``Информационный медиа-портал
POLISIA.KZ``), the page's date line and view counter. Annotators leave them out (judgement
calls K1 and R1 of the real-pages gold), so the rules skip them. Ingest keeps them:
removing them would change the text, and so the offsets, of articles already pushed and
annotated.

>>> text = "#АЭС в Казахстане\\nВ Казахстане изъяли меф"
>>> [text[start:end] for start, end in chrome_lines(text)]
['#АЭС в Казахстане']
"""

import bisect
import re
from collections.abc import Sequence

from curate.rules.dates import KK_MONTH, RU_MONTH
from curate.rules.grammar import UPPER
from curate.rules.overlap import Candidate

_CLOCK = r"(?<!\d)\d{1,2}:\d\d(?!\d)"
_GAP = r"[ \t,|•·–—-]+"
#: A word of a date line: a number, a capitalised word (a section, ``Сегодня``), a month.
_DATE_LINE_WORD = rf"(?:\d[\d.:/]*|[{UPPER}]\w*|{RU_MONTH}|{KK_MONTH})"

#: After the line break before it: a pattern that starts with a literal character is found by
#: a fast scan for that character, where ``^`` would be tried at every position.
_CHROME_LINE = re.compile(
    r"\n(?:"
    # A hashtag menu: a tag and at most three more words.
    r"#\w[^\s]*(?:[ \t]+[^\s]+){0,3}"
    # A photo's tag line: short items separated by commas, then "photo - <outlet>".
    r"|(?:[^\n,]{1,40},[ \t]+)+(?:[Сс]урет|[Фф]ото)[ \t]*[-–—][^\n]*"
    # A site's motto that ends in its web address, no sentence in it.
    r"|[^\n.!?:;«»\"“”]{1,60}?[ \t][A-Za-z][A-Za-z0-9-]*\.(?:kz|KZ|ru|RU|com|COM)"
    # A page's date line: a clock time among numbers, capitalised words and month names
    # (``Сегодня, 14:25``, ``Құқық 12:40, 05 наурыз 2024``, ``04 января 2024 | 12:53``).
    rf"|(?:{_DATE_LINE_WORD}{_GAP})*{_CLOCK}(?:{_GAP}{_DATE_LINE_WORD})*"
    # A view counter (``Просмотров: 255``, ``255 рет көрсетілді``).
    r"|(?:[Пп]росмотр\w*|[Кк]өрілім\w*|[Ққ]аралым\w*):?[ \t]*\d[\d \t]*"
    r"|\d[\d \t]*(?:просмотр\w*|рет[ \t]+(?:көрсетілді|қаралды))"
    r")[ \t]*$",
    re.MULTILINE,
)


def chrome_lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of ``text``'s lines of page chrome, in order."""
    # A line break before the first line; the break a match starts with is then at the
    # line's own offset in ``text``.
    return [(match.start(), match.end() - 1) for match in _CHROME_LINE.finditer("\n" + text)]


def outside_chrome(
    candidates: list[Candidate], chrome: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """``candidates`` without those that start in one of the ``chrome`` lines."""
    if not chrome:
        return candidates
    starts = [start for start, _ in chrome]
    kept = []
    for candidate in candidates:
        line = bisect.bisect_right(starts, candidate.start) - 1
        if line < 0 or candidate.start >= chrome[line][1]:
            kept.append(candidate)
    return kept
