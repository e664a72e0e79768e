"""A team's server: `curate up --postgres --workers 2`, two Label Studio web processes on one
PostgreSQL database. What one process stores, the other serves; concurrent pushes of the same
articles through both end with each article once."""

import contextlib
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import reachable_directory

from curate.client import LabelStudioClient, connect
from curate.credentials import Credentials, write_credentials_file
from curate.postgres import copy_cluster
from curate.server import copy_data_dir, free_port, port_in_use
from curate.sync import pull, push
from curate.tasks import Task, tasks_from_articles
from curate.up import Workbench, workbench

pytestmark = pytest.mark.server

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def team(label_studio) -> Iterator[Workbench]:
    """`curate up --postgres --workers 2` in a project dir holding a copy of the template
    cluster (what a first `curate up --postgres` leaves)."""
    if label_studio.cluster is None:
        pytest.skip("several web processes need PostgreSQL")
    with contextlib.ExitStack() as stack:
        directory = stack.enter_context(reachable_directory())
        workspace = directory / ".curate"
        copy_data_dir(label_studio.template, workspace / "labelstudio")
        (workspace / "pycache").symlink_to(label_studio.bytecode_cache)
        copy_cluster(label_studio.postgres_template, workspace / "postgres")
        admin = label_studio.admin
        write_credentials_file(
            workspace / "credentials.json",
            {
                "url": "",
                "api_key": admin.token,
                "email": admin.email,
                "password": admin.password,
                "postgres_password": label_studio.cluster.database.password,
            },
        )
        port = _two_free_ports()
        with contextlib.chdir(directory):
            running = stack.enter_context(
                workbench(seeds=SEEDS, port=port, workers=2, postgres=True)
            )
        yield running
    assert not any(port_in_use(server.port) for server in running.servers)


def _two_free_ports() -> int:
    """A port whose successor is free too."""
    for _ in range(100):
        port = free_port()
        if port < 65535 and not port_in_use(port + 1):
            return port
    raise RuntimeError("no two consecutive free ports")


def _clients(team: Workbench, api_key: str) -> list[LabelStudioClient]:
    """A client per web process."""
    return [connect(Credentials(url=server.url, api_key=api_key)) for server in team.servers]


def _copies(count: int, prefix: str) -> list[Task]:
    seeds = tasks_from_articles(SEEDS)
    tasks = []
    for number in range(count):
        task = seeds[number % len(seeds)].model_copy(deep=True)
        task.data.id = f"{prefix}-{number:03d}"
        tasks.append(task)
    return tasks


def test_two_web_processes_on_consecutive_ports_serve_one_database(team: Workbench) -> None:
    first, second = team.servers

    assert second.port == first.port + 1
    assert team.database is not None and team.database.name == "labelstudio"
    assert team.pushed.total == 5


def test_push_through_one_process_and_pull_through_the_other_see_the_same_tasks(
    label_studio, team: Workbench, project_title: str, tmp_path: Path
) -> None:
    through_first, through_second = _clients(team, label_studio.api_key)
    tasks = _copies(12, "relay")

    pushed = push(through_first, tasks, project_title=project_title, batch_size=5)
    pulled = pull(through_second, project_title=project_title, directory=tmp_path)
    stored = through_second.stored_tasks(through_second.project(project_title).id)

    assert pushed.imported == 12
    assert pulled.summary.tasks == 12
    assert sorted(task.article_id for task in stored) == sorted(t.data.id for t in tasks)


def test_concurrent_pushes_of_the_same_articles_through_two_processes_leave_each_once(
    label_studio, team: Workbench, project_title: str
) -> None:
    clients = _clients(team, label_studio.api_key)
    tasks = _copies(40, "race")
    # Both start from the same empty project, then race batch by batch.
    push(clients[0], [], project_title=project_title)
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def pushing(client: LabelStudioClient) -> None:
        start.wait()
        try:
            push(client, tasks, project_title=project_title, batch_size=4)
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=pushing, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)

    stored = clients[1].stored_tasks(clients[1].project(project_title).id)
    assert failures == []
    copies = Counter(task.article_id for task in stored)
    assert sorted(copies) == sorted(task.data.id for task in tasks)
    assert set(copies.values()) == {1}
