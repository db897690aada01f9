"""The shortcuts of the attributions layer's hot paths give what the plain computation gives."""

from __future__ import annotations

import random
import re

from provenance.attributions import memo
from provenance.attributions.chains import soundex
from provenance.attributions.cues import lexicon
from provenance.attributions.extract import extract_sentence
from provenance.attributions.extract_common import _drop_intro, _strip
from provenance.attributions.finders import LiteralGate, lowered_text
from provenance.attributions.profile import _HEDGE_GATE, claim_signals
from provenance.attributions.punctuation import _has_dash, _signature
from provenance.attributions.quote_regions import _MARK, _marks
from provenance.attributions.sources import describe
from provenance.attributions.speaker import _NEGATED_AUX
from provenance.attributions.tokens import TOKEN, tokenize
from provenance.attributions.verb_cue import _AS_TAIL, _before_speaker
from provenance.document.credits import _DATELINE_FORMS, parse_dateline

_ALPHABET = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") + list(" ,.;:'’\"“”-–—()/&_?!\n\t") + ["İ", "ı", "ſ", "Σ", "é", "\u00ad"]
_WORDS = ["said", "the", "not", "never", "condition", "anonymity", "asked", "reportedly", "according", "as", "just", "Ann", "Reed", "officials"]


def _texts(n: int, seed: int = 7):
    rng = random.Random(seed)
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 30)):
            parts.append(rng.choice(_WORDS) if rng.random() < 0.5 else "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 6))))
        yield " ".join(parts)


def test_tokenize_gives_the_token_patterns_matches():
    # printable texts too: tokenize reads those chunk by chunk, with a word and its marks ("said,", "“We") inline
    printable = [t.replace("\n", " ").replace("\t", " ").replace("\u00ad", "") for t in _texts(400, seed=29)]
    assert all(t.isprintable() for t in printable)
    for text in [*_texts(400), *printable]:
        for start, end in ((0, len(text)), (len(text) // 3, len(text))):
            toks = tokenize(text, start, end)
            expected = [(m.start() + start, m.end() + start, m.group()) for m in TOKEN.finditer(text[start:end])]
            assert list(zip(toks.start, toks.end, toks.text)) == expected
            assert toks.low == [t.lower() for t in toks.text]


def test_a_gate_asked_about_a_span_answers_as_about_its_slice():
    gates = [lexicon().negator_gate, lexicon().reason_gate, _HEDGE_GATE]
    for text in _texts(300):
        assert lowered_text(text) is lowered_text(text)  # kept for the text asked about
        for s in range(0, len(text), 7):
            for e in (s + 5, s + 40, len(text)):
                for gate in gates:
                    assert gate.may_match_within(text, s, e) == gate.may_match(text[s:e])


def test_literal_gate_within_a_text_that_lowers_into_more_characters():
    gate = LiteralGate(lexicon().negator_re)
    text = "İstanbul officials did not say so; they never said it."
    assert lowered_text(text) is None  # "İ" lowers to two characters: each span is lowered on its own
    assert gate.may_match_within(text, 18, 30) == gate.may_match(text[18:30])


def test_claim_signals_read_off_the_document_give_the_same_signals():
    text = "Intro line. The toll reportedly rose to 40 people on Sunday. Nothing else here."
    start = text.index("The toll")
    sentence = text[start : text.index("Nothing")]
    assert claim_signals(sentence, text, start) == claim_signals(sentence) == ["figure", "hedge"]


def test_before_speaker_cuts_the_as_that_introduces_the_speaker_as_the_full_search_does():
    for text in ["The bridge reopened, as", "The bridge reopened, just AS", "It failed  aſ", "It failed as", "as", "a", "Tom was"]:
        cs, ce = _strip(text, 0, len(text))
        tail = _AS_TAIL.search(text, cs, ce)
        expected = _strip(text, cs, tail.start()) if tail is not None else (cs, ce)
        assert _before_speaker(text, 0, len(text)) == expected


def test_dateline_lines_without_a_bracket_dash_or_slash_never_match():
    _DATELINE = re.compile("|".join(source for source, _ in _DATELINE_FORMS))
    for line in ["CAIRO The minister said on Tuesday", "Ramallah, Monday, May 6 WAFA The council met", "NNA The army said"]:
        assert _DATELINE.match(line) is None and parse_dateline(line) is None
    assert parse_dateline("NNA - The army said on Monday that the road was open") is not None


def test_soundex_values():
    assert soundex("Lew") == soundex("Liu") == "L000"
    assert soundex("Robert") == soundex("Rupert") == "R163"
    assert soundex("Ashcraft") == "A261"
    assert soundex("") == ""


class _Persons:
    def __init__(self, names):
        self.names = set(names)

    def __contains__(self, token):
        return token in self.names


def test_shared_descriptions_are_kept_only_when_they_did_not_ask_for_the_articles_persons():
    memo.clear()
    # "Reed" alone: a person in an article that names Tom Reed, an organization in one that does not
    assert memo.describe_shared("Reed", _Persons({"reed"})).kind == describe("Reed", persons=_Persons({"reed"})).kind == "person"
    assert memo.describe_shared("Reed", _Persons(set())).kind == describe("Reed", persons=_Persons(set())).kind == "organization"
    first = memo.describe_shared("the ministry", _Persons(set()))
    assert memo.describe_shared("the ministry", _Persons({"ministry"})) is first  # the persons were never asked
    assert first == describe("the ministry")
    memo.clear()
    assert memo.describe_shared("the ministry", _Persons(set())) is not first


def test_the_gates_before_the_possessive_and_adverb_searches_never_hide_a_match():
    from provenance.attributions.verb_cue import (
        _ADVERB_IN_PASSIVE,
        _POSSESSIVE_BEFORE,
        _PREVIOUS_WORD_REVERSED,
        _may_be_adverb_passive,
        _may_be_possessive,
    )

    rng = random.Random(3)
    pieces = ["was", "is", "been", "first", "also", "widely", "Ann's", "voters'", "it's", "aſ", "mayor’s", " ", "  ", "\n", ",", "x"]
    found = [0, 0]
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) + rng.choice([" ", "  ", "\n ", ""]) + "reported"
        cue = len(text) - len("reported")
        for start in (0, max(0, cue - 9)):
            prev = _PREVIOUS_WORD_REVERSED.match(text[max(start, cue - 20) : cue][::-1])
            prev_word = prev.group(1)[::-1].lower() if prev else ""
            if _ADVERB_IN_PASSIVE.search(text, max(start, cue - 30), cue):
                found[0] += 1
                assert _may_be_adverb_passive(text, cue, prev_word), text
            if _POSSESSIVE_BEFORE.search(text, max(start, cue - 12), cue):
                found[1] += 1
                assert _may_be_possessive(text, start, cue), text
    assert all(found)  # both patterns matched some of the texts


def test_single_quotes_found_at_their_marks_are_the_ones_finditer_finds():
    from provenance.attributions.chains import (
        _SINGLE_QUOTE,
        _SINGLE_QUOTE_CHAR,
        quote_type,
    )

    rng = random.Random(5)
    marks = ["'", "‘", "’", " ", "a", ".", ",", "\n", "Ann", "x's"]
    for _ in range(3000):
        piece = "".join(rng.choice(marks) for _ in range(rng.randint(0, 14)))
        expected = [m.start() for m in _SINGLE_QUOTE.finditer(piece)]
        assert [m.start() for m in _SINGLE_QUOTE_CHAR.finditer(piece) if _SINGLE_QUOTE.match(piece, m.start())] == expected, repr(piece)
    text = "He called it ‘a plan’ and said ‘no’ again."
    assert quote_type(text, (0, len(text))) == "mixed"
    text = "The plan failed, as expected."
    assert quote_type(text, (0, len(text))) == "indirect"


def test_a_gate_of_few_words_finds_each_word():
    gate = lexicon().reason_gate
    assert gate._few is not None
    for word in gate._few:
        assert gate.may_match(f"xx {word} yy") and gate.may_match_within(f"xx {word.upper()} yy", 0, len(word) + 6)
    assert not gate.may_match("nothing to see here")


def test_a_signature_needs_a_dash_in_the_sentence():
    # extract_sentence looks for a sentence-opening signature only where the sentence has a dash
    rng = random.Random(3)
    for text in _texts(400):
        text = text.replace("-", " ").replace("–", " ").replace("—", " ")
        head = "".join(rng.choice(" \n\"”") for _ in range(rng.randint(0, 3)))
        quoted = '"It is done." '  # a closed quotation before: what a signature needs besides the dash
        piece = quoted + head + text
        assert not _has_dash(piece, len(quoted), len(piece))
        assert _signature(piece, len(quoted), len(piece)) is None
    signed = '"It is done."  - Ann Bell.'
    assert _signature(signed, signed.index(" -"), len(signed)) is not None


def test_a_negated_auxiliary_ends_in_t():
    # left_subject asks _NEGATED_AUX only of tokens that end in "t"
    words = [w for text in _texts(300) for w in text.lower().split()]
    words += [a + "n" + q + "t" for a in ("do", "does", "did", "has", "would", "wo", "ca", "is", "were") for q in "'’"]
    for w in words:
        if _NEGATED_AUX.fullmatch(w):
            assert w[-1:] == "t"
    assert _NEGATED_AUX.fullmatch("didn’t") and _NEGATED_AUX.fullmatch("won't")


def test_a_multiword_cue_split_by_a_line_break_is_the_same_cue():
    # _verb_cue normalizes the spaces of a form only when it is not a single word
    one = "The mayor pointed out that the bridge was safe."
    two = "The mayor pointed\n  out that the bridge was safe."
    a, b = extract_sentence(one, 0, len(one)), extract_sentence(two, 0, len(two))
    assert len(a) == len(b) == 1
    assert " ".join(two[b[0].cue[0] : b[0].cue[1]].split()) == one[a[0].cue[0] : a[0].cue[1]] == "pointed out"
    assert one[a[0].links[0].start : a[0].links[0].end] == two[b[0].links[0].start : b[0].links[0].end] == "The mayor"


def test_drop_intro_with_and_without_a_comma():
    # the comma is searched for only where the subject's tokens hold one
    for text, expected in [("Yesterday, Friday, the minister", "the minister"), ("the regional minister", "the regional minister"), ("In a statement, the council", "the council")]:
        toks = tokenize(text, 0, len(text))
        lo, _ = _drop_intro(toks, 0, len(toks.text), text)
        assert text[toks.start[lo] :] == expected


def test_marks_are_the_mark_patterns_matches():
    # paragraph_quotations reads the marks off str.find per mark (and per pair of apostrophes), not _MARK.finditer
    rng = random.Random(11)
    alphabet = list("ab 5'\"“”«»\n,.9")
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    texts += ["5'''x", "''a''", "'" * 3, "5''", 'a5"b', "it's 5'10\" ''tall''", ""]
    for text in texts:
        assert list(_marks(text)) == [(m.start(), m.end(), m.group()) for m in _MARK.finditer(text)]


def test_a_subject_without_a_dash_has_no_dateline():
    # _cut_dateline tries _DATELINE only where the subject holds a dash
    from provenance.attributions.speaker import _DATELINE as SUBJECT_DATELINE

    rng = random.Random(5)
    for text in _texts(500):
        text = "".join(rng.choice("ABC(") if c == "-" else c for c in text).replace("–", "(").replace("—", ")")
        for s in (0, len(text) // 2):
            assert SUBJECT_DATELINE.match(text, s, len(text)) is None
    for line in ["CAIRO (AP) - The minister", "PARIS, Aug 31 (Reuters) — The council", "Nablus-WAFA- The mayor", "(Reuters) – Officials"]:
        assert SUBJECT_DATELINE.match(line) is not None
        for dash in "-–—":
            line = line.replace(dash, " ")
        assert SUBJECT_DATELINE.match(line) is None


def test_char_offsets_are_the_character_sets_matches():
    from provenance.attributions.cues import QUOTES
    from provenance.attributions.scan import _ANY_QUOTE_MARK, char_offsets

    rng = random.Random(13)
    alphabet = list("ab ,\n'") + list(QUOTES)
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert char_offsets(text, QUOTES) == [m.start() for m in _ANY_QUOTE_MARK.finditer(text)]


def test_caps_run_with_the_boundary_after_the_capital_matches_as_with_it_before():
    import re

    from provenance.attributions.article import _CAPS_RUN

    plain = re.compile(r"\b" + _CAPS_RUN.pattern.replace(r"[A-Z](?<=\b[A-Z])", "[A-Z]", 1))
    assert plain.pattern.startswith(r"\b[A-Z][")
    rng = random.Random(17)
    alphabet = list("AaBb Zz-'’_é1\n.") + ["al ", "bin-", "Éa"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        for s in (0, len(text) // 3):
            assert [m.span() for m in _CAPS_RUN.finditer(text, s)] == [m.span() for m in plain.finditer(text, s)]


def test_a_name_beside_a_word_is_found_where_the_regex_finds_it():
    import re

    from provenance.attributions.punctuation import _named_beside

    rng = random.Random(11)
    words = ["Reed", "Ann", "Bell", "O'Neil", "Tan-Li", "Reed.", "-Reed", "_x", "İrem", "Ré"]
    extra = ["Ann Reed", "Dr. Reed", "Reed Bell", "x.Ann  Reed", "Reed:", "Reed Tan", "A.B. Reed", "reed Bell", "’Ann Reed", "\nReed\tBell"]
    checked = found = 0
    for text in _texts(1500, seed=13):
        pieces = text.split(" ")
        for _ in range(rng.randint(0, 3)):
            pieces.insert(rng.randint(0, len(pieces)), rng.choice(extra + words))
        text = rng.choice(["", " ", "\n"]).join(pieces) if rng.random() < 0.2 else " ".join(pieces)
        for word in words:
            w = re.escape(word)
            for colon_ok, pattern in ((False, r"\b[A-Z][\w.'’\-]*\s+" + w + r"\b(?!:)|\b" + w + r"\s+[A-Z][a-z]+\b"), (True, r"\b[A-Z][\w.'’\-]*\s+" + w + r"\b|\b" + w + r"\s+[A-Z][a-z]+\b")):
                expected = re.search(pattern, text) is not None
                assert _named_beside(text, word, colon_ok=colon_ok) == expected, (text, word, colon_ok)
                checked += 1
                found += expected
    assert found > 500 and checked - found > 500  # both answers met often


def test_a_contracted_pronoun_link_is_three_to_seven_characters_long():
    # build tries _CONTRACTED_PRONOUN.fullmatch only on links of those lengths
    from provenance.attributions.article import _CONTRACTED_PRONOUN

    rng = random.Random(5)
    pieces = ["he", "She", "THEY", "we", "I", "you", "ſhe", "'", "’", "s", "ve", "d", "ll", "re", "S", "x", " "]
    met = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
        if _CONTRACTED_PRONOUN.fullmatch(text):
            met += 1
            assert 3 <= len(text) <= 7, text
    assert met > 50


def test_the_quotation_signal_is_given_where_the_quotation_pattern_matches():
    # claim_signals searches _QUOTATION only in a sentence that holds one of the marks it opens with
    from provenance.attributions.profile import _QUOTATION

    met = 0
    for text in _texts(3000, seed=23):
        expected = _QUOTATION.search(text) is not None
        met += expected
        assert ("quotation" in claim_signals(text)) == expected, text
    assert met > 100


def test_a_pattern_that_ends_at_the_end_matched_reversed_finds_what_its_search_finds():
    # _negated, _participle: every match ends with "$", so the piece reversed is matched once at its start
    import re

    from provenance.attributions.constructions import _PARTICIPLE_LEAD, _PARTICIPLE_LEAD_REVERSED, _PROGRESSIVE_AUX, _PROGRESSIVE_AUX_REVERSED
    from provenance.attributions.finders import reversed_at_end

    negator = lexicon().negator_re
    assert lexicon().negator_at_end is not None and _PARTICIPLE_LEAD_REVERSED is not None and _PROGRESSIVE_AUX_REVERSED is not None
    pairs = [(negator, lexicon().negator_at_end), (_PARTICIPLE_LEAD, _PARTICIPLE_LEAD_REVERSED), (_PROGRESSIVE_AUX, _PROGRESSIVE_AUX_REVERSED)]
    pairs += [(rx, reversed_at_end(rx)) for rx in (re.compile(r"(?:x\b|y)\w*?$"), re.compile(r"(a|bc)+\s*$", re.I))]
    rng = random.Random(13)
    words = ["not", "NEVER", "no", "longer", "didn't", "don’t", "declined", "to", "too", "early", "without", "is", "are", "also", "in", "after", "a", "bc", "x", "y", "ſay", "ıt", "said"]
    seps = [" ", "  ", "\n", "\t", "", ",", "-", "—", "\u00a0", '"']
    found = [0] * len(pairs)
    for _ in range(6000):
        piece = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(0, 6)))
        piece = piece[rng.randint(0, len(piece)) :] if rng.random() < 0.3 else piece
        for k, (rx, rev) in enumerate(pairs):
            hit = rx.search(piece) is not None
            assert hit == (rev.match(piece[::-1]) is not None), (rx.pattern, piece)
            found[k] += hit
    assert all(found)
    # a slice's \b at its first character sees nothing before it: a search with offsets matches no more often
    assert _PROGRESSIVE_AUX.search("this ", 2) is None and _PROGRESSIVE_AUX_REVERSED.match("this "[2:][::-1])
    for source in (r"a$|b", r"(?m)x$", r"(?<=a)b$", r"^ab$", r"ab", r"(a|b$)", r"a$b", r"(?:a$)+"):
        assert reversed_at_end(re.compile(source)) is None, source


def test_quotations_over_sentences_read_from_the_scans_marks_are_the_same():
    # Scan.quotations hands QuoteRegions the offsets of QUOTES without "„" instead of a search for _MARK_CHARS
    from provenance.attributions.cues import QUOTES
    from provenance.attributions.quote_regions import _MARK_CHARS, QuoteRegions, char_offsets
    from provenance.attributions.scan import Scan

    assert set(QUOTES) - {"„"} == set(_MARK_CHARS)
    rng = random.Random(17)
    alphabet = list("ab 5'\"“”«»„\n,.") + ["said ", "Ann "]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 50)))
        assert Scan(text).quotations.spans == QuoteRegions(text).spans == QuoteRegions(text, char_offsets(text, _MARK_CHARS)).spans


