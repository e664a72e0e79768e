"""Push, pull and status against the real Label Studio server (never a mock of its API)."""

import contextlib
import fcntl
import http.server
import io
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from loopback import html_site, serving
from typer.testing import CliRunner

from curate.articles import read_articles
from curate.cli import app
from curate.client import LabelStudioClient, LabelStudioUnavailable, connect, export_wait
from curate.credentials import Credentials
from curate.errors import InputError
from curate.labelstudio_export import (
    SnapshotReader,
    SnapshotSummary,
    summarise_file,
    summarise_snapshot,
    summarise_stream,
    summary_by_task_boundaries,
)
from curate.server import free_port, temporary_dir
from curate.sync import _batched, pull, push, status, write_snapshot
from curate.tasks import Task, tasks_from_articles

pytestmark = pytest.mark.server

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CURATE = Path(sys.executable).with_name("curate")
FAKE_KEY = "curate-test-secret-0123456789abcdef"
runner = CliRunner()


@pytest.fixture(scope="module")
def seed_tasks() -> list[Task]:
    return tasks_from_articles(SEEDS)


@pytest.fixture
def client(label_studio) -> LabelStudioClient:
    return label_studio.client()


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty directory, so no .curate/credentials.json is found by accident."""
    monkeypatch.chdir(tmp_path)
    for name in ("LABEL_STUDIO_URL", "LABEL_STUDIO_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def _article_ids(client: LabelStudioClient, project_id: int) -> list[str | None]:
    return sorted(task.article_id or "" for task in client.stored_tasks(project_id))


def _regions(task: Task, count: int) -> list[dict[str, object]]:
    result = task.to_import()["predictions"][0]["result"]
    return [region for region in result if region["type"] == "labels"][:count]


# ---- push --------------------------------------------------------------------------------


def test_push_imports_tasks_with_predictions_visible(
    client: LabelStudioClient, seed_tasks: list[Task], project_title: str
) -> None:
    seen: list[tuple[int, int]] = []

    report = push(
        client, seed_tasks, project_title=project_title, progress=lambda *p: seen.append(p)
    )

    assert (report.imported, report.unchanged, report.total) == (5, 0, 5)
    assert seen == [(0, 5), (5, 5)]
    listed = client.sdk.tasks.list(project=report.project.id, fields="all", page_size=10)
    by_article = {task.data["id"]: task for task in listed}
    for task in seed_tasks:
        prediction = by_article[task.data.id].predictions[0]
        assert prediction.model_version == task.predictions[0].model_version
        assert prediction.result == task.to_import()["predictions"][0]["result"]


def test_push_twice_makes_no_duplicates(
    client: LabelStudioClient, seed_tasks: list[Task], project_title: str
) -> None:
    push(client, seed_tasks, project_title=project_title, batch_size=2)

    again = push(client, seed_tasks, project_title=project_title, batch_size=2)

    assert (again.imported, again.unchanged, again.changed, again.total) == (0, 5, (), 5)
    assert _article_ids(client, again.project.id) == sorted(t.data.id for t in seed_tasks)


def test_push_reads_tasks_as_it_sends_them_and_stops_at_a_repeated_article(
    client: LabelStudioClient, seed_tasks: list[Task], project_title: str
) -> None:
    """Tasks built on demand (as ``curate push`` builds them) are read a batch at a time: a
    repeated article id stops the push before its batch is sent, and a rerun on the mended
    input sends only what is missing."""
    read: list[str] = []

    def stream() -> Iterator[Task]:
        for task in [*seed_tasks[:3], seed_tasks[0], *seed_tasks[3:]]:
            read.append(task.data.id)
            yield task

    with pytest.raises(InputError, match="appears more than once in the input"):
        push(client, stream(), project_title=project_title, batch_size=2)
    project = client.project(project_title)

    assert len(read) == 4  # nothing read past the repeat
    assert _article_ids(client, project.id) == sorted(t.data.id for t in seed_tasks[:2])
    report = push(client, iter(seed_tasks), project_title=project_title, batch_size=2)
    assert (report.imported, report.unchanged, report.total) == (3, 2, 5)


def test_changed_article_is_reported_not_duplicated(
    client: LabelStudioClient, seed_tasks: list[Task], project_title: str
) -> None:
    push(client, seed_tasks, project_title=project_title)
    edited = seed_tasks[2].model_copy(deep=True)
    edited.data.content_hash = "0" * 64

    report = push(client, [*seed_tasks[:2], edited, *seed_tasks[3:]], project_title=project_title)

    assert report.changed == (edited.data.id,)
    assert (report.imported, report.unchanged, report.total) == (0, 4, 5)


def test_push_heals_duplicates_but_keeps_annotated_copies(
    label_studio, client: LabelStudioClient, seed_tasks: list[Task], project_title: str
) -> None:
    first = push(client, seed_tasks, project_title=project_title)
    project_id = first.project.id
    # Copies as an import of a killed push would leave them, committed after it was killed.
    client.import_tasks(project_id, [seed_tasks[0].to_import(), seed_tasks[0].to_import()])
    client.import_tasks(project_id, [seed_tasks[1].to_import()])
    copies = [t for t in client.stored_tasks(project_id) if t.article_id == seed_tasks[1].data.id]
    annotator = label_studio.create_user()
    newest = max(copies, key=lambda t: t.id)
    client.create_annotation(
        newest.id, result=_regions(seed_tasks[1], 1), completed_by=annotator.id
    )

    report = push(client, seed_tasks, project_title=project_title)

    assert report.duplicates_removed == 3
    assert _article_ids(client, project_id) == sorted(t.data.id for t in seed_tasks)
    kept = [t for t in client.stored_tasks(project_id) if t.article_id == seed_tasks[1].data.id]
    assert [t.id for t in kept] == [newest.id]


def _corpus(path: Path, count: int) -> list[str]:
    """A corpus JSONL of ``count`` distinct articles made from the seeds; their ids."""
    seeds = read_articles(SEEDS)
    articles = [
        seeds[i % len(seeds)].model_copy(
            update={"id": f"copy{i:04d}", "source_file": f"copy{i}.txt", "story_id": f"s{i}"}
        )
        for i in range(count)
    ]
    path.write_text("".join(a.to_json() + "\n" for a in articles), encoding="utf-8")
    return [a.id for a in articles]


def test_push_killed_midway_then_rerun_leaves_each_article_once(
    label_studio, client: LabelStudioClient, project_title: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    ids = _corpus(corpus, 120)
    command = [str(CURATE), "push", str(corpus), "--project", project_title, "--batch-size", "8"]
    environment = label_studio.environment()
    seed = random.randrange(1_000_000)
    delay = random.Random(seed).uniform(0.0, 1.5)

    process = subprocess.Popen(command, env=environment, cwd=tmp_path, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while client.find_project(project_title) is None or not client.task_count(
        client.project(project_title).id
    ):
        assert time.monotonic() < deadline and process.poll() is None, "push never started"
        time.sleep(0.05)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    killed_at = client.task_count(client.project(project_title).id)

    rerun = subprocess.run(command, env=environment, cwd=tmp_path, capture_output=True, text=True)

    assert rerun.returncode == 0, rerun.stderr
    project = client.project(project_title)
    listed = list(
        client.sdk.tasks.list(
            project=project.id, include="id,data,total_predictions", page_size=500
        )
    )
    message = f"seed {seed}: killed after {delay:.2f} s with {killed_at} tasks in"
    assert sorted(task.data["id"] for task in listed) == ids, message
    assert {task.total_predictions for task in listed} == {1}, message


@contextlib.contextmanager
def _flaky_proxy(target: str, faults: list[str]) -> Iterator[str]:
    """A proxy to ``target`` whose task imports meet ``faults`` in turn: ``"503"`` answers
    HTTP 503 without forwarding; ``"reset"`` forwards (the server commits) then hangs up."""

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _forward(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            importing = self.command == "POST" and self.path.split("?")[0].endswith("/import")
            fault = faults.pop(0) if importing and faults else None
            if fault == "503":
                self.send_response(503)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            skipped = {"host", "content-length", "accept-encoding", "connection"}
            headers = {k: v for k, v in self.headers.items() if k.lower() not in skipped}
            answer = httpx.request(
                self.command, target + self.path, headers=headers, content=body, timeout=300
            )
            if fault == "reset":
                self.close_connection = True
                return
            self.send_response(answer.status_code)
            for name, value in answer.headers.items():
                if name.lower() not in ("content-length", "transfer-encoding", "content-encoding"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.content)))
            self.end_headers()
            self.wfile.write(answer.content)

        do_GET = do_POST = do_DELETE = do_PATCH = do_PUT = _forward

        def log_message(self, *args: object) -> None:
            pass

    with serving(Handler) as url:
        yield url


def test_push_retries_a_reset_after_commit_and_a_503_without_duplicates(
    label_studio, seed_tasks: list[Task], project_title: str
) -> None:
    faults = ["reset", "503"]

    with _flaky_proxy(label_studio.url, faults) as url:
        client = connect(Credentials(url, label_studio.api_key))
        report = push(client, seed_tasks, project_title=project_title, batch_size=2)

    assert faults == []
    assert (report.imported, report.total, report.duplicates_removed) == (5, 5, 0)
    assert _article_ids(client, report.project.id) == sorted(t.data.id for t in seed_tasks)


def test_push_gives_up_after_bounded_retries_with_a_clear_error(
    label_studio, seed_tasks: list[Task], project_title: str
) -> None:
    with _flaky_proxy(label_studio.url, ["503"] * 4) as url:
        client = connect(Credentials(url, label_studio.api_key))
        with pytest.raises(LabelStudioUnavailable) as raised:
            push(client, seed_tasks, project_title=project_title)

    assert str(raised.value) == (
        f"Label Studio at {url} failed while importing 5 task(s) (HTTP 503): "
        "see the server's log, then rerun"
    )


# ---- pull and status ---------------------------------------------------------------------


def _annotated_project(label_studio, client, seed_tasks, title):
    """Seeds pushed, then two annotators: one does all five, one three and cancels one."""
    project = push(client, seed_tasks, project_title=title).project
    ids = {t.article_id: t.id for t in client.stored_tasks(project.id)}
    first, second = label_studio.create_user("aigerim"), label_studio.create_user("daniyar")
    posted = []
    for number, task in enumerate(seed_tasks):
        task_id = ids[task.data.id]
        result = _regions(task, 2)
        client.create_annotation(task_id, result=result, completed_by=first.id)
        posted.append((task_id, first.email, result))
        if number < 3:
            relevant = {"from_name": "relevant", "to_name": "text", "type": "choices",
                        "value": {"choices": ["yes"]}}  # fmt: skip
            result = [*_regions(task, 1), relevant]
            client.create_annotation(task_id, result=result, completed_by=second.id)
            posted.append((task_id, second.email, result))
    cancelled_task = ids[seed_tasks[4].data.id]
    client.create_annotation(cancelled_task, result=[], completed_by=second.id, was_cancelled=True)
    return project, first, second, posted, cancelled_task


def test_pull_round_trip_equals_what_was_posted(
    label_studio, client: LabelStudioClient, seed_tasks: list[Task], project_title: str, tmp_path
) -> None:
    _, first, second, posted, cancelled_task = _annotated_project(
        label_studio, client, seed_tasks, project_title
    )

    report = pull(client, project_title=project_title, directory=tmp_path)

    snapshot = json.loads(report.path.read_text(encoding="utf-8"))
    pulled = sorted(
        (task["id"], a["completed_by"]["email"], a["result"])
        for task in snapshot
        for a in task["annotations"]
        if not a["was_cancelled"]
    )
    assert pulled == sorted(posted)
    assert report.summary.per_annotator == {first.email: 5, second.email: 3}
    assert report.summary.cancelled == ((cancelled_task, second.email),)
    assert report.summary.mismatches == ()
    assert (report.summary.tasks, report.summary.annotated) == (5, 5)
    assert all(task["predictions"][0]["model_version"] for task in snapshot)
    assert report.path.parent == tmp_path and report.path.name.startswith(project_title.lower()[:8])
    # Cut at task boundaries as Label Studio writes them, on either database; downloaded as
    # stored, not "converted" into a copy left in the server's temporary directory.
    with report.path.open("rb") as written:
        assert summary_by_task_boundaries(written) == report.summary
    assert list(temporary_dir(label_studio.data_dir).iterdir()) == []


def test_a_pull_waits_for_an_export_longer_than_a_request_may_take(
    label_studio, client: LabelStudioClient, seed_tasks: list[Task], project_title: str, tmp_path
) -> None:
    # Label Studio builds the export inside the request that creates it; at 100,000 tasks that
    # outlasted the client's 300-s request timeout. Scaled down: requests time out after 1 s,
    # and the export of 1,000 tasks with predictions takes several.
    tasks = [
        task.model_copy(update={"data": task.data.model_copy(update={"id": f"long{n:04d}"})})
        for n, task in enumerate(seed_tasks[n % len(seed_tasks)] for n in range(1000))
    ]
    push(client, tasks, project_title=project_title)
    impatient = connect(label_studio.credentials, timeout=1.0)

    report = pull(impatient, project_title=project_title, directory=tmp_path)

    assert report.summary.tasks == 1000


def test_pull_never_overwrites_an_earlier_snapshot(
    client: LabelStudioClient, seed_tasks: list[Task], project_title: str, tmp_path: Path
) -> None:
    push(client, seed_tasks, project_title=project_title)
    earlier = pull(client, project_title=project_title, directory=tmp_path).path
    content = earlier.read_bytes()

    later = pull(client, project_title=project_title, directory=tmp_path).path

    assert later != earlier and earlier.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([earlier.name, later.name])


def test_pull_removes_what_a_killed_pull_left_and_nothing_else(
    client: LabelStudioClient, seed_tasks: list[Task], project_title: str, tmp_path: Path
) -> None:
    push(client, seed_tasks, project_title=project_title)
    earlier = pull(client, project_title=project_title, directory=tmp_path).path
    content = earlier.read_bytes()
    # What `kill -9` during the snapshot write leaves: a hidden, half-written temporary file.
    leftover = tmp_path / ".snapshot-k1ll3d.tmp"
    leftover.write_bytes(content[: len(content) // 2])
    others = [".snapshot-notes.txt", "snapshot-draft.tmp", ".other.tmp"]
    for name in others:
        (tmp_path / name).write_text("not curate's\n", encoding="utf-8")

    later = pull(client, project_title=project_title, directory=tmp_path).path

    assert not leftover.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([earlier.name, later.name, *others])
    assert earlier.read_bytes() == content
    assert sorted(task["data"]["id"] for task in json.loads(later.read_bytes())) == sorted(
        task.data.id for task in seed_tasks
    )


def test_a_temporary_file_another_pull_is_writing_is_left_alone(tmp_path: Path) -> None:
    busy = tmp_path / ".snapshot-busy.tmp"
    busy.write_bytes(b"[")
    written: list[Path] = []
    writer = threading.Thread(
        target=lambda: written.append(
            write_snapshot(lambda stream: stream.write(b"[]"), directory=tmp_path, stem="p")[0]
        )
    )
    # Another pull writing `busy` holds the directory's lock, as write_snapshot does.
    other = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(other, fcntl.LOCK_EX)
        writer.start()
        writer.join(timeout=1.0)
        assert writer.is_alive() and busy.exists() and not written
    finally:
        os.close(other)  # the other pull dies: `busy` is now a leftover
    writer.join(timeout=10)

    assert [path.read_bytes() for path in written] == [b"[]"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [written[0].name]


def test_offset_mismatch_is_reported_with_task_and_annotator(
    label_studio, client: LabelStudioClient, seed_tasks: list[Task], project_title: str, in_tmp
) -> None:
    project = push(client, seed_tasks, project_title=project_title).project
    task_id = client.stored_tasks(project.id)[0].id
    annotator = label_studio.create_user()
    drifted = {"from_name": "label", "to_name": "text", "type": "labels",
               "value": {"start": 1, "end": 9, "text": "Алматыда", "labels": ["LOC"]}}  # fmt: skip
    client.create_annotation(task_id, result=[drifted], completed_by=annotator.id)

    result = runner.invoke(
        app, ["pull", "--project", project_title, "-o", "snapshots"], env=label_studio.environment()
    )

    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "offset mismatch" in line]
    assert len(warnings) == 1
    assert f"task {task_id}, {annotator.email}: LOC [1, 9) says 'Алматыда'" in warnings[0]
    assert f"{annotator.email}: 1 annotation\n" in result.stdout  # plural only for many


def test_status_counts_tasks_annotators_and_remaining(
    label_studio, client: LabelStudioClient, seed_tasks: list[Task], project_title: str, in_tmp
) -> None:
    project = push(client, seed_tasks, project_title=project_title).project
    annotator = label_studio.create_user()
    for stored in client.stored_tasks(project.id)[:2]:
        client.create_annotation(stored.id, result=[], completed_by=annotator.id)

    report = status(client, project_title=project_title)
    result = runner.invoke(
        app, ["status", "--project", project_title], env=label_studio.environment()
    )

    assert (report.summary.tasks, report.summary.annotated, report.summary.remaining) == (5, 2, 3)
    assert report.summary.per_annotator == {annotator.email: 2}
    assert list(client.sdk.projects.exports.list(project.id)) == []
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{project_title!r} at {label_studio.url}: 5 tasks, 2 annotated, 3 remaining",
        f"  {annotator.email}: 2 annotations",
    ]


def test_summary_flags_cancelled_and_reads_plain_user_ids() -> None:
    tasks = [
        {"id": 7, "data": {"text": "Алматы"}, "annotations": [
            {"completed_by": 3, "was_cancelled": True, "result": []},
            {"completed_by": 4, "result": [
                {"type": "labels", "value": {"start": 0, "end": 6, "text": "Алматы"}}]},
        ]},
    ]  # fmt: skip

    summary = summarise_snapshot(json.dumps(tasks).encode(), source="a snapshot")

    assert summary.cancelled == ((7, "user:3"),)
    assert summary.per_annotator == {"user:4": 1}
    assert summary.mismatches == ()


def test_a_snapshot_fed_in_small_chunks_summarises_as_the_whole_bytes() -> None:
    tasks = [
        {"id": number, "data": {"text": "Алматы қаласы"}, "annotations": [
            {"completed_by": {"id": 3, "email": "a@x.org"}, "result": [
                {"type": "labels", "value": {"start": 0, "end": 6, "text": "Алматы"}},
                {"type": "labels", "value": {"start": 1, "end": 6, "text": "Алматы"}}]},
            {"completed_by": 4, "was_cancelled": number % 2 == 0, "result": []},
        ]}
        for number in range(50)
    ]  # fmt: skip
    content = json.dumps(tasks, ensure_ascii=False).encode()
    reader = SnapshotReader(source="a snapshot")

    for start in range(0, len(content), 7):  # splits multi-byte characters too
        reader.feed(content[start : start + 7])

    assert reader.summary() == summarise_snapshot(content, source="a snapshot")
    assert reader.summary().tasks == 50 and len(reader.summary().mismatches) == 50
    assert summarise_stream(io.BytesIO(content), source="a snapshot") == reader.summary()
    assert _summarise_read(content, "a snapshot") == reader.summary()


def _summarise_fed(content: bytes, source: str) -> SnapshotSummary:
    reader = SnapshotReader(source=source)
    reader.feed(content)
    return reader.summary()


def _summarise_read(content: bytes, source: str) -> SnapshotSummary:
    """Summarised as a pull does: read back from the file it downloaded."""
    with tempfile.TemporaryFile() as stream:
        stream.write(content)
        stream.seek(0)
        return summarise_file(stream, source=source)


def _as_label_studio_writes(tasks: list[dict[str, object]], **dumps: object) -> bytes:
    """A snapshot's bytes as Label Studio's encoder writes them: each task's id first, its
    annotations next, the json module's default separators (unless ``dumps`` says else)."""
    ordered = [{"id": task["id"], "annotations": [], **task} for task in tasks]
    return json.dumps(ordered, ensure_ascii=False, **dumps).encode()  # type: ignore[arg-type]


