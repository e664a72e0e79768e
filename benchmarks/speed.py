"""Throughput of the rules: ``annotate`` on a corpus made by repeating the seeds.

The seeds are repeated until the corpus holds ``--megabytes`` of UTF-8 text (50 by
default); articles are generated one at a time and each annotated document is
serialised to JSON and dropped, so memory stays flat (peak RSS is printed after the first
tenth and at the end). Reported: MB/s and articles/s of extraction alone and of the full
``annotate_articles`` → JSON line stream, and the ratio of the full stream's time to one
``re.finditer`` pass of one simple pattern (``\\d+``) over the same text.

Where the time goes, stage by stage, each a pass over the same stream: the scan for
token starts alone (no rule; any matcher built on Python's ``re`` that looks at every
token pays it), the rules' regex with the whole-token checks (``candidates``), the
spans with values as records (``annotate``), and the JSON lines. Two more passes time
what every design that keeps pydantic records pays whatever its matcher: validating a
document's spans as :class:`~curate.models.Span` records, and writing the document as
a JSON line. Their sum with the token-start scan is the ceiling printed last.

Start-up: CPU seconds to build the extractor and compile one language's pass, and both passes,
with the cache of compiled passes off; and the wall seconds of ``curate annotate`` on one seed
article of each language in a new process, first with an empty cache (it compiles the pass and
saves it), then with the cache filled (what every later command pays).
Scaling: the full stream through :func:`~curate.annotate.annotated_lines` in ``--jobs``
worker processes against one job run just before and just after (wall clock; the outputs are
checked to be identical), in ``--rounds`` rounds; the speed-up is the median round's. This
machine's speed drifts by a fifth from one run to the next (one job on 20 MB: 7.3 to 9.3 s
within a minute), so one pair of runs can say 1.7x or 2.1x for the same code.

    uv run python benchmarks/speed.py                  # 50 MB
    uv run python benchmarks/speed.py --megabytes 1    # smoke run

Prints a table and one JSON line. The stages run in a single process, on one core.
"""

import argparse
import contextlib
import hashlib
import itertools
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from curate.annotate import annotate_articles, annotated_lines
from curate.articles import read_articles
from curate.models import AnnotatedDocument, Article, Span
from curate.rules import Extractor, build_extractor
from curate.rules.extractor import TOKEN_START_AFTER
from curate.rules.pass_cache import CACHE_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
#: What one core should reach end to end (issue 13).
TARGET_MB_PER_S = 10.0


def repeated(articles: Sequence[Article], megabytes: float) -> Iterator[Article]:
    """The articles over and over, each copy with its own id, until ``megabytes`` of text."""
    target = megabytes * 1e6
    size = 0
    copy = 0
    while size < target:
        for article in articles:
            yield article.model_copy(update={"id": f"{article.id}-{copy}"})
            size += len(article.text.encode())
        copy += 1


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds(work: Callable[[], None]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def build_seconds() -> tuple[float, float]:
    """CPU seconds to build the extractor and compile one language's pass (what a command
    on one article pays without the cache), and both passes."""
    with cache_set_to(""):
        started = time.process_time()
        extractor = build_extractor()
        extractor.compile(frozenset({"ru"}))
        one = time.process_time() - started
        extractor.compile()
        return one, time.process_time() - started


@contextlib.contextmanager
def cache_set_to(directory: str) -> Iterator[None]:
    """$CURATE_CACHE_DIR set to ``directory`` ("" turns the cache off), then restored."""
    before = os.environ.get(CACHE_VARIABLE)
    os.environ[CACHE_VARIABLE] = directory
    try:
        yield
    finally:
        if before is None:
            del os.environ[CACHE_VARIABLE]
        else:
            os.environ[CACHE_VARIABLE] = before


def wall_seconds(command: list[str], cache: Path) -> float:
    """Wall seconds of ``command`` in a new process with ``cache`` as the pass cache.

    The process may write and read Python's bytecode, as an installed package's do, even
    where the environment says not to (``PYTHONDONTWRITEBYTECODE``, set in some sessions):
    compiling curate's modules from source adds about 0.3 s to every command.
    """
    environment = {**os.environ, CACHE_VARIABLE: str(cache)}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=environment)
    return time.perf_counter() - started


