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

Pieces built from a gazetteer are small cached functions of the gazetteers; the others are
module constants.
"""

import functools
import re
from collections.abc import Iterable

from curate.data import Gazetteers
from curate.rules.grammar import (
    HYPHEN_ENDING,
    KK,
    KK_ADJECTIVE_SUFFIXES,
    KK_AND,
    KK_CASE_ENDING,
    KK_ENDING,
    KK_PLURAL,
    KK_SENTENCE_ADVERBS,
    LOWER,
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
from curate.rules.overlap import Candidate
from curate.rules.persons import INITIALS
from curate.rules.places import RU_AREA_STEM, RU_PLACE_ADJECTIVE

# ---- Russian: head first ---------------------------------------------------------------------

#: Adjectives of the court or office level after a place adjective (``Карагандинском
#: областном суде``, ``Алматинский городской суд``).
_RU_LEVEL_ADJECTIVES = trie(("областн", "городск", "районн", "межрайонн", "специализированн"))
#: Heads that name an agency even in lower case with any complement (``министерством
#: культуры``).
_RU_LOWER_HEADS = trie(("министерств", "агентств"))
#: Adjectives of an office's level or city, which describe it rather than name it (R6).
_RU_LEVEL_STEMS = frozenset({"столичн", "областн", "городск", "районн"})
#: Heads of units that name one in lower case only with a complement that says which
#: (``управления таможенного контроля``, ``прокуратуры Карагандинской области``); alone or
#: with another complement they are generic (``сотрудники управления``).
_RU_LOWER_UNITS = trie(
    ("управлени", "департамент", "служб", "отдел", "комитет", "прокуратур", "суд", "инспекци")
)
#: Of those, the units named by a ``по`` complement (``управления по противодействию
#: наркопреступности``), unless it is a generic ``по`` phrase (``суда по делу``).
_RU_LOWER_UNITS_BY = trie(("управлени", "департамент", "служб", "отдел", "комитет", "инспекци"))
#: The case ending after a head's stem (``Департамент|а``, ``управлени|я``).
_HEAD_ENDING = rf"[а-яё]{{0,4}}{WORD_END}"
#: A complement word: genitive-like endings of nouns and adjectives, not a past-tense verb
#: nor a short passive participle (``проведены``, ``ликвидированы``).
_RU_COMPLEMENT_WORD = (
    r"(?!при\b)"  # "with" (``при содействии``): a preposition, where the name ends
    # (and the few genitives in ``-я``/``-а`` a unit's name ends in: ``департамента таможенного
    # контроля``, ``центра психического здоровья``)
    r"(?:дел|контроля|надзора|здоровья"
    r"|[а-яё]+(?:-[а-яё]+)?(?:ых|их|ой|ей|ого|его|ии|ия|ости|ций|ний|ства|ств|ов|ев|ы|и))"
    rf"(?<!л[иаоы])(?<!ены)(?<!ованы)(?<!ержаны)(?<!ъяты)"
    # nor a participle (``... Казахстана и реализуемого по принципу``)
    r"(?<!емого)(?<!имого)(?<!ющего)(?<!ящего)(?<!ащего)(?<!вшего)"
    rf"{WORD_END}"
)
#: A second complement joined by ``и`` (``финансов и национальной экономики``); a word in
#: ``-ой``/``-ей`` alone there is a noun in the instrumental (``совместно с управлением ... и
#: прокуратурой``), not a genitive adjective.
_RU_AND_COMPLEMENT = (
    # (not people, who join the unit's staff to another's: ``отдела полиции и оперативники
    # Управления …``)
    rf"и{SPACE}(?!(?:сотрудник|оперативник|полицейск|следовател|инспектор|работник|представител)"
    rf"[а-яё]*{WORD_END})(?:[а-яё]+(?:ой|ей){WORD_END}{SPACE}{_RU_COMPLEMENT_WORD}"
    rf"|(?![а-яё]+(?:ой|ей){WORD_END}){_RU_COMPLEMENT_WORD})"
)
#: A genitive adjective and a genitive noun: what a lower-case unit's name says
#: (``таможенного контроля``, ``экономических расследований``, ``криминальной полиции``).
_RU_ADJECTIVE_NOUN = (
    rf"[а-яё]+(?:ого|его|ой|ей|ых|их){WORD_END}"
    rf"{SPACE}[а-яё]+(?:а|я|ы|и|ов|ев|ей|ий){WORD_END}"
)
#: What a unit works on: ``по противодействию наркопреступности``, ``по борьбе с
#: наркобизнесом``, ``по правовой статистике``, and a second task in the plural dative (``по
#: правовой статистике и специальным учетам``).
_RU_BY_TASK = (
    # (not the subject of a meeting: ``заседание Совета безопасности по вопросам …``)
    rf"по{SPACE}(?!вопрос)(?:[а-яё]+(?:ому|ему|ой|ей|ым|им){SPACE})?[а-яё]+"
    rf"(?:{SPACE}со?{SPACE}[а-яё]+(?:ью|ом|ем|ой|ей|ами|ями){WORD_END})?"
    rf"(?:{SPACE}и{SPACE}(?:[а-яё]+(?:ым|им){SPACE})?[а-яё]+(?:ам|ям){WORD_END})?"
)
_ON_TRANSPORT = rf"на{SPACE}транспорте"
#: Parents written in lower case after a unit (``Управления по противодействию
#: наркопреступности департамента полиции области Жетісу``).
_RU_LOWER_PARENTS = ("департамент", "министерств", "комитет")
#: A unit's abbreviation names its parent in lower case (``УПН департамента полиции``,
#: ``СЭР управления государственных доходов``).
_RU_LOWER_PARENT_HEADS = trie((*_RU_LOWER_PARENTS, "управлени"))
#: A parent unit in the genitive inside a name (``Департамента комитета национальной
#: безопасности``).
_RU_PARENT_UNIT = rf"{_RU_LOWER_PARENT_HEADS}(?:а|я){WORD_END}"
_RU_LOWER_PARENT = (
    rf"{SPACE}{_RU_LOWER_PARENT_HEADS}(?:а|я){WORD_END}"
    rf"(?:{SPACE}{_RU_COMPLEMENT_WORD}){{1,2}}"
)
#: A district's or a town's police department, named after its place (``Түлкібас АПБ``).
_KK_DISTRICT_POLICE = rf"(?:АПБ|АІІБ|ҚПБ|ҚІІБ|ІІБ|ПБ)(?:-[^\W\d_]{{1,5}})?{WORD_END}"
#: The Kazakh state before an agency, abbreviated, in the genitive or the nominative (``ҚР
#: ІІМ``, ``Қазақстан Республикасының ІІМ``, K130; ``Қазақстан Республикасы ҰҚК``, K137).
_KK_STATE_BEFORE = rf"(?:(?:ҚР|Қазақстан{SPACE}Республикасы(?:ның)?){SPACE})?"


@functools.cache
def _kk_places(gazetteers: Gazetteers) -> str:
    """The listed places and regions, as the Kazakh names open with them (``Павлодар облысы
    ПД``, ``Түркістан облысы әкімінің баспасөз қызметі``)."""
    return trie(gazetteers.places + gazetteers.regions)


@functools.cache
def _ru_lower_heads(gazetteers: Gazetteers) -> str:
    """The Russian heads in lower case, as after an adjective (``Генеральной прокуратуры``)."""
    return trie(h.lower() for h in gazetteers.org_heads_ru)


@functools.cache
def _agency(gazetteers: Gazetteers) -> str:
    """An agency by its abbreviation or fixed name, with its endings (``МВД``, ``ІІМ-нің``)."""
    return inflected(gazetteers.agencies)


@functools.cache
def _place(gazetteers: Gazetteers) -> str:
    """A place in an agency's name: a listed place (``г. Алматы``), a region by its adjective
    (``Карагандинской области``) or after its area word (``области Жетісу``).

    The places gazetteer appears once here: every pattern that needs a place uses this one.
    """
    return (
        rf"(?:(?:г\.{SPACE}?|город(?:у|а|е)?{SPACE})?{inflected(gazetteers.places)}"
        rf"|{RU_PLACE_ADJECTIVE}{SPACE}{RU_AREA_STEM}\w*"
        rf"|област(?:и|ь){SPACE}{inflected(gazetteers.regions)})"
    )


@functools.cache
def _complement(gazetteers: Gazetteers) -> str:
    """One complement of a Russian head: ``по Алматинской области``, ``по противодействию
    ...``, ``на транспорте``, a genitive word, a parent unit, an agency, the state or a
    place."""
    return (
        rf"(?:(?:по{SPACE})?{_place(gazetteers)}|{_RU_BY_TASK}|{_ON_TRANSPORT}"
        rf"|{_RU_AND_COMPLEMENT}|{_RU_COMPLEMENT_WORD}|{_RU_PARENT_UNIT}"
        rf"|{_agency(gazetteers)}|{STATE})"
    )


def _complements(gazetteers: Gazetteers, *, at_least: int) -> str:
    return rf"(?:{SPACE}{_complement(gazetteers)}){{{at_least},6}}"


@functools.cache
def _parent(gazetteers: Gazetteers) -> str:
    """The parent body in the genitive after a unit: ``... Министерства финансов РК``, or
    with its adjectives (``... Генеральной прокуратуры РК``)."""
    heads = trie((*gazetteers.org_heads_ru, *_RU_LOWER_PARENTS))
    lower_heads = _ru_lower_heads(gazetteers)
    return (
        rf"(?:{SPACE}(?:{heads}(?:а|я|ы|и){WORD_END}{_complements(gazetteers, at_least=1)}"
        rf"|{_ru_adjectives(gazetteers)}{lower_heads}(?:а|я|ы|и){WORD_END}"
        rf"{_complements(gazetteers, at_least=0)}))?"
    )


def _ru_heads(gazetteers: Gazetteers) -> tuple[str, str]:
    """A Russian head noun with an optional agency adjective before it (``региональной
    Службе``), as it starts in upper case and in lower case: a capitalised head, or one of
    the few written in lower case (``министерства``)."""
    heads = trie(gazetteers.org_heads_ru)
    adjectives = any_case(gazetteers.org_adjectives_ru)
    capitalised = trie(a for a in adjectives if a[:1].isupper())
    lower = trie(a for a in adjectives if not a[:1].isupper())
    upper_start = rf"{capitalised}{RU_ADJECTIVE_ENDING}{SPACE}(?:{heads}|{_RU_LOWER_HEADS})|{heads}"
    lower_start = (
        rf"{lower}{RU_ADJECTIVE_ENDING}{SPACE}(?:{heads}|{_RU_LOWER_HEADS})|{_RU_LOWER_HEADS}"
    )
    return (
        rf"(?:{upper_start}){_HEAD_ENDING}",
        rf"(?:{lower_start}){_HEAD_ENDING}",
    )


def _ru_adjectives(gazetteers: Gazetteers) -> str:
    """The adjectives before a lower-case head: an agency adjective and maybe a second one
    (``Специализированный межрайонный суд``, ``Генеральной прокуратуры``), or a place
    adjective and a level (``Карагандинском областном суде``). A level alone opens no name,
    even capitalised at a sentence's start: ``Столичная прокуратура`` is the capital's
    prosecutor's office, described (R6); with a complement it may (``Городского центра
    психического здоровья``, see :func:`_ru_head_first`)."""
    capitalised = trie(
        a.capitalize() for a in gazetteers.org_adjectives_ru if a not in _RU_LEVEL_STEMS
    )
    lower = trie(gazetteers.org_adjectives_ru)
    return (
        rf"(?:{capitalised}{RU_ADJECTIVE_ENDING}{SPACE}(?:{lower}{RU_ADJECTIVE_ENDING}{SPACE})?"
        rf"|{RU_PLACE_ADJECTIVE}{SPACE}{_RU_LEVEL_ADJECTIVES}{RU_ADJECTIVE_ENDING}{SPACE})"
    )


def _ru_naming_complement(gazetteers: Gazetteers) -> str:
    """What must follow a lower-case unit for it to be a name: a place, an agency, a
    genitive adjective and noun, ``полиции``/``юстиции`` with a place, or a ``по`` phrase
    that is not generic (``управления по противодействию``, not ``суда по делу``)."""
    place, agency = _place(gazetteers), _agency(gazetteers)
    generic = trie(gazetteers.generic_by_phrases_ru)
    return (
        rf"(?:{_RU_LOWER_UNITS}{_HEAD_ENDING}{SPACE}"
        rf"(?:{place}|{agency}|{_RU_ADJECTIVE_NOUN}"
        rf"|(?:полиции|юстиции){SPACE}(?:{place}|{agency}|{_ON_TRANSPORT}))"
        rf"|{_RU_LOWER_UNITS_BY}{_HEAD_ENDING}{SPACE}по{SPACE}(?!{generic}{WORD_END}))"
    )


def _ru_lower_unit(gazetteers: Gazetteers) -> str:
    """A lower-case unit that its complement names (``управления таможенного контроля``),
    maybe after one or two agency adjectives (``областного управления ...``,
    ``специализированного межрайонного суда города Шымкента``)."""
    adjective = trie(gazetteers.org_adjectives_ru)
    return (
        rf"(?=[а-яё])(?:{adjective}{RU_ADJECTIVE_ENDING}{SPACE}){{0,2}}"
        rf"(?={_ru_naming_complement(gazetteers)}){_RU_LOWER_UNITS}{_HEAD_ENDING}"
        rf"(?:{SPACE}{_RU_ADJECTIVE_NOUN})?"
    )


def _ru_head_first(gazetteers: Gazetteers) -> tuple[str, str]:
    """A Russian name: a head with its complements, an adjective and a lower-case head, or
    a lower-case unit; any of them with its parent.

    Given as two alternatives, names starting in upper case and in lower case, each naming
    the parent once: the extractor compiles each only for the letters it can start with
    (see :func:`~curate.rules.grammar.rule`), and the complements are long (every place and
    agency).
    """
    lower_heads = _ru_lower_heads(gazetteers)
    upper_head, lower_head = _ru_heads(gazetteers)
    parent = _parent(gazetteers)
    some = _complements(gazetteers, at_least=1)
    optional = _complements(gazetteers, at_least=0)
    adjectives_head = rf"{_ru_adjectives(gazetteers)}{lower_heads}{_HEAD_ENDING}"
    # a level adjective names a body only with a complement (``Городского центра психического
    # здоровья``, not ``Столичная прокуратура``)
    level = trie(stem.capitalize() for stem in sorted(_RU_LEVEL_STEMS))
    level_head = rf"{level}{RU_ADJECTIVE_ENDING}{SPACE}{lower_heads}{_HEAD_ENDING}"
    return (
        rf"(?:{upper_head}{some}|{adjectives_head}{optional}|{level_head}{some}){parent}",
        rf"(?:{lower_head}{some}|{_ru_lower_unit(gazetteers)}{optional}){parent}",
    )


def _abbreviation_place(gazetteers: Gazetteers) -> str:
    """Russian: abbreviations with their place or state after them (``УПН ДП Шымкента``, ``ДП
    по Алматинской области``, ``МВД РК``) or their lower-case parent (``УПН департамента
    полиции``)."""
    agency, place = _agency(gazetteers), _place(gazetteers)
    return (
        rf"{_KK_STATE_BEFORE}{agency}(?:{SPACE}{agency}){{0,2}}"
        rf"(?:{_RU_LOWER_PARENT})?{SPACE}(?:{STATE}|(?:по{SPACE})?{place})"
        rf"|{agency}{_RU_LOWER_PARENT}"
    )


#: A unit's abbreviation, listed or not, after its parent's (``ПД ЖҚАЖ``, ``Қызылорда облысы
#: ПД ЕҚҚІҚБ``): not the state's, nor a word of a line in capitals (``БҚО ПД АҒА
#: ИНСПЕКТОРЫ:``, a caption's post, K133), nor a Roman numeral (``Ұлттық құрылтайдың IV
#: отырысында`` "the fourth session", K136).
_KK_UNIT_ABBREVIATION = (
    rf"{SPACE}(?!ҚР{WORD_END}|[IVX]+{WORD_END})[{UPPER}]{{2,7}}(?:{HYPHEN_ENDING})?{WORD_END}"
    rf"(?!{SPACE}[{UPPER}]{{3}})"
)


def _kk_abbreviation_place(gazetteers: Gazetteers) -> str:
    """Kazakh: abbreviations after their place and its area word (``Павлодар облысы ПД
    ЕҚКБ``) or after a district's name, listed or not (``Түлкібас АПБ-ның``, ``Отырар АІІБ``),
    before the state (``ІІМ ҚР``) or before a unit's abbreviation (``ПД ЖҚАЖ``). A place
    after an abbreviation is not its own in Kazakh, which names the place first: ``ҰҚК
    Қырғыз Республикасы ... арнаулы қызметімен`` is the committee working with Kyrgyzstan.
    Its press service is inside (``Шымкент қалалық ПД баспасөз қызметі``, K2)."""
    agency = _agency(gazetteers)
    places = _kk_places(gazetteers)
    return (
        rf"(?:{_KK_STATE_BEFORE}{agency}(?:{SPACE}{agency}){{0,2}}{SPACE}{STATE}"
        # a unit's abbreviation after its parent's (``ПД ЖҚАЖ``, K112)
        rf"|{_KK_STATE_BEFORE}{agency}{_KK_UNIT_ABBREVIATION}"
        # (``Атырау облысы бойынша ҚАЖД``, and a region by its abbreviation: ``СҚО ІІД-нің``,
        # ``БҚО ПД``, K133)
        rf"|(?:{places}{SPACE}{_KK_AREA}(?:{SPACE}бойынша)?|(?=[{UPPER}]{{3}}{SPACE}){places})"
        rf"{SPACE}{agency}(?:{SPACE}{agency}){{0,2}}(?:{_KK_UNIT_ABBREVIATION}|{_KK_POLICE_SERVICE})?"
        # a district's name, listed or not (``Отырар АІІБ``), before its police
        rf"|(?:{places}|[{UPPER}][{LOWER}]++)"
        rf"(?:{SPACE}(?:қалалық|аудандық|ауданы|ауданының|қаласы|қаласының))?{SPACE}"
        rf"{_KK_DISTRICT_POLICE})(?:{_KK_POLICE_SERVICE})?(?:{_KK_PRESS_SERVICE})?"
    )


def _kk_akim_press_service(gazetteers: Gazetteers) -> str:
    """An akim's press service by the akim's place, a body (``Түркістан облысы әкімінің
    баспасөз қызметі``, K137), as an agency's is (K2)."""
    places = _kk_places(gazetteers)
    return (
        rf"{places}{SPACE}(?:облысы|қаласы|ауданы)(?:ның)?{SPACE}әкімі(?:нің)?"
        rf"{_KK_PRESS_SERVICE}"
    )


