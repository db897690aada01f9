"""Bytes to text, saying how the text was decoded.

Offsets everywhere in provenance index the string this module returns, so the
decoding must be reproducible by anyone holding the file and the reported
encoding name (a Python codec name).
"""

from __future__ import annotations

from dataclasses import dataclass

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


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


def decode_bytes(raw: bytes) -> Decoded:
    if raw.startswith(UTF8_BOM):
        try:
            return Decoded(raw[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"starts with a UTF-8 byte-order mark but byte {exc.start + 3} is not UTF-8", "undecodable") from None
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
    return _detect(raw)


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
