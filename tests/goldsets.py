"""Hand-annotated gold sets and the checks every one of them must pass.

The dev gold of the seeds (``tests/data/gold``) and the held-out sets
(``tests/data/heldout/{dev,test}``) share one markup (:mod:`curate.goldmarkup`) and one
contract: stripping the markup gives exactly the ingested ``Article.text``, spans cover whole
tokens of :func:`curate.tokens.tokens`, are flat, and number spans carry a value.
``test_gold.py`` and ``test_heldout.py`` run these checks on their sets.
"""

import itertools
from pathlib import Path
from typing import NamedTuple

from curate.articles import read_articles
from curate.goldmarkup import load_gold_dir, render_gold
from curate.labels import LABEL_NAMES, NUMBER_LABELS
from curate.models import Article, Span
from curate.tokens import tokens

ROOT = Path(__file__).parents[1]


class GoldSet(NamedTuple):
    """Articles as ``curate ingest`` reads them and their gold, both keyed by article id."""

    gold_dir: Path
    articles: dict[str, Article]
    gold: dict[str, tuple[str, list[Span]]]


def load_gold_set(articles_dir: Path, gold_dir: Path) -> GoldSet:
    articles = {article.id: article for article in read_articles(articles_dir)}
    return GoldSet(gold_dir, articles, load_gold_dir(gold_dir))


def misplaced_spans(text: str, spans: list[Span]) -> list[str]:
    """Spans whose text is not the text at their offsets."""
    return [span.text for span in spans if text[span.start : span.end] != span.text]


def cut_spans(text: str, spans: list[Span]) -> list[str]:
    """Spans that start or end inside a token."""
    text_tokens = tokens(text)
    starts = {token.start for token in text_tokens}
    ends = {token.end for token in text_tokens}
    return [span.text for span in spans if span.start not in starts or span.end not in ends]


def overlapping_spans(spans: list[Span]) -> list[tuple[str, str]]:
    """Neighbours (in text order) that overlap; the gold is flat."""
    ordered = sorted(spans, key=lambda span: span.start)
    return [(a.text, b.text) for a, b in itertools.pairwise(ordered) if a.end > b.start]


def off_scheme_spans(spans: list[Span]) -> list[Span]:
    """Spans with an unknown label, a number span without a value, another span with one,
    or a rule name (gold is made by people)."""
    return [
        span
        for span in spans
        if span.label not in LABEL_NAMES
        or span.rule is not None
        or (span.value is None if span.label in NUMBER_LABELS else span.value is not None)
        or (span.label not in NUMBER_LABELS and (span.unit, span.qualifier) != (None, None))
    ]


def rendered_markup(gold_set: GoldSet, article_id: str) -> tuple[str, str]:
    """(the gold file as stored, the markup :func:`render_gold` writes for its spans)."""
    stored = (gold_set.gold_dir / f"{article_id}.txt").read_text(encoding="utf-8")
    return stored, render_gold(*gold_set.gold[article_id]) + "\n"
