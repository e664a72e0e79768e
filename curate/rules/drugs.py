"""DRUG: a specific substance or substance class; the generic наркотик(и), наркотические
средства, есірткі are not drugs.

``кокаин``, ``синтетических``, ``синтетические вещества``, ``синтетикалық зат``,
``синтетикалық катинондарға``, ``психотропных веществ``, ``прекурсоров БК-4``,
``каннабисной группы``, ``апиын тобындағы``, ``күшті әсер ететін заттардың``,
``дикорастущей конопли``, ``«соль»``. Named substances and plants (``жабайы кендір``,
``апиын көкнәрінің``) come from the ``substances`` gazetteer.
"""

from curate.data import Gazetteers
from curate.rules.grammar import (
    KK_ENDING,
    RU_ADJECTIVE_ENDING,
    SPACE,
    UPPER,
    WORD_END,
    Rule,
    any_case,
    inflected,
    rule,
    several_words,
    trie,
)

#: A generic noun a drug adjective takes into the span (``синтетические вещества``); a
#: preparation only after a Russian adjective (``синтетических препаратов``, R37): after a
#: Kazakh one it is a medicine, and the adjective alone is the DRUG (``психотроптық препарат``,
#: K113).
_GENERIC_SUBSTANCE_NOUN = (
    r"веществ(?:ами|ам|ах|ом|а|о|у|е)?|наркотик(?:ами|ам|ах|ов|ом|и|а|у|е)?"
    r"|средств(?:ами|ам|ах|а|о|у|е)?|(?<![қкыі] )препарат(?:ами|ам|ах|ов|ом|ы|а|у|е)?"
    rf"|зат(?:{KK_ENDING})?|есірткі(?:{KK_ENDING})?"
    # a "potion", the drug itself in Russian news (``синтетического зелья``, R42)
    r"|зель(?:ями|ям|ях|ем|ю|е|я)|зелий"
)


def _substance_noun(gazetteers: Gazetteers) -> str:
    """A noun a drug adjective takes into the span: a generic one or a substance class
    (``синтетические катиноны``, the ``drug_classes`` list)."""
    return rf"(?:{_GENERIC_SUBSTANCE_NOUN}|{inflected(gazetteers.drug_classes)}){WORD_END}"


_SYNTHETIC = rf"(?:[Сс]интетическ{RU_ADJECTIVE_ENDING}|[Сс]интетикалық){WORD_END}"
#: Psychotropic substances, a legally defined class: ``психотропных веществ``,
#: ``психотроптық заттар``.
_PSYCHOTROPIC = rf"(?:[Пп]сихотропн{RU_ADJECTIVE_ENDING}|[Пп]сихотропт(?:ық|ы)){WORD_END}"
#: Plants named by species (wild or Indian hemp, opium poppy), where Russian declines the
#: adjective too (Kazakh names, whose adjective does not decline, are in the gazetteer:
#: ``жабайы кендір``, ``апиын көкнәр``).
_PLANT_RU = (
    rf"(?:[Дд]икорастущ|[Дд]ик|[Ии]ндийск)(?:{RU_ADJECTIVE_ENDING}){SPACE}(?:конопл|эфедр)[^\W\d_]*"
    rf"|(?:[Оо]пийн|[Оо]пиумн|[Мм]асличн)(?:{RU_ADJECTIVE_ENDING}){SPACE}"
    rf"мак(?:ами|ам|ах|ов|ом|а|у|е|и)?{WORD_END}"
    rf"|[Мм]аков(?:{RU_ADJECTIVE_ENDING}){SPACE}солом[^\W\d_]*"
    # and the products of the plants (``гашишное масло``, ``экстракт каннабиса``, R41)
    rf"|[Гг]ашишн(?:{RU_ADJECTIVE_ENDING}){SPACE}масл[оауеом]{{1,2}}{WORD_END}"
    rf"|[Ээ]кстракт(?:ами|ам|ах|ом|ов|а|у|е|ы)?{SPACE}(?:каннабиса|конопли|мака|эфедры)"
)
#: A synthetic cathinone by its chemical name, however the page spells its stem
#: (``Альфа-пирролидиновалерофенон``, ``альфа-пироллидиновалерофенона``).
_CHEMICAL_NAME = (
    r"(?<![\w-])(?:[Аа]льфа-)?[а-яё]{3,}(?:валерофенон|пропиофенон|пентиофенон)(?:ом|а|у|е)?"
    rf"{WORD_END}"
)


