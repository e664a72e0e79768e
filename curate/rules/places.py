"""LOC: named places: countries, regions, cities, districts.

An administrative word that is part of the name is inside (``Алматинской области``,
``области Жетісу``, ``Жетісу облысында``); a bare place takes its endings inside
(``Алматыда``, ``Астане``). Places come from the ``places``/``regions`` gazetteers;
Russian regions and districts named by an adjective are found by their shape, so a
district not listed (``Карасайском районе``) is still found. A Russian place name that is
an adjective, alone or before its noun, declines in every word up to the noun
(``Рудного``, ``Центральной Азии``, ``Российскую Федерацию``, ``Республики Узбекистан``).
"""

import re
from collections.abc import Iterable

from curate.data import Gazetteers
from curate.rules.grammar import (
    CAPITALISED,
    KK,
    KK_EMPHATIC_AFTER_GENITIVE,
    KK_ENDING,
    KK_SENTENCE_ADVERBS,
    LOWER,
    RU,
    RU_ADJECTIVE_ENDING,
    RU_NOUN_ENDING,
    SPACE,
    UPPER,
    WORD_END,
    Rule,
    any_case,
    inflected,
    rule,
    several_words,
    trie,
)
from curate.rules.overlap import Candidate
from curate.rules.persons import after_words

#: The stems of the Russian area words (``области``, ``районе``, ``округа``).
RU_AREA_STEM = "(?:област|район|округ)"
_RU_AREA = r"(?:област(?:ь|и|ью|ям|ях)|район(?:а|у|е|ом|ы|ов)?|округ(?:а|у|е|ом)?)"
#: A Kazakh area word: a region, a district, a rural district (``Аққорған ауылдық округінде``,
#: K132).
_KK_AREA = rf"(?:облыс|аудан|ауылдық{SPACE}округ)(?:{KK_ENDING})?"
#: A Russian place adjective: Алматинской, Восточно-Казахстанская, Карасайском.
RU_PLACE_ADJECTIVE = (
    rf"[{UPPER}][а-яё]+(?:-[{UPPER}][а-яё]+)?(?:ск|цк)(?:ая|ой|ую|ою|ий|ого|ому|им|ом)"
)


