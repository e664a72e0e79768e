"""DATE: points and periods of time, absolute or relative, durations included.

``11 марта``, ``2025 жылғы 2 қаңтардағы``, ``девять месяцев этого года``, ``биылғы тоғыз
айда``, ``8 месяцев``, ``прошлого года``, ``биыл``. Prepositions stay outside (``с начала
года`` → ``начала года``); ages are not dates (``52 жастағы``, ``в возрасте 18 лет``).

A Kazakh date is often a head naming the year (``биылғы``, ``өткен жылдың``, ``2024
жылғы``) and what it anchors (a day and month, a month, a number of months, ``осы
кезеңі``, ``соңы``): the head and its complement are one span.
"""

from curate.data import Gazetteers
from curate.rules.grammar import (
    KK,
    KK_AND,
    KK_CASE_ENDING,
    KK_EMPHATIC_AFTER_GENITIVE,
    KK_ENDING,
    KK_ORDINALS,
    RU,
    SPACE,
    UPPER,
    WORD_END,
    Rule,
    any_case,
    rule,
    trie,
)
from curate.rules.numbers import NUMBER, number_words

_YEAR = r"(?:19|20)\d\d"
#: A day, with a Kazakh ending (``15-і``) or as a range in one token (``13-16`` қыркүйек, K23).
_DAY = r"\d{1,2}(?:-[а-яәіңғүұқөһ]+|[-–]\d{1,2})?"
#: A Kazakh day: a range joined by an en dash is two DATEs, which the tokenizer splits
#: (``17–20 наурыз`` → ``17``, ``20 наурыз``, K23); one joined by a hyphen is one token.
_KK_DAY = r"\d{1,2}(?:-[а-яәіңғүұқөһ]+|-\d{1,2})?"
#: A clock time (``11.40``, ``18:00``), and with a Kazakh ending (``11.40-та``).
_HOUR = r"(?:[01]?\d|2[0-3])"
_CLOCK_TIME = rf"{_HOUR}[:.][0-5]\d(?![\d.,]\d)"
#: The time after ``сағат``: a clock time, or the hour alone with its ending (``сағат 2-де``
#: "at two o'clock", ``таңғы сағат 9 шамасында``).
_KK_CLOCK_TIME = (
    rf"(?:{_CLOCK_TIME}(?:-?(?:{KK_ENDING}))?|{_HOUR}(?![\d.,:]\d)(?:-(?:{KK_ENDING}))?)"
    rf"{WORD_END}"
)
#: The times of day: evening, morning, night, noon.
_KK_TIME_OF_DAY = trie(any_case(["кешкі", "таңғы", "түнгі", "түскі"]))
#: When in the day, after a day's date: in the morning, evening, at night, at noon, by day.
_KK_PART_OF_DAY = trie(["таңертең", "кешке", "кешкісін", "түнде", "түсте", "күндіз"])
#: A range written as one token (``7-9 жылға``, ``5–7 лет``).
_RANGE = r"\d{1,3}[-–]\d{1,3}"

RU_MONTH = (
    r"(?:январ[ьяюе]|феврал[ьяюе]|март[аеу]?|апрел[ьяюе]|ма[йяюе]|июн[ьяюе]|июл[ьяюе]"
    rf"|август[аеу]?|сентябр[ьяюе]|октябр[ьяюе]|ноябр[ьяюе]|декабр[ьяюе]){WORD_END}"
)
#: A month or a range of months (``январе–сентябре``).
_RU_MONTHS = rf"{RU_MONTH}(?:[-–]{RU_MONTH})?"
KK_MONTH_NAMES = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
                   "қыркүйек", "қазан", "қараша", "желтоқсан"]  # fmt: skip
_KK_MONTH_STEM = trie(any_case(KK_MONTH_NAMES))
KK_MONTH = rf"{_KK_MONTH_STEM}(?:{KK_ENDING})?{WORD_END}"
#: A month or a range of months (``қаңтар-қыркүйек``, ``наурыздан``).
_KK_MONTH_RANGE = rf"{_KK_MONTH_STEM}(?:[-–]{_KK_MONTH_STEM})?(?:{KK_ENDING})?{WORD_END}"
#: ``ай`` "month" after a month's name (``наурыз айында``, ``қаңтар-қыркүйек айларында``).
_KK_MONTH_WORD = rf"{SPACE}ай(?:лар|дар)?(?:{KK_ENDING})?{WORD_END}"
#: A month or a range of months, with ``ай`` after it if written.
_KK_MONTHS = rf"{_KK_MONTH_RANGE}(?:{_KK_MONTH_WORD})?"
#: The endings of a part of a period (``соң|ына``, ``бас|ынан``, ``ортас|ында``).
_KK_PART_ENDING = "ы(?:на|нда|нан|ндағы|н)?"
#: The end, start or middle of a period (``соңына``, ``басынан``, ``ортасында``).
_KK_PART = rf"(?:соң|бас|ортас){_KK_PART_ENDING}{WORD_END}"