class _Trickle(io.RawIOBase):
    """A stream that gives at most ``size`` bytes a read, as a slow download would."""

    def __init__(self, content: bytes, size: int) -> None:
        self._content, self._size, self._position = content, size, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1, /) -> bytes:
        piece = self._content[self._position : self._position + self._size]
        self._position += len(piece)
        return piece


_LOOK_ALIKE_TASKS: list[dict[str, object]] = [
    # A task boundary's bytes inside a text and inside a task's annotations: only the cut
    # after which the task parses whole is taken.
    {"id": 1, "data": {"text": 'Алматы }, {"id": 2, "annotations": '}, "annotations": [
        {"id": 3, "annotations": [], "completed_by": 4, "result": [
            {"type": "labels", "value": {"start": 0, "end": 6, "text": "Алматы"}}]},
        {"id": 5, "annotations": [], "completed_by": 6, "was_cancelled": True, "result": []},
    ]},
    {"id": 7, "data": {"text": "Астана"}, "predictions": [
        {"id": 8, "annotations": [], "result": [
            {"id": "a", "type": "labels", "value": {"start": 0, "end": 6, "text": "Астана"}},
            {"id": "b", "type": "labels", "value": {"start": 0, "end": 3, "text": "Аст"}}]}],
     "annotations": [
        {"completed_by": {"id": 4, "email": "a@x.org"}, "result": [
            {"type": "labels", "value": {"start": 1, "end": 6, "text": "Астана"}}]},
    ]},
    {"id": 9, "data": {"text": ""}},
]  # fmt: skip


