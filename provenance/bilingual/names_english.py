"""The English names PV1007 checks (provenance.bilingual.names): the names layer's runs typed
person, untyped runs the English says are a person (a role word before, ", who" after), and two or
three capitalized words starting a sentence that the names layer cuts."""

from __future__ import annotations

import re

#: Letters of any script (a name's words).
_LETTERS = re.compile(r"[^\W\d_]+")

#: Lower-case words right before a run that make it a person's name even when the names layer
#: knows no given name of it ("coach Zoran Zaev", "minister Walid al-Moualem"): roles people hold.
_ROLE_BEFORE = frozenset(
    [
        "minister", "secretary", "president", "director", "coach", "manager", "captain", "chairman", "chairwoman",
        "chair", "spokesman", "spokeswoman", "spokesperson", "reporter", "correspondent", "editor", "writer",
        "author", "actor", "actress", "singer", "rapper", "player", "striker", "midfielder", "defender", "goalkeeper",
        "forward", "winger", "diver", "golfer", "driver", "boxer", "senator", "congressman", "congresswoman",
        "governor", "mayor", "judge", "lawyer", "attorney", "prosecutor", "professor", "researcher", "scientist",
        "analyst", "economist", "officer", "sergeant", "detective", "chief", "leader", "founder", "executive",
        "ambassador", "diplomat", "envoy", "premier", "chancellor", "king", "queen", "prince", "princess", "son",
        "daughter", "wife", "husband", "brother", "sister", "father", "mother", "grandson", "granddaughter", "rev",
        "pastor", "priest", "bishop",
    ]
)
#: What follows a person's name and not a place's or an institution's: ", who", an apposition ", a …"
#: (not a verb of saying: "Air Niugini said").
_PERSON_AFTER = re.compile(r",\s(?:who\b|an?\s[a-z])")


def _cued(text: str, start: int, end: int) -> bool:
    """Does the English around a run untyped by the names layer say that it is a person?"""
    before = re.search(r"([A-Za-z]+)\.?\s+$", text[max(0, start - 40) : start])
    if before is not None and before.group(1).lower() in ("a", "an", "the"):
        return False  # "A Welsh Conservative said": a name takes no article
    return (before is not None and before.group(1) in _ROLE_BEFORE) or _PERSON_AFTER.match(text, end) is not None


def _no_part_of_speech(word: str) -> bool:
    """A word English has no part of speech for (wordfreq lists Karl, Brett, Vladimir; lemminflect
    gives them none, as it gives "meanwhile" and "yesterday" theirs): a name, not a sentence's first word."""
    from provenance.rules.kinds.grammar import lexicon

    return not lexicon().get(word.lower())


#: Two or three capitalized words starting a sentence, then a lower-case word or a mark ("Karl Racine said").
_INITIAL_RUN = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+)((?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2})(?=[,;:]? [a-z]|[,;:.!?])")


def _initial_names(doc, taken: list[tuple[int, int]]) -> list[tuple[int, int, list[str]]]:
    """Runs starting a sentence that the names layer cuts: it drops a first word it does not know as a
    given name ("Meanwhile Hamas"), and a name of two words is gone ("Karl Racine said"); taken back
    when that word has no part of speech in English (a name) and no word of the run is a title, stop or
    joining word ("Mr Park")."""
    from provenance.names.name_words import JOIN_WORDS, STOP_WORDS, TITLE_WORDS
    from provenance.names.prose import Sentences, prose

    text, out, sentences = prose(doc, []), [], None
    for m in _INITIAL_RUN.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        words = [m.group(1)] + m.group(2).replace("-", " ").split()
        if not _no_part_of_speech(words[0]) or any(w.lower() in JOIN_WORDS | STOP_WORDS | TITLE_WORDS for w in words):  # "Mr Park": a title
            continue
        if sentences is None:
            sentences = Sentences(doc)
        if sentences.initial(m.start()):
            out.append((m.start(), m.end(), words))
    return out


def _english_names(doc) -> list[tuple[int, int, list[str]]]:
    from provenance.names.glossary import Glossary
    from provenance.names.name_runs import name_runs
    from provenance.names.name_words import JOIN_WORDS

    out, taken = [], []
    for m in name_runs(doc, Glossary([]), []):
        taken.append((m.start, m.end))
        words = [w for w in _LETTERS.findall(m.text) if w.lower() not in JOIN_WORDS and not w.isupper()]
        # places and institutions are translated, not romanized; an untyped run is checked when the English says it is a person
        if len(words) >= 2 and (m.type == "person" or (m.type is None and _cued(doc.text, m.start, m.end))):
            out.append((m.start, m.end, words))
    initial = _initial_names(doc, taken)
    out = [r for r in out if not any(s <= r[0] and r[1] <= t for s, t, _ in initial)]  # "Yong Ho" of "Ri Yong Ho"
    return sorted((s, e, _without_role(words)) for s, e, words in out + initial)


def _without_role(words: list[str]) -> list[str]:
    """"Rapper Kanye West", "Striker Alfredo Morelos": a role written with a capital is no word of the name."""
    while len(words) > 2 and words[0].lower() in _ROLE_BEFORE:
        words = words[1:]
    return words


#: Words that start a capitalized run without being a given name ("One Labour AM said"), and
#: words that end an institution's name the names layer does not list ("Bat Conservation Trust").
_NOT_FIRST = frozenset(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "every", "each", "all", "some", "many", "most"])
_NOT_LAST = frozenset(
    [
        "trust", "examiner", "charity", "partnership",
        # places people meet and bodies they form, which the original translates ("Tony Macaroni Arena"); no common surname
        "arena", "stadium", "centre", "center", "university", "college", "academy", "institute", "foundation",
        "museum", "hospital", "airport", "theatre", "theater", "gallery", "hotel", "cathedral", "council",
        "committee", "association", "society", "corporation", "ministry", "agency", "commission", "festival",
        "awards", "prize", "trophy", "league", "avenue", "road", "square", "station", "county", "province",
        "street", "tech", "club", "group", "party", "government", "union", "alliance", "coalition", "army", "police",
        "cup", "prix", "championship", "championships", "tournament", "award",
        # a newspaper named after its city (the Washington Post, the Jerusalem Post)
        "post", "times", "news", "journal", "herald", "tribune", "gazette", "chronicle", "telegraph", "magazine",
    ]
    + list(_NOT_FIRST)  # "the Jackson Five"
)


def _not_a_person(words: list[str]) -> bool:
    """A run the names layer typed as a person that is not one: a number word first or an
    institution word last."""
    return words[0].lower() in _NOT_FIRST or words[-1].lower() in _NOT_LAST
