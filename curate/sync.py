"""Push tasks to a Label Studio project, pull its annotations as export snapshots, report status.

Push is keyed by article id (``data.id``): it imports only the articles the project lacks,
in batches, each one server transaction. A rerun, or a rerun after a push was killed half
way, ends with each article exactly once: tasks an interrupted import committed after the
rerun looked are found by a final count and removed if they have no annotations.
"""

import contextlib
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, NamedTuple, TypeVar

from curate.client import (
    LabelStudioClient,
    LabelStudioUnavailable,
    Project,
    StoredTask,
    TaskProgress,
    connect,
    connect_configured,
)
from curate.credentials import load_credentials
from curate.errors import InputError, LabelStudioError
from curate.files import atomic_writer, locked
from curate.label_config import DEFAULT_PROJECT, read_guidelines, read_label_config
from curate.labelstudio_export import SnapshotReader, SnapshotSummary, summarise_file
from curate.tasks import ArticleTasks, Task

SNAPSHOT_DIR = Path("exports") / "snapshots"
#: A pull writes its snapshot to a hidden ``.snapshot-*.tmp`` file first (see write_snapshot).
TEMPORARY_PREFIX, TEMPORARY_SUFFIX = ".snapshot-", ".tmp"
#: A batch holds at most this many tasks and, unless one task alone is longer, this many
#: characters of article text: 500 news-length tasks with predictions take Label Studio
#: about 10 s, and a batch of long reports must stay as far from the request timeout.
BATCH_SIZE = 500
BATCH_CHARACTERS = 4_000_000
IMPORT_ATTEMPTS = 4

#: ``progress(done, total)``, called after each batch.
Progress = Callable[[int, int], None]
Checked = TypeVar("Checked")
Batch = TypeVar("Batch")


@dataclass(frozen=True)
class PushReport:
    """What a push did: tasks imported, already there, changed since, and duplicates healed."""

    project: Project
    imported: int
    unchanged: int
    changed: tuple[str, ...]
    duplicates_removed: int
    total: int
    url: str


@dataclass(frozen=True)
class PullReport:
    path: Path
    summary: SnapshotSummary


@dataclass(frozen=True)
class ProjectStatus:
    project: Project
    summary: SnapshotSummary
    url: str


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
    tasks: Iterable[Task],
    *,
    project_title: str = DEFAULT_PROJECT,
    batch_size: int = BATCH_SIZE,
    progress: Progress | None = None,
    total: int | None = None,
) -> PushReport:
    """Import the ``tasks`` the project lacks, keyed by article id; create the project if needed.

    ``tasks`` are read once, a batch at a time (the next built while one is sent), so an
    iterator that builds them on demand keeps memory flat at any project size
    (:func:`push_articles` does that). ``total``, the number of tasks (``len(tasks)`` when it
    has one), drives ``progress``. An article id
    given twice is an error before the batch holding the second is sent; the batches before
    it are in the project, and a rerun on the mended input sends only what is missing.
    """
    project = ensure_project(client, project_title)
    stored, removed = _without_duplicates(
        client, project, client.stored_tasks(project.id) if project.task_count else []
    )
    present = {task.article_id: task.content_hash for task in stored}
    total = len(tasks) if total is None and isinstance(tasks, Sized) else total
    sorted_out = _SortedOut(present)
    shown = -1

    def show_progress() -> None:
        nonlocal shown
        if progress is not None and sorted_out.read != shown:
            shown = sorted_out.read
            progress(shown, total or shown)

    show_progress()
    imported = 0
    batches = _batched(map(sorted_out.missing, tasks), batch_size, BATCH_CHARACTERS)
    for batch in _one_ahead(map(_EncodedBatch.of, batches)):
        imported += _import_exactly_once(client, project, batch)
        show_progress()
    show_progress()
    count = client.task_count(project.id)
    if count > len(stored) + imported:
        # An import of an earlier, killed push committed after this one listed the tasks.
        _, healed = _without_duplicates(client, project, client.stored_tasks(project.id))
        removed, count = removed + healed, count - healed
    return PushReport(
        project=project,
        imported=imported,
        unchanged=sorted_out.unchanged,
        changed=tuple(sorted_out.changed),
        duplicates_removed=removed,
        total=count,
        url=client.url,
    )