#: A police service under its department, named by its work, maybe with its own unit after
#: it (``Жетісу облысы ПД табиғатты қорғау полициясының``, ``Қостанай облысы ПД Табиғатты
#: қорғау полициясы бөлімінің``, ``ПД патрульдік полиция ротасының``, K137).
_KK_POLICE_SERVICE = (
    rf"{SPACE}(?:[Тт]абиғатты{SPACE}қорғау|[Пп]атрульдік|[Юю]веналдық|[Кк]өші-қон)"
    rf"{SPACE}полиция(?:сы(?:ның|на|нан|нда|мен)?{WORD_END}"
    rf"|(?:сы)?{SPACE}(?:бөлім|басқарма|рота|батальон)[^\W\d_]*{WORD_END})"
)


# ---- Kazakh: head last ---------------------------------------------------------------------

#: Kazakh genitive endings (``департаментінің``, ``Астананың``).
_KK_GENITIVE = "(?:ның|нің|дың|дің|тың|тің)"
#: A word inside a name before its head is not in the genitive: ``зертхананың қызметі`` is
#: "the laboratory's activity" (a genitive parent is found by the opener or the chain).
_NOT_GENITIVE = f"(?<!{_KK_GENITIVE})"
#: After a word: it does not end in a Kazakh oblique case ending (dative, locative, ...,
#: the accusative after a vowel: ``Акцияны полиция департаментінің`` opens no name).
_NOT_OBLIQUE = "".join(
    f"(?<!{ending})"
    for ending in ("қа", "ға", "ке", "ге", "да", "де", "та", "те", "нан", "нен", "дан", "ден",
                   "тен", "мен", "бен", "пен", "ны", "ні")
)  # fmt: skip
#: Endings of Kazakh adjectives (``Ұлттық``, ``Жоғарғы``).
_KK_ADJECTIVE_ENDINGS = (*KK_ADJECTIVE_SUFFIXES, "ғы", "гі", "қы", "кі")
#: Before a head without an ending: an adjective (``Ұлттық банк``, ``Бас прокуратура``);
#: after a noun the head takes the possessive (``ақпарат министрлігі``, not ``кеңес өткізді``).
_AFTER_ADJECTIVE = (
    "(?:"
    + "|".join(
        rf"(?<={ending}{SPACE})"
        for ending in (*_KK_ADJECTIVE_ENDINGS, "Бас", "бас")
    )
    + ")"
)  # fmt: skip
#: The Kazakh adjectives of an area: regional, city, district (``облыстық``).
_KK_AREA_ADJECTIVES = ("облыстық", "қалалық", "аудандық")
#: The Kazakh nouns of an area (``облысы``, ``ауданының``).
_KK_AREA_NOUN_WORDS = ("облысы", "облысының", "қаласы", "қаласының", "ауданы", "ауданының")
#: The administrative words after a place that opens a Kazakh agency name (``Павлодар облысы
#: прокуратурасы``, ``Алматы қалалық Полиция департаменті``).
_KK_AREA = trie((*_KK_AREA_NOUN_WORDS, *_KK_AREA_ADJECTIVES))
#: Of those, the nouns say that the word before them names a place (``Сарыарқа ауданы``);
#: before an adjective it may be any word (``Оны аудандық …`` "it, the district's …").
_KK_AREA_NOUNS = trie(_KK_AREA_NOUN_WORDS)
#: Heads that are also adjectives (``Орталық Азия`` "Central Asia") or name a kind of work
#: after an adjective (``Коммуналдық қызмет`` "utility services", K117): a head only with the
#: possessive (``орталығы``, ``Шекара қызметі``).
_KK_HEADS_ONLY_POSSESSIVE = ("орталық", "қызмет")
#: Words that do not open a name: an area adjective with no place before it is generic
#: (``облыстық соттың шешімі`` "the regional court's decision"), as is an area word
#: (``Облыс орталығындағы`` "in the regional centre").
_KK_NOT_FIRST = trie(
    [
        *any_case((*_KK_AREA_ADJECTIVES, "облысы", "қаласы", "ауданы", "облыс", "аудан")),
        # nor "the region" unnamed (``Өңір прокуратурасының``, K4)
        *any_case(("өңір", "аймақ")),
        # nor the police unnamed (``Полиция департаментінің``: K4)
        "Полиция",
        # nor an adjective of kind opening a sentence, before a body or a duty described
        # (``Аумақтық бөлім басшысы`` "the territorial unit's head", ``Күнделікті қоғам
        # тыныштығын сақтау қызметіне`` "to the daily public-order duty", ``Жергілікті
        # атқарушы органдар``)
        "Аумақтық", "Күнделікті", "Жергілікті", "Тиісті",
        # nor an adverb opening a sentence (``Осылайша облыстық прокуратураның`` "so the
        # regional prosecutor's office's", K133)
        *KK_SENTENCE_ADVERBS,
        # nor a personal pronoun (``Біз істі ауданаралық экономикалық сотқа жеткіздік`` "we
        # took the case to the economic court")
        "Біз", "Сіз", "Олар",
        # nor "the said" and the bare transport body (``Аталған заң бұзушылықтар бойынша облыс
        # әкімдігіне``, ``Көлік прокуратурасы``, K134; K4)
        "Аталған", "Көлік",
        # nor a pronoun in the accusative, the object before its subject (``Оларды полиция
        # департаментінің … басқармасы ұстады`` "the police … department caught them")
        "Оларды", "Оны", "Бұны", "Мұны", "Соны", "Бұларды",
    ]
)  # fmt: skip
#: Nor does a capitalised word after such an adjective: ``облыстық Полиция департаменті`` is
#: the regional police department unnamed, a description (K4, K46).
_KK_NOT_AFTER_AREA_ADJECTIVE = "".join(f"(?<!{adjective} )" for adjective in _KK_AREA_ADJECTIVES)
_KK_WORD = r"[^\W\d_]++(?:-[^\W\d_]++)?+"
#: A surname, which opens no agency name (``Асылов``, ``Нұрланқызы``).
_KK_SURNAME = (
    rf"[{UPPER}][^\W\d_]*?(?:ұлы|улы|қызы|кызы|ов|ев|ова|ева|ин|ина)(?:{KK_ENDING})?{WORD_END}"
)
#: A word with a plural possessive ending (``қызметкерлері``): people or things of a body.
_KK_PLURAL_POSSESSIVE = rf"(?![^\W\d_]*(?:лары|лері|дары|дері|тары|тері){WORD_END})"


