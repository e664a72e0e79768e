"""Pydantic models for every record that crosses a boundary between curate's stages.

Offsets everywhere are Python code-point offsets, ``[start, end)`` with an exclusive end,
into the cleaned article text (``Article.text``), which is also the Label Studio task text.
"""

from datetime import date as Date
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from curate.labels import Label, Lang

Qualifier = Literal["more_than", "less_than", "about", "almost", "up_to"]
QUALIFIERS: tuple[Qualifier, ...] = get_args(Qualifier)

#: The units a normalised value may have (docs/scheme.md "Normalised values"); COUNT has none.
UNITS: tuple[str, ...] = ("kg", "l", "dose", "KZT", "USD", "EUR", "RUB", "CNY", "KGS", "%")

#: How an annotator's reading of a number span relates to the rules' prediction of it:
#: ``confirmed`` left as predicted, ``changed`` their own (edited, or typed on a region
#: the rules did not predict).
Review = Literal["confirmed", "changed"]

#: How a gold value was reached: people ``confirmed`` the predicted reading or ``changed``
#: it, or it is the normaliser's, ``unseen`` by anyone.
GoldReview = Literal["confirmed", "changed", "unseen"]


class Record(BaseModel):
    """Base for curate's records: unknown keys are an error, not silently kept."""

    model_config = ConfigDict(extra="forbid")

    def to_json(self) -> str:
        """One JSON line; optional fields that are unset are left out."""
        return self.model_dump_json(exclude_none=True)


class Article(Record):
    """One cleaned news article, as written by ``curate ingest`` (one JSONL line)."""

    id: str = Field(description="stable id derived from the source file name and content")
    source_file: str
    lang: Lang
    date: Date | None = None
    title: str
    text: str = Field(description="title, a newline, then the cleaned body: the task text")
    outlet: str | None = None
    content_hash: str = Field(description="sha256 of `text`, to notice a changed article")
    story_id: str = Field(description="shared by articles that report the same story (twins)")
    cleaning: list[str] = Field(default_factory=list, description="what cleaning removed")


class Span(Record):
    """A labelled stretch of text, from the rules, an annotator or the adjudicated gold."""

    start: int = Field(ge=0)
    end: int = Field(gt=0)
    label: Label
    text: str
    rule: str | None = None
    score: float | None = Field(default=None, ge=0.0, le=1.0)
    value: float | None = None
    unit: str | None = None
    qualifier: Qualifier | None = None
    review: Review | None = Field(
        default=None, description="an annotator's reading of value/unit/qualifier, if any"
    )

    @model_validator(mode="after")
    def _check_bounds(self) -> "Span":
        if self.end <= self.start:
            raise ValueError(f"span end {self.end} is not after its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text {self.text!r} has length {len(self.text)}, "
                f"but [{self.start}, {self.end}) covers {self.end - self.start} characters"
            )
        return self


class AnnotatedDocument(Record):
    """Output of ``curate annotate``: a document's text and the spans the rules proposed."""

    id: str
    lang: Lang
    text: str
    spans: list[Span]


class Annotation(Record):
    """One annotator's (or the rules') work on one task, read from a Label Studio export."""

    id: int | None = None
    annotator: str = Field(description="who made it: email, else 'user:<id>'; rules: model_version")
    spans: list[Span]
    choices: dict[str, str] = Field(default_factory=dict, description="document choices")
    ground_truth: bool = False
    was_cancelled: bool = False


class ExportedTask(Record):
    """A task of a Label Studio JSON export with its annotations and predictions, validated."""

    id: int
    data: dict[str, object]
    text: str
    annotations: list[Annotation] = Field(default_factory=list)
    predictions: list[Annotation] = Field(default_factory=list)

    @property
    def article_id(self) -> str:
        """curate's article id when the task came from ``curate tasks``, else ``task-<id>``."""
        return str(self.data.get("id") or f"task-{self.id}")

    def completed(self) -> list[Annotation]:
        """Annotations that count: the cancelled ones are kept in snapshots, not in gold."""
        return [a for a in self.annotations if not a.was_cancelled]


class Reading(Record):
    """The normalised reading of a number span: what ``value``/``unit``/``qualifier`` say."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: float
    unit: str | None = None
    qualifier: Qualifier | None = None

    @classmethod
    def of(cls, span: Span) -> "Reading | None":
        """``span``'s reading, or None when it has no value."""
        if span.value is None:
            return None
        return cls(value=span.value, unit=span.unit, qualifier=span.qualifier)


class GoldSpan(Span):
    """A span of the adjudicated gold with how it and its value were decided."""

    decided_by: str = Field(description="ground_truth | majority k/n | single annotator")
    value_source: str | None = Field(
        default=None, description="number spans: ground_truth | annotators k/n | normaliser"
    )
    value_review: GoldReview | None = Field(
        default=None, description="number spans: confirmed | changed | unseen by people"
    )


class GoldDocument(Record):
    """One line of ``gold.jsonl``: a document and its adjudicated spans and choices."""

    id: str
    task_id: int
    story_id: str
    lang: Lang | None = None
    date: Date | None = None
    outlet: str | None = None
    title: str | None = None
    text: str
    spans: list[GoldSpan]
    choices: dict[str, str] = Field(default_factory=dict)
    annotators: list[str]
    source_export: str
