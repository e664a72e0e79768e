"""Push tasks to a Label Studio project, pull its annotations as export snapshots, report status.

Push is keyed by article id (``data.id``): it imports only the articles the project lacks,
in batches, each one server transaction. A rerun, or a rerun after a push was killed half
way, ends with each article exactly once: tasks an interrupted import committed after the
rerun looked are found by a final count and removed if they have no annotations.
"""

import contextlib
import fcntl
import gc
import json
import os
import re
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from curate.client import LabelStudioClient, LabelStudioUnavailable, Project, StoredTask
from curate.errors import InputError, LabelStudioError
from curate.label_config import DEFAULT_PROJECT, read_guidelines, read_label_config
from curate.tasks import Task

SNAPSHOT_DIR = Path("exports") / "snapshots"
#: A pull writes its snapshot to a hidden ``.snapshot-*.tmp`` file first (see write_snapshot).
TEMPORARY_PREFIX, TEMPORARY_SUFFIX = ".snapshot-", ".tmp"
BATCH_SIZE = 500
IMPORT_ATTEMPTS = 4

#: ``progress(done, total)``, called after each batch.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PushReport:
    """What a push did: tasks imported, already there, changed since, and duplicates healed."""

    project: Project
    imported: int
    unchanged: int
    changed: tuple[str, ...]
    duplicates_removed: int
    total: int


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


@dataclass(frozen=True)
class PullReport:
    path: Path
    summary: SnapshotSummary


@dataclass(frozen=True)
class ProjectStatus:
    project: Project
    summary: SnapshotSummary


def ensure_project(client: LabelStudioClient, title: str) -> Project:
    """The project titled ``title``; created with curate's label config and guidelines if new."""
    # Read both first: a broken file fails before anything is sent.
    label_config = read_label_config()
    instructions = read_guidelines()
    project = client.find_project(title)
    if project is not None:
        return project
    return client.create_project(title, label_config=label_config.xml, instructions=instructions)


def push(
    client: LabelStudioClient,
    tasks: Sequence[Task],
    *,
    project_title: str = DEFAULT_PROJECT,
    batch_size: int = BATCH_SIZE,
    progress: Progress | None = None,
) -> PushReport:
    """Import the ``tasks`` the project lacks, keyed by article id; create the project if needed."""
    _check_unique_articles(tasks)
    project = ensure_project(client, project_title)
    stored, removed = _without_duplicates(
        client, project, client.stored_tasks(project.id) if project.task_count else []
    )
    present = {task.article_id: task.content_hash for task in stored}
    missing = [task for task in tasks if task.data.id not in present]
    changed = tuple(
        task.data.id
        for task in tasks
        if task.data.id in present and present[task.data.id] != task.data.content_hash
    )
    imported = 0
    for batch in _batched(missing, batch_size):
        if progress is not None:
            progress(imported, len(missing))
        imported += _import_exactly_once(client, project, batch)
    if progress is not None:
        progress(imported, len(missing))
    total = client.task_count(project.id)
    if total > len(stored) + imported:
        # An import of an earlier, killed push committed after this one listed the tasks.
        _, healed = _without_duplicates(client, project, client.stored_tasks(project.id))
        removed, total = removed + healed, total - healed
    return PushReport(
        project=project,
        imported=imported,
        unchanged=len(tasks) - len(missing) - len(changed),
        changed=changed,
        duplicates_removed=removed,
        total=total,
    )


def pull(
    client: LabelStudioClient,
    *,
    project_title: str = DEFAULT_PROJECT,
    directory: Path = SNAPSHOT_DIR,
) -> PullReport:
    """Write the project's export snapshot to a new timestamped file in ``directory``; check it."""
    project = client.project(project_title)
    content = client.export_snapshot(project.id)
    summary = summarise_snapshot(_parse_snapshot(content, url=client.url))
    path = write_snapshot(content, directory=directory, stem=_slug(project.title))
    return PullReport(path=path, summary=summary)


def status(client: LabelStudioClient, *, project_title: str = DEFAULT_PROJECT) -> ProjectStatus:
    """Tasks, annotated tasks, annotations per annotator and what remains, from a fresh snapshot."""
    project = client.project(project_title)
    content = client.export_snapshot(project.id, predictions=False, keep=False)
    tasks = _parse_snapshot(content, url=client.url)
    return ProjectStatus(project=project, summary=summarise_snapshot(tasks))


def summarise_snapshot(tasks: Sequence[Mapping[str, Any]]) -> SnapshotSummary:
    """Per-annotator counts, cancelled annotations and offset mismatches of an export's tasks."""
    per_annotator: Counter[str] = Counter()
    cancelled: list[tuple[int, str]] = []
    mismatches: list[OffsetMismatch] = []
    annotated = 0
    for task in tasks:
        task_id = int(task.get("id", 0))
        text = str((task.get("data") or {}).get("text", ""))
        completed = False
        for annotation in task.get("annotations") or []:
            annotator = annotator_name(annotation.get("completed_by"))
            if annotation.get("was_cancelled"):
                cancelled.append((task_id, annotator))
                continue
            completed = True
            per_annotator[annotator] += 1
            mismatches.extend(_offset_mismatches(annotation, text, task_id=task_id, by=annotator))
        annotated += completed
    return SnapshotSummary(
        tasks=len(tasks),
        annotated=annotated,
        per_annotator=dict(sorted(per_annotator.items())),
        cancelled=tuple(cancelled),
        mismatches=tuple(mismatches),
    )


def annotator_name(completed_by: object) -> str:
    """An annotation's author: the email of an expanded ``completed_by``, else ``user:<id>``.

    >>> annotator_name({"id": 3, "email": "aigerim@example.org"}), annotator_name(3)
    ('aigerim@example.org', 'user:3')
    """
    if isinstance(completed_by, Mapping):
        return str(completed_by.get("email") or f"user:{completed_by.get('id')}")
    return f"user:{completed_by}"


