"""What a pattern can start with (:func:`curate.rules.prefixes.prefixes`): a table of the
regex syntax the rules use, and on real text that the check never turns away a match."""

import re

import pytest
from goldsets import ROOT

from curate.articles import read_articles
from curate.rules import Extractor
from curate.rules.extractor import TOKEN_START_AFTER, _branches
from curate.rules.grammar import rule as make_rule
from curate.rules.prefixes import alternatives, prefixes

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
    # a member given twice counts once towards the limit of a listed class
    ("[А-ЯA-ZA-Z]", set("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ") | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")),
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


ALTERNATIVES = [
    # top-level bars split; bars inside groups, classes and escapes do not
    ("Аб|вг", [("Аб", {"Аб"}), ("вг", {"вг"})]),
    ("(?:А|б)в|[|]г", [("(?:А|б)в", {"Ав", "бв"}), ("[|]г", {"|г"})]),
    (r"\|а|б", [(r"\|а", {"|а"}), ("б", {"б"})]),
    # an alternative that may start with anything has no prefixes
    (r"\w+|б", [(r"\w+", None), ("б", {"б"})]),
    # syntax the reader does not follow: the whole pattern, no prefixes
    ("(?i)а|б", [("(?i)а|б", None)]),
]


@pytest.mark.parametrize(("pattern", "expected"), ALTERNATIVES)
def test_alternatives_of_a_pattern(pattern: str, expected: list) -> None:
    found = alternatives(pattern)

    assert [(text, None if starts is None else set(starts)) for text, starts in found] == expected
    assert "|".join(text for text, _ in found) == pattern


def test_every_built_in_rule_says_what_it_starts_with(extractor: Extractor) -> None:
    """A branch whose starts are unknown is tried at every token of its kind and turns the
    kind's one prefix check into a bare check of the first letter: at each lower-case word
    every lower-case branch would be tried (a fifth of the pass's time, before the cited
    outlet's quoted name was kept to capitals)."""
    unknown = [
        f"{branch.group}" for rule in extractor.rules for branch in _branches(rule)
        if branch.starts is None
    ]  # fmt: skip

    assert unknown == []


def test_a_rule_compiles_each_alternative_only_for_the_letters_it_starts_with() -> None:
    """Given as alternatives, a rule's upper-case branch holds only the alternative that can
    start in upper case, and the extractor finds what the rule as one pattern finds."""
    split = make_rule("org_test", "ORG", ["Комитет[а-я]*", "министерств[а-я]*"], 0.9)
    whole = make_rule("org_test", "ORG", "Комитет[а-я]*|министерств[а-я]*", 0.9)
    branches = {branch.kind: branch.regex for branch in _branches(split)}
    text = "Комитета и министерства"

    assert set(branches) == {"upper", "lower"}
    assert "министерств" not in branches["upper"] and "Комитет" not in branches["lower"]
    assert (
        [s.text for s in Extractor([split]).annotate(text, lang="ru")]
        == [s.text for s in Extractor([whole]).annotate(text, lang="ru")]
        == ["Комитета", "министерства"]
    )


def test_a_rule_without_known_prefixes_does_not_let_another_kind_win_a_start() -> None:
    """With one rule the prefix reader cannot follow (an inline flag), each kind is still
    tried only at starts of its kind: the count's digit branch never beats the date that
    has priority at the lower-case ``в``."""
    rules = [
        make_rule("date_x", "DATE", r"в \d+ году", 0.9),
        make_rule("count_x", "COUNT", r"(?:в )?\d+", 0.9),
        make_rule("org_x", "ORG", "(?i:абв)", 0.9),
    ]
    found = Extractor(rules, repeated_surnames=False).annotate("Это было в 2023 году.", lang="ru")

    assert [(s.text, s.label) for s in found] == [("в 2023 году", "DATE")]
