"""Read a Label Studio JSON export (the UI's "Export → JSON" or a ``curate pull`` snapshot).

Every region is checked against the task text before anything downstream sees it. A file
that is not an export stops with one :class:`~curate.errors.InputError` line naming the file,
the task and the problem. One bad region (offsets that do not match the text, an unknown
label or choice, overlapping spans of one annotator) does not block a project's figures: it
comes back as a warning naming the task, the annotator, the problem and the fix in Label
Studio, and only what no measure can take is left out; ``strict=True`` makes it an error
again. Things that only make the export thinner (cancelled work, empty tasks, a number
region's reading that cannot be read) are warnings.

A number region's reading is the ``value``/``unit``/``qualifier`` results that share its id
(:mod:`curate.readings`). An annotator's reading is ``confirmed`` when it equals the task's
last prediction of the same span, else ``changed``; a span without one has no reading, and
the gold falls back to the normaliser for it.
"""

import contextlib
import itertools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol, overload

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from curate.errors import InputError, warn
from curate.file_kinds import IMPORT_FILE, LABEL_STUDIO_EXPORT, OTHER_JSON, FileKind, sniff
from curate.jsonlist import LONGEST_ITEM, JsonListError, JsonListItems, NotAJsonList
from curate.labels import DOCUMENT_CHOICES, LABEL_NAMES, NUMBER_LABELS
from curate.models import Annotation, ExportedTask, Reading, Span
from curate.readings import (
    QUALIFIER_CHOICES,
    QUALIFIER_CONTROL,
    READING_CONTROLS,
    UNIT_CHOICES,
    UNIT_CONTROL,
    VALUE_CONTROL,
    from_choice,
    parse_value,
)

SpanKey = tuple[int, int, str]

#: How much of a file or stream is read at a time.
_CHUNK_BYTES = 1 << 20
#: How many task ids a warning lists before it says "and N more".
_SHOWN_IDS = 10


class _Loose(BaseModel):
    """Label Studio records carry many keys curate does not need; they are ignored."""

    model_config = ConfigDict(extra="ignore")


class _User(_Loose):
    id: int
    email: str | None = None


class _LabelsValue(_Loose):
    start: int
    end: int
    text: str
    labels: list[str]


class _Region(_Loose):
    id: str | None = None
    type: str
    from_name: str = ""
    # A labels region's value is read with the task, in one call; any other value (and a
    # labels value that does not read, which _span then names) stays a dict.
    value: _LabelsValue | dict[str, Any]
    score: float | None = None
    meta: dict[str, Any] | None = None


class _ChoicesValue(_Loose):
    choices: list[str]


class _Annotation(_Loose):
    id: int | None = None
    completed_by: int | _User
    result: list[_Region] = []
    was_cancelled: bool = False
    ground_truth: bool = False


class _Prediction(_Loose):
    id: int | None = None
    model_version: str | None = None
    result: list[_Region] = []


class _Task(_Loose):
    id: int
    data: dict[str, Any]
    annotations: list[_Annotation] = []
    # Some exports list predictions by id only; those carry nothing to read.
    predictions: list[_Prediction | int] = []


_TASKS = TypeAdapter(list[_Task])
#: Makes one result's spans in one call (their fields checked as they were read).
_SPANS = TypeAdapter(list[Span])


@dataclass(frozen=True)
class LabelStudioExport(Sequence[ExportedTask]):
    """The validated tasks of one export file, and what was worth a warning while reading it.

    It is a sequence of its tasks, so ``for task in read_export(path)`` works.
    """

    path: Path
    tasks: tuple[ExportedTask, ...]
    warnings: tuple[str, ...] = ()

    @overload
    def __getitem__(self, index: int) -> ExportedTask: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[ExportedTask]: ...
    def __getitem__(self, index: int | slice) -> ExportedTask | Sequence[ExportedTask]:
        return self.tasks[index]

    def __len__(self) -> int:
        return len(self.tasks)

    def __iter__(self) -> Iterator[ExportedTask]:
        return iter(self.tasks)


