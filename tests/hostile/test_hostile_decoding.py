"""Decoding hostile bytes (issue 14): UTF-8 with a few bad bytes stays UTF-8
(one U+FFFD per bad sequence, PV511 says where, offsets true to the text);
UTF-32 byte-order marks are recognized before UTF-16; text that is mostly
not UTF-8 still goes to detection."""

from __future__ import annotations

import pytest

from provenance.document import Document, InputError
from provenance.document.decode import decode_bytes
from tests.hostile._helpers import assert_exact_offsets, run

ARTICLE = "The minister’s office said “the talks would resume” on Monday.\n\nOfficials said the délégation arrived — late.\n"


def _with_bad_bytes(text: str, bad: list[bytes]) -> bytes:
    raw = text.encode("utf-8")
    out, step = b"", len(raw) // (len(bad) + 1)
    pos = 0
    for i, b in enumerate(bad):
        cut = (i + 1) * step
        while cut < len(raw) and (raw[cut] & 0xC0) == 0x80:  # not inside a character
            cut += 1
        out += raw[pos:cut] + b
        pos = cut
    return out + raw[pos:]


def test_a_few_bad_bytes_keep_utf8_and_the_curly_quotes():
    raw = _with_bad_bytes(ARTICLE, [b"\xff", b"\xfe", b"\xc3", b"\x80", b"\xe2\x80"])
    d = decode_bytes(raw)
    assert d.encoding == "utf-8" and not d.detected
    assert d.text == raw.decode("utf-8", "replace")  # reproducible from the bytes and the encoding name
    assert d.text.count("\ufffd") == 5 == d.replaced  # one per bad sequence (a truncated character is one)
    assert all(c in d.text for c in "“”’—é")  # no mojibake: the valid characters are what they were


def test_bad_bytes_are_findings_with_exact_offsets(tmp_path):
    path = tmp_path / "mostly.txt"
    path.write_bytes(_with_bad_bytes(ARTICLE, [b"\xff\xfe", b"\xc0"]))
    r = run("check", "--format", "json", "--fail-on", "never", path)
    assert r.code == 0, r.stderr
    report = r.json()
    f = report["files"][0]
    assert f["encoding"] == "utf-8" and f["encoding_detected"] is False
    lost = [x for x in f["findings"] if x["rule"] == "PV511"]
    assert [x["text"] for x in lost] == ["\ufffd\ufffd", "\ufffd"]
    assert assert_exact_offsets(report, {f["path"]: path}) >= 2


def test_mostly_not_utf8_goes_to_detection():
    legacy = ("Le délégué a déclaré que la réunion était reportée à lundi. " * 4).encode("cp1252")
    d = decode_bytes(legacy)
    assert d.detected and d.encoding != "utf-8"
    stray = b"Plain ASCII text with one stray \x93quote\x94 from a word processor.\n"
    assert decode_bytes(stray).detected  # no valid multi-byte UTF-8 at all: not called UTF-8


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_with_bom(codec, tmp_path):
    text = "Officials said the talks would resume. Collective.\n"
    raw = {"utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}[codec] + text.encode(codec)
    d = Document.from_bytes(raw)
    assert d.encoding == "utf-32" and d.text == text
    path = tmp_path / "u32.txt"
    path.write_bytes(raw)
    r = run("check", "--format", "json", "--fail-on", "never", path)
    f = r.json()["files"][0]
    assert f["encoding"] == "utf-32"
    assert not [x for x in f["findings"] if x["rule"] == "PV510"]  # no NUL "characters"
    assert assert_exact_offsets(r.json(), {f["path"]: path}) >= 1


def test_utf16_still_works_and_broken_utf32_is_a_reason():
    assert decode_bytes("two words".encode("utf-16")).encoding == "utf-16"
    with pytest.raises(InputError, match="UTF-32"):
        decode_bytes(b"\xff\xfe\x00\x00" + b"\x00\x00\x11\x00")  # beyond U+10FFFF
