"""``curate up``: the project's own Label Studio with the seeds pushed, and the ML backend.

:func:`workbench` starts everything and stops it all when its block ends (Ctrl-C, ``kill``
or a closed terminal included), so a notebook or a test runs the same thing the command does.
Label Studio keeps its data in SQLite, in a PostgreSQL cluster of curate's own
(``postgres=True``), or in an existing PostgreSQL server (``database_url``).
"""

import contextlib
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from curate.client import LabelStudioClient, connect
from curate.credentials import CREDENTIALS_PATH, read_credentials_file, write_credentials_file
from curate.errors import InputError, LabelStudioError
from curate.label_config import DEFAULT_PROJECT
from curate.ml_backend import DEFAULT_PORT, RunningBackend, live_pre_annotation
from curate.postgres import (
    PASSWORD_VARIABLE,
    POSTGRES_DIR,
    Database,
    database_from_url,
    generate_password,
    has_cluster,
    start_cluster,
)
from curate.resources import SEEDS_DIR
from curate.server import (
    LabelStudioServer,
    free_port,
    running,
    serve_until_interrupted,
    start_embedded,
    stop_signals_interrupt,
)
from curate.sync import Progress, PushReport, push
from curate.tasks import ArticleTasks

#: The credentials file's field for the PostgreSQL password (never printed).
POSTGRES_PASSWORD_FIELD = "postgres_password"


@dataclass(frozen=True)
class Workbench:
    """What ``curate up`` has running: the web processes, a client, what the push did, the ML
    backend, and the PostgreSQL database (None on SQLite)."""

    servers: tuple[LabelStudioServer, ...]
    client: LabelStudioClient
    pushed: PushReport
    backend: RunningBackend | None
    database: Database | None

    @property
    def server(self) -> LabelStudioServer:
        """The first web process, the one the credentials file names."""
        return self.servers[0]

    def serve_until_interrupted(self) -> None:
        """Block until Ctrl-C; raise if a web process dies."""
        serve_until_interrupted(self.servers)


@contextlib.contextmanager
def workbench(
    *,
    seeds: Path | None = None,
    project_title: str = DEFAULT_PROJECT,
    port: int = 8080,
    workers: int = 1,
    postgres: bool = False,
    database_url: str | None = None,
    ml: bool = False,
    ml_port: int = DEFAULT_PORT,
    progress: Progress | None = None,
    on_first_start: Callable[[], None] | None = None,
    learned: Path | None = None,
    learn: bool = True,
) -> Iterator[Workbench]:
    """Start the embedded Label Studio (``workers`` web processes on consecutive ports from
    ``port``), push ``seeds`` (by default the seeds shipped with curate) into the project, and
    with ``ml`` serve the rules as its ML backend; all of it stops when the block ends.

    ``postgres`` keeps the data in a PostgreSQL cluster under ``.curate/postgres/`` (started
    and stopped with the rest), ``database_url`` in an existing PostgreSQL server; several
    workers need one of the two. The options and articles are checked first, so a bad seed
    fails before anything starts. Within the block SIGTERM and SIGHUP stop everything as
    Ctrl-C does (see :func:`stop_signals_interrupt`). ``on_first_start`` is called when
    Label Studio is about to create its database. The rules load the accepted entries of
    ``learned`` (default: ``learned/`` when there is one); with ``ml`` and ``learn`` the
    backend learns from annotations as they are saved.
    """
    _check_database_options(workers=workers, postgres=postgres, database_url=database_url)
    tasks = ArticleTasks(seeds if seeds is not None else SEEDS_DIR, learned=learned)
    with stop_signals_interrupt(), _database(postgres, database_url) as database:
        started, credentials = start_embedded(
            port=port,
            workers=workers,
            database=database,
            loopback_ml_backends=ml,
            on_first_start=on_first_start,
        )
        with running(started) as servers:
            client = connect(credentials)
            pushed = push(client, tasks, project_title=project_title, progress=progress)
            serving = (
                live_pre_annotation(
                    client, pushed.project.id, port=ml_port, learned=learned, learn=learn
                )
                if ml
                else contextlib.nullcontext()
            )
            with serving as backend:
                yield Workbench(
                    servers=tuple(servers),
                    client=client,
                    pushed=pushed,
                    backend=backend,
                    database=database,
                )


def _check_database_options(*, workers: int, postgres: bool, database_url: str | None) -> None:
    if postgres and database_url:
        raise InputError(
            "--postgres starts a PostgreSQL of curate's own, --database-url uses another: "
            "give one of them"
        )
    if workers < 1:
        raise InputError(f"--workers must be 1 or more, not {workers}")
    if workers > 1 and not (postgres or database_url):
        raise InputError(
            "several Label Studio web processes need PostgreSQL (SQLite serialises every "
            "write): add --postgres, or --database-url"
        )


@contextlib.contextmanager
def _database(postgres: bool, database_url: str | None) -> Iterator[Database | None]:
    """None (SQLite), the existing server at ``database_url``, or a running cluster of ours."""
    if database_url:
        yield database_from_url(database_url, password=existing_database_password())
    elif postgres:
        with start_cluster(
            POSTGRES_DIR, password=embedded_postgres_password(), port=free_port()
        ) as cluster:
            yield cluster.database
    else:
        yield None


def existing_database_password(
    *, credentials_path: Path = CREDENTIALS_PATH, environ: Mapping[str, str] = os.environ
) -> str | None:
    """The password for ``--database-url``: $PGPASSWORD, else the credentials file's."""
    if environ.get(PASSWORD_VARIABLE):
        return environ[PASSWORD_VARIABLE]
    stored = read_credentials_file(credentials_path) if credentials_path.exists() else {}
    return stored.get(POSTGRES_PASSWORD_FIELD)


def embedded_postgres_password(
    *, directory: Path = POSTGRES_DIR, credentials_path: Path = CREDENTIALS_PATH
) -> str:
    """The superuser password of curate's own cluster: from the credentials file, or new (and
    saved there, 0600, before ``initdb`` uses it) when there is no cluster yet."""
    stored = read_credentials_file(credentials_path) if credentials_path.exists() else {}
    if POSTGRES_PASSWORD_FIELD in stored:
        return stored[POSTGRES_PASSWORD_FIELD]
    if has_cluster(directory):
        raise LabelStudioError(
            f"{directory} holds a PostgreSQL cluster but {credentials_path} has no "
            f"{POSTGRES_PASSWORD_FIELD} for it: restore that file, or move {directory} away "
            "to start afresh"
        )
    password = generate_password()
    write_credentials_file(credentials_path, {**stored, POSTGRES_PASSWORD_FIELD: password})
    return password
