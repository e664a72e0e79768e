"""The held-out gold (``tests/data/heldout``): twelve articles the rules were never written on.

The same checks as the seeds' dev gold (``goldsets``), and what makes the sets held out:
three Kazakh and three Russian articles a split, no article or story shared with the seeds
or the other split, and the label counts ``tests/data/heldout/README.md`` reports.
"""

import re
from collections import Counter

import pytest
from goldsets import (
    ROOT,
    GoldSet,
    cut_spans,
    load_gold_set,
    misplaced_spans,
    off_scheme_spans,
    overlapping_spans,
    rendered_markup,
)

from curate.articles import assign_story_ids
from curate.labels import LABEL_NAMES
from curate.tokens import tokens

HELDOUT = ROOT / "tests" / "data" / "heldout"
SPLITS: dict[str, GoldSet] = {
    split: load_gold_set(HELDOUT / split / "articles", HELDOUT / split / "gold")
    for split in ("dev", "test")
}
SEEDS = load_gold_set(ROOT / "seeds", ROOT / "tests" / "data" / "gold")
DOCUMENTS = [(split, article_id) for split, s in SPLITS.items() for article_id in sorted(s.gold)]


@pytest.mark.parametrize("split", SPLITS)
def test_one_gold_file_per_article(split: str) -> None:
    assert set(SPLITS[split].gold) == set(SPLITS[split].articles)


@pytest.mark.parametrize(("split", "article_id"), DOCUMENTS)
def test_stripped_markup_is_the_ingested_article_text(split: str, article_id: str) -> None:
    text, spans = SPLITS[split].gold[article_id]
    assert text == SPLITS[split].articles[article_id].text
    assert misplaced_spans(text, spans) == []


@pytest.mark.parametrize(("split", "article_id"), DOCUMENTS)
def test_spans_are_whole_tokens_flat_and_valued(split: str, article_id: str) -> None:
    text, spans = SPLITS[split].gold[article_id]
    assert cut_spans(text, spans) == []
    assert overlapping_spans(spans) == []
    assert off_scheme_spans(spans) == []


@pytest.mark.parametrize(("split", "article_id"), DOCUMENTS)
def test_gold_files_round_trip(split: str, article_id: str) -> None:
    stored, rendered = rendered_markup(SPLITS[split], article_id)
    assert rendered == stored


@pytest.mark.parametrize("split", SPLITS)
def test_each_split_has_three_kazakh_and_three_russian_dated_articles(split: str) -> None:
    articles = SPLITS[split].articles.values()
    assert Counter(article.lang for article in articles) == {"kk": 3, "ru": 3}
    assert all(article.date is not None for article in articles)


@pytest.mark.parametrize(("split", "article_id"), DOCUMENTS)
def test_articles_are_news_length(split: str, article_id: str) -> None:
    words = [t for t in tokens(SPLITS[split].articles[article_id].text) if t.text[0].isalnum()]
    assert 150 <= len(words) <= 400


def test_no_article_or_story_is_shared_between_seeds_dev_and_test() -> None:
    sets = {"seeds": SEEDS, **SPLITS}
    owner = {article_id: name for name, s in sets.items() for article_id in s.articles}
    assert len(owner) == sum(len(s.articles) for s in sets.values())
    everything = [article for s in sets.values() for article in s.articles.values()]
    stories = {(owner[a.story_id], owner[a.id]) for a in assign_story_ids(everything)}
    assert all(first == second for first, second in stories)


def test_readme_counts_are_the_gold_counts() -> None:
    readme = (HELDOUT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (\w+) \| (\d+ \| \d+) \|$", readme, flags=re.MULTILINE))
    counted = {
        split: Counter(span.label for _, spans in s.gold.values() for span in spans)
        for split, s in SPLITS.items()
    }
    expected = {
        label: f"{counted['dev'][label]} | {counted['test'][label]}" for label in LABEL_NAMES
    }
    expected["all"] = f"{counted['dev'].total()} | {counted['test'].total()}"
    assert rows == expected
