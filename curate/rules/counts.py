"""COUNT: any other counted figure; the number with its multiplier and qualifier.

The counted noun stays outside (``более 500`` наркопреступлений). Collective numerals
and numerals with a possessive ending are counts (``двое``, ``Семеро``, ``екеуі``,
``сегізі``), and so is ``одна`` in a list of counts (``две лаборатории и одна группа``),
not ``одной из стран``. Not counts: ratios (``в 3 раза``, ``3 есе``), ages (``52 жастағы``,
``18 бен 25 жас``, ``екі мүшелге``, a year of birth ``1950 ж.т.``; ``33-летнюю`` is one
token), phone numbers (``102 нөміріне``, ``по телефону 102``), numbers after ``№``, and
numbers with a unit, a currency or a time word (other families take those), nor the police
numbers dialled (``звоните в 102,``). A range in one token is a count at its upper bound
(``4-5`` нарколабораторий). Page chrome is not counted either: the minutes of a clock time
(``12:53``), a list's item numbers (``1. Депо ауданы;``), the day and year of a header date
(``04 января 2024 | 12:53``, ``25 Шілде, 2022``, a banner's ``6 ОКТЯБРЯ``), view counters
(``255 рет көрсетілді``, ``просмотров``), currency rates (``USD: 494.87``) and the year of an
operation's name (``«Қарасора — 2025»``).
"""

import re

from curate.data import Gazetteers
from curate.normalise import CURRENCIES, QUANTITY_UNITS
from curate.rules.dates import ANY_CASE_MONTH, CLOCK_AFTER, KK_MONTH_NAMES, TIME_UNIT
from curate.rules.grammar import (
    KK,
    KK_ADJECTIVE_SUFFIXES,
    LANGS,
    LOWER,
    RU,
    SPACE,
    UPPER,
    WORD_END,
    Rule,
    any_case,
    rule,
    trie,
)
from curate.rules.numbers import (
    DIGIT_AMOUNT,
    HALF_AFTER,
    NOT_AFTER_ABLATIVE,
    QUALIFIER_AFTER,
    word_amount,
)
from curate.rules.quantities import DOSE_COUNTER

#: An age range: the number is joined to an age by a conjunction or a dash (``18 бен 25
#: жас``, ``18 и 25 лет``, ``18–25-летних``).
_AGE_RANGE = (
    rf"{SPACE}?(?:(?:бен|мен|пен|және|и|или|до){SPACE}|[-–—]{SPACE}?)\d+"
    rf"(?:{SPACE}(?:жас|лет)|-(?:жас|летн))"
)
#: A phone number: a word for a number or a service after it (``102 нөміріне``), the
#: next group of a number written in groups (``8 (7172) 55-12-34``, ``701 123 45 67``).
_PHONE_AFTER = (
    rf"[»\"”]?{SPACE}(?:нөмір|номер|телефон|қызмет(?:і|іне|ін|інің|інде){WORD_END})"
    rf"|{SPACE}(?:хабарла(?!ма)|қоңырау)"
    # (a range's second end after the ablative is no group: ``300 мыңнан 500 мыңға``)
    rf"|{NOT_AFTER_ABLATIVE}{SPACE}\d|{SPACE}\(\d{{3,5}}\)|\){SPACE}?\d"
)
#: A page's view counter after the number (``255 рет көрсетілді``, ``1 024 просмотра``).
_VIEWS_AFTER = r"\s(?:рет\s(?:көрсетілді|қаралды|оқылды)|просмотр\w*)"
#: A month's name in any case, as a banner writes it (``6 ОКТЯБРЯ``, ``25 Шілде``): the
#: number before it is a day.
_MONTH_AFTER = rf"{SPACE}{ANY_CASE_MONTH}"
#: ``жас`` "age" after a number in its forms (``26 жастағы``, ``20 жасар``), not the adjective
#: "young" before a person (``екі жас қызды``, ``40 жас спортшы`` "40 young athletes") nor
#: another word (``4 жасырын зертхана``).
_YOUNG_WHO = ["қыз", "жігіт", "бала", "әйел", "жұбай", "ана", "адам", "спортшы", "маман"]
_AGE_ENDINGS = ["", "тағы", "тан", "та", "қа", "ар", "ында", "ынан", "ына", "ы", "ының", "тар",
                "ты"]  # fmt: skip