@pytest.mark.parametrize("size", [1 << 20, 7, 1])
def test_a_snapshot_as_label_studio_writes_it_is_cut_at_task_boundaries(size: int) -> None:
    content = _as_label_studio_writes(_LOOK_ALIKE_TASKS)

    summary = summary_by_task_boundaries(_Trickle(content, size))

    assert summary == summarise_snapshot(content, source="a snapshot")
    assert summary is not None and (summary.tasks, summary.annotated) == (2 + 1, 2)
    assert summary.per_annotator == {"user:4": 1, "a@x.org": 1}
    assert summary.cancelled == ((1, "user:6"),)
    assert [(m.task_id, m.region_text) for m in summary.mismatches] == [(7, "Астана")]


@pytest.mark.parametrize(
    "content",
    [
        _as_label_studio_writes(_LOOK_ALIKE_TASKS, separators=(",", ":")),
        _as_label_studio_writes(_LOOK_ALIKE_TASKS, indent=2),
        json.dumps([{"data": {"text": ""}, "id": 1}, {"data": {}, "id": 2}]).encode(),
        b" [ ] ",
    ],
    ids=["compact", "indented", "id not first", "empty"],
)
def test_a_snapshot_in_another_shape_is_read_the_slow_way_to_the_same_summary(
    content: bytes,
) -> None:
    assert summary_by_task_boundaries(io.BytesIO(content)) is None
    assert _summarise_read(content, "a snapshot") == summarise_snapshot(content, source="x")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (_as_label_studio_writes(_LOOK_ALIKE_TASKS)[:-1], "cut short after 3 item(s)"),
        (_as_label_studio_writes(_LOOK_ALIKE_TASKS)[:-30], "cut short inside item 2"),
        (_as_label_studio_writes([{"id": 1, "data": {}}, {"id": 2, "data": "x"}]),
         "task 1: data: Input should be a valid dictionary"),
        (_as_label_studio_writes([{"id": 1, "data": {"text": "Алматы"}}]).replace(
            "Алматы".encode(), b"\xd0\xff"), "not UTF-8 text"),
    ],
    ids=["no closing bracket", "cut inside a task", "not a task", "not UTF-8"],
)  # fmt: skip
def test_a_broken_snapshot_as_label_studio_writes_it_is_the_slow_ways_error(
    content: bytes, problem: str
) -> None:
    with pytest.raises(InputError) as raised:
        _summarise_read(content, "the snapshot")

    assert summary_by_task_boundaries(io.BytesIO(content)) is None
    assert f"({problem})" in str(raised.value)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b'{"id": 1}', "not a list"),
        (b"", "empty"),
        (b'[{"id": 1, "data": {}}, {"id": ', "cut short inside item 1"),
        (b'[{"id": "x", "data": {}}]', "task 0: id: Input should be a valid integer"),
    ],
)
@pytest.mark.parametrize("summarise", [_summarise_fed, _summarise_read])
def test_a_snapshot_that_is_not_a_list_of_tasks_is_one_clear_error(
    content: bytes, problem: str, summarise: Callable[[bytes, str], SnapshotSummary]
) -> None:
    with pytest.raises(InputError) as raised:
        summarise(content, "the snapshot Label Studio sent")

    assert str(raised.value).startswith(
        f"the snapshot Label Studio sent is not a JSON list of Label Studio tasks ({problem}"
    )


