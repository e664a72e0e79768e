"""Page chrome that stays in an article's text, where the rules propose no span.

Ingest removes the chrome it can tell by the line alone (``spot_img``, ads, comment forms).
Some stays because it looks like text: the tag line under a page's photo (``Есірткі,
синтетика, Астана, сурет - Zakon.kz``) and its credit (``Фото: прокуратура Павлодарской
области``), a hashtag menu taken for the title (``#АЭС в Казахстане``), a site's motto above
the article (``Информационный медиа-портал POLISIA.KZ``), the page's date line, view and
reaction counters, a call to subscribe, a caption that repeats the title, a closing
``Ранее …`` link to another story, web addresses. Annotators leave it out (judgement calls
K1, K28, R1 and R4 of the real-pages gold), so the rules skip it. Ingest keeps it: removing
it would change the text, and so the offsets, of articles already pushed and annotated.

>>> text = "#АЭС в Казахстане\\nВ Казахстане изъяли меф (https://polisia.kz/1/2)"
>>> [text[start:end] for start, end in chrome_spans(text)]
['#АЭС в Казахстане', 'https://polisia.kz/1/2']
"""

import bisect
import re
from collections.abc import Sequence

from curate.rules.dates import KK_MONTH, KK_WEEKDAY_NAMES, RU_MONTH
from curate.rules.grammar import LOWER, UPPER, any_case, trie
from curate.rules.overlap import Candidate

_CLOCK = r"(?<!\d)\d{1,2}:\d\d(?!\d)"
_GAP = r"[ \t,|•·–—:-]+"
#: A day of the week opening a page's date line (``Сенбі, 23 Қараша 2024``, ``жексенбі, 15
#: маусым, 2025 22:28``).
_WEEKDAY = trie(
    any_case(
        [*KK_WEEKDAY_NAMES, "жұма", "понедельник", "вторник", "среда", "четверг", "пятница",
         "суббота", "воскресенье"]
    )
)  # fmt: skip
#: A word of a date line: a number, a capitalised word (a section, ``Сегодня``), a month, an
#: abbreviation (``сәу``, ``окт.``), ``сағат`` "o'clock" (``12 сәу, 2024 сағат 10:04``), a
#: weekday.
_DATE_LINE_WORD = (
    rf"(?:[+−]?\d[\d.:/]*(?:г\.)?|[{UPPER}]\w*|{RU_MONTH}|{KK_MONTH}|[{LOWER}]{{1,4}}\.?|сағат"
    rf"|{_WEEKDAY}"
    # and its comment counter (``Билік 3615 2 пікір 20 Қазан, 2021 сағат 12:10``)
    r"|пікір)"
)
_PHOTO = r"(?:[Сс]урет|[Фф]ото|Photo)"
#: A site's name as its web address (``Polisia.kz``).
_WEB_NAME = r"[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:kz|KZ|ru|RU|com|COM)"
_NUMERIC_DAY = r"\d\d\.\d\d\.\d{4}"

