"""The labeling page as an annotator sees it, in Debian's Chromium driven by Playwright.

A Kazakh seed is pushed with the rules' prediction, minus one span the annotator then adds
by hand: the test reads the labels and the pre-annotated regions from the page, checks that
Kazakh letters are drawn with real glyphs, annotates the held-out span (label hotkey, then
a mouse drag over the words, then Submit), and pulls it back with ``curate pull``. A second
test selects a number region, checks its prefilled reading (value, unit, qualifier), changes
the value and the qualifier, and follows the change into ``gold.jsonl``.
"""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from curate.articles import read_articles
from curate.client import LabelStudioClient, Project
from curate.gold import export_gold
from curate.labels import LABELS
from curate.labelstudio_export import read_export
from curate.models import Article, Span
from curate.rules import build_extractor
from curate.sync import ensure_project, pull, push
from curate.tasks import LabelsRegion, Task, build_tasks

CHROMIUM = Path("/usr/bin/chromium")
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
#: Flags that work on a headless build machine; the profile is a new empty --user-data-dir.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
KAZAKH_LETTERS = "әіңғүұқөһ"
TIMEOUT_MS = 90_000

pytestmark = [
    pytest.mark.server,
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
]

#: The regions drawn over the text: label (``index:LABEL``), offsets and covered text.
READ_REGIONS = """() => [...document.querySelectorAll('.lsf-richtext .htx-highlight')].map(
    e => [Number(e.dataset.start), Number(e.dataset.end), e.dataset.label, e.textContent])"""

#: The text as the page lays it out: one element per line.
READ_TEXT = """() => [...document.querySelectorAll('.lsf-richtext__line')]
    .map(line => line.textContent).join('\\n')"""

#: Letters the page's text font draws as nothing or as the missing-glyph box.
UNDRAWN_LETTERS = """(letters) => {
    const font = getComputedStyle(document.querySelector('.lsf-richtext__line')).font;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 64;
    const context = canvas.getContext('2d');
    const draw = (text) => {
        context.clearRect(0, 0, 64, 64);
        context.font = font;
        context.fillText(text, 8, 48);
        return context.getImageData(0, 0, 64, 64).data.join();
    };
    const missing = draw('\\u{10FFFD}'), blank = draw(' ');
    return [...letters].filter(letter => [missing, blank].includes(draw(letter)));
}"""

#: Viewport points inside the first and last characters of text[start:end] (one text line).
CHARACTER_POINTS = """([start, end]) => {
    const lines = [...document.querySelectorAll('.lsf-richtext__line')];
    let offset = 0;
    for (const line of lines) {
        const length = line.textContent.length;
        if (start < offset + length) {
            const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
            const at = (position) => {
                let seen = offset;
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    if (position < seen + node.data.length) return [node, position - seen];
                    seen += node.data.length;
                }
            };
            line.scrollIntoView({block: 'center'});
            const [first, i] = at(start);
            walker.currentNode = line;
            const [last, j] = at(end - 1);
            const box = (node, k) => {
                const range = document.createRange();
                range.setStart(node, k);
                range.setEnd(node, k + 1);
                return range.getBoundingClientRect();
            };
            const a = box(first, i), b = box(last, j);
            return [a.left + 1, (a.top + a.bottom) / 2, b.right - 1, (b.top + b.bottom) / 2];
        }
        offset += length + 1;
    }
}"""


@pytest.fixture
def ls_client(label_studio) -> LabelStudioClient:
    return label_studio.client()


@pytest.fixture
def ls_project(ls_client: LabelStudioClient, project_title: str) -> Project:
    return ensure_project(ls_client, project_title)


@pytest.fixture(scope="module")
def kazakh_seed() -> Article:
    return next(a for a in read_articles(SEEDS) if a.lang == "kk")


@pytest.fixture
def browser_page(tmp_path: Path) -> Iterator[Page]:
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            tmp_path / "chromium-profile",
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1400, "height": 1000},
        )
        context.set_default_timeout(TIMEOUT_MS)
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


Region = tuple[int, int, str, str]


def region(span: Span) -> Region:
    return (span.start, span.end, span.label, span.text)


def predicted_spans(task: Task) -> list[Span]:
    return [
        Span(start=r.value.start, end=r.value.end, label=r.value.labels[0], text=r.value.text)
        for r in task.predictions[0].result
        if isinstance(r, LabelsRegion)
    ]


def without_span(task: Task, held_out: Span) -> Task:
    """``task`` with one span left out of its prediction, for the annotator to add."""
    [prediction] = task.predictions
    kept = [
        r
        for r in prediction.result
        if not (isinstance(r, LabelsRegion) and r.value.start == held_out.start)
    ]
    return task.model_copy(update={"predictions": [prediction.model_copy(update={"result": kept})]})


def log_in(page: Page, *, url: str, email: str, password: str) -> None:
    page.goto(f"{url}/user/login/")
    page.fill("input#email", email)
    page.fill("input#password", password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda address: "/user/login" not in address)


def drawn_regions(page: Page) -> set[Region]:
    """The regions highlighted over the text, label taken from ``data-label="1:LOC"``."""
    return {
        (start, end, label.split(":")[-1], text)
        for start, end, label, text in page.evaluate(READ_REGIONS)
    }


