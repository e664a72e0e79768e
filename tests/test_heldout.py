"""The held-out gold: articles the rules were never written on, invented and real.

``tests/data/heldout`` holds twelve articles written for the purpose, ``tests/data/real`` 39
real news pages with their site chrome. Both get the same checks as the seeds' dev gold
(``goldsets``), and what makes a set held out: no article or story shared with the seeds or
another set, and the label counts its README reports.
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
REAL = ROOT / "tests" / "data" / "real"
SPLITS: dict[str, GoldSet] = {
    split: load_gold_set(HELDOUT / split / "articles", HELDOUT / split / "gold")
    for split in ("dev", "test")
}
REAL_SPLITS: dict[str, GoldSet] = {
    split: load_gold_set(REAL / split / "articles", REAL / split / "gold")
    for split in ("dev", "test")
}
#: Every held-out set, by name: ``dev`` and ``test`` (invented), ``real dev`` and ``real test``.
ALL_SPLITS = {**SPLITS, **{f"real {split}": s for split, s in REAL_SPLITS.items()}}
SEEDS = load_gold_set(ROOT / "seeds", ROOT / "tests" / "data" / "gold")
DOCUMENTS = [
    (split, article_id) for split, s in ALL_SPLITS.items() for article_id in sorted(s.gold)
]


@pytest.mark.parametrize("split", ALL_SPLITS)
def test_one_gold_file_per_article(split: str) -> None:
    assert set(ALL_SPLITS[split].gold) == set(ALL_SPLITS[split].articles)


@pytest.mark.parametrize(("split", "article_id"), DOCUMENTS)
def test_stripped_markup_is_the_ingested_article_text(split: str, article_id: str) -> None:
    text, spans = ALL_SPLITS[split].gold[article_id]
    assert text == ALL_SPLITS[split].articles[article_id].text
    assert misplaced_spans(text, spans) == []


@pytest.mark.parametrize(("split", "article_id"), DOCUMENTS)
def test_spans_are_whole_tokens_flat_and_valued(split: str, article_id: str) -> None:
    text, spans = ALL_SPLITS[split].gold[article_id]
    assert cut_spans(text, spans) == []
    assert overlapping_spans(spans) == []
    assert off_scheme_spans(spans) == []


@pytest.mark.parametrize(("split", "article_id"), DOCUMENTS)
def test_gold_files_round_trip(split: str, article_id: str) -> None:
    stored, rendered = rendered_markup(ALL_SPLITS[split], article_id)
    assert rendered == stored


@pytest.mark.parametrize("split", SPLITS)
def test_each_split_has_three_kazakh_and_three_russian_dated_articles(split: str) -> None:
    articles = SPLITS[split].articles.values()
    assert Counter(article.lang for article in articles) == {"kk": 3, "ru": 3}
    assert all(article.date is not None for article in articles)


@pytest.mark.parametrize(("split", "article_id"), DOCUMENTS)
def test_articles_are_news_length(split: str, article_id: str) -> None:
    words = [t for t in tokens(ALL_SPLITS[split].articles[article_id].text) if t.text[0].isalnum()]
    # the pages corpus gives the first 1,000-1,400 characters of a real page; the shortest
    # real pages (497-503) are whole police notes of about 75 words
    low, high = (70, 460) if split.startswith("real") else (150, 400)
    assert low <= len(words) <= high


def test_no_article_or_story_is_shared_between_any_two_sets() -> None:
    sets = {"seeds": SEEDS, **ALL_SPLITS}
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


def test_the_real_pages_are_many_outlets_in_both_languages() -> None:
    articles = [a for s in REAL_SPLITS.values() for a in s.articles.values()]
    languages = Counter(article.lang for article in articles)
    assert len(articles) >= 30 and languages["kk"] >= 12 and languages["ru"] >= 12
    notes = "".join(p.read_text(encoding="utf-8") for p in sorted(REAL.glob("NOTES-*.md")))
    addresses = set(re.findall(r"https?://[^\s|)]+", notes))
    hosts = {re.sub(r"^(www|kaz|rus|ru|m|test)\.", "", a.split("/")[2]) for a in addresses}
    assert len(addresses) >= len(articles) and len(hosts) >= 8
    for article in articles:  # every page's address is kept in the notes
        assert article.id in notes


def test_real_readme_counts_are_the_gold_counts() -> None:
    readme = (REAL / "README.md").read_text(encoding="utf-8")
    rows = dict(
        re.findall(r"^\| (\w+) \| (\d+ \| \d+ \| \d+ \| \d+) \|$", readme, flags=re.MULTILINE)
    )
    counted = {
        (split, lang): Counter(
            span.label
            for article_id, (_, spans) in s.gold.items()
            if s.articles[article_id].lang == lang
            for span in spans
        )
        for split, s in REAL_SPLITS.items()
        for lang in ("kk", "ru")
    }
    expected = {label: " | ".join(str(c[label]) for c in counted.values()) for label in LABEL_NAMES}
    expected["all"] = " | ".join(str(c.total()) for c in counted.values())
    assert rows == expected
