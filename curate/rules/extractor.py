"""The extractor: every enabled rule compiled into one pass over a document.

A language's pass is compiled when the first text in that language arrives (compiling one
takes a second or two), so a command on Kazakh text never compiles the Russian pass.

Rules are tried in priority order at each token start (a regex alternation: the first
rule that matches there wins, so families are ordered most specific first: a number with
its unit before the bare count, an agency name before the place inside it). The one
document-level rule, the repeated surname, adds spans after that pass, and
:func:`~curate.rules.overlap.resolve_overlaps` settles any overlap. Every span is checked
to cover whole tokens, then number spans get their normalised value.
"""

import re
import threading
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType
from typing import NamedTuple

from pydantic import TypeAdapter

from curate import __version__
from curate.data import Gazetteers
from curate.errors import CurateError, InputError
from curate.labels import LABEL_NAMES, NUMBER_LABELS
from curate.models import Span
from curate.normalise import CONTEXT_WINDOW, normalise_span
from curate.rules import (
    counts,
    dates,
    drugs,
    laws,
    lookalikes,
    money,
    organisations,
    percents,
    persons,
    places,
    quantities,
)
from curate.rules.chrome import chrome_spans, outside_chrome
from curate.rules.grammar import LANGS, LOWER, UPPER, Rule, trie
from curate.rules.numbers import kazakh_ranges, qualifier_start
from curate.rules.overlap import Candidate, resolve_overlaps
from curate.rules.pass_cache import compiled_pass
from curate.rules.prefixes import alternatives, joined_prefixes
from curate.tokens import tokens

MODEL_VERSION = f"curate-rules-{__version__}"


class LearnedRules(NamedTuple):
    """What people taught the rules (:mod:`curate.learn`): gazetteer rules tried after the
    built-in ones, by language each rule's stop list of normalised span texts it must not
    propose, and a digest of both that goes into the model version."""

    rules: tuple[Rule, ...] = ()
    stop_list: Mapping[str, Mapping[str, frozenset[str]]] = {}
    digest: str = ""


#: Label families in priority order (see the module docstring).
FAMILIES: tuple[ModuleType, ...] = (
    laws, dates, percents, money, quantities, counts, organisations, persons, places, drugs,
)  # fmt: skip

#: Characters after which a token may start; a document is scanned from each of them.
TOKEN_START_AFTER = r"[.\s\"'«»“”„()\[\]{},;:!?…—–/|*•<>]"


