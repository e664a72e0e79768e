"""ORG: named organisations, agencies, units, media outlets and companies.

The longer full name wins and keeps its place words and its parent: ``Департамента полиции
Алматы``, ``Комитета по противодействию наркопреступности МВД РК``, ``Департамента
государственных доходов по Актюбинской области``, ``Комитета государственных доходов
Министерства финансов РК``, ``Алматы қалалық Полиция департаменті``, ``Қарағанды облыстық
полиция департаментінің есірткі қылмысына қарсы іс-қимыл басқармасы``.

A Russian name is head first (a head noun from ``org_heads_ru`` and its complement, then
maybe its parent in the genitive); a lower-case head (``управления таможенного контроля``)
needs a complement that names the unit. A Kazakh name is head last: place, state and
abbreviation words (``Павлодар облысы``, ``ҚР ҰҚК``), the name's own words, a head from
``org_heads_kk`` in the possessive (``министрлігі``) or after an adjective (``Ұлттық банк``),
and maybe a sub-unit after a genitive head (``департаментінің ... басқармасы``).
A head alone (``Комитетом``, ``Прокуратураның``) is not a name.
"""

from curate.data import Gazetteers
from curate.rules.grammar import (
    HYPHEN_ENDING,
    KK,
    KK_CASE_ENDING,
    KK_ENDING,
    KK_PLURAL,
    RU,
    RU_ADJECTIVE_ENDING,
    SPACE,
    STATE,
    UPPER,
    WORD_END,
    Rule,
    any_case,
    inflected,
    rule,
    trie,
)
from curate.rules.places import RU_AREA_STEM, RU_PLACE_ADJECTIVE