@functools.cache
def _kk_possessive_head(gazetteers: Gazetteers) -> str:
    """A head with the possessive (``министрлігі``, ``департаментінің``): stems ending in
    к/қ voice it (``министрлік`` → ``министрлігі``)."""
    heads = gazetteers.org_heads_kk
    stems = heads + tuple(h[:-1] + {"к": "г", "қ": "ғ"}[h[-1]] for h in heads if h[-1] in "кқ")
    return rf"{trie(any_case(stems))}{KK_PLURAL}?с?[ыі](?:{KK_CASE_ENDING})?{WORD_END}"


def _kk_head(gazetteers: Gazetteers) -> str:
    """A head in the possessive, or without an ending after an adjective (``Ұлттық банк``),
    but not the court of a forensic examination (``психологиялық-филологиялық сот
    сараптамасының``, K132) nor the administrative of the administrative-offences code
    (``Шаруа қожалығы Әкімшілік құқық бұзушылық туралы кодексінің``, K134), of a fine, a
    liability, a penalty, an arrest or a report (``Қолданыстағы әкімшілік айыппұлдар``)."""
    plain = trie(any_case(h for h in gazetteers.org_heads_kk if h not in _KK_HEADS_ONLY_POSSESSIVE))
    return (
        rf"(?:{_kk_possessive_head(gazetteers)}"
        rf"|{_AFTER_ADJECTIVE}{plain}(?:{KK_ENDING})?{WORD_END}"
        rf"(?!{SPACE}(?:сараптама|құқық|айыппұл|жауапкершілік|жаза|қамау|хаттама))"
        # the centre after an adjective when a case ending makes it a noun (``Ұлттық
        # орталықтың``; ``Орталық Азия`` is "Central Asia"), not a region's or a district's
        # centre, its town (``облыстық орталықта``)
        rf"|(?<=[лдт][ыі][қк]{SPACE}){_KK_NOT_AFTER_AREA_ADJECTIVE}"
        rf"орталық(?:{KK_CASE_ENDING}){WORD_END})"
    )


