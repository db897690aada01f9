"""The ``verbless`` kind: sentences whose main verb was lost in translation.

Machine translation from Arabic drops the verb of a sentence that opens with
it (قال عضو اللجنة …، اليوم، إن …: "said a committee member, today, that …")
and leaves a subject noun phrase, an optional time or place adverbial and then
the reported clause: "A member of the security committee, on Monday, that the
vote was postponed." (mode ``attribution``). A speech participle cut off
the sentence it continued opens a sentence with no subject and no verb:
"Adding, "…"" or "Also stressing that …" (mode ``participle``). The same loss leaves short
sentences with no finite verb at all, split off the sentence before them:
"…as the siege enters its fifth day. After the fortieth." (mode ``fragment``).

Syntax without a parser: a sentence is tokenized and each word looked up in
``data/finite_verbs.json``, the finite verb forms (past tense, third person
singular present, base forms that are finite after a plural subject,
auxiliaries and modals) built at build time from the
lemminflect lexicon by ``tools/build_finite_verbs.py``. Forms that are also
nouns ("reports", "talks") or participles ("addressed") are verbs only where a
verb can stand (lower case, not after a determiner or a preposition; a
participle not before "by", nor after a document noun before a preposition:
"the letter addressed to").

Why a lexicon and not a tagger: spaCy's English pipelines are not official
PyPI packages (only a permissive package of clear origin was allowed), so no
tagger was tried or timed; the lexicon is what ships. Measured cost of the lexicon: the
JSON file (19,607 forms, 300 kB) loads in 10-15 ms; on PolNeAR train (840
articles, 3.9 MB) PV104 takes ~0.2 s CPU and PV105 ~0.03 s of a ~3 s rules
layer. Accuracy: on the 52 tune passages PV104 made 6 hits and PV105 2,
every one a lost verb (all 6 attribution-shaped verbless sentences seen in
the machine tune passages are found); PolNeAR, the NTREX originals and the
seeds draw none.

params:
  mode: attribution | participle | fragment
  participles: [...]    (participle) speech participles ("adding", "stressing")
  openers: [...]        (attribution) words a subject noun phrase may not open with
  time_words: [...]     (attribution) words that end a time adverbial ("Monday", "today")
  complement_nouns: [...]  (attribution) nouns a "that" clause completes ("the fact that")
  starters: [...]       (fragment) prepositions and subordinators a stranded fragment opens with
  allow: [...]          (fragment) idioms that stand alone ("as a result")
  min_words / max_words (fragment) length of the fragment in words
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from provenance.document import PARAGRAPH
from provenance.lazyre import lazy
from provenance.rules import Hit
from provenance.rules.model import Rule

_DATA = Path(__file__).parent / "data" / "finite_verbs.json"
_TOKEN = lazy(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*|\d[\d.,]*|[\"\u201c\u201d\u00ab\u00bb]|[^\w\s]")
_FIRST_WORD = lazy(r"\W*([^\W\d_][\w'\u2019\-]*)")
_WORD_ONLY = lazy(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*|\d[\d.,]*")
_TRIGGER = lazy("[\"\u201c\u00ab]| [Tt]hat |, (?:on |last |this )?(?:[MTWFS][a-z]+day|today|yesterday|tonight), ")
#: The commonest finite forms, always verbs in lower case: one C-level search settles most sentences.
_COMMON_VERB = lazy(r"\b(?:said|says|is|was|were|are|has|had|have|would|told|could|should|must|did|does)\b")
_QUOTED = lazy("\"[^\"]*\"|\u201c[^\u201d]*\u201d|\u00ab[^\u00bb]*\u00bb")
#: A wire dateline in capitals before the sentence proper ("BAGHDAD / .. ", "SANAA - ").
_DATELINE = lazy(r"[A-Z][A-Z'\-]{2,}(?: [A-Z][A-Z'\-]+){0,2}\s*(?:\([^)]{0,40}\)\s*)?(?:[/\-\u2013\u2014:]\s*)+(?:\.+\s*)?")
_OPEN_MARKS = "\"\u201c\u00ab"
#: A sentence opened by a speech participle: "Adding, "…"", "Also stressing that …".
_PARTICIPLE = lazy(r"(?:(?:Also|And|While)\s+)?(?P<p>[A-Za-z][a-z]+ing)(?:\s+(?:out|to|on))?\s*(?P<t>,|:|\bthat\b)")
_CLOSE_MARKS = "\"\u201d\u00bb"
_QUOTES = _OPEN_MARKS + _CLOSE_MARKS
#: Words after which an ambiguous noun/verb form is a noun ("the reports", "of talks").
_NOMINAL_CONTEXT = {
    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those",
    "of", "in", "on", "at", "for", "with", "by", "from", "to", "into", "about", "and", "or", "some", "many",
    "several", "all", "no", "any", "each", "every", "both", "such", "other", "new", "two", "three", "'s", "s",
}
_PRONOUN_SUBJECTS = {"he", "she"}
_PLURAL_PRONOUNS = {"i", "we", "you", "they"}
#: Endings of nouns made from speech verbs ("assertion", "announcement").
_NOMINALIZATIONS = ("tion", "sion", "ment", "ance", "ence")
#: Punctuation that ends the search: a parenthesis, a dash, a colon not after a quoted name.
_STOPS = set(";:()[]?!\u2014\u2013-/<>")
_SUBJECT_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "who", "which", "that"}
#: Prepositions after which a participle-or-past form opens a reduced relative
#: when it follows one of the document nouns ("the letter addressed to").
_PARTICIPLE_NEXT = {"by", "to", "in", "at", "on", "for", "with", "from", "into", "against", "under"}
_DOCUMENT_NOUNS = {
    "letter", "statement", "report", "message", "memo", "memorandum", "decree", "note", "document", "communique",
    "letters", "statements", "reports", "messages", "notes", "documents", "speech", "address", "cable", "request",
}
_CONTRACTED_PRONOUNS = {"he", "she", "it", "there", "here", "that", "what", "who", "where", "how", "i", "we", "you", "they", "let"}


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)  # 300 KB of JSON: fragment and doublet tests asked for it once per word
def finite_forms() -> dict[str, str]:
    """Finite verb form -> flags (d past, z 3sg present, n also a noun, p also a participle); one
    shared dict, read once: callers must not change it."""
    return json.loads(_DATA.read_text(encoding="utf-8"))["forms"]


def is_finite(words: list[str], i: int, forms: dict[str, str]) -> bool:
    """Whether ``words[i]`` is a finite verb in its place (a heuristic, no tagger)."""
    w = words[i]
    low = w.lower().replace("\u2019", "'")
    if i > 0 and w[:1].isupper():
        return False  # a capitalized word inside a sentence is part of a name ("United Nations")
    flags = forms.get(low)
    if flags is None:
        return _finite_contraction(low)
    prev = words[i - 1] if i > 0 else ""
    if "d" not in flags and "z" not in flags:
        # a base form ("say", "report") is finite only after a plural subject: "they say", "officials report"
        low_prev = prev.lower()
        return low_prev in _PLURAL_PRONOUNS or prev.islower() and len(prev) > 3 and prev.endswith("s") and not prev.endswith(("ss", "us", "is"))
    if "n" in flags and (prev.lower() in _NOMINAL_CONTEXT or i == 0 and w[:1].isupper() and "z" in flags and w.endswith("s")):
        return False  # "the reports", "Sources close to …"
    if "p" in flags and prev:
        if prev.lower() in _NOMINAL_CONTEXT or prev.lower() in ("as", "when", "if", "once", "unless", "than"):
            return False  # "the displaced", "as stated"
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        if prev.islower() and (nxt == "by" or prev in _DOCUMENT_NOUNS and nxt in _PARTICIPLE_NEXT):
            return False  # "a statement issued by", "the letter addressed to": a reduced relative
    return True


def _finite_contraction(low: str) -> bool:
    """ "doesn't", "they're", "there's", "it'd": a contraction holding a finite verb."""
    if "'" not in low:
        return False
    if low.endswith(("n't", "'re", "'ve", "'ll", "'m")):
        return True
    base, _, tail = low.rpartition("'")
    return tail in ("s", "d") and base in _CONTRACTED_PRONOUNS


def _words(tokens: list[tuple[str, int]]) -> list[str]:
    return [t for t, _ in tokens if t[0].isalnum()]


class VerblessChecker:
    def __init__(self, rule: Rule):
        p = rule.params
        self.rule = rule
        self.mode = p.get("mode", "attribution")
        self.openers = {w.lower() for w in p.get("openers", [])}
        self.time_words = {w.lower() for w in p.get("time_words", [])}
        days = "|".join(sorted((re.escape(w) for w in self.time_words), key=len, reverse=True)) or "(?!)"
        # ", Thursday, " / ", on Monday morning, ": a time adverbial set off by commas after the subject
        self.time_adverbial = re.compile(
            rf",\s+(?:(?:on|last|this|early|late)\s+)?(?:{days})(?:\s+(?:morning|evening|afternoon|night))?,\s", re.IGNORECASE
        )
        self.complement_nouns = {w.lower() for w in p.get("complement_nouns", [])}
        self.starters = {w.lower() for w in p.get("starters", [])}
        self.allow = {w.lower() for w in p.get("allow", [])}
        self.min_words = int(p.get("min_words", 2))
        self.max_words = int(p.get("max_words", 6))
        self.max_subject = int(p.get("max_subject_words", 30))
        self.participles = {w.lower() for w in p.get("participles", [])}
        self.forms = finite_forms()

    def check(self, doc) -> Iterable[Hit]:
        text = doc.text
        triggers = [m.start() for m in _TRIGGER.finditer(text)] if self.mode == "attribution" else []
        for seg in doc.segments:
            if seg.kind != PARAGRAPH or seg.kind not in self.rule.scope:
                continue
            sentences = seg.sentences
            for k, sent in enumerate(sentences):
                if self.mode == "attribution":
                    t = bisect_left(triggers, sent.start)
                    if t == len(triggers) or triggers[t] >= sent.end:
                        continue  # no "that" and no quotation mark: nothing to attribute
                    hit = self._attribution(text, seg.start, sent)
                elif self.mode == "participle":
                    hit = self._participle(text, seg.start, sent)
                else:
                    hit = self._fragment(text, seg.start, sentences[k - 1] if k else None, sent)
                if hit is not None:
                    yield hit

    # -- mode attribution -------------------------------------------------

    def _attribution(self, text: str, para_start: int, sent) -> Hit | None:
        s = text[sent.start : sent.end]
        trigger = _TRIGGER.search(s)
        if trigger is None:
            return None  # the cheap test first: most sentences have neither "that" nor a quotation
        start = sent.start
        dateline = _DATELINE.match(s)
        if dateline is not None and dateline.end() < trigger.start():
            # "BAGHDAD / .. MP for …": the wire dateline is not part of the subject
            start += dateline.end()
            s = s[dateline.end() :]
            trigger = _TRIGGER.search(s)
        first = _FIRST_WORD.match(s)
        if first is None or not first.group(1)[:1].isupper() or first.group(1).lower() in self.openers:
            return None
        if _COMMON_VERB.search(s, 0, trigger.start()) or self._verb_before(s, trigger.start()):
            return None  # the common case, decided without tokenizing the sentence
        if _quote_open_before(text, para_start, sent.start):
            return None  # inside a quotation that runs across sentences
        tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(s)]
        every = [t for t, _ in tokens if t[0].isalnum()]  # the next word decides a participle
        words: list[str] = []
        skip_to = -1
        for n, (tok, at) in enumerate(tokens):
            if n <= skip_to:
                continue
            low = tok.lower()
            if tok in _OPEN_MARKS and _opens(s, at):
                close = _short_quote(tokens, n)
                if close is not None and words:
                    skip_to = close  # a quoted name inside the subject ("…, "Alsumaria News": "…")
                    continue
                return self._at_quote(text, start, s, tokens, n, words)
            if low == "that":
                return self._at_that(start, s, tokens, n, words)
            if tok == "," and words:
                when = self.time_adverbial.match(s, at)
                if when is not None and self._subject_ok(words) and not self._verb_after(s, when.end()):
                    head = s[: when.end()].rstrip()
                    return Hit(
                        start,
                        start + len(head),
                        f"“{_short(head)}” opens a sentence with no finite verb at all: its verb (كشف, "
                        f"“revealed”, or قال, “said”) was lost in translation",
                    )
            if tok in _QUOTES or tok in _STOPS:
                return None  # a quotation closed before it opened, or a structure too complex to judge
            if tok[0].isalnum():
                words.append(tok)
                if len(words) > self.max_subject or is_finite(every, len(words) - 1, self.forms):
                    return None
        return None

    def _verb_before(self, s: str, cut: int) -> bool:
        """Whether a finite verb (or too long a subject) comes before offset ``cut``:
        words are read one at a time and the scan stops at the first verb."""
        words: list[str] = []
        forms = self.forms
        for m in _WORD_ONLY.finditer(s):
            words.append(m.group())
            i = len(words) - 2  # judged once the word after it is known
            if i >= 0 and is_finite(words, i, forms):
                return True
            if m.start() >= cut:
                return False
            if len(words) > self.max_subject:
                return True
        return bool(words) and is_finite(words, len(words) - 1, forms)

    def _verb_after(self, s: str, at: int) -> bool:
        """Whether s[at:] holds a finite verb outside quotation marks."""
        outside = _QUOTED.sub(" ", s[at:])
        words = _WORD_ONLY.findall(outside)
        return any(is_finite(words, i, self.forms) for i in range(len(words)))

    def _subject_ok(self, words: list[str]) -> bool:
        if len(words) < 2 or not words[0][:1].isupper():
            return False
        if sum(w.isupper() and len(w) > 1 for w in words) >= 3:
            return False  # an all-capitals heading run into the paragraph
        first = words[0].lower()
        if first.endswith("ly") and len(first) > 4 or first.endswith("ing"):
            return False  # "Unfortunately for him, that …", "Appearing aware of it, …"
        if words[-1].lower() in ("later", "ago", "before", "after"):
            return False  # "Thirteen years later, that …": an adverbial, not a subject
        if first in _PRONOUN_SUBJECTS:
            # "She Marei that …": a pronoun straight before a name, the verb between them gone
            return len(words) >= 2 and words[1][:1].isupper()
        return first not in self.openers

    def _at_that(self, start: int, s: str, tokens, n: int, words: list[str]) -> Hit | None:
        if not self._subject_ok(words):
            return None
        prev_tok = tokens[n - 1][0] if n else ""
        last = words[-1].lower()
        if last in self.complement_nouns or last in self.openers:
            return None  # "the fact that", "so that"
        if prev_tok != ",":
            k = len(words) - 1
            while k > 0 and (words[k].lower() in self.time_words or words[k].lower() in ("on", "last", "this")):
                k -= 1
            noun = words[k].lower()
            if noun in self.complement_nouns or noun.endswith(_NOMINALIZATIONS):
                return None  # "Trump's assertion Monday that": a noun the clause completes
        pronoun_name = words[0].lower() in _PRONOUN_SUBJECTS and words[-1][:1].isupper()
        if prev_tok != "," and last not in self.time_words and not pronoun_name:
            return None  # "The committee that oversees …": a relative clause, not a lost verb
        after = _words(tokens[n + 1 :])
        if len(after) < 3 or is_finite(after, 0, self.forms) or after[0].lower() in ("is", "was", "are", "were"):
            return None  # "…, that was …": a relative clause
        if not any(is_finite(after, i, self.forms) for i in range(1, len(after))):
            return None  # the reported clause needs a verb of its own
        end = start + tokens[n][1] + 4
        return self._hit(start, s, tokens, n, end, "that")

    def _at_quote(self, text: str, start: int, s: str, tokens, n: int, words: list[str]) -> Hit | None:
        if not self._subject_ok(words):
            return None
        prev_tok, prev_at = tokens[n - 1] if n else ("", 0)
        after_name = prev_tok in _CLOSE_MARKS and s[prev_at - 1 : prev_at] in ",:"  # …News," "We …
        after_name = after_name or prev_tok == ":" and n > 1 and tokens[n - 2][0] in _CLOSE_MARKS  # …News": "We
        if prev_tok != "," and not after_name:
            return None  # a quoted name or title inside the noun phrase ("the so-called "deal"")
        rest = s[tokens[n][1] + 1 :]
        close = next((i for i, c in enumerate(rest) if c in _CLOSE_MARKS), None)
        quoted = rest if close is None else rest[:close]
        inner = _TOKEN.findall(quoted)
        inner_words = [w for w in inner if w[0].isalnum()]
        if len(inner_words) < 4:
            return None  # a short quoted name ("Alsumaria News") may be part of the subject
        if close is not None:
            after = rest[close + 1 :]
            after = after[: next((i for i, c in enumerate(after) if c in _QUOTES), len(after))]
            tail = [w for w in _TOKEN.findall(after) if w[0].isalnum()]  # up to the next quotation
            if any(is_finite(tail, i, self.forms) for i in range(len(tail))):
                return None  # the quotation is an apposition and the verb comes after it
        end = start + tokens[n][1] + 1
        return self._hit(start, s, tokens, n, end, tokens[n][0])

    def _hit(self, start: int, s: str, tokens, n: int, end: int, trigger: str) -> Hit:
        head = s[: tokens[n][1]].rstrip(" ,:")
        name_at = next((i for i, c in enumerate(head) if c in _OPEN_MARKS), None)
        outlet = None
        if name_at is not None:  # "He X's "Eye of Iraq News," "…": the verb was "told"
            outlet = head[name_at:].rstrip(" ,:\"\u201d").rstrip(" ,") + _pair(head[name_at])
            head = head[:name_at].rstrip(" ,")
            if head.endswith(("'s", "\u2019s")):
                head = head[:-2]
        subject, _, adverbial = head.partition(",")
        first, _, rest = subject.partition(" ")
        if first.lower() in _PRONOUN_SUBJECTS and rest[:1].isupper():
            subject = rest  # "She Marei that" -> "Marei said that"
        adverbial = adverbial.strip(" ,")
        said = f"{subject.rstrip()} " + (f"told {outlet}" if outlet else "said") + (f" {adverbial}" if adverbial else "")
        suggestion = f"{said} that" if trigger == "that" else f"{said}: {trigger}"
        message = (
            f"“{_short(head)}” has no verb before the reported "
            f"{'clause' if trigger == 'that' else 'quotation'}: the speech verb (قال, “said”) was lost in translation"
        )
        return Hit(start, end, message, suggestion)

    # -- mode participle --------------------------------------------------

    def _participle(self, text: str, para_start: int, sent) -> Hit | None:
        s = text[sent.start : sent.end]
        m = _PARTICIPLE.match(s)
        if m is None or m.group("p").lower() not in self.participles:
            return None
        rest = s[m.end() :]
        if m.group("t") in (",", ":"):
            if not rest.lstrip()[:1] in _OPEN_MARKS:
                return None  # "Adding to the confusion, …": the participle has its own object
        elif "," in _QUOTED.sub(" ", rest):
            return None  # "Noting that turnout was low, the mayor said …": a main clause follows the comma
        if _quote_open_before(text, para_start, sent.start):
            return None
        outside = _QUOTED.sub(" ", rest) if m.group("t") != "that" else ""
        words = _WORD_ONLY.findall(outside)
        if any(is_finite(words, i, self.forms) for i in range(len(words))):
            return None  # "Adding, "…", he said": the verb comes after the quotation
        head = m.group(0).rstrip(" ,:")
        return Hit(
            sent.start,
            sent.start + len(head),
            f"“{head}” opens a sentence of its own with no subject and no verb: it was cut off the sentence "
            f"before it (…, adding that …) or lost its speaker (He added …)",
        )

    # -- mode fragment ----------------------------------------------------

    def _fragment(self, text: str, para_start: int, prev, sent) -> Hit | None:
        if prev is None:
            return None
        if sent.end - sent.start > 80 or text[sent.end - 1] != ".":
            return None  # the cheap tests first: six words fit in 80 characters
        s = text[sent.start : sent.end]
        if s.split(" ", 1)[0].lower() not in self.starters or s.endswith("..") or any(q in s for q in _QUOTES):
            return None
        words = [m.group() for m in _TOKEN.finditer(s) if m.group()[0].isalpha()]
        if not self.min_words <= len(words) <= self.max_words or words[0].lower() not in self.starters:
            return None
        if " ".join(words).lower() in self.allow:
            return None
        if not words[0][:1].isupper() or any(c in s for c in ":;,<>/@#|()[]"):
            return None  # a list or a clause with commas, markup, a parenthesis: not a bare fragment
        if sum(w[:1].isupper() for w in words) > len(words) / 2:
            return None  # Title Case or capitals: a heading or names, not a stranded phrase
        if any(is_finite(words, i, self.forms) for i in range(len(words))):
            return None
        if any(w.lower().endswith("ing") for w in words[1:]) or any(w.lower() in ("who", "which", "that") for w in words):
            return None  # "After meeting him." is a clause of sorts; a relative word implies a verb later
        p = text[prev.start : prev.end]
        if not p.endswith(".") or _quote_open_before(text, para_start, sent.start):
            return None
        if re.search(r"(?:^|[\s.])[A-Z]\.$", p):
            return None  # the sentence was split at an initial or "U.S.", not by a lost verb
        last = re.search(r"([^\W_][\w\-'\u2019]*)\W*$", p)
        start = prev.start + last.start(1) if last else sent.start
        return Hit(
            start,
            sent.end,
            f"“{s}” has no verb and stands alone as a sentence: it was split off the sentence before it "
            f"or lost its verb in translation",
        )


def _opens(s: str, at: int) -> bool:
    """A quotation mark that opens: curly opening, or straight at the start or after a space or colon."""
    c = s[at]
    if c != '"':
        return c in "\u201c\u00ab"
    return at == 0 or s[at - 1].isspace() or s[at - 1] == "("


def _short_quote(tokens, n: int, most: int = 5) -> int | None:
    """Index of the mark closing a quotation of at most ``most`` words opened at
    ``tokens[n]``, when a comma or colon and another quotation follow it."""
    words = 0
    for k in range(n + 1, min(len(tokens), n + 2 * most + 4)):
        tok = tokens[k][0]
        if tok in _CLOSE_MARKS or tok == '"':
            nxt = tokens[k + 1][0] if k + 1 < len(tokens) else ""
            before = tokens[k - 1][0]
            if before in ",:" and nxt in _OPEN_MARKS:
                return k  # …News," "We …
            if nxt in (",", ":") and k + 2 < len(tokens) and tokens[k + 2][0] in _OPEN_MARKS:
                return k + 1  # …News": "We …
            return None
        if tok[0].isalnum():
            words += 1
            if words > most:
                return None
    return None


def _quote_open_before(text: str, para_start: int, offset: int) -> bool:
    before = text[para_start:offset]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _pair(mark: str) -> str:
    return {"\u201c": "\u201d", "\u00ab": "\u00bb"}.get(mark, mark)


def _short(s: str, n: int = 60) -> str:
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"