_AGE_WORD = rf"жас(?!{SPACE}{trie(_YOUNG_WHO)}){trie(_AGE_ENDINGS)}"
#: The parts of a Kazakh fraction, a number in the ablative and one with the possessive
#: (``үштен екісі`` "two thirds", ``бестен бірі`` "a fifth"): a share, not a count (H16).
_KK_FRACTION_DENOMINATORS = any_case(
    ["екіден", "үштен", "төрттен", "бестен", "алтыдан", "жетіден", "сегізден",
     "тоғыздан", "оннан"]
)  # fmt: skip
_KK_FRACTION_NUMERATOR = trie(
    ["бірі", "екісі", "үші", "төрті", "бесі", "алтысы", "жетісі", "сегізі", "тоғызы"]
)
_NOT_FRACTION = (
    rf"(?!{trie(_KK_FRACTION_DENOMINATORS)}{SPACE}{_KK_FRACTION_NUMERATOR}{WORD_END})"
    + "".join(f"(?<!{word}{SPACE})" for word in _KK_FRACTION_DENOMINATORS)
)
#: A year of birth, which stands for an age (``1950 ж.т.`` "born in 1950").
_BIRTH_YEAR_AFTER = rf"{SPACE}ж\.{SPACE}?т\."
#: What may not follow a count: a ratio, an age (``екі мүшелге`` "two twelve-year cycles of
#: age", K50), the idiom for livestock (``төрт түлік`` "the four kinds of stock", K131) and
#: "-legged" (``төрт аяқты`` "four-legged", of a police dog), a gun's calibre (``16
#: калибрлі``, ``7,62 мм калибрлі``), a
#: unit, a currency, a time word, a phone, a view counter, a month, the clock time of a page
#: header.
NOT_COUNTED = (
    rf"(?!{SPACE}?(?:{DOSE_COUNTER}{SPACE})?(?:раз[а]?|есе\w*|түлі[кг]\w*|аяқты|калибр\w*|мм{SPACE}калибр\w*|{_AGE_WORD}|мүшел\w*|сын[ыі][пб]\w*|лет\w*|процент\w*|пайыз\w*|%|"
    + "|".join((*QUANTITY_UNITS, *CURRENCIES))
    # (a monthly index of a fine is counted: ``20 айлық есептік көрсеткіш``, K132)
    + rf"|(?!айлық{SPACE}есептік){TIME_UNIT}){WORD_END}|{_AGE_RANGE}|{_BIRTH_YEAR_AFTER}"
    + rf"|{_PHONE_AFTER}|{_VIEWS_AFTER}"
    + rf"|{_MONTH_AFTER}|{CLOCK_AFTER}"
    # nor degrees of a coordinate or a temperature (``44˚25′``), nor a year before others
    # (``2001 және 2002 жылдары туылған``, ``2011, 2015, 2021 және 2022 жылы туған``)
    + rf"|{SPACE}?[˚°′]|(?<=(?:19|20)\d\d)(?:(?:,|{SPACE}(?:және|мен|пен)){SPACE}(?:19|20)\d\d)+"
    + rf"{SPACE}жыл)"
)
#: Not the year of a page header's date after its capitalised month (``25 Шілде, 2022``).
_NOT_HEADER_YEAR = "".join(rf"(?<!{month.capitalize()},{SPACE})" for month in KK_MONTH_NAMES)
#: Not the minutes of a clock time (``12:53``), nor a currency rate (``USD: 494.87``), nor
#: the year closing an operation's name after a dash (``«Қарасора — 2025»``).
_NOT_CLOCK_OR_NAME = (
    r"(?<!\d:)(?<![A-Z]{3}:)(?<![A-Z]{3}:\s)(?:(?<![-–—] )(?<![-–—])|(?!\d+[»\"”]))"
)


