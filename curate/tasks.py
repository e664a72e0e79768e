"""Label Studio tasks from articles and the rules' spans, as ``curate tasks`` writes them.

A task's ``data`` holds the article (text, title, date, language, outlet, ids, content
hash); its one prediction holds the rules' spans as ``labels`` regions, each with its own
score, and the article's language as the ``lang`` choice. A number region also carries its
normalised reading as ``value``, ``unit`` and ``qualifier`` results with the region's id
(:mod:`curate.readings`), so the annotator sees it filled in. Offsets are code points into
``data.text``, exactly as Label Studio stores them.
"""

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal, Protocol

from curate.articles import read_articles
from curate.errors import InputError
from curate.files import check_output_file, owned_writer
from curate.label_config import LABELS_CONTROL, TEXT_OBJECT
from curate.labels import NUMBER_LABELS, Label
from curate.learn import extractor_for
from curate.models import Article, Lang, Record, Span
from curate.readings import (
    QUALIFIER_CONTROL,
    UNIT_CONTROL,
    VALUE_CONTROL,
    choice_of,
    format_value,
)


class SpanExtractor(Protocol):
    """What tasks need from the rules (``curate.rules.Extractor``)."""

    model_version: str

    def annotate(self, text: str, *, lang: str) -> list[Span]: ...


class TaskData(Record):
    """The article as a task shows it; ``id`` is curate's article id, the key of a push."""

    text: str
    title: str
    date: str | None
    lang: Lang
    outlet: str | None
    id: str
    story_id: str
    content_hash: str


class LabelsValue(Record):
    start: int
    end: int
    text: str
    labels: list[Label]


class RegionMeta(Record):
    """Why the rules proposed a region: ``text`` is the note Label Studio shows annotators."""

    rule: str
    text: list[str]


class LabelsRegion(Record):
    """One proposed span: a ``labels`` result over the article text."""

    id: str
    from_name: str = LABELS_CONTROL
    to_name: str = TEXT_OBJECT
    type: Literal["labels"] = "labels"
    value: LabelsValue
    score: float | None = None
    meta: RegionMeta | None = None


class ChoicesValue(Record):
    choices: list[str]


class ChoicesResult(Record):
    """A document-level answer, such as the ``lang`` choice."""

    from_name: str
    to_name: str = TEXT_OBJECT
    type: Literal["choices"] = "choices"
    value: ChoicesValue


class RegionTextValue(Record):
    start: int
    end: int
    text: list[str]


class RegionTextResult(Record):
    """A per-region TextArea answer (the ``value`` of a number region), by region id."""

    id: str
    from_name: str = VALUE_CONTROL
    to_name: str = TEXT_OBJECT
    type: Literal["textarea"] = "textarea"
    value: RegionTextValue


class RegionChoicesValue(Record):
    start: int
    end: int
    choices: list[str]


class RegionChoicesResult(Record):
    """A per-region choice (the ``unit`` or ``qualifier`` of a number region), by region id."""

    id: str
    from_name: str
    to_name: str = TEXT_OBJECT
    type: Literal["choices"] = "choices"
    value: RegionChoicesValue


Result = LabelsRegion | RegionTextResult | RegionChoicesResult | ChoicesResult


class Prediction(Record):
    model_version: str
    score: float | None = None
    result: list[Result]


class Task(Record):
    """One Label Studio task as imported: the article and the rules' prediction."""

    data: TaskData
    predictions: list[Prediction]

    @property
    def predicted_spans(self) -> int:
        """How many spans the rules' prediction proposes (readings and choices aside)."""
        return sum(isinstance(r, LabelsRegion) for p in self.predictions for r in p.result)

    def to_import(self) -> dict[str, object]:
        """The JSON object Label Studio imports; ``data`` keeps its empty fields as null."""
        return {
            "data": self.data.model_dump(),
            "predictions": [p.model_dump(exclude_none=True) for p in self.predictions],
        }

    def import_json(self) -> str:
        """:meth:`to_import` as JSON text, written by pydantic's serialiser: a tenth of the
        time of building the dict and encoding it (a 500-task batch: 0.2 s against 2 s)."""
        predictions = ",".join(p.model_dump_json(exclude_none=True) for p in self.predictions)
        return f'{{"data":{self.data.model_dump_json()},"predictions":[{predictions}]}}'


def build_task(article: Article, spans: Sequence[Span], *, model_version: str) -> Task:
    """The task for ``article`` with ``spans`` (offsets into ``article.text``) as its prediction."""
    for span in spans:
        if article.text[span.start : span.end] != span.text:
            raise InputError(
                f"article {article.id}: span {span.text!r} ({span.label}, rule {span.rule}) "
                f"does not match the text at [{span.start}, {span.end})"
            )
    return Task(
        data=TaskData(
            text=article.text,
            title=article.title,
            date=article.date.isoformat() if article.date else None,
            lang=article.lang,
            outlet=article.outlet,
            id=article.id,
            story_id=article.story_id,
            content_hash=article.content_hash,
        ),
        predictions=[build_prediction(spans, lang=article.lang, model_version=model_version)],
    )


