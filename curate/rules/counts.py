"""COUNT: any other counted figure; the number with its multiplier and qualifier.

The counted noun stays outside (``более 500`` наркопреступлений). Not counts: ratios
(``в 3 раза``, ``3 есе``), ages (``52 жастағы``; ``33-летнюю`` is one token), numbers after
``№``, and numbers with a unit, a currency or a time word (other families take those).
"""

import re

from curate.data import Gazetteers
from curate.normalise import CURRENCIES, QUANTITY_UNITS
from curate.rules.dates import TIME_UNIT
from curate.rules.grammar import LANGS, SPACE, Rule, rule
from curate.rules.numbers import digit_amount, qualifier_after, word_amount

#: What may not follow a count: a ratio, an age, a unit, a currency, a time word.
NOT_COUNTED = (
    rf"(?!{SPACE}?(?:раз[а]?|есе|жас\w*|лет\w*|процент\w*|пайыз\w*|%|"
    + "|".join((*QUANTITY_UNITS, *CURRENCIES))
    + rf"|{TIME_UNIT})(?![^\W_]))"
)
#: A number right after ``№``, a law's ``ст.``/``ч.``/``п.`` or a telephone is a label.
_NOT_AFTER = "".join(
    rf"(?<!{re.escape(word)})"
    for word in ("№", "№ ", "ст. ", "ч. ", "п. ", "телефону ", "телефон ", "номеру ", "номер ",
                 "нөмірі ", "нөміріне ")
)  # fmt: skip


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """Counts in digits (``2 564``, ``500-ден астам``) and in words (``три``, ``үш``)."""
    found = [
        rule(
            "count_digits",
            "COUNT",
            rf"{_NOT_AFTER}{digit_amount()}{NOT_COUNTED}"
            rf"(?:{qualifier_after()})?",
            0.8,
        )
    ]
    for lang in sorted(LANGS):
        found.append(
            rule(
                f"count_words_{lang}",
                "COUNT",
                rf"{word_amount(lang)}{NOT_COUNTED}"
                rf"(?:{qualifier_after()})?",
                0.7,
                langs=frozenset({lang}),
            )
        )
    return found