def read_export(path: Path, *, strict: bool = False) -> LabelStudioExport:
    """Read and validate a Label Studio JSON export.

    Raises :class:`InputError` (one line: file, task, problem) for a file that is not a JSON
    list of tasks and a task without ``data.text``. A region outside the text or whose text
    differs from the task text there, or with an unknown label or choice, is left out with a
    warning; of one annotator's overlapping spans, both are kept (with a warning) when their
    labels differ, the later one is left out when they are alike. With ``strict`` each of
    these is an :class:`InputError` instead. An annotator's repeated annotations of one task
    count once (the last).
    """
    _check_is_export(path)
    ignored: Counter[str] = Counter()
    validated = _validated_tasks(path)
    if validated and not any("annotations" in task.model_fields_set for task in validated):
        raise _wrong_kind(path, IMPORT_FILE)
    problems: list[str] | None = None if strict else []
    unread: list[str] = []
    tasks = tuple(
        _task(task, path=path, ignored=ignored, problems=problems, unread=unread)
        for task in validated
    )
    warnings = [*_ignored_warnings(path, ignored), *(problems or []), *unread]
    return LabelStudioExport(path, tasks, tuple(warnings + _coverage_warnings(path, tasks)))


def iter_export(path: Path) -> Iterator[ExportedTask]:
    """The tasks of a Label Studio JSON export one at a time, in memory flat in the file's
    size (``curate learn`` on a large project).

    Each task is checked as :func:`read_export` checks it; what it would leave out with a
    warning is left out here too, each warning given by :func:`~curate.errors.warn` as the
    task is read. The whole-file coverage warnings of :func:`read_export` are not given.
    """
    _check_is_export(path)
    ignored: Counter[str] = Counter()
    for index, raw in enumerate(_stream_list(path)):
        problems: list[str] = []
        unread: list[str] = []
        validated = _validated_task(raw, index, path=path)
        yield _task(validated, path=path, ignored=ignored, problems=problems, unread=unread)
        for message in [*problems, *unread]:
            warn(message)
    for message in _ignored_warnings(path, ignored):
        warn(message)


def _check_is_export(path: Path) -> None:
    """Refuse a folder, a missing file, and a file of another kind (told by its content: an
    import file, a spans or corpus JSONL, a JSON-MIN or CSV export) before reading it."""
    if path.is_dir():
        raise InputError(
            f"{path} is a folder: give a Label Studio JSON export file "
            "(`curate pull` writes them to exports/snapshots/)"
        )
    if not path.exists():
        raise InputError(f"{path}: no such file; give a Label Studio JSON export")
    kind = sniff(path)
    if kind not in (None, LABEL_STUDIO_EXPORT, OTHER_JSON):
        raise _wrong_kind(path, kind)


def _ignored_warnings(path: Path, ignored: Counter[str]) -> list[str]:
    return [
        f"{path}: ignored {count} region(s) of type {kind!r}: curate reads labels and choices"
        for kind, count in sorted(ignored.items())
    ]


def _stream_list(path: Path) -> Iterator[Any]:
    """The items of the JSON list in ``path``, parsed one at a time (as
    :class:`SnapshotReader` parses a download)."""
    items = JsonListItems()
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(_CHUNK_BYTES):
                yield from items.feed(chunk)
        yield from items.close()
    except NotAJsonList:
        raise InputError(
            f"{path}: expected a JSON list of tasks (Label Studio 'Export → JSON')"
        ) from None
    except JsonListError as error:
        raise InputError(
            f"{path}: not valid JSON ({error}); the file may be truncated: export it again"
        ) from None


def _validated_tasks(path: Path) -> list[_Task]:
    """The tasks, validated in one pass over the bytes; a file that fails is read again
    record by record, only to name the task and the problem."""
    try:
        return _TASKS.validate_json(path.read_bytes())
    except ValidationError:
        return [_validated_task(raw, index, path=path) for index, raw in enumerate(_load(path))]


def _wrong_kind(path: Path, kind: FileKind) -> InputError:
    return InputError(
        f"{path}: this is {kind.name}, not a Label Studio JSON export: export the project "
        "with `curate pull` or Label Studio's Export → JSON"
    )