#: After the line break before it: a pattern that starts with a literal character is found by
#: a fast scan for that character, where ``^`` would be tried at every position.
_CHROME_LINE = re.compile(
    r"\n(?:"
    # A hashtag menu: a tag and at most three more words.
    r"#\w[^\s]*(?:[ \t]+[^\s]+){0,3}"
    # A photo's tag line or caption, then "photo - <outlet>" (``Архивтегі сурет - Sputnik``),
    # or a caption of any length that ends so with the outlet's date (zakon.kz's caption that
    # repeats the lead: ``…, сурет - Zakon.kz жаңалық 07.11.2025 10:58``, K124, maybe with
    # the photo's credit after it: ``… 16:23 Сурет: Алматы қаласы әкімдігінің баспасөз қызметі``)
    rf"|[^\n]{{0,80}}?{_PHOTO}[ \t]*[-–—][^\n]*"
    rf"|[^\n]*,[ \t]*{_PHOTO}[ \t]*[-–—][ \t]*\S+[ \t]+[^\W\d_]+[ \t]+{_NUMERIC_DAY}[ \t]+{_CLOCK}"
    rf"(?:[ \t]+{_PHOTO}[ \t]*:[^\n]*)?"
    # A photo credit (``Фото: МВД РК``, ``© Photo : КНБ РК``), or a line that opens with the
    # copyright sign (``© Sputnik / РИА Новости / Медиабанкке өту``).
    rf"|(?:©[ \t]*)?{_PHOTO}[ \t]*:[^\n]*|©[^\n]*"
    # or a photo's line naming a press service, without the colon (``Фото пресс-службы
    # президента Казахстана``, R1)
    rf"|{_PHOTO}[ \t]+пресс-служб[^\n]*"
    # A page's date line: a clock time among numbers, capitalised words and month names
    # (``Сегодня, 14:25``, ``15:00, 09 Октябрь 2025 | GMT +5``, ``12 сәу, 2024 сағат 10:04``).
    rf"|(?:{_DATE_LINE_WORD}{_GAP})*{_CLOCK}(?:{_GAP}{_DATE_LINE_WORD})*"
    # or a day of the week and a date, with no clock (``Сенбі, 23 Қараша 2024``)
    rf"|{_WEEKDAY}{_GAP}\d{{1,2}}{_GAP}[^\W\d_]+{_GAP}\d{{4}}"
    # A view or comment counter (``Просмотров: 255``, ``255 рет көрсетілді``,
    # ``Комментариев: 0``).
    r"|(?:[Пп]росмотр\w*|[Кк]өрілім\w*|[Ққ]аралым\w*|[Кк]омментари\w*):?[ \t]*\d[\d \t]*"
    r"|\d[\d \t]*(?:просмотр\w*|рет[ \t]+(?:көрсетілді|қаралды|қаралған))"
    # A number alone on its line: a counter of a widget (reactions, comments, rates).
    r"|[+−-]?\d[\d \t.,]*"
    # A currency ticker: two rates or more (``$494.87 €520.65 ₽4.91``, ``USD 494.87 EUR 520.65``).
    r"|(?:(?:[$€₽₸¥]|USD|EUR|RUB|CNY|KZT)[ \t:]*\d[\d.,]*[ \t]*){2,}"
    # or one rate a line (``$ 504.49`` / ``€ 587.73``, K133)
    r"|[$€₽₸¥][ \t]*\d[\d.,]*"
    # A news section's heading (``Қазақстанның соңғы жаңалықтары``, ``Последние новости``).
    r"|(?:[^\s.!?]+[ \t]+){0,2}(?:[Жж]аңалық\w*|[Нн]овост\w*)"
    # A call to subscribe or join (``Facebook парақшамызға жазылыңыз!``, ``Подписывайтесь на
    # …``), maybe under the platform's name alone on its line (``Telegram`` / ``БІЗДІҢ
    # ТЕЛЕГРАМ АРНАМЫЗҒА ҚОСЫЛЫҢЫЗ …``, K127).
    # A share line: the site's address and a platform (``Adyrna.kz Telegram``, K132).
    rf"|{_WEB_NAME}[ \t]+(?:Telegram|Instagram|WhatsApp|Facebook)"
    r"|(?:(?:Telegram|Instagram|WhatsApp|Facebook|YouTube)[ \t]*\n)?"
    r"[^\n]*(?:(?i:жазылыңыз|қосылыңыз)|[Пп]одписывайтесь|[Пп]одпишитесь)[^\n]*"
    # A header's bullet line with the site, the date or a counter alone (``• AstanaTV``,
    # ``• 16 қазан 2014``, ``• 1514``).
    # or a currency rate (``• $ 444.32``, ``• 473.33``)
    r"|•[ \t]+(?:(?:[$€₽₸¥][ \t]*)?\d[\d \t.,]*|[A-Za-z][A-Za-z0-9.]*"
    r"|\d{1,2}[ \t]+[^\W\d_]+[ \t]+\d{4})"
    # A date line in English with its comment counter (``Apr 24, 2021 / 0 comments``), and a
    # read-also teaser (``Оқи отырыңыз: …``, ``Читайте также: …``, K142).
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2},[ \t]+\d{4}[^\n]*"
    r"|(?:Оқи[ \t]+отырыңыз|Оқи[ \t]+отырыңдар|Читайте[ \t]+также)[ \t]*:[^\n]*"
    # A search engine's caption over a picture (``Картинки по запросу КНБ рк``).
    r"|Картинки[ \t]+по[ \t]+запросу[^\n]*"
    # A breadcrumb as a list, from the home page (``- Негізгі бет`` / ``- Басты жаңалықтар``
    # / ``- Абай облысында орманды...``).
    r"|-[ \t]+(?:Негізгі[ \t]+бет|Басты[ \t]+бет|Главная(?:[ \t]+страница)?)(?:\n-[ \t][^\n]*)*"
    # A breadcrumb: the path to the page, its steps apart by a spaced ``»`` (``Главная
    # страница » Жаңалықтар » …``); text glues a closing quote to its word.
    r"|(?:[^\n»]*?[ \t]»[ \t]){2}[^\n]*"
    # A weather widget: a wind speed or a temperature, maybe under its town's name alone
    # (``Өскемен`` / ``снег жел 5 м/с, ОБ``, K111).
    rf"|(?:[{UPPER}][{LOWER}-]+[ \t]*\n){{0,2}}[^\n]*?\d[ \t]*(?:м/с|m/s|°)[^\n]*"
    # or its town after it (``0 °C`` / ``Алматы``), and a date widget's lines, a year with its
    # word and a day with a capitalised word, its month (``2024 Год`` / ``22 Ноября``)
    rf"(?:\n[{UPPER}][{LOWER}-]+[ \t]*$)?"
    rf"|\d{{4}}[ \t]+(?:Год|Жыл)|\d{{1,2}}[ \t]+[{UPPER}][{LOWER}]+"
    r")[ \t]*$",
    re.MULTILINE,
)
#: A site's motto on the page's first line, ending in its web address, no sentence in it, or
#: the address alone there, or a channel's name (a masthead, K111, K140: ``Хабар
#: телеарнасы``; an outlet's name under the headline is a byline, K74).
_MOTTO = re.compile(
    rf"[{UPPER}][^\n.!?:;«»\"“”]{{0,30}}?[ \t]телеарнасы[ \t]*$|"
    # (not a headline with its site after a dash, a page title: see ``_TITLE_OUTLET``)
    rf"(?:[{UPPER}][^\n.!?:;«»\"“”]{{0,59}}?(?<![-–—|])[ \t])?{_WEB_NAME}"
    # or with what the site is after it (``Толқын Tolqyn.kz ақпараттық агенттігі``)
    r"(?:[ \t]+ақпараттық[ \t]+(?:агенттігі|порталы))?[ \t]*$",
    re.MULTILINE,
)
#: The outlet's name after the headline on the page's first line, as a page title writes it
#: (``… тіркелді - «Qazaqstan» Ұлттық телеарнасы``): a masthead (K111, K132).
_TITLE_OUTLET = re.compile(
    r"[ \t]+[-–—|][ \t]+«[^»\n]{1,40}»[^\n]{0,40}?(?:телеарна|агенттіг|портал)\w*[ \t]*$"
    # or its web address (``… жұтатып кетті - kaz.caravan.kz``, K139)
    rf"|[ \t]+[-–—|][ \t]+{_WEB_NAME}[ \t]*$",
    re.MULTILINE,
)
#: Chrome inside a line: a web address, an image in markdown (``![Фото: …](https://…)``), a
#: copyright credit.
_CHROME_INLINE = re.compile(
    r"!\[[^\]\n]*\]\([^)\n]*\)|(?:https?://|www\.)[^\s)\]»\"”]+"
    # a site engine's caption shortcode (``[caption id="…" width="1024"]``, ``[/caption]``) and
    # an image's markup with its alt text (``<image>…</image>``)
    r"|\[/?caption[^\]\n]*\]|<image>[^\n]*?</image>"
    # a copyright credit with its holder (``© egemen.kz``)
    r"|©[ \t]*(?:Photo[ \t]*:[ \t]*)?[^\s]+"
    # a reading time, a widget's lines apart (``2 мин\nоқу үшін``, ``3 мин чтения``)
    r"|(?<!\w)\d{1,2}[ \t]+мин(?:ут)?\.?\s+(?:оқу(?:\s+үшін)?|чтения|на\s+чтение)(?!\w)"
)
#: A closing one-sentence link to another story (R4, K90): ``Ранее КНБ задержал
#: полицейского.``, ``Еске салсақ, бұдан бұрын … сотталды.``, maybe above an empty comment form
#: (``Пікірлер жоқ. Бірінші болыңыз!``).
_EARLIER_LINK = re.compile(
    rf"\n(?:Ранее|Еске салсақ, бұдан бұрын) (?:[^\n.!?]|\.(?![ \t]+[{UPPER}]))*[.!?…]?[ \t]*"
    r"(?:\n(?:Пікірлер жоқ|Комментариев нет)[^\n]*)?\Z"
    # or a list of the site's most-read stories under its heading, to the end (``Көп
    # оқылған`` / date lines and other headlines, K134)
    r"|\n(?:Көп оқылған|Самое читаемое|Популярное)[ \t]*\n(?s:.*)\Z"
)