#: Adjectives that open a Russian agency name before its head (``региональной Службе``).
_RU_ORG_ADJECTIVES = (
    "региональн", "областн", "городск", "районн", "республиканск", "межрегиональн",
    "территориальн", "центральн", "национальн", "генеральн", "верховн", "антикоррупционн",
    "пограничн", "таможенн", "миграционн", "специализированн", "межведомственн",
    "межрайонн", "апелляционн", "военн", "транспортн", "линейн",
)  # fmt: skip
#: Adjectives of the court or office level after a place adjective (``Карагандинском
#: областном суде``, ``Алматинский городской суд``).
_RU_LEVEL_ADJECTIVES = ("областн", "городск", "районн", "межрайонн", "специализированн")
#: Heads that name an agency even in lower case with any complement (``министерством
#: культуры``).
_RU_LOWER_HEADS = ("министерств", "агентств")
#: Heads of units that name one in lower case only with a complement that says which
#: (``управления таможенного контроля``, ``прокуратуры Карагандинской области``); alone or
#: with another complement they are generic (``сотрудники управления``).
_RU_LOWER_UNITS = (
    "управлени", "департамент", "служб", "отдел", "комитет", "прокуратур", "суд", "инспекци",
)  # fmt: skip
#: Of those, the units named by a ``по`` complement (``управления по противодействию
#: наркопреступности``), unless it is one of the generic ``по`` phrases (``суда по делу``).
_RU_LOWER_UNITS_BY = ("управлени", "департамент", "служб", "отдел", "комитет", "инспекци")
_RU_NOT_UNIT_BY = (
    "делу", "статье", "факту", "итогам", "данным", "словам", "информации", "поводу",
    "телефону", "месту", "адресу", "указанию", "решению", "приговору", "подозрению",
)  # fmt: skip
#: A complement word: genitive-like endings of nouns and adjectives, not a past-tense verb.
_RU_COMPLEMENT_WORD = (
    r"(?:дел|[а-яё]+(?:-[а-яё]+)?(?:ых|их|ой|ей|ого|его|ии|ия|ости|ций|ний|ства|ств|ов|ев|ы|и))"
    rf"(?<!л[иаоы]){WORD_END}"
)
#: A genitive adjective and a genitive noun: what a lower-case unit's name says
#: (``таможенного контроля``, ``экономических расследований``, ``криминальной полиции``).
_RU_ADJECTIVE_NOUN = (
    rf"[а-яё]+(?:ого|его|ой|ей|ых|их){WORD_END}"
    rf"{SPACE}[а-яё]+(?:а|я|ы|и|ов|ев|ей|ий){WORD_END}"
)


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """Kazakh and Russian agency names, abbreviations with their place, outlets, companies."""
    agencies = inflected(gazetteers.agencies)
    places = inflected(gazetteers.places)
    # The gazetteer alternation appears once: ``place`` is repeated in the patterns below.
    place = (
        rf"(?:(?:г\.{SPACE}?|город(?:у|а|е)?{SPACE})?{places}"
        rf"|{RU_PLACE_ADJECTIVE}{SPACE}{RU_AREA_STEM}\w*"
        rf"|област(?:и|ь){SPACE}{inflected(gazetteers.regions)})"
    )
    complement_item = (
        rf"(?:по{SPACE}{place}"
        rf"|по{SPACE}(?:[а-яё]+(?:ому|ему|ой|ей|ым|им){SPACE})?[а-яё]+"
        rf"(?:{SPACE}со?{SPACE}[а-яё]+(?:ью|ом|ем|ой|ей|ами|ями){WORD_END})?"
        rf"|на{SPACE}транспорте"
        rf"|и{SPACE}{_RU_COMPLEMENT_WORD}|{_RU_COMPLEMENT_WORD}"
        rf"|{agencies}|{STATE}|{place})"
    )
    complements = rf"(?:{SPACE}{complement_item}){{1,6}}"
    # The parent in the genitive after a unit: ``... Министерства финансов РК``.
    parent = rf"(?:{SPACE}{trie(gazetteers.org_heads_ru)}(?:а|я|ы|и){WORD_END}{complements})?"
    lower_heads = trie(h.lower() for h in gazetteers.org_heads_ru)
    lower_unit = (
        rf"(?:{trie(_RU_LOWER_UNITS)}[а-яё]{{0,4}}{WORD_END}{SPACE}"
        rf"(?:{place}|{agencies}|{_RU_ADJECTIVE_NOUN}"
        rf"|(?:полиции|юстиции){SPACE}(?:{place}|{agencies}|на{SPACE}транспорте))"
        rf"|{trie(_RU_LOWER_UNITS_BY)}[а-яё]{{0,4}}{WORD_END}{SPACE}по{SPACE}"
        rf"(?!{trie(_RU_NOT_UNIT_BY)}{WORD_END}))"
    )
    return [
        rule("org_kk_head_last", "ORG", _kk_head_last(gazetteers), 0.75, langs=KK),
        rule(
            "org_ru_head_first",
            "ORG",
            rf"{_ru_head(gazetteers)}{complements}{parent}"
            rf"|{_ru_adjectives()}"
            rf"{lower_heads}[а-яё]{{0,4}}{WORD_END}(?:{SPACE}{complement_item}){{0,6}}{parent}"
            rf"|(?=[а-яё])(?:{trie(_RU_ORG_ADJECTIVES)}{RU_ADJECTIVE_ENDING}{SPACE})?"
            rf"(?={lower_unit}){trie(_RU_LOWER_UNITS)}[а-яё]{{0,4}}{WORD_END}"
            rf"(?:{SPACE}{_RU_ADJECTIVE_NOUN})?(?:{SPACE}{complement_item}){{0,6}}{parent}",
            0.8,
            langs=RU,
        ),
        rule(
            "org_abbreviation_place",
            "ORG",
            rf"(?:ҚР{SPACE})?{agencies}(?:{SPACE}{agencies}){{0,2}}"
            rf"{SPACE}(?:{STATE}|{place}|по{SPACE}{place})",
            0.9,
        ),
        rule("org_gazetteer", "ORG", rf"(?:ҚР{SPACE})?{agencies}", 0.95),
        rule("org_outlet", "ORG", inflected(gazetteers.outlets), 0.95),
        rule(
            "org_web_address",
            "ORG",
            r"[A-Za-z][A-Za-z0-9-]*\.(?:kz|KZ|ru|RU|com|COM|org|ORG|net|uz|UZ|kg|KG)",
            0.85,
        ),
    ]


def _ru_head(gazetteers: Gazetteers) -> str:
    """A Russian head noun, capitalised or one of the few written in lower case, with an
    optional adjective before it (``региональной Службе``)."""
    heads = trie(gazetteers.org_heads_ru)
    lower_heads = trie(_RU_LOWER_HEADS)
    adjective = rf"(?:{trie(any_case(_RU_ORG_ADJECTIVES))}){RU_ADJECTIVE_ENDING}{SPACE}"
    return rf"(?:{adjective})?(?:{heads}|{lower_heads})[а-яё]{{0,4}}{WORD_END}"


