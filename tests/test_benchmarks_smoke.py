"""Each benchmark runs at a tiny size, so the scripts cannot rot between measured runs."""

import json
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def test_agreement_benchmark_runs() -> None:
    run = subprocess.run(
        [sys.executable, str(BENCHMARKS / "agreement.py"), "--tasks", "50"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.splitlines()[-1])
    assert result["units"] == 50 * 10
    assert set(result["results"]) == {
        "krippendorff_alpha",
        "cohen_kappa (3 pairs)",
        "fleiss_kappa",
        "span_f1_exact (3 pairs)",
    }
    assert all(row["curate_s"] > 0 for row in result["results"].values())


def test_conll_benchmark_runs() -> None:
    run = subprocess.run(
        [sys.executable, str(BENCHMARKS / "conll.py"), "--tasks", "10"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.splitlines()[-1])
    assert (result["tasks"], result["conversion_output_identical"]) == (10, True)
    assert result["curate"] == {"kept": result["spans"], "shifted": 0, "lost": 0}
    assert sum(result["label_studio"].values()) == result["spans"]
