"""Rule-based pre-annotation: named, switchable rules for the scheme's ten labels.

>>> extractor = build_extractor()
>>> [(s.text, s.label, s.value) for s in extractor.annotate("изъято более 3 тонн", lang="ru")]
[('более 3 тонн', 'QUANTITY', 3000.0)]
"""

from curate.data import load_gazetteers
from curate.errors import InputError
from curate.rules.extractor import (
    MODEL_VERSION,
    Extractor,
    LearnedRules,
    build_rules,
    validate_rule_records,
)
from curate.rules.grammar import Rule
from curate.rules.overlap import Candidate, resolve_overlaps
from curate.rules.pass_cache import cached_rules
from curate.rules.persons import REPEATED_SURNAME

__all__ = [
    "MODEL_VERSION",
    "Candidate",
    "Extractor",
    "LearnedRules",
    "Rule",
    "build_extractor",
    "learned_model_version",
    "resolve_overlaps",
]


def build_extractor(
    *, disabled: frozenset[str] = frozenset(), learned: LearnedRules | None = None
) -> Extractor:
    """The extractor with every rule but those named in ``disabled``.

    ``learned`` (see :func:`curate.learn.load_learned`) adds people's gazetteer rules after
    the built-in ones (a built-in rule that matches at a token keeps it) and their stop
    lists, and marks the model version with its digest.

    Gazetteers are loaded and every rule's record is checked here, so a bad entry or rule
    fails now, naming itself (the test suite checks every rule's pattern with
    :func:`~curate.rules.extractor.validate_rules`). Rules built from this code and data
    before come from the cache (:func:`~curate.rules.pass_cache.cached_rules`). An unknown
    name in ``disabled`` is an :class:`InputError`. Each language's pass is compiled at its
    first text (or by :meth:`Extractor.compile`).
    """
    learned = learned or LearnedRules()
    rules = [*cached_rules(lambda: build_rules(load_gazetteers())), *learned.rules]
    validate_rule_records(rules)
    known = {rule.name for rule in rules} | {REPEATED_SURNAME}
    unknown = sorted(disabled - known)
    if unknown:
        raise InputError(
            f"unknown rule name(s) {', '.join(unknown)}; known rules: {', '.join(sorted(known))}"
        )
    return Extractor(
        [rule for rule in rules if rule.name not in disabled],
        repeated_surnames=REPEATED_SURNAME not in disabled,
        model_version=learned_model_version(learned.digest),
        stop_list=learned.stop_list,
    )


def learned_model_version(digest: str) -> str:
    """The rules' model version, marked with the digest of the learned entries they load."""
    return f"{MODEL_VERSION}+learned-{digest}" if digest else MODEL_VERSION