def _ru_adjectives() -> str:
    """The adjectives before a lower-case head: an agency adjective and maybe a second one
    (``Специализированный межрайонный суд``, ``Генеральной прокуратуры``), or a place
    adjective and a level (``Карагандинском областном суде``)."""
    capitalised = trie(a.capitalize() for a in _RU_ORG_ADJECTIVES)
    lower = trie(_RU_ORG_ADJECTIVES)
    level = trie(_RU_LEVEL_ADJECTIVES)
    return (
        rf"(?:{capitalised}{RU_ADJECTIVE_ENDING}{SPACE}(?:{lower}{RU_ADJECTIVE_ENDING}{SPACE})?"
        rf"|{RU_PLACE_ADJECTIVE}{SPACE}{level}{RU_ADJECTIVE_ENDING}{SPACE})"
    )


# ---- Kazakh: head last ---------------------------------------------------------------------

#: Kazakh genitive endings (``департаментінің``, ``Астананың``).
_KK_GENITIVE = "(?:ның|нің|дың|дің|тың|тің)"
#: The administrative words after a place that opens a Kazakh agency name (``Павлодар облысы
#: прокуратурасы``, ``Алматы қалалық Полиция департаменті``).
_KK_AREA_WORDS = (
    "облысы", "облысының", "облыстық", "қаласы", "қаласының", "қалалық", "ауданы",
    "ауданының", "аудандық",
)  # fmt: skip
#: Heads that are also adjectives (``Орталық Азия`` "Central Asia"): a head only with the
#: possessive (``орталығы``).
_KK_ADJECTIVE_HEADS = ("орталық",)
#: Words that never stand inside a name: postpositions, conjunctions that join two names
#: (``ҰҚК мен Мемлекеттік кірістер комитеті``), ``баспасөз`` (the press service of a body is
#: not its name: ``прокуратурасының баспасөз қызметі``).
_KK_NOT_IN_NAME = (
    "туралы", "үшін", "кейін", "соң", "бері", "арқылы", "дейін", "шейін", "бірге", "бірлесіп",
    "мен", "бен", "пен", "немесе", "баспасөз", "сондай-ақ", "ал", "бұл", "осы", "сол",
    "ол", "оның", "олар", "олардың", "соның", "бұның", "мұның", "осының", "алайда", "бірақ",
    "сондықтан", "сонымен", "биыл", "былтыр", "кезінде", "бойы", "жыл", "жылы",
)  # fmt: skip
#: Words that do not open a name: an area adjective with no place before it is generic
#: (``облыстық соттың шешімі`` "the regional court's decision").
_KK_NOT_FIRST = ("облыстық", "қалалық", "аудандық", "облысы", "қаласы", "ауданы")
#: People in a body, not a sub-unit of it: ``департаментінің қызметкерлері``.
_KK_PEOPLE = (
    "бастығ", "бастық", "басшы", "орынбасар", "өкіл", "төраға", "қызметкер", "тергеуші",
    "инспектор", "офицер", "маман", "сарапшы", "прокурор", "судья", "министр", "әкім",
)  # fmt: skip
_KK_WORD = r"[^\W\d_]++(?:-[^\W\d_]++)?+"
_KK_SURNAME = (
    rf"[{UPPER}][^\W\d_]*?(?:ұлы|улы|қызы|кызы|ов|ев|ова|ева|ин|ина)(?:{KK_ENDING})?{WORD_END}"
)


