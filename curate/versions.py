"""What ``curate --version`` reports: curate's version, the model version the rules stamp on
their predictions (with the digest of the accepted entries of ``learned/`` when the current
folder has one), and the Label Studio curate works with (the installed package, and the
server's release when one is configured and answers)."""

import os
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import NamedTuple

import httpx
from label_studio_sdk.core.api_error import ApiError

from curate import __version__
from curate.client import LabelStudioClient, display_url
from curate.credentials import CREDENTIALS_PATH, URL_VARIABLE, load_credentials
from curate.errors import CurateError
from curate.learn import load_learned, resolve_directory
from curate.rules import learned_model_version
from curate.rules.extractor import MODEL_VERSION

#: How long to wait for a configured server's version: ``--version`` must stay quick.
SERVER_TIMEOUT = 3.0


class Versions(NamedTuple):
    """The versions, and for the server what was asked and what came back."""

    curate: str
    rules_model: str
    label_studio_package: str | None
    server_url: str | None
    server_release: str | None
    server_problem: str | None


def versions(
    *,
    credentials_path: Path = CREDENTIALS_PATH,
    environ: Mapping[str, str] = os.environ,
    timeout: float = SERVER_TIMEOUT,
) -> Versions:
    """Every version; a server that is not configured or does not answer is noted, not an
    error (``--version`` must work anywhere)."""
    url, release, problem = _server_release(credentials_path, environ, timeout)
    return Versions(
        curate=__version__,
        rules_model=_rules_model_version(),
        label_studio_package=_installed("label-studio"),
        server_url=url,
        server_release=release,
        server_problem=problem,
    )


def _rules_model_version() -> str:
    """What the rules stamp on predictions made here: ``learned/`` changes it."""
    found = resolve_directory(None)
    if found is None:
        return MODEL_VERSION
    return learned_model_version(load_learned(found).digest)


def _installed(distribution: str) -> str | None:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return None


def _server_release(
    credentials_path: Path, environ: Mapping[str, str], timeout: float
) -> tuple[str | None, str | None, str | None]:
    """(display URL, release, problem) of the configured server; all None when none is."""
    if not (environ.get(URL_VARIABLE) or credentials_path.exists()):
        return None, None, None
    try:
        credentials = load_credentials(path=credentials_path, environ=environ)
    except CurateError as error:
        return None, None, str(error)
    url = display_url(credentials.url)
    try:
        client = LabelStudioClient(credentials, timeout=timeout, retries=0)
        release = client.sdk.versions.get(request_options={"max_retries": 0}).release
    except (CurateError, httpx.HTTPError, ApiError) as error:
        return url, None, f"not reachable ({type(error).__name__})"
    return url, release or None, None if release else "answered without a release"
