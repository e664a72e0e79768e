"""Compiled passes kept on disk, so a command on one article starts in well under a second.

A language's pass is one regex of about 300,000 characters (every rule of the language,
see :func:`curate.rules.extractor._pass_text`). Building its text and compiling it takes
about 2.5 s of CPU (4.4 s for both languages), because Python's ``re`` parses and compiles in
pure Python. The compiled
form is the regex engine's code, a list of integers, and the engine takes it back in
about 20 ms. So the first process to compile a pass saves the code under the user's cache
directory, and every later one loads it.

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
    body = array.array("I", code).tobytes()
    header["code_sha256"] = hashlib.sha256(body).hexdigest()
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_writer(path, binary=True) as stream:
        stream.write(json.dumps(header, ensure_ascii=False).encode() + b"\n")
        stream.write(body)
    _remove_oldest(path.parent, keep=KEPT_ENTRIES, newest=path)


def _load(path: Path, rules: Sequence[Rule]) -> tuple[re.Pattern[str], dict[str, Rule]] | None:
    """The pass saved at ``path``, or None if there is none or it cannot be used."""
    try:
        content = path.read_bytes()
        line_end = content.index(b"\n")
        header = json.loads(content[:line_end])
        body = content[line_end + 1 :]
        if hashlib.sha256(body).hexdigest() != header["code_sha256"]:
            return None
        code = array.array("I")
        code.frombytes(body)
        by_name = {rule.name: rule for rule in rules}
        group_rule = {group: by_name[name] for group, name in header["group_rules"].items()}
        pattern = _rebuilt(header, code.tolist())
    except (OSError, ValueError, KeyError, TypeError, RuntimeError):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: the last to be removed
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


def _remove_oldest(directory: Path, *, keep: int, newest: Path) -> None:
    """Remove all but the ``keep`` most recently used entries, ``newest`` among them."""
    others = [path for path in directory.glob(f"{_PREFIX}*{_SUFFIX}") if path != newest]
    others.sort(key=lambda path: path.stat().st_mtime)
    for stale in others[: max(len(others) - (keep - 1), 0)]:
        with contextlib.suppress(OSError):
            stale.unlink()
