"""Atomic writes: the old file or the whole new one, with ordinary permissions."""

import os
from pathlib import Path

import pytest

from curate.files import atomic_writer, write_lines


def test_write_lines_replaces_whole_file_with_umask_mode(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.jsonl"
    assert write_lines(target, ["a", "b"]) == 2
    assert target.read_text() == "a\nb\n"
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def test_failure_leaves_earlier_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("earlier\n")
    with pytest.raises(RuntimeError), atomic_writer(target) as stream:
        stream.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text() == "earlier\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_private_mode(tmp_path: Path) -> None:
    target = tmp_path / "secret.json"
    with atomic_writer(target, mode=0o600) as stream:
        stream.write("{}")
    assert target.stat().st_mode & 0o777 == 0o600


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
