"""What a pattern can start with (:func:`curate.rules.prefixes.prefixes`): a table of the
regex syntax the rules use, and on real text that the check never turns away a match."""

import re

import pytest
from goldsets import ROOT

from curate.articles import read_articles
from curate.rules import Extractor
from curate.rules.extractor import TOKEN_START_AFTER
from curate.rules.prefixes import prefixes

DIGITS = set("0123456789")

PREFIXES = [
    # literals, up to three characters
    ("кокаин", {"кок"}),
    (r"ст\.", {"ст."}),
    # alternation and optional parts
    ("(?:героин|ко(?:деин|каин))", {"гер", "код", "кок"}),
    ("(?:[Бб]олее )?МВД", {"Бол", "бол", "МВД"}),
    ("а?б", {"аб", "б"}),
    # lookarounds and anchors consume nothing
    (r"(?<![^\W_])(?=\d)(?!0)\d", DIGITS),
    ("(?<=«)соль(?=»)", {"сол"}),
    (r"^\Aа\bб", {"аб"}),
    # a repeat ends the prefix after its first round, unless it repeats at most once
    ("а{2,3}б", {"а"}),
    ("а{1}б", {"аб"}),
    ("(?:аб){0,1}в", {"абв", "в"}),
    ("а+?б", {"а"}),
    # possessive repeats and atomic groups end it at once
    ("а++б", None),
    ("ба++", {"б"}),
    ("в(?>аб)", {"в"}),
    # classes: listed when small, ranges, escapes
    ("[0-2][аб]", {"0а", "0б", "1а", "1б", "2а", "2б"}),
    (r"[ \u00a0]x", {" x", "\u00a0x"}),
    (r"[\-.]а", {"-а", ".а"}),
    (r"\d", DIGITS),
    (r"[\d%]", DIGITS | {"%"}),
    # too many to list: the prefix ends where it stands
    (r"а\w", {"а"}),
    ("а.", {"а"}),
    (r"а[^\W\d_]", {"а"}),
    ("а[А-ЯA-Zа-яa-z]", {"а"}),
    (r"\w+", None),
    # groups of every kind, quantifiers that are literals
    ("(?P<x>аб)в", {"абв"}),
    ("(а)б", {"аб"}),
    ("а{б}", {"а{б"}),
    # what the reader does not follow ends the prefix, or gives none at all
    (r"а[\b]", {"а"}),
    (r"а\N{DIGIT ONE}", {"а"}),
    (r"(а)\1", {"а"}),
    ("(?i)аб", None),
    ("(?P<x>а)(?P=x)", None),
]


@pytest.mark.parametrize(("pattern", "expected"), PREFIXES)
def test_prefixes_of_a_pattern(pattern: str, expected: set[str] | None) -> None:
    assert prefixes(pattern) == (None if expected is None else frozenset(expected))


@pytest.mark.parametrize(("pattern", "expected"), PREFIXES)
def test_every_match_starts_with_a_prefix(pattern: str, expected: set[str] | None) -> None:
    """The table's own examples: a match of the pattern starts with one of its prefixes."""
    for sample in ("кокаин", "ст.", "кодеин", "более МВД", "б", "аб", "5", "«соль»", "ааб"):
        for match in re.finditer(pattern, sample):
            if expected is not None and match.group():
                assert match.group().startswith(tuple(expected)), (pattern, sample)


ARTICLES = [
    *read_articles(ROOT / "seeds"),
    *(
        article
        for split in ("dev", "test")
        for article in read_articles(ROOT / "tests" / "data" / "heldout" / split / "articles")
    ),
]


def test_every_rule_match_starts_with_one_of_its_prefixes(extractor: Extractor) -> None:
    """On the seeds and the held-out articles, no match of a rule is turned away."""
    turned_away = []
    for rule in extractor.rules:
        starts = prefixes(rule.pattern)
        if starts is None:
            continue
        pattern = re.compile(f"{TOKEN_START_AFTER}((?:{rule.pattern}))")
        for article in ARTICLES:
            if article.lang in rule.langs:
                for match in pattern.finditer(" " + article.text):
                    if not match.group(1).startswith(tuple(starts)):
                        turned_away.append((rule.name, match.group(1)))
    assert turned_away == []
