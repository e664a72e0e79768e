"""Each benchmark runs at a tiny size, so the scripts cannot rot between measured runs."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _run(script: str, *arguments: str) -> dict:
    """Run a benchmark script; return the JSON line it prints last."""
    run = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), *arguments],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.splitlines()[-1])


def test_agreement_benchmark_runs() -> None:
    result = _run("agreement.py", "--tasks", "50")
    assert result["units"] == 50 * 10
    assert set(result["results"]) == {
        "krippendorff_alpha",
        "cohen_kappa (3 pairs)",
        "fleiss_kappa",
        "span_f1_exact (3 pairs)",
    }
    assert all(row["curate_s"] > 0 for row in result["results"].values())


def test_conll_benchmark_runs() -> None:
    result = _run("conll.py", "--tasks", "10")
    assert (result["tasks"], result["conversion_output_identical"]) == (10, True)
    assert result["curate"] == {"kept": result["spans"], "shifted": 0, "lost": 0}
    assert sum(result["label_studio"].values()) == result["spans"]


def test_quality_benchmark_runs() -> None:
    every = _run("quality.py")["sets"]
    assert list(every) == ["seeds", "heldout-dev", "heldout-test", "real-dev", "real-test"]
    data = BENCHMARKS.parent / "tests" / "data"
    articles = [
        BENCHMARKS.parent / "seeds",
        *(data / "heldout" / split / "articles" for split in ("dev", "test")),
        *(data / "real" / split / "articles" for split in ("dev", "test")),
    ]
    # every article of every set was read
    assert [every[name]["documents"] for name in every] == [
        len(list(folder.glob("*.txt"))) for folder in articles
    ]
    for name, scores in every.items():
        # the kk and ru articles split each set: their gold spans add up to the set's
        languages = scores["languages"].values()
        assert sum(lang["documents"] for lang in languages) == scores["documents"], name
        for label, row in scores["labels"].items():
            assert sum(lang["labels"][label]["true"] for lang in languages) == row["true"]
    result = _run("quality.py", "--sets", "seeds")["sets"]["seeds"]
    assert result == every["seeds"]
    # the targets on the dev gold: micro-F1 >= 0.90 and no label below 0.80
    assert result["micro"]["f1"] >= 0.90
    assert min(row["f1"] for row in result["labels"].values()) >= 0.80
    assert result["value_accuracy"] >= 0.95
    # the held-out test set through --articles/--gold: measured only, so no target here
    heldout = BENCHMARKS.parent / "tests" / "data" / "heldout" / "test"
    held = _run(
        "quality.py", "--articles", str(heldout / "articles"), "--gold", str(heldout / "gold")
    )
    assert held["documents"] == 6
    rows = held["labels"].values()
    assert sum(row["true"] for row in rows) == 243  # every gold span of the set was read
    # the micro figure is the one the per-label counts give, whatever the rules score
    matched = sum(row["recall"] * row["true"] for row in rows)
    predicted = sum(row["predicted"] for row in rows)
    assert held["micro"]["f1"] == pytest.approx(2 * matched / (predicted + 243))
    # every gold number span is prefilled right, prefilled wrong, or not prefilled
    for label, row in held["values_to_fix"].items():
        assert row["gold"] == row["right"] + row["wrong"] + row["not_prefilled"], label
        assert row["to_fix"] == row["wrong"] + row["not_prefilled"]
        if label != "all":
            assert row["gold"] == held["labels"][label]["true"]


def test_speed_benchmark_runs() -> None:
    result = _run("speed.py", "--megabytes", "0.2")
    assert result["megabytes"] >= 0.2 and result["articles"] >= 5
    assert result["extract_mb_per_s"] > 0 and result["stream_articles_per_s"] > 0
    assert result["slowdown_vs_finditer"] > 1
    # the ceiling leaves the rules out, so it is above what annotate reaches with them
    assert len(result["stages_mb_per_s"]) == 6
    assert result["ceiling_mb_per_s"] > result["stream_mb_per_s"]
    assert result["peak_rss_mb_at_end"] >= result["peak_rss_mb_after_first_tenth"] > 0
    assert result["jobs"] == 2 and result["jobs_output_identical"] is True
    # the speed-up quoted is the median of three rounds of one job, two jobs, one job
    speedups = sorted(r["speedup"] for r in result["jobs_rounds"])
    assert len(speedups) == 3 and result["jobs_speedup"] == speedups[1]
    assert 0 < result["build_one_s"] < result["build_both_s"]
    assert set(result["one_article_wall_s"]) == {"kk", "ru"}
    for timing in result["one_article_wall_s"].values():
        assert 0 < timing["warm_s"] < timing["cold_s"]


@pytest.mark.server
def test_sync_benchmark_runs(label_studio) -> None:
    database = "sqlite" if label_studio.database is None else "postgresql"
    result = _run(
        "sync.py",
        *("--sizes", "20", "--databases", database),
        *("--cache", str(label_studio.template.parent)),
    )
    (row,) = result["sizes"]
    assert row["tasks"] == 20 and result["label_studio"]
    assert row["database"] == database
    # pull, status and their raw calls all read the project the push filled
    assert row["read_project"] == "curate-20"
    for curate_name, raw_name in (
        ("push", "raw_import"),
        ("pull", "raw_export"),
        ("status", "raw_status"),
    ):
        for operation in (curate_name, raw_name, f"{raw_name}_after"):
            assert row[operation] > 0
            assert row[f"{operation}_peak_rss_mb"] > 0
        # each curate operation against the mean of its raw call before and after it
        runs = (row[raw_name], row[f"{raw_name}_after"])
        assert row[f"{raw_name}_mean"] == pytest.approx(sum(runs) / 2, abs=1e-3)
    assert row["push_ratio"] > 0 and row["pull_ratio"] > 0 and row["status_ratio"] > 0


def test_sync_benchmark_measures_only_the_operations_asked_for(label_studio) -> None:
    database = "sqlite" if label_studio.database is None else "postgresql"
    result = _run(
        "sync.py",
        *("--sizes", "20", "--databases", database, "--operations", "pull"),
        *("--cache", str(label_studio.template.parent)),
    )
    (row,) = result["sizes"]
    # a raw import fills the project the pull reads; nothing else is run
    measured = {name for name in row if name.endswith("_peak_rss_mb")}
    assert measured == {
        f"{name}_peak_rss_mb" for name in ("raw_import", "raw_export", "pull", "raw_export_after")
    }
    assert "push_ratio" not in row and row["pull_ratio"] > 0 and row["snapshot_mb"] > 0
    assert row["read_project"] == "raw-20"


def test_sync_benchmark_refuses_an_unknown_operation() -> None:
    completed = subprocess.run(
        [sys.executable, str(BENCHMARKS / "sync.py"), "--operations", "pull,merge"],
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 2
    assert "--operations: unknown merge" in completed.stderr


def test_ml_backend_benchmark_runs() -> None:
    result = _run("ml_backend.py", "--requests", "5")
    assert 4900 <= result["article_bytes"] <= 5000
    assert set(result["latency"]) == {"with data.lang", "language detected", "GET /health (floor)"}
    for row in result["latency"].values():
        assert 0 < row["p50_ms"] <= row["p95_ms"] <= row["p99_ms"]
    assert result["latency"]["with data.lang"]["results_per_prediction"] > 50
