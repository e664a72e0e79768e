"""QUANTITY: an amount of a substance with its unit of mass, volume or doses.

``свыше 525 кг``, ``47,2 т``, ``525 келіден астам``, ``жарты тоннадан астам``, ``более 7 млн
разовых доз``, ``5 кг 952 гр``, ``более 900 таблеток``. UNIT → AMOUNT → QUANTITY; the unit
words are :data:`curate.normalise.QUANTITY_UNITS`, which the normaliser converts to kg, l and
dose (a tablet, capsule or ampoule is a dose).
"""

from curate.data import Gazetteers
from curate.normalise import QUANTITY_UNITS
from curate.rules.grammar import LANGS, SPACE, WORD_END, Rule, rule
from curate.rules.numbers import DIGITS, QUALIFIER_AFTER, amount

#: The counter word before a dose form (``300 дана таблетка`` "300 pieces of tablets").
DOSE_COUNTER = "дана"
#: A unit word; a dose may have its adjective or counter before it (``разовых доз``, ``бір
#: реттік доза``, ``300 дана таблетка``).
UNIT = (
    rf"(?:(?:разов\w+|бір{SPACE}реттік|{DOSE_COUNTER}){SPACE})?(?:"
    + "|".join(QUANTITY_UNITS)
    + rf"){WORD_END}(?!\.[^\W\d_])"
)


#: ``бір`` "one" is an amount before a unit (``бір тоннадан асты``), though not alone.
_KK_ONE = rf"[Бб]ір(?={SPACE}(?:{'|'.join(QUANTITY_UNITS)}))"


def _quantity(lang: str) -> str:
    """An amount in digits or ``lang``'s words with its unit, then more digits and units
    of a compound mass (``5 кг 952 гр``), maybe a qualifier after."""
    one = f"|{_KK_ONE}" if lang == "kk" else ""
    return (
        rf"(?:{amount(lang)}{one}){SPACE}{UNIT}"
        rf"(?:{SPACE}{DIGITS}{SPACE}{UNIT})*{QUALIFIER_AFTER}"
    )


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """An amount and its unit, and compound masses (``5 кг 952 гр``)."""
    return [
        rule(f"quantity_{lang}", "QUANTITY", _quantity(lang), 0.95, langs=frozenset({lang}))
        for lang in sorted(LANGS)
    ]
