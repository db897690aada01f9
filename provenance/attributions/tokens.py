"""Tokens: the TOKEN pattern's matches in a piece of text, found chunk by chunk."""

from __future__ import annotations

import re

from provenance.lazyre import lazy

# Tokens: initialisms ("U.S."), words with inner apostrophes, hyphens, dots
# ("PowerOutage.us"), numbers, then single punctuation characters.
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’\-.&/][^\W_]+)*(?:['’]s\b)?|\S")


class Ends:
    """``end[k]`` of Tokens, ``start[k] + len(text[k])``, computed when asked: callers read two or
    three of a window's forty-odd ends, and a list of them all took a tenth of ``tokenize``."""

    __slots__ = ("start", "text")

    def __init__(self, start: list[int], text: list[str]):
        self.start = start
        self.text = text

    def __getitem__(self, k: int) -> int:  # an index (negative ones too; no slices); iterable through it
        return self.start[k] + len(self.text[k])

    def __len__(self) -> int:
        return len(self.text)


class Tokens:
    """TOKEN's matches in a piece of text, as parallel lists (no object per token):
    ``start[k]``, ``end[k]`` (offsets into the document text), ``text[k]`` and ``low[k]``."""

    __slots__ = ("start", "end", "text", "low")

    def __init__(self, start: list[int], text: list[str], low: list[str]):
        self.start = start
        self.end = Ends(start, text)
        self.text = text
        self.low = low

    def __len__(self) -> int:
        return len(self.text)


def is_cap(word: str) -> bool:
    """A capitalized word, or a short number ("12" in "Channel 12")."""
    c = word[:1]
    return c.isupper() or (c.isdigit() and len(word) <= 3)


def _chunk_tokens(chunk: str) -> list[str] | tuple[str, ...]:
    """``TOKEN.findall(chunk)`` for a non-empty chunk of text without whitespace.

    TOKEN matches at every character but whitespace, so its tokens tile the
    chunk. A run of letters and digits (``isalnum``: re's word characters
    but "_") is one token, and so is what such a run leaves between one other
    character at either end: TOKEN joins nothing to it, as its joiners and
    "'s" need a letter or digit after them and an initialism needs a dot
    after its first letter. Other chunks go to the regex (some 100 ns a character).
    """
    if chunk.isalnum() or len(chunk) == 1:
        return (chunk,)
    if chunk[1:-1].isalnum():
        first, last = chunk[0], chunk[-1]
        if first.isalnum():
            return (chunk[:-1], last)
        if last.isalnum():
            return (first, chunk[1:])
        return (first, chunk[1:-1], last)
    return TOKEN.findall(chunk)


def token_texts(piece: str) -> list[str]:
    """``TOKEN.findall(piece)``: where plain spaces are the only whitespace
    (``isprintable``), the tokens of each space-separated chunk in turn."""
    if not piece.isprintable():
        return TOKEN.findall(piece)
    out: list[str] = []
    for chunk in piece.split(" "):
        if chunk:
            out += _chunk_tokens(chunk)
    return out


# Each token with the whitespace before it: findall hands back plain strings (no
# match objects, no method calls) and the offsets follow from their lengths.
# TOKEN matches at every non-space character and at no space, so these are
# exactly TOKEN's matches, and the pieces tile the text from start on.
_SPACE_AND_TOKEN = lazy(r"(\s*)(" + TOKEN.pattern + ")")


def tokenize(text: str, start: int, end: int) -> Tokens:
    """TOKEN's matches in text[start:end]."""
    piece = text[start:end]
    texts: list[str] = []
    starts: list[int] = []
    pos = start
    if piece.isprintable():  # plain spaces only: chunk by chunk (see token_texts)
        add_text, add_start = texts.append, starts.append
        for chunk in piece.split(" "):
            if chunk:
                if chunk.isalnum() or len(chunk) == 1:  # _chunk_tokens' commonest case, without the call
                    add_text(chunk)
                    add_start(pos)
                    pos += len(chunk) + 1
                    continue
                inner = chunk[1:-1]
                if inner.isalnum():  # its next case, a word with a mark at one end or both ("said,", "“We")
                    n = len(chunk)
                    if chunk[0].isalnum():
                        add_text(chunk[:-1])
                        add_start(pos)
                    else:
                        add_text(chunk[0])
                        add_start(pos)
                        if chunk[-1].isalnum():
                            add_text(chunk[1:])
                            add_start(pos + 1)
                            pos += n + 1
                            continue
                        add_text(inner)
                        add_start(pos + 1)
                    add_text(chunk[-1])
                    add_start(pos + n - 1)
                    pos += n + 1
                    continue
                tokens = _chunk_tokens(chunk)
                if len(tokens) == 1:
                    texts.append(chunk)
                    starts.append(pos)
                else:
                    at = pos
                    for token in tokens:
                        texts.append(token)
                        starts.append(at)
                        at += len(token)
            pos += len(chunk) + 1
    else:
        for space, token in _SPACE_AND_TOKEN.findall(piece):
            pos += len(space)
            texts.append(token)
            starts.append(pos)
            pos += len(token)
    return Tokens(starts, texts, list(map(str.lower, texts)))
