"""The ``mtqe`` kind: a sentence that reads as untouched machine translation.

Raw machine translation from Arabic keeps the Arabic word order where English
has none: the verb before its subject (قال فلان …، "He said Khalil, …" /
"Explained a member of the committee …"), the pronoun of a verb that was lost
before the name it stands for ("She Marei that …"), a sentence that starts in
lower case with the verb of a split-off attribution ("said the committee that
…"), and the quoting particle إن rendered as "that" after a colon
("pointed to: that …"). None of these is a phrase a phrase rule can list: they
are shapes of the sentence start and of its function words.

The model is a sum of weighted evidence per body sentence (paragraph scope),
no statistics of the corpora ship:

strong evidence (weight 2, enough on its own):
  inversion   "(And) He/She/It" + speech verb + a capitalized name followed by
              a comma, "that", "(" or a colon ("He added Samir that");
              verbs that take an object ("told", "urged") are not speech verbs
              here, so "He told the Times that" is no hit;
  verb-first  a capitalized speech verb followed by a determiner
              ("Explained a member …"); "Said"/"Added" are left out, since
              US news writes "Said the senator: …";
  it-verb     "It" + a speech verb other than "said"/"added" + a determiner
              and a person noun ("It revealed a member of the board …":
              كشف عضو, the verb's person rendered as "it");
  said-poss   "Said"/"Added" + a name + "'s" ("Said Samir's agency that …");
  pron-name   "He/She" directly before a capitalized name and "that", a
              quotation mark or a comma ("She Samir that …");
  quoted-name a one-word name in quotation marks as the subject of a speech
              verb ('And "Samir" added'): MT quotes names it does not know;
  lower-verb  a sentence of six words or more whose first word is a lower-case
              speech verb or "and" ("said the committee that …");
  dateline-lower  the same after a wire dateline, any lower-case first word;
  colon-that  a speech verb (optionally + "to") + colon + "that";
  weekday     a bare weekday between commas after a lower-case word and before
              one ("the board, Sunday, that the pumps …": Arabic "…، السبت، …");
              not after today/yesterday/tomorrow (PV210's). 0 hits on PolNeAR
              train and NTREX, 8 in tuneA.

weak evidence (weight 1; two of them make a hit):
  comma-that  "He continued, that …" (native "He hoped, he said, that" has
              the verb second, not first);
  doubled     a doubled function word ("the the", "of of"; not "that that",
              "had had", "in in", which English allows);
  spaced      a space before a comma or a comma after a bare preposition
              ("in , and").

A sentence scoring ``threshold`` (2) or more is reported, the whole sentence,
with its evidence named in the message. The splitter does not break before a
lower-case word, so the kind cuts a sentence itself at a period after a
lower-case word of three letters or more ("… late. said the board …").
Calibration (docs/machine-translation.md): on PolNeAR train (840 articles,
624k words), the NTREX English originals (42k words), the seeds and the human
translations of the tune split no sentence scores 2; in the 20
machine-translated tune files 20 sentences do, each one overlapping a gold
fragment/other item. A class-trigram surprisal model was tried and dropped
(the salad uses ordinary function-word sequences).

The gated tier (PV143, warning; ``document_gate``): in an article where at least
``document_gate`` sentences score 2 (raw machine output for sure), a sentence
with ``threshold`` (1) weak signs is reported, quoted or not (quoted words went
through the same machine): the doubled word, the spacing fault, "that" after a
comma, the bare weekday; a capitalized "And"/"But"/"The"/"Or" after a lower-case
word (two sentences run together); ``main_verb``: a sentence of ``min_words``
or more with no main verb (``_mainverb``); ``long_words``: a run-on sentence
(Arabic chains clauses with و where English starts new sentences). Such weak
signs are common in native copy, hence the gate: no control article has a
sentence scoring 2, so the tier never runs there. ``runon_gate`` opens it too
in an article where that share of the sentences (two at least) run on for
``long_words`` or more: a translation nobody cut into English sentences (no
PolNeAR train or NTREX article passes at 0.5).

The marker-gated tier (PV144, info; ``markers``): the weak signs named in
``signs`` (the run-on, the doubled word), in an article with no sentence
scoring 2 but dense in structural markers of translation from Arabic (speech
verb + "that", ", indicating that", "the need to", "a number of"): at least
``marker_count`` matches and ``marker_rate`` per 1,000 words (19 of 840
PolNeAR articles, 4 of 123 NTREX ones pass; keyness in
docs/machine-translation.md).
``marked-long`` (with ``marked_long_words``): a shorter run-on that holds
one of those markers itself, where the Arabic clause chain shows. Below the gate,
with ``ungated_long_words``, the tier reports only a sentence that long (a run-on
English news rarely writes, in an article not known to be translated). In raw
machine output (PV143's article), with ``raw_long_words``, a run-on shorter than
``long_words`` that PV143 has no weak sign for is reported here, at info. With
``raw_titles``, so is the headline of such an article.

params:
  document_gate: 0      (PV143) sentences scoring 2 needed before the weak tier reports
  main_verb: false      (PV143) a sentence with no main verb is one weak sign
  long_words: 0         (PV143) a sentence of this many words or more is one weak sign (0: off)
  marked_long_words: 0  (PV144) ... or this many when the sentence holds a marker (sign marked-long; 0: off)
  ungated_long_words: 0 (PV144) below the gate, a sentence of this many words or more (0: off)
  raw_long_words: 0     (PV144) in raw MT, a sentence of this many words PV143 has no sign for (0: off)
  runon_gate: 0         (PV143) the gate opens too when this share of the article's sentences (two at
                        least) have ``long_words`` or more (0: off)
  raw_titles: false     (PV144) in raw MT, the headline too (min_words or more; scope must hold title)
  markers: [...]        (PV144) regexes of structural markers; set, they replace the PV140 gate
  marker_count: 1       (PV144) markers the article needs
  marker_rate: 0        (PV144) markers per 1,000 words the article needs
  signs: [...]          (gated tiers) the weak signs that count: doubled, spaced, comma-that, weekday,
                        mid-capital, long, main-verb, marked-long (default: all)
  speech_verbs: [...]   verbs of saying that invert with their subject
  object_verbs: [...]   words never treated as the inverted verb ("told")
  subject_nouns: [...]  (it-verb) person nouns that follow the verb as its subject
  lower_openers: [...]  lower-case first words of a split-off attribution
  doubled: [...]        function words that may not be doubled
  min_words: 6          shortest sentence looked at (lower-verb)
  threshold: 2
"""

