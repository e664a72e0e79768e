"""Train/dev/test splits that never separate a story's documents (the kk/ru twins).

Whole stories are dealt out in a seeded random order (larger stories first), each to the
split furthest below its share of documents, so a twin never leaks from train into test
and a seed always gives the same split of the same documents.
"""

import random
from collections import defaultdict
from collections.abc import Sequence

from curate.errors import CurateError
from curate.models import GoldDocument

SPLIT_NAMES: tuple[str, str, str] = ("train", "dev", "test")

Percentages = tuple[int, int, int]


def parse_split(spec: str) -> Percentages:
    """``"80/10/10"`` → ``(80, 10, 10)``: three whole percentages that add up to 100.

    >>> parse_split("80/10/10")
    (80, 10, 10)
    """
    parts = spec.split("/")
    if len(parts) != len(SPLIT_NAMES) or not all(part.strip().isdigit() for part in parts):
        raise CurateError(f"split {spec!r}: give train/dev/test percentages, like 80/10/10")
    train, dev, test = (int(part) for part in parts)
    if train + dev + test != 100:
        raise CurateError(
            f"split {spec!r}: the percentages add up to {train + dev + test}, not 100"
        )
    return train, dev, test


def assign_splits(
    documents: Sequence[GoldDocument], *, percentages: Percentages, seed: int
) -> dict[str, list[GoldDocument]]:
    """Documents of each split, in their original order; a story lies in one split only.

    >>> from curate.models import GoldDocument
    >>> docs = [GoldDocument(id=str(i), task_id=i, story_id=str(i // 2), text="x", spans=[],
    ...                      annotators=["a"], source_export="e.json") for i in range(10)]
    >>> {name: len(split) for name, split in assign_splits(
    ...     docs, percentages=(60, 20, 20), seed=1).items()}
    {'train': 6, 'dev': 2, 'test': 2}
    """
    stories: defaultdict[str, list[int]] = defaultdict(list)
    for index, document in enumerate(documents):
        stories[document.story_id].append(index)
    order = sorted(stories)
    random.Random(seed).shuffle(order)
    # Larger stories first, so that single documents come last and even out the shares.
    order.sort(key=lambda story: -len(stories[story]))
    targets = [share * len(documents) / 100 for share in percentages]
    members: list[list[int]] = [[] for _ in SPLIT_NAMES]
    open_splits = [k for k, share in enumerate(percentages) if share > 0]
    for story in order:
        neediest = max(open_splits, key=lambda k: targets[k] - len(members[k]))
        members[neediest].extend(stories[story])
    return {
        name: [documents[index] for index in sorted(indices)]
        for name, indices in zip(SPLIT_NAMES, members, strict=True)
    }
