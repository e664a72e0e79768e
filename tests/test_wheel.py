"""The built wheel, installed into a fresh virtual environment outside the checkout, works.

``uv build`` (the sdist, then the wheel built from it), then the wheel goes into a new venv
with the lock file's versions of its dependencies (uv's cache makes that seconds), and the
installed ``curate`` runs from a directory that holds none of the repository's files: it
must find ``label_config/``, the gazetteers and the seeds inside the package.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from curate import __version__
from curate.credentials import write_credentials_file
from curate.server import copy_data_dir, free_port

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXPORT = ROOT / "tests" / "data" / "lsexport" / "three_annotators.json"


def run(command: list[str], *, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def checked(command: list[str], *, cwd: Path, env: dict[str, str]) -> str:
    result = run(command, cwd=cwd, env=env)
    assert result.returncode == 0, f"{command}: {result.stdout}\n{result.stderr}"
    return result.stdout


class Installed:
    """The venv with the wheel installed, and a working directory outside the checkout."""

    def __init__(self, venv: Path, workdir: Path) -> None:
        self.venv = venv
        self.workdir = workdir
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("VIRTUAL_ENV", "PYTHONPATH", "LABEL_STUDIO_URL", "LABEL_STUDIO_API_KEY")
        }
        self.env["PATH"] = f"{venv / 'bin'}{os.pathsep}{self.env.get('PATH', '')}"

    def curate(self, *args: str) -> subprocess.CompletedProcess:
        return run([str(self.venv / "bin" / "curate"), *args], cwd=self.workdir, env=self.env)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    uv = shutil.which("uv")
    assert uv, "uv is needed to build the wheel (pip install uv)"
    scratch = tmp_path_factory.mktemp("wheel")
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never"}
    env.pop("VIRTUAL_ENV", None)
    dist = scratch / "dist"
    checked([uv, "build", "--out-dir", str(dist)], cwd=ROOT, env=env)
    (wheel,) = dist.glob("curate-*.whl")
    constraints = scratch / "constraints.txt"
    export = ["export", "--frozen", "--no-dev", "--no-hashes", "--no-emit-project", "-q"]
    checked([uv, *export, "-o", str(constraints)], cwd=ROOT, env=env)
    venv = scratch / "venv"
    checked([uv, "venv", "-q", "--python", sys.executable, str(venv)], cwd=scratch, env=env)
    install = ["pip", "install", "-q", "--python", str(venv / "bin" / "python")]
    checked([uv, *install, "-c", str(constraints), str(wheel)], cwd=scratch, env=env)
    workdir = scratch / "elsewhere"
    workdir.mkdir()
    return Installed(venv, workdir)


def test_the_installed_package_is_the_wheel_not_the_checkout(installed: Installed) -> None:
    code = "import curate, curate.label_config as c; print(curate.__file__, c.LABEL_CONFIG_PATH)"
    result = run(
        [str(installed.venv / "bin" / "python"), "-c", code],
        cwd=installed.workdir,
        env=installed.env,
    )
    package, config = result.stdout.split()
    assert Path(package).is_relative_to(installed.venv)
    assert Path(config).is_relative_to(installed.venv) and Path(config).is_file()
    assert not (installed.workdir / "label_config").exists()


def test_version(installed: Installed) -> None:
    result = installed.curate("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        f"curate {__version__}",
        f"rules model version curate-rules-{__version__}",
    ]


def test_config_prints_and_checks_the_shipped_label_config(installed: Installed) -> None:
    printed = installed.curate("config")
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout == (ROOT / "label_config" / "ner.xml").read_text("utf-8")
    (installed.workdir / "ner.xml").write_text(printed.stdout, encoding="utf-8")
    checked_config = installed.curate("config", "--check", "ner.xml")
    assert checked_config.returncode == 0, checked_config.stderr
    assert checked_config.stdout.startswith("ner.xml: valid label config: 10 labels")


def test_tasks_pre_annotates_a_folder_of_articles_as_the_checkout_does(
    installed: Installed,
) -> None:
    shutil.copytree(SEEDS, installed.workdir / "articles")
    result = installed.curate("tasks", "articles", "-o", "tasks.json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("5 tasks, 171 predicted spans")
    checkout = Path(sys.executable).with_name("curate")
    reference = installed.workdir / "reference.json"
    checked(
        [str(checkout), "tasks", "articles", "-o", str(reference)],
        cwd=installed.workdir,
        env=dict(os.environ),
    )
    assert (installed.workdir / "tasks.json").read_text("utf-8") == reference.read_text("utf-8")


def test_up_starts_from_any_directory(installed: Installed) -> None:
    result = installed.curate("up", "--help")
    assert result.returncode == 0, result.stderr
    assert "the seeds shipped with curate" in " ".join(result.stdout.split())


def test_export_writes_the_formats_and_spacy_asks_for_its_extra(installed: Installed) -> None:
    out_dir = installed.workdir / "exports"
    result = installed.curate("export", str(EXPORT), "-o", str(out_dir), "--format", "jsonl,hf")
    assert result.returncode == 0, result.stderr
    assert {"gold.jsonl", "gold.parquet"} <= {path.name for path in out_dir.iterdir()}
    result = installed.curate("export", str(EXPORT), "-o", str(out_dir), "--format", "spacy")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "Error: the spacy format needs spaCy: install it with pip install 'curate[spacy]'"
    )


@pytest.mark.server
def test_up_pushes_the_shipped_seeds_from_any_directory(
    installed: Installed, label_studio: Any
) -> None:
    """``curate up --no-wait`` on a copy of the test session's template data dir (a first
    start from nothing takes Label Studio a minute or two more: 78 s here)."""
    workspace = installed.workdir / "up" / ".curate"
    copy_data_dir(label_studio.template, workspace / "labelstudio")
    (workspace / "pycache").symlink_to(label_studio.bytecode_cache)
    admin = label_studio.admin
    write_credentials_file(
        workspace / "credentials.json",
        {"url": "", "api_key": admin.token, "email": admin.email, "password": admin.password},
    )
    port = free_port()
    result = run(
        [
            str(installed.venv / "bin" / "curate"),
            "up",
            "--no-wait",
            "--port",
            str(port),
            "--silent",
        ],
        cwd=workspace.parent,
        env=installed.env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        f"5 imported, 0 already there -> project 'Drug-crime news NER' (id 1) at "
        f"http://127.0.0.1:{port}: 5 tasks"
    )
