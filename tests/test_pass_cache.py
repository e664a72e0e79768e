"""Compiled passes and built rules saved on disk: what is loaded is what was made, and a bad
entry or an unusable directory costs a compile or a build, never a wrong pattern or an error."""

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from curate.errors import CurateError
from curate.rules import build_extractor
from curate.rules.extractor import _pass_text
from curate.rules.grammar import Rule
from curate.rules.pass_cache import (
    CACHE_VARIABLE,
    KEPT_ENTRIES,
    PassText,
    cache_directory,
    cached_rules,
    compiled_pass,
    pass_key,
    sources_key,
)

RULES = [rule for rule in build_extractor().rules if "ru" in rule.langs]


def _compiled_by_re(rules: list[Rule]) -> tuple[re.Pattern[str], dict[str, Rule]]:
    text, group_rule = _pass_text(rules)
    return re.compile(text), group_rule


def _entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("pass-*.bin"))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(CACHE_VARIABLE, str(directory))
    return directory


def _counting(calls: list[int]) -> PassText:
    """:func:`_pass_text` that notes the number of rules of each call in ``calls``."""

    def pass_text(rules: Sequence[Rule]) -> tuple[str, dict[str, Rule]]:
        calls.append(len(rules))
        return _pass_text(rules)

    return pass_text


def test_a_pass_is_compiled_once_then_loaded_and_is_the_same_pattern(cache: Path) -> None:
    calls: list[int] = []
    expected, expected_groups = _compiled_by_re(RULES)

    compiled, compiled_groups = compiled_pass(RULES, _counting(calls))
    loaded, loaded_groups = compiled_pass(RULES, _counting(calls))

    assert calls == [len(RULES)]  # the second came from the cache, without the pass text
    assert len(_entries(cache)) == 1
    # Pattern equality compares the regex engine's code, flags and text.
    assert compiled == expected and loaded == expected
    assert loaded_groups == compiled_groups == expected_groups
    assert loaded.groupindex == expected.groupindex and loaded.groups == expected.groups


def test_a_loaded_pass_finds_the_same_matches(cache: Path) -> None:
    compiled_pass(RULES, _pass_text)
    loaded, _ = compiled_pass(RULES, _pass_text)
    expected, _ = _compiled_by_re(RULES)
    text = (
        " 12 марта 2024 года сотрудники Департамента полиции Карагандинской области изъяли "
        "более 3,5 кг гашиша и 1,2 млн тенге; задержаны 4 человека (ст. 297 УК РК)."
    )

    def found(pattern: re.Pattern[str]) -> list[tuple[int, int, str | None]]:
        return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]

    assert found(loaded) == found(expected) and len(found(expected)) >= 5


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda content: content[: len(content) // 2], id="truncated"),
        pytest.param(lambda content: content[:-9] + b"\x00" * 9, id="code changed"),
        pytest.param(lambda content: b"not json\n" + content, id="header unreadable"),
        pytest.param(lambda content: b"", id="empty"),
    ],
)
def test_a_damaged_entry_is_compiled_again_and_replaced(
    cache: Path, damage: Callable[[bytes], bytes]
) -> None:
    compiled_pass(RULES, _pass_text)
    (entry,) = _entries(cache)
    entry.write_bytes(damage(entry.read_bytes()))
    calls: list[int] = []

    pattern, _ = compiled_pass(RULES, _counting(calls))

    assert calls == [len(RULES)]
    assert pattern == _compiled_by_re(RULES)[0]
    calls.clear()
    assert compiled_pass(RULES, _counting(calls))[0] == pattern and calls == []  # mended


def test_an_unusable_cache_directory_only_costs_a_compile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("curate did not write this\n")
    monkeypatch.setenv(CACHE_VARIABLE, str(blocker / "cache"))

    pattern, _ = compiled_pass(RULES, _pass_text)

    assert pattern == _compiled_by_re(RULES)[0]
    assert blocker.read_text() == "curate did not write this\n"


def test_an_empty_cache_variable_turns_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_VARIABLE, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_directory() is None

    compiled_pass(RULES, _pass_text)

    assert list(tmp_path.iterdir()) == []


def test_the_default_directory_is_the_users_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    assert cache_directory() == Path("/somewhere/cache/curate")


def test_a_changed_rule_is_a_new_entry_with_its_own_rules(cache: Path) -> None:
    changed = [
        rule._replace(pattern=rule.pattern + "|Вымышленное") if rule.name == RULES[0].name else rule
        for rule in RULES
    ]
    assert pass_key(changed) != pass_key(RULES)
    assert pass_key([rule._replace(name="renamed") for rule in RULES[:1]]) != pass_key(RULES[:1])

    compiled_pass(RULES, _pass_text)
    pattern, group_rule = compiled_pass(changed, _pass_text)
    loaded, loaded_groups = compiled_pass(changed, _pass_text)

    assert len(_entries(cache)) == 2
    assert loaded == pattern and "Вымышленное" in loaded.pattern
    assert loaded_groups == group_rule and changed[0] in loaded_groups.values()