def _validated_task(raw: Any, index: int, *, path: Path) -> _Task:
    try:
        return _Task.model_validate(raw)
    except ValidationError as error:
        name = raw.get("id", f"#{index}") if isinstance(raw, dict) else f"#{index}"
        raise InputError(f"{path}: task {name}: {_first_problem(error)}") from None


def _load(path: Path) -> list[Any]:
    try:
        with path.open(encoding="utf-8") as stream:
            loaded = json.load(stream)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; give a Label Studio JSON export") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text, so not a Label Studio JSON export") from None
    except json.JSONDecodeError as error:
        raise InputError(
            f"{path}: not valid JSON ({error.msg} at line {error.lineno} column {error.colno}); "
            "the file may be truncated: export it again"
        ) from None
    if not isinstance(loaded, list):
        raise InputError(
            f"{path}: expected a JSON list of tasks (Label Studio 'Export → JSON'), "
            f"found {type(loaded).__name__}"
        )
    return loaded


def _task(
    task: _Task,
    *,
    path: Path,
    ignored: Counter[str],
    problems: list[str] | None,
    unread: list[str],
) -> ExportedTask:
    where = f"{path}: task {task.id}"
    text = task.data.get("text")
    if not isinstance(text, str):
        raise InputError(
            f"{where}: no text in data.text; export with 'Export → JSON' (not JSON-MIN or CSV)"
        )
    regions = _Reader(text, ignored=ignored, unread=unread, problems=problems)
    predictions = [
        _prediction(p, regions, where=where) for p in task.predictions if isinstance(p, _Prediction)
    ]
    predicted = _readings(predictions[-1]) if predictions else {}
    annotations = [_annotation(a, regions, predicted, where=where) for a in task.annotations]
    return ExportedTask(
        id=task.id,
        data=task.data,
        text=text,
        annotations=_last_per_annotator(annotations),
        predictions=predictions,
    )


def _first_problem(error: ValidationError) -> str:
    problem = error.errors()[0]
    location = ".".join(str(part) for part in problem["loc"])
    return f"{location}: {problem['msg']}" if location else problem["msg"]


def annotator_name(completed_by: int | _User) -> str:
    """An annotation's author: the email of an expanded ``completed_by``, else ``user:<id>``.

    >>> annotator_name(_User(id=3, email="aigerim@example.org")), annotator_name(3)
    ('aigerim@example.org', 'user:3')
    """
    if isinstance(completed_by, _User):
        return completed_by.email or f"user:{completed_by.id}"
    return f"user:{completed_by}"


def _annotation(
    raw: _Annotation, regions: "_Reader", predicted: dict[SpanKey, Reading], *, where: str
) -> Annotation:
    annotator = annotator_name(raw.completed_by)
    where = f"{where}: annotation {raw.id} by {annotator}"
    spans, choices = regions.read(raw.result, where=where)
    return Annotation(
        id=raw.id,
        annotator=annotator,
        spans=[_reviewed(span, predicted) for span in spans],
        choices=choices,
        ground_truth=raw.ground_truth,
        was_cancelled=raw.was_cancelled,
    )


def _prediction(raw: _Prediction, regions: "_Reader", *, where: str) -> Annotation:
    source = raw.model_version or f"prediction:{raw.id}"
    where = f"{where}: prediction {source}"
    spans, choices = regions.read(raw.result, where=where, with_rules=True)
    return Annotation(id=raw.id, annotator=source, spans=spans, choices=choices)


def _readings(prediction: Annotation) -> dict[SpanKey, Reading]:
    return {
        (span.start, span.end, span.label): reading
        for span in prediction.spans
        if (reading := Reading.of(span)) is not None
    }


def _reviewed(span: Span, predicted: dict[SpanKey, Reading]) -> Span:
    """An annotator's span with its reading marked ``confirmed`` (as predicted) or ``changed``."""
    reading = Reading.of(span)
    if reading is None:
        return span
    same = predicted.get((span.start, span.end, span.label)) == reading
    return span.model_copy(update={"review": "confirmed" if same else "changed"})


