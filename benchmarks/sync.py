"""Push and pull against a real local Label Studio: curate against the raw SDK call (the limit).

For each size N the five seed tasks (with the rules' predictions) are repeated to N tasks
with unique article ids, and timed four ways on one fresh server:

- ``curate push``: :func:`curate.sync.push` into an empty project (looks the project up,
  imports in batches of 500, counts the result);
- raw import: one ``projects.import_tasks`` POST of the same tasks through label-studio-sdk;
- ``curate pull``: :func:`curate.sync.pull` (export snapshot, download, check every region's
  offsets, write the file atomically);
- raw export: the same snapshot (same options: full predictions, annotators' emails)
  created, polled and downloaded to a file through label-studio-sdk.

The ratio is raw seconds / curate seconds (1.0: as fast as the server allows; the goal is
≥ 0.9). The server starts from a copy of the tests' template data dir (made on first use by
``label-studio init``, a minute or two), in a temporary directory removed afterwards; an
import and a pull of up to 1,000 tasks warm it up before anything is timed.

    uv run python benchmarks/sync.py                  # 1,000 and 10,000 tasks
    uv run python benchmarks/sync.py --sizes 20       # smoke run

Prints a table and one JSON line.
"""

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from label_studio import __version__ as LABEL_STUDIO_VERSION

from curate.client import NO_RETRY, SNAPSHOT_OPTIONS, LabelStudioClient, connect
from curate.credentials import Credentials
from curate.label_config import read_label_config
from curate.server import (
    LabelStudioServer,
    cached_template,
    copy_data_dir,
    free_port,
    start_server,
)
from curate.sync import ensure_project, pull, push
from curate.tasks import Task, tasks_from_articles

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
#: Shared with the tests' ``label_studio`` fixture, so one ``label-studio init`` serves both.
CACHE = ROOT / ".pytest_cache" / "d" / f"label-studio-{LABEL_STUDIO_VERSION}"
WARM_UP = 1000


def benchmark_tasks(seeds: Sequence[Task], count: int) -> list[Task]:
    """``count`` tasks cycling over ``seeds``, each with its own article id."""
    tasks = []
    for number in range(count):
        task = seeds[number % len(seeds)].model_copy(deep=True)
        task.data.id = f"{task.data.id}-{number:06d}"
        tasks.append(task)
    return tasks


@contextmanager
def fresh_server(cache: Path, scratch: Path) -> Iterator[tuple[LabelStudioServer, Credentials]]:
    """A Label Studio on a copy of the template, in ``scratch``; stopped on exit."""
    data_dir, admin = cached_template(cache, bytecode_cache=cache / "pycache")
    copy = scratch / "labelstudio"
    copy_data_dir(data_dir, copy)
    with start_server(
        copy, admin=admin, port=free_port(), bytecode_cache=cache / "pycache"
    ) as server:
        yield server, Credentials(url=server.url, api_key=admin.token)


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def raw_import(client: LabelStudioClient, project_id: int, tasks: list[dict[str, Any]]) -> None:
    """One bulk import POST of every task, as label-studio-sdk offers it."""
    response = client.sdk.projects.import_tasks(project_id, request=tasks, request_options=NO_RETRY)
    if response.task_count != len(tasks):
        raise RuntimeError(f"raw import made {response.task_count} tasks of {len(tasks)}")


def raw_export(client: LabelStudioClient, project_id: int, path: Path) -> None:
    """Create an export snapshot, poll until it is done, download it to ``path``."""
    exports = client.sdk.projects.exports
    export = exports.create(project_id, **SNAPSHOT_OPTIONS)
    status = export.status
    while status not in ("completed", "failed"):
        time.sleep(0.05)
        status = exports.get(project_id, export.id).status
    if status == "failed":
        raise RuntimeError(f"export {export.id} of project {project_id} failed")
    with path.open("wb") as stream:
        for chunk in exports.download(
            project_id, export.id, export_type="JSON", request_options={"chunk_size": 1 << 20}
        ):
            stream.write(chunk)


def warm_up(client: LabelStudioClient, tasks: Sequence[Task], scratch: Path) -> None:
    """A raw import and a pull of ``tasks``: the first large request on a fresh server is
    slower (both processes grow their heaps), and it is not what is measured."""
    project = ensure_project(client, "warm-up")
    raw_import(client, project.id, [task.to_import() for task in tasks])
    pull(client, project_title="warm-up", directory=scratch / "warm-up")


