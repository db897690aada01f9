"""The Document model: decoding, structure, sentences and offsets."""

from __future__ import annotations

import pytest

from provenance.document import CAPTION, FOOTER, FRONT_MATTER, HEADING, PARAGRAPH, TITLE, Document, InputError
from provenance.document.decode import decode_bytes
from provenance.document.sentences import split_sentences

ARTICLE = (
    "Mossad chief met CIA director in Cairo yesterday, Friday (Reuters - Archive)\n"
    "\n"
    "Israel announced on Saturday that the head of its intelligence service met his counterpart.\n"
    "\n"
    "Hamas adheres to its conditions\n"
    "\n"
    "Reuters quoted a source as saying that a visit was \"unlikely\". The talks will resume.\n"
    "\n"
    "Source: Al Jazeera + agencies\n"
)


# -- decoding ----------------------------------------------------------------

ARABIC = "قال المتحدث إن المفاوضات مستمرة في القاهرة"


@pytest.mark.parametrize(
    "raw,encoding,text",
    [
        ("plain UTF-8 — dash".encode("utf-8"), "utf-8", "plain UTF-8 — dash"),
        (b"\xef\xbb\xbf" + "with BOM".encode("utf-8"), "utf-8-sig", "with BOM"),
        ("UTF-16 text".encode("utf-16"), "utf-16", "UTF-16 text"),
        (b"\xfe\xff" + "big endian".encode("utf-16-be"), "utf-16", "big endian"),
    ],
)
def test_declared_encodings(raw, encoding, text):
    decoded = decode_bytes(raw)
    assert (decoded.text, decoded.encoding, decoded.detected) == (text, encoding, False)


def test_windows_1256_is_detected_and_reported():
    raw = (ARABIC + " " + ARABIC + ".\n").encode("cp1256")
    decoded = decode_bytes(raw)
    assert decoded.detected
    assert decoded.text == raw.decode(decoded.encoding)
    assert "المفاوضات" in decoded.text


def test_latin1_is_detected():
    raw = "Le président a déclaré que les négociations étaient terminées à Genève.\n".encode("latin-1")
    decoded = decode_bytes(raw)
    assert decoded.detected and "président" in decoded.text


def test_nul_bytes_mean_binary():
    with pytest.raises(InputError) as err:
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert err.value.kind == "binary"


def test_broken_utf8_after_bom_is_an_input_error():
    with pytest.raises(InputError):
        decode_bytes(b"\xef\xbb\xbfok \xff\xfe broken")


# -- structure ---------------------------------------------------------------


def kinds(doc: Document) -> list[tuple[str, str]]:
    return [(s.kind, doc.text[s.start : s.end]) for s in doc.segments]


def test_article_structure():
    doc = Document(ARTICLE)
    assert [k for k, _ in kinds(doc)] == [CAPTION, PARAGRAPH, HEADING, PARAGRAPH, FOOTER]
    caption = doc.segments[0]
    assert doc.text[caption.credit[0] : caption.credit[1]] == "Reuters - Archive"
    footer = doc.segments[-1]
    assert doc.text[footer.footer_value[0] : footer.footer_value[1]] == "Al Jazeera + agencies"


def test_title_then_paragraphs_one_a_line():
    doc = Document("Israeli officials say gaps remain after meeting\nAccording to Reuters, talks went on.\nThe statement followed.\n")
    assert [k for k, _ in kinds(doc)] == [TITLE, PARAGRAPH, PARAGRAPH]


def test_sentence_ending_in_parenthesis_is_not_a_caption():
    doc = Document("Intro line.\n\nThe deal was signed with the Islamic Resistance Movement (Hamas).\n\nMore text follows here.\n")
    assert all(s.kind != CAPTION for s in doc.segments)


def test_hard_wrapped_paragraphs_are_joined():
    text = (
        "The Israeli delegation left the Egyptian capital after participating in\n"
        "talks on the truce in Gaza and the exchange of prisoners, according to\n"
        "the Israeli media.\n"
        "\n"
        "A second paragraph starts here and ends here.\n"
    )
    doc = Document(text)
    paragraphs = doc.segments_of(PARAGRAPH)
    assert len(paragraphs) == 2
    assert doc.text[paragraphs[0].start : paragraphs[0].end].endswith("the Israeli media.")


def test_markdown_front_matter_and_heading():
    text = "---\ntitle: Talks\ndate: 2024-03-01\n---\n# Talks resume in Cairo\n\nThe delegations met on Sunday.\n"
    doc = Document(text)
    assert [k for k, _ in kinds(doc)][:2] == [FRONT_MATTER, TITLE]


def test_seed_structure(seed_paths):
    doc = Document.from_path(seed_paths[4])  # 004: three captions, two headings, footer
    by_line = {doc.line_col(s.start)[0]: s.kind for s in doc.segments}
    assert by_line[1] == CAPTION and by_line[23] == CAPTION and by_line[43] == CAPTION
    assert by_line[25] == HEADING and by_line[45] == HEADING
    assert by_line[67] == FOOTER
    assert by_line[65] == PARAGRAPH


# -- sentences ---------------------------------------------------------------


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Gen. Herzi Halevi spoke. He left.", ["Gen. Herzi Halevi spoke.", "He left."]),
        ("George W. Bush met Mr. Smith in Washington.", ["George W. Bush met Mr. Smith in Washington."]),
        ("Inflation rose 3.5 percent. Prices fell.", ["Inflation rose 3.5 percent.", "Prices fell."]),
        ('He called it "exaggerated." The talks ended.', ['He called it "exaggerated."', "The talks ended."]),
        ("Talks in the U.S. The delegation left.", ["Talks in the U.S.", "The delegation left."]),
        ("Officials from the U.S. State Department attended.", ["Officials from the U.S. State Department attended."]),
        ("Is it over? No. It is not.", ["Is it over?", "No.", "It is not."]),
        ("on charges of genocide. Collective.", ["on charges of genocide.", "Collective."]),
        ("Maj. Gen. (res.) Nitzan Alon said so.", ["Maj. Gen. (res.) Nitzan Alon said so."]),
        # a month's abbreviation before its day stays in the sentence, before a word it ends one
        ("The vote is on Oct. 12 in Lyon.", ["The vote is on Oct. 12 in Lyon."]),
        ('She joined the navy in Sept. "It was time," she said.', ["She joined the navy in Sept.", '"It was time," she said.']),
        ("Sens. Ann Holt and Ben Roy agreed.", ["Sens. Ann Holt and Ben Roy agreed."]),
    ],
)
def test_sentence_splitting(text, expected):
    assert sentences(text) == expected


# -- offsets -----------------------------------------------------------------


def test_line_and_column_count_characters():
    doc = Document("first line\r\nسطر ثان\r\nthird — line\n")
    offset = doc.text.index("third")
    assert doc.line_col(offset) == (3, 1)
    assert doc.line_col(doc.text.index("ثان")) == (2, 5)


def test_spans_of_segments_and_sentences_slice_the_text(seed_paths):
    for path in seed_paths:
        doc = Document.from_path(path)
        for seg in doc.segments:
            piece = doc.text[seg.start : seg.end]
            assert piece == piece.strip() and piece
        for sent in doc.sentences:
            assert sent.segment.start <= sent.start < sent.end <= sent.segment.end