@functools.cache
def _kk_in_name(gazetteers: Gazetteers) -> str:
    """Not a word that never stands inside a name (``туралы``, ``мен``, ``осы``), but for
    the special records in the name of the Prosecutor General's statistics committee
    (``Құқықтық статистика және арнайы есепке алу жөніндегі комитеті``)."""
    never = trie(any_case(gazetteers.not_in_org_name_kk))
    return rf"(?!(?!арнайы{SPACE}есепке{SPACE}алу){never}{WORD_END})"


def _kk_capitalised(gazetteers: Gazetteers) -> str:
    """A capitalised word of a name: not a surname, not in the genitive."""
    return rf"{_kk_in_name(gazetteers)}(?!{_KK_SURNAME})[{UPPER}]{_KK_WORD}{_NOT_GENITIVE}"


#: After a word in the dative (not ``және`` "and", which ends like one): ``қарсы`` "against"
#: follows it within a few words, as in a unit's name (``есірткі қылмысына қарсы``,
#: ``нашақорлыққа және есірткі бизнесіне қарсы``). Else the dative ends a phrase, not a
#: name's word (``Маңғыстау облысына орталық аппарат департаменттерінің`` "to Mangystau
#: region, the central office's departments").
_KK_DATIVE_IN_NAME = (
    rf"(?:(?<=және)|(?<!ға)(?<!ге)(?<!қа)(?<!ке)(?<!на)(?<!не)"
    rf"|(?=(?:{SPACE}[^\W\d_]+(?:-[^\W\d_]+)?){{0,3}}?{SPACE}қарсы{WORD_END}))"
)


@functools.cache
def _kk_people(gazetteers: Gazetteers) -> str:
    """The start of a word for the people of a body (``өкілдері``, ``әкімі``), but not of
    the bodies an akim's stem also begins (``әкімшілік полиция``, ``әкімдік``), nor housing
    (``тұрғын үй коммуналдық шаруашылығы бөлімі``; ``тұрғыны`` "its resident")."""
    return (
        rf"(?![Әә]кім(?:шіл|ді[кг])|[Тт]ұрғын{SPACE}үй)"
        rf"(?:{trie(any_case(gazetteers.people_in_org_kk))})"
    )


def _kk_lower(gazetteers: Gazetteers) -> str:
    """A lower-case word of a name: not in the genitive, ablative or locative, nor in the
    dative unless the name goes on to ``қарсы``, nor the people of a body (``Мирас МҮ
    өкілдері`` "the representatives of Miras")."""
    return (
        rf"{_kk_in_name(gazetteers)}(?![{UPPER}])(?!{_kk_people(gazetteers)})"
        rf"{_KK_WORD}{_NOT_GENITIVE}"
        r"(?<!нан|нен|дан|ден|тан|тен|[^у]да|[^у]де)(?<!та|те)"
        rf"{_KK_DATIVE_IN_NAME}"
    )


#: Where a sentence starts (the text is matched with a leading space).
_SENTENCE_START = r"(?:(?<=\A )|(?<=\n)|(?<=[.!?] ))"
_NOT_ADJECTIVE_END = "".join(f"(?<!{ending})" for ending in _KK_ADJECTIVE_ENDINGS)
#: A sentence's first word before a capitalised word opens no name unless it is an adjective
#: or ``Бас`` (``Жоғарғы Сот``, ``Бас Прокуратура``): it is the sentence's own noun, and the
#: name starts after it (``Мәселе Денсаулық сақтау министрлігінде`` "the matter, at the
#: Ministry of Health").
_NOT_SENTENCE_NOUN_BEFORE_NAME = (
    rf"(?!{_SENTENCE_START}(?!Бас{WORD_END})[^\W\d_]+{_NOT_ADJECTIVE_END}{SPACE}[{UPPER}])"
)


def _kk_first(gazetteers: Gazetteers) -> str:
    """A capitalised word that may open a name: not an area word nor after an area adjective,
    nor in an oblique case or the plural (``Отырысқа`` opens no name; ``-тан`` is left out for
    ``Қазақстан``), nor a person's first name (``Данияр Мейрхан Орталық коммуникациялар
    қызметінің баспасөз алаңында`` is a man at a body's press venue, K117), nor a sentence's
    first noun before a capitalised word, nor a place where something is (``Алматыдағы
    Жетісу ауданы әкімі аппаратының``: the ORG starts at ``Жетісу``, K131). ``Жастар`` "the
    youth" is a plural that opens the names of youth bodies (``Жастар саясаты
    басқармасының``, ``Жастар денсаулығы орталығы``, K130)."""
    capitalised = _kk_capitalised(gazetteers)
    first_names = trie(gazetteers.first_names)
    places = _kk_places(gazetteers)
    return (
        rf"{_KK_NOT_AFTER_AREA_ADJECTIVE}{_NOT_SENTENCE_NOUN_BEFORE_NAME}"
        rf"(?!{places}[дт][ае](?:ғы|гі){WORD_END})"
        rf"(?!{_KK_NOT_FIRST}{WORD_END}|{first_names}{WORD_END})"
        rf"{capitalised}{_NOT_OBLIQUE}(?:(?<!{KK_PLURAL})|(?<=Жастар))"
    )


def _kk_opener(gazetteers: Gazetteers) -> str:
    """Place, state or abbreviation words that open a name (``ҚР``, ``ШҚО``, ``Павлодар
    облысы``, ``Алматы қаласының``, ``Қарағанды облысы бойынша``), and the capital by its
    epithet as a body's owner (``Елорданың Коммуникациялар қызметінде``, ``елорда
    әкімдігінің``, K118)."""
    places = _kk_places(gazetteers)
    first = _kk_first(gazetteers)
    return (
        rf"(?:ҚР|Қазақстан{SPACE}Республикасының|[Ее]лорда(?:ның)?"
        rf"|[{UPPER}]{{2,6}}(?:{HYPHEN_ENDING})?"
        # (a place's name before its area word may end like an oblique case: ``Сарыарқа
        # ауданы әкімі аппаратының``, K130)
        rf"|(?:{places}{_KK_GENITIVE}?|{first}(?={SPACE}{_KK_AREA})"
        # (a district named after a person, its name like a surname: ``Әуезов ауданы полиция
        # басқармасының``, K134)
        rf"|(?!{_KK_NOT_FIRST}{WORD_END})[{UPPER}]{_KK_WORD}(?={SPACE}{_KK_AREA_NOUNS}{WORD_END}))"
        rf"(?:{SPACE}{_KK_AREA})?(?:{SPACE}бойынша)?){WORD_END}"
    )


def _kk_words(gazetteers: Gazetteers) -> str:
    """The name's own words before its head: capitalised ones, then lower-case ones."""
    capitalised, lower = _kk_capitalised(gazetteers), _kk_lower(gazetteers)
    return rf"(?:{SPACE}{capitalised}){{0,2}}(?:{SPACE}{lower}){{0,5}}?"


