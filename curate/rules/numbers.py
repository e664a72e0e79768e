"""The number grammar shared by QUANTITY, MONEY, COUNT, PERCENT and durations (DATE).

Bottom-up, as natasha's money grammar: DIGITS → NUMBER (with a Kazakh ending) or number
WORDS → MULTIPLIER → AMOUNT (``1 млн 300 тыс.``) → with the QUALIFIER words around it.
The vocabulary comes from :mod:`curate.normalise`, so what a rule can match the
normaliser can read.
"""

import re

from curate.labels import NUMBER_LABELS
from curate.normalise import (
    DIGITS,
    KK_HALF,
    KK_NUMBER_ENDING,
    KK_NUMBER_WORDS,
    KK_POSTPOSED_QUALIFIERS,
    MULTIPLIERS,
    QUALIFIERS,
    RU_NUMBER_WORDS,
)
from curate.rules.grammar import HYPHEN_ENDING, JOINED_PART, SPACE, WORD_END, any_case, trie
from curate.rules.overlap import Candidate

#: The end of a number token: no letter, digit, percent sign or joined part follows, nor
#: the minutes of a clock time (``12:53`` in a page header is never a number).
NUMBER_END = rf"{WORD_END}(?!{JOINED_PART}|[.,:]\d|%)"
#: A Russian cardinal's case ending after a hyphen (``80-ти``, ``2-х``, ``3-мя``); ``-х`` only
#: after 2, 3 or 4, as after other numbers it is mostly an ordinal's (``в 90-х годах``).
_RU_HYPHEN_ENDING = r"(?:-(?:ти|ми|мя)|(?<![\d.,][2-4])(?<=[2-4])-х)"
#: A number in digits, with a Kazakh or Russian case ending after a hyphen (``500-ден``,
#: ``80-ти``).
NUMBER = rf"{DIGITS}(?:{HYPHEN_ENDING}|{_RU_HYPHEN_ENDING})?{NUMBER_END}"
SIGN = r"[+\-–−]"
#: ``жарым`` "and a half" after a number, in its case forms (``мың жарымнан``).
HALF_AFTER = rf"{SPACE}{KK_HALF}{KK_NUMBER_ENDING}?{WORD_END}"

_KK_TENS = ("он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан")
_ONE = {"один", "одна", "одно", "одного", "одной", "одному", "одним", "одну", "бір"}

MULTIPLIER = "(?:" + "|".join(MULTIPLIERS) + ")" + WORD_END


def number_words(lang: str) -> str:
    """One to three number words of ``lang`` read as one number (``двадцать пять``, ``он екі``).

    ``один``/``бір`` alone is not a number here ("one of", an article), only before a
    multiplier or ``жарым`` (``бір жарым``), or after a Kazakh tens word (``он бір`` = 11).
    """
    if lang == "kk":
        words = trie(any_case(w for w in KK_NUMBER_WORDS if w not in _ONE))
        word = rf"{words}{KK_NUMBER_ENDING}?{WORD_END}"
        one = trie(any_case(["бір"]))
        tens_one = rf"{trie(any_case(_KK_TENS))}{SPACE}бір{KK_NUMBER_ENDING}?{WORD_END}|"
    else:
        word = trie(any_case(w for w in RU_NUMBER_WORDS if w not in _ONE)) + WORD_END
        one = trie(any_case(sorted(_ONE - {"бір"})))
        tens_one = ""
    one_before = rf"{one}(?={SPACE}(?:{KK_HALF}|{MULTIPLIER}))"
    half = rf"(?:{HALF_AFTER})?" if lang == "kk" else ""
    return rf"(?:{tens_one}{word}|{one_before})(?:{SPACE}{word}){{0,2}}{half}"


#: Not after a word in the Kazakh ablative, "from", which opens a range of two spans
#: (``300 мыңнан 500 мыңға дейін``, K132).
NOT_AFTER_ABLATIVE = r"(?<![дтн][ае]н)"
#: A number in digits with its multipliers: ``2 564``, ``1,5 тыс.``, ``1 млн 300 тыс.``,
#: ``16 мың 203``, and a half (``12 жарым`` = 12.5).
DIGIT_AMOUNT = (
    rf"{NUMBER}(?:{SPACE}{MULTIPLIER})?(?:{NOT_AFTER_ABLATIVE}{SPACE}{DIGITS}{SPACE}{MULTIPLIER})*"
    # the hundreds after thousands, written apart (``16 мың 203``)
    rf"(?:(?<=мың){SPACE}\d{{3}}(?![\d,.]\d))?"
    rf"(?:{HALF_AFTER})?"
)


def word_amount(lang: str) -> str:
    """A number in words with its multiplier: ``три``, ``жарты``, ``две тысячи``."""
    return rf"{number_words(lang)}(?:{SPACE}{MULTIPLIER})?"


#: A range in one token before its multiplier (``20-30 миллион`` теңге), valued at its upper
#: bound (R11, K132).
_RANGE_AMOUNT = rf"(?<![\d-])\d{{1,3}}[-–]\d{{1,3}}{SPACE}{MULTIPLIER}"


