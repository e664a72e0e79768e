"""The Label Studio labeling interface (``label_config/ner.xml``): safe parsing and checks.

A config is read with entity resolution, DTD loading and network access off, and any DOCTYPE
or entity is refused, so a hostile file can neither read local files (XXE) nor expand
without bound (billion laughs). A valid config names only labels of the registry in
:mod:`curate.labels` and has the controls curate's tasks and predictions refer to, the
per-region ``value``, ``unit`` and ``qualifier`` of number regions included.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from curate.errors import InputError
from curate.labels import DOCUMENT_CHOICES, LABEL_NAMES
from curate.readings import (
    QUALIFIER_CHOICES,
    QUALIFIER_CONTROL,
    UNIT_CHOICES,
    UNIT_CONTROL,
    VALUE_CONTROL,
)
from curate.resources import LABEL_CONFIG_DIR

LABEL_CONFIG_PATH = LABEL_CONFIG_DIR / "ner.xml"
GUIDELINES_PATH = LABEL_CONFIG_DIR / "guidelines.html"

#: The title of curate's Label Studio project unless ``--project`` says otherwise.
DEFAULT_PROJECT = "Drug-crime news NER"

#: Names the tasks' predictions use: the Labels control and the Text object it labels.
LABELS_CONTROL = "label"
TEXT_OBJECT = "text"

#: The fields of a task's ``data`` (see :mod:`curate.tasks`); a config may show only these.
TASK_FIELDS = frozenset(
    {"text", "title", "date", "lang", "outlet", "id", "story_id", "content_hash"}
)

#: Label Studio's object tags (what controls label), lower-cased.
OBJECT_TAGS = frozenset(
    {
        "text",
        "hypertext",
        "paragraphs",
        "table",
        "image",
        "audio",
        "video",
        "timeseries",
        "pdf",
        "list",
        "ranker",
    }
)


#: A DTD or entity declaration anywhere in the file, refused before the parser sees it.
_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass(frozen=True)
class LabelDefinition:
    """One ``<Label>`` of the ``Labels`` control as the config declares it."""

    name: str
    colour: str | None
    hotkey: str | None


@dataclass(frozen=True)
class LabelConfig:
    """A checked label config: its XML text and what it declares."""

    xml: str
    labels: tuple[LabelDefinition, ...]
    choices: dict[str, tuple[str, ...]]


def read_label_config(path: Path = LABEL_CONFIG_PATH) -> LabelConfig:
    """Read and check the label config at ``path``; raise InputError naming the file if invalid."""
    try:
        content = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read label config {path}: {error.strerror}") from None
    return check_label_config(content, source=path)


def read_guidelines(path: Path = GUIDELINES_PATH) -> str:
    """The annotator guidelines as HTML, for the project's instructions in Label Studio."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read annotator guidelines {path}: {error}") from None


def check_label_config(content: bytes, *, source: Path | str) -> LabelConfig:
    """Parse ``content`` safely and check it is a config curate can use.

    ``source`` names the file in error messages.

    >>> config = read_label_config()
    >>> [label.name for label in config.labels][:3], config.choices["lang"]
    (['PER', 'ORG', 'LOC'], ('kk', 'ru'))
    """
    root = _parse(content, source=source)
    problems = [
        *_unknown_variables(root),
        *_dangling_controls(root),
        *_label_problems(root),
        *_choice_problems(root),
        *_reading_problems(root),
    ]
    if problems:
        raise InputError(f"{source}: {'; '.join(problems)}")
    try:
        xml = content.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{source}: a label config must be UTF-8") from None
    return LabelConfig(xml=xml, labels=_labels(root), choices=_choices(root))


