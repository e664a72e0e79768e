"""QUANTITY: an amount of a substance with its unit of mass, volume or doses.

``свыше 525 кг``, ``47,2 т``, ``525 келіден астам``, ``жарты тоннадан астам``, ``более 7 млн
разовых доз``, ``5 кг 952 гр``, ``более 900 таблеток``. UNIT → AMOUNT → QUANTITY; the unit
words are :data:`curate.normalise.QUANTITY_UNITS`, which the normaliser converts to kg, l and
dose (a tablet, capsule or ampoule is a dose).
"""

from curate.data import Gazetteers
from curate.normalise import QUANTITY_UNITS
from curate.rules.grammar import (
    KK,
    KK_ADJECTIVE_SUFFIXES,
    KK_AND,
    LANGS,
    RU,
    SPACE,
    WORD_END,
    Rule,
    any_case,
    rule,
    trie,
)
from curate.rules.numbers import (
    DIGITS,
    KK_QUALIFIER,
    NOT_AFTER_ABLATIVE,
    QUALIFIER_AFTER,
    amount,
)

#: The counter word before a dose form (``300 дана таблетка`` "300 pieces of tablets").
DOSE_COUNTER = "дана"
#: A unit word; a dose may have its adjective or counter before it (``разовых доз``, ``бір
#: реттік доза``, ``300 дана таблетка``).
UNIT = (
    rf"(?:(?:разов\w+|бір{SPACE}реттік|{DOSE_COUNTER}){SPACE})?(?:"
    + "|".join(QUANTITY_UNITS)
    # a Kazakh ending joined to an abbreviation by a hyphen (``800 кг-нан астам``)
    + rf")(?:-[^\W\d_]{{1,5}})?{WORD_END}(?!\.[^\W\d_])"
    # not a unit made an adjective, a container's size (``5 литрлік контейнерден`` "from a
    # 5-litre container", K124)
    + "".join(f"(?<!{ending})" for ending in KK_ADJECTIVE_SUFFIXES)
)


#: ``бір`` "one" is an amount before a unit (``бір тоннадан асты``), though not alone.
_KK_ONE = rf"[Бб]ір(?={SPACE}(?:{'|'.join(QUANTITY_UNITS)}))"
#: ``один`` in the case forms that stand before a unit (``около одного килограмма``).
_RU_ONE = rf"(?:одного|одной|один|одну|одним)(?={SPACE}(?:{'|'.join(QUANTITY_UNITS)}))"
#: A dose unit, between which and the number a Kazakh qualifier may stand, as doses are
#: counted like pieces (``115 мыңнан астам бір реттік дозаны``, judgement call K16; ``2
#: мыңнан астам таблетка``).
_DOSE_AFTER_QUALIFIER = (
    rf"(?:(?:бір{SPACE}реттік|разов\w+|{DOSE_COUNTER}){SPACE})?"
    rf"(?:доз|таблетк|капсул|ампул)[^\W\d_]*{WORD_END}"
)
#: A unit word without a number counts as one (judgement calls K14 and R10): a Kazakh
#: unit with a qualifier after it (``келіге жуық``, ``тоннадан астам``) or a Russian one in
#: the genitive after a qualifier word (``более тонны``; the extractor takes the qualifier
#: in), or in the accusative after ``почти``.
_KK_BARE_UNIT = (
    # (a bare thousand or million before it counts as one too: ``мың литрден аса``, K109)
    rf"(?<!\d{SPACE})(?:{trie(any_case(['мың', 'миллион']))}{SPACE})?"
    rf"{trie(any_case(['келі', 'тонна', 'литр', 'грамм']))}"
    rf"[^\W\d_]{{0,6}}{SPACE}{KK_QUALIFIER}"
)
_RU_BARE_UNIT = (
    "(?:"
    + "|".join(rf"(?<={word}{SPACE})" for word in any_case(("более", "свыше", "около", "почти",
                                                              "порядка", "примерно", "менее")))
    # (a tonne and kilograms: ``свыше тонны 383 кг``)
    + rf")(?:тонны(?:{SPACE}\d{{1,3}}{SPACE}(?:кг|килограмм\w*))?|килограмма|грамма|литра)"
    + WORD_END
    # or in the accusative after ``почти`` (``весом почти килограмм``, ``почти тонну``)
    + rf"|(?<=[Пп]очти{SPACE})(?:тонну|килограмм|литр){WORD_END}"
)  # fmt: skip


