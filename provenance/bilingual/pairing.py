"""Which original goes with an English article, and in which language.

Three ways, in this order: an explicit path (`--source`), a front-matter key
(`source: original.ar.txt` in a leading `---` block, relative to the article),
and the directory convention: `name.en.txt` beside `name.XX.txt`, or a file of
the same stem `name.XX.txt` in `--source-dir`. The language comes from the
file name's `.XX.` part when there is one, otherwise from langdetect (seeded).
"""

from __future__ import annotations

import re
from pathlib import Path

LANGS = ("ar", "fa", "he", "tr", "ru", "uk", "ur", "hi", "zh", "fr", "de", "es")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_SOURCE_KEY = re.compile(r"^source:[ \t]*(.+?)[ \t]*$", re.M)


class PairingError(ValueError):
    """A named source that does not exist, or a language that is not supported."""


def front_matter_source(text: str) -> str | None:
    m = _FRONT.match(text)
    if not m:
        return None
    k = _SOURCE_KEY.search(m.group(1))
    return k.group(1).strip("'\"") if k else None


def _stem(path: Path) -> str:
    name = path.name
    m = re.match(r"(.+?)\.en\.[^.]+$", name)
    return m.group(1) if m else path.stem


def find_source(article: Path, text: str, source: Path | None = None, source_dir: Path | None = None) -> Path | None:
    """The original for `article`, or None when nothing names or sits beside one."""
    if source is not None:
        if not source.is_file():
            raise PairingError(f"{source}: no such source file")
        return source
    named = front_matter_source(text)
    if named:
        path = (article.parent / named)
        if not path.is_file():
            raise PairingError(f"{article}: front matter names source '{named}', which does not exist")
        return path
    stem = _stem(article)
    for folder in ([source_dir] if source_dir else []) + ([article.parent] if article.name.count(".") >= 2 or source_dir is None else []):
        for lang in LANGS:
            for cand in sorted(folder.glob(f"{glob_escape(stem)}.{lang}.*")):
                if cand.is_file() and cand.resolve() != article.resolve():
                    return cand
    return None


def glob_escape(s: str) -> str:
    return re.sub(r"([\[\]*?])", r"[\1]", s)


def language_of(path: Path, text: str, given: str | None = None) -> str:
    """`given`, else the `.XX.` in the file name, else langdetect with seed 0."""
    if given:
        lang = given.lower()
    else:
        m = re.search(r"\.([a-z]{2})\.[^.]+$", path.name)
        lang = m.group(1) if m and m.group(1) in LANGS else detect(text)
    if lang not in LANGS:
        raise PairingError(f"{path}: source language '{lang}' is not supported (supported: {', '.join(LANGS)})")
    return lang


def detect(text: str) -> str:
    from langdetect import DetectorFactory, detect as _detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect is random unless seeded
    try:
        lang = _detect(text[:5000])
    except LangDetectException:
        return "unknown"
    return {"zh-cn": "zh", "zh-tw": "zh"}.get(lang, lang)


def originals_beside(sources: list) -> list:
    """The discovered files without the originals of others: ``name.XX.ext``
    (XX a supported language) when ``name.en.*`` is among them in the same folder."""
    english = {(s.path.parent, _stem(s.path)) for s in sources if s.path is not None and re.search(r"\.en\.[^.]+$", s.path.name)}
    out = []
    for s in sources:
        m = re.match(r"(.+)\.([a-z]{2})\.[^.]+$", s.path.name) if s.path is not None else None
        if m and m.group(2) in LANGS and (s.path.parent, m.group(1)) in english:
            continue
        out.append(s)
    return out
