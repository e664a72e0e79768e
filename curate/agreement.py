"""How far the annotators agree, and how the rules' predictions fare against the gold.

:func:`agreement_report` turns the tasks of a Label Studio export into an
:class:`AgreementReport`: token-level Cohen's and Fleiss' kappa and Krippendorff's alpha,
pairwise span F1, Krippendorff's alpha_u on character offsets, alpha of the document
choices, agreement on the readings (value, unit, qualifier) of number spans, the rules
against the adjudicated gold (spans, and the values of the spans they got right), twin
consistency per story, and the tasks with the lowest agreement.
The annotators are those of the completed annotations; a task an annotator did not annotate
is missing data for them, never disagreement. The arithmetic lives in :mod:`curate.metrics`.
"""

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations
from pathlib import Path
from typing import NamedTuple, Protocol

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, computed_field

from curate.adjudicate import NORMALISER, Adjudication, adjudicate, normaliser_reading
from curate.errors import InputError
from curate.files import check_output_file, owned_writer
from curate.labels import DOCUMENT_CHOICES, LABEL_NAMES, NUMBER_LABELS
from curate.labelstudio_export import read_export
from curate.metrics import (
    Matcher,
    SpanCounts,
    alpha_unitizing,
    cohen_kappa,
    exact_match,
    fleiss_kappa,
    krippendorff_alpha_nominal,
    krippendorff_alpha_nominal_by_group,
    overlap_match,
    percent_agreement,
    precision_recall_f1,
    span_counts,
)
from curate.models import Annotation, ExportedTask, Reading, Span
from curate.tokens import tokens
from curate.twins import StoryConsistency, story_documents, twin_report

#: Krippendorff's (2004) rule of thumb: below 0.8, data is not reliable enough to rely on.
RELIABLE_ALPHA = 0.8

_MISSING = -1
_OUTSIDE = 0  # the token value "O"; label i is code i + 1
_UNNAMED_RULE = "(no rule name)"
_NUMBER_LABELS = [label for label in LABEL_NAMES if label in NUMBER_LABELS]

Score = float | None


