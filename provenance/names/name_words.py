"""The words of names: what a name word looks like, and the word lists that
tell names from other capitalized words.

- the letter classes and the shapes of a capitalized word, a name word (with
  titles and initials) and the particles that join name words (bin, de, van...);
- titles and roles (evidence that a person's name follows), stop words (days,
  months, demonyms...) and institution words (Council, Strip, University...)
  that break a run of capitalized words, the Arabic name particles (Abu, Umm...);
- known given names: English first names (the ``nicknames`` package) and the
  common Arabic given names of ``given_names``.
"""

from __future__ import annotations

from functools import lru_cache

UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŲŹŻŽ"
LO = "a-zß-öø-ÿāăąćčďđēėęěğīıłńňōőœřśşšţťūůűųźżž"
#: A capitalized word: Sinwar, McGurk, O'Brien, Ma'ariv, Al-Thani, Ben-Gvir, al-Quds.
_CAP = rf"(?:[{UP}]|(?:al|el|ad|ash|as|at|az|ar|an|ed|ul)-[{UP}])[{LO}]+(?:[{UP}][{LO}]+)?(?:['’][{LO}]+)?(?:-[{UP}{LO}][{LO}]+)*"
#: A capitalized word, a title abbreviation (Gen.) or an initial (J.).
NAMEWORD = rf"(?:{_CAP}\.?|[{UP}]\.)"
JOIN = r"(?:bin|ibn|bint|ben|de|da|di|du|del|della|van|von|der|den|la|le|al|el|ul|dos|das)"
#: The particles of JOIN, as words.
JOIN_WORDS = frozenset(JOIN[3:-1].split("|"))

DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset("january february march april may june july august september october november december".split())
#: Titles and roles: not part of the name, but evidence that a person's name follows.
TITLE_WORDS = frozenset(
    """
    president vice prime minister secretary sheikh shaykh emir king queen prince princess crown sultan
    gen general lt lieutenant col colonel maj major brig brigadier capt captain sgt sergeant adm admiral
    commander cmdr dr doctor mr mrs ms miss sir dame lord lady rev reverend imam mufti ayatollah mullah
    hajj haj rabbi pope cardinal bishop archbishop father sen senator rep representative gov governor
    mayor judge justice ambassador envoy spokesman spokeswoman spokesperson director chief chairman chair
    speaker chancellor premier deputy foreign defense defence interior finance officer professor prof
    coach manager head leader commissioner inspector corporal pastor dean
    """.split()
)
#: Words that are never part of a person's name (they break a run).
STOP_WORDS = frozenset(
    """
    the a an and or but if as at by for from in into of on onto to with without he she it they we i you
    his her its their our my your this that these those there here then than when while after before since
    until during although though because however meanwhile moreover furthermore also yet still so thus
    according source sources news god allah mister
    israeli israelis palestinian palestinians american americans egyptian egyptians qatari qataris arab
    arabs arabic jordanian lebanese syrian syrians iranian iranians iraqi iraqis saudi saudis emirati
    turkish russian russians chinese british french german germans european europeans western eastern
    muslim muslims jewish jews christian christians islamic islamist zionist hebrew english african
    asian yemeni libyan sudanese kuwaiti bahraini omani moroccan algerian tunisian ukrainian indian
    pakistani afghan kurdish shiite shia sunni druze bedouin gazan gazans
    """.split()
) | DAYS | MONTHS
#: Capitalized words that make a run an institution, a place or a title of a work.
INSTITUTION_WORDS = frozenset(
    """
    council ministry court movement agency authority department office committee commission party army
    forces force brigades brigade guard guards police service services intelligence security government
    administration house senate congress parliament assembly union nations league organization
    organisation foundation institute university college school academy hospital center centre bank
    fund company corporation group inc ltd llc network news channel radio television tv times post
    journal press review magazine gazette herald daily weekly tribune strip street road avenue square
    bridge airport port station camp city town village district province governorate region county state
    states kingdom republic emirates island islands sea ocean gulf bay river lake mount mountain mountains
    valley desert heights peninsula coast crossing gate mosque church temple synagogue cathedral palace
    tower museum stadium park hall club cup prize award awards festival day week year act law accords
    accord agreement treaty plan summit conference forum program programme project operation war
    revolution spring flood storm crisis initiative resistance front alliance coalition federation
    association society cabinet board chamber tribunal prison jail base airlines airways motors systems
    technologies media studios records books north south east west northern southern central middle
    greater upper lower new holy grand royal national international global world federal supreme high
    cross crescent red blue white black green international games olympics championship championships
    series show discs market index exchange stock street wall island
    """.split()
)
PARTICLES = frozenset({"bin", "ibn", "bint", "abu", "abd", "abdul", "abdel", "umm", "abou"})
#: One-word runs that cannot be a surname.
BREAKERS = TITLE_WORDS | STOP_WORDS | INSTITUTION_WORDS


@lru_cache(maxsize=1)
def english_first_names() -> frozenset[str]:
    """The nicknames package's names, through the on-disk cache keyed by its data
    and code: importing it (it reads its version through importlib.metadata) and
    building its tables cost a check some 40 ms."""
    import importlib.util
    from pathlib import Path

    from provenance import cache

    try:
        spec = importlib.util.find_spec("nicknames")
        folder = Path(spec.origin).parent
        raw = b"\0".join((folder / name).read_bytes() for name in _NICKNAMES_FILES)
    except (ImportError, AttributeError, TypeError, OSError):  # laid out otherwise: ask the package
        return _english_first_names()
    return cache.parsed("nicknames-first-names", raw, lambda _: _english_first_names())


#: The files of the nicknames package its tables come from (its data and the code that reads it).
_NICKNAMES_FILES = ("names.csv", "_nicknamer.py", "_csvfile.py", "__init__.py")


def _english_first_names() -> frozenset[str]:
    from nicknames import NickNamer

    nn = NickNamer()
    return frozenset(set(nn.nickname_lookup) | set(nn.canonical_lookup))


def is_given_name(word: str) -> bool:
    from provenance.names.given_names import group_of
    from provenance.names.normalize import fold, letters

    w = fold(word).strip()
    if not w or " " in w:
        return False
    return w in english_first_names() or group_of(letters(w.replace("-", ""))) is not None
