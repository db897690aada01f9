"""Build provenance/rules/kinds/data/grammar_lexicon.tsv.gz, the part-of-speech
and number lexicon that the ``grammar`` rule kind reads (run by hand when the
lexicon changes; needs the ``build-data`` extra):

    pip install wordfreq==3.1.1 lemminflect==0.2.3
    python tools/build_grammar_lexicon.py

Only build time needs the two packages: the check reads the gzip file.
The words are wordfreq's most frequent English words (lower case, letters,
apostrophes and hyphens), each with the flags of what lemminflect knows of it:

  n  singular noun form (NN)          p  plural noun form (NNS)
  m  a noun also used as a mass noun ("decision", "evidence", "fish"): not a plural
  b  base verb form (VB/VBP)          z  third person singular present (VBZ)
  d  past tense (VBD)                 e  past participle (VBN)
  g  present participle (VBG)         a  adjective
  r  adverb                           x  auxiliary or modal
  c  closed-class word (determiner, pronoun, preposition, conjunction,
     numeral: the hand list CLOSED below, which lemminflect does not cover)

A word in the file with no flag is a known English word that lemminflect
does not classify (an interjection, a name, an abbreviation): it still counts
as vocabulary. Lines are ``word<TAB>flags``, sorted, so the file is byte-identical
from one build to the next.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import lemminflect
import wordfreq

OUT = Path(__file__).resolve().parent.parent / "provenance" / "rules" / "kinds" / "data" / "grammar_lexicon.tsv.gz"
TOP = 40000
_WORD = re.compile(r"[a-z](?:[a-z'\-]*[a-z])?")
_VERB_TAGS = {"VB": "b", "VBP": "b", "VBZ": "z", "VBD": "d", "VBN": "e", "VBG": "g"}
#: Closed classes lemminflect leaves out: determiners, pronouns, prepositions,
#: conjunctions, numerals and the few other function words.
CLOSED = """
a an the this that these those my your his her its our their whose which what whatever whichever
some any no every each either neither both all half several many much more most few fewer less least
other another such own same enough
i me you he him she we us they them it myself yourself himself herself itself ourselves themselves
one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand
million billion dozen first second third
of in on at by for from with without within into onto upon about above below under over after before
during since until till through throughout across along among amid against toward towards between
beyond behind beside besides near off out up down around via per despite unlike like than as to
and or but nor yet so if unless because although though while whereas whether when where why how
who whom not there here
someone somebody anyone anybody everyone everybody nobody something anything everything nothing
""".split()  # noqa: SIM905 (a word list reads better as text)
AUX = "be is are was were am been being have has had do does did will would shall should can could may might must".split()  # noqa: SIM905


def flags_of(word: str) -> str:
    flags: set[str] = set()
    lemmas = lemminflect.getAllLemmas(word)
    for lemma in lemmas.get("NOUN", ()):
        infl = lemminflect.getAllInflections(lemma, upos="NOUN")
        if word in infl.get("NN", ()) or lemma == word:
            flags.add("n")
        plurals = infl.get("NNS", ())
        if word in plurals:
            # lemminflect gives a noun that can be a mass noun its own form as a
            # second plural ("decisions", "decision"): that is "m", not a plural;
            # an invariant plural ("series", "police") has no other
            flags.add("m" if word == lemma and len(plurals) > 1 else "p")
    for upos in ("VERB", "AUX"):
        for lemma in lemmas.get(upos, ()):
            infl = dict(lemminflect.getAllInflections(lemma, upos=upos))
            # lemminflect leaves VBN out where it is the past tense ("occupied")
            infl.setdefault("VBN", infl.get("VBD", ()))
            for tag, flag in _VERB_TAGS.items():
                if word in infl.get(tag, ()):
                    flags.add(flag)
            if lemma == word:
                flags.add("b")
    if "ADJ" in lemmas:
        flags.add("a")
    if "ADV" in lemmas:
        flags.add("r")
    if word in AUX or "AUX" in lemmas:
        flags.add("x")
    if word in CLOSED:
        flags.add("c")
    return "".join(sorted(flags))


def main() -> None:
    rows = {}
    for word in wordfreq.top_n_list("en", TOP):
        if _WORD.fullmatch(word) and word not in rows:
            rows[word] = flags_of(word)
    for word in CLOSED + AUX:
        rows[word] = flags_of(word)
    body = "".join(f"{w}\t{f}\n" for w, f in sorted(rows.items()))
    header = f"# lemminflect 0.2.3 (MIT; SPECIALIST Lexicon) + wordfreq 3.1.1 top {TOP} (CC BY-SA 4.0 data), tools/build_grammar_lexicon.py\n"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same lexicon gives the same bytes
    OUT.write_bytes(gzip.compress((header + body).encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{len(rows)} words -> {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