from __future__ import annotations

import re
from typing import Iterable

from provenance.document import PARAGRAPH, TITLE
from provenance.rules import Hit
from provenance.rules.kinds._mainverb import has_main_verb
from provenance.rules.kinds._prefilter import count as count_matches, finders
from provenance.rules.model import Rule

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
_NAME = r"(?!I\b)(?:[ae]l-)?[A-Z][\w'\u2019\-]+(?:[ \-][A-Z][\w'\u2019\-]+)*"
#: A one-word name in quotation marks as the subject ("And "Samir" added"): MT quotes names it does not know.
_QUOTED_NAME = r"[\"\u201c][A-Z][\w\-]+[\"\u201d]"
_QUOTE_OPEN = "\"\u201c\u00ab'\u2018"
#: A wire dateline before the sentence proper ("BAGHDAD / .. "): not its start.
_DATELINE = re.compile(r"[A-Z][A-Z'\-]{2,}(?: [A-Z][A-Z'\-]+){0,2}\s*(?:\([^)]{0,40}\)\s*)?(?:[/\-\u2013\u2014:]\s*)+(?:\.+\s*)?")

#: A period, spaces and a lower-case word: a sentence break the splitter does not make.
_LOWER_SPLIT = re.compile(r"\.[ \t]+(?=[a-z]{2})")
#: The word before it must be a word of three letters or more ("a.m. and" is no break), not "etc.".
_WORD_BEFORE = re.compile(r"(?:^|[^\w.])(?!etc$|vs$|approx$)[a-z]{3,}\)?$")