#: A region named by a Russian adjective before its area word: ``Карагандинской области``,
#: ``Северо-Казахстанской области``, ``Карасайском районе`` (a cheap look at the area word
#: first).
_RU_REGION_ADJECTIVE = (
    rf"(?=[{UPPER}][а-яё]++(?:-[{UPPER}][а-яё]++)?{SPACE}{RU_AREA_STEM})"
    rf"{RU_PLACE_ADJECTIVE}{SPACE}{_RU_AREA}"
)
#: A Kazakh district or region, any capitalised name before its area word (``Сарыағаш
#: ауданында``).
#: Pronouns that open a sentence before an area word (``Ол облыс орталығына`` "he ... to the
#: regional centre") name no place.
_KK_PRONOUNS = trie(
    ("Ол", "Бұл", "Осы", "Сол", "Әр", "Барлық", *KK_SENTENCE_ADVERBS, "Қазір",
     # nor an adjective (``Шағын аудан`` "a micro-district", K133), "overall" (``Жалпы облыс
     # бойынша``), a pronoun in the dative (``Бұған аудан прокуратурасының``, K140)
     "Шағын", "Жалпы", "Бұған", "Оған", "Соған", "Осыған")
)  # fmt: skip
#: Lower-case titles that end a Kazakh district's name after a person's name (``Бұқар жырау
#: ауданында``, ``Төле би ауданы``, ``Байзақ батыр``).
_KK_NAME_TITLES = trie(("жырау", "ақын", "батыр", "би"))
#: A river, a lake, a sea or a valley takes its word, as a district does (``Жайық
#: өзенінің``, ``Алакөл көліне``, ``Каспий теңізінің``, ``Шу аңғарында``; K47, K125, K132, H1).
_KK_NATURAL_AREA = rf"(?:өзен|көл|теңіз|аңғар)(?:{KK_ENDING})?{WORD_END}"
#: A listed place's valley by its word, inside the LOC (``Шу алқабында``, K120, K127); only
#: after a listed place, as ``Қарасора алқабы`` is a field of cannabis.
_KK_VALLEY_AFTER_PLACE = rf"{SPACE}алқаб(?:{KK_ENDING})?{WORD_END}"
#: A Russian valley named by its adjective, the word inside (``Шуская долина``, ``Чуйской
#: долине``), and a tract's or a steppe's name after its word, which stays outside
#: (``урочище Тасоткель``, ``в степи Кызылкум``, R45).
_RU_NATURAL_AREA = (
    rf"[{UPPER}][{LOWER}]+[сц]к{RU_ADJECTIVE_ENDING}{SPACE}долин(?:ой|а|ы|е|у){WORD_END}"
    + "|(?:"
    + "|".join(rf"(?<={word}{SPACE})" for word in ("урочище", "урочища", "урочищу", "степи"))
    + rf"){CAPITALISED}{WORD_END}"
)
#: A district's name, a person's with an initial (``Б.Майлин ауданының``, K47) or title.
_KK_DISTRICT = (
    rf"(?!{_KK_PRONOUNS}{WORD_END})"
    rf"(?:(?:[{UPPER}]\.{SPACE}?)?{CAPITALISED}"
    rf"(?:{SPACE}{_KK_NAME_TITLES})?{SPACE}(?:{_KK_AREA}|{_KK_NATURAL_AREA})"
    # (not a district naming its detention facility: ``Нұра ауданы уақытша ұстау
    # изоляторына``, K138)
    rf"(?!{SPACE}уақытша{SPACE}ұстау)"
    # the first ones of districts or regions that share a plural area word (``Ұлан және Зайсан
    # аудандарында``: two LOC, K33; ``Алға, Мұғалжар, Хромтау, Ойыл аудандарында``, K132)
    rf"|{CAPITALISED}(?=(?:(?:,|{SPACE}(?:және|мен|пен|бен)){SPACE}{CAPITALISED})+"
    rf"{SPACE}(?:облыс|аудан)(?:тар|дар)\w*))"
)
#: Kazakh settlement words after a village's or town's name; they stay outside it (K7, H1).
_KK_SETTLEMENT = rf"(?:ауыл|қала|кент|елді{SPACE}мекен)(?!лық|дық){KK_ENDING}?{WORD_END}"
#: Capitalised words that open a sentence before a settlement word and name no place:
#: pronouns and adjectives (``Үлкен қалаларда`` "in big cities", ``Шекаралас ауылдарда``).
_NOT_SETTLEMENT_NAME = trie(
    ("Ол", "Бұл", "Осы", "Сол", "Әр", "Әрбір", "Барлық", "Үлкен", "Шағын", "Кіші", "Ірі",
     "Көрші", "Басқа", "Шекаралас", "Шалғай", "Кейбір", "Бірқатар", "Екі", "Үш", "Бір",
     # and adverbs ("and so", ``Сүйтіп қаланың басты көшесімен`` "and so along the city's
     # main street")
     "Сүйтіп", "Сөйтіп", "Сонымен", "Содан", "Кейін",
     # and "him" and "now" (``Оны ауыл сыртында`` "him outside the village", ``Қазір ауылдың``)
     "Оны", "Қазір",
     # and "because", "they", "we", "but", "local", "whole", "many"
     "Себебі", "Өйткені", "Олар", "Біз", "Ал", "Алайда", "Бірақ", "Жергілікті", "Бүкіл",
     "Көптеген")
)  # fmt: skip
#: A name before its settlement word is not in the dative, locative or ablative (``Акцияға
#: қала прокуратурасының ... қатысты`` "the city prosecutor's office took part in the action"),
#: nor "our" anything (``Жерлестеріміз қала көшелеріне шығып`` "our countrymen went out"),
#: nor an adjective of time or place (``"Түнгі қаладағы балалар"`` "children in the night
#: city").
_NOT_IN_A_CASE = (
    r"(?<!ға)(?<!ге)(?<!қа)(?<!ке)(?<!да)(?<!де)(?<!дан)(?<!ден)(?<!нан)(?<!нен)(?<!мыз)(?<!міз)"
    r"(?<!ғы)(?<!гі)"
)
#: A village or town named before its Kazakh settlement word, the word left out:
#: ``Қалбатау ауылы маңында`` → ``Қалбатау``, ``Теккелі қаласындағы`` → ``Теккелі``.
_KK_SETTLEMENT_NAME = (
    rf"(?!{_NOT_SETTLEMENT_NAME}{WORD_END}){CAPITALISED}{_NOT_IN_A_CASE}(?={SPACE}{_KK_SETTLEMENT})"
)


