"""Decide a task's gold spans and choices from its annotators' work, and list what stays open.

The policy, in order: an annotation marked ground truth wins outright; with one annotator,
their work is gold; otherwise a span is gold when a strict majority of the task's annotators
made it with the same ``(start, end, label)``. Ties and minority spans become conflicts that
carry every annotator's version of that stretch of text, to be settled in Label Studio.

A number span's reading (value, unit, qualifier) is decided the same way among those who
made that span and gave one: the ground truth's, else a strict majority's (``annotators
k/n``); a tie is a value conflict listing each reading. A number span left without a
decided reading gets the normaliser's, marked ``normaliser``.
"""

import json
from collections import Counter, defaultdict
from typing import Literal

from pydantic import Field

from curate.labels import NUMBER_LABELS
from curate.models import Annotation, ExportedTask, GoldSpan, Reading, Record, Span
from curate.normalise import CONTEXT_WINDOW, normalise_span

SpanKey = tuple[int, int, str]

GROUND_TRUTH = "ground_truth"
SINGLE_ANNOTATOR = "single annotator"
#: The ``kind`` of a ``conflicts.jsonl`` line about one task (twins are ``twin``).
TASK_CONFLICT = "task"
#: The fields of an :class:`Adjudication` that its ``conflicts.jsonl`` line holds.
CONFLICT_FIELDS: tuple[str, ...] = (
    "id",
    "task_id",
    "annotators",
    "span_conflicts",
    "choice_conflicts",
    "value_conflicts",
)
#: The ``value_source`` of a gold value nobody gave: the normaliser computed it.
NORMALISER = "normaliser"


class SpanConflict(Record):
    """A stretch of text where the annotators' spans did not reach a strict majority."""

    start: int
    end: int
    text: str
    reason: Literal["tie", "minority", "overlapping majority"]
    versions: dict[str, list[Span]] = Field(description="every annotator's spans here")
    decided: list[GoldSpan] = Field(description="spans here that did reach a majority")


class ValueConflict(Record):
    """A gold number span whose annotators gave readings without a strict majority."""

    start: int
    end: int
    label: str
    text: str
    reason: Literal["tie"] = "tie"
    versions: dict[str, Reading | None] = Field(
        description="each annotator who made the span: their reading, null if they gave none"
    )


class ChoiceConflict(Record):
    """A document choice (``lang``, ``relevant``) the annotators did not all make alike."""

    name: str
    reason: Literal["tie", "minority"]
    versions: dict[str, str] = Field(description="every answering annotator's value")
    decided: str | None = Field(default=None, description="the majority value, if any")


class Adjudication(Record):
    """A task's gold and its open conflicts; a ``conflicts.jsonl`` line is its conflict part."""

    id: str
    task_id: int
    annotators: list[str]
    spans: list[GoldSpan]
    choices: dict[str, str]
    span_conflicts: list[SpanConflict] = Field(default_factory=list)
    choice_conflicts: list[ChoiceConflict] = Field(default_factory=list)
    value_conflicts: list[ValueConflict] = Field(default_factory=list)

    @property
    def has_conflicts(self) -> bool:
        return bool(self.span_conflicts or self.choice_conflicts or self.value_conflicts)

    def conflicts_json(self) -> str:
        """The ``conflicts.jsonl`` line (kind ``task``): the task and its open conflicts."""
        conflicts = self.model_dump(mode="json", include=set(CONFLICT_FIELDS), exclude_none=True)
        if not self.value_conflicts:
            del conflicts["value_conflicts"]
        line = {"kind": TASK_CONFLICT, **conflicts}
        return json.dumps(line, ensure_ascii=False, separators=(",", ":"))


def adjudicate(task: ExportedTask) -> Adjudication:
    """Gold spans and choices of ``task`` with how each was decided, and its conflicts.

    Only completed (not cancelled) annotations count; a task without any gets empty gold.
    Of several annotations marked ground truth, the last in the export wins.
    """
    decided = decide(task)
    spans = [_normalised(span, task.text) for span in decided.spans]
    return decided.model_copy(update={"spans": spans})


