"""Adjudication policy as a table: who made which spans and choices → gold and conflicts."""

import pytest

from curate.adjudicate import adjudicate
from curate.models import Annotation, ExportedTask, Span

#          Қуатбек 0-7 · Науатов 8-15 · Алматыда 16-24 · 525 25-28 · келіден 29-36 · астам 37-42
TEXT = "Қуатбек Науатов Алматыда 525 келіден астам"

PER = (0, 15, "PER")
SURNAME = (8, 15, "PER")
ORG = (0, 15, "ORG")
LOC = (16, 24, "LOC")
WIDE_LOC = (8, 24, "LOC")
QUANTITY = (25, 42, "QUANTITY")

SpanTuple = tuple[int, int, str]


def annotation(
    annotator: str,
    spans: list[SpanTuple],
    *,
    choices: dict[str, str] | None = None,
    ground_truth: bool = False,
    was_cancelled: bool = False,
) -> Annotation:
    return Annotation(
        annotator=annotator,
        spans=[Span(start=s, end=e, label=label, text=TEXT[s:e]) for s, e, label in spans],
        choices=choices or {},
        ground_truth=ground_truth,
        was_cancelled=was_cancelled,
    )


def task(*annotations: Annotation) -> ExportedTask:
    return ExportedTask(id=1, data={"id": "a1"}, text=TEXT, annotations=list(annotations))


SPAN_CASES = [
    # description, annotations, gold (start, end, label, decided_by), conflicts (start, end, reason)
    (
        "single annotator's work is gold",
        [annotation("A", [PER, LOC])],
        [(*PER, "single annotator"), (*LOC, "single annotator")],
        [],
    ),
    (
        "unanimous pair",
        [annotation("A", [PER]), annotation("B", [PER])],
        [(*PER, "majority 2/2")],
        [],
    ),
    (
        "majority 2/3 wins, the minority variant is still listed",
        [annotation("A", [PER, LOC]), annotation("B", [PER, LOC]), annotation("C", [SURNAME])],
        [(*PER, "majority 2/3"), (*LOC, "majority 2/3")],
        [(0, 15, "minority")],
    ),
    (
        "same offsets, different label: a tie",
        [annotation("A", [PER]), annotation("B", [ORG])],
        [],
        [(0, 15, "tie")],
    ),
    (
        "one of two marks a span, the other does not: a tie",
        [annotation("A", [LOC]), annotation("B", [])],
        [],
        [(16, 24, "tie")],
    ),
    (
        "one of three: a minority",
        [annotation("A", [QUANTITY]), annotation("B", []), annotation("C", [])],
        [],
        [(25, 42, "minority")],
    ),
    (
        "ground truth wins over a majority",
        [
            annotation("A", [PER], ground_truth=True),
            annotation("B", [ORG]),
            annotation("C", [ORG]),
        ],
        [(*PER, "ground_truth")],
        [],
    ),
    (
        "cancelled annotations do not vote",
        [annotation("A", [PER]), annotation("B", [ORG], was_cancelled=True)],
        [(*PER, "single annotator")],
        [],
    ),
    (
        "overlapping majority spans are both left open",
        [annotation("A", [PER, WIDE_LOC]), annotation("B", [PER, WIDE_LOC])],
        [],
        [(0, 24, "overlapping majority")],
    ),
    (
        "conflicts are per stretch of text; the rest is decided",
        [annotation("A", [PER, QUANTITY]), annotation("B", [ORG, QUANTITY])],
        [(*QUANTITY, "majority 2/2")],
        [(0, 15, "tie")],
    ),
]


@pytest.mark.parametrize(
    ("annotations", "gold", "conflicts"),
    [case[1:] for case in SPAN_CASES],
    ids=[case[0] for case in SPAN_CASES],
)
def test_span_policy(
    annotations: list[Annotation],
    gold: list[tuple[int, int, str, str]],
    conflicts: list[tuple[int, int, str]],
) -> None:
    result = adjudicate(task(*annotations))
    assert [(s.start, s.end, s.label, s.decided_by) for s in result.spans] == gold
    assert [(c.start, c.end, c.reason) for c in result.span_conflicts] == conflicts
    assert all(s.text == TEXT[s.start : s.end] for s in result.spans)


def test_conflict_holds_every_annotators_version() -> None:
    result = adjudicate(
        task(annotation("A", [PER, LOC]), annotation("B", [PER]), annotation("C", [SURNAME]))
    )
    by_start = {c.start: c for c in result.span_conflicts}
    names = by_start[0].versions
    assert {who: [(s.start, s.end) for s in spans] for who, spans in names.items()} == {
        "A": [(0, 15)],
        "B": [(0, 15)],
        "C": [(8, 15)],
    }
    assert [(s.start, s.end) for s in by_start[0].decided] == [(0, 15)]
    assert {who: len(spans) for who, spans in by_start[16].versions.items()} == {
        "A": 1,
        "B": 0,
        "C": 0,
    }