def one_article_seconds(seeds: Path, *, warm_runs: int = 3) -> dict[str, dict[str, float]]:
    """Wall seconds of ``curate annotate`` on one seed article of each language, each in a
    new process: with an empty cache of compiled passes, then the fastest of ``warm_runs``
    with the cache that run filled."""
    curate = Path(sys.executable).with_name("curate")
    firsts = {}
    for path in sorted(seeds.glob("*.txt")):
        firsts.setdefault(read_articles(path)[0].lang, path)
    seconds = {}
    with tempfile.TemporaryDirectory(prefix="curate-startup-") as scratch:
        for lang, path in sorted(firsts.items()):
            command = [str(curate), "annotate", str(path), "-o", f"{scratch}/{lang}.jsonl"]
            cache = Path(scratch) / f"cache-{lang}"
            cold = wall_seconds([*command, "--force"], cache)
            warm = min(wall_seconds([*command, "--force"], cache) for _ in range(warm_runs))
            seconds[lang] = {"cold_s": cold, "warm_s": warm}
    return seconds


def jobs_wall_seconds(
    articles: Iterator[Article], extractor: Extractor, jobs: int
) -> tuple[float, str]:
    """Wall seconds of the full stream in ``jobs`` processes, and a digest of its output."""
    digest = hashlib.sha256()
    started = time.perf_counter()
    for line, _ in annotated_lines(articles, extractor=extractor, jobs=jobs):
        digest.update(line.encode())
    return time.perf_counter() - started, digest.hexdigest()


def scaling_round(
    stream: Callable[[], Iterator[Article]], extractor: Extractor, jobs: int
) -> dict[str, Any]:
    """One job, ``jobs`` jobs, one job again on the same stream: wall seconds, the speed-up
    against the mean of the two single runs, and whether all three wrote the same lines."""
    before_s, before = jobs_wall_seconds(stream(), extractor, 1)
    n_jobs_s, n_jobs = jobs_wall_seconds(stream(), extractor, jobs)
    after_s, after = jobs_wall_seconds(stream(), extractor, 1)
    return {
        "one_job_before_s": before_s,
        "n_jobs_s": n_jobs_s,
        "one_job_after_s": after_s,
        "speedup": (before_s + after_s) / 2 / n_jobs_s,
        "output_identical": before == n_jobs == after,
    }


