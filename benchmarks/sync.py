"""Push, pull and status against a real local Label Studio on SQLite and on PostgreSQL: curate
against the raw SDK calls (the limit), with each operation's peak memory.

For each database and size N the five seed tasks (with the rules' predictions) are repeated
to N tasks with unique article ids, and nine operations are timed on one fresh server, each
in a process of its own (so its peak RSS is its own; the time excludes start-up):

- ``curate push``: :func:`curate.sync.push` into an empty project (looks the project up,
  imports in batches of 500, counts the result);
- raw import: ``projects.import_tasks`` POSTs of the same tasks in the same batches through
  label-studio-sdk (one POST of 100,000 tasks would outlast any sane timeout), into projects
  of their own;
- ``curate pull``: :func:`curate.sync.pull` (export snapshot, streamed to the file, read back
  while every region's offsets are checked, renamed into place);
- raw export: the same snapshot (same options) created, polled and downloaded to a file;
- ``curate status``: :func:`curate.sync.status` (the task list, here unannotated);
- raw task list: the same ``tasks.list`` pages through label-studio-sdk.

The ratio is raw seconds / curate seconds (1.0: as fast as the server allows; the goal is
≥ 0.9). Each curate operation is timed between two runs of its raw call and compared with
their mean: the server's speed drifts with its state (the rows already stored, PostgreSQL's
statistics, what its caches hold), and in the runs before this design whichever of the two ran
second was the faster (the push at 100,000 tasks, 0.85×; the pull at 100,000, 0.84×); the
mean of one run before and one after cancels a steady drift. Servers start
from copies of the tests' templates (made on first use, a few minutes), in a temporary
directory removed afterwards; an import and a pull of up to 1,000 tasks warm each up before
anything is timed.

    uv run python benchmarks/sync.py --sizes 10000                # both databases
    uv run python benchmarks/sync.py --sizes 100000 --databases postgresql
    uv run python benchmarks/sync.py --sizes 20                   # smoke run
    uv run python benchmarks/sync.py --sizes 100000 --databases postgresql --operations pull

``--operations`` names the curate operations to measure (default all three), each with its two
raw runs. Without ``push`` a raw import only fills the project the others read (the same
tasks), which halves a 100,000-task run.

Prints a table and one JSON line.
"""

import argparse
import contextlib
import itertools
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from label_studio import __version__ as LABEL_STUDIO_VERSION

from curate.client import (
    NO_RETRY,
    SNAPSHOT_OPTIONS,
    LabelStudioClient,
    Project,
    connect,
    export_wait,
)
from curate.credentials import KEY_VARIABLE, URL_VARIABLE, Credentials, load_credentials
from curate.label_config import read_label_config
from curate.postgres import copy_cluster, start_cluster
from curate.server import (
    cached_postgres_template,
    cached_template,
    copy_data_dir,
    free_port,
    start_server,
)
from curate.sync import BATCH_SIZE, ensure_project, pull, push, status
from curate.tasks import Task, tasks_from_articles

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
#: Shared with the tests' ``label_studio`` fixture, so one ``label-studio init`` serves both.
CACHE = ROOT / ".pytest_cache" / "d" / f"label-studio-{LABEL_STUDIO_VERSION}"
WARM_UP = 1000
DATABASES = ("sqlite", "postgresql")
#: Each curate operation, its raw call and how the table names that call.
PAIRS = (
    ("push", "raw_import", "import"),
    ("pull", "raw_export", "export+download"),
    ("status", "raw_status", "task list"),
)
CURATE_OPERATIONS = tuple(curate for curate, _, _ in PAIRS)


def in_running_order(measured: Sequence[str]) -> tuple[str, ...]:
    """The ``measured`` curate operations in the order they run, each between two runs of its
    raw call."""
    return tuple(
        name
        for curate, raw, _ in PAIRS
        if curate in measured
        for name in (raw, curate, f"{raw}_after")
    )


OPERATIONS = in_running_order(CURATE_OPERATIONS)
STATUS_INCLUDE = "id,total_annotations,cancelled_annotations,annotators"


def benchmark_tasks(seeds: Sequence[Task], count: int) -> Iterator[Task]:
    """``count`` tasks cycling over ``seeds``, each with its own article id, one at a time."""
    for number in range(count):
        task = seeds[number % len(seeds)].model_copy(deep=True)
        task.data.id = f"{task.data.id}-{number:06d}"
        yield task


