"""Pre-annotation of articles with the rules: Article → AnnotatedDocument, streamed.

:func:`annotate_articles` is a generator, so a corpus of any size flows through in
constant memory; :func:`annotate_paths` reads articles from files and writes the JSONL
(``curate annotate``) atomically, or to a stream.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, NamedTuple

from curate.articles import count_articles, iter_articles
from curate.errors import InputError
from curate.files import check_output_file, owned_writer
from curate.learn import extractor_for
from curate.models import AnnotatedDocument, Article
from curate.rules import Extractor

Progress = Callable[[int, int], None]


def annotate_articles(
    articles: Iterable[Article], *, extractor: Extractor
) -> Iterator[AnnotatedDocument]:
    """Each article with the spans the rules propose for it, one at a time."""
    for article in articles:
        spans = extractor.annotate(article.text, lang=article.lang)
        yield AnnotatedDocument(id=article.id, lang=article.lang, text=article.text, spans=spans)


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
    learned: Path | None = None,
) -> AnnotationSummary:
    """Annotate the articles at ``paths`` (files, folders, corpus JSONL files) as JSON lines.

    Writes to ``output`` atomically (nothing is left behind on an error; a file curate did
    not write is never replaced, unless ``force``), else to ``stream``. Articles are read one
    at a time, so memory stays flat in the corpus size; every path and the output are checked
    and the rules built before the first article is read. The rules load the accepted
    entries of ``learned`` (default: ``learned/`` when there is one).
    """
    paths = list(paths)
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
    documents = annotate_articles(articles, extractor=extractor)
    if output is None:
        return _write(documents, stream, total=total, progress=progress)
    with owned_writer(output, force=force) as target:
        return _write(documents, target, total=total, progress=progress)


def _write(
    documents: Iterable[AnnotatedDocument],
    target: IO[str],
    *,
    total: int,
    progress: Progress | None,
) -> AnnotationSummary:
    labels: Counter[str] = Counter()
    done = 0
    for document in documents:
        target.write(document.to_json() + "\n")
        labels.update(span.label for span in document.spans)
        done += 1
        if progress is not None:
            progress(done, total)
    return AnnotationSummary(done, labels)