class _SortedOut:
    """Tells the tasks a push must send from those the project has (same or changed), and
    refuses an article id given twice, as the tasks stream past."""

    def __init__(self, present: dict[str, str | None]) -> None:
        self.present = present
        self.seen: set[str] = set()
        self.unchanged = 0
        self.changed: list[str] = []

    @property
    def read(self) -> int:
        """How many tasks went past."""
        return len(self.seen)

    def missing(self, task: Task) -> Task | None:
        """``task`` when the project lacks its article, else None (counted)."""
        article = task.data.id
        if article in self.seen:
            raise InputError(
                f"article id {article} appears more than once in the input: each article must "
                "be pushed once"
            )
        self.seen.add(article)
        if article not in self.present:
            return task
        if self.present[article] == task.data.content_hash:
            self.unchanged += 1
        else:
            self.changed.append(article)
        return None


def pull(
    client: LabelStudioClient,
    *,
    project_title: str = DEFAULT_PROJECT,
    directory: Path = SNAPSHOT_DIR,
) -> PullReport:
    """Write the project's export snapshot to a new timestamped file in ``directory``; check it."""
    project = client.project(project_title)

    def download(stream: IO[bytes]) -> SnapshotSummary:
        # Downloaded whole, then checked from the file. Parsing in a thread while the bytes
        # came made the download of 100,000 tasks take 118 s where the bytes alone take 12 s
        # (the two threads took turns on the GIL); reading it back takes 10 s.
        client.download_snapshot(project, stream.write)
        stream.flush()
        with open(stream.fileno(), "rb", closefd=False) as written:
            written.seek(0)
            return summarise_file(written, source=_snapshot_source(client))

    path, summary = write_snapshot(download, directory=directory, stem=_slug(project.title))
    return PullReport(path=path, summary=summary)


def status(client: LabelStudioClient, *, project_title: str = DEFAULT_PROJECT) -> ProjectStatus:
    """Tasks, annotated tasks, annotations per annotator and what remains.

    From the task list when it tells who made each annotation (no task was cancelled, nobody
    annotated a task twice), else from a snapshot without predictions, streamed and deleted.
    """
    project = client.project(project_title)
    progress = client.task_progress(project.id)
    summary = _summary_of_task_list(progress, client.user_emails)
    if summary is None:
        reader = SnapshotReader(source=_snapshot_source(client))
        client.download_snapshot(project, reader.feed, predictions=False, keep=False)
        summary = reader.summary()
    return ProjectStatus(project=project, summary=summary, url=client.url)


def _summary_of_task_list(
    progress: Sequence[TaskProgress], user_emails: Callable[[], dict[int, str]]
) -> SnapshotSummary | None:
    """The counts :func:`status` reports, if the task list pins them down; else None.

    A task lists each annotator once, so only where its completed annotations equal its
    annotators and none was cancelled is every annotator known to have made exactly one.
    """
    if any(task.cancelled or task.annotations != len(task.annotator_ids) for task in progress):
        return None
    per_user = Counter(user for task in progress for user in task.annotator_ids)
    emails = user_emails() if per_user else {}
    per_annotator = Counter(
        {emails.get(user) or f"user:{user}": count for user, count in per_user.items()}
    )
    return SnapshotSummary(
        tasks=len(progress),
        annotated=sum(task.annotations > 0 for task in progress),
        per_annotator=dict(sorted(per_annotator.items())),
        cancelled=(),
        mismatches=(),
    )


def push_articles(
    source: Path,
    *,
    project_title: str = DEFAULT_PROJECT,
    url: str | None = None,
    batch_size: int = BATCH_SIZE,
    progress: Progress | None = None,
    skip_bad: bool = False,
    learned: Path | None = None,
) -> PushReport:
    """``curate push``: the articles at ``source`` with the rules' predictions, into the
    project of the configured Label Studio (``url``, else $LABEL_STUDIO_URL or the credentials
    file). The configuration and every article are checked before anything is sent."""
    credentials = load_credentials(url=url)
    tasks = ArticleTasks(source, skip_bad=skip_bad, learned=learned)
    client = connect(credentials)
    return push(
        client, tasks, project_title=project_title, batch_size=batch_size, progress=progress
    )


def pull_project(
    *,
    project_title: str = DEFAULT_PROJECT,
    directory: Path = SNAPSHOT_DIR,
    url: str | None = None,
) -> PullReport:
    """``curate pull`` from the configured Label Studio (see :func:`push_articles`)."""
    return pull(connect_configured(url), project_title=project_title, directory=directory)


def project_status(
    *, project_title: str = DEFAULT_PROJECT, url: str | None = None
) -> ProjectStatus:
    """``curate status`` of a project on the configured Label Studio."""
    return status(connect_configured(url), project_title=project_title)


