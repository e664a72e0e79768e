"""The JSON list reader behind pulls and export reading: items as their last byte arrives,
whatever the pieces, and one short problem for bytes that are not a JSON list."""

import json
import random

import pytest

from curate import jsonlist
from curate.jsonlist import JsonListError, JsonListItems, NotAJsonList

TASKS = [
    {"id": number, "data": {"text": "Алматы қаласында 2,5 келі «меф»"}, "score": 0.5 + number,
     "annotations": [], "flag": number % 2 == 0, "none": None, "nested": [[1, [2]], {"a": "}]"}]}
    for number in range(40)
]  # fmt: skip


def read_in_pieces(content: bytes, sizes: list[int]) -> list:
    items, reader, start = [], JsonListItems(), 0
    for size in sizes:
        items += reader.feed(content[start : start + size])
        start += size
    items += reader.feed(content[start:])
    return items + reader.close()


@pytest.mark.parametrize("seed", range(20))
def test_any_pieces_give_the_items_json_gives(seed: int) -> None:
    content = json.dumps(TASKS, ensure_ascii=False, indent=seed % 3 or None).encode()
    rng = random.Random(seed)
    sizes = [rng.randint(1, 300) for _ in range(len(content) // 150)]

    assert read_in_pieces(content, sizes) == json.loads(content)


@pytest.mark.parametrize(
    "content", [b"[]", b" [ ] ", b"[1, 2.5, -3e2, true, null]", b'["a",{"b":[]}]\n', b"[7]"]
)
def test_small_lists_byte_by_byte(content: bytes) -> None:
    assert read_in_pieces(content, [1] * len(content)) == json.loads(content)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty"),
        (b" \n ", "empty"),
        (b'{"id": 1}', "not a list"),
        (b"[1, 2", "cut short after 2 item(s)"),
        (b'[{"id": 1}, {"id": ', "cut short inside item 1"),
        (b'[{"id": 1}', "cut short after 1 item(s)"),
        (b'[{"id": 1} {"id": 2}]', "item 1: ',' or ']' expected after it"),
        (b"[1,]", "item 1: Expecting value"),
        (b'[{"id": x}]', "item 0: Expecting value"),
        (b'[{"id": "abc', "cut short inside item 0"),
        (b"[1] 2", "more after the list's end, 1 item(s)"),
        (b'["\xff"]', "not UTF-8 text"),
        (b'["\xd0', "cut short inside a character"),
    ],
)
def test_bytes_that_are_no_json_list_are_one_short_problem(content: bytes, problem: str) -> None:
    with pytest.raises(JsonListError) as raised:
        read_in_pieces(content, [3] * (len(content) // 3))

    assert str(raised.value) == problem
    assert isinstance(raised.value, NotAJsonList) == (problem in ("empty", "not a list"))


def test_an_item_that_never_ends_is_an_error_not_a_growing_buffer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(jsonlist, "LONGEST_ITEM", 100)
    reader = JsonListItems()
    reader.feed(b'[{"text": "' + b"a" * 60)

    with pytest.raises(JsonListError, match="item 0: unfinished after 100 characters"):
        reader.feed(b"a" * 60)
