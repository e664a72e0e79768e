"""MONEY: an amount of money with its currency: ``более 255 млн тенге``, ``68 миллион
теңге``, ``255 миллион теңгеден астам``, ``Т850 млн``.

CURRENCY → AMOUNT → MONEY, as natasha's money grammar; the currency words are
:data:`curate.normalise.CURRENCIES`, which the normaliser turns into ISO codes.
"""

from curate.data import Gazetteers
from curate.normalise import CURRENCIES
from curate.rules.grammar import LANGS, SPACE, WORD_END, Rule, rule
from curate.rules.numbers import amount, digit_amount, qualifier_after

#: A currency word; the dollar may name its country (``долларов США``, ``АҚШ доллары``).
CURRENCY = rf"(?:(?:АҚШ{SPACE})?(?:" + "|".join(CURRENCIES) + rf")(?:{SPACE}США)?){WORD_END}"


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """An amount followed by a currency, or written after the tenge sign (``Т850 млн``)."""
    found = [
        rule(
            f"money_amount_{lang}",
            "MONEY",
            rf"{amount(lang)}{SPACE}{CURRENCY}(?:{qualifier_after()})?",
            0.95,
            langs=frozenset({lang}),
        )
        for lang in sorted(LANGS)
    ]
    found.append(
        rule(
            "money_sign_prefix",
            "MONEY",
            rf"[Т₸$]{digit_amount()}(?:{SPACE}{CURRENCY})?",
            0.85,
        )
    )
    return found
