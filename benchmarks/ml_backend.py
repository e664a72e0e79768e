"""Latency of the ML backend's ``/predict`` for one 5 KB article (the issue's goal: p95 under
20 ms), measured over HTTP against ``curate serve-ml`` in its own process, as Label Studio
calls it (a backend in a thread of the client's process would share its GIL and time that).

The article is a seed's text cut or repeated at a word boundary to ``--kilobytes`` of UTF-8.
Each request is a one-task ``/predict`` as Label Studio sends it when an annotator opens a
task; without ``data.lang`` (a task imported in the UI) the backend also detects the
language, so both kinds are timed, beside ``GET /health``: the HTTP round trip alone, the
floor on this machine. The backend's start (until it answers ``/health``, its rules built
and both languages' passes compiled) is timed too; a few requests warm up before anything
is timed. Beside the wall-clock percentiles, the backend's CPU time a request is printed:
on a loaded machine, waiting for a core is much of the wall clock.

    uv run python benchmarks/ml_backend.py                   # 500 requests of each kind
    uv run python benchmarks/ml_backend.py --requests 20     # smoke run

Prints a table and one JSON line.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from curate.articles import read_articles
from curate.server import free_port

ROOT = Path(__file__).resolve().parent.parent
TARGET_P95_MS = 20.0
WARM_UP = 10


def article_of_size(text: str, kilobytes: float) -> str:
    """``text`` repeated, then cut at the last space within ``kilobytes`` of UTF-8."""
    target = int(kilobytes * 1000)
    while len(text.encode()) < target:
        text = f"{text}\n\n{text}"
    cut = text.encode()[:target].decode(errors="ignore")
    return cut[: cut.rfind(" ")]


def percentile(sorted_ms: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile of already sorted values."""
    return sorted_ms[max(0, min(len(sorted_ms) - 1, round(fraction * len(sorted_ms)) - 1))]


def timed_requests(
    client: httpx.Client, payload: dict[str, Any] | None, requests: int
) -> list[float]:
    """Sorted milliseconds of ``requests`` ``/predict`` POSTs of ``payload`` (None: GETs of
    ``/health``, the HTTP round trip with no work)."""

    def send() -> httpx.Response:
        if payload is None:
            return client.get("/health")
        return client.post("/predict", json=payload)

    for _ in range(WARM_UP):
        send().raise_for_status()
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        answer = send()
        times.append((time.perf_counter() - started) * 1000)
        answer.raise_for_status()
    return sorted(times)


@contextmanager
def backend_process(port: int) -> Iterator[tuple[str, int, float]]:
    """``curate serve-ml`` in its own process, as Label Studio meets it: (url, pid, seconds
    until it answered ``/health``)."""
    curate = Path(sys.executable).with_name("curate")
    started = time.perf_counter()
    server = subprocess.Popen(
        [str(curate), "serve-ml", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                httpx.get(f"{url}/health", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if server.poll() is not None:
                    raise SystemExit("curate serve-ml exited before it answered") from None
                time.sleep(0.05)
        yield url, server.pid, time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)


def cpu_seconds_of(pid: int) -> float:
    """User and system CPU seconds of process ``pid`` so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(requests: int, kilobytes: float, seeds: Path) -> dict[str, Any]:
    article = read_articles(seeds)[0]
    text = article_of_size(article.text, kilobytes)
    results: dict[str, Any] = {}
    with (
        backend_process(free_port()) as (url, pid, start_s),
        httpx.Client(base_url=url, timeout=30) as client,
    ):
        kinds = {
            "with data.lang": {"tasks": [{"id": 1, "data": {"text": text, "lang": article.lang}}]},
            "language detected": {"tasks": [{"id": 1, "data": {"text": text}}]},
        }
        for kind, payload in {**kinds, "GET /health (floor)": None}.items():
            spans = 0
            if payload is not None:
                answer = client.post("/predict", json=payload).json()
                spans = len(answer["results"][0]["result"])
            cpu_started = cpu_seconds_of(pid)
            times = timed_requests(client, payload, requests)
            cpu_ms = (cpu_seconds_of(pid) - cpu_started) * 1000 / (requests + WARM_UP)
            results[kind] = {
                "cpu_ms": cpu_ms,
                "p50_ms": percentile(times, 0.50),
                "p95_ms": percentile(times, 0.95),
                "p99_ms": percentile(times, 0.99),
                "mean_ms": statistics.fmean(times),
                "results_per_prediction": spans,
            }
    return {
        "article_bytes": len(text.encode()),
        "lang": article.lang,
        "requests": requests,
        "backend_start_s": start_s,
        "latency": results,
        "target_p95_ms": TARGET_P95_MS,
    }


def print_table(result: dict[str, Any]) -> None:
    print(
        f"/predict, one task of {result['article_bytes']} bytes ({result['lang']}), "
        f"{result['requests']} requests each"
    )
    print(f"{'request':20} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'mean ms':>8} {'CPU ms':>8}")
    for kind, row in result["latency"].items():
        print(
            f"{kind:20} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} {row['p99_ms']:8.1f} "
            f"{row['mean_ms']:8.1f} {row['cpu_ms']:8.1f}"
        )
    print(f"target: p95 under {result['target_p95_ms']:.0f} ms")
    print(f"curate serve-ml started and answered /health in {result['backend_start_s']:.2f} s")


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500, help="timed requests of each kind")
    parser.add_argument("--kilobytes", type=float, default=5.0, help="article size (UTF-8)")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = parser.parse_args(argv)
    result = run(args.requests, args.kilobytes, args.seeds)
    print_table(result)
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