def amount(lang: str) -> str:
    """An amount in digits or in ``lang``'s number words."""
    return rf"(?:{DIGIT_AMOUNT}|{_RANGE_AMOUNT}|{word_amount(lang)})"


#: ``до`` "up to", unless it follows a past-tense verb, where it is a preposition
#: (``возросло до 13 тыс.``).
_UP_TO = rf"[Дд]о(?<!л{SPACE}до)(?<!л[аоиы]{SPACE}до)(?<!л[аоиы]сь{SPACE}до)(?<!лся{SPACE}до)"
#: A qualifier word that precedes the number, with the space after it (``более ``).
_QUALIFIER_BEFORE_WORDS = trie(
    any_case(w for w in QUALIFIERS if w not in KK_POSTPOSED_QUALIFIERS and w != "до")
)
_QUALIFIER_BEFORE = re.compile(rf"(?<![^\W_])(?:(?:{_QUALIFIER_BEFORE_WORDS}|{_UP_TO}){SPACE})\Z")


def qualifier_start(text: str, start: int) -> int:
    """Where a number span starting at ``start`` starts with the qualifier right before it.

    Number rules match from the number; the extractor widens their spans over an adjacent
    qualifier this way (one small search instead of every rule trying every qualifier).

    >>> text = "изъято более 500 кг, возросло до 13 тыс."
    >>> text[qualifier_start(text, 13):16], text[qualifier_start(text, 33):35]
    ('более 500', '13')
    """
    if start < 2 or not text[start - 2].isalpha():
        return start  # a qualifier word and one space come right before, or nothing does
    match = _QUALIFIER_BEFORE.search(text, max(0, start - _QUALIFIER_WINDOW), start)
    return match.start() if match else start


_QUALIFIER_WINDOW = 24

#: A verb of change after ``дейін``, which makes it "to" rather than "up to": the figure is
#: where the change ended and ``дейін`` stays outside with no qualifier (``35 пайызға дейін
#: төмендеді`` "fell to 35 percent", K102; ``1 тоннаға дейін жеткен`` "reached 1 tonne", K136),
#: as ``до`` does in ``возросло до 13 тыс.``.
_CHANGE_VERB = (
    r"(?:(?:төменде|азай|қысқар|көбей|ұлғай|кеми|кемі)[^\W\d_]*"
    r"|өс(?:ті|кен|іп|еді)|арт(?:ты|қан|ып|ады)|жет(?:ті|кен|іп|еді))"
)
#: A Kazakh qualifier word that follows the number (``астам``, ``жуығы``).
KK_QUALIFIER = rf"{trie(sorted(KK_POSTPOSED_QUALIFIERS))}{WORD_END}"
#: "More than" after a number in the dative is a comparison's "more by", not the figure's
#: qualifier (``7,6%-ке артық`` "more by 7.6 %", K122; ``10%-дан артық`` "more than 10 %"):
#: ``астам``, ``аса`` and ``артық`` qualify only a number in another case.
_MORE_THAN = r"(?:астам|аса|артық|артығ)"
_NOT_AFTER_DATIVE = "".join(f"(?<!{ending}{SPACE})" for ending in ("ға", "ге", "қа", "ке"))
#: A Kazakh qualifier word after the number with the space before it (`` астам``), if any.
QUALIFIER_AFTER = (
    rf"(?:{SPACE}(?!дейін{SPACE}{_CHANGE_VERB}{WORD_END})"
    rf"(?:{_NOT_AFTER_DATIVE}|(?!{_MORE_THAN})){KK_QUALIFIER})?"
)


#: ``дейін`` "up to" (or ``дейінгі`` "up to …") at the end of a number span, and an ablative
#: at the end of another.
_UNTIL_AT_END = re.compile(r"\s+дейін(?:гі)?\Z")
_ABLATIVE_AT_END = re.compile(r"(?:[дтн][ае]н)\Z")


def kazakh_ranges(text: str, found: list[Candidate]) -> list[Candidate]:
    """The two ends of a Kazakh range, an amount in the ablative right before another: the
    second leaves ``дейін`` outside (H4), and the first, a bare number, takes the second's
    label, as its currency or unit is said once (R8): ``85 мыңнан`` ``200 мың теңгеге``
    (дейін), ``500-ден`` ``4000 теңгеге`` (дейінгі), ``5 тоннадан`` ``10 тоннаға`` (дейін),
    whose values are the two ends, no "up to" in either. An amount with ``дейін`` and no
    ablative amount right before it keeps it (``жарты килоға дейін`` "up to half a kilo")."""
    kept: list[Candidate] = []
    for candidate in found:
        before = kept[-1] if kept else None
        if (
            before is not None
            and candidate.label in NUMBER_LABELS
            and before.label in NUMBER_LABELS
            and not text[before.end : candidate.start].strip()
            and _ABLATIVE_AT_END.search(text, before.start, before.end)
        ):
            if (until := _UNTIL_AT_END.search(text, candidate.start, candidate.end)) is not None:
                candidate = candidate._replace(end=until.start())
            if before.label == "COUNT" and candidate.label in ("MONEY", "QUANTITY"):
                kept[-1] = before._replace(label=candidate.label)
        kept.append(candidate)
    return kept
