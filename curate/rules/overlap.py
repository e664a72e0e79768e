"""Overlap resolution: the one place that decides which of two competing spans stays.

Policy: the longer span wins (``Департамента полиции Алматы`` over ``Алматы``); between
spans of the same length the higher score wins (a gazetteer hit over a guess); then the
earlier one. Spans that touch (one ends where the next starts) do not overlap.
"""

import bisect
import itertools
from collections.abc import Iterable
from typing import NamedTuple


class Candidate(NamedTuple):
    """A span a rule proposed, before overlaps are resolved and values normalised."""

    start: int
    end: int
    label: str
    rule: str
    score: float


def resolve_overlaps(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep a set of non-overlapping candidates by the policy above, in text order.

    >>> resolve_overlaps([
    ...     Candidate(10, 16, "LOC", "loc_gazetteer", 0.95),
    ...     Candidate(0, 16, "ORG", "org_ru_head_first", 0.8),
    ...     Candidate(17, 24, "PER", "per_repeated_surname", 0.8),
    ... ])  # doctest: +NORMALIZE_WHITESPACE
    [Candidate(start=0, end=16, label='ORG', rule='org_ru_head_first', score=0.8),
     Candidate(start=17, end=24, label='PER', rule='per_repeated_surname', score=0.8)]
    """
    in_order = sorted(candidates)
    if all(a.end <= b.start for a, b in itertools.pairwise(in_order)):
        return in_order  # the common case: nothing to settle
    ranked = sorted(in_order, key=lambda c: (c.start - c.end, -c.score, c.start))
    starts: list[int] = []  # the kept spans, sorted by start (they never overlap)
    kept: list[Candidate] = []
    for candidate in ranked:
        index = bisect.bisect_left(starts, candidate.start)
        clear_before = index == 0 or kept[index - 1].end <= candidate.start
        clear_after = index == len(kept) or candidate.end <= kept[index].start
        if clear_before and clear_after:
            starts.insert(index, candidate.start)
            kept.insert(index, candidate)
    return kept