#: Half a unit in one Russian word (``свыше полутонны``, ``полкилограмма``); the extractor
#: takes a qualifier before it in.
_RU_HALF_UNIT = (
    r"(?<![\w-])[Пп]олу?-?(?:тонн[ыу]|килограмма|кило|литра|грамма)"
    rf"{WORD_END}"
)


#: A drug's name between a number and its dose unit, maybe quoted (``«Трамадол»``).
_NAME_BEFORE_DOSE = r"[«\"“]?[^\W\d_][\w-]*[»\"”]?"
#: One drug of one or two words (``гашиш майы`` "hashish oil"), or two drugs of a word each
#: (``«LSD» және «MDMA»``), never two words and a list (``120-дан астам бума және шөпті
#: дозаға бөліп`` "more than 120 packets, and to split the herb into doses").
_DRUGS_BEFORE_DOSE = (
    rf"(?:{_NAME_BEFORE_DOSE}{SPACE}{KK_AND}{SPACE}{_NAME_BEFORE_DOSE}"
    rf"|{_NAME_BEFORE_DOSE}(?:{SPACE}{_NAME_BEFORE_DOSE})?)"
)
#: Kazakh doses with the drug named between the number and the unit (``861 "экстази"
#: таблеткасы``, K25; ``500 гашиш майы капсуласы``, K127), or two drugs (``176 «LSD» және
#: «MDMA» таблеткалары``, K113), maybe after the counter (``1 270 дана «Трамадол»
#: таблеткасы``, K107): the number alone is the QUANTITY, each drug a DRUG of its own.
_KK_DOSES_OF_DRUG = (
    rf"{amount('kk')}(?={SPACE}(?:{DOSE_COUNTER}{SPACE})?{_DRUGS_BEFORE_DOSE}{SPACE}"
    rf"(?:таблетк|капсул|ампул|доз)[^\W\d_]*{WORD_END})"
)


def _quantity(lang: str) -> str:
    """An amount in digits or ``lang``'s words with its unit, then more digits and units
    of a compound mass (``5 кг 952 гр``), maybe a qualifier after."""
    one = f"|{_KK_ONE}" if lang == "kk" else f"|{_RU_ONE}"
    inner_qualifier = (
        rf"|{amount(lang)}{SPACE}{KK_QUALIFIER}{SPACE}{_DOSE_AFTER_QUALIFIER}"
        if lang == "kk"
        else ""
    )
    return (
        rf"(?:{amount(lang)}{one}){SPACE}{UNIT}"
        # (a unit in the ablative opens a range, two spans: ``100 килограмнан 1 тоннаға``)
        rf"(?:{NOT_AFTER_ABLATIVE}{SPACE}{DIGITS}{SPACE}{UNIT})*{QUALIFIER_AFTER}{inner_qualifier}"
    )


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """An amount and its unit, and compound masses (``5 кг 952 гр``)."""
    return [
        *(
            rule(f"quantity_{lang}", "QUANTITY", _quantity(lang), 0.95, langs=frozenset({lang}))
            for lang in sorted(LANGS)
        ),
        rule("quantity_bare_unit_kk", "QUANTITY", _KK_BARE_UNIT, 0.8, langs=KK),
        rule("quantity_doses_of_drug_kk", "QUANTITY", _KK_DOSES_OF_DRUG, 0.8, langs=KK),
        rule("quantity_bare_unit_ru", "QUANTITY", _RU_BARE_UNIT, 0.8, langs=RU),
        rule("quantity_half_unit_ru", "QUANTITY", _RU_HALF_UNIT, 0.85, langs=RU),
    ]