def run(megabytes: float, seeds: Path, jobs: int, rounds: int = 3) -> dict[str, Any]:
    articles = read_articles(seeds)
    build_one_s, build_both_s = build_seconds()
    one_article_s = one_article_seconds(seeds)
    extractor = build_extractor()
    extractor.compile()
    n_docs = sum(1 for _ in repeated(articles, megabytes))
    corpus_bytes = sum(len(a.text.encode()) for a in repeated(articles, megabytes))
    mb = corpus_bytes / 1e6
    tenth = max(1, n_docs // 10)

    def stream() -> Iterator[Article]:
        return repeated(articles, megabytes)

    token_start = re.compile(TOKEN_START_AFTER)
    simple = re.compile(r"\d+")
    spans = TypeAdapter(list[Span])
    documents = [
        AnnotatedDocument(
            id=a.id, lang=a.lang, text=a.text, spans=extractor.annotate(a.text, lang=a.lang)
        )
        for a in articles
    ]
    records = [[s.model_dump(exclude_unset=True) for s in document.spans] for document in documents]

    def per_article(work: Callable[[Article], object]) -> Callable[[], None]:
        def run_all() -> None:
            for article in stream():
                work(article)

        return run_all

    def per_copy(work: Callable[[Any], object], of: Sequence[Any]) -> Callable[[], None]:
        """``work`` on the seed's own item for each article of the stream."""

        def run_all() -> None:
            for item, _ in zip(itertools.cycle(of), stream(), strict=False):
                work(item)

        return run_all

    def scan(pattern: re.Pattern[str]) -> Callable[[], None]:
        return per_article(lambda article: deque(pattern.finditer(" " + article.text), maxlen=0))

    rss_early = 0.0

    def full_stream() -> None:
        nonlocal rss_early
        for done, document in enumerate(annotate_articles(stream(), extractor=extractor), 1):
            document.to_json()
            if done == tenth:
                rss_early = peak_rss_mb()

    seconds = {
        "token starts only (no rule)": cpu_seconds(scan(token_start)),
        "rules + whole-token checks": cpu_seconds(
            per_article(lambda a: extractor.candidates(a.text, lang=a.lang))
        ),
        "annotate (+ overlaps, values, records)": cpu_seconds(
            per_article(lambda a: extractor.annotate(a.text, lang=a.lang))
        ),
        "annotate_articles + JSON lines": cpu_seconds(full_stream),
        "Span records only": cpu_seconds(per_copy(spans.validate_python, records)),
        "JSON lines only": cpu_seconds(per_copy(AnnotatedDocument.to_json, documents)),
    }
    finditer_s = cpu_seconds(scan(simple))
    scaling = [scaling_round(stream, extractor, jobs) for _ in range(rounds)]
    median_round = sorted(scaling, key=lambda r: r["speedup"])[len(scaling) // 2]
    extract_s = seconds["annotate (+ overlaps, values, records)"]
    stream_s = seconds["annotate_articles + JSON lines"]
    floor_s = sum(
        seconds[stage]
        for stage in ("token starts only (no rule)", "Span records only", "JSON lines only")
    )
    return {
        "megabytes": round(mb, 2),
        "build_one_s": build_one_s,
        "build_both_s": build_both_s,
        "one_article_wall_s": one_article_s,
        "jobs": jobs,
        "jobs_rounds": scaling,
        "jobs_speedup": median_round["speedup"],
        "jobs_output_identical": all(r["output_identical"] for r in scaling),
        "articles": n_docs,
        "spans_per_article": sum(map(len, records)) / len(records),
        "extract_mb_per_s": mb / extract_s,
        "extract_articles_per_s": n_docs / extract_s,
        "stream_mb_per_s": mb / stream_s,
        "stream_articles_per_s": n_docs / stream_s,
        "finditer_mb_per_s": mb / finditer_s,
        "slowdown_vs_finditer": stream_s / finditer_s,
        "stages_mb_per_s": {stage: mb / s for stage, s in seconds.items()},
        "stages_us_per_article": {stage: s / n_docs * 1e6 for stage, s in seconds.items()},
        "ceiling_mb_per_s": mb / floor_s,
        "peak_rss_mb_after_first_tenth": round(rss_early, 1),
        "peak_rss_mb_at_end": round(peak_rss_mb(), 1),
    }


def print_table(result: dict[str, Any]) -> None:
    print(
        f"corpus: {result['megabytes']} MB UTF-8, {result['articles']} articles (seeds "
        f"repeated), {result['spans_per_article']:.1f} spans an article"
    )
    print(f"{'stage':40} {'MB/s':>8} {'us/article':>11}")
    for stage, mb_per_s in result["stages_mb_per_s"].items():
        print(f"{stage:40} {mb_per_s:8.2f} {result['stages_us_per_article'][stage]:11.0f}")
    baseline = "one re.finditer pass of \\d+"
    print(f"{baseline:40} {result['finditer_mb_per_s']:8.2f}")
    print(
        f"annotate_articles + JSON lines: {result['stream_mb_per_s']:.2f} MB/s, "
        f"{result['stream_articles_per_s']:.0f} articles/s, "
        f"{result['slowdown_vs_finditer']:.1f}x the time of the finditer pass; "
        f"target {TARGET_MB_PER_S:.0f} MB/s"
    )
    print(
        f"ceiling (token starts + Span records + JSON lines, no rule at all): "
        f"{result['ceiling_mb_per_s']:.1f} MB/s"
    )
    print(
        f"building the rules and one language's pass: {result['build_one_s']:.2f} s CPU, "
        f"both passes: {result['build_both_s']:.2f} s (no cache)"
    )
    for lang, timing in result["one_article_wall_s"].items():
        print(
            f"curate annotate on one {lang} article, a new process: {timing['cold_s']:.2f} s "
            f"wall with an empty cache, {timing['warm_s']:.2f} s with the compiled pass cached"
        )
    rounds = "; ".join(
        f"{r['one_job_before_s']:.1f} s -> {r['n_jobs_s']:.1f} s -> {r['one_job_after_s']:.1f} s: "
        f"{r['speedup']:.2f}x"
        for r in result["jobs_rounds"]
    )
    print(
        f"--jobs {result['jobs']}: {result['jobs_speedup']:.2f}x the speed of one job (median "
        f"round; one job, {result['jobs']} jobs, one job, wall: {rounds}), output "
        f"{'identical' if result['jobs_output_identical'] else 'DIFFERENT'}"
    )
    print(
        f"peak RSS: {result['peak_rss_mb_after_first_tenth']} MB after the first tenth, "
        f"{result['peak_rss_mb_at_end']} MB at the end"
    )


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=50.0, help="corpus size (UTF-8)")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes to compare")
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds of one job, --jobs, one job (default 3)"
    )
    args = parser.parse_args(argv)
    result = run(args.megabytes, args.seeds, args.jobs, args.rounds)
    print_table(result)
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