#: What opens a unit's name after its parent's head without a genitive: the drug-crime and
#: smuggling units' own words (``полиция басқармасы есірткі қылмысына қарсы іс-қимыл
#: бөлімінің``, ``департаменті есірткі бизнесіне қарсы күрес басқармасының``, ``кедендік
#: бақылау департаменті Контрабандамен күрес жөніндегі басқармасының``), and a regional
#: department's place (``Шекара қызметі Алматы облысы бойынша департаментінің``). Any other
#: capitalised word would join two bodies of a list, so that is left out.
_KK_UNIT_START = (
    rf"(?:[Ее]сірткі{SPACE}(?:қылмыс|бизнес)|[Кк]онтрабанда"
    # a unit named for what it fights (``экстремизмге қарсы күрес бөлімі``, K132) and the
    # police's services (``басқармасы жергілікті полиция қызметінің``, K133)
    rf"|(?:[{LOWER}]+{SPACE})?[{LOWER}]+(?:ға|ге|қа|ке){SPACE}қарсы{SPACE}(?:күрес|іс-қимыл)"
    rf"|(?:[Жж]ергілікті|[Әә]кімшілік|[Кк]риминалдық){SPACE}полиция{SPACE}(?:қызмет|басқарма)"
    # the border service's departments (``Шекара қызметі шекараны қорғау департаменті``, K141)
    rf"|[Шш]екараны{SPACE}қорғау"
    # and its investigation unit (``департаменті тергеу басқармасы``, K139)
    rf"|[Тт]ергеу{SPACE}(?:басқарма|бөлім)"
    rf"|[{UPPER}][{LOWER}]+(?:{SPACE}[{UPPER}][{LOWER}]+)?{SPACE}(?:облысы|қаласы){SPACE}бойынша)"
)


def _kk_chain_word(gazetteers: Gazetteers) -> str:
    """A word of a sub-unit's name: never people of the body (``департаментінің
    қызметкерлері``) nor a word in the plural, nor in the instrumental unless a fight
    follows (``Контрабандамен күрес``; ``басқармасының қолдауымен`` "with the support of"
    ends the name)."""
    return (
        # (``және`` "and" only between a unit's own lower-case words: ``басқармасының
        # техникалық және кәсіптік білім бөлімінің``, K130)
        rf"{_kk_in_name(gazetteers)}"
        rf"(?!және{WORD_END}(?!{SPACE}[{LOWER}])|{_kk_people(gazetteers)})"
        rf"{_KK_PLURAL_POSSESSIVE}{_KK_WORD}{_NOT_GENITIVE}"
        rf"(?:(?<!мен)(?<!бен)(?<!пен)|(?={SPACE}күрес))"
    )


#: A body's board after its head (``министрлігі алқасының``).
_KK_BOARD = rf"алқасы(?:{KK_CASE_ENDING})?{WORD_END}"


#: A military unit by its number (``5518 әскери бөлімінің``, ``№5571 әскери бөлімінің``).
_MILITARY_UNIT = rf"(?:№{SPACE}?)?\d{{3,5}}{SPACE}әскери{SPACE}бөлім[^\W\d_]*{WORD_END}"
#: An area word, which opens another body's description (``облыс прокуратурасы``, K4).
_KK_ANY_AREA_WORD = trie(any_case((*_KK_AREA_ADJECTIVES, "облыс", "қала", "аудан", "өңір")))


def _kk_chain(gazetteers: Gazetteers) -> str:
    """Sub-units after a genitive head (``департаментінің ... басқармасы``) or after a head
    when the drug-crime unit follows (``министрлігі Есірткі қылмысына ...``)."""
    possessive = _kk_possessive_head(gazetteers)
    word = _kk_chain_word(gazetteers)
    # a unit's own capitalised name, and its head word (see below)
    unit_name = rf"{SPACE}(?=[{UPPER}])(?:{word}{SPACE}(?:және{SPACE})?){{1,6}}?(?={possessive})"
    unit_head = rf"[^\W\d_]+[ыі](?:н[ыі]ң|нда|нде)?{WORD_END}"
    return (
        rf"(?:(?:(?<={_KK_GENITIVE})|(?<=[ыі])(?={SPACE}{_KK_UNIT_START}))"
        rf"(?:{SPACE}{word}){{1,7}}?{SPACE}{possessive}"
        # an akimat's department, named by its fields in a list (``облысы әкімдігінің
        # қоғамдық даму, денсаулық сақтау, мәдениет және спорт басқармасы``, K112)
        rf"|(?<=әкімдігінің)(?:{SPACE}(?![{UPPER}]){word}(?:,|{SPACE}және)?){{1,10}}?"
        rf"{SPACE}{possessive}"
        # a unit's own capitalised name after its parent's head, ending in the possessive, the
        # genitive or the locative (``министрлігі Мемлекеттік тіл және ақпарат
        # департаментінің``, K115; ``ҰҚК Шекара қызметі Қызметтік кинология басқармасында``,
        # K130), not in another case, which a second body in a sentence takes (``министрлігі
        # Қаржы министрлігіне хат жолдады``), nor a ministry or an agency after anything but a
        # ministry: it is no unit of another body (``Шымкенттің Мәдениет басқармасы Сыбайлас
        # жемқорлыққа қарсы іс-қимыл агенттігінің хабарламасын …``, K133)
        rf"|(?<=министрлігі){unit_name}{unit_head}"
        # or its committee by a lower-case name (``министрлігі орман шаруашылығы және жануарлар
        # дүниесі комитетіне``, K137)
        rf"|(?<=министрлігі)(?:{SPACE}(?![{UPPER}]){word}){{1,6}}?{SPACE}комитет[іи][^\W\d_]*"
        rf"{WORD_END}"
        rf"|(?<=[ыі])(?<!министрлігі){unit_name}(?![Мм]инистрлі|[Аа]генттіг){unit_head}"
        # or a head right after a head (``департаменті басқармасы``, ``кинологиялық қызмет
        # орталығы``, K112), or the body's board (``министрлігі алқасының``, K118; a board
        # names no body on its own: ``Сот алқасы`` is "the court's panel"), not in the
        # accusative
        rf"|{SPACE}(?![^\W\d_]*[ыі]н{WORD_END})(?:{possessive}|{_KK_BOARD})"
        # or a police service after its department's genitive (``Полиция департаментінің
        # Табиғатты қорғау полициясының``, K137)
        rf"|(?<={_KK_GENITIVE}){_KK_POLICE_SERVICE}"
        # or a military unit by its number after its parent's genitive (``Ұлттық ұланның
        # 5518 әскери бөлімінің``, K127; ``Ұлттық ұлан №5571 әскери бөлімінің``, K133)
        rf"|(?:(?<={_KK_GENITIVE})|(?<=ұлан)){SPACE}{_MILITARY_UNIT}"
        # or bodies sharing the owner, whose heads follow unnamed (``Қызылорда облысының
        # прокуратурасы мен полиция департаменті``, ``Алматы ауданының әкімдігі, прокуратурасы
        # және полиция басқармасы``: one ORG, K92); only the last takes a case ending, not the
        # genitive, which opens another body's unit (``білім басқармасы, полиция
        # департаментінің есірткі … басқармасы``)
        rf"|(?<=[ыі])(?:,|{SPACE}{KK_AND}){SPACE}"
        rf"(?:(?!{_KK_ANY_AREA_WORD}{WORD_END})[{LOWER}]+{SPACE})?{possessive}(?<!ның)(?<!нің)"
        r"){0,2}"
    )


#: The police or internal-affairs department unnamed, as the parent of a unit named after
#: it (``полиция департаментінің есірткі қылмысына қарсы іс-қимыл басқармасымен``,
#: ``облыстық ішкі істер департаменті есірткі бизнесіне қарсы күрес басқармасының``, K68):
#: a unit's own name under an unnamed parent is one ORG; the parent alone is a description.
_KK_ANY_AREA_ADJECTIVE = trie(any_case(_KK_AREA_ADJECTIVES))
_KK_UNNAMED_PARENT = (
    rf"(?:(?:{_KK_ANY_AREA_ADJECTIVE}{SPACE})?(?:[Пп]олиция|[Іі]шкі{SPACE}істер)"
    rf"{SPACE}департамент(?:і|інің)"
    # or only the area adjective, which the unit's own name then takes in (``облыстық Есірткі
    # қылмысына қарсы іс-қимыл басқармасының``, K97, K130)
    rf"|{_KK_ANY_AREA_ADJECTIVE}){WORD_END}(?={SPACE}{_KK_UNIT_START})"
)


def _kk_unit_of_unnamed_parent(gazetteers: Gazetteers) -> str:
    word, possessive = _kk_chain_word(gazetteers), _kk_possessive_head(gazetteers)
    return rf"{_KK_UNNAMED_PARENT}(?:{SPACE}{word}){{1,5}}?{SPACE}{possessive}"


