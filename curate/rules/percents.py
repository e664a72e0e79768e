"""PERCENT: a percentage with its sign and qualifier: ``–4%``, ``+10%``, ``более 30 процентов``."""

from curate.data import Gazetteers
from curate.rules.grammar import HYPHEN_ENDING, SPACE, Rule, rule
from curate.rules.numbers import DIGITS, SIGN, qualifier_after


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """A number with ``%`` (one token with its sign) or with the word процент/пайыз."""
    head = rf"{SIGN}?{DIGITS}"
    return [
        rule(
            "percent_sign",
            "PERCENT",
            rf"{head}{SPACE}?%(?:{HYPHEN_ENDING})?(?:{qualifier_after()})?",
            0.95,
        ),
        rule(
            "percent_word",
            "PERCENT",
            rf"{head}{SPACE}(?:процент(?:а|ов|ам|ами|ах)?|пайыз\w{{0,6}})(?:{qualifier_after()})?",
            0.9,
        ),
    ]
