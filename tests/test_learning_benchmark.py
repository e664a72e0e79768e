"""``benchmarks/learning.py`` at a small size: learning from any gold set never lowers F1 on
the seeds' and the held-out gold, nor on the documents learned from. (How much it lifts them
depends on what the rules already find, so the figure is the benchmark's, not a test's.)"""

import json
import subprocess
import sys
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parent.parent / "benchmarks" / "learning.py"


def test_learning_never_lowers_f1_on_any_gold_set() -> None:
    run = subprocess.run(
        [sys.executable, str(BENCHMARK), "--step", "30", "--tasks", "40"],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.splitlines()[-1])
    assert result["regressions"] == []
    # something was learned and lifted a set (the real test pages, learned from themselves),
    # so the check above had something to catch
    lifted = [
        (check["learned_from"], name)
        for check in result["checks"]
        for name, after in check["after"].items()
        if after > check["before"][name]
    ]
    assert lifted
    first, last = result["curve"][0], result["curve"][-1]
    assert (first["k"], first["entries"]) == (0, 0)
    assert last["learned"] >= last["learned_before"]
    assert result["speed"]["tasks"] == 40 and result["speed"]["suggested_entries"] > 0