#: A body attached to the President, the Government or an agency opens with that
#: (``Президент жанындағы Адам құқықтары жөніндегі комиссияның``, ``ҚР Үкіметі жанындағы ...
#: кеңес``, K109; ``СҚО ПД жанындағы … кеңес``).
_KK_ATTACHED_TO = (
    rf"(?:(?:(?:ҚР{SPACE}|Қазақстан{SPACE}Республикасы{SPACE})?(?:Президент|Үкімет)(?:і)?"
    # or to an agency by its abbreviations (``СҚО ПД жанындағы … кеңес``, K130)
    rf"|(?:[{UPPER}]{{2,6}}{SPACE}){{0,2}}[{UPPER}]{{2,6}})"
    rf"{SPACE}жанындағы{SPACE})"
)


def _kk_head_last(gazetteers: Gazetteers) -> str:
    """A Kazakh name, head last; the shortest such name wins, then the sub-unit after a
    genitive head is added (``басқармасының бағдарламалық офисі``), and its press service
    (``Бас прокуратураның баспасөз қызметі``, K2).

    The name opens with place, state or abbreviation words (any words may follow them:
    ``ШҚО ПД есірткі қылмысына қарсы іс-қимыл басқармасы``) or with a capitalised word that
    may open a name. Capitalised words come before lower-case ones: ``Бұл туралы Павлодар
    облысы прокуратурасы`` starts at ``Павлодар``.
    """
    opener, words = _kk_opener(gazetteers), _kk_words(gazetteers)
    capitalised, lower = _kk_capitalised(gazetteers), _kk_lower(gazetteers)
    after_opener = rf"(?:{SPACE}(?:{capitalised}|{lower}(?<!және)){words})?"
    # what the body works on, before its own name (``Есірткіге қарсы күрес жөніндегі Орталық
    # Азия үйлестіру орталығының``, K130)
    remit = (
        rf"(?:(?!{trie(('Бұл', 'Осы', 'Сол', 'Ол'))}{WORD_END})[{UPPER}][{LOWER}]+"
        rf"(?:{SPACE}[{LOWER}][^\W\d_]*(?:-[^\W\d_]+)?){{0,3}}?{SPACE}жөніндегі{SPACE}(?=[{UPPER}]))?"
    )
    return (
        # not a facility named after someone (``Шоқан Уәлиханов атындағы Көкшетау
        # университетінде``: a venue, R26, K98), nor the kind of a body named in quotes before
        # it (``«Астана жастары» Жастар ресурстық орталығы``: the quoted name is the ORG, K39)
        rf"(?<!атындағы{SPACE})(?<![»\"”]{SPACE}){_KK_ATTACHED_TO}?"
        # nor an outlet's Latin name before the Kazakh word for its kind, which stays outside
        # (``Kazinform агенттігінің``, R7, K130)
        rf"(?![A-Za-z][\w.-]*{SPACE}(?:ақпарат{SPACE})?агенттіг)"
        # nor before an unnamed body it cites (``Halyq Uni қалалық прокуратураға``)
        rf"(?![A-Za-z][\w.-]*(?:{SPACE}[A-Za-z][\w.-]*)*{SPACE}(?:қалалық|облыстық|аудандық){WORD_END})"
        rf"{remit}(?:{opener}(?:{SPACE}{opener}){{0,2}}{after_opener}|{_kk_first(gazetteers)}{words})"
        rf"{SPACE}{_kk_head(gazetteers)}{_kk_chain(gazetteers)}(?:{_KK_PRESS_SERVICE})?"
        # not a session named after a body (``Мәжілістегі Үкімет сағатында`` "at the
        # Government Hour in the Mazhilis", K100)
        rf"(?!{SPACE}сағат)"
    )


#: A photo credit or tag line of page chrome comes before (``Фото: polisia.kz``).
_NOT_CREDIT = "".join(
    rf"(?<!{word}{separator})"
    for word in ("Фото", "фото", "Сурет", "сурет", "Photo")
    for separator in (":", ": ", " - ", " ")
)
#: A date line of page chrome follows (``Zakon.kz жаңалық 27.02.2026``, ``Zakon.kz от
#: 28.08.2025``).
_NOT_DATELINE = rf"(?!{SPACE}(?:жаңалық|от){SPACE}\d)"
#: A platform named as the medium something happens in is not annotated, only the company
#: as a party (K6: ``Telegram арнасында``, ``в социальной сети Telegram``, ``Instagram және
#: Facebook ресми парақшаларында``; but ``взаимодействие с мессенджером Telegram``).
_NOT_A_MEDIUM_BEFORE = r"(?<!сети )(?<!мессенджере )(?<!через )"
_MEDIUM_NOUN = (
    r"(?:мессенджер\w*|парақша\w*|(?:жедел )?желі\w*|аккаунт\w*|чат\w*|"
    r"страниц\w*|сайт\w*|қосымша\w*|приложени\w*|(?:интернет-)?платформ\w*"
    # a channel is a medium after a platform's Latin name (``Telegram арнасында``), but a
    # TV channel named in Cyrillic is the outlet itself (``"Хабар 24" арнасына``, ``КТК
    # арнасы``, K142)
    r"|(?<=[A-Za-z][»\"”] )(?:арна|канал)\w*|(?<=[A-Za-z] )(?:арна|канал)\w*)"
)
#: Not a medium: a platform named before its medium noun, maybe in quotes and with others
#: (``«Telegram» және «Instagram» интернет-платформаларында``, K6; ``«TikTok» әлеуметтік
#: желісінде``, K132).
_NOT_A_MEDIUM_AFTER = (
    rf"(?![»\"”]?(?:{SPACE}(?:және|мен|и|,){SPACE}[«\"“]?[A-ZА-ЯЁ]\w*[»\"”]?)*"
    rf"{SPACE}(?:ресми{SPACE}|официальн\w+{SPACE}|әлеуметтік{SPACE}|социальн\w+{SPACE})?{_MEDIUM_NOUN}"
    rf"{WORD_END})"
)
#: After a verb that cites an outlet ("reports").
_AFTER_CITING_VERB = "|".join(
    f"(?<={verb} )" for verb in ("передает", "сообщает", "пишет", "хабарлайды", "хабарлады")
)
#: An outlet that a reporting verb cites, listed or not: in Latin letters (``передает
#: OTYRAR``, ``деп хабарлайды Ulysmedia``), or in Kazakh by its reporter or its site (``деп
#: хабарлайды Алтайньюс тілшісі``, K111; ``Halyq Uni тілшісі``, K114), or in quotes (``деп
#: хабарлайды "Ұлт ақпарат"``).
_CITED_OUTLET = (
    rf"(?:(?<=хабарлайды )|(?<=хабарлады ))[{UPPER}][^\W\d_]+(?:{SPACE}[{UPPER}][^\W\d_]+)?"
    rf"(?={SPACE}(?:тілшісі|сайты|порталы|агенттіг[^\W\d_]*|басылымы){WORD_END})"
    rf"|(?<=хабарлайды [\"«“])[{UPPER}][^\n\"«»“”]{{1,40}}(?=[\"»”])"
    # or in quotes before the verb (``сілтеме жасап "Қазақ Үні" хабарлайды``, K137)
    rf"|(?<=[\"«“])[{UPPER}][^\n\"«»“”]{{1,40}}(?=[\"»”]{SPACE}хабарла(?:йды|ды){WORD_END})"
    + f"|(?:{_AFTER_CITING_VERB})"
    # a name of two words whose second is the domain, the sentence's last (``хабарлайды Abai
    # Aqparat.kz.``); two outlets stay two (``BAQ.KZ Polisia.kz-ке сілтеме жасап``)
    + rf"(?:[A-Z][a-z]+{SPACE}[A-Z][A-Za-z0-9]*\.(?:kz|com|ru)(?=\.?(?:\s|$))"
    # or of two Latin words (``деп хабарлады Halyq Uni``)
    + rf"|[A-Z][A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*(?:{SPACE}[A-Z][a-z]+(?![\w.]))?{WORD_END})"
)
#: A web address that names an outlet or a company (``Tengrinews.kz``).
_WEB_ADDRESS = (
    rf"{_NOT_CREDIT}[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*"
    r"\.(?:kz|KZ|ru|RU|com|COM|org|ORG|net|uz|UZ|kg|KG|tv)"
    # with a Kazakh case ending, the name's (``kstnews.kz-ке сілтеме жасап``, K141)
    rf"(?:{HYPHEN_ENDING}{WORD_END})?{_NOT_DATELINE}"
)
#: The agency of a press service's photo credit (``Фото пресс-службы КНБ``) is chrome.
_NOT_PHOTO_CREDIT = rf"(?<!Фото{SPACE}пресс-службы{SPACE})(?<!Фото:{SPACE}пресс-службы{SPACE})"
#: A Kazakh press service after its agency (``ҚР ІІМ баспасөз қызметі``).
_KK_PRESS_SERVICE = (
    rf"{SPACE}[Бб]аспасөз{SPACE}қызмет(?:і|інің|іне|інен|інде|ін|індегілер){WORD_END}"
)
#: A Russian press service before its agency, not in a photo credit (``Пресс-служба КНБ
#: РК``, not ``Фото пресс-службы КНБ``).
_RU_PRESS_SERVICE_BEFORE = re.compile(
    r"(?<!Фото )(?<!Фото: )(?<![\w-])[Пп]ресс-служб[аыеуой]{1,2} \Z"
)
#: How far before an ORG its press service may start (``пресс-службой`` and the space).
_PRESS_SERVICE_REACH = 16