#: Words for a stretch of time, in both languages, with their endings.
TIME_UNIT = (
    r"(?:месяц(?:а|ев|ы|ам|ами|ах|е)?|год(?:а|у|ам|ами|ах)?|лет|сут(?:ок|ки)|дн(?:я|ей)|день|недел[иьюяе]"
    r"|час(?:а|ов)?|минут[ы]?|квартал[аеы]?|полугоди[яе]"
    # ``жылдықта`` "in the (five-)year period", ``жарты жылдығында`` "in the half-year",
    # ``жылдап`` "for years", ``айлап``; the adjectives of a length, as ``бір айлық`` (K24):
    # ``үш күндік``, ``екі апталық``, ``бір тәуліктік``
    rf"|жыл(?:ғы|дап|д[ыі][қғ](?:{KK_ENDING})?|{KK_ENDING})?|ай(?:лап|лық|{KK_ENDING})?"
    rf"|тәулік(?:тік|{KK_ENDING})?|күн(?:дік|{KK_ENDING})?|апта(?:лық|{KK_ENDING})?"
    # and nights (``бір түнде`` "in one night")
    rf"|түн(?:{KK_ENDING})?"
    # and a century (``жарты ғасырда`` "in half a century")
    rf"|сағат(?:тық|{KK_ENDING})?|ғасыр(?:{KK_ENDING})?){WORD_END}"
)
_YEAR_WORD = r"(?:года|году|годом|годах|годы|год|гг\.|г\.)"
_RU_RELATIVE = (
    r"(?:этого|этом|прошлого|прошлом|текущего|текущем|минувшего|минувшем|нынешнего|нынешнем"
    rf"|следующего|следующем|позапрошлого|позапрошлом|того{SPACE}же"
    # the feminine, for a week (``на прошлой неделе``, ``этой недели``)
    r"|этой|прошлой|текущей|минувшей|нынешней|следующей|позапрошлой)"
)
_RU_PERIOD = r"(?:года|году|месяца|месяце|недели|неделе|квартала|квартале|полугодия|полугодии)"
#: What names the year after a Russian period: ``прошлого года``, ``2025 года``.
_RU_OF_YEAR = rf"(?:{_RU_RELATIVE}{SPACE}{_RU_PERIOD}|{_YEAR}{SPACE}{_YEAR_WORD})"
_PERIOD_PART = trie(
    any_case(["начала", "начале", "началу", "конца", "конце", "концу", "середины", "середине",
              "середину"])
)  # fmt: skip
#: Adjectives that stay inside a Russian duration (``неполные два года``, ``последние 5 лет``).
_RU_DURATION_ADJECTIVE = trie(
    any_case(["неполные", "неполных", "полные", "полных", "первые", "первых", "последние",
              "последних", "ближайшие", "ближайших", "минувшие", "минувших", "прошедшие",
              "прошедших"])
)  # fmt: skip
#: A Russian ordinal of a quarter or half-year (``первом квартале``, ``II полугодии``).
_RU_ORDINAL = (
    rf"(?:{trie(any_case(['перв', 'втор', 'трет', 'четв']))}\w{{1,6}}|I{{1,3}}|IV|[1-4]-?м?)"
)
#: ``a month earlier``: a time noun in the instrumental with ``ранее``/``позже``.
_RU_EARLIER = (
    rf"{trie(any_case(['годом', 'месяцем', 'неделей', 'сутками', 'днем', 'днём']))}"
    rf"{SPACE}(?:ранее|позже|позднее)"
)
_RU_WEEKDAY = (
    rf"{trie(any_case(['понедельник', 'вторник', 'четверг', 'воскресенье']))}[аеуя]?"
    # среда "environment", пятница and суббота need the preposition to be a day
    rf"|(?<=[Вв]{SPACE})(?:среду|пятницу|субботу)"
)
#: Nominative and accusative relative adjectives with their time noun (``за прошлый год``).
_RU_RELATIVE_ADJECTIVE = trie(
    any_case(["этот", "прошлый", "текущий", "минувший", "нынешний", "последний", "прошедший",
              "эту", "прошлую", "текущую", "минувшую", "последнюю", "прошедшую", "минувшие",
              "последние", "прошедшие"])
)  # fmt: skip
_RU_RELATIVE_PERIOD = (
    rf"{_RU_RELATIVE_ADJECTIVE}{SPACE}(?:год|месяц|квартал|неделю|сутки|полугодие){WORD_END}"
)