def _rule(region: _Region) -> str | None:
    """The rule that proposed a predicted region (``meta.rule``, set by ``curate tasks``)."""
    rule = (region.meta or {}).get("rule")
    return rule if isinstance(rule, str) else None


class _Reader:
    """Reads the results of annotations and predictions of one task's text.

    Unreadable readings are warnings (``unread``), the span is kept without one; results of
    other types are counted in ``ignored``. A bad region raises when ``problems`` is None
    (strict), else it is noted there and left out.
    """

    def __init__(
        self, text: str, *, ignored: Counter[str], unread: list[str], problems: list[str] | None
    ) -> None:
        self.text = text
        self.ignored = ignored
        self.unread = unread
        self.problems = problems

    def read(
        self, regions: list[_Region], *, where: str, with_rules: bool = False
    ) -> tuple[list[Span], dict[str, str]]:
        """Spans (with readings) and choices of a result; ``with_rules`` keeps each span's rule."""
        spans: dict[str, dict[str, Any]] = {}  # the fields of each region's Span
        choices: dict[str, str] = {}
        parts: defaultdict[str, dict[str, _Region]] = defaultdict(dict)
        for index, region in enumerate(regions):
            try:
                self._region(region, index, spans, choices, parts, where=where, rules=with_rules)
            except InputError as error:
                if self.problems is None:
                    raise
                self.problems.append(f"{error}; left out")
        for name, reading_parts in parts.items():
            self._attach(spans, name, reading_parts, where=where)
        ordered = _SPANS.validate_python(
            sorted(spans.values(), key=lambda span: (span["start"], span["end"]))
        )
        if self.problems is None:
            _check_no_overlap(ordered, where=where)
            return ordered, choices
        return _tolerate_overlaps(ordered, where=where, problems=self.problems), choices

    def _region(
        self,
        region: _Region,
        index: int,
        spans: dict[str, dict[str, Any]],
        choices: dict[str, str],
        parts: defaultdict[str, dict[str, _Region]],
        *,
        where: str,
        rules: bool,
    ) -> None:
        if region.type == "labels":
            # Regions posted through the API may come back without an id.
            name = region.id or f"#{index}"
            rule = _rule(region) if rules else None
            span = _span(region, self.text, where=f"{where}: region {name}", rule=rule)
            spans[name if name not in spans else f"{name}#{index}"] = span
        elif region.from_name in READING_CONTROLS and region.type in ("textarea", "choices"):
            parts[region.id or f"#{index}"][region.from_name] = region
        elif region.type == "choices":
            choices.update(_choice(region, where=where))
        else:
            self.ignored[region.type] += 1

    def _attach(
        self, spans: dict[str, dict[str, Any]], name: str, parts: dict[str, _Region], *, where: str
    ) -> None:
        span = spans.get(name)
        if span is None:
            self.unread.append(
                f"{where}: a {'/'.join(parts)} result names region {name}, which does not "
                "exist; ignored"
            )
            return
        if span["label"] not in NUMBER_LABELS:
            self.unread.append(
                f"{where}: region {name} {span['label']} {span['text']!r} has a "
                f"{'/'.join(parts)} but is not a number span; ignored"
            )
            return
        try:
            reading = _reading(parts)
        except ValueError as problem:
            self.unread.append(
                f"{where}: region {name} {span['label']} {span['text']!r}: {problem}; "
                "its value is left to the normaliser"
            )
            return
        if reading is not None:
            span.update(value=reading.value, unit=reading.unit, qualifier=reading.qualifier)


def _reading(parts: dict[str, _Region]) -> Reading | None:
    """The reading of a region's parts; None without a value (a unit or qualifier left blank
    reads as none). Raises ValueError saying what is wrong with a part."""
    value_part = parts.get(VALUE_CONTROL)
    if value_part is None:
        return None
    typed = value_part.value.get("text")
    if not isinstance(typed, list) or len(typed) != 1 or not isinstance(typed[0], str):
        raise ValueError(f"value {typed!r} is not one number")
    value = parse_value(typed[0])
    if value is None:
        raise ValueError(f"value {typed[0]!r} is not a number (write digits: 525, 0.5)")
    unit = _picked(parts.get(UNIT_CONTROL), UNIT_CHOICES)
    qualifier = _picked(parts.get(QUALIFIER_CONTROL), QUALIFIER_CHOICES)
    return Reading.model_validate({"value": value, "unit": unit, "qualifier": qualifier})


