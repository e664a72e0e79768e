"""Where curate finds its Label Studio: the URL and API key, from the environment or a 0600 file.

``LABEL_STUDIO_URL`` and ``LABEL_STUDIO_API_KEY`` win; otherwise ``.curate/credentials.json``,
which ``curate up`` writes for the embedded server (with the admin's login). The file must
not be readable by other users. The key never appears in a repr, a log or an error message.
"""

import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from curate.errors import InputError, LabelStudioError
from curate.files import atomic_writer

CREDENTIALS_PATH = Path(".curate") / "credentials.json"
URL_VARIABLE = "LABEL_STUDIO_URL"
KEY_VARIABLE = "LABEL_STUDIO_API_KEY"


@dataclass(frozen=True)
class Credentials:
    """How to reach one Label Studio: its base URL and an API key (hidden from repr)."""

    url: str
    api_key: str = field(repr=False)


def load_credentials(
    *,
    url: str | None = None,
    path: Path = CREDENTIALS_PATH,
    environ: Mapping[str, str] = os.environ,
) -> Credentials:
    """Credentials from ``url`` (if given), the environment, then the credentials file."""
    stored = read_credentials_file(path) if path.exists() else {}
    url = url or environ.get(URL_VARIABLE) or stored.get("url")
    api_key = environ.get(KEY_VARIABLE) or stored.get("api_key")
    if not url:
        raise LabelStudioError(
            f"no Label Studio configured: run `curate up` to start one here, "
            f"or set {URL_VARIABLE} and {KEY_VARIABLE}"
        )
    if not api_key:
        raise LabelStudioError(
            f"no API key for Label Studio at {url}: set {KEY_VARIABLE} "
            "(Label Studio: Account & Settings → Access Token), or run `curate up`"
        )
    return Credentials(url=url.rstrip("/"), api_key=api_key)


def read_credentials_file(path: Path) -> dict[str, str]:
    """The string fields of a credentials file, refused unless only its owner can read it."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise InputError(
                f"{path} can be read by other users (mode {mode:04o}): "
                f"run `chmod 600 {path}`, since it holds an API key"
            )
        content = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"cannot read credentials file {path}: {error.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise InputError(
            f"{path} is not a JSON object of strings: fix it or delete it and rerun `curate up`"
        ) from None
    if not isinstance(content, dict) or not all(
        isinstance(value, str) for value in content.values()
    ):
        raise InputError(
            f"{path} is not a JSON object of strings: fix it or delete it and rerun `curate up`"
        )
    return content


def write_credentials_file(path: Path, values: Mapping[str, str]) -> None:
    """Write ``values`` as JSON to ``path`` atomically, readable by its owner only (0600)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with atomic_writer(path, mode=0o600) as stream:
        json.dump(dict(values), stream, indent=2)