def test_status_with_cancelled_work_counts_from_a_snapshot_and_leaves_none_behind(
    label_studio, client: LabelStudioClient, seed_tasks: list[Task], project_title: str
) -> None:
    project = push(client, seed_tasks, project_title=project_title).project
    first, second = label_studio.create_user(), label_studio.create_user()
    stored = client.stored_tasks(project.id)
    client.create_annotation(stored[0].id, result=[], completed_by=first.id)
    client.create_annotation(stored[0].id, result=[], completed_by=second.id, was_cancelled=True)
    client.create_annotation(stored[1].id, result=[], completed_by=second.id)
    client.create_annotation(stored[2].id, result=[], completed_by=second.id, was_cancelled=True)

    report = status(client, project_title=project_title)

    assert (report.summary.tasks, report.summary.annotated, report.summary.remaining) == (5, 2, 3)
    assert report.summary.per_annotator == {first.email: 1, second.email: 1}
    assert list(client.sdk.projects.exports.list(project.id)) == []


# ---- errors and secrets ------------------------------------------------------------------


@pytest.fixture(scope="module")
def not_label_studio() -> Iterator[str]:
    """A web server that is not Label Studio: 404 for the API, an HTML page at /."""
    with html_site(everywhere=False) as url:
        yield url


def _one_error_line(arguments: list[str], environment: dict[str, str]) -> str:
    result = runner.invoke(app, arguments, env=environment)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert FAKE_KEY not in result.output
    return lines[0]