def _picked(part: _Region | None, allowed: tuple[str, ...]) -> str | None:
    if part is None:
        return None
    picked = part.value.get("choices")
    if not isinstance(picked, list) or len(picked) > 1 or not all(p in allowed for p in picked):
        raise ValueError(
            f"{part.from_name} {picked!r} is not one of the scheme's {', '.join(allowed)}"
        )
    return from_choice(picked[0]) if picked else None


def _span(region: _Region, text: str, *, where: str, rule: str | None = None) -> dict[str, object]:
    """The fields of a labels region's :class:`Span`, each checked here (so that a
    document's spans are made in one validation, which cannot fail)."""
    value = region.value
    if not isinstance(value, _LabelsValue):
        try:
            value = _LabelsValue.model_validate(value)
        except ValidationError as error:
            raise InputError(f"{where}: {_first_problem(error)}") from None
    start, end = value.start, value.end
    if not 0 <= start < end <= len(text):
        raise InputError(
            f"{where}: offsets [{start}, {end}) are outside the task text "
            f"(length {len(text)}); was the task text changed after annotation?"
        )
    if text[start:end] != value.text:
        raise InputError(
            f"{where}: [{start}, {end}) reads {text[start:end]!r} in the task text but the "
            f"region says {value.text!r} (offsets drifted); fix the region in Label Studio"
        )
    if len(value.labels) != 1 or value.labels[0] not in LABEL_NAMES:
        raise InputError(
            f"{where}: label(s) {', '.join(value.labels) or 'none'} on {value.text!r}: "
            f"each region needs exactly one of {', '.join(LABEL_NAMES)}"
        )
    if region.score is not None and not 0 <= region.score <= 1:
        raise InputError(f"{where}: score {region.score} is not between 0 and 1")
    return {
        "start": start, "end": end, "label": value.labels[0], "text": value.text, "rule": rule,
        "score": region.score,
    }  # fmt: skip


def _choice(region: _Region, *, where: str) -> dict[str, str]:
    allowed = DOCUMENT_CHOICES.get(region.from_name)
    if allowed is None:
        raise InputError(
            f"{where}: unknown choice {region.from_name!r}; "
            f"curate's label config has {', '.join(DOCUMENT_CHOICES)}"
        )
    try:
        picked = _ChoicesValue.model_validate(region.value).choices
    except ValidationError as error:
        raise InputError(f"{where}: choice {region.from_name}: {_first_problem(error)}") from None
    if len(picked) != 1 or picked[0] not in allowed:
        raise InputError(
            f"{where}: choice {region.from_name}={'/'.join(picked) or 'none'}; "
            f"pick exactly one of {', '.join(allowed)}"
        )
    return {region.from_name: picked[0]}


def _check_no_overlap(spans: list[Span], *, where: str) -> None:
    """Spans are flat in the scheme: one annotator never marks one character twice."""
    for before, after in itertools.pairwise(spans):
        if after.start < before.end:
            raise InputError(
                f"{where}: spans overlap: [{before.start}, {before.end}) {before.label} "
                f"{before.text!r} and [{after.start}, {after.end}) {after.label} {after.text!r}; "
                "spans are flat in the scheme: delete one in Label Studio"
            )


def _tolerate_overlaps(spans: list[Span], *, where: str, problems: list[str]) -> list[Span]:
    """One annotator's overlapping spans, noted in ``problems``: of two with one label the
    later is left out (no measure takes a category's units overlapping); two with different
    labels are both kept (alpha_u and span F1 take them; the tokens they share are this
    annotator's conflict; the task goes to ``conflicts.jsonl``)."""
    kept: list[Span] = []
    reach = 0  # the furthest end of the kept spans: a span starting there overlaps none
    for span in spans:
        if span.start >= reach:
            kept.append(span)
            reach = span.end
            continue
        overlapped = [before for before in kept if span.start < before.end]
        same = [before for before in overlapped if before.label == span.label]
        for before in same[:1] or overlapped:
            problems.append(
                f"{where}: spans overlap: [{before.start}, {before.end}) {before.label} "
                f"{before.text!r} and [{span.start}, {span.end}) {span.label} {span.text!r}; "
                + ("the second is left out" if same else "both are kept, as a conflict")
                + "; spans are flat in the scheme: delete one in Label Studio"
            )
        if not same:
            kept.append(span)
            reach = max(reach, span.end)
    return kept


