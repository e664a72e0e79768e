"""The fault suite against real Label Studio servers: nothing lost, nothing duplicated.

- 20 pushes killed with SIGKILL at random points (one seed each), each rerun: every article
  exactly once, each with its whole prediction. Each push runs in a process forked from one
  that imported curate once, which saves the seconds of start-up a kill would mostly waste.
- A dedicated server killed in the middle of a push, and stopped in the middle of a pull,
  then restarted: one ``Error:`` line, the rerun completes, no partial snapshot file, the
  earlier snapshot untouched.
- Transient failures through a loopback proxy: HTTP 503 and connection resets before and
  after the server saw the request, an answer cut in the middle: retried with bounded
  backoff, then one clear error; a rerun completes.

Already in ``test_sync.py`` and not repeated here: a CLI push killed once mid-way, a reset
after an import committed, a 503 on an import, and the error after bounded import retries.
"""

import contextlib
import http.server
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from loopback import serving

from curate.articles import read_articles
from curate.client import LabelStudioClient, LabelStudioUnavailable, connect
from curate.credentials import KEY_VARIABLE, URL_VARIABLE, Credentials
from curate.postgres import Database
from curate.server import (
    AdminAccount,
    LabelStudioServer,
    copy_data_dir,
    free_port,
    start_server,
)
from curate.sync import pull, push, status
from curate.tasks import Task, tasks_from_articles

pytestmark = pytest.mark.server

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CURATE = Path(sys.executable).with_name("curate")
TRIALS = 20
TRIAL_TASKS = 30
TRIAL_BATCH = 3

#: A process that imports curate once (seconds: label-studio-sdk, the rules) and then, for
#: each project title read from stdin, forks a child that runs ``curate.sync.push`` of the
#: tasks in the JSONL file ``argv[1]`` (what ``curate push`` runs once it has built them).
#: The child says ``pushing <pid>`` once connected; the parent, ``exit <status>`` once the
#: child is gone (killed by SIGKILL: ``exit -9``).
PUSHER = """
import os, sys
from pathlib import Path
from curate.client import connect
from curate.credentials import load_credentials
from curate.sync import push
from curate.tasks import Task
tasks = [Task.model_validate_json(line) for line in Path(sys.argv[1]).read_text().splitlines()]
print("ready", flush=True)
for title in sys.stdin:
    child = os.fork()
    if child == 0:
        client = connect(load_credentials())
        print(f"pushing {os.getpid()}", flush=True)
        push(client, tasks, project_title=title.strip(), batch_size=int(sys.argv[2]))
        os._exit(0)
    status = os.waitpid(child, 0)[1]
    print(f"exit {os.waitstatus_to_exitcode(status)}", flush=True)
"""


@pytest.fixture(scope="module")
def seed_tasks() -> list[Task]:
    return tasks_from_articles(SEEDS)


def copies(seed_tasks: list[Task], count: int, *, prefix: str = "copy") -> list[Task]:
    """``count`` tasks cycling over the seeds' tasks, each with its own article id."""
    made = []
    for number in range(count):
        task = seed_tasks[number % len(seed_tasks)].model_copy(deep=True)
        task.data.id = f"{prefix}{number:04d}"
        made.append(task)
    return made


def write_corpus(path: Path, count: int) -> list[str]:
    """A corpus JSONL of ``count`` articles made from the seeds, for the command line."""
    seeds = read_articles(SEEDS)
    articles = [
        seeds[i % len(seeds)].model_copy(update={"id": f"copy{i:04d}", "story_id": f"s{i}"})
        for i in range(count)
    ]
    path.write_text("".join(a.to_json() + "\n" for a in articles), encoding="utf-8")
    return [a.id for a in articles]


