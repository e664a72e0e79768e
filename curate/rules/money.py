"""MONEY: an amount of money with its currency: ``более 255 млн тенге``, ``68 миллион
теңге``, ``255 миллион теңгеден астам``, ``Т850 млн``.

CURRENCY → AMOUNT → MONEY, as natasha's money grammar; the currency words are
:data:`curate.normalise.CURRENCIES`, which the normaliser turns into ISO codes.
"""

from curate.data import Gazetteers
from curate.normalise import CURRENCIES
from curate.rules.grammar import LANGS, SPACE, WORD_END, Rule, rule
from curate.rules.numbers import DIGIT_AMOUNT, QUALIFIER_AFTER, amount

#: A currency word; the dollar may name its country (``долларов США``, ``АҚШ доллары``).
CURRENCY = rf"(?:(?:АҚШ{SPACE})?(?:" + "|".join(CURRENCIES) + rf")(?:{SPACE}США)?){WORD_END}"


#: An amount after the currency sign (``Т850 млн``, ``$5 млн долларов``).
_SIGN_FIRST = rf"[Т₸$]{DIGIT_AMOUNT}(?:{SPACE}{CURRENCY})?"


def _amount_currency(lang: str) -> str:
    """An amount in digits or ``lang``'s words, its currency, maybe a qualifier after."""
    return rf"{amount(lang)}{SPACE}{CURRENCY}{QUALIFIER_AFTER}"


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """An amount followed by a currency, or written after the tenge sign (``Т850 млн``)."""
    return [
        *(
            rule(
                f"money_amount_{lang}",
                "MONEY",
                _amount_currency(lang),
                0.95,
                langs=frozenset({lang}),
            )
            for lang in sorted(LANGS)
        ),
        rule("money_sign_prefix", "MONEY", _SIGN_FIRST, 0.85),
    ]
