"""Compiled passes, and the rules they are built from, kept on disk, so a command on one
article starts in well under a second.

A language's pass is one regex of 500,000 to 700,000 characters (every rule of the language,
see :func:`curate.rules.extractor._pass_text`). Building its text and compiling it takes
seconds of CPU (``benchmarks/speed.py`` prints how many), because Python's ``re`` parses
and compiles in pure Python. The compiled form is the regex engine's code, a list of
integers, and the engine takes it back in about 20 ms. So the first process to compile a
pass saves the code under the user's cache directory, and every later one loads it.

There is no public API for this, so the module uses CPython's private ``re._parser``,
``re._compiler._code`` and ``_sre.compile``, under these guards:

- An entry's key covers everything the pass depends on: the interpreter's version, the
  engine's ``MAGIC`` and code size, the sources of the modules that build the pass text,
  and every rule's name and pattern (learned rules included).
- An entry is written only after a check. The pattern rebuilt from the saved code must
  equal the one ``re.compile`` made, and pattern equality compares the engine's code.
- The engine validates code that it is given. An entry that fails to load (corrupt,
  truncated, stale) falls back to ``re.compile``, and so does an interpreter without these
  internals. A cache directory that cannot be written is skipped.

The rules themselves are kept too (:func:`cached_rules`): building them from the gazetteers
takes about 0.3 s of pure Python (word tries), and a process that loads its pass needs only
their records. That entry's key is a digest of the package's code and data files, so any
edit to a rule, a gazetteer or the code that builds them is a new entry. Both kinds of entry
are a JSON header line, with the digest of the body after it, then the body.

``CURATE_CACHE_DIR`` chooses the directory. The default is ``$XDG_CACHE_HOME/curate`` or
``~/.cache/curate``. An empty value turns the cache off.
"""

import array
import contextlib
import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from curate.files import atomic_writer
from curate.rules.grammar import Rule

try:  # CPython's regex internals; without them every pass is compiled by re.compile
    import _sre
    import re._compiler as _compiler
    import re._parser as _parser
except ImportError:  # pragma: no cover - other interpreters
    _sre = None

CACHE_VARIABLE = "CURATE_CACHE_DIR"
#: Entries kept; older ones are removed when a new one is written.
KEPT_ENTRIES = 8
_PREFIX, _SUFFIX = "pass-", ".bin"
_RULES_PREFIX, _RULES_SUFFIX = "rules-", ".json"
#: The package whose code and data the built rules depend on.
PACKAGE = Path(__file__).resolve().parent.parent
#: The modules whose code turns rules into a pass's text.
_BUILDERS = ("extractor.py", "grammar.py", "prefixes.py")

PassText = Callable[[Sequence[Rule]], tuple[str, dict[str, Rule]]]


def cache_directory() -> Path | None:
    """Where compiled passes are kept, or None when the cache is off."""
    chosen = os.environ.get(CACHE_VARIABLE)
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "curate"


def compiled_pass(
    rules: Sequence[Rule], pass_text: PassText
) -> tuple[re.Pattern[str], dict[str, Rule]]:
    """``pass_text(rules)`` compiled, with each group's rule: from the cache when it holds
    this pass, else compiled now and saved for the next process."""
    directory = cache_directory() if _sre is not None else None
    path = directory / f"{_PREFIX}{pass_key(rules)}{_SUFFIX}" if directory else None
    if path is not None:
        loaded = _load(path, rules)
        if loaded is not None:
            return loaded
    text, group_rule = pass_text(rules)
    pattern = re.compile(text)
    if path is not None:
        with contextlib.suppress(OSError):
            _store(path, pattern, group_rule)
    return pattern, group_rule


def pass_key(rules: Sequence[Rule]) -> str:
    """A digest of everything a compiled pass of ``rules`` depends on."""
    digest = hashlib.sha256()
    engine = (sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))
    digest.update(repr(engine).encode())
    here = Path(__file__).parent
    for name in _BUILDERS:
        digest.update((here / name).read_bytes())
    for rule in rules:
        digest.update(f"\0{rule.name}\0{sorted(rule.langs)}\0{rule.pattern}".encode())
    return digest.hexdigest()[:32]