@contextlib.contextmanager
def fresh_server(database_kind: str, cache: Path, scratch: Path) -> Iterator[Credentials]:
    """A Label Studio on a copy of the template (and of the PostgreSQL template cluster),
    in ``scratch``; stopped on exit."""
    data_dir, admin = cached_template(cache, bytecode_cache=cache / "pycache")
    copy = scratch / f"labelstudio-{database_kind}"
    copy_data_dir(data_dir, copy)
    with contextlib.ExitStack() as stack:
        database = None
        if database_kind == "postgresql":
            template, password = cached_postgres_template(
                cache, admin=admin, bytecode_cache=cache / "pycache"
            )
            copy_cluster(template, scratch / "postgres")
            cluster = stack.enter_context(
                start_cluster(scratch / "postgres", password=password, port=free_port())
            )
            database = cluster.database
            (copy / "label_studio.sqlite3").unlink()
        server = stack.enter_context(
            start_server(
                copy,
                admin=admin,
                port=free_port(),
                database=database,
                bytecode_cache=cache / "pycache",
            )
        )
        yield Credentials(url=server.url, api_key=admin.token)


# ---- the operations, each run in a process of its own ----------------------------------------


def run_operation(operation: str, project: str, tasks_file: Path, scratch: Path) -> float:
    """Run one operation against the configured server; return its seconds."""
    client = connect(load_credentials())
    started = time.perf_counter()
    if operation == "push":
        push(client, read_tasks(tasks_file), project_title=project)
    elif operation in ("raw_import", "raw_import_after"):
        imports = (task.to_import() for task in read_tasks(tasks_file))
        raw_import(client, client.project(project).id, imports)
    elif operation == "pull":
        pull(client, project_title=project, directory=scratch / f"pulled-{project}")
    elif operation in ("raw_export", "raw_export_after"):
        raw_export(client, client.project(project), scratch / f"{operation}-{project}.json")
    elif operation == "status":
        status(client, project_title=project)
    elif operation in ("raw_status", "raw_status_after"):
        raw_status(client, client.project(project).id)
    else:
        raise ValueError(f"unknown operation {operation!r}")
    return time.perf_counter() - started


def read_tasks(tasks_file: Path) -> Iterator[Task]:
    """The tasks of a JSON-lines file, one at a time: push and raw import both read them as
    they send them, in memory flat in the project's size."""
    with tasks_file.open(encoding="utf-8") as stream:
        for line in stream:
            yield Task.model_validate_json(line)


def raw_import(client: LabelStudioClient, project_id: int, tasks: Iterable[dict[str, Any]]) -> None:
    """Bulk import POSTs of every task, ``BATCH_SIZE`` a request, as label-studio-sdk offers it."""
    iterator = iter(tasks)
    while batch := list(itertools.islice(iterator, BATCH_SIZE)):
        response = client.sdk.projects.import_tasks(
            project_id, request=batch, request_options=NO_RETRY
        )
        if response.task_count != len(batch):
            raise RuntimeError(f"raw import made {response.task_count} tasks of {len(batch)}")


def raw_export(client: LabelStudioClient, project: Project, path: Path) -> None:
    """Create an export snapshot, poll until it is done, download it to ``path``.

    The creating request gets the wait curate gives it: Label Studio without a job queue
    builds the export inside that request, which at 100,000 tasks outlasts the SDK's
    default timeout (the first 100,000-task run's raw export failed so)."""
    exports, project_id = client.sdk.projects.exports, project.id
    waiting = math.ceil(export_wait(project.task_count))
    export = exports.create(
        project_id, **SNAPSHOT_OPTIONS, request_options={"timeout_in_seconds": waiting}
    )
    state = export.status
    while state not in ("completed", "failed"):
        time.sleep(0.05)
        state = exports.get(project_id, export.id).status
    if state == "failed":
        raise RuntimeError(f"export {export.id} of project {project_id} failed")
    with path.open("wb") as stream:
        for chunk in exports.download(
            project_id, export.id, request_options={"chunk_size": 1 << 20}
        ):
            stream.write(chunk)


def raw_status(client: LabelStudioClient, project_id: int) -> None:
    """Page through the task list with the fields status reads."""
    for _ in client.sdk.tasks.list(project=project_id, include=STATUS_INCLUDE, page_size=5000):
        pass


