"""People, places, laws and percents on real pages (issue 13), on fresh sentences in the
style of Kazakh and Russian police news.

Each table holds (language, text, the spans expected of the labels the test is about).
"""

import pytest
from rulespans import spans_of

from curate.rules import Extractor, lookalikes

# ---- places --------------------------------------------------------------------------------

PLACES = [
    # the city word stays out (H1), the district word stays in, with a two-word name
    ("kk", "Қостанай қаласының полицейлері 3 күдіктіні ұстады.", [("Қостанай", "LOC")]),
    ("kk", "Бұқар жырау ауданында қарасора жойылды.", [("Бұқар жырау ауданында", "LOC")]),
    ("kk", "Төле би ауданының тұрғыны ұсталды.", [("Төле би ауданының", "LOC")]),
    # a village or town not listed, named before its settlement word (K7)
    ("kk", "Ақжар ауылы маңында көлік тексерілді.", [("Ақжар", "LOC")]),
    ("kk", "Есірткіні Сарқан қаласындағы таныстарына жеткізген.", [("Сарқан", "LOC")]),
    ("kk", "Құлан кентінде зертхана анықталды.", [("Құлан", "LOC")]),
    # ... but not an adjective or a pronoun that opens the sentence, nor a city adjective
    ("kk", "Үлкен қалаларда синтетика көбейді.", []),
    ("kk", "Бұл ауылда полиция бекеті жоқ.", []),
    ("kk", "Шекаралас ауылдардың тұрғындары ескертілді.", []),
    # a Russian settlement word before the name stays out
    ("ru", "Жителя села Кайнар задержали с гашишем.", [("Кайнар", "LOC")]),
    ("ru", "Курьера остановили у поселка Береке.", [("Береке", "LOC")]),
    ("ru", "В с. Жанатурмыс изъяли коноплю.", [("Жанатурмыс", "LOC")]),
    ("ru", "Житель села Грушевского задержан.", [("Грушевского", "LOC")]),
    # a state of two words keeps its Kazakh ending whole
    ("kk", "Ресей Федерациясымен бірлескен операция өтті.", [("Ресей Федерациясымен", "LOC")]),
    ("kk", "Жүк Ресей Федерациясынан әкелінген.", [("Ресей Федерациясынан", "LOC")]),
    ("kk", "Қырғыз Республикасының шекарасында ұсталды.", [("Қырғыз Республикасының", "LOC")]),
    # a route in one token is one LOC; with a spaced dash it is two (H2)
    ("kk", "Алматы-Қапшағай тас жолында тексеріс жүрді.", [("Алматы-Қапшағай", "LOC")]),
    ("ru", "На трассе Астана-Павлодар задержан курьер.", [("Астана-Павлодар", "LOC")]),
    (
        "ru",
        "На трассе Шымкент – Ташкент задержан курьер.",
        [("Шымкент", "LOC"), ("Ташкент", "LOC")],
    ),
    # an image's tag line is page chrome (K1, R1); a list in the text is not
    ("kk", "Есірткі, полиция, Шымкент, сурет - Zakon.kz жаңалық", []),
    ("ru", "наркотики, Павлодар, задержание, фото - Новости Zakon.kz", []),
    (
        "ru",
        "Рейды прошли в Астане, Алматы и Шымкенте.",
        [("Астане", "LOC"), ("Алматы", "LOC"), ("Шымкенте", "LOC")],
    ),
    # a region named alone
    ("ru", "В Жетісу за полгода изъяли 40 кг гашиша.", [("Жетісу", "LOC")]),
    ("kk", "Жетісуда есірткі қылмысы азайды.", [("Жетісуда", "LOC")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), PLACES)
def test_places(extractor: Extractor, lang: str, text: str, expected: list) -> None:
    assert spans_of(extractor, text, lang, {"LOC"}) == expected


# ---- people --------------------------------------------------------------------------------

PEOPLE = [
    # a surname alone at its first mention, after a speech verb, a post or a rank
    ("ru", "Об этом журналистам сообщил Сагындыков.", [("Сагындыков", "PER")]),
    ("ru", "Как пояснила Муканова, девушка ранее не судима.", [("Муканова", "PER")]),
    ("ru", "Рейд провёл майор Досмагамбетов.", [("Досмагамбетов", "PER")]),
    ("ru", "Как отметил подполковник полиции Рахимов, курьер задержан.", [("Рахимов", "PER")]),
    ("ru", "Дело ведёт капитан юстиции Ким.", [("Ким", "PER")]),
    ("ru", "Показания дал полковнику Ержанову задержанный.", [("Ержанову", "PER")]),
    ("kk", "«Тексеріс жалғасады», – деді Төлеуов.", [("Төлеуов", "PER")]),
    ("kk", "Бұл туралы полиция полковнигі Сәрсенбаев айтты.", [("Сәрсенбаев", "PER")]),
    ("kk", "Басқарма бастығы Омаровтың айтуынша, күдікті ұсталды.", [("Омаровтың", "PER")]),
    # after it, the surname alone is the same person
    (
        "ru",
        "Об этом сообщил Байжанов. По словам Байжанова, курьер признался.",
        [("Байжанов", "PER"), ("Байжанова", "PER")],
    ),
    # a verb before a place, an agency or a common word finds no person
    ("ru", "Об этом сообщил Костанайский областной суд.", []),
    ("ru", "Об этом сообщил Департамент полиции.", []),
    ("kk", "Бұл туралы хабарлады Полиция департаменті.", []),
    ("ru", "Об этом сообщили в МВД.", []),
    # initials before or after the surname, the dots inside
    ("ru", "Об этом сообщил А. Жаксылыков.", [("А. Жаксылыков", "PER")]),
    ("ru", "Дело передано следователю Омарову Е.К. для проверки.", [("Омарову Е.К.", "PER")]),
    ("kk", "Тергеуші Б.Ж. Нұрмағанбетова іс қозғады.", [("Б.Ж. Нұрмағанбетова", "PER")]),
    # a photographer's name in a photo credit is page chrome (R1)
    ("ru", "Фото: Tengrinews.kz / Ерлан Сейтханов Задержан курьер.", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), PEOPLE)
def test_people(extractor: Extractor, lang: str, text: str, expected: list) -> None:
    assert spans_of(extractor, text, lang, {"PER"}) == expected


LOOK_ALIKES = [
    # Latin letters inside Cyrillic names: found, with the original letters in the span
    (
        "kk",
        "Бұл туралы департамент бастығы Қуaтбек Нaуатoв мәлім етті. Сeрік Тoқаев ұсталды.",
        [("Қуaтбек Нaуатoв", "PER"), ("Сeрік Тoқаев", "PER")],
    ),
    (
        "ru",
        "Об этом сообщил полковник Нaуатoв. Курьера задержали в Aлматы.",
        [
            ("Нaуатoв", "PER"),
            ("Aлматы", "LOC"),
        ],
    ),
    # a Latin o inside a qualifier still widens the number span over it
    ("ru", "Изъято бoлее 5 кг героина.", [("бoлее 5 кг", "QUANTITY")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), LOOK_ALIKES)
def test_look_alike_letters_inside_cyrillic_words(
    extractor: Extractor, lang: str, text: str, expected: list
) -> None:
    assert spans_of(extractor, text, lang, {"PER", "LOC", "QUANTITY"}) == expected


FOLDED = [
    ("Жaксыбеков", "Жаксыбеков"),  # Latin a
    ("Aлматы", "Алматы"),  # Latin A
    ("ТOКАЕВ", "ТОКАЕВ"),  # Latin O
    ("Мaкcим", "Максим"),  # Latin a, c
    ("Κарағанды", "Карағанды"),  # Greek Kappa
    ("NUR.KZ", "NUR.KZ"),  # Latin words stay Latin
    ("Telegram-арна", "Telegram-арна"),
    ("α-PVP", "α-PVP"),
]


@pytest.mark.parametrize(("text", "expected"), FOLDED)
def test_fold(text: str, expected: str) -> None:
    assert lookalikes.fold(text) == expected


# ---- laws ----------------------------------------------------------------------------------

LAWS = [
    # criminal legislation before an article stands for the code
    (
        "kk",
        "Күдікті Қылмыстық заңнаманың 296-бабының 2-бөлігімен жауапқа тартылды.",
        [("Қылмыстық заңнаманың 296-бабының 2-бөлігімен", "LAW")],
    ),
    ("kk", "Қылмыстық заңнама қатаңдатылды.", []),
    # two articles of one code are one reference (as one DATE for two days, R15)
    ("ru", "Дела возбуждены по статьям 296 и 297 УК РК.", [("статьям 296 и 297 УК РК", "LAW")]),
    ("ru", "Ему вменяют ст. 297, 299 УК.", [("ст. 297, 299 УК", "LAW")]),
    ("ru", "Возбуждено дело по признакам статей 296 и 300 УК.", [("статей 296 и 300 УК", "LAW")]),
    (
        "kk",
        "Іс ҚР ҚК-нің 296 және 297-баптары бойынша қозғалды.",
        [("ҚР ҚК-нің 296 және 297-баптары", "LAW")],
    ),
    # a count after an article is not part of it
    ("ru", "По статье 297 УК задержаны 5 и 7 человек.", [("статье 297 УК", "LAW")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), LAWS)
def test_laws(extractor: Extractor, lang: str, text: str, expected: list) -> None:
    assert spans_of(extractor, text, lang, {"LAW"}) == expected


# ---- percents ------------------------------------------------------------------------------

PERCENTS = [
    # a Kazakh qualifier after the number, with or without its possessive ending (H9)
    ("kk", "Қылмыстардың 60%-дан астамы жастарға тиесілі.", [("60%-дан астамы", "PERCENT")]),
    ("kk", "Тәркіленгеннің 25 пайыздан астамы синтетика.", [("25 пайыздан астамы", "PERCENT")]),
    ("kk", "Оның 10 пайызға жуығы әйелдер.", [("10 пайызға жуығы", "PERCENT")]),
    ("kk", "Көрсеткіш 30 пайыздан астам өсті.", [("30 пайыздан астам", "PERCENT")]),
    ("kk", "Үлесі 40%-ға жуық.", [("40%-ға жуық", "PERCENT")]),
    # a word that only starts like a qualifier stays out
    ("kk", "Тәркілеу 12%-ға астамдап кетті.", [("12%-ға", "PERCENT")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), PERCENTS)
def test_percents(extractor: Extractor, lang: str, text: str, expected: list) -> None:
    assert spans_of(extractor, text, lang, {"PERCENT"}) == expected