def _last_per_annotator(annotations: list[Annotation]) -> list[Annotation]:
    """Cancelled annotations are kept; of one annotator's completed ones, the last counts."""
    last = {a.annotator: a for a in annotations if not a.was_cancelled}
    return [a for a in annotations if a.was_cancelled or last[a.annotator] is a]


def _coverage_warnings(path: Path, tasks: Sequence[ExportedTask]) -> list[str]:
    """Tasks and annotators that contribute nothing to gold or agreement."""
    empty = [task.id for task in tasks if not task.annotations]
    cancelled = [task.id for task in tasks if task.annotations and not task.completed()]
    working = {a.annotator for task in tasks for a in task.completed()}
    cancelled_by: defaultdict[str, int] = defaultdict(int)
    for task in tasks:
        for annotation in task.annotations:
            if annotation.was_cancelled and annotation.annotator not in working:
                cancelled_by[annotation.annotator] += 1
    warnings = []
    if not tasks:
        warnings.append(f"{path}: the export has no tasks")
    if empty:
        warnings.append(f"{path}: {len(empty)} task(s) have no annotations: {_ids(empty)}")
    if cancelled:
        warnings.append(
            f"{path}: {len(cancelled)} task(s) have only cancelled annotations, "
            f"so no gold: {_ids(cancelled)}"
        )
    warnings.extend(
        f"{path}: annotator {who} has no completed annotations ({count} cancelled); "
        "they count nowhere"
        for who, count in sorted(cancelled_by.items())
    )
    return warnings


def _ids(ids: list[int]) -> str:
    shown = ", ".join(str(i) for i in ids[:_SHOWN_IDS])
    return shown if len(ids) <= _SHOWN_IDS else f"{shown} and {len(ids) - _SHOWN_IDS} more"


# ---- a snapshot as Label Studio sent it (curate pull, curate status) -----------------------


@dataclass(frozen=True)
class OffsetMismatch:
    """A region whose offsets do not select its text in the task (``text[start:end]``)."""

    task_id: int
    annotator: str
    label: str
    start: int
    end: int
    region_text: str
    text_at_offsets: str

    def __str__(self) -> str:
        return (
            f"task {self.task_id}, {self.annotator}: {self.label} [{self.start}, {self.end}) "
            f"says {self.region_text!r} but the text there is {self.text_at_offsets!r}"
        )


@dataclass(frozen=True)
class SnapshotSummary:
    """Counts and checks over one export snapshot."""

    tasks: int
    annotated: int
    per_annotator: dict[str, int]
    cancelled: tuple[tuple[int, str], ...]
    mismatches: tuple[OffsetMismatch, ...]

    @property
    def remaining(self) -> int:
        return self.tasks - self.annotated


def summarise_snapshot(content: bytes, *, source: str) -> SnapshotSummary:
    """Per-annotator counts, cancelled annotations and offset mismatches of an export's bytes.

    Unlike :func:`read_export`, a region whose offsets drifted is listed, not an error: a pull
    saves the snapshot whatever it holds, and says what ``curate export`` will refuse.
    ``source`` names the bytes in the error for content that is not a list of tasks.
    """
    reader = SnapshotReader(source=source)
    reader.feed(content)
    return reader.summary()


class SupportsRead(Protocol):
    """What :func:`summarise_stream` reads from: a binary file, or a file still growing."""

    def read(self, size: int = -1, /) -> bytes: ...


