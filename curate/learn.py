"""Learn from corrections: what annotators add and delete becomes reviewable rule data.

:func:`analyse` compares each task's gold (the adjudicated annotations) with the rules'
predictions of that task. Spans people added that no rule proposed become gazetteer
suggestions (one per surface form, its Kazakh or Russian word forms together: ``Жамбыл
облысының`` and ``Жамбыл облысында`` are one entry); spans a rule proposed and people
deleted become stop-list suggestions for that rule; and every rule gets its figures.

Everything is a plain file in a directory kept under version control (``learned/``), one
entry a line with its counts and an example in a ``#`` comment:

- ``suggested_entries.txt``, ``suggested_stoplist.txt``: what the last ``curate learn`` saw;
- ``entries.txt``, ``stoplist.txt``: what is accepted (``--accept`` or a hand edit), the only
  files the rules load (:func:`load_learned`);
- ``rules.tsv``: per rule, proposed, kept, fixed, deleted and precision;
- ``live.txt``: what the ML backend learned from annotations as they were saved.

A learned entry cannot break a rule: it becomes a gazetteer rule of its label
(``learned_org``) or a stop-list entry, never an edit of a pattern. A line of ``entries.txt``
is ``LABEL<TAB>form | form…``; a line of ``stoplist.txt`` is ``rule<TAB>text<TAB>kk,ru``, the
languages where people deleted it (a Kazakh convention must not silence a Russian span).
"""

import bisect
import hashlib
import itertools
import re
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from curate.adjudicate import decide
from curate.articles import detect_language
from curate.errors import InputError, warn
from curate.files import write_lines
from curate.labels import LANGUAGES
from curate.labelstudio_export import iter_export
from curate.models import ExportedTask, Record, Span
from curate.rules import Extractor, LearnedRules, Rule, build_extractor
from curate.rules.grammar import (
    END,
    KK_ENDING,
    RU_ADJECTIVE_ENDING,
    RU_NOUN_ENDING,
    SPACE,
    WORD_END,
)

DEFAULT_DIR = Path("learned")
ENTRIES = "entries.txt"
STOPLIST = "stoplist.txt"
SUGGESTED_ENTRIES = "suggested_entries.txt"
SUGGESTED_STOPLIST = "suggested_stoplist.txt"
RULE_FIGURES = "rules.tsv"
LIVE = "live.txt"
#: What annotations did to the rules' spans, as the ML backend heard it (see live_corrections).
LIVE_CORRECTIONS = "live_corrections.tsv"

#: Labels a name list can find; dates and figures need the number grammars and a value.
LEARNABLE_LABELS: tuple[str, ...] = ("PER", "ORG", "LOC", "DRUG", "LAW")
#: The score of a learned gazetteer hit: people named it, but out of its context.
LEARNED_SCORE = 0.9
#: A word keeps at least this many letters when its ending is cut off to find its stem.
MIN_STEM = 5
DEFAULT_MIN_DOCUMENTS = 2

_ENDING = f"(?:{KK_ENDING}|{RU_NOUN_ENDING}|{RU_ADJECTIVE_ENDING})"
_ENDING_RE = re.compile(_ENDING)
_DOCUMENTS = re.compile(r"#\s*(\d+) documents?")


def learned_rule_name(label: str) -> str:
    """The rule that proposes ``label``'s learned entries: ``learned_org``."""
    return f"learned_{label.lower()}"


# ---- word forms ------------------------------------------------------------------------------


def normalised(text: str) -> str:
    """``text`` with its whitespace runs as single spaces (how spans and entries compare)."""
    return " ".join(text.split())


def stem(word: str) -> str:
    """The word without its longest Kazakh or Russian ending, keeping :data:`MIN_STEM` letters.

    >>> stem("облысының"), stem("облысында"), stem("Жамбыл"), stem("МВД")
    ('облыс', 'облыс', 'Жамбыл', 'МВД')
    """
    for cut in range(MIN_STEM, len(word)):
        if _ENDING_RE.fullmatch(word[cut:]):
            return word[:cut]
    return word


