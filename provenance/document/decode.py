"""Bytes to text, saying how the text was decoded.

Offsets everywhere in provenance index the string this module returns, so the
decoding must be reproducible by anyone holding the file and the reported
encoding name (a Python codec name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: Checked before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one.
UTF32_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"))


class InputError(Exception):
    """A file that cannot be checked; str(error) is a one-line reason."""

    def __init__(self, reason: str, kind: str = "input"):
        super().__init__(reason)
        self.kind = kind


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    #: True when the encoding was guessed (charset-normalizer), not declared
    #: by a byte-order mark or proven by a strict UTF-8 decode.
    detected: bool = False
    #: Byte sequences that were not UTF-8 and became U+FFFD (Python's "replace"
    #: error handler: one U+FFFD per maximal invalid subsequence).
    replaced: int = 0


def decode_bytes(raw: bytes) -> Decoded:
    if raw.startswith(UTF8_BOM):
        try:
            return Decoded(raw[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"starts with a UTF-8 byte-order mark but byte {exc.start + 3} is not UTF-8", "undecodable") from None
    for bom, codec in UTF32_BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw[4:].decode(codec), "utf-32")
            except UnicodeDecodeError:
                raise InputError("starts with a UTF-32 byte-order mark but is not valid UTF-32", "undecodable") from None
    if raw.startswith(UTF16_BOMS):
        try:
            return Decoded(raw.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            raise InputError("starts with a UTF-16 byte-order mark but is not valid UTF-16", "undecodable") from None
    if b"\x00" in raw:
        raise InputError("binary file (contains NUL bytes); UTF-16 text needs a byte-order mark", "binary")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    text = raw.decode("utf-8", "replace")
    # the U+FFFD the file held already (as valid UTF-8) are not replacements
    invalid = text.count("\ufffd") - raw.count("\ufffd".encode())
    if mostly_utf8(raw, invalid):
        return Decoded(text, "utf-8", replaced=invalid)
    return _detect(raw)


#: A valid multi-byte UTF-8 character (lead byte and continuation bytes; overlong forms not excluded).
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def mostly_utf8(raw: bytes, invalid: int) -> bool:
    """Valid UTF-8 with a few bad bytes, rather than text in another encoding.

    Heuristic: at least as many valid multi-byte UTF-8 characters as invalid
    sequences. Text in a legacy encoding (cp1252, Latin-1, cp1256…) almost
    never forms valid multi-byte UTF-8 by chance, so nearly all its non-ASCII
    bytes are invalid; an ASCII file with a few stray high bytes has no valid
    multi-byte character at all and goes to detection (likely cp1252 quotes).
    """
    valid = len(_UTF8_MULTIBYTE.findall(raw))
    return valid > 0 and invalid <= valid


def _detect(raw: bytes) -> Decoded:
    # Imported here: most news files are UTF-8 and never pay for the detector.
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise InputError("cannot decode: not UTF-8 and no other text encoding fits", "undecodable")
    encoding = best.encoding
    try:
        text = raw.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        raise InputError(f"cannot decode: detected {encoding} does not decode the file", "undecodable") from None
    return Decoded(text, encoding, detected=True)