def decide(task: ExportedTask) -> Adjudication:
    """:func:`adjudicate` without the normaliser's readings of number spans no annotator
    read: what a comparison of spans needs (``curate learn``), at a fraction of the cost."""
    annotations = task.completed()
    annotators = sorted({a.annotator for a in annotations})
    truth = [a for a in annotations if a.ground_truth]
    if truth:
        return _adopt(task, truth[-1], annotators=annotators, decided_by=GROUND_TRUTH)
    if len(annotations) == 1:
        return _adopt(task, annotations[0], annotators=annotators, decided_by=SINGLE_ANNOTATOR)
    spans, span_conflicts = _vote_spans(task.text, annotations)
    spans, value_conflicts = _vote_readings(spans, annotations)
    choices, choice_conflicts = _vote_choices(annotations)
    return Adjudication(
        id=task.article_id,
        task_id=task.id,
        annotators=annotators,
        spans=spans,
        choices=choices,
        span_conflicts=span_conflicts,
        choice_conflicts=choice_conflicts,
        value_conflicts=value_conflicts,
    )


def _adopt(
    task: ExportedTask, annotation: Annotation, *, annotators: list[str], decided_by: str
) -> Adjudication:
    """``annotation``'s work as gold, with its readings; its overlapping spans (which only a
    non-strict read of the export lets through) are not decided but left open as conflicts."""
    value_source = GROUND_TRUTH if decided_by == GROUND_TRUTH else "annotators 1/1"
    votes = {_key(span): {annotation.annotator} for span in annotation.spans}
    made = {_key(span): span for span in annotation.spans}
    clusters = _clusters(sorted(votes))
    gold = {
        c[0]: _with_reading(_gold(made[c[0]], decided_by), made[c[0]], value_source=value_source)
        for c in clusters
        if len(c) == 1
    }
    return Adjudication(
        id=task.article_id,
        task_id=task.id,
        annotators=annotators,
        spans=list(gold.values()),
        choices=dict(annotation.choices),
        span_conflicts=[
            _span_conflict(task.text, cluster, votes=votes, gold=gold, annotations=[annotation])
            for cluster in clusters
            if len(cluster) > 1
        ],
    )


def _gold(span: Span, decided_by: str) -> GoldSpan:
    return GoldSpan(
        start=span.start, end=span.end, label=span.label, text=span.text, decided_by=decided_by
    )


def _with_reading(gold: GoldSpan, made: Span, *, value_source: str) -> GoldSpan:
    """``gold`` with the reading of ``made`` (the span as an annotator made it), if any."""
    if Reading.of(made) is None:
        return gold
    return gold.model_copy(
        update={
            "value": made.value,
            "unit": made.unit,
            "qualifier": made.qualifier,
            "value_source": value_source,
            "value_review": made.review,
        }
    )


def normaliser_reading(span: Span, text: str) -> Reading | None:
    """The normaliser's reading of ``span`` in ``text`` (the words around it count), if any."""
    value, unit, qualifier = normalise_span(
        span.text,
        span.label,
        context_after=text[span.end : span.end + CONTEXT_WINDOW],
        context_before=text[max(0, span.start - CONTEXT_WINDOW) : span.start],
    )
    if value is None:
        return None
    return Reading.model_validate({"value": value, "unit": unit, "qualifier": qualifier})


def _normalised(span: GoldSpan, text: str) -> GoldSpan:
    """A number span without a decided reading, with the normaliser's, marked as such."""
    if span.label not in NUMBER_LABELS or span.value_source is not None:
        return span
    reading = normaliser_reading(span, text)
    update = reading.model_dump() if reading else {}
    return span.model_copy(update={**update, "value_source": NORMALISER, "value_review": "unseen"})


def _key(span: Span) -> SpanKey:
    return (span.start, span.end, span.label)


def _vote_spans(
    text: str, annotations: list[Annotation]
) -> tuple[list[GoldSpan], list[SpanConflict]]:
    voters = len(annotations)
    votes: defaultdict[SpanKey, set[str]] = defaultdict(set)
    made: dict[SpanKey, Span] = {}
    for annotation in annotations:
        for span in annotation.spans:
            votes[_key(span)].add(annotation.annotator)
            made.setdefault(_key(span), span)
    majority = sorted(key for key, who in votes.items() if 2 * len(who) > voters)
    # Majority spans can only overlap when one annotator's spans do; then none is decided.
    gold = {
        cluster[0]: _gold(made[cluster[0]], f"majority {len(votes[cluster[0]])}/{voters}")
        for cluster in _clusters(majority)
        if len(cluster) == 1
    }
    conflicts = [
        _span_conflict(text, cluster, votes=votes, gold=gold, annotations=annotations)
        for cluster in _clusters(sorted(votes))
        if not all(key in gold for key in cluster)
    ]
    return list(gold.values()), conflicts