def annotate(page: Page, span: Span) -> None:
    """Label ``span`` as an annotator does: the label's hotkey, then drag over the words."""
    page.keyboard.press(next(x.hotkey for x in LABELS if x.name == span.label))
    x1, y1, x2, y2 = page.evaluate(CHARACTER_POINTS, [span.start, span.end])
    page.mouse.move(x1, y1)
    page.mouse.down()
    page.mouse.move(x2, y2, steps=8)
    page.mouse.up()
    page.wait_for_function(
        f"() => ({READ_REGIONS})().some(r => r[0] === {span.start} && r[1] === {span.end})"
    )


def test_an_annotator_sees_the_pre_annotations_and_adds_a_span(
    ls_client: LabelStudioClient,
    ls_project: Project,
    label_studio,
    kazakh_seed: Article,
    browser_page: Page,
    tmp_path: Path,
) -> None:
    [task] = build_tasks([kazakh_seed], build_extractor())
    predicted = predicted_spans(task)
    held_out = next(s for s in predicted if s.label == "PER" and "\n" not in s.text)
    push(ls_client, [without_span(task, held_out)], project_title=ls_project.title)
    [stored] = ls_client.stored_tasks(ls_project.id)
    url, page = label_studio.url, browser_page

    log_in(page, url=url, email=label_studio.admin.email, password=label_studio.admin.password)
    page.goto(f"{url}/projects/{ls_project.id}/data?task={stored.id}")
    page.wait_for_selector(".lsf-richtext .htx-highlight")

    labels = page.locator(".lsf-labels .lsf-label")
    assert labels.locator(".lsf-label__text").all_inner_texts() == [x.name for x in LABELS]
    assert labels.locator(".lsf-label__hotkey").all_inner_texts() == [x.hotkey for x in LABELS]
    assert page.evaluate(READ_TEXT) == kazakh_seed.text
    assert drawn_regions(page) == {region(s) for s in predicted if s != held_out}
    assert {"ә", "ұ", "қ", "ң", "ғ", "ү", "і", "ө"} <= set(page.evaluate(READ_TEXT))
    assert page.evaluate(UNDRAWN_LETTERS, KAZAKH_LETTERS) == []
    page.screenshot(path=tmp_path / "kazakh-task.png", full_page=True)

    annotate(page, held_out)
    page.click("[data-testid=bottombar-submit-button]")
    page.wait_for_selector("[data-testid=bottombar-update-button]")
    page.screenshot(path=tmp_path / "kazakh-task-annotated.png", full_page=True)

    snapshot = pull(ls_client, project_title=ls_project.title, directory=tmp_path / "snapshots")
    [exported] = read_export(snapshot.path).tasks
    assert exported.article_id == kazakh_seed.id
    [annotation] = exported.completed()
    assert region(held_out) in {region(s) for s in annotation.spans}
    assert {region(s) for s in annotation.spans} == {region(s) for s in predicted}


def test_an_annotator_sees_a_prefilled_reading_changes_it_and_gold_says_so(
    ls_client: LabelStudioClient,
    ls_project: Project,
    label_studio,
    kazakh_seed: Article,
    browser_page: Page,
    tmp_path: Path,
) -> None:
    """Label Studio 1.23 shows per-region TextArea and Choices predictions on the region's
    id filled in and editable: the pencil opens the value, the choices take a click."""
    [task] = build_tasks([kazakh_seed], build_extractor())
    quantity = next(s for s in predicted_spans(task) if s.text == "525 келіден астам")
    push(ls_client, [task], project_title=ls_project.title)
    [stored] = ls_client.stored_tasks(ls_project.id)
    url, page = label_studio.url, browser_page

    log_in(page, url=url, email=label_studio.admin.email, password=label_studio.admin.password)
    page.goto(f"{url}/projects/{ls_project.id}/data?task={stored.id}")
    page.locator(f'.lsf-richtext .htx-highlight[data-start="{quantity.start}"]').first.click()
    shown = page.locator("[data-testid=htx-textbox-content]")
    shown.wait_for()
    assert shown.all_inner_texts() == ["525"]
    assert page.locator("input[name=kg]").is_checked()
    assert page.locator("input[name=more_than]").is_checked()
    page.screenshot(path=tmp_path / "prefilled-reading.png")

    page.click("[data-testid=htx-textbox-edit-button]")
    page.fill("[data-testid=htx-textbox-edit] input", "526")
    page.click("[data-testid=htx-textbox-save]")
    page.locator("input[name=about]").click()
    assert shown.all_inner_texts() == ["526"]
    assert page.locator("input[name=about]").is_checked()
    assert not page.locator("input[name=more_than]").is_checked()
    page.click("[data-testid=bottombar-submit-button]")
    page.wait_for_selector("[data-testid=bottombar-update-button]")

    snapshot = pull(ls_client, project_title=ls_project.title, directory=tmp_path / "snapshots")
    export_gold(snapshot.path, tmp_path / "exports", formats=["jsonl"])
    [gold] = (tmp_path / "exports" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    spans = {span["text"]: span for span in json.loads(gold)["spans"]}
    changed, kept = spans["525 келіден астам"], spans["255 миллион теңгеден астам"]
    assert (changed["value"], changed["unit"], changed["qualifier"]) == (526.0, "kg", "about")
    assert (changed["value_source"], changed["value_review"]) == ("annotators 1/1", "changed")
    assert (kept["value"], kept["unit"], kept["qualifier"]) == (255_000_000, "KZT", "more_than")
    assert (kept["value_source"], kept["value_review"]) == ("annotators 1/1", "confirmed")