def _not_after(words: tuple[str, ...]) -> str:
    """Lookbehinds refusing a number right after one of ``words`` (``№``, ``ст.``, ``по
    телефону``: the ``not_count_after`` list) and a space (or a space
    and a quote), or after another number and a space (the groups of a phone number); one
    lookbehind per word length, as a lookbehind has a fixed width."""
    by_length: dict[int, list[str]] = {}
    for word in words:
        by_length.setdefault(len(word), []).append(word)
    refused = "".join(
        rf"(?<!{trie(same)}{SPACE}{opener})"
        for _, same in sorted(by_length.items())
        for opener in ("", '[«"]')
    )
    # ``в т.ч. 2700`` "including": ``ч.`` there is no part of an article
    return rf"(?<!№)(?<!\d{SPACE})(?:(?<=т\.ч\.{SPACE})|(?<=т\.{SPACE}ч\.{SPACE})|{refused})"


#: Russian collective numerals in their cases (``двое``, ``троих``, ``семерым``).
_RU_COLLECTIVE_STEMS = trie(
    any_case(["четвер", "пятер", "шестер", "семер", "восьмер", "девятер", "десятер"])
)
_RU_COLLECTIVE = (
    rf"(?:{trie(any_case(['дво', 'тро']))}(?:е|их|им|ими)|{_RU_COLLECTIVE_STEMS}(?:о|ых|ым|ыми))"
)
#: Kazakh collective numerals (``екеуі``, ``алтауын``) and number words with a possessive
#: ending (``сегізі`` "eight of them"); not ``бірі``, ``оны`` (a pronoun), ``үшін``
#: ("for"), ``бесін`` (afternoon), ``жүзі`` ("face"), ``тоқсаны`` ("its quarter").
_KK_COLLECTIVE_STEMS = trie(
    any_case(["екеу", "үшеу", "төртеу", "бесеу", "алтау", "жетеу", "сегізеу", "тоғызау",
              "онау"])
)  # fmt: skip
_KK_POSSESSIVE_NUMBERS = trie(
    any_case(["екісі", "төрті", "алтысы", "жетісі", "сегізі", "тоғызы",
              "жиырмасы", "отызы", "қырқы", "елуі", "алпысы", "жетпісі", "сексені"])
)  # fmt: skip
_KK_COLLECTIVE = (
    rf"(?:{_KK_COLLECTIVE_STEMS}(?:[ыі](?:н|не|на|нің|ның|нен|нан|мен|нде|нда)?)?"
    rf"|{_KK_POSSESSIVE_NUMBERS}(?:н|не|на|нің|ның|нен|нан|мен)?)"
)
#: An age said as a tens word in the genitive and a collective numeral (``Жетпістің жетеуін
#: жасаған`` "aged seventy-seven", K115): not a count.
_NOT_AN_AGE_IDIOM = "".join(
    f"(?<!{word} )"
    for word in any_case(
        ["жиырманың", "отыздың", "қырықтың", "елудің", "алпыстың", "жетпістің", "сексеннің",
         "тоқсанның"]
    )
)  # fmt: skip
_ONE_AFTER = (
    "и", "а", "по", "только", "лишь", "всего",
    *any_case(f"{more}{at}" for more in ("еще", "ещё") for at in ("", " у")),
)  # fmt: skip
#: ``один``/``одна`` is a count only in a list of counts, after ``только``/``ещё`` or a verb
#: in the past or its short participle, or opening a sentence (``две лаборатории и одна
#: группа``, ``Один подсудимый оправдан``, ``выявлен один факт``, ``ещё у одной группы``),
#: never in ``одной из стран`` or ``один раз``.
_RU_ONE = (
    rf"(?:(?:(?<=,{SPACE})|"
    + "|".join(rf"(?<=[\W_]{re.escape(word)}{SPACE})" for word in _ONE_AFTER)
    # or after a verb in the past (``вычислили одну нарколабораторию``, R30)
    + r"|(?<=ли )|(?<=ла )|(?<=ен )|(?<=ан ))(?:один|одна|одно|одну|одного|одной|одним|одному)"
    # or opening a sentence (``Один подсудимый оправдан``, R30)
    + r"|(?:(?<=[.!?] )|(?<=\n))(?:Один|Одна|Одно|Одну|Одного|Одной))"
    rf"(?={SPACE}[а-яё])(?!{SPACE}(?:из|раз|и|или|за|друг\w*|стороны|время){WORD_END})"
)