def check_each_task_once_with_its_prediction(
    client: LabelStudioClient, project_id: int, tasks: list[Task], *, context: str = ""
) -> None:
    """Exactly the given tasks are in the project, once each, with their whole prediction."""
    listed = list(client.sdk.tasks.list(project=project_id, fields="all", page_size=1000))
    found = sorted(task.data["id"] for task in listed)
    assert found == sorted(task.data.id for task in tasks), context
    regions = {task.data.id: len(task.predictions[0].result) for task in tasks}
    for task in listed:
        assert len(task.predictions) == 1, f"{context}: task {task.id}"
        assert len(task.predictions[0].result) == regions[task.data["id"]], f"{context}: {task.id}"


# ---- kill -9 of a push, 20 trials ------------------------------------------------------------


@dataclass(frozen=True)
class KillTrial:
    seed: int
    delay: float
    tasks_at_kill: int
    running_at_kill: bool
    rerun_imported: int
    duplicates_removed: int


@contextlib.contextmanager
def pusher(environment: dict[str, str], tasks_file: Path) -> Iterator[subprocess.Popen[str]]:
    """The :data:`PUSHER` process, ready for titles."""
    process = subprocess.Popen(
        [sys.executable, "-c", PUSHER, str(tasks_file), str(TRIAL_BATCH)],
        env=environment,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        assert process.stdout.readline() == "ready\n"
        yield process
    finally:
        process.stdin.close()
        process.wait(timeout=30)


def kill_push_and_rerun(
    process: subprocess.Popen[str],
    client: LabelStudioClient,
    tasks: list[Task],
    *,
    title: str,
    seed: int,
    window: float,
) -> KillTrial:
    """Start a push, SIGKILL it after a delay drawn with ``seed``, rerun it, check the project."""
    assert process.stdin is not None and process.stdout is not None
    delay = random.Random(seed).uniform(0.0, window)
    process.stdin.write(title + "\n")
    process.stdin.flush()
    started = process.stdout.readline()
    assert started.startswith("pushing "), started
    time.sleep(delay)
    with contextlib.suppress(ProcessLookupError):  # already done and reaped
        os.kill(int(started.split()[1]), signal.SIGKILL)
    running = process.stdout.readline() == f"exit {-signal.SIGKILL}\n"
    project = client.find_project(title)
    at_kill = client.task_count(project.id) if project else 0
    # A rerun starts seconds later (the command line alone takes longer to start): by then
    # an import the killed push had sent has finished on the server.
    time.sleep(0.5)

    report = push(client, tasks, project_title=title, batch_size=TRIAL_BATCH)

    context = f"seed {seed}: killed after {delay:.2f} s with {at_kill} tasks in"
    assert report.total == len(tasks), context
    check_each_task_once_with_its_prediction(client, report.project.id, tasks, context=context)
    return KillTrial(seed, delay, at_kill, running, report.imported, report.duplicates_removed)


def test_push_killed_at_random_points_then_rerun_loses_and_duplicates_nothing(
    label_studio, seed_tasks: list[Task], project_title: str, tmp_path: Path
) -> None:
    tasks = copies(seed_tasks, TRIAL_TASKS)
    tasks_file = tmp_path / "tasks.jsonl"
    tasks_file.write_text("".join(task.model_dump_json() + "\n" for task in tasks))
    client = label_studio.client()
    title = f"kill-9-{project_title[-8:]}"  # project titles have at most 50 characters
    started = time.perf_counter()
    push(client, tasks, project_title=f"{title}-timing", batch_size=TRIAL_BATCH)
    window = time.perf_counter() - started  # an uninterrupted push: kills land inside it

    with pusher(label_studio.environment(), tasks_file) as process:
        trials = [
            kill_push_and_rerun(
                process, client, tasks, title=f"{title}-{seed}", seed=seed, window=window
            )
            for seed in range(TRIALS)
        ]

    midway = [t for t in trials if t.running_at_kill and 0 < t.rerun_imported < TRIAL_TASKS]
    assert len(trials) == TRIALS
    # The kills spread over the push, most of them between its first and last import.
    assert len(midway) >= TRIALS // 2, trials


# ---- a dedicated server, stopped and restarted -------------------------------------------------


@dataclass
class DedicatedServer:
    """A Label Studio of this module's own, on a fixed port, that tests stop and restart."""

    data_dir: Path
    port: int
    admin: AdminAccount
    bytecode_cache: Path
    database: Database | None
    server: LabelStudioServer | None = None
    starts: list[float] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        started = time.perf_counter()
        self.server = start_server(
            self.data_dir,
            admin=self.admin,
            port=self.port,
            database=self.database,
            bytecode_cache=self.bytecode_cache,
        )
        self.starts.append(time.perf_counter() - started)

    def kill(self) -> None:
        """SIGKILL: the server dies in the middle of whatever it is doing."""
        assert self.server is not None
        os.kill(self.server.pid, signal.SIGKILL)
        self.server.wait()

    def client(self) -> LabelStudioClient:
        return connect(Credentials(self.url, self.admin.token))

    def environment(self) -> dict[str, str]:
        return {**os.environ, URL_VARIABLE: self.url, KEY_VARIABLE: self.admin.token}


@pytest.fixture(scope="module")
def dedicated(label_studio, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DedicatedServer]:
    data_dir = tmp_path_factory.mktemp("dedicated") / "data"
    copy_data_dir(label_studio.template, data_dir)
    server = DedicatedServer(
        data_dir=data_dir,
        port=free_port(),
        admin=label_studio.admin,
        bytecode_cache=label_studio.bytecode_cache,
        database=label_studio.fresh_database(),
    )
    server.start()
    try:
        yield server
    finally:
        if server.server is not None:
            server.server.stop()


def wait_until(condition: Callable[[], bool], *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def one_error_line(run: subprocess.CompletedProcess[str], url: str) -> str:
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    (line,) = run.stderr.splitlines()
    assert line.startswith("Error: ") and url in line, line
    assert "rerun" in line or "start one with `curate up`" in line, line
    return line


def test_server_killed_mid_push_then_restarted_rerun_completes(
    dedicated: DedicatedServer, seed_tasks: list[Task], project_title: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    ids = write_corpus(corpus, 120)
    command = [str(CURATE), "push", str(corpus), "--project", project_title, "--batch-size", "5"]
    client = dedicated.client()
    process = subprocess.Popen(
        command, env=dedicated.environment(), cwd=tmp_path, stderr=subprocess.PIPE, text=True
    )

    def importing() -> bool:
        project = client.find_project(project_title)
        return project is not None and client.task_count(project.id) >= 20

    wait_until(importing, timeout=120, what="the push to import")
    dedicated.kill()
    stderr = process.communicate(timeout=120)[1]
    failed = subprocess.CompletedProcess(command, process.returncode, "", stderr)
    one_error_line(failed, dedicated.url)
    dedicated.start()
    client = dedicated.client()
    project = client.project(project_title)
    at_restart = client.task_count(project.id)

    rerun = subprocess.run(
        command, env=dedicated.environment(), cwd=tmp_path, capture_output=True, text=True
    )

    assert rerun.returncode == 0, rerun.stderr
    assert 20 <= at_restart < len(ids)
    assert rerun.stdout.startswith(f"{len(ids) - at_restart} imported, {at_restart} already")
    check_each_task_once_with_its_prediction(client, project.id, copies(seed_tasks, len(ids)))


def snapshot_dir_contents(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def test_server_stopped_mid_pull_leaves_no_partial_file_and_the_rerun_completes(
    dedicated: DedicatedServer, seed_tasks: list[Task], project_title: str, tmp_path: Path
) -> None:
    """The pull reaches its download through a proxy that holds it until the server is
    stopped (as Ctrl-C stops it), so the stop lands mid-pull however fast the pull is."""
    client = dedicated.client()
    tasks = copies(seed_tasks, 20)
    push(client, tasks, project_title=project_title)
    snapshots = tmp_path / "snapshots"
    earlier = pull(client, project_title=project_title, directory=snapshots).path
    before = snapshot_dir_contents(snapshots)
    command = [str(CURATE), "pull", "--project", project_title, "-o", str(snapshots)]
    held, released = threading.Event(), threading.Event()

    with faulty_proxy(dedicated.url, [(downloading, "hold")], hold=(held, released)) as url:
        environment = {**dedicated.environment(), URL_VARIABLE: url}
        process = subprocess.Popen(
            command, env=environment, cwd=tmp_path, stderr=subprocess.PIPE, text=True
        )
        assert held.wait(timeout=120), "the pull never asked for its download"
        assert dedicated.server is not None
        dedicated.server.stop()
        released.set()
        stderr = process.communicate(timeout=120)[1]

    one_error_line(subprocess.CompletedProcess(command, process.returncode, "", stderr), url)
    assert snapshot_dir_contents(snapshots) == before
    dedicated.start()

    rerun = subprocess.run(
        command, env=dedicated.environment(), cwd=tmp_path, capture_output=True, text=True
    )

    assert rerun.returncode == 0, rerun.stderr
    after = snapshot_dir_contents(snapshots)
    assert after[earlier.name] == before[earlier.name]
    (new,) = set(after) - set(before)
    assert not new.startswith(".")
    assert len(json.loads(after[new])) == len(tasks)
    assert rerun.stdout.splitlines()[-1] == f"{len(tasks)} tasks, 0 annotated -> {snapshots / new}"


# ---- transient faults through a loopback proxy -----------------------------------------------


Match = Callable[[str, str], bool]


def importing(method: str, path: str) -> bool:
    return method == "POST" and path.split("?")[0].endswith("/import")


def creating_export(method: str, path: str) -> bool:
    return method == "POST" and path.split("?")[0].endswith("/exports/")


def listing_tasks(method: str, path: str) -> bool:
    return method == "GET" and path.split("?")[0].endswith("/api/tasks/")


def downloading(method: str, path: str) -> bool:
    return method == "GET" and "/download" in path


@contextlib.contextmanager
def faulty_proxy(
    target: str,
    faults: list[tuple[Match, str]],
    *,
    hold: tuple[threading.Event, threading.Event] | None = None,
) -> Iterator[str]:
    """A proxy on 127.0.0.1 to ``target``; the first request matching a fault meets it, once:

    ``503`` (answered without forwarding), ``reset`` (hung up before forwarding), ``lost``
    (forwarded, so the server acts, then hung up), ``cut`` (forwarded, then half the answer),
    ``hold`` (sets the first event of ``hold``, waits for the second, then forwards). A
    request the server does not answer (it is stopped) is hung up on.
    """

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _forward(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            fault = next((f for f in faults if f[0](self.command, self.path)), None)
            if fault is not None:
                faults.remove(fault)
            kind = fault[1] if fault else None
            if kind == "503":
                self._answer(503, {}, b"")
                return
            if kind == "reset":
                self.close_connection = True
                return
            if kind == "hold" and hold is not None:
                held, released = hold
                held.set()
                released.wait(timeout=120)
            skipped = {"host", "content-length", "accept-encoding", "connection"}
            headers = {k: v for k, v in self.headers.items() if k.lower() not in skipped}
            try:
                answer = httpx.request(
                    self.command, target + self.path, headers=headers, content=body, timeout=300
                )
            except httpx.TransportError:
                self.close_connection = True
                return
            if kind == "lost":
                self.close_connection = True
                return
            content = answer.content
            self._answer(answer.status_code, answer.headers, content[: len(content) // 2]
                         if kind == "cut" else content, length=len(content))  # fmt: skip
            if kind == "cut":
                self.close_connection = True

        def _answer(
            self, code: int, headers: object, content: bytes, *, length: int | None = None
        ) -> None:
            self.send_response(code)
            for name, value in dict(headers).items():  # type: ignore[call-overload]
                if name.lower() not in ("content-length", "transfer-encoding", "content-encoding"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(content) if length is None else length))
            self.end_headers()
            self.wfile.write(content)

        do_GET = do_POST = do_DELETE = do_PATCH = do_PUT = _forward

        def log_message(self, *args: object) -> None:
            pass

    with serving(Handler) as url:
        yield url


@pytest.mark.parametrize("kind", ["reset", "lost", "cut"])
def test_push_survives_a_broken_import_without_duplicates(
    label_studio, seed_tasks: list[Task], project_title: str, kind: str
) -> None:
    faults: list[tuple[Match, str]] = [(importing, kind)]

    with faulty_proxy(label_studio.url, faults) as url:
        client = connect(Credentials(url, label_studio.api_key))
        report = push(client, seed_tasks, project_title=project_title, batch_size=2)

    assert faults == []
    assert (report.imported, report.total, report.duplicates_removed) == (5, 5, 0)
    check_each_task_once_with_its_prediction(client, report.project.id, seed_tasks)


@pytest.mark.parametrize("kind", ["503", "reset", "lost"])
def test_pull_and_status_retry_a_transient_failure_of_the_export(
    label_studio, seed_tasks: list[Task], project_title: str, tmp_path: Path, kind: str
) -> None:
    push(label_studio.client(), seed_tasks, project_title=project_title)
    # Status reads the task list (no export: nobody annotated twice, nothing was cancelled).
    faults: list[tuple[Match, str]] = [(creating_export, kind), (listing_tasks, kind)]

    with faulty_proxy(label_studio.url, faults) as url:
        client = connect(Credentials(url, label_studio.api_key))
        pulled = pull(client, project_title=project_title, directory=tmp_path)
        counted = status(client, project_title=project_title)

    assert faults == []
    assert len(json.loads(pulled.path.read_bytes())) == 5
    assert (pulled.summary.tasks, counted.summary.tasks) == (5, 5)
    assert [p.name for p in tmp_path.iterdir()] == [pulled.path.name]


def test_a_download_cut_midway_is_one_clear_error_and_leaves_no_file(
    label_studio, seed_tasks: list[Task], project_title: str, tmp_path: Path
) -> None:
    push(label_studio.client(), seed_tasks, project_title=project_title)
    earlier = pull(label_studio.client(), project_title=project_title, directory=tmp_path).path
    content = earlier.read_bytes()

    with faulty_proxy(label_studio.url, [(downloading, "cut")]) as url:
        client = connect(Credentials(url, label_studio.api_key))
        with pytest.raises(LabelStudioUnavailable) as raised:
            pull(client, project_title=project_title, directory=tmp_path)
        again = pull(client, project_title=project_title, directory=tmp_path)

    assert str(raised.value) == (
        f"the connection to Label Studio at {url} broke while downloading the export snapshot "
        "(RemoteProtocolError): rerun when it is back (push and pull are safe to rerun)"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([earlier.name, again.path.name])
    assert earlier.read_bytes() == content
    assert again.path.read_bytes() != b"" and len(json.loads(again.path.read_bytes())) == 5


def test_a_failing_export_is_retried_a_bounded_number_of_times_then_one_clear_error(
    label_studio, seed_tasks: list[Task], project_title: str, tmp_path: Path
) -> None:
    push(label_studio.client(), seed_tasks, project_title=project_title)
    faults: list[tuple[Match, str]] = [(creating_export, "503")] * 10

    with faulty_proxy(label_studio.url, faults) as url:
        client = connect(Credentials(url, label_studio.api_key))
        started = time.perf_counter()
        with pytest.raises(LabelStudioUnavailable) as raised:
            pull(client, project_title=project_title, directory=tmp_path)
        waited = time.perf_counter() - started

    assert str(raised.value) == (
        f"Label Studio at {url} failed while creating an export snapshot (HTTP 503): "
        "see the server's log, then rerun"
    )
    assert len(faults) == 10 - 4  # the first try and three retries
    assert 1.0 < waited < 30.0
    assert list(tmp_path.iterdir()) == []