def with_press_services(text: str, found: Iterable[Candidate]) -> list[Candidate]:
    """Russian: each ORG right after its press service, the press service taken in (R38,
    issue 13: ``пресс-служба КНБ РК``, ``пресс-службу ДВД Костанайской области``), however
    the body's name was found. A photo credit (``Фото пресс-службы КНБ``) is left alone.
    Done on the candidates rather than in each ORG rule, which would compile every long
    Russian name pattern a second time behind the press service."""
    extended = []
    for candidate in found:
        if candidate.label == "ORG":
            before = _RU_PRESS_SERVICE_BEFORE.search(
                text, max(0, candidate.start - _PRESS_SERVICE_REACH), candidate.start
            )
            if before is not None:
                candidate = candidate._replace(start=before.start())
        extended.append(candidate)
    return extended


#: The kinds of body whose own name stands in quotes next to them: a command, a centre, an
#: institution, a company, a unit, a team, an association, a squad, a party, an
#: organisation, a wing, a branch, an enterprise, a group (``«Cyberpol» тобы``, K134), an
#: outlet (an agency, a TV channel, a portal, a paper: ``«Qyzylorda» телеарнасының``,
#: ``“Адырна” ұлттық порталы``, K132), in any case but the locative, where a venue is meant
#: (``«Нирвана» түнгі клубында`` "in the Nirvana night club", ``«Күйгенжар» бекетінде``).
_KK_BODY_KINDS = (
    r"(?:[Ққ]олбасшылығ|[Оо]рталығ|[Мм]екемес|[Сс]еріктестіг|[Кк]омпаниясы|[Кк]ооператив|[Бб]өлім"
    r"|[Бб]асқарма|[Кк]оманда|[Кк]луб|[Ққ]ауымдастығ|[Аа]ссоциация|[Бб]ірлестіг|[Оо]дағ|[Жж]аса[қғ]"
    r"|[Пп]артия|[Ұұ]йым|[Ққ]анат|[Фф]илиал|[Аа]генттіг|[Тт]елеарна|[Пп]ортал|[Гг]азет|[Бб]асылым"
    r"|[Кк]әсіпор|[Тт]об|[Шш]аруа қожалы[қғ])"
    r"(?![^\W\d_]*(?:да|де|та|те)(?![^\W\d_]))[^\W\d_]*"
)
#: Legal forms of a company, before or after its quoted name (``ЖШС «АТК Қызмет»``).
_KK_LEGAL_FORMS = ("ЖШС", "ЖАҚ", "АҚ", "ЖК", "ТОО")
#: Abbreviations of a legal form or a body's kind after a quoted name (``«Нұр Отан» ХДП``).
_KK_FORMS_AFTER = trie((*_KK_LEGAL_FORMS, "ХДП", "ҚБ", "ЖҚБ", "КММ", "МКҚК", "АА", "AA"))
#: A body's kind in the nominative before its quoted name (``бірлестігі «Дала Қырандары»``),
#: maybe with a dash between (``жастар қанаты – «Жастар рухы»``).
_AFTER_KIND = "|".join(
    rf"(?<={kind}{SPACE}{dash}[«\"“])"
    for kind in ("бірлестігі", "ұйымы", "қоры", "компаниясы", "қанаты")
    for dash in ("", f"[–—-]{SPACE}")
)
#: Ministries listed by their fields before one plural head, one ORG (``Ақпарат және қоғамдық
#: даму, Білім және ғылым, Денсаулық сақтау, Мәдениет және спорт министрліктерінің``, K135);
#: each field opens with a capital, the list's last joined by a comma or ``және``; a
#: surname before the list is no field (``Саденов, Ақпарат …``).
_KK_MINISTRY_FIELD = rf"[{UPPER}][^\W\d_]+(?:-[^\W\d_]+)?(?:{SPACE}[{LOWER}][^\W\d_]*){{0,3}}?"
_KK_MINISTRIES_LISTED = (
    rf"(?!{_KK_SURNAME}){_KK_MINISTRY_FIELD}(?:(?:,|{SPACE}және){SPACE}{_KK_MINISTRY_FIELD}){{1,6}}"
    rf"{SPACE}министрліктер(?:{KK_CASE_ENDING})?{WORD_END}"
)
#: A party or a company by its name in Latin letters before its kind, which stays outside
#: (``Amanat партиясының``, ``AMANAT партиясы``, as the quoted names of K39).
_KK_LATIN_NAME_BEFORE_KIND = (
    rf"(?<![\w.-])[A-Z][A-Za-z]+(?:{SPACE}[A-Z][A-Za-z]+)?"
    rf"(?={SPACE}(?:партия|компания)[^\W\d_]*{WORD_END})"
)
#: A legal form and the opening quote before a company's name.
_AFTER_LEGAL_FORM = "|".join(rf"(?<={form}{SPACE}[«\"“])" for form in _KK_LEGAL_FORMS)
#: A Russian company's name in quotes after its legal form, which stays outside (``АО
#: «Казпочта»``, ``ТОО "Алем Трейд"``, R41).
_RU_COMPANY_AFTER_LEGAL_FORM = (
    "(?:"
    + "|".join(rf"(?<={form}{SPACE}[«\"“])" for form in ("АО", "ТОО", "ОАО", "ЗАО", "ПАО"))
    + rf")[{UPPER}][^\n«»\"“”]{{1,40}}?(?=[»\"”])"
)
#: A Kazakh body's own name in quotes before the word for its kind, which stays outside with
#: the quotes (K41, K30: ``«Жетісу» кеден бекетінің``, ``«Батыс» өңірлік қолбасшылығының``,
#: ``"Қахарман жастары" жастар ресурстық орталығының``, an association ``"Дала қырандары"
#: жастар қоғамдық бірлестігінің``, K125; a unit: ``«Есірткіге қарсы күрес іс-қимыл»
#: бөлімінің``, a squad: ``«Бүркіт» арнайы жасағымен``, K127), a team or a club (``“Тобыл”
#: командасы``, K112), a company after its legal form; a name before its capitalised kind
#: (``«Астана жастары» Жастар ресурстық орталығы``), after its kind (``бірлестігі «Дала
#: Қырандары»``), before a party's abbreviation (``«Нұр Отан» ХДП``) or ending in its kind
#: (``«Жастар ресурстық орталығы»``, K130); a police checkpoint is not annotated (``«Аягөз-Шеп»
#: стационарлық бекетінде``), nor an initial in quotes that hides a name (``«К» шаруа
#: қожалығына``).
_KK_QUOTED_NAME = (
    # (not a shopping centre, a venue: ``«Метро» сауда орталығын тонаған``, K139)
    rf"(?<=[«\"“])(?![^\n«»\"“”]{{1,40}}?[»\"”]{SPACE}сауда{SPACE}(?:орталығ|үй))"
    rf"[{UPPER}][^\n«»\"“”]{{1,40}}?(?=[»\"”](?:{SPACE}кеден{SPACE}бекет"
    # (the words between are not a place's: ``«Сарыарқа» аудандарындағы кезекші бөлімнің`` is
    # a district, K140)
    rf"|(?:{SPACE}(?!аудан|облыс|қала)[{UPPER}{LOWER}][{LOWER}]+){{0,2}}{SPACE}{_KK_BODY_KINDS}"
    # or a party's or a company's abbreviation (``«Нұр Отан» ХДП``, K130)
    rf"|{SPACE}{_KK_FORMS_AFTER}{WORD_END}))"
    # or a name that ends in its kind (``«Жастар ресурстық орталығы»``)
    rf"|(?<=[«\"“])[{UPPER}][^\n«»\"“”]{{1,40}}?{SPACE}{_KK_BODY_KINDS}(?=[»\"”])"
    # or a company's name in quotes after its legal form (``ЖШС «АТК Қызмет»``, K118), a body's
    # after its kind (``Жастар қоғамдық бірлестігі «Дала Қырандары»``, K130)
    rf"|(?:{_AFTER_LEGAL_FORM}|{_AFTER_KIND})[{UPPER}][^\n«»\"“”]{{1,40}}?(?=[»\"”])"
)