STRONG, WEAK = 2, 1
#: The signs the gated tier (PV143) counts, anywhere in the sentence.
_WEAK_SIGNS = ("doubled", "spaced", "comma-that", "weekday")
#: Every weak sign by name, for a rule's ``signs`` (long and main-verb also need long_words / main_verb).
_ALL_SIGNS = frozenset(_WEAK_SIGNS) | {"mid-capital", "long", "main-verb", "marked-long"}
#: "… the new pumps And ordered more …": a capital conjunction or article after a lower-case word,
#: where MT ran two sentences together (0 on NTREX, 3 on PolNeAR train: typos; gated anyway).
_MID_CAPITAL = re.compile(r"(?<=[a-z] )(?:And|But|The|Or) (?=[a-z]{3})")


class MachineTranslationChecker:
    def __init__(self, rule: Rule):
        p = rule.params
        self.rule = rule
        objects = {w.lower() for w in p.get("object_verbs", [])}
        verbs = [w.lower() for w in p.get("speech_verbs", []) if w.lower() not in objects]
        alt = "|".join(sorted(map(re.escape, verbs), key=len, reverse=True))
        cap = "|".join(sorted((re.escape(v[0].upper() + v[1:]) for v in verbs if v not in ("said", "added")), key=len, reverse=True))
        lower_alt = "|".join(sorted((re.escape(v) for v in verbs if v not in ("said", "added")), key=len, reverse=True))
        persons = "|".join(sorted(map(re.escape, p.get("subject_nouns", [])), key=len, reverse=True))
        openers = "|".join(sorted(map(re.escape, (w.lower() for w in p.get("lower_openers", []))), key=len, reverse=True))
        doubled = "|".join(sorted(map(re.escape, (w.lower() for w in p.get("doubled", []))), key=len, reverse=True))
        self.min_words = int(p.get("min_words", 6))
        self.threshold = int(p.get("threshold", 2))
        #: The gated tier (PV143): sentences of raw MT needed in the article before weaker signs count.
        self.document_gate = int(p.get("document_gate", 0))
        self.main_verb = bool(p.get("main_verb", False))
        self.long_words = int(p.get("long_words", 0))
        #: (PV144) a shorter run-on counts when it holds a marker itself: the connectives are where
        #: the Arabic clause chain shows, and native long sentences rarely carry them (0: off)
        self.marked_long_words = int(p.get("marked_long_words", 0))
        #: (PV144) below the gate, a sentence this long is reported all the same: native news
        #: rarely writes one (70 words: 0.05 per 1,000 words on PolNeAR train, none in NTREX; 0: off)
        self.ungated_long_words = int(p.get("ungated_long_words", 0))
        #: (PV144) in raw machine output, a sentence this long that PV143 (warning) reports nothing on,
        #: at info: a run-on there is where the salad is, but too often right to be a warning (0: off)
        self.raw_long_words = int(p.get("raw_long_words", 0))
        #: The run-on gate (PV143): the share of the article's sentences (two at least) that run on for
        #: ``long_words`` or more; such an article was never cut into English sentences (0: off).
        self.runon_gate = float(p.get("runon_gate", 0))
        #: (PV144) in raw machine output, the headline too (of ``min_words`` or more), at info
        self.raw_titles = bool(p.get("raw_titles", False))
        #: The marker gate (PV144): structural markers of translation from Arabic, and how many the
        #: article needs (a count and a rate per 1,000 words) before weaker signs count; None: no such gate.
        markers = p.get("markers") or []
        # markers that open at a word start are tried only there (twice as fast: most positions are inside a word)
        at_word = [m for m in markers if m.startswith(("\\b", "^", "(?:^"))]
        groups = [r"(?<!\w)(?:" + "|".join(f"(?:{m})" for m in at_word) + ")"] if at_word else []
        groups += ["|".join(f"(?:{m})" for m in markers if m not in at_word)] if len(at_word) < len(markers) else []
        self.markers = [re.compile(g, re.M) for g in groups] if markers else None
        # the word-start group opens with a look-behind: counted from its markers' own matches (_prefilter)
        self._marker_finders = [finders(at_word, re.M)] + [None] * (len(groups) - 1) if at_word else [None] * len(groups)
        self.marker_count = int(p.get("marker_count", 1))
        #: The weak signs the gated tiers count (None: all of them).
        self.signs = set(p["signs"]) if p.get("signs") else None
        self.marker_rate = float(p.get("marker_rate", 0))
        cap_words = {v.split()[0][0].upper() + v.split()[0][1:] for v in verbs if v not in ("said", "added")}
        lower_words = {w.split()[0] for w in p.get("lower_openers", [])}
        #: Per feature, the first words it can open with (None: anywhere in the sentence).
        self.gates = {
            "inversion": {"And", "He", "She", "It"},
            "verb-first": {"And"} | cap_words,
            "said-poss": {"Said", "Added"},
            "pron-name": {"He", "She"},
            "it-verb": {"It"},
            "lower-verb": lower_words,
        }
        # (name, weight, pattern, what the editor is told); each heuristic's reason is in the docstring
        self._quoted_name = re.compile(rf"(?:And )?{_QUOTED_NAME} ")
        self.first_words = set().union(*self.gates.values())
        self.features = [
            ("inversion", STRONG, re.compile(rf"^(?:(?:And )?(?:He|She|It) |And )(?:{alt}) {_NAME}(?:['\u2019]s)?(?:,| that\b| \(|:)"),
             "the verb stands before its subject, in Arabic order"),
            ("verb-first", STRONG, re.compile(rf"^(?:And )?(?:{cap}) (?:the|a|an|by) ") if cap else None,
             "the sentence opens with its verb, in Arabic order"),
            ("it-verb", STRONG, re.compile(rf"^It (?:{lower_alt}) (?:an?|the) (?:{persons})\b") if persons and lower_alt else None,
             "“It” stands for the verb's person and the subject follows, in Arabic order"),
            ("said-poss", STRONG, re.compile(rf"^(?:Said|Added) {_NAME}['\u2019]s "),
             "the sentence opens with its verb, in Arabic order"),
            ("pron-name", STRONG, re.compile(rf"^(?:He|She) {_NAME}(?:['\u2019]s)? (?:that\b|[\"\u201c,])"),
             "a pronoun stands before the name it replaces, where a verb was lost"),
            ("lower-verb", STRONG, re.compile(rf"^(?:{openers})\b") if openers else None,
             "the sentence starts in lower case with a verb or a conjunction"),
            ("quoted-name", STRONG, re.compile(rf"^(?:And )?{_QUOTED_NAME} (?:{alt})\b"),
             "a name in quotation marks stands as the subject, in Arabic order"),
            ("dateline-lower", STRONG, re.compile(r"^[a-z]"),
             "the sentence after the dateline starts in lower case"),
            ("weekday", STRONG, re.compile(r"(?<![Tt]oday)(?<![Yy]esterday)(?<![Tt]omorrow)(?<=[a-z\)]), (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?=[a-z])"),
             "a bare weekday stands between commas, in Arabic order (“…، الأحد، …”)"),
            ("colon-that", STRONG, re.compile(rf"\b(?:{alt}|pointed)(?: to)?: that\b", re.I),
             "“that” after a colon renders the Arabic quoting particle"),
            ("comma-that", WEAK, re.compile(rf"^\w+ (?:{alt}), that\b"),
             "“that” after a comma renders the Arabic quoting particle"),
            ("doubled", WEAK, re.compile(rf"\b({doubled}) \1\b", re.I) if doubled else None,
             "a function word is doubled"),
            ("spaced", WEAK, re.compile(r"\w ,|, ,|\b(?:in|of|and|the|to) [,.]"),
             "punctuation is spaced or follows a bare function word"),
        ]
        #: What ``_score`` reads besides the threshold: rules alike here share their strong pieces (``_strong``).
        self._score_key = (
            self.min_words,
            tuple(sorted((k, tuple(sorted(v))) for k, v in self.gates.items())),
            tuple((name, weight, None if pattern is None else (pattern.pattern, pattern.flags)) for name, weight, pattern, _ in self.features),
        )

    def _all_pieces(self, doc) -> list[tuple[int, int, int]]:
        """``_pieces``, kept on the document: the kind's three rules cut the same sentences."""
        pieces = doc.annotations.get("_mtqe_pieces")
        if pieces is None:
            pieces = doc.annotations["_mtqe_pieces"] = list(self._pieces(doc))
        return pieces

    def _strong(self, doc, pieces: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """The pieces scoring ``STRONG`` or more (PV140's test), kept on the document for the rules that
        score alike. At a threshold of ``STRONG`` or less, the doubled-word shortcut of ``_score`` skips
        only a sentence that cannot reach ``STRONG`` either way, so the answer does not depend on it."""
        if self.threshold > STRONG:
            return [p for p in pieces if self._score(doc.text, *p)[0] >= STRONG]
        cache = doc.annotations.setdefault("_mtqe_strong", {})
        strong = cache.get(self._score_key)
        if strong is None:
            strong = cache[self._score_key] = [p for p in pieces if self._score(doc.text, *p)[0] >= STRONG]
        return strong

    def _pieces(self, doc) -> Iterable[tuple[int, int, int]]:
        """(paragraph start, start, end) of each body sentence, cut at "… late. said …"."""
        text = doc.text
        for seg in doc.segments:
            if seg.kind != PARAGRAPH:
                continue
            for sent in seg.sentences:
                start = sent.start
                # the splitter does not break before a lower-case word ("… late. said the board …"):
                # each such piece is checked as the sentence it is
                for cut in _LOWER_SPLIT.finditer(text, sent.start, sent.end):
                    if not _WORD_BEFORE.search(text, max(sent.start, cut.start() - 12), cut.start()):
                        continue
                    yield seg.start, start, cut.start() + 1
                    start = cut.end()
                yield seg.start, start, sent.end

    def check(self, doc) -> Iterable[Hit]:
        text = doc.text
        if self.markers is not None:
            yield from self._check_marked(doc)
            return
        if not self.document_gate:
            pieces = self._all_pieces(doc)
            if self.threshold == STRONG:  # reported: the strong pieces, which the gated rules want too
                pieces = self._strong(doc, pieces)
            for para_start, start, end in pieces:
                hit = self._check_sentence(text, para_start, start, end)
                if hit is not None:
                    yield hit
            return
        # the gated tier: only in an article with `document_gate` sentences of raw MT (PV140's; 1 in the pack),
        # where weaker signs are enough, since the article is known to be raw machine output
        pieces = self._all_pieces(doc)
        strong = self._strong(doc, pieces)  # PV140's test, with its shortcuts
        if len(strong) >= self.document_gate:
            why = f"{len(strong)} sentence{'s' if len(strong) > 1 else ''} in Arabic order elsewhere"
        else:
            runons = self._runons(text, pieces)
            if not runons:
                return
            why = f"{runons} of its {len(pieces)} sentences run on for {self.long_words} words or more, never cut into English sentences"
        strong_spans = {(start, end) for _, start, end in strong}
        for para_start, start, end in pieces:
            if (start, end) in strong_spans:
                continue  # PV140 reports it
            evidence = self._weak_evidence(text[start:end])
            if WEAK * len(evidence) >= self.threshold:
                yield Hit(start, end, (
                    f"in an article that reads as raw machine translation ({why}), "
                    "this sentence too shows its marks (" + "; ".join(evidence) + "): check it against the original"
                ), None)

    def _runons(self, text: str, pieces: list[tuple[int, int, int]]) -> int:
        """The run-on gate: how many sentences run on for ``long_words`` or more when they are two at
        least and ``runon_gate`` of all the article's sentences (0: the gate stays shut)."""
        if not self.runon_gate or not self.long_words or len(pieces) < 2:
            return 0
        # an edited translation, human or native, cuts the Arabic chain of و clauses into sentences:
        # none of the 840 PolNeAR train articles has half of its sentences at 45 words or more
        runons = sum(1 for _, start, end in pieces if self._run_on(text[start:end], self.long_words))
        return runons if runons >= 2 and runons >= self.runon_gate * len(pieces) else 0

    def _check_marked(self, doc) -> Iterable[Hit]:
        """The marker-gated tier (PV144): in an article dense in structural markers of translation
        from Arabic (", indicating that", "the need to", "a number of") and with no sentence in
        Arabic order (that article is PV143's), a sentence with one weak sign. Below the gate, with
        ``ungated_long_words``, only a sentence of that many words; in raw machine output, with
        ``raw_long_words``, a sentence of that many words that PV143 leaves alone."""
        text = doc.text
        count = sum(sum(1 for _ in pattern.finditer(text)) if found_by is None else count_matches(pattern, found_by, text)
                    for pattern, found_by in zip(self.markers, self._marker_finders))
        gated = count >= self.marker_count  # most articles, native ones above all: too few markers, no need to count words
        if gated:
            words = len(_WORD.findall(text))
            gated = 1000 * count >= self.marker_rate * words
        # in raw machine output the headline went through the same machine (the rule's scope must hold "title")
        titles = [(seg.start, seg.prose_end, ["it is the headline, translated with the article"]) for seg in doc.segments
                  if seg.kind == TITLE and len(_WORD.findall(text, seg.start, seg.prose_end)) >= self.min_words] if self.raw_titles else []
        if not gated:
            least = min((n for n in (self.ungated_long_words, self.raw_long_words) if n), default=0)
            # the tiers below the gate need a long sentence (a piece lies in a sentence) or a headline
            if not titles and (not least or not any(text.count(" ", sent.start, sent.end) + 1 >= least for sent in doc.sentences)):
                return
        pieces = self._all_pieces(doc)
        if gated:
            found = [(start, end, self._weak_evidence(text[start:end])) for _, start, end in pieces]
            where = f"in an article dense in the connectives of translation from Arabic ({count} in {words} words), "
        else:
            found = [(start, end, self._run_on(text[start:end], self.ungated_long_words)) for _, start, end in pieces]
            where = ""
        found = [(start, end, evidence) for start, end, evidence in found if WEAK * len(evidence) >= self.threshold]
        # a raw-MT article can only matter here when a sentence is long enough for the raw tier, or it has a headline
        raw_possible = bool(titles) or bool(self.raw_long_words) and any(
            text.count(" ", start, end) + 1 >= self.raw_long_words for _, start, end in pieces)
        if not found and not raw_possible:
            return
        strong = {(start, end) for para_start, start, end in self._strong(doc, pieces)}
        if strong:
            if not self.raw_long_words and not titles:
                return  # raw machine output: PV140 and PV143 report it
            found = [(start, end, self._raw_run_on(text[start:end])) for _, start, end in pieces
                     if self.raw_long_words and (start, end) not in strong]
            found = sorted([(start, end, evidence) for start, end, evidence in found if evidence] + titles)
            where = f"in an article of raw machine translation ({len(strong)} sentence{'s' if len(strong) > 1 else ''} in Arabic order), "
        for start, end, evidence in found:
            yield Hit(start, end, (
                where + "this sentence shows signs of translation from Arabic (" + "; ".join(evidence)
                + "): check it against the original"
            ), None)

    def _raw_run_on(self, s: str) -> list[str]:
        """The run-on sign at ``raw_long_words`` for a sentence PV143 reports nothing on: none of its
        weak signs (all of them, the main verb's too, and a run-on at ``long_words``, PV143's own)."""
        evidence = self._run_on(s, self.raw_long_words)
        if not evidence:
            return []
        words = len(_WORD.findall(s))
        if words >= self.long_words or _MID_CAPITAL.search(s):
            return []
        if any(name in _WEAK_SIGNS and pattern is not None and _may_hold(name, s) and pattern.search(s)
               for name, _, pattern, _ in self.features):
            return []
        if words >= self.min_words and not has_main_verb(s):
            return []
        return evidence

    @staticmethod
    def _run_on(s: str, least: int) -> list[str]:
        """The run-on sign alone, at ``least`` words."""
        if s.count(" ") + 1 < least:
            return []  # too few spaces: no need to count the words
        words = len(_WORD.findall(s))
        return [f"it runs on for {words} words, clauses chained as in the Arabic"] if words >= least else []

    def _weak_evidence(self, s: str) -> list[str]:
        """The weak signs of one sentence (the gated tiers'), quoted or not: quoted words went through
        the same translation."""
        on = self.signs if self.signs is not None else _ALL_SIGNS
        evidence = [why for name, _, pattern, why in self.features
                    if name in _WEAK_SIGNS and name in on and pattern is not None and _may_hold(name, s) and pattern.search(s)]
        if "mid-capital" in on and _MID_CAPITAL.search(s):
            evidence.append("a capitalized conjunction or article in mid-sentence, where two sentences were run together")
        # the shortest run-on any sign on here needs
        shortest = min((n for n in (self.long_words, self.marked_long_words if "marked-long" in on else 0) if n), default=0)
        if self.signs is not None and "long" in on and s.count(" ") + 1 < shortest:
            return evidence  # too few spaces for a run-on: no need to count the words
        words = len(_WORD.findall(s))
        if self.long_words and words >= self.long_words:
            evidence.append(f"it runs on for {words} words, clauses chained as in the Arabic")
        elif ("marked-long" in on and self.markers is not None and 0 < self.marked_long_words <= words
              and any(pattern.search(s) for pattern in self.markers)):
            evidence.append(f"it runs on for {words} words and holds a connective of translation from Arabic")
        if self.main_verb and "main-verb" in on and words >= self.min_words and not has_main_verb(s):
            evidence.append("it has no main verb")
        return evidence

    def _check_sentence(self, text: str, para_start: int, start: int, end: int) -> Hit | None:
        score, evidence = self._score(text, para_start, start, end)
        if score < self.threshold:
            return None
        message = (
            "this sentence reads as untouched machine translation (" + "; ".join(evidence) + "): "
            "rewrite it from the original"
        )
        return Hit(start, end, message, None)

    def _score(self, text: str, para_start: int, start: int, end: int) -> tuple[int, list[str]]:
        """The sentence's score and evidence (PV140's test)."""
        none: tuple[int, list[str]] = (0, [])
        s = text[start:end]
        if not s or (s[0] in _QUOTE_OPEN and not self._quoted_name.match(s)):
            return none  # quoted speech keeps its speaker's order
        # cheap tests first: a strong sign needs a known first word (after a dateline in
        # capitals, if any) or ": that"; the weak ones alone need both a spacing fault and a
        # doubled word, so a sentence with no " ," or " ." cannot reach the threshold
        first = s.split(" ", 1)[0]
        if first not in self.first_words and not s[:3].isupper() and s[0] not in _QUOTE_OPEN and ": that" not in s and ", that" not in s and " ," not in s and " ." not in s and "day, " not in s:
            return none
        if s[0] not in _QUOTE_OPEN and _inside_quote(text, para_start, start):
            return none
        m = _DATELINE.match(s)
        body = s[m.end():] if m else s
        first = body.split(" ", 1)[0]
        score, evidence = 0, []
        for name, weight, pattern, why in self.features:
            if pattern is None:
                continue
            gate = self.gates.get(name)
            if gate is not None and first not in gate:
                continue
            if name == "weekday" and "day, " not in s:
                continue
            if name == "colon-that" and ": that" not in s:
                continue
            if name == "comma-that" and ", that" not in body:
                continue
            if name == "spaced" and " ," not in s and " ." not in s:
                continue
            if name == "doubled" and score + weight + (WEAK if " ," in s or " ." in s else 0) < self.threshold:
                continue  # it could not reach the threshold, even with the spacing sign
            if name == "quoted-name" and not self._quoted_name.match(body):
                continue
            if name == "dateline-lower" and (m is None or len(_WORD.findall(body)) < self.min_words):
                continue
            if name == "lower-verb" and len(_WORD.findall(body)) < self.min_words:
                continue
            target = body if pattern.pattern.startswith("^") else s
            if pattern.search(target):
                score += weight
                if why not in evidence:
                    evidence.append(why)
        return score, evidence


def _may_hold(sign: str, s: str) -> bool:
    """A substring test before the weak sign's pattern: each needs these characters."""
    if sign == "weekday":
        return "day, " in s
    if sign == "comma-that":
        return ", that" in s
    if sign == "spaced":
        return " ," in s or " ." in s
    return True


def _inside_quote(text: str, para_start: int, offset: int) -> bool:
    before = text[para_start:offset]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1