def write_snapshot(content: bytes, *, directory: Path, stem: str) -> Path:
    """Write ``content`` to a new ``<stem>-<UTC time>.json`` in ``directory``, atomically.

    The file appears whole or not at all, and an existing file is never replaced. It is
    written to a hidden temporary file first, which a process killed mid-write (``kill -9``)
    leaves behind; writers to one directory take turns (a lock on it), so each removes such
    leftovers first without touching a file another is writing.
    """
    directory.mkdir(parents=True, exist_ok=True)
    with _locked(directory):
        _remove_leftovers(directory)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        with _temporary_file(directory, content) as temporary:
            for attempt in range(100):
                path = directory / f"{stem}-{stamp}{f'-{attempt}' if attempt else ''}.json"
                try:
                    os.link(temporary, path)
                except FileExistsError:
                    continue
                return path
    raise LabelStudioError(f"{directory}: could not find a free snapshot name for {stem}")


def _check_unique_articles(tasks: Sequence[Task]) -> None:
    counts = Counter(task.data.id for task in tasks)
    repeated = sorted(article for article, count in counts.items() if count > 1)
    if repeated:
        raise InputError(
            f"article id(s) {', '.join(repeated[:5])} appear more than once in the input: "
            "each article must be pushed once"
        )


def _batched(tasks: list[Task], size: int) -> Iterator[list[Task]]:
    for start in range(0, len(tasks), size):
        yield tasks[start : start + size]


def _import_exactly_once(client: LabelStudioClient, project: Project, batch: list[Task]) -> int:
    """Import ``batch``; after a lost connection or a 5xx, import only what did not arrive."""
    pending = batch
    for attempt in range(IMPORT_ATTEMPTS):
        try:
            client.import_tasks(project.id, [task.to_import() for task in pending])
            return len(batch)
        except LabelStudioUnavailable:
            if attempt == IMPORT_ATTEMPTS - 1:
                raise
            time.sleep(0.5 * 2**attempt)
            arrived = {stored.article_id for stored in client.stored_tasks(project.id)}
            pending = [task for task in pending if task.data.id not in arrived]
            if not pending:
                return len(batch)
    return len(batch)


def _without_duplicates(
    client: LabelStudioClient, project: Project, stored: list[StoredTask]
) -> tuple[list[StoredTask], int]:
    """Delete extra copies of an article that have no annotations (the annotated or oldest copy
    stays); return the tasks left and how many were deleted."""
    copies: defaultdict[str | None, list[StoredTask]] = defaultdict(list)
    for task in stored:
        copies[task.article_id].append(task)
    extra = {
        task.id
        for article_id, tasks in copies.items()
        if article_id is not None and len(tasks) > 1
        for task in sorted(tasks, key=lambda t: (t.annotations == 0, t.id))[1:]
        if task.annotations == 0
    }
    if extra:
        client.delete_tasks(project.id, sorted(extra))
    return [task for task in stored if task.id not in extra], len(extra)


def _offset_mismatches(
    annotation: Mapping[str, Any], text: str, *, task_id: int, by: str
) -> list[OffsetMismatch]:
    found = []
    for region in annotation.get("result") or []:
        value = region.get("value") or {}
        # A per-region TextArea's "text" is what was typed (a list), not the region's text.
        if not {"start", "end", "text"} <= value.keys() or not isinstance(value["text"], str):
            continue
        start, end, region_text = value["start"], value["end"], value["text"]
        if text[start:end] != region_text:
            found.append(
                OffsetMismatch(
                    task_id=task_id,
                    annotator=by,
                    label=", ".join(value.get("labels") or []),
                    start=start,
                    end=end,
                    region_text=region_text,
                    text_at_offsets=text[start:end],
                )
            )
    return found


def _parse_snapshot(content: bytes, *, url: str) -> list[dict[str, Any]]:
    try:
        with _cyclic_gc_paused():
            tasks = json.loads(content)
    except (json.JSONDecodeError, UnicodeDecodeError):
        tasks = None
    if not isinstance(tasks, list):
        raise LabelStudioError(
            f"Label Studio at {url} sent an export snapshot that is not a JSON list of tasks: "
            "rerun; if it persists, export from the UI and check the file"
        )
    return tasks


def _slug(title: str) -> str:
    """A file-name-safe form of a project title.

    >>> _slug("Drug-crime news NER")
    'drug-crime-news-ner'
    """
    return re.sub(r"[^\w]+", "-", title.lower(), flags=re.ASCII).strip("-") or "project"


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: parsing a snapshot allocates millions of dicts and
    lists, none of them cyclic, which it would scan again and again (10,000 tasks, 115 MB:
    3 s to parse instead of 5-11 s, a fifth of a pull)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _remove_leftovers(directory: Path) -> None:
    """Remove the hidden temporary snapshot files in ``directory``, which must be locked:
    then no writer is busy with one, so each is what a killed pull left. One that cannot be
    removed (another user's) stays."""
    for leftover in directory.glob(f"{TEMPORARY_PREFIX}*{TEMPORARY_SUFFIX}"):
        with contextlib.suppress(OSError):
            leftover.unlink()


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``directory``, waiting for it if another process has it.

    A ``flock``, which the kernel releases when its process dies, even by ``kill -9``.
    """
    handle = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


@contextlib.contextmanager
def _temporary_file(directory: Path, content: bytes) -> Iterator[str]:
    """A synced hidden temporary file holding ``content`` in ``directory``, removed on exit."""
    handle, temporary = tempfile.mkstemp(
        dir=directory, prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX
    )
    try:
        os.fchmod(handle, 0o644)
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        yield temporary
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
