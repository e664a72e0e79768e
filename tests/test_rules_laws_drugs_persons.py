"""LAW, DRUG and PER rules on fresh Kazakh and Russian sentences: the forms each rule
handles, side by side in both languages, and what must stay unannotated."""

import pytest

from curate.rules import Extractor
from curate.rules.persons import repeated_surnames, surname_base


def spans(extractor: Extractor, text: str, lang: str, label: str) -> list[str]:
    return [span.text for span in extractor.annotate(text, lang=lang) if span.label == label]


# ---- LAW ---------------------------------------------------------------------------------

LAWS = [
    # Kazakh: the state before the code, article, part and paragraph with their endings
    ("kk", "Ол ҚР ҚК 296-бабының 2-бөлігі бойынша сотталды.", ["ҚР ҚК 296-бабының 2-бөлігі"]),
    ("kk", "Іс ҚР ҚК 299-бабы бойынша қозғалды.", ["ҚР ҚК 299-бабы"]),
    ("kk", "ҚК-нің 300-бабы бойынша тергеу жүріп жатыр.", ["ҚК-нің 300-бабы"]),
    ("kk", "ҚР ҚПК 187-бабына сәйкес", ["ҚР ҚПК 187-бабына"]),
    (
        "kk",
        "Қазақстан Республикасының Қылмыстық кодексінің 296-бабы 3-бөлігінің 1-тармағымен",
        ["Қазақстан Республикасының Қылмыстық кодексінің 296-бабы 3-бөлігінің 1-тармағымен"],
    ),
    ("kk", "Оған 299-бап бойынша айып тағылды.", ["299-бап"]),
    ("kk", "Күдікті 296-бабының 2-бөлігімен айыпталды.", ["296-бабының 2-бөлігімен"]),
    ("kk", "ҚР Қылмыстық кодексіне өзгерту енгізілді.", ["ҚР Қылмыстық кодексіне"]),
    # Russian: part and point before the article, abbreviations without a space
    ("ru", "по ч.3 ст.296 УК РК задержаны двое", ["ч.3 ст.296 УК РК"]),
    ("ru", "по п. 2 части 3 статьи 299 УК", ["п. 2 части 3 статьи 299 УК"]),
    ("ru", "по статье 299 Уголовного кодекса Республики Казахстан", [
        "статье 299 Уголовного кодекса Республики Казахстан"
    ]),
    ("ru", "возбуждено дело по статье 296 (незаконный оборот).", ["статье 296"]),
    ("ru", "по статье 296, как сообщили", ["статье 296"]),
    # not LAW: a number after "статье" that is counted, a coach, a principle
    ("ru", "В статье 12 человек назвали причины.", []),
    ("kk", "Командада 2 бапкер жұмыс істейді.", []),
    ("kk", "«Заң мен тәртіп» қағидаты бойынша", []),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "expected"), LAWS)
def test_law_forms(extractor: Extractor, lang: str, text: str, expected: list[str]) -> None:
    assert spans(extractor, text, lang, "LAW") == expected


# ---- DRUG --------------------------------------------------------------------------------

DRUGS = [
    # synthetic + class noun, in every case
    ("kk", "Ұнтақ синтетикалық катинондарға жатады.", ["синтетикалық катинондарға"]),
    ("ru", "изъяты синтетические катиноны и", ["синтетические катиноны"]),
    ("ru", "партия синтетического наркотика", ["синтетического наркотика"]),
    ("ru", "сбыт синтетическим наркотикам", ["синтетическим наркотикам"]),
    ("ru", "курительные синтетические каннабиноиды", ["синтетические каннабиноиды"]),
    # psychotropic substances, a class
    ("ru", "оборот психотропных веществ и", ["психотропных веществ"]),
    ("ru", "изъяли психотропные препараты", ["психотропные препараты"]),
    ("ru", "хранение психотропов в квартире", ["психотропов"]),
    ("kk", "есірткі және психотроптық заттар тәркіленді", ["психотроптық заттар"]),
    # plants named by species; Kazakh adjective in the gazetteer, Russian one declines
    ("kk", "алқапта жабайы қарасора жойылды", ["жабайы қарасора"]),
    ("kk", "жабайы кендірдің 2 гектары", ["жабайы кендірдің"]),
    ("kk", "апиын көкнәрі өсірілген", ["апиын көкнәрі"]),
    ("kk", "апиын тобындағы есірткілер", ["апиын тобындағы"]),
    ("ru", "уничтожено 5 гектаров дикорастущей конопли", ["дикорастущей конопли"]),
    ("ru", "посевы опийного мака обнаружены", ["опийного мака"]),
    ("ru", "изъято 10 кг маковой соломы", ["маковой соломы"]),
    ("ru", "препараты опийной группы", ["опийной группы"]),
    # compounds and medicines, with endings in both languages
    ("ru", "при нем нашли метамфетамин и МДМА", ["метамфетамин", "МДМА"]),
    ("ru", "500 таблеток прегабалина и трамадола", ["прегабалина", "трамадола"]),
    ("ru", "партию кокаина и героина", ["кокаина", "героина"]),
    ("ru", "производство альфа-ПВП и метадона", ["альфа-ПВП", "метадона"]),
    ("kk", "мефедронды және амфетаминді сатқан", ["мефедронды", "амфетаминді"]),
    ("kk", "гашиштің 2 келісі табылды", ["гашиштің"]),
    # street names only inside quotation marks
    ("ru", "продавал «соли» через закладки", ["соли"]),
    ("ru", "наркотик «скорость» подешевел", ["скорость"]),
    ("kk", "халық арасында «соль» деп аталады", ["соль"]),
    # not DRUG: generic words, salt and a poem outside quotes, a clause before a plant
    ("ru", "изъято много наркотических средств и наркотиков", []),
    ("ru", "соль и сахар подорожали", []),
    ("ru", "Лирика поэта", []),
    ("kk", "тұз бен есірткі", []),
    ("kk", "жабайы өсетін кендірді жойды", ["кендірді"]),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "expected"), DRUGS)