def _region_with_area_word(gazetteers: Gazetteers) -> str:
    """A listed region after its Russian area word (``области Жетісу``) or before its
    Kazakh one (``Жетісу облысында``), with an emphatic after its genitive (``Түркістан
    облысының өзінде`` "in Turkistan region alone", as ``Алматының өзінде``)."""
    area_word = trie(any_case(["области", "область", "областью"]))
    return (
        rf"{area_word}{SPACE}{inflected(gazetteers.regions)}"
        rf"|{trie(gazetteers.regions)}{SPACE}{_KK_AREA}(?:{KK_EMPHATIC_AFTER_GENITIVE})?"
    )


#: Russian settlement words before a town's or village's name, which stay outside it
#: (#29, H1): ``в селе Шелек``, ``с. Бөлек``, ``поселке Отеген``, ``г.Кентау`` (after a
#: space).
_RU_SETTLEMENT_WORDS = [
    f"{stem}{ending}"
    for stem, endings in (
        ("сел", ("о", "а", "е", "ом")),
        ("посел", ("ок", "ка", "ке", "ком")),
        ("посёл", ("ок", "ка", "ке", "ком")),
        ("город", ("", "а", "е", "ом")),
        ("аул", ("", "а", "е", "ом")),
    )
    for ending in endings
] + ["с.", "г.", "пос."]
#: The name after such a word: a capitalised word, also an adjective (``села Грушевского``;
#: ``городе Алматинской области`` is the region rule's, tried before).
_RU_SETTLEMENT_NAME = rf"{after_words(_RU_SETTLEMENT_WORDS)}{CAPITALISED}{WORD_END}"
#: An image's tag line, page chrome (K1, R1), follows: ``Есірткі, синтетика, Астана, сурет -
#: Zakon.kz``, ``Алматы, полиция, фото - Новости``.
_NOT_IMAGE_TAGS = rf"(?!(?:,{SPACE}[^,\n]{{1,40}}?)*,{SPACE}(?:сурет|фото){SPACE}[-–—])"


#: A place whose name is the common word of an idiom: ``Құрыққа түскендер`` "those caught"
#: (``құрық``, a herder's lasso pole; Құрық is also a village in Mangystau).
_NOT_AN_IDIOM = rf"(?![Ққ]ұрыққа{SPACE}(?:түс|ілік|ілін))"


#: A place naming an airport is part of the airport's name, which is not annotated (K30:
#: ``Алматы халықаралық әуежайындағы``), as is one naming a district's detention facility
#: (``Қордай аудандық уақытша ұстау изоляторына``) or a mine (``Ақсу кенішінде``, K139), the
#: town's word maybe before the airport (``Астана қаласының халықаралық әуежайына``, K141); a
#: station's town is LOC (``Шу станциясынан``, H3).
_NOT_IN_A_FACILITY_NAME = (
    rf"(?!(?:{SPACE}қаласы(?:ның)?)?{SPACE}(?:халықаралық{SPACE})?әуежай|{SPACE}кеніш"
    rf"|{SPACE}(?:аудандық{SPACE}|қалалық{SPACE}|ауданы{SPACE}|қаласы{SPACE})?уақытша{SPACE}ұстау"
    rf"{SPACE}изолятор)"
)
#: Nor is a place that names a street or an avenue (``Нұр-Сұлтан көшесі бойында``), or the
#: state that names one with its Constitution (``Қазақстан Конституциясы көшесінде``;
#: streets are not annotated, R26); a city's streets are its own (``Алматы көшелерінде``).
_NOT_A_STREET = rf"(?!{SPACE}Конституция[^\W\d_]*{SPACE}көше|{SPACE}(?:көшес[іи]|даңғыл[ыи]))"
#: Nor is a place in quotation marks that names a checkpoint, a customs post, a border
#: crossing or a port (``на посту «Кызылжар»``, ``«Жетісу» кеден бекетінің``, ``«Аягөз-Шеп»
#: стационарлық бекетінде``, ``«Қордай» шекаралық өткеліне``, K138; ``«Құрық» теңіз
#: портында``, K142).
_NOT_A_POST = (
    r"(?<!посту «)(?<!пост «)(?<!КПП «)"
    rf"(?![^\W\d_-]*(?:-[^\W\d_]+)*[»\"”]{SPACE}(?:[^\W\d_]+{SPACE})?(?:кеден|бекет|пост|өткел|порт))"
)


