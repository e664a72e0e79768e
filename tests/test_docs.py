"""Every command documents itself with an example, and the README names every command."""

from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from curate.cli import app

COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
README = (Path(__file__).parent.parent / "README.md").read_text("utf-8")


def test_all_commands_are_found() -> None:
    assert {"ingest", "annotate", "tasks", "up", "push", "pull", "status", "agreement",
            "export", "config", "serve-ml"} <= set(COMMANDS)  # fmt: skip


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_has_an_example(name: str) -> None:
    result = CliRunner().invoke(app, [name, "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert f"Example: curate {name}" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_readme_documents_the_command(name: str) -> None:
    assert f"`curate {name}" in README


ROOT = Path(__file__).parent.parent
LAYOUT = README[README.index("## Layout") :]
MODULES = sorted(
    path.name if path.is_file() else f"{path.name}/"
    for path in (ROOT / "curate").iterdir()
    if (path.suffix == ".py" and path.name != "__init__.py")
    or (path.is_dir() and (path / "__init__.py").exists())
)
BENCHMARKS = sorted(path.name for path in (ROOT / "benchmarks").glob("*.py"))


@pytest.mark.parametrize("name", MODULES)
def test_readme_layout_lists_every_module(name: str) -> None:
    assert name in LAYOUT


@pytest.mark.parametrize("name", BENCHMARKS)
def test_readme_layout_lists_every_benchmark(name: str) -> None:
    assert name in LAYOUT


def test_the_scheme_the_code_cites_is_in_the_repository() -> None:
    scheme = ROOT / "docs" / "scheme.md"
    assert scheme.is_file() and "QUANTITY" in scheme.read_text("utf-8")
    assert "docs/scheme.md" in README