#: Kazakh ``бір`` ("one", also the article "a") is a count after ``тағы`` ("one more", like
#: ``ещё один``: ``тағы бір жас жігіт``, ``тағы бір топтан``, K35, K50) and before the things
#: these reports count (``бір зертхана анықталды``, ``Бір есірткі зертханасы``, ``бір қап``),
#: the people held, wounded or sought among them (``бір тұрғыны ұсталды``, ``бір қызметкерді
#: жаралады``, ``бір азаматшаны ұстаған``, K131; not ``бір ер адам`` "a man");
#: never in ``бір топ адамның`` ("a group of people"), ``бір бөлігі``, ``тағы бір рет`` ("once
#: more") or before a time word, which a DATE takes (``бір жылда``).
_KK_COUNTED_AFTER_ONE = trie(
    ["зертхана", "факті", "қылмыс", "сайт", "карта", "қорап", "қап", "пакет", "дорба", "оқиға",
     "дерек", "орам", "тұрғын", "азамат", "қызметкер", "күдікті", "жасөспірім",
     # "one piece of" (``бір дана аңшы мылтығы``)
     "дана"]
)  # fmt: skip
_KK_NOT_COUNTED_AFTER_MORE = trie(
    ["рет", "мәрте", "жыл", "ай", "апта", "күн", "сағат", "минут", "кез", "мезгіл"]
)
_KK_ONE = (
    rf"(?:(?<=[\W_][Тт]ағы{SPACE})|(?<=^[Тт]ағы{SPACE}))бір"
    rf"(?={SPACE}[{LOWER}])(?!{SPACE}{_KK_NOT_COUNTED_AFTER_MORE})"
    # (the noun itself, not its adjective: ``бір қылмыстық желіге`` "to one criminal network")
    # (not "an unknown one": ``белгісіз бір азамат`` "some unknown man", K133)
    rf"|(?<![^\W_])(?<!белгісіз{SPACE})[Бб]ір(?={SPACE}(?:есірткі{SPACE})?{_KK_COUNTED_AFTER_ONE}"
    rf"(?![^\W\d_]*(?:{'|'.join(KK_ADJECTIVE_SUFFIXES)}){WORD_END}))"
)

#: A thousand or a hundred with no number before it, but a qualifier or a half after: the
#: multiplier counts as one of it (``мыңнан астам іс-шара`` "more than a thousand events",
#: ``жүзге жуық`` "nearly a hundred", K109; ``мың жарымнан адам`` "a thousand and a half
#: people", K110), as a unit word alone counts as one (K14).
_KK_BARE_HUNDREDS = (
    rf"(?<!\d{SPACE})(?:(?:[Мм]ың(?:нан|ға)|[Жж]үз(?:ден|ге))"
    rf"{SPACE}(?:астам|аса|артық|жуық){WORD_END}"
    rf"|[Мм]ың{HALF_AFTER}{NOT_COUNTED}{QUALIFIER_AFTER})"
)

