"""Pre-annotation of articles with the rules: Article → AnnotatedDocument, streamed.

:func:`annotate_articles` is a generator, so a corpus of any size flows through in
constant memory; :func:`annotate_paths` reads articles from files and writes the JSONL
(``curate annotate``) atomically, or to a stream, in one process or several
(:func:`annotated_lines`).
"""

import itertools
import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import IO, NamedTuple

from curate.articles import count_articles, iter_articles
from curate.errors import InputError
from curate.files import check_output_file, owned_writer
from curate.learn import extractor_for
from curate.models import AnnotatedDocument, Article, Lang
from curate.rules import Extractor

Progress = Callable[[int, int], None]


def annotate_articles(
    articles: Iterable[Article], *, extractor: Extractor
) -> Iterator[AnnotatedDocument]:
    """Each article with the spans the rules propose for it, one at a time."""
    for article in articles:
        spans = extractor.annotate(article.text, lang=article.lang)
        yield AnnotatedDocument(id=article.id, lang=article.lang, text=article.text, spans=spans)


#: An annotated article as written: its JSON line and its spans' labels.
AnnotatedLine = tuple[str, list[str]]

#: Articles a worker process is given at a time: enough to outweigh the cost of passing
#: them, few enough to keep every worker busy to the end.
CHUNK_ARTICLES = 16
#: Chunks handed out and not yet written, per worker: what keeps memory flat.
CHUNKS_AHEAD_PER_JOB = 4


def annotated_lines(
    articles: Iterable[Article], *, extractor: Extractor, jobs: int = 1
) -> Iterator[AnnotatedLine]:
    """Each article's JSON line and labels, in the articles' order, annotated by ``jobs``
    worker processes (in this one when 1).

    The output does not depend on ``jobs``. Workers get the articles in chunks and at most
    :data:`CHUNKS_AHEAD_PER_JOB` chunks each are out at a time, so memory stays flat in the
    corpus size whatever the number of jobs.
    """
    if jobs == 1:
        for article in articles:
            yield _annotated_line(_Work(article.id, article.lang, article.text), extractor)
        return
    extractor.compile()  # once here, not once a worker: they inherit or load it
    works = (_Work(a.id, a.lang, a.text) for a in articles)
    with multiprocessing.Pool(jobs, initializer=_start_worker, initargs=(extractor,)) as pool:
        ahead: deque[AsyncResult[list[AnnotatedLine]]] = deque()
        while chunk := list(itertools.islice(works, CHUNK_ARTICLES)):
            ahead.append(pool.apply_async(_annotate_chunk, (chunk,)))
            if len(ahead) >= jobs * CHUNKS_AHEAD_PER_JOB:
                yield from ahead.popleft().get()
        while ahead:
            yield from ahead.popleft().get()


class _Work(NamedTuple):
    """What a worker needs of an article (cheaper to pass than the Article)."""

    id: str
    lang: Lang
    text: str


def _annotated_line(work: _Work, extractor: Extractor) -> AnnotatedLine:
    spans = extractor.annotate(work.text, lang=work.lang)
    document = AnnotatedDocument(id=work.id, lang=work.lang, text=work.text, spans=spans)
    return document.to_json(), [span.label for span in spans]


_worker_extractor: Extractor | None = None


def _start_worker(extractor: Extractor) -> None:
    global _worker_extractor
    _worker_extractor = extractor


def _annotate_chunk(chunk: list[_Work]) -> list[AnnotatedLine]:
    assert _worker_extractor is not None, "the pool's initializer sets it"
    return [_annotated_line(work, _worker_extractor) for work in chunk]


class AnnotationSummary(NamedTuple):
    """What :func:`annotate_paths` wrote."""

    documents: int
    spans_by_label: Counter[str]


def annotate_paths(
    paths: Iterable[Path],
    *,
    output: Path | None = None,
    stream: IO[str] | None = None,
    disabled: frozenset[str] = frozenset(),
    progress: Progress | None = None,
    skip_bad: bool = False,
    force: bool = False,
    jobs: int | None = None,
    learned: Path | None = None,
) -> AnnotationSummary:
    """Annotate the articles at ``paths`` (files, folders, corpus JSONL files) as JSON lines.

    Writes to ``output`` atomically (nothing is left behind on an error; a file curate did
    not write is never replaced, unless ``force``), else to ``stream``. Articles are read one
    at a time, so memory stays flat in the corpus size; every path and the output are checked
    and the rules built before the first article is read. The rules load the accepted
    entries of ``learned`` (default: ``learned/`` when there is one). ``jobs`` worker
    processes annotate (default: one a core; never more than there are articles), with the
    same output as one.
    """
    paths = list(paths)
    if jobs is None:
        jobs = os.cpu_count() or 1
    if jobs < 1:
        raise InputError(f"--jobs {jobs}: give at least one job")
    if not paths:
        raise InputError("no articles given: name an article file, a folder or a corpus JSONL")
    if output is not None:
        check_output_file(output, force=force)
    elif stream is None:
        raise InputError("give an output file or a stream to write the annotations to")
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
    total = sum(count_articles(path) for path in paths)
    extractor = extractor_for(learned, disabled=disabled)
    articles = (a for path in paths for a in iter_articles(path, skip_bad=skip_bad))
    lines = annotated_lines(articles, extractor=extractor, jobs=max(1, min(jobs, total)))
    if output is None:
        return _write(lines, stream, total=total, progress=progress)
    with owned_writer(output, force=force) as target:
        return _write(lines, target, total=total, progress=progress)


def _write(
    lines: Iterable[AnnotatedLine],
    target: IO[str],
    *,
    total: int,
    progress: Progress | None,
) -> AnnotationSummary:
    labels: Counter[str] = Counter()
    done = 0
    for line, line_labels in lines:
        target.write(line + "\n")
        labels.update(line_labels)
        done += 1
        if progress is not None:
            progress(done, total)
    return AnnotationSummary(done, labels)