def test_quote_type_and_a_trailing_join_with_their_shortcuts():
    # quote_type returns "indirect" without copying a span that holds no mark; _trailing_join stops at once
    # where the content ends with a character no join holds
    from provenance.attributions.chains import _TRAILING_JOIN, _trailing_join, quote_type
    from provenance.attributions.quote_regions import char_offsets

    rng = random.Random(19)
    alphabet = list("ab .,;:-—'‘’\"“”\n") + ["and", "but", "so", "it", "said"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        s, e = sorted((rng.randint(0, len(text)), rng.randint(0, len(text))))
        assert quote_type(text, (s, e), char_offsets(text, "\"“”«»„")) == quote_type(text, (s, e))
        piece = text[s:e]
        got, expected = _trailing_join(piece), _TRAILING_JOIN.search(piece)
        assert (got and got.span()) == (expected and expected.span())


def test_np_span_tries_its_lead_patterns_only_after_their_words():
    # _np_span skips _CLEAN_LEAD and _ACCORDING_LEAD where the phrase opens with an ASCII word that none opens with
    from provenance.attributions.extract_common import _ACCORDING_LEAD, _CLEAN_LEAD, _np_span

    def plain(text, toks, lo, hi):
        s, e = _strip(text, toks.start[lo], toks.end[hi - 1])
        for rx in (_CLEAN_LEAD, _ACCORDING_LEAD):
            m = rx.match(text, s, e)
            s = m.end() if m else s
        return (s, e) if s < e else None

    rng = random.Random(23)
    words = ["According", "to", "WHAT", "was", "Reported", "by", "ſaid", "İs", "is", "quoted", "the", "mayor", ",", "-", "Ann", "Bell", "cited", "That", "which"]
    found = 0
    for _ in range(1500):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 9)))
        toks = tokenize(text, 0, len(text))
        for lo in range(len(toks)):
            for hi in range(lo + 1, len(toks) + 1):
                expected = plain(text, toks, lo, hi)
                assert _np_span(text, toks, lo, hi) == expected, (text, lo, hi)
                found += expected != _strip(text, toks.start[lo], toks.end[hi - 1])
    assert found  # the lead patterns cut some phrases