#: Nor is a place that opens a slogan in quotation marks (``«Астана – есірткісіз қала»``, K65),
#: nor one in the name of a facility named after someone (``Шоқан Уәлиханов атындағы Көкшетау
#: университеті``, R26).
_NOT_A_SLOGAN_OR_FACILITY = rf"(?!(?<=«)[^\W\d_]+{SPACE}[–—-]{SPACE})(?<!атындағы{SPACE})"


#: Kazakh words for a part of a town: a residential complex (``ТҮК``), a cottage settlement, a
#: microdistrict, dachas, a city's district.
_KK_QUARTER = (
    rf"(?:коттедж{SPACE}қалашығ|ықшамауда|мөлтек{SPACE}ауда|шағын{SPACE}ауда"
    rf"|тұрғын{SPACE}үй{SPACE}кешен|саяжай|ТҮК|аудан)[^\W\d_]*{WORD_END}"
)
#: A part of a town named in quotation marks before its Kazakh word, in any script: the
#: name without its quotation marks and without the word is LOC (``“Family Village” коттедж
#: қалашығында``, ``«Думан-2» ықшамауданында``, K7), also in a list before one word
#: (``«R-Club» және «R-Club Deluxe» ТҮК``, ``«Алматы» және «Сарыарқа» аудандарындағы``, K140).
_KK_QUOTED_QUARTER = (
    rf"(?<=[«\"“])[{UPPER}][^\W_]*+(?:[- ][{UPPER}\d][^\W_]*+){{0,3}}"
    rf"(?=[»\"”](?:(?:,|{SPACE}(?:және|мен)){SPACE}[«\"“][^«»\"“”\n]{{1,40}}[»\"”])*"
    rf"{SPACE}{_KK_QUARTER})"
)


#: Endings a place takes in a headline in capitals: Kazakh cases and possessives
#: (``ОРАЛДА``, ``ОБЛЫСЫНДА``), and Russian cases after a consonant (``ШЫМКЕНТЕ``).
_CAPITALS_ENDINGS = (
    "ДА", "ДЕ", "ТА", "ТЕ", "НДА", "НДЕ", "ҒА", "ГЕ", "ҚА", "КЕ", "НА", "НЕ", "А", "Е", "У",
    "НЫҢ", "НІҢ", "ДЫҢ", "ДІҢ", "ТЫҢ", "ТІҢ", "ДАН", "ДЕН", "ТАН", "ТЕН", "НАН", "НЕН", "ОМ",
    "Ы", "І", "НЫ", "НІ", "ДЫ", "ДІ", "ТЫ", "ТІ", "ДАҒЫ", "ДЕГІ", "ТАҒЫ", "ТЕГІ", "НДАҒЫ",
    "НДЕГІ", "ЫНДА", "ІНДЕ", "ЫНЫҢ", "ІНІҢ", "ЫНА", "ІНЕ", "ЫНАН", "ІНЕН", "ЫНДАҒЫ", "ІНДЕГІ",
)  # fmt: skip
#: Russian endings of a name ending in a vowel, after its stem (``КАРАГАНДЕ``).
_CAPITALS_STEM_ENDINGS = ("Е", "Ы", "У", "ОЙ", "И")