#: ``синтетика`` "synthetics" as a noun, Russian or Kazakh (``синтетикой``, ``синтетикаға``),
#: also in a capitals heading (``«СИНТЕТИКА» ЖАСТАРДЫ ...``, K121).
_SYNTHETICS_NOUN = rf"[Сс]интетик(?:ой|[аиуе](?:{KK_ENDING})?)|СИНТЕТИК(?:ОЙ|[АИУЕ]){WORD_END}"
#: A precursor, maybe with its code (``прекурсоров БК-4``).
_PRECURSOR = rf"[Пп]рекурсор[^\W\d_]{{0,8}}(?:{SPACE}[{UPPER}]{{1,5}}-\d+)?"
#: A drug group: ``каннабисной группы``, ``апиын тобындағы``, ``каннабиноидты топтағы``
#: (also as a source misspells it, ``каннабиоидты``).
_GROUP = (
    r"(?:[Кк]аннабисн|[Кк]аннабиноидн|[Оо]пийн|[Оо]пиатн|[Аа]мфетаминов)"
    rf"(?:ой|ая|ую|ые|ых){SPACE}групп\w*"
    rf"|(?:[Кк]аннабис|[Кк]аннабин?оид|[Аа]пиын|[Оо]пиат|[Аа]мфетамин)(?:[тд][ыі])?"
    rf"{SPACE}(?:тоб|топ)[^\W\d_]*"
)
#: Potent substances, a legally defined class: ``сильнодействующих веществ``, ``күшті әсер
#: ететін заттардың``.
_POTENT = (
    rf"[Сс]ильнодействующ\w+{SPACE}(?:веществ\w*|средств\w*)"
    rf"|{trie(any_case(['күшті әсер ететін']))}{SPACE}зат(?:{KK_ENDING})?"
)


def _street_name(gazetteers: Gazetteers) -> str:
    """A street name in quotation marks (``«соль»``; salt is not a drug)."""
    return rf"(?<=[«\"“„]){trie(any_case(gazetteers.street_names))}(?=[»\"”“])"


#: Words that name an operation before its name in quotation marks.
_OPERATION_WORDS = ("названием", "операция", "операции", "ОПМ", "мероприятие", "мероприятия",
                    "іс-шара", "іс-шарасы", "операциясы", "атауымен")  # fmt: skip
#: A capitalised word in quotation marks after such a word, or before ``іс-шарасы``, is an
#: operation's name (``под названием «Қарасора»``, ``«Қарасора» іс-шарасы``; K10), not the
#: plant.
_NOT_OPERATION_NAME = (
    "(?!"
    + "|".join(rf"(?<={word} «)|(?<={word} \")|(?<={word} “)" for word in _OPERATION_WORDS)
    + rf"|[{UPPER}][^\W\d_]*[»\"”](?:{SPACE}[^\W\d_-]+(?:-[^\W\d_]+)*){{0,3}}"
    + rf"{SPACE}(?:іс-шара|операция))"
)


def _substance(gazetteers: Gazetteers) -> str:
    """A substance of the list, not an operation named after it (``«Қарасора — 2025»``,
    ``«Қарасора»``). Names of several words are tried first: ``қарасора шөбінің`` is not
    ``қарасора`` and a word."""
    names = any_case(gazetteers.substances)
    return (
        rf"{_NOT_OPERATION_NAME}(?:{inflected(several_words(names))}|{inflected(names)})"
        r"(?!\s?[-–—]\s?(?:19|20)\d\d)"
    )


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """Synthetic drugs, precursors, drug groups, potent substances and listed substances."""
    with_noun = rf"(?:{SPACE}{_substance_noun(gazetteers)})?"
    return [
        # (and a synthetic psychotropic substance, one span: ``синтетическое психотропное
        # средство``)
        rule("drug_synthetic", "DRUG", rf"{_SYNTHETIC}(?:{SPACE}{_PSYCHOTROPIC})?{with_noun}", 0.9),
        rule("drug_synthetics_noun", "DRUG", _SYNTHETICS_NOUN, 0.9),
        rule("drug_psychotropic", "DRUG", rf"{_PSYCHOTROPIC}{with_noun}", 0.9),
        rule("drug_precursor", "DRUG", _PRECURSOR, 0.9),
        rule("drug_group", "DRUG", _GROUP, 0.9),
        rule("drug_potent", "DRUG", _POTENT, 0.85),
        rule("drug_chemical_name", "DRUG", _CHEMICAL_NAME, 0.85),
        rule("drug_plant_ru", "DRUG", _PLANT_RU, 0.9),
        rule("drug_street_name", "DRUG", _street_name(gazetteers), 0.85),
        rule("drug_substance", "DRUG", _substance(gazetteers), 0.95),
    ]
