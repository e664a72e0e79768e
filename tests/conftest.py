"""Shared fixtures, above all the one real Label Studio server of a test session.

``label_studio`` (session-scoped) starts Label Studio on a free 127.0.0.1 port from a copy of
a template data dir. The template is made once by ``label-studio init`` (a minute or two) and
kept in pytest's cache dir, keyed by the Label Studio version, so later runs start in seconds.
The server rejects invalid predictions (HTTP 400) and may call ML backends on loopback.
Each test makes its own project: use the ``project_title`` fixture for a unique title.

The fixture is parametrised over the two databases Label Studio runs on, SQLite and
PostgreSQL, so every real-server test runs on both and its id names the database
(``test_x[postgresql]``). pytest runs all tests of one database before the other and stops
the first server before starting the second, so one Label Studio runs at a time. On
PostgreSQL a cluster is copied from a cached template cluster whose ``labelstudio`` database
Label Studio has initialised, and every server gets ``CREATE DATABASE … TEMPLATE labelstudio``.
"""

import contextlib
import itertools
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from label_studio import __version__ as LABEL_STUDIO_VERSION

from curate.client import LabelStudioClient, connect
from curate.credentials import KEY_VARIABLE, URL_VARIABLE, Credentials
from curate.errors import LabelStudioError
from curate.postgres import (
    DATABASE_NAME,
    Database,
    PostgresCluster,
    copy_cluster,
    server_binaries,
    start_cluster,
)
from curate.rules import Extractor, build_extractor
from curate.rules.pass_cache import CACHE_VARIABLE
from curate.server import (
    AdminAccount,
    LabelStudioServer,
    cached_postgres_template,
    cached_template,
    copy_data_dir,
    free_port,
    start_server,
)

DATABASES = ["sqlite", "postgresql"]
#: Set to 1 (as .ci/run does) to fail rather than skip where PostgreSQL is not installed.
REQUIRE_POSTGRES_VARIABLE = "CURATE_REQUIRE_POSTGRES"


def pytest_configure(config: pytest.Config) -> None:
    """Compiled passes go to pytest's cache dir, not the user's (and the CLI processes the
    tests start inherit it); tests of the cache itself set their own."""
    if config.cache is not None:
        os.environ[CACHE_VARIABLE] = str(config.cache.mkdir("curate-passes"))


@dataclass(frozen=True)
class User:
    """An annotator made by :meth:`LabelStudioFixture.create_user`."""

    id: int
    email: str
    password: str = field(repr=False)


@dataclass
class LabelStudioFixture:
    """The session's server: its URL, admin login and API key, and helpers."""

    server: LabelStudioServer
    admin: AdminAccount
    data_dir: Path
    template: Path
    bytecode_cache: Path
    #: The server's PostgreSQL database and the session's cluster; both None on SQLite.
    database: Database | None = None
    cluster: PostgresCluster | None = None
    #: The cached cluster the session's was copied from (what `curate up --postgres` makes).
    postgres_template: Path | None = None
    _users: Iterator[int] = field(default_factory=itertools.count)

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def api_key(self) -> str:
        return self.admin.token

    @property
    def credentials(self) -> Credentials:
        return Credentials(url=self.url, api_key=self.api_key)

    def client(self) -> LabelStudioClient:
        """A fresh curate client logged in as the admin."""
        return connect(self.credentials)

    def environment(self, **extra: str) -> dict[str, str]:
        """``os.environ`` plus LABEL_STUDIO_URL/API_KEY of this server: for CLI subprocesses."""
        return {**os.environ, URL_VARIABLE: self.url, KEY_VARIABLE: self.api_key, **extra}

    def fresh_database(self) -> Database | None:
        """A new PostgreSQL database as Label Studio's template left it (None on SQLite,
        where the data dir a test copies from ``template`` holds the database)."""
        return None if self.cluster is None else fresh_database(self.cluster)

    def start_copy(self, data_dir: Path, *, port: int | None = None) -> LabelStudioServer:
        """Another Label Studio on a copy of the template (and a fresh database)."""
        copy_data_dir(self.template, data_dir)
        return start_server(
            data_dir,
            admin=self.admin,
            port=port or free_port(),
            database=self.fresh_database(),
            bytecode_cache=self.bytecode_cache,
        )

    def create_user(self, name: str = "annotator") -> User:
        """A new annotator in the organisation (unique email), for ``completed_by``."""
        email = f"{name}-{next(self._users)}-{uuid.uuid4().hex[:6]}@example.org"
        password = uuid.uuid4().hex
        user_id = self.client().create_user(email, password=password)
        return User(id=user_id, email=email, password=password)


@pytest.fixture(scope="session", params=DATABASES)
def label_studio(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LabelStudioFixture]:
    """One real Label Studio per database for the whole session, from the cached templates."""
    cache = Path(request.config.cache.mkdir(f"label-studio-{LABEL_STUDIO_VERSION}"))
    bytecode_cache = cache / "pycache"
    template, admin = cached_template(cache, bytecode_cache=bytecode_cache)
    data_dir = tmp_path_factory.mktemp(f"label-studio-{request.param}") / "data"
    copy_data_dir(template, data_dir)
    with contextlib.ExitStack() as stack:
        cluster = postgres_template = database = None
        if request.param == "postgresql":
            skip_without_postgres()
            postgres_template, password = cached_postgres_template(
                cache, admin=admin, bytecode_cache=bytecode_cache
            )
            cluster_dir = stack.enter_context(reachable_directory()) / "cluster"
            copy_cluster(postgres_template, cluster_dir)
            cluster = stack.enter_context(
                start_cluster(cluster_dir, password=password, port=free_port())
            )
            database = fresh_database(cluster)
        server = start_server(
            data_dir,
            admin=admin,
            port=free_port(),
            database=database,
            bytecode_cache=bytecode_cache,
            loopback_ml_backends=True,
        )
        with server:
            yield LabelStudioFixture(
                server=server,
                admin=admin,
                data_dir=data_dir,
                template=template,
                bytecode_cache=bytecode_cache,
                database=database,
                cluster=cluster,
                postgres_template=postgres_template,
            )


def skip_without_postgres() -> None:
    """Skip where PostgreSQL's server binaries are missing, unless CI requires them."""
    try:
        server_binaries()
    except LabelStudioError:
        if os.environ.get(REQUIRE_POSTGRES_VARIABLE) == "1":
            raise
        pytest.skip("PostgreSQL's server binaries are not installed (apt-get install postgresql)")


def fresh_database(cluster: PostgresCluster) -> Database:
    """A new database in ``cluster``, a copy of the ``labelstudio`` one Label Studio made."""
    database = replace(cluster.database, name=f"test_{uuid.uuid4().hex[:12]}")
    database.create(template=DATABASE_NAME)
    return database


@contextlib.contextmanager
def reachable_directory() -> Iterator[Path]:
    """A new directory that PostgreSQL's user can enter even when the tests run as root
    (pytest's own temporary directories are private to root)."""
    directory = Path(tempfile.mkdtemp(prefix="curate-test-"))
    directory.chmod(0o711)
    try:
        yield directory
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def reachable_tmp_path() -> Iterator[Path]:
    """Like ``tmp_path``, but a directory a PostgreSQL cluster can live in under root."""
    with reachable_directory() as directory:
        yield directory


@pytest.fixture
def project_title(request: pytest.FixtureRequest) -> str:
    """A project title no other test uses."""
    return f"{request.node.name[:40]}-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """Every rule, built once for the session (building them takes seconds)."""
    return build_extractor()