#: Not a year of birth, which stands for an age (``1995 года рождения``, ``1995 жылы туған``);
#: a Kazakh year's adjective before a person is one too (``1963 жылғы тұрғынға`` "to a
#: resident born in 1963", K107, K115).
_BORN_IN_THE_YEAR = trie(
    ["тұрғын", "азамат", "ер адам", "әйел", "жігіт", "бойжеткен", "күдікті", "жасөспірім",
     "зейнеткер", "студент", "ұл", "қыз", "бала"]
)  # fmt: skip
_NOT_BIRTH = (
    rf"(?!{SPACE}(?:рождения|туған|туылған){WORD_END})(?!(?<=жылғы){SPACE}{_BORN_IN_THE_YEAR})"
)
#: A Kazakh head naming a year: ``биылғы``, ``өткен жылдың``, ``2024 жылғы``, ``2025 ж.``.
_KK_YEAR_WORDS = trie(
    any_case(["биылғы", "былтырғы", "өткен жылғы", "өткен жылдың", "осы жылғы", "осы жылдың",
              "ағымдағы жылғы", "ағымдағы жылдың", "биылғы жылдың", "былтырғы жылдың",
              "келесі жылғы", "келесі жылдың", "үстіміздегі жылғы", "үстіміздегі жылдың"])
)  # fmt: skip
_KK_YEAR_HEAD = (
    rf"(?:{_KK_YEAR_WORDS}|{_YEAR}(?:{SPACE}|-)(?:жылғы|жылдың|ж\.)){WORD_END}{_NOT_BIRTH}"
)
#: ``соңғы``/``кейінгі``/``алғашқы`` before a Kazakh duration (``соңғы үш жылда``, ``кейінгі 3
#: жылда`` "in the last 3 years", ``алғашқы тоғыз айда``).
_KK_DURATION_ADJECTIVE = trie(any_case(["соңғы", "кейінгі", "алғашқы"]))
#: The same period a year before: ``(өткен жылдың) сәйкес кезеңімен``, ``(2024 жылғы) осы кезеңде``.
_KK_SAME_PERIOD = (
    rf"{trie(['осы', 'сәйкес', 'ұқсас', 'тиісті', 'дәл осы', 'сол', 'өткен'])}{SPACE}"
    rf"(?:кезең|мерзім|уақыт)(?:{KK_ENDING})?{WORD_END}"
)
#: A quarter, a half-year or a month or day by its order (``бірінші тоқсанында``, ``1-тоқсанда``,
#: ``жартыжылдықта``, ``бірінші жарты жылдығында``, an operation's ``бірінші айында``, a
#: contest's ``бірінші күні``).
_KK_QUARTER = (
    rf"(?:{trie(any_case([*KK_ORDINALS[:4], 'алғашқы']))}{SPACE}"
    # by an Arabic or a Roman numeral (``1-тоқсанда``, ``I тоқсанында``, ``І-тоқсанындағы``,
    # the Roman one in Latin or Cyrillic letters as pages write it)
    rf"|(?:[1-4]|[IІ]{{1,3}}|[IІ]V)(?:-(?:ші|шы|інші|нші)?{SPACE}?|{SPACE}))(?:тоқсан|жарты(?:{SPACE})?жылды[қғ])(?:{KK_ENDING})?{WORD_END}"
    rf"|{trie(any_case([*KK_ORDINALS, 'алғашқы']))}{SPACE}(?:ай|күн)(?:{KK_ENDING})?{WORD_END}"
    rf"|{trie(any_case(['жартыжылдық']))}(?:{KK_ENDING})?{WORD_END}"
)
#: A weekday, not a habit (``әр аптаның жұма күні`` "every week's Friday", K34, H7), nor a
#: weekday of statistics with its figure after a dash (``сәрсенбіде — 1447``).
#: Kazakh weekdays but Friday, ``жұма``, which names one only with ``күні``.
KK_WEEKDAY_NAMES = ("дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "сенбі", "жексенбі")
_KK_WEEKDAY_NAME = trie(any_case(KK_WEEKDAY_NAMES))
_KK_WEEKDAY = (
    r"(?<!әр аптаның )(?<!әр )"
    rf"(?![^\W\d_]+(?:{SPACE}күн(?:і|гі))?(?:{SPACE}келеді)?{SPACE}[—–-]{SPACE}?\d)"
    rf"(?:{_KK_WEEKDAY_NAME}(?:{KK_ENDING})?{WORD_END}(?:{SPACE}күн(?:і|гі))?"
    rf"|{trie(any_case(['жұма']))}{SPACE}күн(?:і|гі))"
)


#: A number of Kazakh time units, in digits, a range or words: ``екі айға``, ``7-9 жылға``;
#: ``ago`` from now, whole (``Осыдан 10 жыл бұрын`` "ten years ago").
_KK_DURATION = (
    rf"(?:(?:[Оо]сыдан|[Бб]ұдан){SPACE}(?=[^\n]{{1,30}}?{SPACE}бұрын))?"
    rf"(?:{_KK_DURATION_ADJECTIVE}{SPACE})?"
    rf"(?:{NUMBER}|{_RANGE}|{number_words('kk')}|[Бб]ір|[Жж]арты)"
    # with "some" after a round number (``он шақты күн`` "ten days or so")
    rf"(?:{SPACE}шақты)?"
    rf"{SPACE}{TIME_UNIT}{_NOT_BIRTH}"
    # (not the monthly calculation index of a fine: ``20 айлық есептік көрсеткіш``, K132)
    rf"(?!(?<=айлық){SPACE}есептік)"
    # (nor an infant's age: ``үш күндік нәрестені`` "a three-day-old baby", H16)
    rf"(?!(?:(?<=дік)|(?<=лық)|(?<=тік)){SPACE}(?:нәресте|сәби|бала))"
    # years and months of one length are one DATE (``4 жыл 6 айға``, as H14's compound amounts)
    rf"(?:(?<=жыл){SPACE}(?:{NUMBER}|{number_words('kk')}|[Бб]ір){SPACE}ай(?:{KK_ENDING})?{WORD_END})?"
    # "almost" after the dative, which a length keeps as ``екі айдай`` keeps its suffix
    # (``бір жылға жуық`` "for almost a year", K132)
    rf"(?:(?<=[ғгқк][ае]){SPACE}жуық{WORD_END}"
    # and "more than" after the ablative (``елу жылдан астам`` "for over fifty years")
    rf"|(?<=[дтн][ае]н){SPACE}(?:астам|аса){WORD_END})?"
    # an emphatic after the genitive is inside (``Соңғы 5 айдың өзінде`` "in the last 5
    # months alone", K48, K109), and so is ``ago`` (``екі жыл бұрынғы`` "of two years ago",
    # K120)
    rf"(?:{KK_EMPHATIC_AFTER_GENITIVE}|{SPACE}бұрын(?:ғы)?{WORD_END})?"
)

#: What stands before a Russian age in years (``в возрасте от 18 до 25 лет``), fixed width.
_AGE_BEFORE = (
    *(rf"{word}{SPACE}" for word in ("возрасте", "возраста", "возрастом", "возраст")),
    # ``моложе 25 лет`` "younger than 25"
    *(rf"{word}{SPACE}" for word in ("моложе", "младше", "старше")),
    *(rf"{word}{SPACE}{link}{SPACE}"
      for word in ("возраст", "возрасте", "возраста")
      for link in ("от", "до", "—", "–", "-", "составляет", "составил")),
    *(rf"возрасте{SPACE}от{SPACE}{digits}{SPACE}до{SPACE}" for digits in (r"\d", r"\d\d")),
    # the upper end of an age range (``в возрасте 18–29 лет``, ``возраста 20 - 35 лет``)
    *(rf"{word}{SPACE}{digits}{link}"
      for word in ("возрасте", "возраста", "возрастом", "возраст")
      for digits in (r"\d", r"\d\d")
      for link in ("[-–—]", rf"{SPACE}[-–—]{SPACE}", rf"{SPACE}до{SPACE}", rf"{SPACE}и{SPACE}")),
)  # fmt: skip
_NOT_AN_AGE = "".join(rf"(?<!{before})" for before in _AGE_BEFORE)
#: A Russian duration, its adjective and year included: ``неполные два года``, ``девять
#: месяцев 2025 года``; not an age (``в возрасте 18 лет``).
_RU_DURATION = (
    rf"{_NOT_AN_AGE}(?:{_RU_DURATION_ADJECTIVE}{SPACE})?"
    rf"(?:{NUMBER}|{_RANGE}|{number_words('ru')}){SPACE}{TIME_UNIT}"
    # an hour with its part of the day is a clock time, one DATE (``около 2 часов ночи``, R32)
    rf"(?:(?:(?<=\d{SPACE}час)|(?<=\d{SPACE}часа)|(?<=\d{SPACE}часов))"
    rf"{SPACE}(?:утра|вечера|ночи|дня){WORD_END})?"
    # years and months of one length are one DATE (``4 года 6 месяцев``, ``15 лет и 6 месяцев``)
    rf"(?:(?:(?<=год)|(?<=года)|(?<=годам)|(?<=лет)){SPACE}(?:и{SPACE})?"
    rf"(?:{NUMBER}|{number_words('ru')}){SPACE}"
    rf"месяц(?:а|ев|ам|ами|ах)?{WORD_END})?"
    rf"(?:{SPACE}{_RU_OF_YEAR})?"
    rf"{_NOT_BIRTH}"
)
#: The lower end of an elliptic range is a DATE of its own (``от 4 до 17 лет`` → ``4``,
#: ``17 лет``; judgement call R16), as is each end of a range split by a spaced dash.
_RU_RANGE_START = (
    rf"{_NOT_AN_AGE}{NUMBER}(?={SPACE}(?:до|[-–—]){SPACE}{NUMBER}{SPACE}{TIME_UNIT}{_NOT_BIRTH})"
    # the first day of a range of days (``с 1 по 15 марта``, ``с 10 до 20 июня``, ``в ночь
    # с 5 на 6 мая``)
    rf"|(?<=[Сс]{SPACE}){_DAY}(?={SPACE}(?:по|до|на){SPACE}{_DAY}{SPACE}{RU_MONTH})"
    # and of a range of years (``с 2020 по 2024 год``)
    rf"|(?<=[Сс]{SPACE}){_YEAR}(?={SPACE}(?:по|до){SPACE}{_YEAR}{SPACE}{_YEAR_WORD})"
)
#: The lower end of a Kazakh elliptic range is a DATE of its own too (``3 және 5 жылға`` →
#: ``3``, ``5 жылға``; ``Сегіз және жеті жарым жылға``; R16, H4).
_KK_NUMBER = rf"(?:{NUMBER}|{number_words('kk')})"
_KK_RANGE_START = (
    rf"{_KK_NUMBER}(?={SPACE}(?:{KK_AND}|[-–—]){SPACE}{_KK_NUMBER}"
    rf"(?:{SPACE}жарым)?{SPACE}{TIME_UNIT}{_NOT_BIRTH})"
    # a day or a year before an en dash, spaced or not (``17–20 наурыз``, ``2023–2025
    # жылдарға``: two DATEs, K23)
    rf"|\d{{1,2}}(?={SPACE}?[–—]{SPACE}?\d{{1,2}}{SPACE}{KK_MONTH})"
    rf"|{_YEAR}(?={SPACE}?[–—]{SPACE}?{_YEAR}(?:{SPACE}|-)жыл)"
)
#: ``за год`` "over the (reported) year" and the like (R20); not the rate ``в месяц`` (H7).
_RU_OVER_PERIOD = rf"(?<=[Зз]а{SPACE})(?:год|месяц|неделю|сутки|квартал|полугодие){WORD_END}"

#: A day of the month as a Kazakh ordinal word, first to thirty-first.
_KK_ORDINAL_DAY = trie(
    any_case(
        [
            *KK_ORDINALS,
            *(f"{tens} {ordinal}" for tens in ("он", "жиырма") for ordinal in KK_ORDINALS[:9]),
            "жиырмасыншы", "отызыншы", "отыз бірінші",
        ]
    )
)  # fmt: skip
#: A Kazakh day and month (``12 қаңтарда``, ``15 наурыз күні``: ``күні`` "on the day" is
#: inside, as after a weekday, K40), maybe with other days of that month before it (``24 және
#: 28 шілде``, one DATE as R15) and the clock time after it (``14 маусым күні сағат 11.40-та``,
#: one DATE as K40).
#: When in a day, after the day's date: the clock time or the part of the day (``17 қараша
#: күні кешке``, ``4 желтоқсан күні таңғы сағат 05:00``, K40), the part by its noun or the
#: afternoon (``15-і күні кешкі уақытта``, ``17 наурыз күні түстен кейін``, K131, K138), or
#: the night before the day (``14 қаңтарға қараған түні``, K138).
_KK_IN_THE_DAY = (
    rf"(?:{SPACE}(?:{_KK_TIME_OF_DAY}{SPACE})?сағат{SPACE}{_KK_CLOCK_TIME}"
    rf"|(?<=күні){SPACE}{_KK_PART_OF_DAY}{WORD_END}"
    rf"|(?<=күні){SPACE}(?:{_KK_TIME_OF_DAY}{SPACE}уақыт(?:та|ында)|түстен{SPACE}кейін)"
    rf"{WORD_END}"
    rf"|(?:(?<=[ғгқк][ае])|(?<=н[ае])){SPACE}қараған{SPACE}түні{WORD_END})"
)
#: The day written with its month joined by a hyphen (``16-желтоқсан``, ``1-қыркүйектен``), or
#: as an ordinal word (``жетінші қарашада`` "on the seventh of November"), "the coming"
#: included (``алдағы бірінші қыркүйекте``).
_KK_DAY_AND_MONTH = (
    # (its weekday before it, one DATE: ``сәрсенбі, 6 наурыз күні кешке``, K142)
    rf"(?:(?:{_KK_WEEKDAY_NAME},?{SPACE})?"
    rf"(?:{_KK_DAY}(?:,{SPACE}{_KK_DAY})*{SPACE}{KK_AND}{SPACE})?{_KK_DAY}{SPACE}"
    rf"|\d{{1,2}}-(?={_KK_MONTH_STEM})"
    rf"|(?:[Аа]лдағы{SPACE})?{_KK_ORDINAL_DAY}{SPACE})"
    rf"{KK_MONTH}(?:{SPACE}күн(?:і|дері){WORD_END})?{_KK_IN_THE_DAY}?"
)
#: A Kazakh year head and what it anchors: ``ағымдағы жылдың 1 мамырынан``, ``2024 жылғы
#: наурыздан``, ``биылғы он бір айда``, ``2024 жылдың осы кезеңімен``, ``өткен жылдың соңында``,
#: ``Ағымдағы жылдың 23 мамыр күні``; ``биыл`` and the months of this year it counts (``биыл
#: жеті айда``) or names (``Биыл қарашада`` "this November").
_KK_ANCHORED = (
    rf"{_KK_YEAR_HEAD}{SPACE}(?:{_KK_DAY_AND_MONTH}|{_KK_MONTHS}(?:{SPACE}{_KK_PART})?"
    rf"|{_KK_DURATION}|{_KK_SAME_PERIOD}|{_KK_PART}|{_KK_QUARTER})"
    # with an emphatic after the genitive (``ағымдағы жылдың алғашқы айының өзінде``, K48)
    rf"(?:{KK_EMPHATIC_AFTER_GENITIVE})?"
    # (and ``былтыр`` "last year" with its month: ``былтыр қыркүйекте``, K132)
    rf"|(?:[Бб]иыл|[Бб]ылтыр){SPACE}(?:{_KK_DAY_AND_MONTH}|{_KK_DURATION}|{_KK_MONTHS}"
    # and its season (``Былтыр күзде`` "last autumn", K142)
    rf"|(?:күз|көктем|жаз|қыс)(?:{KK_ENDING})?{WORD_END})"
    # (and a year in the locative before its day, ``2017 жылы 16 мамырда``, K138)
    rf"|{_YEAR}{SPACE}жылы{SPACE}{_KK_DAY_AND_MONTH}"
)

#: A stretch of a year in words: ``(биылғы жылдың) бастапқы тұсында``, ``алғашқы жартысында``.
_KK_PART_OF_YEAR = (
    rf"{trie(['бастапқы', 'алғашқы', 'бірінші', 'екінші', 'соңғы'])}{SPACE}"
    rf"(?:тұс|жартыс|тоқсан|айлар|күндер)(?:{KK_ENDING})?{WORD_END}"
)
#: Words that name which year, month or week (``өткен жылы``, ``бұрнағы жылмен`` "than the
#: year before last", ``сол жылы`` "that year", R20).
_KK_YEAR_ADJECTIVES = ["өткен", "осы", "бұл", "сол", "ағымдағы", "биылғы", "келесі", "соңғы",
                       "бұрнағы", "алдыңғы"]  # fmt: skip
#: This year, last year, yesterday, today (``бүгінгі күнде`` "these days", K127); not
#: ``ертең`` "tomorrow", which real crime news says only of a future in general (``ертең бәрі
#: кеш болуы мүмкін`` "tomorrow it may be too late", twice in dev, never a date).
_KK_DEICTIC = ["биыл", "былтыр", "кеше", "күні кеше", "бүгін", "бүгінгі күні", "бүгінгі күнде"]
#: "The reported period", "this period", "the said period", "this interval".
_KK_THIS_PERIOD = ["есепті кезең", "осы кезең", "сол кезең", "аталған кезең", "осы аралық",
                   "сол аралық"]  # fmt: skip
#: Relative Kazakh dates without a number: ``биыл``, ``былтырғыдан``, ``өткен айда``,
#: ``Есепті кезеңде``, ``жыл соңына``, ``биылғы жылдың басында``, ``Биыл жыл басынан`` (and
#: ``былтыр жыл басынан`` "since the start of last year"), ``Сол
#: күні`` "that day".
_KK_RELATIVE = (
    rf"(?:[Бб]иыл|[Бб]ылтыр){SPACE}жыл{SPACE}{_KK_PART}"
    rf"|{trie(any_case(['сол күні', 'осы күні', 'сол күнгі', 'осы күнге']))}{WORD_END}"
    # today (``Бүгінгі таңда``, ``Бүгінде``; K101)
    rf"|{trie(any_case(['бүгінгі таңда', 'бүгінде']))}{WORD_END}"
    # today's, of a day's event or question (``Бүгінгі іс-шараның``, ``Бүгінгі сұрақ``, K96,
    # K128; ``бүгінгі сайыс``, K130), not of an era (``бүгінгі қоғамда``, K112; ``бүгінгі …
    # заманында``, K101)
    rf"|(?:Бүгінгі(?!{SPACE}(?:қоғам|заман|таң|күн))"
    rf"|бүгінгі(?={SPACE}(?:іс-шара|сайыс|жиын|отырыс|кездесу|брифинг|акция|жарыс))){WORD_END}"
    # today or yesterday with its clock time (``Бүгін сағат 13.40``, K40, K133)
    rf"|{trie(any_case(['бүгін', 'кеше']))}{SPACE}сағат{SPACE}{_KK_CLOCK_TIME}"
    # yesterday, also as ``күні кеше`` "just yesterday" (K120)
    rf"|{trie(any_case(_KK_DEICTIC))}"
    # with an emphatic after the genitive (``биылдың өзінде`` "this year alone", K48)
    rf"|{trie(any_case(['биыл', 'былтыр']))}(?:мен|ға|дан|дың(?:{SPACE}өзінде)?){WORD_END}"
    rf"|{trie(any_case(['биылғы', 'былтырғы', 'өткен', 'осы', 'ағымдағы']))}{SPACE}жылдың{SPACE}"
    rf"(?:{_KK_PART}|{_KK_PART_OF_YEAR})"
    # after that (``биылғы жылдың бастапқы тұсында`` is one DATE), the year alone
    rf"|{trie(any_case(['биылғы', 'былтырғы']))}{SPACE}жыл(?:{KK_ENDING})?{WORD_END}"
    rf"|{trie(any_case(['биылғы', 'былтырғы', 'өткен жылғы']))}(?:{KK_ENDING})?{WORD_END}"
    rf"|{_KK_YEAR_HEAD}(?:{SPACE}жылы|{KK_EMPHATIC_AFTER_GENITIVE})?"
    # not in the plural, a vague stretch (``Соңғы жылдары`` "in recent years", K112)
    rf"|{trie(any_case(_KK_YEAR_ADJECTIVES))}"
    rf"{SPACE}(?:жыл|ай|апта|тоқсан)(?![длт]ар)(?:{KK_ENDING})?(?:{KK_EMPHATIC_AFTER_GENITIVE})?"
    rf"|{trie(any_case(_KK_THIS_PERIOD))}"
    rf"(?:{KK_ENDING})?"
    # "this time" before the interval word or "within", which stay outside as after dates
    # (``Осы уақыт аралығында``, K117; ``Осы уақыт ішінде``, R20)
    rf"|{trie(any_case(['осы уақыт', 'сол уақыт', 'ол уақыттың']))}(?={SPACE}(?:аралығ|ішінде))"
    rf"|{trie(any_case(['жыл', 'жылдың']))}{SPACE}{_KK_PART}"
    # the year's first days (``жылдың алғашқы күндерінде``, K132)
    rf"|[Жж]ылдың{SPACE}{_KK_PART_OF_YEAR}"
    rf"|{_KK_QUARTER}|{_KK_WEEKDAY}"
    # (a time of day by its noun is a DATE after its day, ``15-і күні кешкі уақытта``, see
    # ``_KK_IN_THE_DAY``; alone, ``түнгі уақытта`` is a habit on seven real pages of eight
    # (curfews, night patrols, H7) and the moment of one event on one (K49), so it is left to
    # the annotator)
)

#: The same period of another year: ``аналогичный период прошлого года``, ``тем же периодом
#: прошлого года``.
_RU_SAME_PERIOD = (
    rf"(?:{trie(any_case(['аналогичн', 'соответствующ', 'отчетн', 'отчётн', 'истекш']))}\w{{2,3}}"
    rf"|{trie(any_case(['тем же', 'том же', 'тот же', 'того же']))})"
    rf"{SPACE}период\w{{0,2}}(?:{SPACE}{_RU_OF_YEAR})?"
)
#: Relative Russian dates: ``начала года``, ``аналогичный период прошлого года``,
#: ``прошлого года``, ``тот вечер``, ``первом квартале``, ``годом ранее``, ``вчера``,
#: ``с прошлым годом``, a year by its ordinal (``чем в 2023-м``), ``на днях``.
_RU_RELATIVE_DATE = (
    rf"(?:{_PERIOD_PART}{SPACE}(?:{_RU_RELATIVE}{SPACE})?|{_RU_RELATIVE}{SPACE}){_RU_PERIOD}"
    rf"|{_PERIOD_PART}{SPACE}{_YEAR}{SPACE}{_YEAR_WORD}"
    rf"|{_RU_SAME_PERIOD}"
    rf"|{trie(any_case(['тот', 'этот', 'тот же', 'этот же']))}{SPACE}"
    rf"(?:день|вечер|ночь|утро|период)(?:{SPACE}{_RU_OF_YEAR})?"
    rf"|{_RU_ORDINAL}{SPACE}(?:квартал|полугоди)\w{{0,2}}(?:{SPACE}{_RU_OF_YEAR})?"
    rf"|{_RU_RELATIVE_PERIOD}|{_RU_EARLIER}|{_RU_WEEKDAY}"
    rf"|{trie(any_case(['прошлым', 'позапрошлым', 'этим', 'текущим']))}{SPACE}"
    rf"(?:годом|месяцем|кварталом){WORD_END}"
    rf"|{_YEAR}-(?:м|го|му|й){WORD_END}"
    rf"|{trie(any_case(['полгода', 'полугода', 'полмесяца']))}"
    # a season of a named year (``летом прошлого года``); a season alone is vague (H7)
    rf"|{trie(any_case(['летом', 'зимой', 'весной', 'осенью']))}{SPACE}{_RU_OF_YEAR}"
    rf"|{trie(any_case(['вчера', 'сегодня', 'завтра', 'накануне', 'позавчера']))}"
    # "the other day", the preposition outside (``на днях``, R39)
    rf"|(?<=[Нн]а{SPACE})днях{WORD_END}"
)

_RU_RELATIVE_YEAR = rf"{_RU_RELATIVE}{SPACE}года"
#: ``т.г.`` "this year" after a date, up to its last dot, which the tokenizer splits off.
_THIS_YEAR = rf"{SPACE}т\.{SPACE}?г(?=\.)"
#: ``11 марта``, ``11 марта 2025 года``, ``11 марта прошлого года``, ``6 февраля т.г``; days
#: that share a month are one span (``12 и 14 июля 2023 года``).
_RU_DAY_MONTH = (
    rf"(?:{_DAY}(?:,{SPACE}{_DAY})*{SPACE}и{SPACE})?{_DAY}{SPACE}{RU_MONTH}"
    rf"(?:{SPACE}{_YEAR}(?:{SPACE}{_YEAR_WORD})?|{SPACE}{_RU_RELATIVE_YEAR}|{_THIS_YEAR})?"
)
#: ``2025 года``, ``2024–2025 гг.``, ``2024 жылы``, ``2025 ж.``; not a year of birth, which
#: stands for an age (``1995 года рождения``, ``1995 жылы туған``).
_YEAR_DATE = (
    # (a Kazakh range joined by an en dash is two DATEs, K23: see ``_KK_RANGE_START``)
    rf"{_YEAR}(?:-{_YEAR}|–{_YEAR}(?!(?:{SPACE}|-)жыл))?"
    rf"(?:{SPACE}{_YEAR_WORD}|(?:{SPACE}|-)(?:жыл(?:ғы|{KK_ENDING})?|ж\.))"
    rf"{_NOT_BIRTH}"
)
#: ``марте 2025 года``, ``январе–сентябре прошлого года``.
_RU_MONTH_YEAR = rf"{_RU_MONTHS}{SPACE}(?:{_YEAR}(?:{SPACE}{_YEAR_WORD})?|{_RU_RELATIVE_YEAR})"
#: A Kazakh month with ``ай`` (``наурыз айында``, ``желтоқсан айының соңына``, ``тамыз айының
#: өзінде`` "in August alone", K48), or in the genitive with its end or start
#: (``желтоқсанның соңына``).
_KK_MONTH_DATE = (
    rf"{_KK_MONTH_RANGE}{_KK_MONTH_WORD}(?:{SPACE}(?:{_KK_PART}|өзінде{WORD_END}))?"
    # months listed before one plural month word are one DATE, as two days of one month are
    # (``Қыркүйек, қазан айларына``, K123, R15)
    rf"|{_KK_MONTH_STEM}(?:(?:,|{SPACE}және|{SPACE}мен){SPACE}{_KK_MONTH_STEM})+"
    rf"{SPACE}ай(?:лар|дар)(?:{KK_ENDING})?{WORD_END}"
    rf"|{_KK_MONTH_STEM}[дтн]?[ыі]ң{SPACE}(?:соң|бас){_KK_PART_ENDING}"
)


#: A day and month, or a month in the genitive and its day (``наурыздың 15-і күні``).
_KK_DAY_MONTH = (
    rf"{_KK_DAY_AND_MONTH}"
    rf"|{_KK_MONTH_STEM}[дтн]?[ыі]ң{SPACE}\d{{1,2}}-(?:[сн]?[ыі]|нде|нда|інде|ында){WORD_END}"
    rf"(?:{SPACE}күні{WORD_END})?{_KK_IN_THE_DAY}?"
    # the month's day by the old word for a date (``қазан айының 31 жұлдызына``, K124)
    rf"|{_KK_MONTH_STEM}{SPACE}айының{SPACE}\d{{1,2}}{SPACE}жұлдыз[^\W\d_]*"
)
#: The case endings a month takes alone: locative, ablative, dative, genitive.
_KK_MONTH_CASE_ENDING = trie(
    ["да", "де", "та", "те", "дан", "ден", "тан", "тен", "нан", "нен", "ға", "ге", "қа", "ке",
     "ның", "нің", "дың", "дің", "тың", "тің", "дағы", "дегі", "тағы", "тегі"]
)  # fmt: skip
#: A Kazakh month alone with a case ending (``қаңтарда``, ``ақпанның``, ``наурыздан``), not
#: with a possessive (``маусымы`` "its season"); ``Қазан`` with a capital is the city Kazan.
_KK_MONTH_CASE = (
    rf"(?:{trie(any_case(m for m in KK_MONTH_NAMES if m != 'қазан'))}|қазан)"
    rf"{_KK_MONTH_CASE_ENDING}{WORD_END}"
    # or bare, joined to another month (``шілде мен қазан аралығында`` "between July and
    # October": two DATEs)
    rf"|{_KK_MONTH_STEM}(?={SPACE}(?:мен|пен|бен|және){SPACE}{_KK_MONTH_STEM})"
    rf"|(?:(?<=мен )|(?<=пен )|(?<=бен )|(?<=және )){_KK_MONTH_STEM}(?={SPACE}аралығ)"
)

#: A date in digits (``15.03.2024``, ``15.03.2024 ж.``, ``15.03.2024 года``).
_NUMERIC_DATE = (
    rf"(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.{_YEAR}"
    rf"(?:{SPACE}(?:{_YEAR_WORD}|ж\.|жылғы|жылы))?"
)
#: A clock time right after a date: the date and time of a page header (``04 января 2024 |
#: 12:53``, ``21.07.2023, 09:47``), page chrome.
CLOCK_AFTER = rf"{SPACE}?[|,·•]?{SPACE}?(?:в{SPACE})?\d{{1,2}}:\d\d{WORD_END}"
#: Every form of the Russian month names, for the case-blind :data:`ANY_CASE_MONTH`.
_RU_MONTH_FORMS = [
    *(f"{stem}{end}" for stem in ("январ", "феврал", "апрел", "июн", "июл", "сентябр",
                                  "октябр", "ноябр", "декабр") for end in "ьяюе"),
    *(f"{stem}{end}" for stem in ("март", "август") for end in ("", "а", "е", "у")),
    "май", "мая", "маю", "мае",
]  # fmt: skip
#: Month abbreviations of page headers and agency datelines (``19 қыр. 2024 15:31``, ``5 сент.
#: 2023``, ``АСТАНА, 29 нау — Sputnik``).
_MONTH_ABBREVIATIONS = trie(
    {
        form
        for word in ("қаң", "ақп", "нау", "сәу", "мам", "мау", "шіл", "там", "қыр", "қаз", "қар",
                     "жел", "янв", "фев", "апр", "июн", "июл", "авг", "сен", "сент", "окт", "ноя",
                     "дек")
        for form in (word, word.capitalize())
    }
)  # fmt: skip
_MONTH_ABBREVIATION = rf"{_MONTH_ABBREVIATIONS}\."
#: A month's name in lower case, capitalised or upper case, as a page header or banner
#: writes it (``04 января``, ``6 ОКТЯБРЯ``, ``25 Шілде``).
ANY_CASE_MONTH = (
    "(?:"
    + trie({form for word in (*_RU_MONTH_FORMS, *KK_MONTH_NAMES)
            for form in (word, word.capitalize(), word.upper())})
    + rf"(?:{WORD_END}|(?<=[а-яәіңғүұқөһ])(?:{KK_CASE_ENDING}){WORD_END})|{_MONTH_ABBREVIATION})"
)  # fmt: skip
#: A page header's date, not annotated (judgement calls K1 and R1): a date followed by a
#: clock time, or a day, a capitalised Kazakh month and the year after a comma
#: (``25 Шілде, 2022``), which Kazakh running text never writes.
HEADER_DATE = (
    rf"(?:{_DAY}{SPACE}{ANY_CASE_MONTH}(?:,?{SPACE}{_YEAR})?|\d{{1,2}}\.\d{{1,2}}\.{_YEAR})"
    rf"{CLOCK_AFTER}"
    rf"|{_DAY}{SPACE}{trie(m.capitalize() for m in KK_MONTH_NAMES)},{SPACE}{_YEAR}{WORD_END}"
)
_NOT_HEADER = rf"(?!{HEADER_DATE})"
#: A month with no day before it: a month after a day is the day-and-month rules' (or a
#: page header's, which is not annotated).
_NO_DAY = rf"(?<!\d{SPACE})"


#: A clock time in the article's text (R32, K40): ``около 6:00 утра``, ``в 23.50 час``,
#: ``кешкі сағат 21.05``; a page's date line is chrome (see :mod:`curate.rules.chrome`).
_RU_CLOCK = (
    rf"(?:(?<!ено в )(?<!ано в )"  # not a page's ``Обновлено в 23:10``, ``Опубликовано в``
    rf"(?:(?<=[Вв] )|(?<=[Оо]коло )|(?<=[Пп]римерно )|(?<=[Кк] )){_CLOCK_TIME}"
    rf"(?:{SPACE}(?:утра|вечера|ночи|дня|час(?:а|ов)?){WORD_END})?"
    rf"|(?:[01]?\d|2[0-3]):[0-5]\d{SPACE}(?:утра|вечера|ночи|дня){WORD_END})"
)
_KK_CLOCK = (
    rf"(?:{_KK_TIME_OF_DAY}{SPACE})?[Сс]ағат{SPACE}"
    rf"{_KK_CLOCK_TIME}"
    # a clock time with its case ending, which no page header writes (``08:24-те жарылыс
    # болған``, K142)
    # (not after a time of day, the hours of a curfew: ``түнгі 23:00-ден``, K138)
    rf"|(?<!түнгі )(?<!таңғы )(?<!кешкі ){_CLOCK_TIME}-(?:{KK_ENDING}){WORD_END}"
    # the end of a range from a clock time (``сағат 13:00-ден 16:00-ге дейін``: two DATEs, K64)
    rf"|(?:(?<=\d-ден )|(?<=\d-дан )|(?<=\d-тен )|(?<=\d-тан )){_CLOCK_TIME}-(?:ге|ға|ке|қа)"
    rf"{WORD_END}"
)


#: The day of an agency's dateline, its month abbreviated, after the place in capitals and
#: before the dash and the agency (``АСТАНА, 29 нау — Sputnik.``, R2, K132).
_DATELINE_DAY = (
    rf"(?<=[{UPPER}]{{3}},{SPACE})\d{{1,2}}{SPACE}{_MONTH_ABBREVIATIONS}\.?(?={SPACE}[—–-]{SPACE})"
)


#: The date joined to the day's name, by a dash or a space (K63).
_JUNE_26_KK = rf"(?:\d{{1,2}}{SPACE}маусым(?:-|{SPACE}))?"
#: The International Day against Drug Abuse (26 June), a date by its name, with the date when
#: it is joined to it (``26 маусым-Халықаралық нашақорлыққа және есірткінің заңсыз айналымына
#: қарсы күрес күніне``, ``26 маусым Халықаралық есірткі заттарын теріс пайдаланумен және
#: олардың заңсыз айналымымен күрес күні``, ``Международный день борьбы с наркоманией``,
#: ``… со злоупотреблением наркотическими средствами и их незаконным оборотом``).
_DRUG_DAY = (
    rf"{_JUNE_26_KK}[Хх]алықаралық{SPACE}нашақорлық(?:қа|пен)"
    rf"(?:{SPACE}және{SPACE}(?:есірткінің{SPACE}заңсыз{SPACE}айналымына|есірткі{SPACE}бизнесіне))?"
    rf"{SPACE}қарсы{SPACE}"
    rf"күрес{SPACE}күн(?:{KK_ENDING})?{WORD_END}"
    rf"|{_JUNE_26_KK}[Хх]алықаралық{SPACE}нашақорлықпен{SPACE}күрес{SPACE}"
    rf"күн(?:{KK_ENDING})?{WORD_END}"
    # or named for the fight with drugs (``Халықаралық есірткімен күрес күні``), and the
    # name's other order (``нашақорлықпен күресудің халықаралық күніне``)
    rf"|[Хх]алықаралық{SPACE}есірткімен{SPACE}күрес{SPACE}күн(?:{KK_ENDING})?{WORD_END}"
    rf"|[Нн]ашақорлық(?:қа{SPACE}қарсы{SPACE}күрес(?:тің)?|пен{SPACE}күрес(?:удің|тің))"
    rf"{SPACE}[Хх]алықаралық{SPACE}күн(?:{KK_ENDING})?{WORD_END}"
    rf"|{_JUNE_26_KK}Халықаралық{SPACE}есірткі(?:{SPACE}заттарын)?{SPACE}теріс{SPACE}"
    rf"пайдаланумен{SPACE}және{SPACE}(?:олардың{SPACE})?заңсыз{SPACE}айналымымен{SPACE}күрес"
    rf"{SPACE}күн(?:{KK_ENDING})?{WORD_END}"
    rf"|Международн(?:ый|ого|ому|ым){SPACE}(?:день|дня|дню|днём|днем){SPACE}борьбы{SPACE}"
    rf"(?:с{SPACE}наркоманией(?:{SPACE}и{SPACE}незаконным{SPACE}оборотом{SPACE}наркотиков)?"
    rf"|со{SPACE}злоупотреблением{SPACE}наркотическими{SPACE}средствами{SPACE}и{SPACE}их"
    rf"{SPACE}незаконным{SPACE}оборотом){WORD_END}"
)

#: A Kazakh holiday's head noun after its name (``Наурыз мейрамы``, ``Құрбан айт мерекесінде``).
_KK_HOLIDAY_NOUN = rf"(?:мейрам|мереке)(?:{KK_ENDING})?{WORD_END}"
#: The names of Kazakhstan's holidays before ``күні`` "day".
_KK_NAMED_DAY = trie(
    ["Тәуелсіздік", "Жеңіс", "Конституция", "Республика", "Астана", "Білім", "Алғыс айту",
     "Отан қорғаушылар", "Отан қорғаушы", "Мемлекеттік рәміздер", "Халықаралық әйелдер",
     "Полиция"]
)  # fmt: skip
#: A holiday by its name is a date (R19): ``Жаңа жылды`` (the New Year met), ``Жыл ауысар
#: түні`` "New Year's night", ``Наурыз мейрамы``, ``Тәуелсіздік күніне``; ``Новый год``,
#: ``Дня Победы``, ``новогодние праздники``. Not the holidays in general (``мереке
#: күндері``), and not ``Наурыз`` alone, which names squares and streets too.
_HOLIDAY = (
    rf"{trie(any_case(['жаңа жыл']))}(?:{KK_ENDING})?{WORD_END}(?:{SPACE}{_KK_HOLIDAY_NOUN})?"
    rf"|{trie(any_case(['жыл ауысар түн']))}(?:{KK_ENDING})?{WORD_END}"
    rf"|{trie(any_case(['наурыз']))}{SPACE}{_KK_HOLIDAY_NOUN}"
    rf"|{trie(any_case(['ораза айт', 'құрбан айт']))}"
    rf"(?:{SPACE}{_KK_HOLIDAY_NOUN}|(?:{KK_ENDING})?{WORD_END})"
    # and the fasting month (``Рамазан айында``, K142)
    rf"|Рамазан{SPACE}ай(?:{KK_ENDING})?{WORD_END}"
    # (not ``күні-түні`` "day and night", nor ``күні бойы`` "all day")
    rf"|{_KK_NAMED_DAY}{SPACE}күн(?:{KK_ENDING})?{WORD_END}(?![-‑]|{SPACE}бойы)"
    rf"|Нов(?:ый|ого|ому|ым|ом){SPACE}год(?:а|у|ом)?{WORD_END}"
    rf"|[Нн]овогодн(?:ие|их|им|ими){SPACE}праздник(?:и|ов|ам|ами|ах){WORD_END}"
    rf"|Д(?:ень|ня|ню|нём|нем){SPACE}"
    rf"(?:Победы|[Нн]езависимости|[Пп]олиции|Конституции|Республики|[Сс]толицы){WORD_END}"
)


def rules(gazetteers: Gazetteers) -> list[Rule]:
    """Day and month, years, durations, and relative dates in Russian and Kazakh.

    A Kazakh year head is one span with what it anchors, so ``date_anchored_kk`` comes
    before ``date_year``.
    """
    return [
        rule("date_drug_day", "DATE", _DRUG_DAY, 0.9),
        rule("date_holiday", "DATE", _HOLIDAY, 0.85),
        rule("date_numeric", "DATE", rf"{_NOT_HEADER}{_NUMERIC_DATE}", 0.95),
        rule("date_day_month_ru", "DATE", rf"{_NOT_HEADER}{_RU_DAY_MONTH}", 0.95, langs=RU),
        rule("date_anchored_kk", "DATE", _KK_ANCHORED, 0.95, langs=KK),
        rule("date_day_month_kk", "DATE", rf"{_NOT_HEADER}{_KK_DAY_MONTH}", 0.95, langs=KK),
        rule("date_year", "DATE", _YEAR_DATE, 0.9),
        rule("date_month_year_ru", "DATE", rf"{_NO_DAY}{_RU_MONTH_YEAR}", 0.9, langs=RU),
        rule("date_duration_ru", "DATE", _RU_DURATION, 0.85, langs=RU),
        rule("date_range_start_ru", "DATE", _RU_RANGE_START, 0.8, langs=RU),
        rule("date_over_period_ru", "DATE", _RU_OVER_PERIOD, 0.8, langs=RU),
        rule("date_duration_kk", "DATE", _KK_DURATION, 0.85, langs=KK),
        rule("date_range_start_kk", "DATE", _KK_RANGE_START, 0.8, langs=KK),
        rule("date_relative_ru", "DATE", _RU_RELATIVE_DATE, 0.85, langs=RU),
        rule("date_relative_kk", "DATE", _KK_RELATIVE, 0.85, langs=KK),
        rule("date_month_ru", "DATE", rf"{_NO_DAY}{_RU_MONTHS}(?:{_THIS_YEAR})?", 0.6, langs=RU),
        rule("date_month_kk", "DATE", _KK_MONTH_DATE, 0.9, langs=KK),
        rule("date_month_case_kk", "DATE", _KK_MONTH_CASE, 0.8, langs=KK),
        rule("date_clock_ru", "DATE", _RU_CLOCK, 0.8, langs=RU),
        rule("date_clock_kk", "DATE", _KK_CLOCK, 0.8, langs=KK),
        rule("date_dateline", "DATE", _DATELINE_DAY, 0.8),
    ]
