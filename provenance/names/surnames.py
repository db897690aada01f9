"""Lone words that are no spelling of a surname named earlier (PV805 guards).

PV805 reads a capitalized word close in spelling to the surname of a person
named in full ("Liu" after "Jack Lew") as a variant of that surname. Native
copy showed four shapes where the resemblance is no misspelling:

- a contraction or a pronoun with a clitic ("He’ll" after "Nikki Haley");
- a word derived from the name ("Trumped", "Trumpism" after "Donald Trump");
- the first word of a longer name wherever it occurs ("Coca Cola", "Coca-Cola"
  after "Tim Cook"): a bare surname stands alone;
- two established surnames of different people that look alike (a "Reid"
  quoted after "Scott Reed", "Cohn" after "Jon Cohen"): both are common
  English-language surnames, so neither is a misspelling of the other.
  Arabic names read back in Latin letters ("Liu" for Lew, "Hadad" for
  Haddad) are not in the list and are still reported.
"""

from __future__ import annotations

import re

#: Established surnames that look like spellings of each other (an editor's
#: list of look-alike families, written for this check; lower case).
_FAMILIES = """
reed reid read rhead | cohen cohn kohn coen cowan | stein stone steyn | davis davies davids | clark clarke
thompson thomson | johnson johnston jonson | smith smyth smythe | brown browne | green greene | gray grey
allen allan allyn | phillips philips | matthews mathews | stevens stephens | stevenson stephenson
anderson andersen | peterson petersen | hansen hanson | nelson nielsen | carlson carlsen | lee leigh lea
wood woods | moore moor more | kane cain caine | kahn khan kan | kerr carr | marks marx | burns byrne byrnes
burke bourke | price pryce | rogers rodgers | myers meyers meyer mayer maier | baker barker | walter walters
lewis louis | levin levine lavine | levy levi | roth rothe | ross rose rosen | hart hurt hunt | kelly kelley
mckay mackay | mcdonald macdonald | cook cooke koch | bush busch | cox fox | wells welles | weiss wise
gordon morgan | morton norton horton | young yang | wang wong | chen chan cheng chang | kim king | lang lange lane
payne paine | mills miles | ryan rian | powell powel | russell russel | mitchell michel | bell bill | hill hall
carter porter | cole coles | ward word | shaw shah | webb webber weber | fisher fischer | snyder schneider
miller muller mueller | schmidt schmitt | wagner wegner | neal neil neill o'neil o'neill | dunn dunne | quinn quin
collins collin | harris harriss | perry parry | barry berry | terry tarry | murray murrey | jones jonas
"""
DISTINCT_SURNAMES = frozenset(_FAMILIES.replace("|", " ").split())
_CONTRACTION = re.compile(r"['\u2019](?:ll|re|ve|d|m)$|n['\u2019]t$", re.IGNORECASE)
#: Endings that make a word of a name ("Trumped", "Trumpism", "Obamaism").
_DERIVATIONS = ("ed", "ing", "ism", "isms", "ist", "ists", "ite", "ites", "ian", "ians", "esque", "ian's")


def no_variant(word: str, surname: str, text: str, where: list[tuple[int, int]]) -> bool:
    """Whether the lone ``word`` found at ``where`` is plainly not a spelling of ``surname``."""
    if _CONTRACTION.search(word):
        return True  # "He’ll", "She’d"
    low, sur = word.casefold(), surname.casefold()
    stem = sur[:-1] if sur.endswith("e") else sur  # "Trumble" -> "Trumbled"
    if low.startswith(stem) and low[len(stem) :] in _DERIVATIONS:
        return True  # "Trumped": a word made from the name
    if where and all(text[e : e + 1] in ("-", " ") and text[e + 1 : e + 2].isupper() for _, e in where):
        return True  # "Coca-Cola", "Coca Cola": the first word of a name every time, no bare surname
    base = re.sub(r"['\u2019]s$", "", low)
    return base in DISTINCT_SURNAMES and sur in DISTINCT_SURNAMES