def _kk_press_service(gazetteers: Gazetteers) -> str:
    return rf"{_KK_STATE_BEFORE}{_agency(gazetteers)}{_KK_PRESS_SERVICE}"


#: The adjectives of a standing body's reach (``республикалық штаб``, ``облыстық кеңес``).
_KK_REACH_ADJECTIVES = "|".join(
    ("республикалық", *_KK_AREA_ADJECTIVES, "ведомствоаралық", "үйлестіру", "қоғамдық")
)
#: How a Kazakh body named by its remit ends: ``жөніндегі``/``бойынша`` ("on"), maybe an
#: adjective of its reach, and its head (a headquarters, a council, a commission), not in
#: the phrase "to advise" (``бойынша кеңес берді``).
_KK_REMIT_HEAD = (
    rf"{SPACE}(?:жөніндегі|бойынша)"
    rf"(?:{SPACE}(?:{_KK_REACH_ADJECTIVES}))?"
    rf"{SPACE}(?:штаб|кеңес|комиссия)(?:{KK_ENDING})?{WORD_END}(?!{SPACE}(?:бер|ал)[^\W\d_]*)"
)


def _kk_body_by_remit(gazetteers: Gazetteers) -> str:
    """A standing body named by its remit, head last, inside a sentence (K38, K128:
    ``Нашақорлықтың алдын алу және есірткі қылмысына қарсы іс-қимыл жөніндегі республикалық
    штаб``, ``ведомство жанынан Есірткі құқық бұзушылықтарының профилактикасы бойынша
    кеңес``), maybe attached to the Government (``ҚР Үкіметі жанындағы … комиссияның``): a
    capitalised word, then lower-case words, the shortest run that ends in
    :data:`_KK_REMIT_HEAD`. The capitalised word may be in the genitive, but is no person's
    name; a sentence's first word is left out, where a capital says nothing (``Осы мәселе
    бойынша кеңес өтті``)."""
    first_names = trie(gazetteers.first_names)
    return (
        # after what it is attached to, any word opens the remit (``СҚО ПД жанындағы есірткі
        # құқық бұзушылықтарының алдын алу жөніндегі кеңес``, K130)
        rf"(?:{_KK_ATTACHED_TO}[^\W\d_]"
        rf"|(?<=[^\W\d_]{SPACE})(?!{first_names}{WORD_END}|{_KK_SURNAME})[{UPPER}])[{LOWER}]+"
        rf"(?:{SPACE}[{LOWER}][^\W\d_]*(?:-[^\W\d_]+)?){{1,14}}?{_KK_REMIT_HEAD}"
    )


#: A university, an academy, a college or an institute named after a person, in any case but
#: the locative, where it is the venue of an event (``Шоқан Уәлиханов атындағы Көкшетау
#: университетінде``, K98): its teams, students and cadets are the body's (``Л.Н.Гумилев атындағы
#: Еуразия ұлттық университеті``, ``Мақсұт Нәрікбаев университеті``, ``Назарбаев
#: университеті``, K87, K130). The person is an initialled or a full name; ``атындағы``
#: ("named after") and the name's own words may follow.
_KK_NAMED_AFTER = (
    rf"(?:{INITIALS}[{UPPER}][{LOWER}]+"
    rf"|[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?(?:{SPACE}[{UPPER}][{LOWER}]+)?)"
    rf"(?:{SPACE}атындағы(?:{SPACE}[^\W\d_]+(?:-[^\W\d_]+)?){{0,4}}?)?"
    rf"{SPACE}(?:[Уу]ниверситеті|[Аа]кадемиясы|[Кк]олледжі|[Ии]нституты)"
    rf"(?:ның|нің|на|не|мен|нан|нен|н)?{WORD_END}"
)

#: A city's or a region's police by its name (``Қостанай қаласының полициясына``, K138, K139),
#: a city's or a district's court by its number (``Қостанай қалалық № 2 соты``) and a station's
#: or an airport's line police (K141), which the head-last names do not take: ``полиция``
#: alone is generic, a number is no word, and a station or an airport is no body.
_KK_PLACE_POLICE_OR_NUMBERED_COURT = (
    rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?{SPACE}"
    # (with another body of the same owner: ``Астана қаласының полициясы мен прокуратурасы``,
    # one ORG, K92)
    rf"(?:(?:қаласының|облысының|ауданының){SPACE}полициясы"
    rf"(?:{SPACE}(?:мен|және){SPACE}(?:прокуратурасы|әкімдігі))?"
    rf"|(?:қалалық|аудандық){SPACE}№{SPACE}?\d{{1,3}}{SPACE}(?:[{LOWER}]+{SPACE})?сот[ыт]"
    # and a line police unit by its station or airport (``Шу станциясындағы желілік полиция
    # бөлімі``, ``Ақтөбе қаласы әуежайындағы желілік полиция бөлімшесінің``, K141)
    rf"|(?:стансасының|станциясының|стансасындағы|станциясындағы|(?:қаласы{SPACE})?әуежайындағы)"
    rf"{SPACE}желілік{SPACE}полиция{SPACE}бөлім(?:шес)?[іи])"
    rf"(?:{KK_CASE_ENDING})?{WORD_END}"
)


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """Kazakh and Russian agency names, abbreviations with their place, outlets, companies."""
    return [
        rule("org_kk_named_after", "ORG", _KK_NAMED_AFTER, 0.75, langs=KK),
        rule(
            "org_kk_place_police_or_court",
            "ORG",
            _KK_PLACE_POLICE_OR_NUMBERED_COURT,
            0.75,
            langs=KK,
        ),
        rule("org_kk_body_by_remit", "ORG", _kk_body_by_remit(gazetteers), 0.75, langs=KK),
        rule("org_kk_head_last", "ORG", _kk_head_last(gazetteers), 0.75, langs=KK),
        rule(
            "org_kk_unit_of_unnamed_parent",
            "ORG",
            _kk_unit_of_unnamed_parent(gazetteers),
            0.75,
            langs=KK,
        ),
        rule("org_ru_head_first", "ORG", _ru_head_first(gazetteers), 0.8, langs=RU),
        rule("org_abbreviation_place", "ORG", _abbreviation_place(gazetteers), 0.9, langs=RU),
        rule("org_abbreviation_place_kk", "ORG", _kk_abbreviation_place(gazetteers), 0.9, langs=KK),
        rule("org_press_service_kk", "ORG", _kk_press_service(gazetteers), 0.95, langs=KK),
        rule("org_kk_quoted_name", "ORG", _KK_QUOTED_NAME, 0.8, langs=KK),
        rule("org_ru_company", "ORG", _RU_COMPANY_AFTER_LEGAL_FORM, 0.8, langs=RU),
        rule("org_kk_latin_name", "ORG", _KK_LATIN_NAME_BEFORE_KIND, 0.8, langs=KK),
        rule("org_kk_ministries_listed", "ORG", _KK_MINISTRIES_LISTED, 0.8, langs=KK),
        rule(
            "org_kk_akim_press_service", "ORG", _kk_akim_press_service(gazetteers), 0.85, langs=KK
        ),
        rule("org_kk_military_unit", "ORG", _MILITARY_UNIT, 0.8, langs=KK),
        rule(
            "org_gazetteer",
            "ORG",
            # not a minister's title, a post (``ІІМ министрінің``, K72),
            # nor the Government Hour, a session's name (``Үкімет сағатында``, K100)
            # nor the regional police unnamed (``облыстық ПД бөлім бастығы``, K4)
            rf"{_NOT_PHOTO_CREDIT}{_KK_NOT_AFTER_AREA_ADJECTIVE}{_KK_STATE_BEFORE}{_agency(gazetteers)}"
            rf"(?!{SPACE}(?:министр|сағат))",
            0.95,
        ),
        rule(
            "org_outlet",
            "ORG",
            rf"{_NOT_CREDIT}{_NOT_A_MEDIUM_BEFORE}{inflected(gazetteers.outlets)}"
            rf"{_NOT_DATELINE}{_NOT_A_MEDIUM_AFTER}",
            0.95,
        ),
        rule("org_web_address", "ORG", _WEB_ADDRESS, 0.85),
        rule("org_cited_outlet", "ORG", _CITED_OUTLET, 0.7),
    ]