def test_drug_forms(extractor: Extractor, lang: str, text: str, expected: list[str]) -> None:
    assert spans(extractor, text, lang, "DRUG") == expected


# ---- PER ---------------------------------------------------------------------------------

PERSONS = [
    # -ұлы/-қызы surnames repeated alone, after a full name in another case
    ("kk", "Дархан Ерланұлының сөзінше, рейд жалғасады. Ерланұлы мәлімдеді.", [
        "Дархан Ерланұлының", "Ерланұлы"
    ]),
    ("kk", "Айгүл Маратқызына сөз берілді. Маратқызы айтты.", ["Айгүл Маратқызына", "Маратқызы"]),
    # ... and alone after a post, with no full name before
    ("kk", "– деді полиция майоры Серікқызы.", ["Серікқызы"]),
    ("ru", "сообщил подполковник Жаксылыкулы.", ["Жаксылыкулы"]),
    # a Kazakh patronymic between first name and surname
    ("kk", "Нұрлыбек Асқарұлы Сейітовтің айтуынша, Сейітов", [
        "Нұрлыбек Асқарұлы Сейітовтің", "Сейітов"
    ]),
    # Russian surnames repeated in another case
    ("ru", "заявила Айгуль Тулегенова. По словам Тулегеновой,", [
        "Айгуль Тулегенова", "Тулегеновой"
    ]),
    ("ru", "Ринат Мусин рассказал. Мусину вручили", ["Ринат Мусин", "Мусину"]),
    # not PER: adjectives and nouns that end like a Kazakh surname
    ("kk", "Қайғулы оқиға болды.", []),
    ("ru", "Акулы и скулы.", []),
    ("kk", "Ұлы Жібек жолы бойымен", []),
    # not PER: state names whose second word ends like a surname
    ("ru", "из Соединенных Штатов и Объединенных Эмиратов", []),
    ("kk", "Жүк Ресей Федерациясына жөнелтілген.", []),
    ("ru", "гражданин Узбекистана Алишер Каримов", ["Алишер Каримов"]),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "expected"), PERSONS)
def test_person_forms(extractor: Extractor, lang: str, text: str, expected: list[str]) -> None:
    assert spans(extractor, text, lang, "PER") == expected


@pytest.mark.parametrize(
    ("name", "base"),
    [
        ("Дархан Ерланұлының", "Ерланұлы"),
        ("Айгүл Маратқызына", "Маратқызы"),
        ("Ринат Мусина", "Мусин"),
        ("Айгуль Тулегеновой", "Тулегенов"),
        ("Асқар Бекмұханбетовтің", "Бекмұханбетов"),
        ("А. Петровская", "Петровск"),
        ("Айгуль Алия", None),
    ],
)
def test_surname_base_drops_the_case_ending(name: str, base: str | None) -> None:
    assert surname_base(name) == base


def test_repeated_surname_finds_every_case_form() -> None:
    text = "Ерланұлы, Ерланұлының, Ерланұлына, Ерлановтың"
    found = [text[s:e] for s, e in repeated_surnames(text, ["Дархан Ерланұлының"])]
    assert found == ["Ерланұлы", "Ерланұлының", "Ерланұлына"]
