"""PERCENT: a percentage with its sign and qualifier: ``–4%``, ``+10%``, ``более 30 процентов``."""

from curate.data import Gazetteers
from curate.rules.grammar import HYPHEN_ENDING, SPACE, Rule, rule
from curate.rules.numbers import DIGITS, QUALIFIER_AFTER, SIGN

#: A number with its sign if written (``–4``, ``+10``, ``30``).
_SIGNED = rf"{SIGN}?{DIGITS}"
#: ``–4%``, ``15%-ға``, ``20 % астам``.
_WITH_SIGN = rf"{_SIGNED}{SPACE}?%(?:{HYPHEN_ENDING})?{QUALIFIER_AFTER}"
#: ``30 процентов``, ``23 пайызға``.
_WITH_WORD = rf"{_SIGNED}{SPACE}(?:процент(?:а|ов|ам|ами|ах)?|пайыз\w{{0,6}}){QUALIFIER_AFTER}"


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """A number with ``%`` (one token with its sign) or with the word процент/пайыз."""
    return [
        rule("percent_sign", "PERCENT", _WITH_SIGN, 0.95),
        rule("percent_word", "PERCENT", _WITH_WORD, 0.9),
    ]