def _store(path: Path, pattern: re.Pattern[str], group_rule: dict[str, Rule]) -> None:
    """Save ``pattern``'s engine code, if rebuilding the pattern from it gives ``pattern``."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    code = _compiler._code(parsed, pattern.flags)
    header = {
        "flags": pattern.flags,
        "groups": pattern.groups,
        "groupindex": dict(pattern.groupindex),
        "group_rules": {group: rule.name for group, rule in group_rule.items()},
        "text": pattern.pattern,
    }
    if _rebuilt(header, code) != pattern:
        return  # these internals no longer work as this module expects: keep compiling
    _write_entry(path, header, array.array("I", code).tobytes(), glob=f"{_PREFIX}*{_SUFFIX}")


def _load(path: Path, rules: Sequence[Rule]) -> tuple[re.Pattern[str], dict[str, Rule]] | None:
    """The pass saved at ``path``, or None if there is none or it cannot be used."""
    entry = _read_entry(path)
    if entry is None:
        return None
    header, body = entry
    try:
        code = array.array("I")
        code.frombytes(body)
        by_name = {rule.name: rule for rule in rules}
        group_rule = {group: by_name[name] for group, name in header["group_rules"].items()}
        pattern = _rebuilt(header, code.tolist())
    except (ValueError, KeyError, TypeError, RuntimeError):
        return None
    _mark_used(path)
    return pattern, group_rule


def _rebuilt(header: dict[str, Any], code: list[int]) -> re.Pattern[str]:
    """The pattern the engine makes of ``code`` (as ``re._compiler.compile`` calls it)."""
    groupindex: dict[str, int] = header["groupindex"]
    indexgroup: list[str | None] = [None] * (header["groups"] + 1)
    for name, index in groupindex.items():
        indexgroup[index] = name
    return _sre.compile(
        header["text"], header["flags"], code, header["groups"], groupindex, tuple(indexgroup)
    )


def _remove_oldest(directory: Path, *, keep: int, newest: Path, glob: str) -> None:
    """Remove all but the ``keep`` most recently used entries named like ``glob``, ``newest``
    among them."""
    others = [path for path in directory.glob(glob) if path != newest]
    others.sort(key=lambda path: path.stat().st_mtime)
    for stale in others[: max(len(others) - (keep - 1), 0)]:
        with contextlib.suppress(OSError):
            stale.unlink()


def _write_entry(path: Path, header: dict[str, Any], body: bytes, *, glob: str) -> None:
    """Write an entry: ``header`` with the body's digest as a JSON line, then ``body``; then
    keep only the latest entries named like ``glob``."""
    header = {**header, "body_sha256": hashlib.sha256(body).hexdigest()}
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_writer(path, binary=True) as stream:
        stream.write(json.dumps(header, ensure_ascii=False).encode() + b"\n")
        stream.write(body)
    _remove_oldest(path.parent, keep=KEPT_ENTRIES, newest=path, glob=glob)


def _read_entry(path: Path) -> tuple[dict[str, Any], bytes] | None:
    """An entry's header and body, or None if there is none or its body is not the one its
    header's digest names (truncated, changed, unreadable)."""
    try:
        content = path.read_bytes()
        line_end = content.index(b"\n")
        header = json.loads(content[:line_end])
        body = content[line_end + 1 :]
        if hashlib.sha256(body).hexdigest() != header["body_sha256"]:
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return header, body


def _mark_used(path: Path) -> None:
    """Recently used: the last entry to be removed."""
    with contextlib.suppress(OSError):
        os.utime(path)


# ---- built rules ---------------------------------------------------------------------------


def cached_rules(build: Callable[[], list[Rule]], package: Path = PACKAGE) -> list[Rule]:
    """``build()``'s rules: from the cache when ``package``'s code and data files are those
    they were built from, else built now and saved for the next process.

    A build that raises (a bad gazetteer entry, say) raises here too: its files are not those
    of any saved entry.
    """
    directory = cache_directory()
    path = None
    if directory is not None:
        path = directory / f"{_RULES_PREFIX}{sources_key(package)}{_RULES_SUFFIX}"
        loaded = _load_rules(path)
        if loaded is not None:
            return loaded
    rules = build()
    if path is not None:
        with contextlib.suppress(OSError):
            _store_rules(path, rules)
    return rules


def sources_key(package: Path = PACKAGE) -> str:
    """A digest of the interpreter's version and every code and data file of ``package``."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".txt"} and "__pycache__" not in path.parts:
            digest.update(f"\0{path.relative_to(package).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def _store_rules(path: Path, rules: list[Rule]) -> None:
    """Save ``rules`` as the JSON body of an entry."""
    _write_entry(path, {}, _RULES.dump_json(rules), glob=f"{_RULES_PREFIX}*{_RULES_SUFFIX}")


def _load_rules(path: Path) -> list[Rule] | None:
    """The rules saved at ``path``, or None if there are none or the entry is damaged."""
    entry = _read_entry(path)
    if entry is None:
        return None
    try:
        rules = _RULES.validate_json(entry[1])
    except ValueError:  # a pydantic ValidationError is a ValueError
        return None
    _mark_used(path)
    return rules


#: Rules to and from JSON (a rule's ``langs``, a frozenset, is a list there).
_RULES = TypeAdapter(list[Rule])