def summarise_stream(stream: SupportsRead, *, source: str) -> SnapshotSummary:
    """:func:`summarise_snapshot` of a snapshot read from ``stream`` to its end."""
    reader = SnapshotReader(source=source)
    while chunk := stream.read(_CHUNK_BYTES):
        reader.feed(chunk)
    return reader.summary()


def summarise_file(stream: BinaryIO, *, source: str) -> SnapshotSummary:
    """:func:`summarise_snapshot` of a whole snapshot file, open for reading at its start.

    A snapshot as Label Studio writes it is cut into tasks where its encoder separates them
    (:func:`summary_by_task_boundaries`): four times faster at 100,000 tasks (10 s against
    38 s) than parsing each task into Python objects first. Any other file is read again
    from the start by :func:`summarise_stream`, which also names what is wrong with it.
    """
    summary = summary_by_task_boundaries(stream)
    if summary is None:
        stream.seek(0)
        summary = summarise_stream(stream, source=source)
    return summary


#: Where one task ends and the next starts in a snapshot as Label Studio's JSON encoder writes
#: it: default separators, the task's id first and its annotations next. A task's annotations
#: and predictions can hold the same bytes, so a match is only a candidate (see below).
_TASK_BOUNDARY = re.compile(rb'\}, \{"id": \d+, "annotations": ')
#: How far before a new chunk a boundary may start (its bytes split between two chunks).
_BOUNDARY_REACH = 64


def summary_by_task_boundaries(stream: SupportsRead) -> SnapshotSummary | None:
    """:func:`summarise_snapshot` of a snapshot cut into tasks at :data:`_TASK_BOUNDARY`, each
    parsed and checked in one call of pydantic's JSON parser, which skips the predictions
    without making Python objects of them; None if the bytes are not in that shape, or not a
    valid snapshot at all (then the caller reads them the slow way, which names the problem).

    A candidate cut is kept only where the bytes before it, from the task's ``{``, parse as
    one whole JSON value: a JSON object has one end, so such a cut is the task's end, and a
    cut inside the task leaves a value the parser finds unfinished.
    """
    tally = _SnapshotTally()
    try:
        for task in _tasks_between_boundaries(stream):
            tally.add(task)
    except _OtherShape:
        return None
    return tally.summary()


class _OtherShape(Exception):
    """The bytes are not a snapshot as Label Studio writes it, or not a valid one."""


def _tasks_between_boundaries(stream: SupportsRead) -> Iterator["_AnnotatedTask"]:
    pending = _after_list_start(stream)
    start = search_from = 0
    while True:
        boundary = _TASK_BOUNDARY.search(pending, search_from)
        if boundary is None:
            chunk = stream.read(_CHUNK_BYTES)
            if not chunk:
                break
            if len(pending) - start > LONGEST_ITEM:
                raise _OtherShape
            search_from = max(search_from, len(pending) - _BOUNDARY_REACH) - start
            pending, start = pending[start:] + chunk, 0
            continue
        task = _whole_task(pending[start : boundary.start() + 1])
        if task is None:  # the cut falls inside this task
            search_from = boundary.start() + 1
            continue
        yield task
        start = search_from = boundary.start() + 3  # after "}, "
    last = pending[start:].rstrip()
    if not last.endswith(b"]") or (task := _whole_task(last[:-1].rstrip())) is None:
        raise _OtherShape
    yield task


def _after_list_start(stream: SupportsRead) -> bytes:
    """The bytes read so far from the ``{`` of the list's first item on (an empty list or
    another value is read the slow way)."""
    opening = b""
    while len(opening) < 2 and (chunk := stream.read(_CHUNK_BYTES)):
        opening = (opening + chunk).lstrip()
        if opening.startswith(b"["):
            opening = b"[" + opening[1:].lstrip()
    if not opening.startswith(b"[{"):
        raise _OtherShape
    return opening[1:]


def _whole_task(item: bytes) -> "_AnnotatedTask | None":
    """The task whose JSON is ``item``; None if ``item`` is only the start of one."""
    try:
        return _AnnotatedTask.model_validate_json(item)
    except ValidationError as error:
        problem = error.errors()[0]
        message = str(problem.get("ctx", {}).get("error", ""))
        if problem["type"] == "json_invalid" and message.startswith("EOF while parsing"):
            return None
        raise _OtherShape from None


