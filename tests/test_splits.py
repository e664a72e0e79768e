"""Splits by story: twins never separated, a seed always gives the same split."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from curate.errors import CurateError
from curate.models import GoldDocument
from curate.splits import assign_splits, parse_split


def documents(story_sizes: list[int]) -> list[GoldDocument]:
    """Documents of stories with the given sizes (2 = a kk/ru twin pair)."""
    return [
        GoldDocument(
            id=f"{story}-{n}",
            task_id=len(story_sizes) * n + story,
            story_id=f"story-{story}",
            text="x",
            spans=[],
            annotators=["a"],
            source_export="e.json",
        )
        for story, size in enumerate(story_sizes)
        for n in range(size)
    ]


def stories_of(split: list[GoldDocument]) -> set[str]:
    return {document.story_id for document in split}


@given(
    sizes=st.lists(st.integers(min_value=1, max_value=3), min_size=1, max_size=60),
    seed=st.integers(min_value=0, max_value=2**32),
)
def test_every_document_in_one_split_and_stories_never_divided(sizes: list[int], seed: int) -> None:
    docs = documents(sizes)
    splits = assign_splits(docs, percentages=(80, 10, 10), seed=seed)
    assert sorted(d.id for split in splits.values() for d in split) == sorted(d.id for d in docs)
    train, dev, test = (stories_of(split) for split in splits.values())
    assert not (train & dev or train & test or dev & test)


def test_same_seed_same_split_whatever_the_input_order() -> None:
    docs = documents([2, 1, 1, 2, 1, 1, 1, 2, 1, 1] * 5)
    first = assign_splits(docs, percentages=(80, 10, 10), seed=7)
    again = assign_splits(list(reversed(docs)), percentages=(80, 10, 10), seed=7)
    assert {k: stories_of(v) for k, v in first.items()} == {
        k: stories_of(v) for k, v in again.items()
    }
    other = assign_splits(docs, percentages=(80, 10, 10), seed=8)
    assert {k: stories_of(v) for k, v in first.items()} != {
        k: stories_of(v) for k, v in other.items()
    }


def test_sizes_follow_the_percentages() -> None:
    splits = assign_splits(documents([2] * 50 + [1] * 100), percentages=(80, 10, 10), seed=3)
    assert [len(split) for split in splits.values()] == [160, 20, 20]


def test_documents_keep_their_order_within_a_split() -> None:
    docs = documents([1] * 30)
    for split in assign_splits(docs, percentages=(50, 25, 25), seed=1).values():
        assert [docs.index(d) for d in split] == sorted(docs.index(d) for d in split)


def test_a_zero_share_gets_nothing() -> None:
    splits = assign_splits(documents([2, 1, 2, 1, 2]), percentages=(90, 10, 0), seed=0)
    assert splits["test"] == []


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("80/20", "split '80/20': give train/dev/test percentages, like 80/10/10"),
        ("80/10/x", "split '80/10/x': give train/dev/test percentages, like 80/10/10"),
        ("80/10/20", "split '80/10/20': the percentages add up to 110, not 100"),
    ],
)
def test_bad_split_specs(spec: str, message: str) -> None:
    with pytest.raises(CurateError) as raised:
        parse_split(spec)
    assert str(raised.value) == message
