"""Shared fixtures, above all the one real Label Studio server of a test session.

``label_studio`` (session-scoped) starts Label Studio on a free 127.0.0.1 port from a copy of
a template data dir. The template is made once by ``label-studio init`` (a minute or two) and
kept in pytest's cache dir, keyed by the Label Studio version, so later runs start in seconds.
The server rejects invalid predictions (HTTP 400) and may call ML backends on loopback.
Each test makes its own project: use the ``project_title`` fixture for a unique title.
"""

import itertools
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from label_studio import __version__ as LABEL_STUDIO_VERSION

from curate.client import LabelStudioClient, connect
from curate.credentials import KEY_VARIABLE, URL_VARIABLE, Credentials
from curate.rules import Extractor, build_extractor
from curate.server import (
    AdminAccount,
    LabelStudioServer,
    cached_template,
    copy_data_dir,
    free_port,
    start_server,
)


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

    def create_user(self, name: str = "annotator") -> User:
        """A new annotator in the organisation (unique email), for ``completed_by``."""
        email = f"{name}-{next(self._users)}-{uuid.uuid4().hex[:6]}@example.org"
        password = uuid.uuid4().hex
        user_id = self.client().create_user(email, password=password)
        return User(id=user_id, email=email, password=password)


@pytest.fixture(scope="session")
def label_studio(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LabelStudioFixture]:
    """One real Label Studio for the whole session, started from the cached template."""
    cache = Path(request.config.cache.mkdir(f"label-studio-{LABEL_STUDIO_VERSION}"))
    bytecode_cache = cache / "pycache"
    template, admin = cached_template(cache, bytecode_cache=bytecode_cache)
    data_dir = tmp_path_factory.mktemp("label-studio") / "data"
    copy_data_dir(template, data_dir)
    server = start_server(
        data_dir,
        admin=admin,
        port=free_port(),
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
        )


@pytest.fixture
def project_title(request: pytest.FixtureRequest) -> str:
    """A project title no other test uses."""
    return f"{request.node.name[:40]}-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """Every rule, built once for the session (building them takes seconds)."""
    return build_extractor()