def _place_in_capitals(gazetteers: Gazetteers) -> str:
    """A listed place in a headline or a dateline written in capitals (``ШЫМКЕНТ:``,
    ``ОРАЛДА``, ``ТҮРКІСТАН ОБЛЫСЫНДА``, ``В КАРАГАНДЕ``), maybe with its area word."""
    names = {place.upper() for place in gazetteers.places if len(place) > 3}
    stems = {name[:-1] for name in names if name[-1] in "АЕЫІОУЯ"}
    endings = trie(_CAPITALS_ENDINGS)
    return (
        rf"(?:{trie(names)}(?:{endings})?|{trie(stems)}{trie(_CAPITALS_STEM_ENDINGS)})"
        rf"(?:{SPACE}(?:ОБЛЫС|АУДАН)(?:{endings})?)?{WORD_END}"
    )


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """Regions with their area word, listed places, and place-adjective regions."""
    return [
        rule("loc_region_area_word", "LOC", _region_with_area_word(gazetteers), 0.95),
        rule("loc_region_adjective", "LOC", _RU_REGION_ADJECTIVE, 0.9),
        rule("loc_kk_district", "LOC", _KK_DISTRICT, 0.75),
        rule("loc_ru_declined", "LOC", ru_declined(gazetteers.places), 0.95),
        rule("loc_route", "LOC", _NOT_A_POST + _route(gazetteers.places), 0.9),
        rule("loc_dateline", "LOC", _dateline_place(gazetteers.places), 0.9),
        rule("loc_ru_natural_area", "LOC", _RU_NATURAL_AREA, 0.8, langs=RU),
        # Names of several words first: ``Ресей Федерациясымен`` is not ``Ресей`` and a word.
        rule(
            "loc_gazetteer_words",
            "LOC",
            inflected(several_words(gazetteers.places)) + _NOT_IMAGE_TAGS,
            0.95,
        ),
        rule(
            "loc_gazetteer",
            "LOC",
            _NOT_A_POST
            + _NOT_A_SLOGAN_OR_FACILITY
            + _NOT_AN_IDIOM
            + inflected(gazetteers.places)
            + _NOT_IMAGE_TAGS
            + _NOT_IN_A_FACILITY_NAME
            + _NOT_A_STREET
            + f"(?:{KK_EMPHATIC_AFTER_GENITIVE}|{_KK_VALLEY_AFTER_PLACE})?",
            0.95,
        ),
        rule("loc_in_capitals", "LOC", _place_in_capitals(gazetteers), 0.8),
        rule(
            "loc_kk_settlement",
            "LOC",
            _KK_SETTLEMENT_NAME + _NOT_IN_A_FACILITY_NAME,
            0.7,
            langs=KK,
        ),
        rule("loc_kk_quoted_quarter", "LOC", _KK_QUOTED_QUARTER, 0.8, langs=KK),
        rule("loc_ru_settlement", "LOC", _RU_SETTLEMENT_NAME, 0.7),
    ]


def _route(places: Iterable[str]) -> str:
    """A place and others joined by hyphens into one token, a route: ``Астана-Қарағанды тас
    жолында``, ``трассе Алматы-Бишкек``, ``Костанай-Аулиеколь-Сурган`` (villages need not be
    listed). A span cannot split a token, so the route is one LOC (R27); with spaces round the
    dash they are two (H2)."""
    single = [place for place in places if " " not in place]
    return rf"{trie(single)}(?:-[{UPPER}][{LOWER}]+){{1,3}}{WORD_END}"


def _dateline_place(places: Iterable[str]) -> str:
    """A place in capitals opening a news agency's dateline, before its date or the agency
    in capitals (``АСТАНА, 26 қазан – Sputnik``, ``ҚАРАҒАНДЫ. KAZINFORM —``; R2)."""
    single = [place.upper() for place in places if " " not in place]
    return rf"(?<![^\n ]){trie(single)}(?=[,.]{SPACE}(?:\d|[A-Z{UPPER}]{{3}}|Қаз))"


#: A Russian adjective as a gazetteer writes it (nominative): ``Рудный``, ``Центральная``.
_RU_NOMINATIVE_ADJECTIVE = re.compile(r"[А-ЯЁа-яё-]{3,}(?:ая|яя|ый|ий|ой|ое|ее|ые|ие)")
_RU_NOUN_DECLINES = "аяьйоеыи"
_KAZAKH_LETTERS = frozenset("әіңғүұқөһӘІҢҒҮҰҚӨҺ")


