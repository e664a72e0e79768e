"""The ways of running the rules that must agree: ``--jobs 1`` and ``--jobs 2`` (order and
content), one article at a time and a corpus, on the seeds and every gold set's articles."""

import json
from pathlib import Path

import pytest
from goldsets import ROOT
from typer.testing import CliRunner

from curate import annotate
from curate.annotate import annotate_paths
from curate.cli import app
from curate.errors import InputError

ARTICLE_DIRS = [ROOT / "seeds", *sorted((ROOT / "tests" / "data").glob("*/*/articles"))]


def test_the_gold_sets_are_found() -> None:
    assert len(ARTICLE_DIRS) == 5


@pytest.mark.parametrize("chunk", [1, 3])
def test_two_jobs_write_what_one_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(annotate, "CHUNK_ARTICLES", chunk)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first = annotate_paths(ARTICLE_DIRS, output=one, jobs=1)
    second = annotate_paths(ARTICLE_DIRS, output=two, jobs=2)
    assert two.read_bytes() == one.read_bytes()
    assert second == first
    documents = [json.loads(line) for line in one.read_text(encoding="utf-8").splitlines()]
    # more chunks than are handed out at a time: the workers are kept waiting on the writer
    assert len(documents) == first.documents > 2 * annotate.CHUNKS_AHEAD_PER_JOB * chunk
    assert sum(len(document["spans"]) for document in documents) > 1000


def test_a_corpus_in_two_jobs_matches_each_article_alone(tmp_path: Path) -> None:
    together = tmp_path / "together.jsonl"
    annotate_paths(ARTICLE_DIRS, output=together, jobs=2)
    alone = []
    for article in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
        output = tmp_path / f"{article.stem}.jsonl"
        annotate_paths([article], output=output, jobs=2)  # one article: run in-process
        alone.append(output.read_text(encoding="utf-8"))
    assert together.read_text(encoding="utf-8").startswith("".join(alone))


def test_cli_jobs_option(tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    runner = CliRunner()
    for output, jobs in ((one, "1"), (two, "2")):
        result = runner.invoke(
            app, ["annotate", str(ROOT / "seeds"), "-o", str(output), "-j", jobs]
        )
        assert result.exit_code == 0, result.output
        assert "5 documents" in result.output
    assert two.read_bytes() == one.read_bytes()


def test_zero_jobs_is_an_input_error(tmp_path: Path) -> None:
    output = tmp_path / "spans.jsonl"
    with pytest.raises(InputError, match="--jobs 0"):
        annotate_paths([ROOT / "seeds"], output=output, jobs=0)
    assert not output.exists()
    result = CliRunner().invoke(
        app, ["annotate", str(ROOT / "seeds"), "-o", str(output), "-j", "0"]
    )
    assert result.exit_code != 0
    assert "Error: --jobs 0" in result.output
    assert "Traceback" not in result.output