def in_own_process(
    operation: str, *, project: str, tasks_file: Path, scratch: Path, credentials: Credentials
) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of ``operation`` run by this script in a new process.

    The process reports its own high-water mark (``VmHWM``): the ``ru_maxrss`` a parent gets
    from ``wait4`` would include the parent's size, which a child keeps across ``exec``.
    """
    process = subprocess.Popen(
        [
            *(sys.executable, __file__, "--operation", operation, "--project", project),
            *("--tasks-file", str(tasks_file), "--scratch", str(scratch)),
        ],
        env={**os.environ, URL_VARIABLE: credentials.url, KEY_VARIABLE: credentials.api_key},
        stdout=subprocess.PIPE,
        text=True,
    )
    output, _ = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"{operation} on {project} failed (exit {process.returncode})")
    seconds, peak_mb = output.split()[-2:]
    return float(seconds), float(peak_mb)


def peak_rss_mb() -> float:
    """This process's peak resident set size so far (Linux ``VmHWM``), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status (not Linux?)")


# ---- measuring -------------------------------------------------------------------------------


def warm_up(client: LabelStudioClient, tasks: Iterable[Task], scratch: Path) -> None:
    """A raw import and a pull of ``tasks``: the first large request on a fresh server is
    slower (both processes grow their heaps), and it is not what is measured."""
    project = ensure_project(client, "warm-up")
    raw_import(client, project.id, (task.to_import() for task in tasks))
    pull(client, project_title="warm-up", directory=scratch / "warm-up")


def measure(
    client: LabelStudioClient,
    credentials: Credentials,
    seeds: Sequence[Task],
    count: int,
    scratch: Path,
    *,
    measured: Sequence[str] = CURATE_OPERATIONS,
) -> dict[str, Any]:
    """Seconds and peak RSS of the ``measured`` curate operations and their raw calls."""
    tasks_file = scratch / f"tasks-{count}.jsonl"
    with tasks_file.open("w", encoding="utf-8") as stream:
        for task in benchmark_tasks(seeds, count):
            stream.write(task.model_dump_json() + "\n")
    config = read_label_config()
    with_push = "push" in measured
    # Each import fills a project of its own. The reads (pull, status and their raw calls)
    # all read one project, the push's (or, without the push, the raw import's), so that a
    # read's ratio compares two ways of reading the same tasks: Label Studio's build of an
    # export varies from one project of the same tasks to another by more than curate's share.
    read_title = f"curate-{count}" if with_push else f"raw-{count}"
    filled_by = {"raw_import": f"raw-{count}"}
    if with_push:
        filled_by |= {"raw_import_after": f"raw-after-{count}", "push": read_title}
    titles = set(filled_by.values())
    for title in titles:
        client.create_project(title, label_config=config.xml, instructions="")
    # Without the push, one raw import only fills the project the rest reads.
    operations = in_running_order(measured)
    if not with_push:
        operations = ("raw_import", *operations)

    seconds, peak_mb = {}, {}
    for operation in operations:
        seconds[operation], peak_mb[operation] = in_own_process(
            operation,
            project=filled_by.get(operation, read_title),
            tasks_file=tasks_file,
            scratch=scratch,
            credentials=credentials,
        )
        # As it goes, so a long run that is stopped still leaves what it measured.
        print(
            f"{count} tasks, {operation}: {seconds[operation]:.1f} s, "
            f"peak RSS {peak_mb[operation]:.0f} MB",
            file=sys.stderr,
            flush=True,
        )

    counted = [client.project(title).task_count for title in titles]
    if set(counted) != {count}:
        raise RuntimeError(f"projects hold {counted} tasks, not {count}")
    for curate_name, raw_name, _ in PAIRS:
        if curate_name in seconds:  # its yardstick: the mean of its raw call before and after
            seconds[f"{raw_name}_mean"] = (seconds[raw_name] + seconds[f"{raw_name}_after"]) / 2
    row: dict[str, Any] = {
        "tasks": count,
        "read_project": read_title,
        **{name: round(value, 3) for name, value in seconds.items()},
        **{f"{name}_tasks_per_s": round(count / value) for name, value in seconds.items()},
        **{f"{name}_peak_rss_mb": round(value) for name, value in peak_mb.items()},
    }
    if "pull" in seconds:
        (snapshot,) = (scratch / f"pulled-{read_title}").iterdir()
        row["snapshot_mb"] = round(snapshot.stat().st_size / 1e6, 1)
    for curate_name, raw_name, _ in PAIRS:
        if curate_name in seconds:
            ratio = seconds[f"{raw_name}_mean"] / seconds[curate_name]
            row[f"{curate_name}_ratio"] = round(ratio, 2)
    return row