class SnapshotReader:
    """:func:`summarise_snapshot` of a snapshot fed chunk by chunk as it downloads, parsed a
    task at a time (:class:`~curate.jsonlist.JsonListItems`), so memory stays flat however
    large the project.

    ``feed`` each chunk, then ``summary()``; both raise :class:`InputError` naming ``source``
    for content that is not a JSON list of tasks.
    """

    def __init__(self, *, source: str) -> None:
        self._source = source
        self._tally = _SnapshotTally()
        self._items = JsonListItems()

    def feed(self, chunk: bytes) -> None:
        with _parsing(self._source):
            self._count(self._items.feed(chunk))

    def summary(self) -> SnapshotSummary:
        with _parsing(self._source):
            self._count(self._items.close())
        return self._tally.summary()

    def _count(self, items: list[Any]) -> None:
        for item in items:
            self._tally.add(_snapshot_task(item, self._tally.tasks, self._source))


class _AnnotatedTask(_Loose):
    """What a snapshot's summary reads of a task: its text and annotations. Its predictions
    are left unread (validating them took 26 of the 68 s that checking a 100,000-task
    snapshot cost): no summary figure comes from them, and :func:`read_export` checks them
    where they are used."""

    id: int
    data: dict[str, Any]
    annotations: list[_Annotation] = []


def _snapshot_task(item: Any, number: int, source: str) -> _AnnotatedTask:
    try:
        return _AnnotatedTask.model_validate(item)
    except ValidationError as error:
        raise _not_tasks(source, f"task {number}: {_first_problem(error)}") from None


@contextlib.contextmanager
def _parsing(source: str) -> Iterator[None]:
    try:
        yield
    except JsonListError as error:
        raise _not_tasks(source, str(error)) from None


def _not_tasks(source: str, problem: str) -> InputError:
    return InputError(
        f"{source} is not a JSON list of Label Studio tasks ({problem}): "
        "rerun; if it persists, export from the UI and check the file"
    )


@dataclass
class _SnapshotTally:
    """The counts of :class:`SnapshotSummary`, task by task."""

    tasks: int = 0
    annotated: int = 0
    per_annotator: Counter[str] = field(default_factory=Counter)
    cancelled: list[tuple[int, str]] = field(default_factory=list)
    mismatches: list[OffsetMismatch] = field(default_factory=list)

    def add(self, task: _AnnotatedTask) -> None:
        text = str(task.data.get("text", ""))
        completed = False
        for annotation in task.annotations:
            annotator = annotator_name(annotation.completed_by)
            if annotation.was_cancelled:
                self.cancelled.append((task.id, annotator))
                continue
            completed = True
            self.per_annotator[annotator] += 1
            self.mismatches.extend(
                _offset_mismatches(annotation, text, task_id=task.id, annotator=annotator)
            )
        self.tasks += 1
        self.annotated += completed

    def summary(self) -> SnapshotSummary:
        return SnapshotSummary(
            tasks=self.tasks,
            annotated=self.annotated,
            per_annotator=dict(sorted(self.per_annotator.items())),
            cancelled=tuple(self.cancelled),
            mismatches=tuple(self.mismatches),
        )


def _offset_mismatches(
    annotation: _Annotation, text: str, *, task_id: int, annotator: str
) -> list[OffsetMismatch]:
    found = []
    for region in annotation.result:
        value = region.value
        if isinstance(value, _LabelsValue):
            start, end, region_text, labels = value.start, value.end, value.text, value.labels
        elif {"start", "end", "text"} <= value.keys() and isinstance(value["text"], str):
            start, end, region_text = value["start"], value["end"], value["text"]
            labels = value.get("labels") or []
        else:
            continue  # a per-region TextArea's "text" is what was typed (a list)
        if text[start:end] != region_text:
            found.append(
                OffsetMismatch(
                    task_id=task_id,
                    annotator=annotator,
                    label=", ".join(labels),
                    start=start,
                    end=end,
                    region_text=region_text,
                    text_at_offsets=text[start:end],
                )
            )
    return found
