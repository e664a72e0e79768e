"""The on-disk cache of compiled passes (:mod:`curate.rules.compiled`): an extractor built
from the cache finds exactly what a fresh one finds, on the seeds and every gold set's
articles, and a cache that is corrupt, stale or unwritable only costs time."""

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from goldsets import ROOT

from curate.articles import read_articles
from curate.models import Article
from curate.rules import Extractor, build_extractor
from curate.rules.compiled import compile_cached
from curate.rules.extractor import _compile_pass

ARTICLES: list[Article] = [
    article
    for folder in [ROOT / "seeds", *sorted((ROOT / "tests" / "data").glob("*/*/articles"))]
    for article in read_articles(folder)
]


def spans_of(extractor: Extractor) -> list[list[tuple[object, ...]]]:
    return [
        [
            (s.start, s.end, s.label, s.value, s.unit, s.qualifier, s.rule, s.score)
            for s in extractor.annotate(article.text, lang=article.lang)
        ]
        for article in ARTICLES
    ]


@pytest.fixture(scope="module")
def filled() -> Iterator[tuple[Path, list[list[tuple[object, ...]]]]]:
    """A cache folder filled by a fresh extractor, and what that extractor found."""
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        patch.setenv("CURATE_CACHE_DIR", folder)
        yield Path(folder), spans_of(build_extractor())


@pytest.fixture
def cache(filled: tuple[Path, object], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CURATE_CACHE_DIR", str(filled[0]))
    return filled[0]


def test_a_build_from_the_cache_finds_what_a_fresh_one_finds(
    filled: tuple[Path, list[list[tuple[object, ...]]]], cache: Path
) -> None:
    assert len(list(cache.glob("regex-*.bin"))) == 2
    assert spans_of(build_extractor()) == filled[1]
    assert sum(map(len, filled[1])) > 1000


def test_the_cached_pass_is_the_pass_re_compile_makes(cache: Path) -> None:
    extractor = build_extractor()
    for lang in ("kk", "ru"):
        compiled, group_rule = _compile_pass([r for r in extractor.rules if lang in r.langs])
        cached = extractor._pass(lang)
        assert cached.pattern.pattern == compiled.pattern
        assert cached.pattern.groupindex == compiled.groupindex
        assert cached.group_rule == group_rule
        for article in ARTICLES:
            text = " " + article.text
            assert [(m.span(), m.lastgroup) for m in cached.pattern.finditer(text)] == [
                (m.span(), m.lastgroup) for m in compiled.finditer(text)
            ]


def test_a_language_is_compiled_at_its_first_text(cache: Path) -> None:
    extractor = build_extractor()
    assert not extractor._passes
    extractor.annotate("изъято более 3 тонн", lang="ru")
    assert set(extractor._passes) == {"ru"}


def test_a_corrupt_file_is_compiled_afresh(
    filled: tuple[Path, list[list[tuple[object, ...]]]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    corrupted = {}
    for path in filled[0].glob("regex-*.bin"):
        body = bytearray(path.read_bytes())
        body[len(body) // 2] ^= 0xFF
        corrupted[tmp_path / path.name] = bytes(body)
        (tmp_path / path.name).write_bytes(bytes(body))
    monkeypatch.setenv("CURATE_CACHE_DIR", str(tmp_path))
    assert spans_of(build_extractor()) == filled[1]
    assert all(path.read_bytes() != body for path, body in corrupted.items())  # replaced


def test_an_unwritable_cache_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CURATE_CACHE_DIR", str(blocker / "cache"))
    assert build_extractor().annotate("изъято более 3 тонн", lang="ru")[0].value == 3000.0


def test_a_changed_rule_is_a_new_entry(tmp_path: Path) -> None:
    cache = tmp_path
    made: list[str] = []

    def make(pattern: str) -> tuple[str, dict[str, str]]:
        made.append(pattern)
        return pattern, {"kind": "digits"}

    first, extra = compile_cached("rules v1", lambda: make(r"\d+"), directory=cache)
    again, _ = compile_cached("rules v1", lambda: make(r"\d+"), directory=cache)
    changed, _ = compile_cached("rules v2", lambda: make(r"\d+кг"), directory=cache)
    assert made == [r"\d+", r"\d+кг"]  # the second call was a hit
    assert extra == {"kind": "digits"}
    assert again.findall("3 и 45") == first.findall("3 и 45") == ["3", "45"]
    assert changed.findall("3кг и 45") == ["3кг"]
    assert isinstance(again, re.Pattern)
