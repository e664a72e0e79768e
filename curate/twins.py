"""Twin stories agree on their figures: the gold figures of the documents of one story compared.

The Kazakh and Russian reports of one briefing share a ``story_id`` and state the same
figures. A figure is a gold number span's ``(label, value, unit, qualifier)``. Between two
documents of a story, figures equal in all four match. A figure left over in one that has a
left-over figure of the same label and unit in the other contradicts it: a twin conflict
(paired with the closest value). Any other left-over figure is unmatched, which is normal (one
report may state more than the other) and not a conflict.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Literal, Protocol

from pydantic import Field

from curate.adjudicate import Adjudication
from curate.labels import NUMBER_LABELS
from curate.models import ExportedTask, GoldSpan, Record

#: The ``kind`` of a twin conflict's line in ``conflicts.jsonl``.
TWIN_CONFLICT = "twin"


class StoryDocument(Protocol):
    """What twin checks need of a gold document (``curate.models.GoldDocument`` has it)."""

    @property
    def id(self) -> str: ...
    @property
    def task_id(self) -> int: ...
    @property
    def story_id(self) -> str: ...
    @property
    def lang(self) -> str | None: ...
    @property
    def spans(self) -> Sequence[GoldSpan]: ...


class FigureSide(Record):
    """One document's figure: which document and the gold span that states it."""

    id: str
    task_id: int
    lang: str | None
    span: GoldSpan


class TwinConflict(Record):
    """A figure of one twin contradicted by the twin's figure of the same label and unit."""

    kind: Literal["twin"] = TWIN_CONFLICT
    story_id: str
    label: str
    unit: str | None
    documents: tuple[FigureSide, FigureSide]


class StoryConsistency(Record):
    """How far the documents of one story agree on their figures."""

    story_id: str
    documents: list[str]
    figures: int = Field(description="figures in all documents of the story")
    matched: int = Field(description="figure pairs equal in label, value, unit, qualifier")
    conflicts: int
    unmatched: int = Field(description="figures only one document states")
    consistency: float | None = Field(
        description="matched pairs over matched pairs and conflicts; null with none of either"
    )


class TwinReport(Record):
    """Every story with two or more documents: its consistency, conflicts and lone figures."""

    stories: list[StoryConsistency]
    conflicts: list[TwinConflict]
    unmatched: list[FigureSide]


class _Document(Record):
    id: str
    task_id: int
    story_id: str
    lang: str | None
    spans: list[GoldSpan]


def twin_report(documents: Iterable[StoryDocument]) -> TwinReport:
    """Compare the figures of every pair of documents that share a ``story_id``."""
    stories: defaultdict[str, list[StoryDocument]] = defaultdict(list)
    for document in documents:
        stories[document.story_id].append(document)
    consistencies, conflicts, unmatched = [], [], []
    for story_id, unordered in sorted(stories.items()):
        # By id, so the report does not depend on the order the server listed the tasks in.
        members = sorted(unordered, key=lambda document: document.id)
        if len(members) < 2:
            continue
        matched = 0
        story_conflicts: list[TwinConflict] = []
        lone: list[FigureSide] = []
        for first, second in combinations(members, 2):
            pairs, contradictions, left = _compare(first, second)
            matched += pairs
            story_conflicts.extend(
                TwinConflict(story_id=story_id, label=a.span.label, unit=a.span.unit,
                             documents=(a, b))
                for a, b in contradictions
            )  # fmt: skip
            lone.extend(left)
        compared = matched + len(story_conflicts)
        consistencies.append(
            StoryConsistency(
                story_id=story_id,
                documents=[d.id for d in members],
                figures=sum(len(_figures(d)) for d in members),
                matched=matched,
                conflicts=len(story_conflicts),
                unmatched=len(lone),
                consistency=matched / compared if compared else None,
            )
        )
        conflicts.extend(story_conflicts)
        unmatched.extend(lone)
    return TwinReport(stories=consistencies, conflicts=conflicts, unmatched=unmatched)


def story_documents(
    tasks: Sequence[ExportedTask], adjudications: Iterable[Adjudication]
) -> list[StoryDocument]:
    """The adjudicated documents with their story, as :func:`curate.gold.gold_document` sets
    it (``data.story_id``, else the article id), for reports that write no gold file."""
    by_id = {task.id: task for task in tasks}
    return [
        _Document(
            id=a.id,
            task_id=a.task_id,
            story_id=str(by_id[a.task_id].data.get("story_id") or a.id),
            lang=a.choices.get("lang") or _text_or_none(by_id[a.task_id].data.get("lang")),
            spans=a.spans,
        )
        for a in adjudications
    ]


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


Figure = tuple[str, float | None, str | None, str | None]


def _figure(span: GoldSpan) -> Figure:
    return (span.label, span.value, span.unit, span.qualifier)


def _figures(document: StoryDocument) -> list[FigureSide]:
    return [
        FigureSide(id=document.id, task_id=document.task_id, lang=document.lang, span=span)
        for span in document.spans
        if span.label in NUMBER_LABELS and span.value is not None
    ]


def _compare(
    first: StoryDocument, second: StoryDocument
) -> tuple[int, list[tuple[FigureSide, FigureSide]], list[FigureSide]]:
    """Matched pairs, contradicting pairs and lone figures of two documents of a story."""
    left, right = _figures(first), _figures(second)
    matched = 0
    for figure in list(left):
        twin = next((r for r in right if _figure(r.span) == _figure(figure.span)), None)
        if twin is not None:
            left.remove(figure)
            right.remove(twin)
            matched += 1
    contradictions = []
    for figure in list(left):
        kind = (figure.span.label, figure.span.unit)
        rivals = [r for r in right if (r.span.label, r.span.unit) == kind]
        if rivals:
            rival = min(rivals, key=lambda r: _distance(r.span, figure.span))
            left.remove(figure)
            right.remove(rival)
            contradictions.append((figure, rival))
    return matched, contradictions, left + right


def _distance(first: GoldSpan, second: GoldSpan) -> float:
    """How far two values are apart, relative to the larger (0 equal, 1 opposite)."""
    a, b = first.value or 0.0, second.value or 0.0
    scale = max(abs(a), abs(b))
    return abs(a - b) / scale if scale else 0.0