def entry_key(form: str) -> str:
    """What the word forms of one entry share: each word's stem.

    >>> entry_key("Жамбыл облысының") == entry_key("Жамбыл  облысында")
    True
    """
    return " ".join(stem(word) for word in form.split())


def form_pattern(form: str) -> str:
    """A regex for ``form`` in any of its word forms, matched as whole tokens.

    A word longer than :data:`MIN_STEM` letters may take any ending after its stem; a short
    word (an abbreviation, a preposition) must appear as written.
    """
    words = [
        re.escape(stem(word)) + f"{_ENDING}?" if len(word) > MIN_STEM else re.escape(word)
        for word in form.split()
    ]
    return SPACE.join(f"{word}{WORD_END}" for word in words)


# ---- the comparison --------------------------------------------------------------------------


class RuleFigures(Record):
    """How people treated one rule's proposals: kept as is, fixed (overlapping a gold span
    but not equal to it) or deleted (overlapping none)."""

    rule: str
    proposed: int = 0
    kept: int = 0
    fixed: int = 0
    deleted: int = 0

    @property
    def precision(self) -> float:
        return self.kept / self.proposed if self.proposed else 0.0


@dataclass
class _Tally:
    """How often one surface form was seen, where, in which forms, with an example."""

    times: int = 0
    documents: set[str] = field(default_factory=set)
    langs: set[str] = field(default_factory=set)
    forms: Counter[str] = field(default_factory=Counter)
    example: str = ""
    kept: int = 0

    def add(self, form: str, *, document: str, lang: str, example: str) -> None:
        self.times += 1
        self.documents.add(document)
        self.langs.add(lang)
        self.forms[form] += 1
        self.example = self.example or example


