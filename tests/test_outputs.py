"""curate replaces or removes only files it wrote itself (issue: `export -o .` ate a README).

Each folder curate writes into holds a manifest of the files it wrote and their hashes; a
file that is not in it, or that changed since, is in the way: the command stops before any
work with one line naming it, unless ``--force``.
"""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from curate.cli import app
from curate.errors import OutputError
from curate.files import MANIFEST_NAME, check_output_file, owned_writer, remove_outputs

EXPORT = Path(__file__).parent / "data" / "lsexport" / "three_annotators.json"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()


def _contents(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


@pytest.fixture
def users_folder(tmp_path: Path) -> Path:
    """A folder with the user's own README and a train.jsonl that curate did not write."""
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "README.md").write_text("# My project\n\nMy notes.\n", encoding="utf-8")
    (folder / "train.jsonl").write_text('{"mine": true}\n', encoding="utf-8")
    return folder


def test_export_never_replaces_the_users_readme(users_folder: Path) -> None:
    before = _contents(users_folder)

    result = runner.invoke(app, ["export", str(EXPORT), "-o", str(users_folder), "--silent"])

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {users_folder / 'README.md'} exists and curate did not write it: move it "
        "away, choose another -o, or rerun with --force to replace it"
    ]
    assert _contents(users_folder) == before


def test_export_with_a_split_names_the_users_train_file_first(users_folder: Path) -> None:
    before = _contents(users_folder)

    result = runner.invoke(
        app, ["export", str(EXPORT), "-o", str(users_folder), "--split", "80/10/10", "--silent"]
    )

    assert result.exit_code == 1
    assert f"Error: {users_folder / 'train.jsonl'} exists and curate did not write it" in (
        result.stderr
    )
    assert _contents(users_folder) == before


def test_export_into_the_current_folder_of_a_project(users_folder: Path, monkeypatch) -> None:
    monkeypatch.chdir(users_folder)
    before = _contents(users_folder)

    result = runner.invoke(app, ["export", str(EXPORT), "-o", ".", "--silent"])

    assert result.exit_code == 1 and "README.md exists and curate did not write it" in result.stderr
    assert _contents(users_folder) == before


def test_force_replaces_the_files_in_the_way(users_folder: Path) -> None:
    result = runner.invoke(
        app, ["export", str(EXPORT), "-o", str(users_folder), "--silent", "--force"]
    )

    assert result.exit_code == 0, result.output
    assert (users_folder / "README.md").read_text("utf-8").startswith("# ")
    assert "My notes" not in (users_folder / "README.md").read_text("utf-8")
    # Not a file this export writes, so left alone even with --force.
    assert (users_folder / "train.jsonl").read_text("utf-8") == '{"mine": true}\n'


def test_a_second_export_replaces_what_the_first_wrote(tmp_path: Path) -> None:
    command = ["export", str(EXPORT), "-o", str(tmp_path), "--silent", "--split", "50/25/25"]
    assert runner.invoke(app, command).exit_code == 0
    manifest = json.loads((tmp_path / MANIFEST_NAME).read_text("utf-8"))
    assert {"gold.jsonl", "train.conll", "README.md", "conflicts.jsonl"} <= set(manifest["files"])

    again = runner.invoke(app, ["export", str(EXPORT), "-o", str(tmp_path), "--silent"])

    assert again.exit_code == 0, again.output
    assert not (tmp_path / "train.conll").exists()  # curate's stale split file is removed


def test_a_file_changed_since_curate_wrote_it_is_not_replaced(tmp_path: Path) -> None:
    assert (
        runner.invoke(app, ["export", str(EXPORT), "-o", str(tmp_path), "--silent"]).exit_code == 0
    )
    edited = tmp_path / "gold.jsonl"
    edited.write_text(edited.read_text("utf-8") + '{"hand": "edited"}\n', encoding="utf-8")
    before = _contents(tmp_path)

    result = runner.invoke(app, ["export", str(EXPORT), "-o", str(tmp_path), "--silent"])

    assert result.exit_code == 1
    assert f"Error: {edited} changed since curate wrote it" in result.stderr
    assert _contents(tmp_path) == before


def test_a_stale_file_the_user_changed_is_kept(tmp_path: Path) -> None:
    with owned_writer(tmp_path / "dev.jsonl") as stream:
        stream.write("curate's\n")
    (tmp_path / "dev.jsonl").write_text("the user's now\n", encoding="utf-8")

    assert remove_outputs(tmp_path, ["dev.jsonl", "test.jsonl"]) == []
    assert (tmp_path / "dev.jsonl").read_text("utf-8") == "the user's now\n"


@pytest.mark.parametrize("command", ["ingest", "tasks", "annotate"])
def test_single_file_outputs_are_owned_too(command: str, tmp_path: Path) -> None:
    target = tmp_path / "mine.jsonl"
    target.write_text("the user's file\n", encoding="utf-8")
    output = ["-o", str(target)]

    refused = runner.invoke(app, [command, str(SEEDS), *output])
    assert refused.exit_code == 1 and "mine.jsonl exists and curate did not write it" in (
        refused.stderr
    )
    assert target.read_text("utf-8") == "the user's file\n"

    forced = runner.invoke(app, [command, str(SEEDS), *output, "--force"])
    assert forced.exit_code == 0, forced.output
    again = runner.invoke(app, [command, str(SEEDS), *output])  # now curate's own file
    assert again.exit_code == 0, again.output


def test_an_output_under_a_file_is_refused_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("a file\n", encoding="utf-8")

    with pytest.raises(OutputError, match=r"plain is a file, so .* cannot be made"):
        check_output_file(tmp_path / "plain" / "sub" / "out.jsonl")
