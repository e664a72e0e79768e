"""Throughput of the rules: ``annotate`` on a corpus made by repeating the seeds.

The seeds are repeated until the corpus holds ``--megabytes`` of UTF-8 text (50 by
default); articles are generated one at a time and each annotated document is
serialised to JSON and dropped, so memory stays flat (peak RSS is printed after the first
tenth and at the end). Reported: MB/s and articles/s of extraction alone and of the full
``annotate_articles`` → JSON line stream, and the ratio of the full stream's time to one
``re.finditer`` pass of one simple pattern (``\\d+``) over the same text.

    uv run python benchmarks/speed.py                  # 50 MB
    uv run python benchmarks/speed.py --megabytes 1    # smoke run

Prints a table and one JSON line. Single process, single core.
"""

import argparse
import json
import re
import resource
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from curate.annotate import annotate_articles
from curate.articles import read_articles
from curate.models import Article
from curate.rules import build_extractor

ROOT = Path(__file__).resolve().parent.parent


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


def run(megabytes: float, seeds: Path) -> dict[str, Any]:
    articles = read_articles(seeds)
    extractor = build_extractor()
    n_docs = sum(1 for _ in repeated(articles, megabytes))
    corpus_bytes = sum(len(a.text.encode()) for a in repeated(articles, megabytes))
    tenth = max(1, n_docs // 10)

    started = time.process_time()
    for article in repeated(articles, megabytes):
        extractor.annotate(article.text, lang=article.lang)
    extract_s = time.process_time() - started

    rss_early = 0.0
    started = time.process_time()
    for done, document in enumerate(
        annotate_articles(repeated(articles, megabytes), extractor=extractor), start=1
    ):
        document.to_json()
        if done == tenth:
            rss_early = peak_rss_mb()
    stream_s = time.process_time() - started

    simple = re.compile(r"\d+")
    started = time.process_time()
    for article in repeated(articles, megabytes):
        for _ in simple.finditer(article.text):
            pass
    finditer_s = time.process_time() - started

    mb = corpus_bytes / 1e6
    return {
        "megabytes": round(mb, 2),
        "articles": n_docs,
        "extract_mb_per_s": mb / extract_s,
        "extract_articles_per_s": n_docs / extract_s,
        "stream_mb_per_s": mb / stream_s,
        "stream_articles_per_s": n_docs / stream_s,
        "finditer_mb_per_s": mb / finditer_s,
        "slowdown_vs_finditer": stream_s / finditer_s,
        "peak_rss_mb_after_first_tenth": round(rss_early, 1),
        "peak_rss_mb_at_end": round(peak_rss_mb(), 1),
    }


def print_table(result: dict[str, Any]) -> None:
    print(f"corpus: {result['megabytes']} MB UTF-8, {result['articles']} articles (seeds repeated)")
    print(f"{'stage':34} {'MB/s':>8} {'articles/s':>11}")
    print(
        f"{'extract (Extractor.annotate)':34} {result['extract_mb_per_s']:8.2f}"
        f" {result['extract_articles_per_s']:11.0f}"
    )
    print(
        f"{'annotate_articles + JSON lines':34} {result['stream_mb_per_s']:8.2f}"
        f" {result['stream_articles_per_s']:11.0f}"
    )
    baseline = "one re.finditer pass of \\d+"
    print(f"{baseline:34} {result['finditer_mb_per_s']:8.2f}")
    print(f"annotate is {result['slowdown_vs_finditer']:.1f}x the time of the finditer pass")
    print(
        f"peak RSS: {result['peak_rss_mb_after_first_tenth']} MB after the first tenth, "
        f"{result['peak_rss_mb_at_end']} MB at the end"
    )


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=50.0, help="corpus size (UTF-8)")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = parser.parse_args(argv)
    result = run(args.megabytes, args.seeds)
    print_table(result)
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
