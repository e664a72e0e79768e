"""What a file is, told by its content: curate's own files and Label Studio's formats.

A file given where another kind belongs (an import file to ``curate export``, a spans JSONL
to ``curate agreement``, a JSON task list to ``curate ingest``) is named for what it is, with
what to give instead, rather than failing on its first odd field. Only the start of the file
is read, so this costs the same for a 1 KB file and a 1 GB one.

>>> sniff_text('[{"data": {"text": "…"}, "predictions": []}]').name
'a Label Studio import file (tasks without annotations, as `curate tasks` writes)'
>>> sniff_text('{"id": "a", "lang": "kk", "text": "…", "spans": []}\\n').name
'a spans JSONL (as `curate annotate` writes)'
>>> sniff_text("Алматыда жарты тонна") is None
True
"""

import json
from pathlib import Path
from typing import Any, NamedTuple

#: How much of a file is read to tell what it is.
_HEAD_BYTES = 1 << 16


class FileKind(NamedTuple):
    """A kind of file a user may give: its name in messages and the command it goes to."""

    name: str
    goes_to: str


LABEL_STUDIO_EXPORT = FileKind("a Label Studio JSON export", "curate export, curate agreement")
IMPORT_FILE = FileKind(
    "a Label Studio import file (tasks without annotations, as `curate tasks` writes)",
    "Label Studio's Import; export the annotated project with `curate pull` or Export → JSON",
)
JSON_MIN_EXPORT = FileKind(
    "a Label Studio JSON-MIN export",
    "nothing in curate: it drops the offsets' context; export with Export → JSON instead",
)
CSV_EXPORT = FileKind(
    "a Label Studio CSV export",
    "nothing in curate: export with Export → JSON (or run `curate pull`) instead",
)
SPANS_JSONL = FileKind("a spans JSONL (as `curate annotate` writes)", "reading, not a command")
CORPUS_JSONL = FileKind(
    "a corpus JSONL (as `curate ingest` writes)", "curate annotate, curate tasks, curate push"
)
GOLD_JSONL = FileKind("a gold JSONL (as `curate export` writes)", "downstream training")
CONFLICTS_JSONL = FileKind("a conflicts JSONL (as `curate export` writes)", "reviewers")
AGREEMENT_REPORT = FileKind("an agreement report (`curate agreement --json`)", "reading")
OTHER_JSON = FileKind("a JSON file of another kind", "nothing in curate")


def sniff(path: Path) -> FileKind | None:
    """The kind of the file at ``path`` by its first bytes; None for plain text (an article)."""
    with path.open("rb") as stream:
        head = stream.read(_HEAD_BYTES)
    return sniff_text(head.decode("utf-8-sig", errors="replace"))


def sniff_text(head: str) -> FileKind | None:
    """The kind of a file that starts with ``head``; None for text that is not JSON or CSV."""
    stripped = head.lstrip()
    if stripped.startswith("["):
        if stripped.rstrip() == "[]":
            return OTHER_JSON
        first = _first_value(stripped[1:].lstrip())
        return _kind_of_list_item(first) if first is not None else None
    if stripped.startswith("{"):
        first = _first_value(stripped)
        return _kind_of_record(first) if isinstance(first, dict) else None
    return CSV_EXPORT if _looks_like_label_studio_csv(stripped) else None


def _first_value(text: str) -> Any | None:
    """The first JSON value ``text`` starts with, or None when it is not JSON (or cut off)."""
    try:
        value, _ = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError:
        return None
    return value


def _kind_of_list_item(item: object) -> FileKind:
    if not isinstance(item, dict):
        return OTHER_JSON
    if isinstance(item.get("data"), dict):
        return LABEL_STUDIO_EXPORT if "annotations" in item else IMPORT_FILE
    if "text" in item and {"id", "annotator", "annotation_id"} & item.keys():
        return JSON_MIN_EXPORT
    return OTHER_JSON


def _kind_of_record(record: dict[str, Any]) -> FileKind:
    keys = record.keys()
    if {"span_conflicts", "task_id"} <= keys:
        return CONFLICTS_JSONL
    if {"id", "text", "spans", "task_id"} <= keys:
        return GOLD_JSONL
    if {"id", "lang", "text", "spans"} <= keys:
        return SPANS_JSONL
    if {"id", "text", "source_file", "content_hash"} <= keys:
        return CORPUS_JSONL
    if {"token", "span", "annotators"} <= keys:
        return AGREEMENT_REPORT
    return OTHER_JSON


def _looks_like_label_studio_csv(text: str) -> bool:
    """A header line with the columns Label Studio's CSV export always has."""
    header = {column.strip().strip('"') for column in text.partition("\n")[0].split(",")}
    return {"id", "annotator", "annotation_id"} <= header or {"id", "created_at", "text"} <= header