def ru_declined(entries: Iterable[str]) -> str:
    """A regex of the Russian ``entries`` that decline in a word before the last, or are
    adjectives: each word up to the first noun takes its case ending, the words after it
    (a genitive or a name) stay as they are. Other entries are left to :func:`inflected`.

    >>> pattern = re.compile(ru_declined(["Рудный", "Центральная Азия",
    ...     "Российская Федерация", "Республика Узбекистан", "Шымкент", "Орталық Азия"]))
    >>> words = ("Рудного", "Центральной Азии", "Российскую Федерацию",
    ...     "Республики Узбекистан", "Рудный", "Шымкента", "Орталық Азии")
    >>> [bool(pattern.fullmatch(word)) for word in words]
    [True, True, True, True, True, False, False]
    """
    alternatives = []
    for entry in entries:
        words = entry.split()
        if _KAZAKH_LETTERS & set(entry) or not all(w.replace("-", "").isalpha() for w in words):
            continue
        if len(words) == 1 and not _RU_NOMINATIVE_ADJECTIVE.fullmatch(entry):
            continue
        declined = []
        for index, word in enumerate(words):
            if _RU_NOMINATIVE_ADJECTIVE.fullmatch(word):
                declined.append(re.escape(word[:-2]) + RU_ADJECTIVE_ENDING)
                continue
            if word[-1] in _RU_NOUN_DECLINES and len(word) > 3:
                declined.append(f"(?:{re.escape(word)}|{re.escape(word[:-1])}{RU_NOUN_ENDING})")
            else:
                declined.append(re.escape(word) + f"(?:{RU_NOUN_ENDING})?")
            declined.extend(re.escape(rest) for rest in words[index + 1 :])
            break
        alternatives.append(SPACE.join(declined))
    # Longer names first: the first alternative that ends at a word end wins.
    alternatives.sort(key=lambda alternative: (-alternative.count(SPACE), alternative))
    return "(?:" + "|".join(alternatives) + ")" if alternatives else "(?!)"


#: A name in quotes and, after it, the kind of thing it names (maybe after an adjective or
#: two): a campaign, a project, a plan, a report, an address, a slogan, a venue (``«Таза
#: Қазақстан» акциясы``, ``«Қазақстан жастары» ұлттық баяндамасы``, ``«Стамбул» кафесінде``,
#: ``«Казахстан без наркотиков» акция``), or anything ``атты`` "named" so (``«Әділетті
#: Қазақстанның экономикалық бағдары» атты … Жолдауында``, K132). Nothing inside such a name
#: is annotated but a body's own name (K65, R21: ``«Жол картасы 2020» бағдарламасы`` has no
#: COUNT).
_QUOTED_NAME_OF_KIND = re.compile(
    r"[«\"“]([^«»\"“”\n]{1,200})[»\"”]+(?:\s[^\W\d_]+){0,2}?\s"
    r"(?:акци|жоба|жоб|жоспар|бағдарлама|баяндама|ұран|науқан|форум|байқау|фестивал|марафон"
    r"|кафе|клуб|мейрамхана|қонақ\s?үй|проект|программ|кампани|план|лозунг|ресторан|операци"
    r"|жолдау|атты)",
    re.IGNORECASE,
)


def outside_quoted_names(text: str, found: Iterable[Candidate]) -> list[Candidate]:
    """``found`` without the spans inside a quoted name of a campaign, a project, a report
    or a venue (:data:`_QUOTED_NAME_OF_KIND`): the name is the thing, and its place words
    and figures are part of it (K65, R21). A body's own name stays (``«Тобыл» клубы``, K112).
    Quoted speech keeps its spans (K93)."""
    names = [match.span(1) for match in _QUOTED_NAME_OF_KIND.finditer(text)]
    if not names:
        return list(found)
    return [
        candidate
        for candidate in found
        if candidate.label == "ORG"
        or not any(start <= candidate.start and candidate.end <= end for start, end in names)
    ]