def _parse(content: bytes, *, source: Path | str) -> etree._Element:
    if _DECLARATION.search(content):
        raise _hostile(source)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(content, parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        message = str(error).replace("\n", " ")
        raise InputError(f"{source}: not a well-formed XML label config: {message}") from None
    docinfo = root.getroottree().docinfo
    has_entities = any(isinstance(node, etree._Entity) for node in root.iter())
    if docinfo.doctype or docinfo.internalDTD is not None or has_entities:
        raise _hostile(source)
    if not isinstance(root.tag, str) or root.tag != "View":
        raise InputError(f"{source}: a label config's root element must be <View>")
    return root


def _hostile(source: Path | str) -> InputError:
    return InputError(
        f"{source}: label config declares a DOCTYPE or entities, which are refused "
        "(they can read local files or expand without bound); remove the <!DOCTYPE …> part"
    )


def _elements(root: etree._Element, tag: str) -> list[etree._Element]:
    return [el for el in root.iter() if isinstance(el.tag, str) and el.tag.lower() == tag]


def _objects(root: etree._Element) -> dict[str, etree._Element]:
    return {
        el.get("name", ""): el
        for el in root.iter()
        if isinstance(el.tag, str) and el.tag.lower() in OBJECT_TAGS and el.get("name")
    }


def _unknown_variables(root: etree._Element) -> list[str]:
    used = {
        value[1:]
        for el in root.iter()
        if isinstance(el.tag, str)
        for value in [el.get("value", "")]
        if value.startswith("$")
    }
    unknown = sorted(used - TASK_FIELDS)
    if not unknown:
        return []
    return [
        f"refers to task field(s) {', '.join('$' + name for name in unknown)} "
        f"that curate's tasks do not have (they have {', '.join(sorted(TASK_FIELDS))})"
    ]


def _dangling_controls(root: etree._Element) -> list[str]:
    objects = _objects(root)
    problems = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.get("toName") is None:
            continue
        for target in el.get("toName", "").split(","):
            if target.strip() not in objects:
                problems.append(
                    f"<{el.tag} name={el.get('name')!r}> has toName={target!r}, "
                    "which names no object tag"
                )
    return problems


def _label_problems(root: etree._Element) -> list[str]:
    controls = [el for el in _elements(root, "labels") if el.get("name") == LABELS_CONTROL]
    if len(controls) != 1 or controls[0].get("toName") != TEXT_OBJECT:
        return [
            f'needs one <Labels name="{LABELS_CONTROL}" toName="{TEXT_OBJECT}"> '
            "(curate's predictions use these names)"
        ]
    text = _objects(root).get(TEXT_OBJECT)
    if text is None or text.tag.lower() != "text" or text.get("value") != "$text":
        return [f'needs a <Text name="{TEXT_OBJECT}" value="$text"> for the article']
    declared = [label.name for label in _labels(root)]
    problems = []
    unknown = [name for name in declared if name not in LABEL_NAMES]
    if unknown:
        problems.append(f"unknown label(s) {', '.join(unknown)} (known: {', '.join(LABEL_NAMES)})")
    missing = [name for name in LABEL_NAMES if name not in declared]
    if missing:
        problems.append(f"lacks label(s) the rules emit: {', '.join(missing)}")
    repeated = sorted({name for name in declared if declared.count(name) > 1})
    if repeated:
        problems.append(f"repeats label(s) {', '.join(repeated)}")
    return problems


def _choice_problems(root: etree._Element) -> list[str]:
    declared = _choices(root)
    problems = []
    for name, values in DOCUMENT_CHOICES.items():
        if declared.get(name) is None:
            problems.append(f'lacks <Choices name="{name}"> with {", ".join(values)}')
        elif sorted(declared[name]) != sorted(values):
            problems.append(
                f"<Choices name={name!r}> offers {', '.join(declared[name])}, "
                f"expected {', '.join(values)}"
            )
    return problems


def _per_region(control: etree._Element) -> bool:
    return control.get("perRegion", "").lower() == "true"


def _reading_problems(root: etree._Element) -> list[str]:
    """The per-region controls that carry a number region's reading (:mod:`curate.readings`)."""
    expected = {
        ("TextArea", VALUE_CONTROL): (),
        ("Choices", UNIT_CONTROL): UNIT_CHOICES,
        ("Choices", QUALIFIER_CONTROL): QUALIFIER_CHOICES,
    }
    problems = []
    for (tag, name), values in expected.items():
        found = [
            el
            for el in _elements(root, tag.lower())
            if el.get("name") == name and el.get("toName") == TEXT_OBJECT and _per_region(el)
        ]
        if len(found) != 1:
            problems.append(
                f'needs one <{tag} name="{name}" toName="{TEXT_OBJECT}" perRegion="true"> '
                "(number regions' readings use it)"
            )
        elif values and sorted(_choice_values(found[0])) != sorted(values):
            problems.append(
                f"<Choices name={name!r}> offers {', '.join(_choice_values(found[0]))}, "
                f"expected {', '.join(values)}"
            )
    return problems


def _choice_values(control: etree._Element) -> tuple[str, ...]:
    return tuple(
        el.get("value", "")
        for el in control
        if isinstance(el.tag, str) and el.tag.lower() == "choice"
    )


def _labels(root: etree._Element) -> tuple[LabelDefinition, ...]:
    return tuple(
        LabelDefinition(el.get("value", ""), el.get("background"), el.get("hotkey"))
        for control in _elements(root, "labels")
        if control.get("name") == LABELS_CONTROL
        for el in control
        if isinstance(el.tag, str) and el.tag.lower() == "label"
    )


def _choices(root: etree._Element) -> dict[str, tuple[str, ...]]:
    """The document-level Choices controls and their values (per-region ones are readings)."""
    return {
        control.get("name", ""): _choice_values(control)
        for control in _elements(root, "choices")
        if not _per_region(control)
    }