def write_snapshot(
    write: Callable[[IO[bytes]], Checked], *, directory: Path, stem: str
) -> tuple[Path, Checked]:
    """Have ``write`` fill a new ``<stem>-<UTC time>.json`` in ``directory``, atomically;
    return its path and what ``write`` returned (a check of what it wrote).

    The file appears whole or not at all (not if ``write`` raises), and an existing file is
    never replaced. It is written to a hidden temporary file first, which a process killed
    mid-write (``kill -9``) leaves behind; writers to one directory take turns (a lock on it,
    held while ``write`` downloads), so each removes such leftovers first without touching a
    file another is writing.
    """
    directory.mkdir(parents=True, exist_ok=True)
    with locked(directory):
        _remove_leftovers(directory)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        for attempt in range(100):
            path = directory / f"{stem}-{stamp}{f'-{attempt}' if attempt else ''}.json"
            try:
                with atomic_writer(
                    path, binary=True, replace=False, temporary_prefix=TEMPORARY_PREFIX
                ) as stream:
                    checked = write(stream)
            except FileExistsError:
                continue
            return path, checked
    raise LabelStudioError(f"{directory}: could not find a free snapshot name for {stem}")


def _batched(tasks: Iterable[Task | None], size: int, characters: int) -> Iterator[list[Task]]:
    """The tasks (Nones skipped) in lists of at most ``size`` tasks and ``characters`` of
    text (a longer task alone), in order."""
    batch: list[Task] = []
    length = 0
    for task in tasks:
        if task is None:
            continue
        if batch and length + len(task.data.text) > characters:
            yield batch
            batch, length = [], 0
        batch.append(task)
        length += len(task.data.text)
        if len(batch) == size:
            yield batch
            batch, length = [], 0
    if batch:
        yield batch


class _EncodedBatch(NamedTuple):
    """Tasks to import and the JSON array that imports them."""

    tasks: list[Task]
    tasks_json: str

    @classmethod
    def of(cls, tasks: list[Task]) -> "_EncodedBatch":
        return cls(tasks, _tasks_json(tasks))


def _tasks_json(tasks: Sequence[Task]) -> str:
    return f"[{','.join(task.import_json() for task in tasks)}]"


def _one_ahead(batches: Iterator[Batch]) -> Iterator[Batch]:
    """``batches`` in order, each next one built in a thread while the caller sends this one:
    building a batch (reading articles, running the rules for the predictions, encoding the
    request) overlaps Label Studio's import of the last, during which the caller waits on
    the socket without holding the GIL. An error building a batch is raised when the caller
    asks for that batch, so the batches before it have been sent."""
    with ThreadPoolExecutor(max_workers=1) as builder:
        upcoming = builder.submit(next, batches, None)
        while (batch := upcoming.result()) is not None:
            upcoming = builder.submit(next, batches, None)
            yield batch


def _import_exactly_once(client: LabelStudioClient, project: Project, batch: _EncodedBatch) -> int:
    """Import ``batch``; after a lost connection or a 5xx, import only what did not arrive."""
    pending, tasks_json = batch
    for attempt in range(IMPORT_ATTEMPTS):
        try:
            client.import_tasks_json(project.id, tasks_json, count=len(pending))
            return len(batch.tasks)
        except LabelStudioUnavailable:
            if attempt == IMPORT_ATTEMPTS - 1:
                raise
            time.sleep(0.5 * 2**attempt)
            arrived = {stored.article_id for stored in client.stored_tasks(project.id)}
            pending = [task for task in pending if task.data.id not in arrived]
            if not pending:
                return len(batch.tasks)
            tasks_json = _tasks_json(pending)
    return len(batch.tasks)


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


def _snapshot_source(client: LabelStudioClient) -> str:
    return f"the export snapshot Label Studio at {client.url} sent"


def _slug(title: str) -> str:
    """A file-name-safe form of a project title.

    >>> _slug("Drug-crime news NER")
    'drug-crime-news-ner'
    """
    return re.sub(r"[^\w]+", "-", title.lower(), flags=re.ASCII).strip("-") or "project"


def _remove_leftovers(directory: Path) -> None:
    """Remove the hidden temporary snapshot files in ``directory``, which must be locked:
    then no writer is busy with one, so each is what a killed pull left. One that cannot be
    removed (another user's) stays."""
    for leftover in directory.glob(f"{TEMPORARY_PREFIX}*{TEMPORARY_SUFFIX}"):
        with contextlib.suppress(OSError):
            leftover.unlink()