@pytest.mark.parametrize("command", [["push", str(SEEDS)], ["pull"], ["status"]])
def test_server_down_is_one_error_line(command: list[str], in_tmp: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"

    line = _one_error_line(command, {"LABEL_STUDIO_URL": url, "LABEL_STUDIO_API_KEY": FAKE_KEY})

    assert line == (
        f"Error: no Label Studio answers at {url}: start one with `curate up`, "
        "or set LABEL_STUDIO_URL"
    )


@pytest.mark.parametrize("command", [["push", str(SEEDS)], ["pull"], ["status"]])
def test_wrong_key_is_one_error_line_without_the_key(
    label_studio, command: list[str], in_tmp: Path
) -> None:
    line = _one_error_line(
        command, {"LABEL_STUDIO_URL": label_studio.url, "LABEL_STUDIO_API_KEY": FAKE_KEY}
    )

    assert line.startswith(
        f"Error: Label Studio at {label_studio.url} refused the API key (HTTP 401)"
    )


@pytest.mark.parametrize("path", ["", "/"])
def test_url_that_is_not_label_studio_is_one_error_line(
    not_label_studio: str, path: str, in_tmp: Path
) -> None:
    environment = {"LABEL_STUDIO_URL": not_label_studio + path, "LABEL_STUDIO_API_KEY": FAKE_KEY}

    line = _one_error_line(["status"], environment)

    assert line == (
        f"Error: {not_label_studio} does not look like Label Studio "
        "(GET /api/version answered HTTP 404): check LABEL_STUDIO_URL"
    )


def test_url_without_scheme_and_missing_configuration_are_one_error_line(in_tmp: Path) -> None:
    line = _one_error_line(
        ["pull"], {"LABEL_STUDIO_URL": "localhost:8080", "LABEL_STUDIO_API_KEY": FAKE_KEY}
    )
    assert line == (
        "Error: LABEL_STUDIO_URL must be an http:// or https:// URL, not 'localhost:8080'"
    )

    line = _one_error_line(["status"], {})
    assert line.startswith("Error: no Label Studio configured: run `curate up`")


def test_missing_project_is_one_error_line(label_studio, in_tmp: Path) -> None:
    line = _one_error_line(["pull", "--project", "no such project"], label_studio.environment())

    assert line == (
        f"Error: no project titled 'no such project' at {label_studio.url}: "
        "create it with `curate push`"
    )


def test_commands_never_print_or_write_the_api_key(
    label_studio, project_title: str, in_tmp: Path
) -> None:
    environment = label_studio.environment()
    outputs = [
        runner.invoke(app, arguments, env=environment)
        for arguments in (
            ["push", str(SEEDS), "--project", project_title],
            ["pull", "--project", project_title, "-o", "snapshots"],
            ["status", "--project", project_title],
        )
    ]

    assert [result.exit_code for result in outputs] == [0, 0, 0]
    for result in outputs:
        assert label_studio.api_key not in result.output
    for written in in_tmp.rglob("*"):
        if written.is_file():
            assert label_studio.api_key.encode() not in written.read_bytes()
    assert os.listdir(in_tmp / "snapshots")


@pytest.mark.parametrize(("tasks", "wait"), [(0, 600.0), (6_000, 600.0), (100_000, 10_000.0)])
def test_a_large_project_is_given_time_to_export(tasks: int, wait: float) -> None:
    # A fixed ten minutes failed the pull of a 100,000-task project whose export was merely long.
    assert export_wait(tasks) == wait


def test_a_push_batch_ends_at_its_task_count_or_its_characters(seed_tasks: list[Task]) -> None:
    first_two = sum(len(task.data.text) for task in seed_tasks[:2])

    by_characters = list(_batched([None, *seed_tasks, None], 500, first_two))

    assert [task for batch in by_characters for task in batch] == seed_tasks
    assert len(by_characters[0]) == 2
    assert all(
        sum(len(task.data.text) for task in batch) <= first_two or len(batch) == 1
        for batch in by_characters
    )
    assert [len(batch) for batch in _batched(seed_tasks, 2, 10**9)] == [2, 2, 1]
    # a task longer than the budget goes alone, never waits for company
    assert [len(batch) for batch in _batched(seed_tasks, 500, 1)] == [1] * len(seed_tasks)