class Extractor:
    """Rules compiled for each language; :meth:`annotate` proposes a document's spans."""

    def __init__(
        self,
        rules: Sequence[Rule],
        *,
        repeated_surnames: bool = True,
        model_version: str = MODEL_VERSION,
        stop_list: Mapping[str, Mapping[str, frozenset[str]]] | None = None,
    ) -> None:
        self.model_version = model_version
        self.rules = tuple(rules)
        self.stop_list = dict(stop_list or {})
        self.repeated_surnames = repeated_surnames
        self._by_name = {rule.name: rule for rule in self.rules}
        self._passes: dict[str, _Pass] = {}
        self._compiling = threading.Lock()

    def __getstate__(self) -> dict[str, object]:
        """What a worker process needs: the rules, not the compiled passes (a pattern
        pickles as its text and would be compiled again anyway) nor the lock."""
        return {
            "rules": self.rules,
            "repeated_surnames": self.repeated_surnames,
            "model_version": self.model_version,
            "stop_list": self.stop_list,
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(  # type: ignore[misc]
            state["rules"],
            repeated_surnames=state["repeated_surnames"],
            model_version=state["model_version"],
            stop_list=state["stop_list"],
        )

    @property
    def rule_names(self) -> tuple[str, ...]:
        """Every rule's name, document-level ones included, in priority order."""
        extra = (persons.REPEATED_SURNAME,) if self.repeated_surnames else ()
        return tuple(self._by_name) + extra

    def annotate(self, text: str, *, lang: str) -> list[Span]:
        """The spans the rules propose for ``text`` in ``lang`` (``kk`` or ``ru``), in order."""
        records = [
            record
            for candidate in resolve_overlaps(self.candidates(text, lang=lang))
            if (record := _span_record(text, candidate)) is not None
        ]
        return _SPANS.validate_python(records)

    def candidates(self, text: str, *, lang: str) -> list[Candidate]:
        """What the rules found before overlaps are resolved: whole-token spans only."""
        pattern, group_rule = self._pass(lang)
        found: list[Candidate] = []
        # Matched on the text with its look-alike letters folded, one character for one:
        # the offsets are the original text's, and spans take the original's characters.
        folded = lookalikes.fold(text)
        for match in pattern.finditer(" " + folded):
            rule = group_rule[match.lastgroup]  # type: ignore[index]
            start, end = match.start(), match.end() - 1  # the text was given a leading space
            if rule.label in NUMBER_LABELS:
                start = qualifier_start(folded, start)
            if not cuts_token(text, start, end) and not self._stopped(
                rule.name, text[start:end], lang
            ):
                found.append(Candidate(start, end, rule.label, rule.name, rule.score))
        if lang == "ru":
            found = organisations.with_press_services(text, found)
        found = places.outside_quoted_names(text, found)
        if lang == "kk":
            found = kazakh_ranges(text, found)
        if self.repeated_surnames:
            found.extend(_repeated_surnames(folded, found))
        return outside_chrome(found, chrome_spans(text))

    def _stopped(self, rule_name: str, span_text: str, lang: str) -> bool:
        """Whether people's stop list forbids ``rule_name`` to propose ``span_text`` in ``lang``."""
        stopped = self.stop_list.get(lang, {}).get(rule_name)
        if not stopped:
            return False  # the common case, decided without normalising the text
        return " ".join(span_text.split()) in stopped

    def compile(self, langs: frozenset[str] = LANGS) -> None:
        """Compile the passes of ``langs`` now rather than at their first text."""
        for lang in sorted(langs):
            self._pass(lang)

    def _pass(self, lang: str) -> "_Pass":
        found = self._passes.get(lang)
        if found is not None:
            return found
        if lang not in LANGS:
            raise InputError(f"language {lang!r} is not one of {sorted(LANGS)}: use kk or ru")
        with self._compiling:  # the ML backend annotates in several threads
            if lang not in self._passes:
                pattern, group_rule = _compile_pass([r for r in self.rules if lang in r.langs])
                self._passes[lang] = _Pass(pattern, group_rule)
            return self._passes[lang]


class _Pass(NamedTuple):
    pattern: re.Pattern[str]
    group_rule: dict[str, Rule]


def _compile_pass(rules: Sequence[Rule]) -> tuple[re.Pattern[str], dict[str, Rule]]:
    """:func:`_pass_text` compiled, or loaded compiled (see :mod:`curate.rules.pass_cache`)."""
    return compiled_pass(rules, _pass_text)


def _pass_text(rules: Sequence[Rule]) -> tuple[str, dict[str, Rule]]:
    """One regex for ``rules`` and the rule of each of its groups.

    Rules are dispatched on the kind of character a token starts with (digit, upper case,
    lower case, other): at a lower-case word only the rules that can start with it are
    tried, and only if the word starts like one of them (a trie of the rules' prefixes),
    so most words cost one failed check. A rule that can start with characters of several
    kinds appears once for each, as ``<name>__<kind>``; priority order holds within each.

    A rule's group is an empty marker after its pattern, not a group around it: the regex
    engine saves the marks set so far at backtracking points, so a group opened before a
    long pattern would make every rule late in the alternation slower.
    """
    by_name = {rule.name: rule for rule in rules}
    branches = [branch for rule in rules for branch in _branches(rule)]
    dispatch = "|".join(
        _kind_alternation(kind, [branch for branch in branches if branch.kind == kind])
        for kind in _KINDS
        if any(branch.kind == kind for branch in branches)
    )
    return (
        f"{TOKEN_START_AFTER}(?:{dispatch})",
        {branch.group: by_name[branch.rule] for branch in branches},
    )


_KINDS = ("digit", "upper", "lower", "other")
#: A rule with more prefixes than this is tried without its own prefix check.
_MAX_GUARD = 300


class _Branch(NamedTuple):
    """A rule's alternative for one kind of first character."""

    kind: str
    group: str
    rule: str
    regex: str
    starts: frozenset[str] | None  # what the kind's check must let through; None: anything


def _branches(rule: Rule) -> list[_Branch]:
    """The rule's branch for each kind of first character it can start with.

    A branch holds only the rule's top-level alternatives that can start with its kind (in
    their order), so a long rule whose alternatives start differently (an upper-case name,
    a lower-case unit) is not compiled twice whole.
    """
    starting = alternatives(rule.pattern)
    found = joined_prefixes(starting)
    branches = []
    for kind in _KINDS:
        own = None if found is None else {p for p in found if _kind(p[0]) == kind}
        if own == set():
            continue
        if own is not None and len(own) <= _MAX_GUARD and min(map(len, own)) >= 2:
            check, starts = f"(?={trie(own)})", frozenset(own)
        else:
            check, starts = "", None if own is None else frozenset(p[0] for p in own)
        pattern = "|".join(
            alternative
            for alternative, its in starting
            if its is None or any(_kind(p[0]) == kind for p in its)
        )
        group = f"{rule.name}__{kind}"
        regex = f"{check}(?:{pattern})(?P<{group}>)"
        branches.append(_Branch(kind, group, rule.name, regex, starts))
    return branches


def _kind_alternation(kind: str, branches: list[_Branch]) -> str:
    """The branches of one kind behind one check of the prefixes they can start with, or,
    when a branch's prefixes are not known, of the kind of the first character (else a
    branch of an earlier kind could match at a start of another and beat its rules)."""
    known = [branch.starts for branch in branches if branch.starts is not None]
    if len(known) == len(branches):
        check = f"(?={trie(frozenset().union(*known))})"
    else:
        check = _KIND_CHECKS[kind]
    return check + "(?:" + "|".join(branch.regex for branch in branches) + ")"


#: What each kind of first character is, as a check before a token's first character.
_KIND_CHECKS = {
    "digit": r"(?=\d)",
    "upper": f"(?=[{UPPER}])",
    "lower": f"(?=[{LOWER}])",
    "other": rf"(?![\d{UPPER}{LOWER}])",
}


def _kind(char: str) -> str:
    return next(kind for kind in _KINDS if re.match(_KIND_CHECKS[kind], char))


def _repeated_surnames(text: str, found: list[Candidate]) -> list[Candidate]:
    """Later mentions of the surnames of ``found`` people in ``text`` (folded, as matched)."""
    names = [text[c.start : c.end] for c in found if c.label == "PER"]
    return [
        Candidate(start, end, "PER", persons.REPEATED_SURNAME, 0.8)
        for start, end in persons.repeated_surnames(text, names)
    ]


def _span_record(text: str, candidate: Candidate) -> dict[str, object] | None:
    """The fields of the candidate's :class:`Span`, with its normalised value; a number
    span whose value cannot be read is dropped rather than proposed without one."""
    start, end, label, rule, score = candidate
    record: dict[str, object] = {
        "start": start, "end": end, "label": label, "text": text[start:end], "rule": rule,
        "score": score,
    }  # fmt: skip
    if label in NUMBER_LABELS:
        value, unit, qualifier = normalise_span(
            record["text"],  # type: ignore[arg-type]
            label,
            context_before=text[max(0, start - CONTEXT_WINDOW) : start],
            context_after=text[end : end + CONTEXT_WINDOW],
        )
        if value is None:
            return None
        record.update(value=value, unit=unit, qualifier=qualifier)
    return record


#: Validates a document's span records in one call: pydantic builds the models in its
#: core, at under half the cost of one ``Span(...)`` call each.
_SPANS = TypeAdapter(list[Span])


# ---- whole tokens ------------------------------------------------------------------------

_GROUP_SPACES = " \u00a0\u202f"


def cuts_token(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` starts or ends inside a token of :func:`curate.tokens.tokens`.

    Only the stretch around the span is tokenized: tokens never cross whitespace, except
    the space inside a grouped number (``2 564``).

    >>> text = "изъято 2 564 карты (–4%), 500-ден, 52 кг."
    >>> spans = ((7, 12), (9, 12), (7, 8), (21, 23), (26, 29), (35, 40))
    >>> [cuts_token(text, *span) for span in spans]
    [False, True, True, True, True, False]
    >>> cuts_token("1,5 тыс.", 0, 1)
    True
    """
    if _clear_before(text, start) and _clear_after(text, end):
        return False
    left, right = _run_start(text, start), _run_end(text, end)
    around = tokens(text[left:right])
    return start - left not in {t.start for t in around} or end - left not in {
        t.end for t in around
    }


#: Characters no token runs over: a token starts after them and ends before them.
_OPENERS = frozenset('«"“„([{')
_CLOSERS = frozenset(',;:!?)]}»"”…')


def _clear_before(text: str, start: int) -> bool:
    """The common case, decided without tokenizing: whitespace or an opener before."""
    if start == 0:
        return True
    before, first = text[start - 1], text[start]
    if before in _OPENERS:
        return not first.isspace()
    return before.isspace() and not first.isspace() and not _in_number(text, start - 1)


def _clear_after(text: str, end: int) -> bool:
    if end == len(text):
        return True
    after, last = text[end], text[end - 1]
    if last.isspace():
        return False
    if after.isspace():
        return not _in_number(text, end)
    return after in _CLOSERS and not _in_decimal(text, end)


def _in_decimal(text: str, comma: int) -> bool:
    """Whether the character at ``comma`` is a decimal comma between digits (``47,2``)."""
    return (
        text[comma] == ","
        and 0 < comma < len(text) - 1
        and text[comma - 1].isdigit()
        and text[comma + 1].isdigit()
    )


def _run_start(text: str, position: int) -> int:
    while position > 0 and not (
        text[position - 1].isspace() and not _in_number(text, position - 1)
    ):
        position -= 1
    return position


def _run_end(text: str, position: int) -> int:
    while position < len(text) and not (
        text[position].isspace() and not _in_number(text, position)
    ):
        position += 1
    return position


def _in_number(text: str, space: int) -> bool:
    """Whether the whitespace at ``space`` may be inside a number (a digit on each side)."""
    return (
        text[space] in _GROUP_SPACES
        and 0 < space < len(text) - 1
        and text[space - 1].isdigit()
        and text[space + 1].isdigit()
    )


# ---- building ------------------------------------------------------------------------------


def build_rules(gazetteers: Gazetteers) -> list[Rule]:
    """Every family's rules, in priority order."""
    return [rule for family in FAMILIES for rule in family.rules(gazetteers)]


def validate_rules(rules: Sequence[Rule]) -> None:
    """Raise :class:`CurateError` for a rule the extractor cannot use, naming it.

    Checks each rule's record and compiles its pattern alone; the test suite runs it on
    every rule (a pattern is the developers' to fix, and compiling 55 of them one by one
    would add a second to every start). :func:`validate_rule_records` is the cheap part
    :func:`~curate.rules.build_extractor` runs.
    """
    _raise_first_problem(
        rules, lambda rule, seen: _record_problem(rule, seen) or _pattern_problem(rule)
    )


def validate_rule_records(rules: Sequence[Rule]) -> None:
    """Raise :class:`CurateError` for a rule with a bad or repeated name, label, score or
    languages, naming it."""
    _raise_first_problem(rules, _record_problem)


def _raise_first_problem(
    rules: Sequence[Rule], problem_of: Callable[[Rule, set[str]], str | None]
) -> None:
    seen: set[str] = set()
    for rule in rules:
        problem = problem_of(rule, seen)
        if problem:
            raise CurateError(f"rule {rule.name!r}: {problem}; fix it in curate/rules/")
        seen.add(rule.name)


def _record_problem(rule: Rule, seen: set[str]) -> str | None:
    if rule.name in seen:
        return "the name is used by another rule"
    if not rule.name.isidentifier() or rule.name == persons.REPEATED_SURNAME:
        return "the name must be a Python identifier not used by a document-level rule"
    if rule.label not in LABEL_NAMES:
        return f"label {rule.label!r} is not one of {', '.join(LABEL_NAMES)}"
    if not 0 < rule.score <= 1:
        return f"score {rule.score} is not in (0, 1]"
    if not rule.langs or not rule.langs <= LANGS:
        return f"languages {sorted(rule.langs)} are not a non-empty subset of {sorted(LANGS)}"
    return None


def _pattern_problem(rule: Rule) -> str | None:
    try:
        compiled = re.compile(rule.pattern)
    except re.error as error:
        return f"the pattern does not compile ({error})"
    if compiled.groups:
        return "the pattern has capturing groups; use (?:...)"
    if compiled.fullmatch(""):
        return "the pattern matches the empty string"
    return None
