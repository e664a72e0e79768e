"""PERCENT: a percentage with its sign and qualifier: ``–4%``, ``+10%``, ``более 30 процентов``."""

from curate.data import Gazetteers
from curate.rules.grammar import HYPHEN_ENDING, SPACE, WORD_END, Rule, rule, trie
from curate.rules.numbers import DIGITS, QUALIFIER_AFTER, SIGN

#: A number with its sign if written (``–4``, ``+10``, ``30``).
_SIGNED = rf"{SIGN}?{DIGITS}"
#: A Kazakh qualifier after the number as a noun with its possessive ending ("more than 50% of
#: them"), inside like ``3,5 тоннадан астамы`` (H9): ``50%-дан астамы``, ``20 пайызға
#: жуығын``.
_POSSESSIVE_QUALIFIER = (
    rf"{SPACE}(?:астамы|жуығы|артығы)(?:{trie(('н', 'на', 'нда', 'нан', 'ның'))})?{WORD_END}"
)
_QUALIFIER = rf"(?:{_POSSESSIVE_QUALIFIER}|{QUALIFIER_AFTER})"
#: ``–4%``, ``15%-ға``, ``20 % астам``.
_WITH_SIGN = rf"{_SIGNED}{SPACE}?%(?:{HYPHEN_ENDING})?{_QUALIFIER}"
#: ``30 процентов``, ``23 пайызға``.
_WITH_WORD = rf"{_SIGNED}{SPACE}(?:процент(?:а|ов|ам|ами|ах)?|пайыз\w{{0,6}}){_QUALIFIER}"


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """A number with ``%`` (one token with its sign) or with the word процент/пайыз."""
    return [
        rule("percent_sign", "PERCENT", _WITH_SIGN, 0.95),
        rule("percent_word", "PERCENT", _WITH_WORD, 0.9),
    ]