def measure(client: LabelStudioClient, seeds: Sequence[Task], count: int, scratch: Path) -> dict:
    """Seconds for curate's push and pull and the raw calls, on ``count`` tasks."""
    tasks = benchmark_tasks(seeds, count)
    raw_tasks = [task.to_import() for task in tasks]
    config = read_label_config()
    curate_title = f"curate-{count}"
    ensure_project(client, curate_title)
    raw_project = client.create_project(f"raw-{count}", label_config=config.xml, instructions="")

    seconds = {
        "push": timed(lambda: push(client, tasks, project_title=curate_title)),
        "raw_import": timed(lambda: raw_import(client, raw_project.id, raw_tasks)),
    }
    pulled = scratch / f"curate-{count}"
    seconds["pull"] = timed(lambda: pull(client, project_title=curate_title, directory=pulled))
    raw_file = scratch / f"raw-{count}.json"
    seconds["raw_export"] = timed(lambda: raw_export(client, raw_project.id, raw_file))

    (snapshot,) = pulled.iterdir()
    stored = [json.loads(path.read_bytes()) for path in (snapshot, raw_file)]
    if [len(tasks) for tasks in stored] != [count, count]:
        raise RuntimeError(f"snapshots hold {[len(t) for t in stored]} tasks, not {count}")
    return {
        "tasks": count,
        "snapshot_mb": round(snapshot.stat().st_size / 1e6, 1),
        **{name: round(value, 3) for name, value in seconds.items()},
        "push_tasks_per_s": round(count / seconds["push"]),
        "raw_import_tasks_per_s": round(count / seconds["raw_import"]),
        "push_ratio": round(seconds["raw_import"] / seconds["push"], 2),
        "pull_tasks_per_s": round(count / seconds["pull"]),
        "raw_export_tasks_per_s": round(count / seconds["raw_export"]),
        "pull_ratio": round(seconds["raw_export"] / seconds["pull"], 2),
    }


def benchmark(sizes: Sequence[int], *, cache: Path = CACHE) -> dict[str, Any]:
    seeds = tasks_from_articles(SEEDS)
    with tempfile.TemporaryDirectory() as scratch, fresh_server(cache, Path(scratch)) as started:
        server, credentials = started
        client = connect(credentials)
        warm_up(client, benchmark_tasks(seeds, min(max(sizes), WARM_UP)), Path(scratch))
        rows = [measure(client, seeds, count, Path(scratch)) for count in sizes]
        version = client.sdk.versions.get().release
    return {"benchmark": "sync", "label_studio": version, "server": server.url, "sizes": rows}


def print_table(result: dict[str, Any]) -> None:
    print(f"Label Studio {result['label_studio']} on {result['server']}; ratio = raw s / curate s")
    print(f"{'tasks':>6} {'operation':24} {'seconds':>8} {'tasks/s':>8} {'ratio':>6}")
    for row in result["sizes"]:
        lines = [
            ("curate push", row["push"], row["push_tasks_per_s"], row["push_ratio"]),
            ("raw import_tasks", row["raw_import"], row["raw_import_tasks_per_s"], None),
            ("curate pull", row["pull"], row["pull_tasks_per_s"], row["pull_ratio"]),
            ("raw export+download", row["raw_export"], row["raw_export_tasks_per_s"], None),
        ]
        for name, seconds, rate, ratio in lines:
            shown = "" if ratio is None else f"{ratio:6.2f}"
            print(f"{row['tasks']:6} {name:24} {seconds:8.2f} {rate:8} {shown:>6}")


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="1000,10000", help="comma-separated task counts (default 1000,10000)"
    )
    parser.add_argument(
        "--cache", type=Path, default=CACHE, help="where the template data dir is kept"
    )
    arguments = parser.parse_args(argv)
    sizes = [int(size) for size in arguments.sizes.split(",") if size.strip()]
    result = benchmark(sizes, cache=arguments.cache)
    print_table(result)
    print(json.dumps(result))
    sys.stdout.flush()
    return result


if __name__ == "__main__":
    main()