@dataclass
class Analysis:
    """What :func:`analyse` found: suggestions keyed by (label, entry key) and by (rule,
    text), and each rule's figures."""

    tasks: int = 0
    entries: dict[tuple[str, str], _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    stops: dict[tuple[str, str], _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    rules: dict[str, RuleFigures] = field(default_factory=dict)

    def figures(self, rule: str) -> RuleFigures:
        return self.rules.setdefault(rule, RuleFigures(rule=rule))


def analyse(
    tasks: Iterable[ExportedTask], *, extractor: Extractor, known: frozenset[str] = frozenset()
) -> Analysis:
    """Compare each annotated task's gold with the rules' predictions of it.

    The predictions are the task's last prediction in the export (what annotators saw), else
    ``extractor``'s. Entries whose key is in ``known`` (already accepted) are not suggested.
    """
    analysis = Analysis()
    for task in tasks:
        if not task.completed():
            continue
        analysis.tasks += 1
        gold = decide(task).spans
        lang = _lang(task)
        predicted = task.predictions[-1].spans if task.predictions else None
        if predicted is None:
            predicted = extractor.annotate(task.text, lang=lang)
        _compare(analysis, task, lang, gold=gold, predicted=predicted, known=known)
    return analysis


def _compare(
    analysis: Analysis,
    task: ExportedTask,
    lang: str,
    *,
    gold: Sequence[Span],
    predicted: Sequence[Span],
    known: frozenset[str],
) -> None:
    gold_keys = {(s.start, s.end, s.label) for s in gold}
    in_gold, in_predicted = _Cover(gold), _Cover(predicted)
    document = task.article_id
    for span in predicted:
        rule = span.rule or "unknown"
        figures = analysis.figures(rule)
        figures.proposed += 1
        stop = analysis.stops[(rule, normalised(span.text))]
        if (span.start, span.end, span.label) in gold_keys:
            figures.kept += 1
            stop.kept += 1
        elif in_gold.overlaps(span):
            figures.fixed += 1
        else:
            figures.deleted += 1
            stop.add(span.text, document=document, lang=lang, example=_example(task.text, span))
    for span in gold:
        if span.label not in LEARNABLE_LABELS or any(c.isdigit() for c in span.text):
            continue
        if in_predicted.overlaps(span):
            continue
        key = entry_key(span.text)
        if key in known:
            continue
        form = normalised(span.text)
        example = _example(task.text, span)
        analysis.entries[(span.label, key)].add(form, document=document, lang=lang, example=example)


class _Cover:
    """Whether a span overlaps any of ``spans``, in logarithmic time (a long document's
    spans compared pairwise cost most of ``curate learn``)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans, key=lambda span: span.start)
        self.starts = [span.start for span in ordered]
        # the furthest end of the spans up to each one: some span before i reaches past x
        # exactly when the furthest of them does
        self.reach = list(itertools.accumulate((span.end for span in ordered), max))

    def overlaps(self, span: Span) -> bool:
        before_end = bisect.bisect_left(self.starts, span.end)
        return before_end > 0 and self.reach[before_end - 1] > span.start


def _lang(task: ExportedTask) -> str:
    lang = task.data.get("lang")
    return lang if isinstance(lang, str) and lang in LANGUAGES else detect_language(task.text)


def _example(text: str, span: Span, width: int = 40) -> str:
    before = normalised(text[max(0, span.start - width) : span.start])
    after = normalised(text[span.end : span.end + width])
    return f"…{before} [{normalised(span.text)}] {after}…"


# ---- the files -------------------------------------------------------------------------------


def entry_lines(analysis: Analysis) -> list[str]:
    """``suggested_entries.txt``: most documents first, every word form seen, an example."""
    ranked = sorted(
        analysis.entries.items(), key=lambda item: (-len(item[1].documents), -item[1].times)
    )
    lines = []
    for (label, _), tally in ranked:
        forms = " | ".join(form for form, _ in tally.forms.most_common())
        lines.append(f"{label}\t{forms}\t{_comment(tally)}")
    return lines


def stop_lines(analysis: Analysis) -> list[str]:
    """``suggested_stoplist.txt``: spans deleted and never kept, most documents first."""
    deleted = [item for item in analysis.stops.items() if item[1].times and not item[1].kept]
    ranked = sorted(deleted, key=lambda item: (-len(item[1].documents), -item[1].times))
    return [
        f"{rule}\t{text}\t{','.join(sorted(tally.langs))}\t{_comment(tally)}"
        for (rule, text), tally in ranked
    ]


def figure_lines(analysis: Analysis) -> list[str]:
    """``rules.tsv``: one rule a line, lowest precision first."""
    rows = sorted(analysis.rules.values(), key=lambda f: (f.precision, -f.proposed))
    header = "rule\tproposed\tkept\tfixed\tdeleted\tprecision"
    return [header] + [
        f"{f.rule}\t{f.proposed}\t{f.kept}\t{f.fixed}\t{f.deleted}\t{f.precision:.3f}" for f in rows
    ]


def _comment(tally: _Tally) -> str:
    documents = len(tally.documents)
    langs = ",".join(sorted(tally.langs))
    return (
        f"# {documents} document{'s' if documents != 1 else ''}, "
        f"{tally.times} time{'s' if tally.times != 1 else ''}, "
        f"{langs}; e.g. {tally.example}"
    )


@dataclass(frozen=True)
class LearnReport:
    """What ``curate learn`` did: tasks compared, suggestions written, entries accepted."""

    directory: Path
    tasks: int
    suggested_entries: int
    suggested_stops: int
    accepted_entries: int
    accepted_stops: int
    rules: tuple[RuleFigures, ...]


def learn(
    export: Path | None,
    *,
    directory: Path = DEFAULT_DIR,
    accept: bool = False,
    min_documents: int = DEFAULT_MIN_DOCUMENTS,
) -> LearnReport:
    """``curate learn``: write the suggestions of ``export`` into ``directory`` and, with
    ``accept``, add those seen in at least ``min_documents`` documents to the accepted files.

    Without an export, ``accept`` accepts the suggestions an earlier run wrote.
    """
    if export is None and not accept:
        raise InputError("give a Label Studio JSON export to learn from, or --accept")
    if min_documents < 1:
        raise InputError(f"--min-documents {min_documents} must be at least 1")
    if directory.exists() and not directory.is_dir():
        raise InputError(f"{directory} is not a folder: give a folder for the learned files")
    rules: tuple[RuleFigures, ...] = ()
    tasks = 0
    if export is not None:
        known = frozenset(entry_key(form) for _, form in _read_entries(directory / ENTRIES))
        extractor = build_extractor(learned=load_learned(directory))
        analysis = analyse(iter_export(export), extractor=extractor, known=known)
        directory.mkdir(parents=True, exist_ok=True)
        write_lines(directory / SUGGESTED_ENTRIES, entry_lines(analysis))
        write_lines(directory / SUGGESTED_STOPLIST, stop_lines(analysis))
        write_lines(directory / RULE_FIGURES, figure_lines(analysis))
        rules, tasks = tuple(analysis.rules.values()), analysis.tasks
    accepted = (
        (_accept(directory, SUGGESTED_ENTRIES, ENTRIES, min_documents),
         _accept(directory, SUGGESTED_STOPLIST, STOPLIST, min_documents))
        if accept
        else (0, 0)
    )  # fmt: skip
    return LearnReport(
        directory=directory,
        tasks=tasks,
        suggested_entries=_count_lines(directory / SUGGESTED_ENTRIES),
        suggested_stops=_count_lines(directory / SUGGESTED_STOPLIST),
        accepted_entries=accepted[0],
        accepted_stops=accepted[1],
        rules=rules,
    )


def _accept(directory: Path, suggested: str, accepted: str, min_documents: int) -> int:
    """Append the suggestions seen in ``min_documents`` documents that ``accepted`` lacks."""
    source = directory / suggested
    if not source.exists():
        raise InputError(f"{source}: no suggestions to accept; run `curate learn EXPORT` first")
    target = directory / accepted
    have = {_line_key(line) for line in _lines(target)} if target.exists() else set()
    new = [
        line
        for line in _lines(source)
        if (count := _DOCUMENTS.search(line)) and int(count.group(1)) >= min_documents
        and _line_key(line) not in have
    ]  # fmt: skip
    old = _lines(target) if target.exists() else []
    write_lines(target, [*old, *new])
    return len(new)


def _line_key(line: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in line.split("#", 1)[0].split("\t")[:2])


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def _count_lines(path: Path) -> int:
    return len(_lines(path)) if path.exists() else 0


# ---- loading what is accepted ------------------------------------------------------------------


def resolve_directory(directory: Path | None) -> Path | None:
    """The learned folder to load: ``directory`` as given (it must exist), else ``learned/``
    in the current directory when there is one, else none."""
    if directory is None:
        return DEFAULT_DIR if DEFAULT_DIR.is_dir() else None
    if not directory.is_dir():
        raise InputError(f"{directory}: no such folder of learned entries; run `curate learn`")
    return directory


def extractor_for(
    directory: Path | None, *, disabled: frozenset[str] = frozenset(), live: bool = False
) -> Extractor:
    """The rules with the accepted entries of ``directory`` (see :func:`resolve_directory`);
    with ``live``, also what the ML backend learned live (``live.txt``)."""
    found = resolve_directory(directory)
    learned = load_learned(found, live=live) if found is not None else None
    return build_extractor(disabled=disabled, learned=learned)


def load_learned(directory: Path, *, live: bool = False) -> LearnedRules:
    """The accepted entries and stop lists of ``directory`` as data for the extractor; with
    ``live``, what the ML backend learned too (entries, and spans deleted again and again).

    An invalid line (not UTF-8, empty, an unknown label, no text) or an entry given under two
    labels is one warning each and skipped; a missing file is no entries.
    """
    entries = _read_entries(directory / ENTRIES)
    stops = _read_stops(directory / STOPLIST)
    if live:
        entries += _read_entries(directory / LIVE)
        stops += live_stops(directory / LIVE_CORRECTIONS)
    labels_of: dict[str, set[str]] = defaultdict(set)
    for label, form in entries:
        labels_of[entry_key(form)].add(label)
    conflicting = {key for key, labels in labels_of.items() if len(labels) > 1}
    for key in sorted(conflicting):
        warn(
            f"{directory}: {key!r} is learned under {' and '.join(sorted(labels_of[key]))}; "
            "skipped: keep it under one label"
        )
    patterns: dict[str, set[str]] = defaultdict(set)
    for label, form in entries:
        if entry_key(form) not in conflicting:
            patterns[label].add(form_pattern(form))
    rules = tuple(
        Rule(learned_rule_name(label), label, _alternation(patterns[label]), LEARNED_SCORE)  # type: ignore[arg-type]
        for label in LEARNABLE_LABELS
        if patterns[label]
    )
    stop_list: dict[str, dict[str, set[str]]] = {lang: defaultdict(set) for lang in LANGUAGES}
    for rule, text, langs in stops:
        for lang in langs:
            stop_list[lang][rule].add(text)
    digest = _digest(
        [
            *(f"{r.name}\t{r.pattern}" for r in rules),
            *(f"{r}\t{t}\t{sorted(ls)}" for r, t, ls in stops),
        ]
    )
    return LearnedRules(
        rules=rules,
        stop_list={
            lang: {rule: frozenset(texts) for rule, texts in by_rule.items()}
            for lang, by_rule in stop_list.items()
        },
        digest=digest if rules or stops else "",
    )


def _alternation(patterns: Iterable[str]) -> str:
    """The entries longest first (the first that matches at a token start wins)."""
    ordered = sorted(patterns, key=lambda p: (-len(p), p))
    return "(?:" + "|".join(ordered) + f"){END}"


def _digest(lines: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(lines)).encode("utf-8")).hexdigest()[:10]


def _read_entries(path: Path) -> list[tuple[str, str]]:
    """(label, form) of every valid line of an entries file; every word form is its own."""
    entries = []
    for where, fields in _fields(path):
        label = fields[0]
        if label not in LEARNABLE_LABELS:
            warn(f"{where}: label {label!r} is not one of {', '.join(LEARNABLE_LABELS)}; skipped")
            continue
        forms = [normalised(form) for form in fields[1].split("|")] if len(fields) > 1 else []
        if not any(forms):
            warn(f"{where}: no entry after the label; skipped: write LABEL<TAB>form")
            continue
        entries.extend((label, form) for form in forms if form)
    return entries


def _read_stops(path: Path) -> list[tuple[str, str, frozenset[str]]]:
    """(rule, text, languages) of every valid stop-list line; no languages means both."""
    stops = []
    for where, fields in _fields(path):
        text = normalised(fields[1]) if len(fields) > 1 else ""
        langs = frozenset(filter(None, fields[2].split(","))) if len(fields) > 2 else frozenset()
        if not fields[0].isidentifier() or not text or not langs <= set(LANGUAGES):
            warn(f"{where}: not a stop-list line; skipped: write rule<TAB>text<TAB>kk,ru")
            continue
        stops.append((fields[0], text, langs or frozenset(LANGUAGES)))
    return stops


def _fields(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(``file, line N``, tab-separated fields) of each line that is neither a comment nor
    broken; a line that is not UTF-8 or is empty is a warning."""
    if not path.exists():
        return
    for number, raw in enumerate(path.read_bytes().splitlines(), start=1):
        where = f"{path}, line {number}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            warn(f"{where}: not UTF-8; skipped: save the file as UTF-8")
            continue
        if line.lstrip().startswith("#"):
            continue
        content = line.split("#", 1)[0]
        if not content.strip():
            warn(f"{where}: empty line; skipped")
            continue
        yield where, [part.strip() for part in content.split("\t")]


# ---- live learning (the ML backend) -------------------------------------------------------------


def live_entries(
    text: str, added: Sequence[Span], *, predicted: Sequence[Span], known: frozenset[str]
) -> list[tuple[str, str]]:
    """(label, form) of the spans an annotator ``added`` that :func:`load_learned` could
    learn live: a learnable label, no digit, no rule's span over it, not known yet."""
    found: dict[str, tuple[str, str]] = {}
    rules_cover = _Cover(predicted)
    for span in added:
        if span.label not in LEARNABLE_LABELS or any(c.isdigit() for c in span.text):
            continue
        if rules_cover.overlaps(span):
            continue
        key = entry_key(span.text)
        if key not in known:
            found.setdefault(key, (span.label, normalised(span.text)))
    return list(found.values())


def known_keys(directory: Path, *, live: bool = True) -> frozenset[str]:
    """The entry keys ``directory`` already holds (accepted, and with ``live`` live ones)."""
    files = (ENTRIES, LIVE) if live else (ENTRIES,)
    return frozenset(
        entry_key(form) for name in files for _, form in _read_entries_quietly(directory / name)
    )


def append_live(directory: Path, entries: Iterable[tuple[str, str]], *, source: str) -> int:
    """Add ``entries`` to ``directory``/``live.txt`` (created with the folder if need be)."""
    new = [f"{label}\t{form}\t# live: {source}" for label, form in entries]
    if not new:
        return 0
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / LIVE
    write_lines(path, [*(_lines(path) if path.exists() else []), *new])
    return len(new)


def _read_entries_quietly(path: Path) -> list[tuple[str, str]]:
    """Entries of ``path`` as :func:`_read_entries` reads them, without warning again."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _read_entries(path)


def live_corrections(
    annotated: Sequence[Span], *, predicted: Sequence[Span]
) -> list[tuple[str, Span]]:
    """("deleted" or "kept", span) for each of the rules' ``predicted`` spans that one
    annotation deleted (none of its spans overlaps it) or kept as predicted."""
    kept = {(s.start, s.end, s.label) for s in annotated}
    cover = _Cover(annotated)
    found = []
    for span in predicted:
        if span.rule is None:
            continue
        if (span.start, span.end, span.label) in kept:
            found.append(("kept", span))
        elif not cover.overlaps(span):
            found.append(("deleted", span))
    return found


def append_corrections(
    directory: Path, corrections: Iterable[tuple[str, Span]], *, lang: str, document: str
) -> int:
    """Record ``corrections`` of ``document`` in ``directory``/``live_corrections.tsv``, once
    each however often the annotation is saved; return how many lines are new."""
    path = directory / LIVE_CORRECTIONS
    old = _lines(path) if path.exists() else [_CORRECTIONS_HEADER]
    lines = [
        f"{kind}\t{span.rule}\t{normalised(span.text)}\t{lang}\t{document}"
        for kind, span in corrections
    ]
    recorded = set(old)
    new = [line for line in dict.fromkeys(lines) if line not in recorded]
    if new:
        directory.mkdir(parents=True, exist_ok=True)
        write_lines(path, [*old, *new])
    return len(new)


_CORRECTIONS_HEADER = (
    "# What annotators did to the rules' spans, as the ML backend heard it: "
    "deleted|kept<TAB>rule<TAB>text<TAB>language<TAB>task. A span deleted in "
    f"{DEFAULT_MIN_DOCUMENTS} tasks and kept in none is on the rule's stop list."
)


def live_stops(path: Path) -> list[tuple[str, str, frozenset[str]]]:
    """(rule, text, languages) that annotations deleted in at least
    :data:`DEFAULT_MIN_DOCUMENTS` tasks and kept in none: the stop list learned live."""
    documents: dict[tuple[str, str, str], dict[str, set[str]]] = defaultdict(
        lambda: {"deleted": set(), "kept": set()}
    )
    for where, fields in _fields(path):
        if len(fields) != 5 or fields[0] not in ("deleted", "kept") or fields[3] not in LANGUAGES:
            warn(f"{where}: not a live correction; skipped")
            continue
        kind, rule, text, lang, document = fields
        documents[(rule, text, lang)][kind].add(document)
    return [
        (rule, text, frozenset({lang}))
        for (rule, text, lang), seen in sorted(documents.items())
        if len(seen["deleted"]) >= DEFAULT_MIN_DOCUMENTS and not seen["kept"]
    ]