class TokenLike(Protocol):
    """What agreement needs of a token: its offsets (``curate.tokens.Token`` has them)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


Tokenizer = Callable[[str], Sequence[TokenLike]]


# ---- the report ---------------------------------------------------------------------------


class TokenAgreement(BaseModel):
    """Agreement on the label of each token ("O" outside spans)."""

    units: int
    percent_agreement: Score
    krippendorff_alpha: Score
    fleiss_kappa: Score
    fleiss_kappa_note: str | None = None
    cohen_kappa: dict[str, Score]


class LabelAgreement(BaseModel):
    f1_exact: Score
    f1_overlap: Score
    krippendorff_alpha: Score
    spans: int


class SpanAgreement(BaseModel):
    """Pairwise span F1 (``"A~B"``) and, per label, F1 pooled over pairs and token alpha."""

    f1_exact: dict[str, Score]
    f1_overlap: dict[str, Score]
    per_label: dict[str, LabelAgreement]


class UnitizingAgreement(BaseModel):
    alpha_u: Score
    per_label: dict[str, Score]
    tasks: int
    coders_per_task: int | None
    note: str | None = None


class ChoiceAgreement(BaseModel):
    krippendorff_alpha: Score
    percent_agreement: Score
    tasks: int


class LabelScores(BaseModel):
    precision: Score
    recall: Score
    f1: Score
    predicted: int
    gold: int


class RuleOutcome(BaseModel):
    """What became of one rule's predictions: kept as is, fixed (an overlapping gold span
    differs in boundaries or label) or deleted (no gold span overlaps it)."""

    kept: int
    fixed: int
    deleted: int

    @property
    def total(self) -> int:
        return self.kept + self.fixed + self.deleted


class ValueAccuracy(BaseModel):
    """How many readings were compared and how many were right (or agreed)."""

    compared: int
    agreed: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def share(self) -> Score:
        return self.agreed / self.compared if self.compared else None


class ValueAgreement(BaseModel):
    """Agreement on the readings (value, unit, qualifier) of number spans.

    A pair is two annotators who made the same span (start, end, label) and both gave a
    reading; ``per_pair``/``per_label`` count the pairs whose readings are equal.
    ``krippendorff_alpha`` is nominal over whole readings, the units being the spans two or
    more annotators made with a reading.
    """

    pairs: int
    percent_agreement: Score
    krippendorff_alpha: Score
    per_label: dict[str, ValueAccuracy]
    per_pair: dict[str, ValueAccuracy]


class PredictionComparison(BaseModel):
    """The rules' predictions against the gold; ``missed``: gold spans no prediction touched.

    ``values_per_label``/``values_per_rule``: of the predicted number spans equal to a gold
    span whose reading people gave (not the normaliser's), how many readings were right.
    """

    tasks: int
    left_out_in_conflicts: int
    per_label: dict[str, LabelScores]
    rules: dict[str, RuleOutcome]
    missed: dict[str, int]
    values_per_label: dict[str, ValueAccuracy] = {}
    values_per_rule: dict[str, ValueAccuracy] = {}


class LowAgreementTask(BaseModel):
    task: int
    article: str
    score: float


class AgreementReport(BaseModel):
    tasks: int
    tasks_compared: int
    annotators: list[str]
    token: TokenAgreement
    span: SpanAgreement
    unitizing: UnitizingAgreement
    documents: dict[str, ChoiceAgreement]
    values: ValueAgreement
    vs_predictions: PredictionComparison
    twins: list[StoryConsistency]
    low_agreement_tasks: list[LowAgreementTask]


def agreement_report(
    tasks: Sequence[ExportedTask],
    *,
    tokenize: Tokenizer = tokens,
    gold: Iterable[Adjudication] | None = None,
    threshold: float = RELIABLE_ALPHA,
    low_agreement_limit: int = 20,
) -> AgreementReport:
    """The agreement report of ``tasks`` (the tasks of one Label Studio export).

    ``gold`` is the adjudication of the tasks, for ``vs_predictions``; when not given, each
    task with completed annotations is adjudicated here. ``low_agreement_tasks`` lists at
    most ``low_agreement_limit`` tasks whose token alpha is below ``threshold``, worst first.
    """
    work = _annotations_by_annotator(tasks)
    annotators = sorted({name for by_name in work for name in by_name})
    spans = [_span_rows(work, name) for name in annotators]
    table = _token_table(tasks, work, annotators, spans, tokenize)
    adjudications = (
        list(gold) if gold is not None else [adjudicate(t) for t in tasks if t.completed()]
    )
    return AgreementReport(
        tasks=len(tasks),
        tasks_compared=sum(len(by_name) >= 2 for by_name in work),
        annotators=annotators,
        token=_token_agreement(table, annotators),
        span=_span_agreement(table, spans, annotators, work),
        unitizing=_unitizing_agreement(tasks, work),
        documents={name: _choice_agreement(work, annotators, name) for name in DOCUMENT_CHOICES},
        values=_value_agreement(work, annotators),
        vs_predictions=_prediction_comparison(tasks, adjudications),
        twins=twin_report(story_documents(tasks, adjudications)).stories,
        low_agreement_tasks=_low_agreement_tasks(
            tasks, table, threshold=threshold, limit=low_agreement_limit
        ),
    )


def agreement_of_export(
    export_file: Path, *, html: Path | None = None, force: bool = False, strict: bool = False
) -> tuple[AgreementReport, list[str]]:
    """The agreement report of a Label Studio JSON export file, and the export's warnings.

    With ``html``, the report is also written there as a self-contained page (atomically;
    a file curate did not write is never replaced, unless ``force``). ``strict`` makes a bad
    region an error instead of a warning (see :func:`read_export`).
    """
    from curate.agreement_html import render_html  # it renders this module's report

    if html is not None and html.is_dir():
        raise InputError(f"--html {html} is a directory: give a file, e.g. {html}/agreement.html")
    if html is not None:
        check_output_file(html, force=force)
    export = read_export(export_file, strict=strict)
    report = agreement_report(export)
    if html is not None:
        with owned_writer(html, force=force) as stream:
            stream.write(render_html(report))
    return report, list(export.warnings)


def _score(value: float) -> Score:
    """A metric for JSON: nan (undefined) becomes null."""
    return None if math.isnan(value) else float(value)


def _alpha(data: npt.NDArray, *, missing: object) -> Score:
    """Krippendorff's nominal alpha, None with fewer than two annotators."""
    return _score(krippendorff_alpha_nominal(data, missing=missing)) if len(data) >= 2 else None


def _percent(data: npt.NDArray, *, missing: object) -> Score:
    """Percent agreement, None with fewer than two annotators."""
    return _score(percent_agreement(data, missing=missing)) if len(data) >= 2 else None


def _f1_where_spans(counts: SpanCounts) -> npt.NDArray[np.float64]:
    """F1 per label, 0 when nothing matched, nan (null) for a label nobody used."""
    f1 = precision_recall_f1(counts, zero_division=0.0).f1
    return np.where(counts.predicted + counts.true > 0, f1, np.nan)


def _pair_name(first: str, second: str) -> str:
    return f"{first}~{second}"


def _annotations_by_annotator(tasks: Sequence[ExportedTask]) -> list[dict[str, Annotation]]:
    """Per task, each annotator's completed annotation (the last one if they made several)."""
    return [{a.annotator: a for a in task.completed()} for task in tasks]


# ---- token level --------------------------------------------------------------------------


class _TokenTable(NamedTuple):
    """The tokens of all tasks as units: (A, N) value codes, -1 where an annotator is missing
    or in conflict with themselves (two of their spans overlap the token: ``conflicted``)."""

    codes: npt.NDArray[np.intp]
    task: npt.NDArray[np.intp]
    conflicted: npt.NDArray[np.bool_]


def _token_table(
    tasks: Sequence[ExportedTask],
    work: list[dict[str, Annotation]],
    annotators: list[str],
    spans: list[npt.NDArray[np.int64]],
    tokenize: Tokenizer,
) -> _TokenTable:
    offsets = np.cumsum([0] + [len(task.text) for task in tasks])
    bounds = [
        (offsets[t] + token.start, offsets[t] + token.end, t)
        for t, task in enumerate(tasks)
        for token in tokenize(task.text)
    ]
    start, end, task_of_token = np.array(bounds, dtype=np.int64).reshape(-1, 3).T
    codes = np.full((len(annotators), start.size), _MISSING, dtype=np.intp)
    conflicted = np.zeros(start.size, dtype=bool)
    for row, name in enumerate(annotators):
        annotated = np.array([name in by_name for by_name in work], dtype=bool)
        on_token = _label_on_tokens(spans[row], offsets, start, end)
        codes[row] = np.where(annotated[task_of_token], on_token, _MISSING)
        conflicted |= annotated[task_of_token] & (on_token == _MISSING)
    return _TokenTable(codes, task_of_token.astype(np.intp), conflicted)


def _span_rows(work: list[dict[str, Annotation]], name: str) -> npt.NDArray[np.int64]:
    """(S, 4) spans of one annotator: task index, start, end, label code."""
    rows = [
        (t, span.start, span.end, LABEL_NAMES.index(span.label))
        for t, by_name in enumerate(work)
        if name in by_name
        for span in by_name[name].spans
    ]
    return np.array(rows, dtype=np.int64).reshape(-1, 4)


def _label_on_tokens(
    spans: npt.NDArray[np.int64],
    offsets: npt.NDArray[np.int64],
    token_start: npt.NDArray[np.int64],
    token_end: npt.NDArray[np.int64],
) -> npt.NDArray[np.intp]:
    """Each token's value: 1 + the label of the span that overlaps it, else 0 ("O"); missing
    where two spans of the annotator overlap it (their conflict: no one label to compare).

    Offsets are global (task offset + position), so one search covers every task. A span
    that covers part of a token still labels it. Where one span overlaps a token, it is the
    last span that starts before the token ends.
    """
    order = np.argsort(offsets[spans[:, 0]] + spans[:, 1], kind="stable")
    spans = spans[order]
    begin = offsets[spans[:, 0]] + spans[:, 1]
    finish = offsets[spans[:, 0]] + spans[:, 2]
    last = np.searchsorted(begin, token_end, side="left") - 1
    hit = (last >= 0) & (finish[np.maximum(last, 0)] > token_start)
    label = spans[np.maximum(last, 0), 3] + 1 if spans.size else np.zeros_like(last)
    # spans that start before the token ends, less those that end before it starts
    covering = (last + 1) - np.searchsorted(np.sort(finish), token_start, side="right")
    return np.where(covering > 1, _MISSING, np.where(hit, label, _OUTSIDE))


def _token_agreement(table: _TokenTable, annotators: list[str]) -> TokenAgreement:
    codes = table.codes
    # Fleiss needs every rating of a token: the tokens in an annotator's conflict are left out.
    kappa, note = _fleiss_or_why_not(codes[:, ~table.conflicted])
    return TokenAgreement(
        units=codes.shape[1],
        percent_agreement=_percent(codes, missing=_MISSING),
        krippendorff_alpha=_alpha(codes, missing=_MISSING),
        fleiss_kappa=kappa,
        fleiss_kappa_note=note,
        cohen_kappa={
            _pair_name(annotators[i], annotators[j]): _pair_kappa(codes[i], codes[j])
            for i, j in combinations(range(len(annotators)), 2)
        },
    )


def _pair_kappa(first: npt.NDArray[np.intp], second: npt.NDArray[np.intp]) -> Score:
    both = (first != _MISSING) & (second != _MISSING)
    return _score(cohen_kappa(first[both], second[both])) if both.any() else None


def _fleiss_or_why_not(codes: npt.NDArray[np.intp]) -> tuple[Score, str | None]:
    """Fleiss' kappa over the tokens someone annotated, or None and the reason."""
    present = codes != _MISSING
    ratings = present.sum(axis=0)
    rated = ratings > 0
    if not rated.any():
        return None, "no task has a completed annotation"
    fewest, most = int(ratings[rated].min()), int(ratings[rated].max())
    if fewest != most:
        return None, (
            f"tasks have between {fewest} and {most} annotators, and Fleiss' kappa needs the "
            "same number of ratings for every token; Krippendorff's alpha handles this"
        )
    if most < 2:
        return None, "every task has a single annotator: there is nothing to compare"
    counts = np.zeros((int(rated.sum()), len(LABEL_NAMES) + 1), dtype=np.int64)
    unit = np.cumsum(rated) - 1
    for row, is_present in zip(codes, present, strict=True):
        counts[unit[is_present], row[is_present]] += 1  # one rating per annotator and unit
    return _score(fleiss_kappa(counts)), None


def _binary(codes: npt.NDArray[np.intp], label: int) -> npt.NDArray[np.intp]:
    """Token values "this label or not", missing kept."""
    return np.where(codes == _MISSING, _MISSING, codes == label + 1)


# ---- span level ---------------------------------------------------------------------------


def _span_agreement(
    table: _TokenTable,
    spans: list[npt.NDArray[np.int64]],
    annotators: list[str],
    work: list[dict[str, Annotation]],
) -> SpanAgreement:
    """Pairwise F1 on the tasks both annotators annotated; per label, counts pooled over pairs."""
    exact, overlap = {}, {}
    pooled_exact = pooled_overlap = _no_counts()
    for i, j in combinations(range(len(annotators)), 2):
        both_tasks = np.array(
            [{annotators[i], annotators[j]} <= by_name.keys() for by_name in work]
        )
        if not both_tasks.any():
            continue
        first, second = (s[both_tasks[s[:, 0]]] for s in (spans[i], spans[j]))
        pair = _pair_name(annotators[i], annotators[j])
        exact_counts = _counts(first, second, exact_match)
        overlap_counts = _counts(first, second, overlap_match)
        exact[pair] = _micro_f1(exact_counts)
        overlap[pair] = _micro_f1(overlap_counts)
        pooled_exact = _add(pooled_exact, exact_counts)
        pooled_overlap = _add(pooled_overlap, overlap_counts)
    f1_exact, f1_overlap = _f1_where_spans(pooled_exact), _f1_where_spans(pooled_overlap)
    made = np.bincount(_span_rows_of_all(spans)[:, 3], minlength=len(LABEL_NAMES))
    per_label = {
        name: LabelAgreement(
            f1_exact=_score(f1_exact[k]),
            f1_overlap=_score(f1_overlap[k]),
            krippendorff_alpha=_alpha(_binary(table.codes, k), missing=_MISSING),
            spans=int(made[k]),
        )
        for k, name in enumerate(LABEL_NAMES)
    }
    return SpanAgreement(f1_exact=exact, f1_overlap=overlap, per_label=per_label)


def _span_rows_of_all(spans: list[npt.NDArray[np.int64]]) -> npt.NDArray[np.int64]:
    return np.concatenate([np.empty((0, 4), dtype=np.int64), *spans])


def _no_counts() -> SpanCounts:
    return SpanCounts(*(np.zeros(len(LABEL_NAMES), dtype=np.int64) for _ in range(4)))


def _add(first: SpanCounts, second: SpanCounts) -> SpanCounts:
    return SpanCounts(*(a + b for a, b in zip(first, second, strict=True)))


def _counts(
    predicted: npt.NDArray[np.int64], true: npt.NDArray[np.int64], match: Matcher
) -> SpanCounts:
    return span_counts(predicted, true, match=match, n_labels=len(LABEL_NAMES))


def _micro_f1(counts: SpanCounts) -> Score:
    """F1 over all labels; two annotators who both marked nothing agree (1.0)."""
    total = SpanCounts(*(c.sum(keepdims=True) for c in counts))
    return _score(precision_recall_f1(total, zero_division=1.0).f1[0])


# ---- unitizing ----------------------------------------------------------------------------


def _unitizing_agreement(
    tasks: Sequence[ExportedTask], work: list[dict[str, Annotation]]
) -> UnitizingAgreement:
    """alpha_u on character offsets, tasks laid end to end as sections of one continuum.

    alpha_u needs every coder on the whole continuum. alpha_u sums over all coder pairs
    within a section, so who the coders are does not matter, only how many: the tasks with
    the most common number (>= 2) of annotators are used, their annotators as coders 0..m-1.
    """
    sizes = Counter(len(by_name) for by_name, t in zip(work, tasks, strict=True) if t.text)
    sizes = Counter({size: n for size, n in sizes.items() if size >= 2})
    empty = {name: None for name in LABEL_NAMES}
    if not sizes:
        note = "no task has two or more annotators"
        return UnitizingAgreement(
            alpha_u=None, per_label=empty, tasks=0, coders_per_task=None, note=note
        )
    coders = max(sizes, key=lambda size: (sizes[size], size))
    chosen = [t for t, by_name in enumerate(work) if len(by_name) == coders and tasks[t].text]
    edges = np.cumsum([0] + [len(tasks[t].text) for t in chosen])
    units = [
        (coder, edges[section] + span.start, edges[section] + span.end, span.label)
        for section, t in enumerate(chosen)
        for coder, name in enumerate(sorted(work[t]))
        for span in work[t][name].spans
    ]
    result = alpha_unitizing(
        [u[:3] for u in units], [u[3] for u in units], continuum=edges, n_coders=coders
    )
    skipped = sum(sizes.values()) - len(chosen)
    note = f"{skipped} task(s) with another number of annotators are left out" if skipped else None
    return UnitizingAgreement(
        alpha_u=_score(result.overall),
        per_label={name: _score(result.per_category.get(name, math.nan)) for name in LABEL_NAMES},
        tasks=len(chosen),
        coders_per_task=coders,
        note=note,
    )


# ---- document choices ---------------------------------------------------------------------


def _choice_agreement(
    work: list[dict[str, Annotation]], annotators: list[str], choice: str
) -> ChoiceAgreement:
    """Alpha of one document choice: annotators × tasks, missing where not answered."""
    answers = np.array(
        [
            [by_name[n].choices.get(choice) if n in by_name else None for by_name in work]
            for n in annotators
        ],
        dtype=object,
    ).reshape(len(annotators), len(work))
    answered = (answers != None).sum(axis=0)  # noqa: E711 - elementwise on an object array
    return ChoiceAgreement(
        krippendorff_alpha=_alpha(answers, missing=None),
        percent_agreement=_percent(answers, missing=None),
        tasks=int((answered >= 2).sum()),
    )


# ---- readings of number spans --------------------------------------------------------------


def _value_agreement(work: list[dict[str, Annotation]], annotators: list[str]) -> ValueAgreement:
    """Pairwise agreement and nominal alpha on the readings of spans annotators share."""
    units: list[dict[str, Reading]] = []
    labels: list[str] = []
    for by_name in work:
        made: dict[tuple[int, int, str], dict[str, Reading]] = {}
        for name, annotation in by_name.items():
            for span in annotation.spans:
                if span.label in NUMBER_LABELS and (reading := Reading.of(span)) is not None:
                    made.setdefault((span.start, span.end, span.label), {})[name] = reading
        for (_, _, label), readings in sorted(made.items()):
            if len(readings) >= 2:
                units.append(readings)
                labels.append(label)
    per_label: dict[str, list[bool]] = {
        label: [] for label in LABEL_NAMES if label in NUMBER_LABELS
    }
    per_pair: dict[str, list[bool]] = {}
    for readings, label in zip(units, labels, strict=True):
        for first, second in combinations(sorted(readings), 2):
            same = readings[first] == readings[second]
            per_label[label].append(same)
            per_pair.setdefault(_pair_name(first, second), []).append(same)
    agreed = [same for sames in per_label.values() for same in sames]
    return ValueAgreement(
        pairs=len(agreed),
        percent_agreement=sum(agreed) / len(agreed) if agreed else None,
        krippendorff_alpha=_reading_alpha(units, annotators),
        per_label={label: _accuracy(sames) for label, sames in per_label.items()},
        per_pair={pair: _accuracy(sames) for pair, sames in sorted(per_pair.items())},
    )


def _reading_alpha(units: list[dict[str, Reading]], annotators: list[str]) -> Score:
    """Nominal alpha over whole readings: annotators × shared spans, each reading a code."""
    if not units:
        return None
    codes: dict[Reading, int] = {}
    data = np.full((len(annotators), len(units)), _MISSING, dtype=np.int64)
    for u, readings in enumerate(units):
        for name, reading in readings.items():
            data[annotators.index(name), u] = codes.setdefault(reading, len(codes))
    return _alpha(data, missing=_MISSING)


def _accuracy(outcomes: list[bool]) -> ValueAccuracy:
    return ValueAccuracy(compared=len(outcomes), agreed=sum(outcomes))


# ---- rules against gold -------------------------------------------------------------------


def _prediction_comparison(
    tasks: Sequence[ExportedTask], adjudications: list[Adjudication]
) -> PredictionComparison:
    """Precision, recall, F1 per label of the rules' spans against the gold, exact match.

    The rules' spans are a task's last prediction; tasks without predictions do not count.
    A stretch of open span conflicts has no gold yet, so the predicted and gold spans that
    overlap one are left out: no verdict on the rules there.
    """
    by_id = {task.id: task for task in tasks}
    compared = [a for a in adjudications if by_id[a.task_id].predictions]
    predicted = [
        (d, s) for d, a in enumerate(compared) for s in by_id[a.task_id].predictions[-1].spans
    ]
    gold = [(d, s) for d, a in enumerate(compared) for s in a.spans]
    conflicts = _conflict_rows(compared)
    pred_open = overlap_match(_unlabelled(_rows(predicted)), conflicts)
    gold_open = overlap_match(_unlabelled(_rows(gold)), conflicts)
    predicted = [p for p, is_open in zip(predicted, pred_open, strict=True) if not is_open]
    pred_rows = _rows(predicted)
    gold_rows = _rows([g for g, is_open in zip(gold, gold_open, strict=True) if not is_open])
    counts = _counts(pred_rows, gold_rows, exact_match)
    scores = precision_recall_f1(counts, zero_division=np.nan)
    f1 = _f1_where_spans(counts)
    kept = exact_match(pred_rows, gold_rows)
    touched = overlap_match(_unlabelled(pred_rows), _unlabelled(gold_rows))
    missed = ~overlap_match(_unlabelled(gold_rows), _unlabelled(pred_rows))
    return PredictionComparison(
        tasks=len(compared),
        left_out_in_conflicts=int(pred_open.sum()),
        per_label={
            name: LabelScores(
                precision=_score(scores.precision[k]),
                recall=_score(scores.recall[k]),
                f1=_score(f1[k]),
                predicted=int(counts.predicted[k]),
                gold=int(counts.true[k]),
            )
            for k, name in enumerate(LABEL_NAMES)
        },
        rules=_rule_outcomes(
            [span.rule or _UNNAMED_RULE for _, span in predicted], kept=kept, fixed=touched & ~kept
        ),
        missed=dict(
            zip(
                LABEL_NAMES,
                np.bincount(gold_rows[missed, 3], minlength=len(LABEL_NAMES)).tolist(),
                strict=True,
            )
        ),
        **_value_accuracy(compared, by_id),
    )


def _value_accuracy(
    adjudications: list[Adjudication], tasks: dict[int, ExportedTask]
) -> dict[str, dict[str, ValueAccuracy]]:
    """The rules' readings against the gold readings people gave, per label and per rule.

    A predicted span without a reading (an export from before readings were predicted) is
    read as the rules would have: with the normaliser.
    """
    by_label: dict[str, list[bool]] = {label: [] for label in _NUMBER_LABELS}
    by_rule: dict[str, list[bool]] = {}
    for adjudication in adjudications:
        task = tasks[adjudication.task_id]
        predicted = {(s.start, s.end, s.label): s for s in task.predictions[-1].spans}
        for gold in adjudication.spans:
            span = predicted.get((gold.start, gold.end, gold.label))
            if span is None or gold.label not in NUMBER_LABELS:
                continue
            if gold.value_source in (None, NORMALISER) or gold.value is None:
                continue
            right = _predicted_reading(span, task.text) == Reading.of(gold)
            by_label[gold.label].append(right)
            by_rule.setdefault(span.rule or _UNNAMED_RULE, []).append(right)
    return {
        "values_per_label": {label: _accuracy(r) for label, r in by_label.items()},
        "values_per_rule": {rule: _accuracy(r) for rule, r in sorted(by_rule.items())},
    }


def _predicted_reading(span: Span, text: str) -> Reading | None:
    return Reading.of(span) or normaliser_reading(span, text)


def _rows(spans: list[tuple[int, Span]]) -> npt.NDArray[np.int64]:
    """(S, 4) rows task, start, end, label code."""
    rows = [(d, s.start, s.end, LABEL_NAMES.index(s.label)) for d, s in spans]
    return np.array(rows, dtype=np.int64).reshape(-1, 4)


def _conflict_rows(adjudications: list[Adjudication]) -> npt.NDArray[np.int64]:
    """(C, 4) rows task, start, end, 0 of the open span conflicts' stretches."""
    rows = [(d, c.start, c.end, 0) for d, a in enumerate(adjudications) for c in a.span_conflicts]
    return np.array(rows, dtype=np.int64).reshape(-1, 4)


def _unlabelled(rows: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """The same spans with one label for all, to match on position alone."""
    return np.column_stack([rows[:, :3], np.zeros(len(rows), dtype=np.int64)])


def _rule_outcomes(
    rules: list[str], *, kept: npt.NDArray[np.bool_], fixed: npt.NDArray[np.bool_]
) -> dict[str, RuleOutcome]:
    names, rule = np.unique(np.array(rules, dtype=str), return_inverse=True)
    total, n_kept, n_fixed = (
        np.bincount(rule, weights=w, minlength=names.size).astype(int)
        for w in (None, kept.astype(float), fixed.astype(float))
    )
    return {
        str(name): RuleOutcome(
            kept=int(n_kept[r]),
            fixed=int(n_fixed[r]),
            deleted=int(total[r] - n_kept[r] - n_fixed[r]),
        )
        for r, name in enumerate(names)
    }


# ---- low agreement ------------------------------------------------------------------------


def _low_agreement_tasks(
    tasks: Sequence[ExportedTask], table: _TokenTable, *, threshold: float, limit: int
) -> list[LowAgreementTask]:
    """Tasks whose token alpha is below ``threshold``, worst first.

    A task where every annotator left every token "O" has no alpha (they agree entirely,
    with nothing to agree on) and is never listed.
    """
    if len(table.codes) < 2:
        return []
    scores = krippendorff_alpha_nominal_by_group(table.codes, table.task, missing=_MISSING)
    low = np.flatnonzero(scores < threshold)  # nan compares False
    worst = low[np.argsort(scores[low], kind="stable")][:limit]
    return [
        LowAgreementTask(task=tasks[t].id, article=tasks[t].article_id, score=float(scores[t]))
        for t in worst
    ]
