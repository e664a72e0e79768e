"""Twin stories: the gold figures of the documents of one story, compared."""

import pytest

from curate.models import GoldSpan
from curate.twins import FigureSide, twin_report

KK = "Алматыда 525 келіден астам есірткі, 1,5 мың карта, 700-ден астам жиын"
RU = "В Алматы более 525 кг наркотиков, около 1,5 тыс. карт, 3 группы"


def figure(
    text: str, phrase: str, label: str, value: float, unit: str | None = None, qualifier=None
) -> GoldSpan:
    start = text.index(phrase)
    where = {"start": start, "end": start + len(phrase), "text": phrase}
    reading = {"value": value, "unit": unit, "qualifier": qualifier}
    return GoldSpan(**where, **reading, label=label, decided_by="majority 2/2")


class Document:
    def __init__(self, id: str, story_id: str, lang: str, spans: list[GoldSpan]) -> None:
        self.id, self.task_id, self.story_id, self.lang, self.spans = id, 1, story_id, lang, spans


KK_SPANS = [
    figure(KK, "525 келіден астам", "QUANTITY", 525.0, "kg", "more_than"),
    figure(KK, "1,5 мың", "COUNT", 1500.0),
    figure(KK, "700-ден астам", "COUNT", 700.0, qualifier="more_than"),
]
RU_SPANS = [
    figure(RU, "более 525 кг", "QUANTITY", 525.0, "kg", "more_than"),
    figure(RU, "около 1,5 тыс.", "COUNT", 1500.0, qualifier="about"),
]


def sides(side: FigureSide) -> tuple[str, str]:
    return side.id, side.span.text


def test_equal_figures_match_a_contradicted_one_conflicts_a_lone_one_is_unmatched() -> None:
    report = twin_report([Document("kk", "s", "kk", KK_SPANS), Document("ru", "s", "ru", RU_SPANS)])

    [story] = report.stories
    assert (story.figures, story.matched, story.conflicts, story.unmatched) == (5, 1, 1, 1)
    assert story.consistency == 0.5
    [conflict] = report.conflicts
    assert (conflict.kind, conflict.story_id, conflict.label, conflict.unit) == (
        "twin",
        "s",
        "COUNT",
        None,
    )
    assert [sides(s) for s in conflict.documents] == [("kk", "1,5 мың"), ("ru", "около 1,5 тыс.")]
    assert [sides(s) for s in report.unmatched] == [("kk", "700-ден астам")]
    assert '"kind":"twin"' in conflict.to_json()


@pytest.mark.parametrize(
    ("ru_spans", "expected"),
    [
        ([], (0, 0, 3)),  # the twin states nothing: all lone
        ([figure(RU, "3 группы", "QUANTITY", 3.0, "dose")], (0, 0, 4)),  # another unit: lone
        ([figure(RU, "более 525 кг", "QUANTITY", 255.0, "kg", "more_than")], (0, 1, 2)),
    ],
)
def test_only_a_figure_of_the_same_label_and_unit_contradicts(ru_spans, expected) -> None:
    report = twin_report([Document("kk", "s", "kk", KK_SPANS), Document("ru", "s", "ru", ru_spans)])

    [story] = report.stories
    assert (story.matched, story.conflicts, story.unmatched) == expected


def test_a_story_with_one_document_is_not_compared() -> None:
    report = twin_report([Document("kk", "a", "kk", KK_SPANS), Document("ru", "b", "ru", RU_SPANS)])

    assert report.stories == [] and report.conflicts == [] and report.unmatched == []


def test_the_report_does_not_depend_on_the_order_the_documents_come_in() -> None:
    """A server lists tasks in its own order (PostgreSQL differs from SQLite): the report is
    ordered by document id all the same."""
    kk, ru = Document("kk", "s", "kk", KK_SPANS), Document("ru", "s", "ru", RU_SPANS)

    assert twin_report([ru, kk]) == twin_report([kk, ru])
    [conflict] = twin_report([ru, kk]).conflicts
    assert [s.id for s in conflict.documents] == ["kk", "ru"]