def benchmark(
    sizes: Sequence[int],
    *,
    databases: Sequence[str] = DATABASES,
    cache: Path = CACHE,
    measured: Sequence[str] = CURATE_OPERATIONS,
) -> dict[str, Any]:
    seeds = tasks_from_articles(SEEDS)
    rows = []
    version = ""
    for database_kind in databases:
        # Under root PostgreSQL runs as another user, who must be able to enter the scratch dir.
        with tempfile.TemporaryDirectory(prefix="curate-bench-") as name:
            scratch = Path(name)
            scratch.chmod(0o711)
            with fresh_server(database_kind, cache, scratch) as credentials:
                client = connect(credentials)
                warm_up(client, benchmark_tasks(seeds, min(max(sizes), WARM_UP)), scratch)
                for count in sizes:
                    row = measure(client, credentials, seeds, count, scratch, measured=measured)
                    rows.append({"database": database_kind, **row})
                version = client.sdk.versions.get().release
    return {"benchmark": "sync", "label_studio": version, "sizes": rows}


def print_table(result: dict[str, Any]) -> None:
    print(f"Label Studio {result['label_studio']}; ratio = raw s (mean) / curate s; RSS = peak MB")
    header = f"{'database':10} {'tasks':>7} {'operation':26} {'seconds':>8} {'tasks/s':>8}"
    print(f"{header} {'ratio':>6} {'RSS':>6}")
    for row in result["sizes"]:
        for curate_name, raw_name, shown in PAIRS:
            if curate_name not in row:
                continue
            for name, label in (
                (curate_name, f"curate {curate_name}"),
                (raw_name, f"raw {shown}, before"),
                (f"{raw_name}_after", f"raw {shown}, after"),
                (f"{raw_name}_mean", f"raw {shown}, mean"),
            ):
                ratio = f"{row[f'{curate_name}_ratio']:6.2f}" if name == curate_name else ""
                rss = row.get(f"{name}_peak_rss_mb", "")
                print(
                    f"{row['database']:10} {row['tasks']:7} {label:26} {row[name]:8.2f} "
                    f"{row[f'{name}_tasks_per_s']:8} {ratio:>6} {rss:>6}"
                )


def main(argv: Sequence[str] | None = None) -> dict[str, Any] | None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="1000,10000", help="comma-separated task counts (default 1000,10000)"
    )
    parser.add_argument(
        "--databases", default=",".join(DATABASES), help="comma-separated: sqlite, postgresql"
    )
    parser.add_argument(
        "--cache", type=Path, default=CACHE, help="where the template data dir is kept"
    )
    parser.add_argument(
        "--operations",
        default=",".join(CURATE_OPERATIONS),
        help="comma-separated curate operations to measure: push, pull, status (default all); "
        "without push a raw import fills the project",
    )
    # The measured process's side (see in_own_process).
    parser.add_argument("--operation", choices=OPERATIONS, help=argparse.SUPPRESS)
    parser.add_argument("--project", help=argparse.SUPPRESS)
    parser.add_argument("--tasks-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--scratch", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.operation:
        seconds = run_operation(
            arguments.operation, arguments.project, arguments.tasks_file, arguments.scratch
        )
        print(seconds, peak_rss_mb())
        return None
    sizes = [int(size) for size in arguments.sizes.split(",") if size.strip()]
    databases = [name.strip() for name in arguments.databases.split(",") if name.strip()]
    measured = [name.strip() for name in arguments.operations.split(",") if name.strip()]
    if unknown := set(measured) - set(CURATE_OPERATIONS):
        parser.error(f"--operations: unknown {', '.join(sorted(unknown))}")
    result = benchmark(sizes, databases=databases, cache=arguments.cache, measured=measured)
    print_table(result)
    print(json.dumps(result))
    sys.stdout.flush()
    return result


if __name__ == "__main__":
    main()