def _clusters(keys: list[SpanKey]) -> list[list[SpanKey]]:
    """Group sorted keys into runs connected by overlap."""
    clusters: list[list[SpanKey]] = []
    reach = 0
    for key in keys:
        if clusters and key[0] < reach:
            clusters[-1].append(key)
            reach = max(reach, key[1])
        else:
            clusters.append([key])
            reach = key[1]
    return clusters


def _span_conflict(
    text: str,
    cluster: list[SpanKey],
    *,
    votes: dict[SpanKey, set[str]],
    gold: dict[SpanKey, GoldSpan],
    annotations: list[Annotation],
) -> SpanConflict:
    start = min(key[0] for key in cluster)
    end = max(key[1] for key in cluster)
    return SpanConflict(
        start=start,
        end=end,
        text=text[start:end],
        reason=_span_reason(cluster, votes=votes, gold=gold, voters=len(annotations)),
        versions={
            a.annotator: [s for s in a.spans if s.start < end and start < s.end]
            for a in annotations
        },
        decided=[gold[key] for key in cluster if key in gold],
    )


def _span_reason(
    cluster: list[SpanKey],
    *,
    votes: dict[SpanKey, set[str]],
    gold: dict[SpanKey, GoldSpan],
    voters: int,
) -> Literal["tie", "minority", "overlapping majority"]:
    open_support = [2 * len(votes[key]) for key in cluster if key not in gold]
    if any(support > voters for support in open_support):
        return "overlapping majority"
    return "tie" if voters in open_support else "minority"


def _vote_readings(
    spans: list[GoldSpan], annotations: list[Annotation]
) -> tuple[list[GoldSpan], list[ValueConflict]]:
    """Each gold number span with the reading a strict majority of its makers gave, if any."""
    made: defaultdict[SpanKey, dict[str, Span]] = defaultdict(dict)
    for annotation in annotations:
        for span in annotation.spans:
            made[_key(span)][annotation.annotator] = span
    decided: list[GoldSpan] = []
    conflicts: list[ValueConflict] = []
    for gold in spans:
        makers = made[_key(gold)]
        readings = {who: r for who, span in makers.items() if (r := Reading.of(span)) is not None}
        if gold.label not in NUMBER_LABELS or not readings:
            decided.append(gold)
            continue
        (reading, count), *_ = Counter(readings.values()).most_common(1)
        if 2 * count > len(readings):
            winner = next(makers[who] for who, r in readings.items() if r == reading)
            source = f"annotators {count}/{len(readings)}"
            decided.append(_with_reading(gold, winner, value_source=source))
        else:
            decided.append(gold)
            conflicts.append(
                ValueConflict(
                    start=gold.start,
                    end=gold.end,
                    label=gold.label,
                    text=gold.text,
                    versions={who: Reading.of(span) for who, span in sorted(makers.items())},
                )
            )
    return decided, conflicts


def _vote_choices(
    annotations: list[Annotation],
) -> tuple[dict[str, str], list[ChoiceConflict]]:
    """Per choice, the value a strict majority of those who answered it picked.

    Any dissent is a conflict: a ``tie`` when no value won, else a ``minority``.
    """
    answers: defaultdict[str, dict[str, str]] = defaultdict(dict)
    for annotation in annotations:
        for name, value in annotation.choices.items():
            answers[name][annotation.annotator] = value
    choices: dict[str, str] = {}
    conflicts: list[ChoiceConflict] = []
    for name, versions in sorted(answers.items()):
        (value, count), *_ = Counter(versions.values()).most_common(1)
        decided = value if 2 * count > len(versions) else None
        if decided is not None:
            choices[name] = decided
        if count < len(versions):
            reason = "minority" if decided else "tie"
            conflicts.append(
                ChoiceConflict(name=name, reason=reason, versions=versions, decided=decided)
            )
    return choices, conflicts
