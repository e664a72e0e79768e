"""The tokenizer and sentence splitter: the offsets every other stage relies on."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from curate.tokens import sentences, tokens


@pytest.mark.parametrize(
    "token",
    ["500-ден", "47,2", "440-1", "2 564", "7 374", "1,5", "NUR.KZ", "Polisia.kz",
     "Telegram-арна", "–4%", "+10%", "БК-4", "криптоәмиян", "тыс.", "млн.", "1 263"],
)  # fmt: skip
def test_one_token(token: str) -> None:
    text = f"изъято {token} всего"
    assert [t.text for t in tokens(text)] == ["изъято", token, "всего"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«Кибернадзор»", ["«", "Кибернадзор", "»"]),
        ('"Заң мен тәртіп"', ['"', "Заң", "мен", "тәртіп", '"']),
        ("(47,2 т),", ["(", "47,2", "т", ")", ","]),
        ("сказал: да; нет!", ["сказал", ":", "да", ";", "нет", "!"]),
        ("күрес – құқық — бұл", ["күрес", "–", "құқық", "—", "бұл"]),
        ("2020–2021", ["2020", "–", "2021"]),
        ("барьер против.", ["барьер", "против", "."]),
        ("МВД РК.", ["МВД", "РК", "."]),
        ("(7 374; –4%)", ["(", "7 374", ";", "–4%", ")"]),
        ("в 2025 году 15 человек", ["в", "2025", "году", "15", "человек"]),
        ("5 кг 952 гр", ["5", "кг", "952", "гр"]),
        ("1 млн 300 тыс. детей", ["1", "млн", "300", "тыс.", "детей"]),
        ("Т850 млн", ["Т850", "млн"]),
    ],
)
def test_punctuation_splits_off(text: str, expected: list[str]) -> None:
    assert [t.text for t in tokens(text)] == expected


def test_offsets_point_into_text() -> None:
    text = "Изъято 2 564 карты"
    assert [(t.start, t.end) for t in tokens(text)] == [(0, 6), (7, 12), (13, 18)]


@given(st.text())
def test_token_text_is_its_slice_for_any_unicode(text: str) -> None:
    found = tokens(text)
    assert all(text[t.start : t.end] == t.text for t in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert all(not t.text.isspace() and t.text for t in found)


@given(st.text(alphabet=st.sampled_from('аәіңғү 0123456789.,-–%«»"!?\nЖҚ😀🇰🇿')))
def test_tokens_cover_all_non_space_characters(text: str) -> None:
    covered = "".join(t.text for t in tokens(text))
    assert covered.replace(" ", "") == "".join(text.split())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Изъято 5 кг. Задержаны трое.", ["Изъято 5 кг.", "Задержаны трое."]),
        ("Изъято свыше 1,5 тыс. Карт нет.", ["Изъято свыше 1,5 тыс. Карт нет."]),
        ("Заблокировано 2,2 млн. Это рекорд.", ["Заблокировано 2,2 млн. Это рекорд."]),
        ("Работает МВД РК. Сегодня брифинг.", ["Работает МВД РК.", "Сегодня брифинг."]),
        (
            '"Изъято 5 кг. Задержаны трое", – деді ол.',
            ['"Изъято 5 кг. Задержаны трое", – деді ол.'],
        ),
        ("«Всё. Точка», — сказал он. Потом ушёл.", ["«Всё. Точка», — сказал он.", "Потом ушёл."]),
        ("Сказал А. Иванов. Затем", ["Сказал А. Иванов.", "Затем"]),
        ("Что? Да! Вот…", ["Что?", "Да!", "Вот…"]),
        ("Заголовок\nПервый абзац. Второе.", ["Заголовок", "Первый абзац.", "Второе."]),
        ("в 3 раза больше. а тут строчная", ["в 3 раза больше. а тут строчная"]),
        ("Итог: 525 кг. 52 кг синтетики.", ["Итог: 525 кг.", "52 кг синтетики."]),
        ("", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentences(text)] == expected


@given(st.text())
def test_sentences_are_ordered_and_disjoint(text: str) -> None:
    bounds = sentences(text)
    assert all(0 <= s < e <= len(text) for s, e in bounds)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(bounds))