CHOICE_CASES = [
    # description, {annotator: choices}, ground-truth annotator, gold choices, conflicts
    ("agreement", {"A": {"lang": "kk"}, "B": {"lang": "kk"}}, None, {"lang": "kk"}, []),
    ("tie", {"A": {"relevant": "yes"}, "B": {"relevant": "no"}}, None, {}, [("relevant", "tie")]),
    (
        "majority with a dissenter",
        {"A": {"relevant": "yes"}, "B": {"relevant": "yes"}, "C": {"relevant": "no"}},
        None,
        {"relevant": "yes"},
        [("relevant", "minority")],
    ),
    (
        "only one of two answered",
        {"A": {"relevant": "yes"}, "B": {}},
        None,
        {"relevant": "yes"},
        [],
    ),
    (
        "ground truth",
        {"A": {"relevant": "no"}, "B": {"relevant": "yes"}, "C": {"relevant": "yes"}},
        "A",
        {"relevant": "no"},
        [],
    ),
]


@pytest.mark.parametrize(
    ("answers", "truth", "gold", "conflicts"),
    [case[1:] for case in CHOICE_CASES],
    ids=[case[0] for case in CHOICE_CASES],
)
def test_choice_policy(
    answers: dict[str, dict[str, str]],
    truth: str | None,
    gold: dict[str, str],
    conflicts: list[tuple[str, str]],
) -> None:
    result = adjudicate(
        task(*(annotation(a, [], choices=c, ground_truth=a == truth) for a, c in answers.items()))
    )
    assert result.choices == gold
    assert [(c.name, c.reason) for c in result.choice_conflicts] == conflicts


def test_conflicts_line_names_the_task_and_leaves_gold_out() -> None:
    result = adjudicate(task(annotation("A", [PER]), annotation("B", [ORG])))
    assert result.has_conflicts
    line = result.conflicts_json()
    assert line.startswith(
        '{"kind":"task","id":"a1","task_id":1,"annotators":["A","B"],"span_conflicts":'
    )
    assert '"spans"' not in line


def test_no_completed_annotation_gives_empty_gold() -> None:
    result = adjudicate(task(annotation("A", [PER], was_cancelled=True)))
    assert (result.spans, result.annotators, result.has_conflicts) == ([], [], False)


# ---- readings of number spans ---------------------------------------------------------------


def reading(
    annotator: str, value: float | None, qualifier: str | None = "more_than", **kw: bool
) -> Annotation:
    """``annotator`` made the QUANTITY span with this reading (None: they gave none)."""
    made = annotation(annotator, [QUANTITY], **kw)
    if value is None:
        return made
    [span] = made.spans
    read = span.model_copy(
        update={"value": value, "unit": "kg", "qualifier": qualifier, "review": "changed"}
    )
    return made.model_copy(update={"spans": [read]})


READING_CASES = [
    # description, annotations, gold (value, qualifier, value_source), value conflict versions
    (
        "two of three agree: their reading, annotators 2/3",
        [reading("A", 525), reading("B", 525), reading("C", 526)],
        (525.0, "more_than", "annotators 2/3"),
        None,
    ),
    (
        "a tie is a conflict listing each reading, and the value is left to the normaliser",
        [reading("A", 500), reading("B", 600, qualifier=None), reading("C", None)],
        (525.0, "more_than", "normaliser"),
        {"A": (500.0, "more_than"), "B": (600.0, None), "C": None},
    ),
    (
        "those who gave no reading do not vote",
        [reading("A", 525), reading("B", None), reading("C", None)],
        (525.0, "more_than", "annotators 1/1"),
        None,
    ),
    (
        "nobody gave one: left to the normaliser, no conflict",
        [reading("A", None), reading("B", None)],
        (525.0, "more_than", "normaliser"),
        None,
    ),
    (
        "ground truth wins over a majority",
        [reading("A", 525), reading("B", 525), reading("C", 3, ground_truth=True)],
        (3.0, "more_than", "ground_truth"),
        None,
    ),
    (
        "a single annotator's reading",
        [reading("A", 0.5, qualifier=None)],
        (0.5, None, "annotators 1/1"),
        None,
    ),
]


@pytest.mark.parametrize(
    ("annotations", "gold", "versions"),
    [case[1:] for case in READING_CASES],
    ids=[case[0] for case in READING_CASES],
)
def test_a_number_spans_reading_is_decided_like_the_span(annotations, gold, versions) -> None:
    result = adjudicate(task(*annotations))

    [span] = result.spans
    assert (span.value, span.qualifier, span.value_source) == gold
    if versions is None:
        assert result.value_conflicts == []
    else:
        [conflict] = result.value_conflicts
        assert (conflict.start, conflict.end, conflict.reason) == (25, 42, "tie")
        assert {
            who: (r.value, r.qualifier) if r else None for who, r in conflict.versions.items()
        } == versions
        assert '"value_conflicts":[{"start":25' in result.conflicts_json()