#: An author's name on a page's date line, two capitalised words (``5.01.2026, 15:00 134
#: Ержан Әбіш``, ``Қымбат Елтайқызы 10.07.2024 | 17:24``): a byline, PER (K74, K134, K138),
#: the rest of the line chrome.
_BYLINE_ON_DATE_LINE = re.compile(
    rf"^(?=[^\n]*{_CLOCK})[^\n]*?(?<![^\W\d_])([{UPPER}][{LOWER}]+[ \t]+[{UPPER}][{LOWER}]+)"
    r"(?![^\W\d_])",
    re.MULTILINE,
)


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of ``text``'s page chrome, in order and not overlapping,
    less the bylines on its date lines."""
    return _without(_chrome_spans(text), _bylines(text))


def _bylines(text: str) -> list[tuple[int, int]]:
    return [match.span(1) for match in _BYLINE_ON_DATE_LINE.finditer(text)]


def _without(spans: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with ``holes`` cut out of them (both in order, not overlapping)."""
    if not holes:
        return spans
    cut = []
    for start, end in spans:
        for hole_start, hole_end in holes:
            if hole_start < end and start < hole_end:
                if start < hole_start:
                    cut.append((start, hole_start))
                start = max(start, hole_end)
        if start < end:
            cut.append((start, end))
    return cut