#: The police and emergency numbers dialled (``звоните в 102,``, ``на 112.``): after ``в`` or
#: ``на`` with no counted noun after them they are numbers to call (H16, R14).
_NOT_DIALLED = (
    rf"(?!(?:(?<=[\s(][Вв]{SPACE})|(?<=[\s(][Нн]а{SPACE}))(?:10[1-4]|112){WORD_END}"
    rf"(?!{SPACE}[^\W\d_]))"
    # nor in quotes or before a line's name (``«102» жедел желісіне`` "to the 102 hotline")
    rf"(?!(?<=[«\"“])(?:10[1-4]|112)[»\"”])"
    rf"(?!(?:10[1-4]|112){SPACE}(?:жедел{SPACE})?желі)"
)
#: The upper end of an age range after ``жасы`` "aged" (``жасы 28 бен 30 арасындағы``); its
#: lower end follows ``жасы``, in the ``not_count_after`` list.
_NOT_AGE_RANGE_END = "".join(
    rf"(?<![Жж]асы{SPACE}{digits}{SPACE}{link}{SPACE})"
    for digits in (r"\d", r"\d\d")
    for link in ("бен", "мен", "пен", "және", "-", "–")
)
#: A list's item number at the start of its line (``1. Депо ауданы;``, ``2) …``) counts nothing.
_NOT_LIST_MARKER = r"(?!(?:(?<=\n)|(?<=\A ))\d{1,2}[.)]\s)"
#: Nor a number inside a code: after a slash (``ИЧ-167/4``), after an abbreviation and a dash
#: (``АИ–92`` petrol, ``ИЧ-167``), or hyphenated after an abbreviation (``ГМ 172-2``, a
#: prison's name).
_NOT_IN_A_CODE = (
    rf"(?<!/)(?<![{UPPER}]{{2}}-)(?<![{UPPER}]{{2}}–)"
    rf"(?:(?<![{UPPER}]{{2}}{SPACE})|(?!\d+-\d))"
)
#: A military unit's number names it (``5518 әскери бөлімінің``, K127, K133).
_NOT_UNIT_NUMBER = rf"(?!\d{{3,5}}{SPACE}әскери{SPACE}бөлім)"
#: A count range written as one token (``4-5`` нарколабораторий, R11); not a phone's groups.
_COUNT_RANGE = r"(?<![\d-])\d{1,3}-\d{1,3}(?![-\d])"


def _digits_count(gazetteers: Gazetteers) -> str:
    """A count in digits (``2 564``, ``500-ден астам``), not a label, a phone or a measure."""
    not_after = _not_after(gazetteers.not_count_after)
    return (
        rf"{not_after}{_NOT_AGE_RANGE_END}{_NOT_CLOCK_OR_NAME}{_NOT_HEADER_YEAR}{_NOT_DIALLED}"
        rf"{_NOT_LIST_MARKER}{_NOT_UNIT_NUMBER}{_NOT_IN_A_CODE}"
        rf"(?:{DIGIT_AMOUNT}|{_COUNT_RANGE}){NOT_COUNTED}"
        rf"{QUALIFIER_AFTER}"
    )


def _words_count(lang: str) -> str:
    """A count in ``lang``'s number words (``три``, ``үш``), not a measure nor a fraction."""
    return rf"{_NOT_FRACTION}{word_amount(lang)}{NOT_COUNTED}{QUALIFIER_AFTER}"


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """Counts in digits (``2 564``, ``500-ден астам``) and in words (``три``, ``үш``)."""
    return [
        rule("count_digits", "COUNT", _digits_count(gazetteers), 0.8),
        *(
            rule(f"count_words_{lang}", "COUNT", _words_count(lang), 0.7, langs=frozenset({lang}))
            for lang in sorted(LANGS)
        ),
        rule("count_collective_ru", "COUNT", _RU_COLLECTIVE, 0.7, langs=RU),
        rule("count_one_ru", "COUNT", _RU_ONE, 0.6, langs=RU),
        rule(
            "count_collective_kk",
            "COUNT",
            rf"{_NOT_AN_AGE_IDIOM}{_NOT_FRACTION}{_KK_COLLECTIVE}{QUALIFIER_AFTER}",
            0.7,
            langs=KK,
        ),
        rule("count_one_kk", "COUNT", _KK_ONE, 0.6, langs=KK),
        rule("count_bare_hundreds_kk", "COUNT", _KK_BARE_HUNDREDS, 0.6, langs=KK),
    ]
