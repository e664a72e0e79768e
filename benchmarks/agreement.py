"""Agreement metrics at scale: curate against the krippendorff package, scikit-learn,
statsmodels and seqeval, on the same synthetic token matrices.

``--tasks`` tasks of ``--tokens-per-task`` tokens, each annotated by three annotators who
copy a shared truth (85 % "O", runs of ten labels) and relabel 10 % of tokens at random.
Timed, each on the same data for both sides: Krippendorff's nominal alpha on the
3 × N matrix, Cohen's kappa of the three pairs, Fleiss' kappa on the N × 11 count table,
and exact-match span F1 of the three pairs (curate from span rows, seqeval from BIO tags).
Every pair of results must agree to 1e-9.

    uv run python benchmarks/agreement.py               # 100,000 tasks × 10 tokens
    uv run python benchmarks/agreement.py --tasks 200   # smoke run

The krippendorff package builds an N × V × V array, so its memory grows as N · 11² · 8
bytes several times over: 10 tokens a task keeps the default run near 4 GB.
Prints a table and one JSON line.
"""

import argparse
import json
import time
from collections.abc import Callable, Sequence
from itertools import combinations
from typing import Any

import krippendorff
import numpy as np
import numpy.typing as npt
from seqeval.metrics import f1_score
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats import inter_rater

from curate.labels import LABEL_NAMES
from curate.metrics import (
    SpanCounts,
    cohen_kappa,
    exact_match,
    fleiss_kappa,
    krippendorff_alpha_nominal,
    precision_recall_f1,
    span_counts,
)

ANNOTATORS = 3
VALUES = len(LABEL_NAMES) + 1  # "O" is 0, label i is i + 1
PAIRS = list(combinations(range(ANNOTATORS), 2))


def token_matrix(n_tasks: int, tokens_per_task: int, *, seed: int) -> npt.NDArray[np.int64]:
    """(3, N) token values of three noisy copies of one truth."""
    rng = np.random.default_rng(seed)
    n = n_tasks * tokens_per_task
    truth = np.where(rng.random(n) < 0.15, rng.integers(1, VALUES, n), 0)
    noisy = rng.random((ANNOTATORS, n)) < 0.10
    return np.where(noisy, rng.integers(0, VALUES, (ANNOTATORS, n)), truth)


def span_rows(values: npt.NDArray[np.int64], tokens_per_task: int) -> npt.NDArray[np.int64]:
    """(S, 4) spans task, first token, end token, label: runs of one label within a task."""
    position = np.arange(values.size)
    begins = (values != 0) & ((position % tokens_per_task == 0) | (values != np.roll(values, 1)))
    ends = (values != 0) & (
        (position % tokens_per_task == tokens_per_task - 1) | (values != np.roll(values, -1))
    )
    first, last = position[begins], position[ends]
    return np.column_stack(
        [first // tokens_per_task, first % tokens_per_task, last % tokens_per_task + 1,
         values[first] - 1]
    )  # fmt: skip


def bio_tags(values: npt.NDArray[np.int64], tokens_per_task: int) -> list[list[str]]:
    """The same runs as BIO tags, one list per task (seqeval's input)."""
    position = np.arange(values.size)
    begins = (position % tokens_per_task == 0) | (values != np.roll(values, 1))
    names = np.array(["O", *LABEL_NAMES], dtype=object)
    prefix = np.where(begins, "B-", "I-").astype(object)
    tags = np.where(values == 0, "O", prefix + names[values])
    return tags.reshape(-1, tokens_per_task).tolist()


def curate_span_f1(first: npt.NDArray[np.int64], second: npt.NDArray[np.int64]) -> float:
    counts = span_counts(first, second, match=exact_match, n_labels=len(LABEL_NAMES))
    total = SpanCounts(*(c.sum(keepdims=True) for c in counts))
    return float(precision_recall_f1(total).f1[0])


def timed(function: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = function()
    return value, time.perf_counter() - start


def run(n_tasks: int, tokens_per_task: int, *, seed: int) -> dict[str, Any]:
    codes = token_matrix(n_tasks, tokens_per_task, seed=seed)
    spans = [span_rows(row, tokens_per_task) for row in codes]
    tags = [bio_tags(row, tokens_per_task) for row in codes]
    table, _ = inter_rater.aggregate_raters(codes.T, n_cat=VALUES)
    comparisons = {
        "krippendorff_alpha": (
            "krippendorff.alpha",
            lambda: krippendorff_alpha_nominal(codes),
            lambda: krippendorff.alpha(
                reliability_data=codes.astype(float), level_of_measurement="nominal"
            ),
        ),
        "cohen_kappa (3 pairs)": (
            "sklearn cohen_kappa_score",
            lambda: [cohen_kappa(codes[i], codes[j]) for i, j in PAIRS],
            lambda: [cohen_kappa_score(codes[i], codes[j]) for i, j in PAIRS],
        ),
        "fleiss_kappa": (
            "statsmodels fleiss_kappa",
            lambda: fleiss_kappa(table),
            lambda: inter_rater.fleiss_kappa(table),
        ),
        "span_f1_exact (3 pairs)": (
            "seqeval f1_score",
            lambda: [curate_span_f1(spans[i], spans[j]) for i, j in PAIRS],
            lambda: [f1_score(tags[j], tags[i]) for i, j in PAIRS],
        ),
    }
    results = {}
    for metric, (reference, ours, theirs) in comparisons.items():
        our_value, our_seconds = timed(ours)
        their_value, their_seconds = timed(theirs)
        agree = bool(np.allclose(our_value, their_value, rtol=0, atol=1e-9))
        if not agree:
            raise SystemExit(f"{metric}: curate {our_value} != {reference} {their_value}")
        results[metric] = {
            "reference": reference,
            "value": np.round(our_value, 6).tolist(),
            "curate_s": round(our_seconds, 4),
            "reference_s": round(their_seconds, 4),
            "speedup": round(their_seconds / our_seconds, 1),
        }
    return {
        "benchmark": "agreement",
        "tasks": n_tasks,
        "tokens_per_task": tokens_per_task,
        "annotators": ANNOTATORS,
        "units": int(codes.shape[1]),
        "spans": int(sum(len(s) for s in spans)),
        "results": results,
    }


def print_table(result: dict[str, Any]) -> None:
    print(
        f"{result['tasks']} tasks × {result['tokens_per_task']} tokens × "
        f"{result['annotators']} annotators = {result['units']} units, {result['spans']} spans"
    )
    print(f"{'metric':26} {'curate s':>9} {'reference':27} {'ref s':>9} {'speedup':>8}")
    for metric, row in result["results"].items():
        print(
            f"{metric:26} {row['curate_s']:9.3f} {row['reference']:27} "
            f"{row['reference_s']:9.3f} {row['speedup']:7.1f}×"
        )


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000, help="number of synthetic tasks")
    parser.add_argument("--tokens-per-task", type=int, default=10, help="tokens in each task")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    result = run(args.tasks, args.tokens_per_task, seed=args.seed)
    print_table(result)
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
