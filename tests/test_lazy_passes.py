"""A language's pass is compiled at its first text, and a pass is the regex the rules make."""

from curate.rules import build_extractor
from curate.rules.extractor import _compile_pass


def test_a_language_is_compiled_at_its_first_text() -> None:
    extractor = build_extractor()
    assert not extractor._passes
    extractor.annotate("изъято более 3 тонн", lang="ru")
    assert set(extractor._passes) == {"ru"}
    extractor.compile()
    assert set(extractor._passes) == {"kk", "ru"}


def test_a_compiled_pass_is_the_pass_of_the_languages_rules() -> None:
    extractor = build_extractor()
    for lang in ("kk", "ru"):
        pattern, group_rule = _compile_pass([r for r in extractor.rules if lang in r.langs])
        found = extractor._pass(lang)
        assert found.pattern.pattern == pattern.pattern
        assert found.group_rule == group_rule