def build_prediction(spans: Sequence[Span], *, lang: Lang, model_version: str) -> Prediction:
    """The rules' prediction: ``spans`` as labels regions with their scores, ``lang`` as a choice.

    Its score is the mean of the spans' scores. The ML backend uses it for tasks that have
    no curate article (imported through the UI).
    """
    regions = [result for span in spans for result in region_results(span)]
    scores = [s.score for s in spans if s.score is not None]
    language = ChoicesResult(from_name="lang", value=ChoicesValue(choices=[lang]))
    return Prediction(
        model_version=model_version,
        score=round(sum(scores) / len(scores), 4) if scores else None,
        result=[*regions, language],
    )


def region_id(span: Span) -> str:
    """A predicted region's id: spans are flat, so their offsets name them in a task."""
    return f"span-{span.start}-{span.end}"


def region_results(span: Span) -> list[Result]:
    """The ``labels`` region of ``span`` and, for a number span with a value, its reading."""
    rid = region_id(span)
    region = LabelsRegion(
        id=rid,
        value=LabelsValue(start=span.start, end=span.end, text=span.text, labels=[span.label]),
        score=span.score,
        meta=RegionMeta(rule=span.rule, text=[f"rule: {span.rule}"]) if span.rule else None,
    )
    if span.label not in NUMBER_LABELS or span.value is None:
        return [region]
    where = {"start": span.start, "end": span.end}
    return [
        region,
        RegionTextResult(id=rid, value=RegionTextValue(**where, text=[format_value(span.value)])),
        *(
            RegionChoicesResult(
                id=rid, from_name=name, value=RegionChoicesValue(**where, choices=[choice_of(part)])
            )
            for name, part in ((UNIT_CONTROL, span.unit), (QUALIFIER_CONTROL, span.qualifier))
        ),
    ]


def build_tasks(articles: Iterable[Article], extractor: SpanExtractor) -> list[Task]:
    """One task per article, pre-annotated by ``extractor``."""
    return list(iter_tasks(articles, extractor))


def iter_tasks(articles: Iterable[Article], extractor: SpanExtractor) -> Iterator[Task]:
    """:func:`build_tasks` one at a time, each annotated when it is asked for."""
    for article in articles:
        spans = extractor.annotate(article.text, lang=article.lang)
        yield build_task(article, spans, model_version=extractor.model_version)


def tasks_from_articles(
    source: Path, *, skip_bad: bool = False, learned: Path | None = None
) -> list[Task]:
    """Tasks for the articles at ``source`` (a folder, an article file or a corpus JSONL);
    ``skip_bad`` leaves out, with a warning, files that are not readable articles. The rules
    load the accepted entries of ``learned`` (default: ``learned/`` when there is one)."""
    articles = read_articles(source, skip_bad=skip_bad)
    return build_tasks(articles, extractor_for(learned))


class ArticleTasks(Iterable[Task]):
    """The tasks of the articles at a source, built one at a time as they are iterated (so
    a push of 100,000 articles holds the articles, never all the tasks with their
    predictions). Every article is read and checked, ids included, when this is made."""

    def __init__(
        self, source: Path, *, skip_bad: bool = False, learned: Path | None = None
    ) -> None:
        self.articles = read_articles(source, skip_bad=skip_bad)
        check_unique_articles(self.articles)
        self.extractor = extractor_for(learned)

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Task]:
        return iter_tasks(self.articles, self.extractor)


def check_unique_articles(articles: Iterable[Article]) -> None:
    """Refuse input that holds an article id twice."""
    counts = Counter(article.id for article in articles)
    repeated = sorted(article for article, count in counts.items() if count > 1)
    if repeated:
        raise InputError(
            f"article id(s) {', '.join(repeated[:5])} appear more than once in the input: "
            "each article must be pushed once"
        )


def write_task_file(
    source: Path,
    output: Path,
    *,
    skip_bad: bool = False,
    force: bool = False,
    learned: Path | None = None,
) -> list[Task]:
    """``curate tasks``: an import file at ``output`` for the articles at ``source``; the output
    path is checked before any article is read or rule built."""
    check_output_file(output, force=force)
    tasks = tasks_from_articles(source, skip_bad=skip_bad, learned=learned)
    write_tasks(tasks, output, force=force)
    return tasks


def write_tasks(tasks: Sequence[Task], path: Path, *, force: bool = False) -> int:
    """Write ``tasks`` as a Label Studio import file (a JSON list) atomically; return the count.

    A file at ``path`` that curate did not write is never replaced, unless ``force``.
    """
    with owned_writer(path, force=force) as stream:
        stream.write("[\n")
        for number, task in enumerate(tasks):
            stream.write(",\n" if number else "")
            stream.write(task.import_json())
        stream.write("\n]\n")
    return len(tasks)