def _chrome_spans(text: str) -> list[tuple[int, int]]:
    # A line break before the first line; the break a match starts with is then at the
    # line's own offset in ``text``.
    lined = "\n" + text
    found = [(match.start(), match.end() - 1) for match in _CHROME_LINE.finditer(lined)]
    if motto := _MOTTO.match(text):
        found.append(motto.span())
    first_line_end = text.find("\n")
    if outlet := _TITLE_OUTLET.search(text, 0, len(text) if first_line_end < 0 else first_line_end):
        found.append(outlet.span())
    if earlier := _EARLIER_LINK.search(lined):
        found.append((earlier.start(), earlier.end() - 1))
    found.extend(match.span() for match in _CHROME_INLINE.finditer(text))
    found.extend(_captions_repeating_the_title(text))
    return _merged(sorted(found))


#: How many of a page's first lines may be its headline: ingest takes the first for the
#: title, which is sometimes chrome (``Аймақтар • 19 Тамыз, 2021``, a section, a currency
#: ticker, a close button, a weather widget's town and temperature) over the headline.
_HEADLINE_LINES = 6


#: What may follow a headline repeated as a caption, to the end of its line: a photo credit,
#: maybe the credit alone on the next line (``Polisia.kz``).
_CAPTION_TAIL = re.compile(
    rf"(?:[ \t]+{_PHOTO}[ \t]*:[^\n]*)?[ \t]*(?:\n{_WEB_NAME}[ \t]*)?(?=\n|\Z)"
)


def _captions_repeating_the_title(text: str) -> list[tuple[int, int]]:
    """Later lines that are the headline again, maybe with a photo credit after it or on the
    next line alone (``Polisia.kz``): a photo's caption (K28, K114). A lead sentence that
    opens with the headline's words goes on and stays, and a line that ends with a full stop
    is a lead, not a headline (a lead repeated after a share line is annotated twice, K138)."""
    found = []
    line_end = -1
    for _ in range(_HEADLINE_LINES):
        line_start, line_end = line_end + 1, text.find("\n", line_end + 1)
        if line_end == -1:
            break
        # a page title's headline is without its site (``… жұтатып кетті - kaz.caravan.kz``)
        headline = _TITLE_OUTLET.sub("", text[line_start:line_end]).strip()
        if len(headline.split()) < 4 or headline.endswith("."):
            continue
        line = "\n" + headline
        start = text.find(line, line_end)
        while start != -1:
            if tail := _CAPTION_TAIL.match(text, start + len(line)):
                found.append((start + 1, tail.end()))
            start = text.find(line, start + len(line))
    return found


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def outside_chrome(
    candidates: list[Candidate], chrome: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """``candidates`` without those that start in one of the ``chrome`` spans."""
    if not chrome:
        return candidates
    starts = [start for start, _ in chrome]
    kept = []
    for candidate in candidates:
        line = bisect.bisect_right(starts, candidate.start) - 1
        if line < 0 or candidate.start >= chrome[line][1]:
            kept.append(candidate)
    return kept