def test_only_the_latest_entries_are_kept(cache: Path) -> None:
    rules = RULES[:3]
    variants = [
        [rules[0]._replace(pattern=f"{rules[0].pattern}|Вариант{number}"), *rules[1:]]
        for number in range(KEPT_ENTRIES + 2)
    ]
    for number, variant in enumerate(variants):
        compiled_pass(variant, _pass_text)
        written = 1_700_000_000 + number  # apart, whatever the clock's resolution
        os.utime(cache / f"pass-{pass_key(variant)}.bin", (written, written))

    kept = {path.name for path in _entries(cache)}
    assert len(kept) == KEPT_ENTRIES
    assert f"pass-{pass_key(variants[-1])}.bin" in kept
    assert f"pass-{pass_key(variants[0])}.bin" not in kept


def test_the_extractor_annotates_alike_from_a_cold_and_a_warm_cache(cache: Path) -> None:
    text = "В Алматы полицейские изъяли 2 кг героина; задержан Ерлан Сериков."
    cold = build_extractor().annotate(text, lang="ru")
    warm = build_extractor().annotate(text, lang="ru")
    assert cold == warm and {span.label for span in cold} >= {"LOC", "QUANTITY", "DRUG"}
    assert len(_entries(cache)) == 1


# ---- built rules ---------------------------------------------------------------------------


def _counting_build(calls: list[str], rules: list[Rule] = RULES) -> Callable[[], list[Rule]]:
    def build() -> list[Rule]:
        calls.append("built")
        return list(rules)

    return build


def _rules_entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("rules-*.json"))


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A stand-in for the package: code and data files the rules would be built from."""
    root = tmp_path / "package"
    (root / "data").mkdir(parents=True)
    (root / "rules.py").write_text("PATTERN = 'героин'\n")
    (root / "data" / "places.txt").write_text("Алматы\n")
    return root


def test_rules_are_built_once_then_loaded_as_they_were(cache: Path, package: Path) -> None:
    calls: list[str] = []

    built = cached_rules(_counting_build(calls), package)
    loaded = cached_rules(_counting_build(calls), package)

    assert calls == ["built"]
    assert loaded == built == RULES
    assert all(isinstance(rule.langs, frozenset) for rule in loaded)
    assert len(_rules_entries(cache)) == 1


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda root: (root / "data" / "places.txt").write_text("Астана\n"), id="data"),
        pytest.param(lambda root: (root / "rules.py").write_text("PATTERN = 'гашиш'\n"), id="code"),
        pytest.param(lambda root: (root / "data" / "new.txt").write_text("Тараз\n"), id="new file"),
    ],
)
def test_an_edited_code_or_data_file_builds_the_rules_again(
    cache: Path, package: Path, edit: Callable[[Path], object]
) -> None:
    calls: list[str] = []
    cached_rules(_counting_build(calls), package)
    before = sources_key(package)

    edit(package)
    cached_rules(_counting_build(calls), package)

    assert sources_key(package) != before
    assert calls == ["built", "built"]
    assert len(_rules_entries(cache)) == 2


def test_compiled_bytecode_is_no_edit(cache: Path, package: Path) -> None:
    calls: list[str] = []
    cached_rules(_counting_build(calls), package)
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"\x00" * 16)

    cached_rules(_counting_build(calls), package)

    assert calls == ["built"]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda content: content[: len(content) // 2], id="truncated"),
        pytest.param(lambda content: content.replace(b'"ru"', b'"xx"'), id="wrong language"),
        pytest.param(lambda content: content.replace(b'"LOC"', b'"PLACE"'), id="wrong label"),
        pytest.param(lambda content: b"", id="empty"),
    ],
)
def test_a_damaged_rules_entry_is_built_again_and_replaced(
    cache: Path, package: Path, damage: Callable[[bytes], bytes]
) -> None:
    cached_rules(_counting_build([]), package)
    (entry,) = _rules_entries(cache)
    entry.write_bytes(damage(entry.read_bytes()))
    calls: list[str] = []

    assert cached_rules(_counting_build(calls), package) == RULES
    assert cached_rules(_counting_build(calls), package) == RULES
    assert calls == ["built"]  # built once more, then loaded from the mended entry


def test_a_build_that_fails_raises_and_saves_nothing(cache: Path, package: Path) -> None:
    def failing() -> list[Rule]:
        raise CurateError("gazetteer places.txt line 3: a repeated entry")

    with pytest.raises(CurateError, match=r"places\.txt line 3"):
        cached_rules(failing, package)
    assert not cache.exists() or _rules_entries(cache) == []


def test_without_a_cache_the_rules_are_built_every_time(
    tmp_path: Path, package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_VARIABLE, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    calls: list[str] = []

    cached_rules(_counting_build(calls), package)
    cached_rules(_counting_build(calls), package)

    assert calls == ["built", "built"]
    assert not (tmp_path / "home-cache").exists()


def test_the_extractor_from_cached_rules_is_the_extractor_built(cache: Path) -> None:
    text = "12 марта в Караганде у гражданина Н. изъяли 350 граммов марихуаны."
    built = build_extractor()
    assert len(_rules_entries(cache)) == 1
    loaded = build_extractor()
    assert loaded.rules == built.rules
    assert loaded.annotate(text, lang="ru") == built.annotate(text, lang="ru")