def _kk_head_last(gazetteers: Gazetteers) -> str:
    """A Kazakh name, head last; the shortest such name wins, then the sub-unit after a
    genitive head is added (``басқармасының бағдарламалық офисі``).

    The name opens with place, state or abbreviation words (any words may follow them:
    ``ШҚО ПД есірткі қылмысына қарсы іс-қимыл басқармасы``) or with a capitalised word that
    is not a surname, a pronoun or a word in an oblique case (``Отырысқа`` "to the meeting"
    opens no name; ``-тан`` is left out for ``Қазақстан``). Capitalised words come
    before lower-case ones: ``Бұл туралы Павлодар облысы прокуратурасы`` starts at
    ``Павлодар``.
    """
    heads = list(gazetteers.org_heads_kk)
    stems = heads + [h[:-1] + {"к": "г", "қ": "ғ"}[h[-1]] for h in heads if h[-1] in "кқ"]
    possessive = (
        rf"{trie(any_case(stems))}{KK_PLURAL}?с?[ыі](?:{KK_CASE_ENDING})?"
        rf"{WORD_END}"
    )
    head = (
        rf"(?:{possessive}"
        rf"|{_AFTER_ADJECTIVE}{trie(any_case(h for h in heads if h not in _KK_ADJECTIVE_HEADS))}"
        rf"(?:{KK_ENDING})?{WORD_END})"
    )
    not_in_name = rf"(?!{trie(any_case(_KK_NOT_IN_NAME))}{WORD_END})"
    capitalised = rf"{not_in_name}(?!{_KK_SURNAME})[{UPPER}]{_KK_WORD}{_NOT_GENITIVE}"
    first = (
        rf"(?!{trie(any_case(_KK_NOT_FIRST))}{WORD_END}){capitalised}{_NOT_OBLIQUE}"
        rf"(?<!{KK_PLURAL})"
    )
    places = trie(gazetteers.places + gazetteers.regions)
    area = trie(_KK_AREA_WORDS)
    opener = (
        rf"(?:ҚР|Қазақстан{SPACE}Республикасының"
        rf"|[{UPPER}]{{2,6}}(?:{HYPHEN_ENDING})?"
        rf"|(?:{places}{_KK_GENITIVE}?|{first}(?={SPACE}{area}))"
        rf"(?:{SPACE}{area})?(?:{SPACE}бойынша)?){WORD_END}"
    )
    lower = (
        rf"{not_in_name}(?![{UPPER}]){_KK_WORD}{_NOT_GENITIVE}"
        r"(?<!нан|нен|дан|ден|тан|тен|[^у]да|[^у]де)(?<!та|те)"
    )
    words = rf"(?:{SPACE}{capitalised}){{0,2}}(?:{SPACE}{lower}){{0,5}}?"
    after_opener = rf"(?:{SPACE}(?:{capitalised}|{lower}(?<!және)){words})?"
    chain_word = (
        rf"{not_in_name}(?!және{WORD_END}|{trie(any_case(_KK_PEOPLE))})"
        rf"(?![^\W\d_]*(?:лары|лері|дары|дері|тары|тері){WORD_END}){_KK_WORD}{_NOT_GENITIVE}"
    )
    chain = (
        rf"(?:(?<={_KK_GENITIVE})(?:{SPACE}{chain_word}){{1,4}}?{SPACE}{possessive}"
        rf"|(?<=[ыі]){SPACE}(?![^\W\d_]*[ыі]н{WORD_END}){possessive}){{0,2}}"
    )
    return (
        rf"(?:{opener}(?:{SPACE}{opener}){{0,2}}{after_opener}|{first}{words}){SPACE}{head}"
        rf"{chain}"
    )


#: Before a head without an ending: an adjective (``Ұлттық банк``, ``Бас прокуратура``);
#: after a noun the head takes the possessive (``ақпарат министрлігі``, not ``кеңес өткізді``).
_AFTER_ADJECTIVE = (
    "(?:"
    + "|".join(
        rf"(?<={ending}{SPACE})"
        for ending in (
            "лық",
            "лік",
            "дық",
            "дік",
            "тық",
            "тік",
            "ғы",
            "гі",
            "қы",
            "кі",
            "Бас",
            "бас",
        )
    )
    + ")"
)
#: A word inside a name before its head is not in the genitive: ``зертхананың қызметі`` is
#: "the laboratory's activity" (a genitive parent is found by the opener or the chain).
_NOT_GENITIVE = f"(?<!{_KK_GENITIVE})"
#: After a word: it does not end in a Kazakh oblique case ending (dative, locative, ...).
_NOT_OBLIQUE = "".join(
    f"(?<!{ending})"
    for ending in ("қа", "ға", "ке", "ге", "да", "де", "та", "те", "нан", "нен", "дан", "ден",
                   "тен", "мен", "бен", "пен")
)  # fmt: skip
