"""Credit lines that are structure, not prose: translation credits, bylines, datelines.

- Translation credits: "Translated by Jane Roe", "Edited translation from
  Al-Ahram", "Translated from the Arabic edition", "This article was translated
  from Arabic by ...", "Translator: Jane Roe", "Translated by the editorial
  team", "Adapted from the Arabic by Jane Roe", "Translated by: Jane Roe |
  Edited by: …" (pieces fenced with pipes) -> parts ``translator`` (one per
  name) and ``source`` (the outlet or edition translated from); notes that
  the copy first ran in another language or outlet ("This article was
  originally published in Arabic by Al-Ahram",
  "Original article in Arabic") -> ``source`` (``parse_origin``).
- Bylines: "By Jane Roe", "By Staff, Agencies", "Written by: Jane Roe", the
  credit formulas of interviews and features ("The interview was conducted
  by: Jane Roe", "Prepared by Jane Roe", "Edited by Jane Roe"), and the
  machine translation of Arabic كتب ("wrote") before a name, "Books – Jane Roe:",
  labelled bylines ("Author: Jane Roe", "Correspondent: …") -> one part ``by``
  per name ("By Jane Roe, for Some Outlet": the outlet is no name).

- Bylines of names fenced with pipes, as Arabic sites print them
  ("Jane Roe | Sami Haddad") -> one ``by`` per name; a place, a slash and a
  name ("Amman / Jane Roe") -> its ``by``.
- Any other line made only of credit roles and names, read by its shape
  (``_roles``): "(Reporting by Jane Roe; Editing by Sami Haddad)", "Translated
  into English by Jane Roe for Some Outlet", "Written by Jane Roe, translated
  by Sami Haddad" -> ``translator``/``source`` parts when a role is a
  translation's, else one ``by`` per name.
- Datelines and agency tags (``parse_dateline``), which open a paragraph of
  wire copy rather than stand on a line of their own: "RAMALLAH, Monday, May
  6, 2024 (WAFA) –", "TEHRAN, Oct. 2 (MNA) -", "Provinces, SANA –", "NNA -",
  a line holding only "Aden (Al Ayyam)", an exclusivity slug "News Agency/
  special" (Arabic خاص), and the agency's tag closing the last paragraph,
  "–KUNA" (``parse_end_tag``) -> parts ``place`` and ``agency``.

Each parser takes one line and returns ``(role, start, end)`` offsets into it,
or None when the line is not such a credit. Offsets are exact: the caller adds
the line's start.
"""

from __future__ import annotations

import re

from provenance.lazyre import lazy

Part = tuple[str, int, int]

#: A credit line is short: past this many words it is a sentence.
MAX_WORDS = 16

_TRANSLATION = lazy(
    r"^[(\[]?\s*(?:(?:this|the)\s+(?:article|story|report|text|piece)\s+(?:was|is|has\s+been)\s+)?"
    r"(?:(?:edited|unofficial|machine|automatic|abridged|english)[\s-]+)?(?:translated|translation|translators?(?=\s*:))(?:\s+and\s+edited)?\b\s*",
    re.I,
)
_BY = lazy(r"\bby\b\s*:?\s*(?=\S)", re.I)  # "Translated by: Jane Roe" too
#: "Translated for The Daily by Jane Roe": the publisher between "translated" and "by" (no source).
_FOR_OUTLET = lazy(r"for\s+(?:the\s+)?[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,4}\s+(?=by\b)")
#: A translating desk rather than a person: "Translated by the editorial team".
_DESK = lazy(r"^the\s+(?:[\w'’\-]+\s+){0,3}(?:team|desk|staff|department|service|unit|section|editors)$", re.I)
#: An outlet that translated ("Translated by the Valley Monitor", "… by Valley Monitor staff").
_OUTLET_DESK = lazy(r"^(?:the\s+)?[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,4}(?:\s+(?:staff|team|desk|editors))?$")
_FROM = lazy(r"\b(?:from|of)\s+", re.I)
_MACHINE = lazy(r"\bmachine\b", re.I)
_END = " \t.)]"
_WORD = lazy(r"[^\W_]+(?:['’\-][^\W_]+)*")

#: Credit formulas of Arab outlets in translation: أجرى الحوار ("interview conducted by"),
#: إعداد ("prepared by"), تحرير ("edited by"), maybe after a place and a slash ("Amman/ ").
_INTERVIEW = r"^(?:[A-Z][\w'’\-]+\s*/\s*)?(?:the\s+)?(?:interview|dialogue)\s+(?:was\s+)?(?:conducted|held|made)\s+by\s*:?\s+(?=\S)"
#: The interview credit stands where the interview starts, not only at the top or the end.
INTERVIEW_CREDIT = lazy(_INTERVIEW, re.I)
_BYLINE = lazy(
    _INTERVIEW + r"|^(?:interviewed|prepared|compiled|edited)\s+by\s*:?\s+(?=\S)"
    r"|^(?:(?:written|reported|reporting|story|words|text)\s+by|by)\s*:?\s+(?=\S)"
    r"|^(?:books|wrote|writes|written)\s*[–—:-]\s*(?=\S)"
    # a labelled byline: "Author: Jane Roe", "Correspondent: Sami Haddad"
    r"|^(?:authors?|writers?|reporters?|correspondents?|editors?|columnist)\s*:\s*(?=\S)",
    re.I,
)
_FOR = lazy(r"for\s+(?:the\s+)?[A-Z]")
_ROLE = lazy(r"(?:additional\s+)?(?:reporting|editing|writing|compiled|translated|translation|photos?)\s+by\s+", re.I)
_NAME_SPLIT = lazy(r"\s*(?:,|;|&|/|\||\band\b)\s*")
#: Lower-case words a name in a byline may hold.
NAME_PARTICLES = frozenset("al el bin ibn bint abu de da di du van von der den la le al- el-".split())


def _trim(line: str, s: int, e: int) -> tuple[int, int]:
    while s < e and line[s] in " \t:–—-":
        s += 1
    while e > s and line[e - 1] in _END + ":,;":
        e -= 1
    return s, e


def parse_translation(line: str) -> list[Part] | None:
    """Parts of a translation credit line (or of a note that the article first ran in another
    language, ``parse_origin``), or None."""
    if len(_WORD.findall(line)) > MAX_WORDS:
        return parse_origin(line)
    if " | " in line:
        return _piped_translation(line)
    m = _TRANSLATION.match(line) or _ADAPTED.match(line)
    if m is None:
        return parse_origin(line) or _translation_roles(line)
    rest = m.end()
    parts: list[Part] = []
    if line[rest : rest + 1] == ":":  # "Translation: Jane Roe"
        s, e = _trim(line, rest + 1, len(line))
        return _translators(line, s, e)
    by = _BY.search(line, rest)
    frm = _FROM.match(line, rest) or (_FROM.search(line, by.end()) if by else None)
    if by is None and frm is None:
        if not line[rest:].strip(_END + "."):
            # "This article was machine translated.", "(Machine translation)": the machine is the translator
            machine = _MACHINE.search(line, 0, rest)
            return [("translator", machine.start(), machine.end())] if machine else None
        return _translation_roles(line)
    outlet = _FOR_OUTLET.match(line, rest)
    if by is not None and by.start() > rest and (frm is None or frm.start() != rest) and not (outlet and outlet.end() == by.start()):
        return _translation_roles(line)  # words between "translated" and "by" that are no source nor publisher: a sentence
    marks = sorted([("translator", by)] * (by is not None) + [("source", frm)] * (frm is not None), key=lambda p: p[1].start())
    for i, (role, mk) in enumerate(marks):
        end = marks[i + 1][1].start() if i + 1 < len(marks) else len(line)
        s, e = _trim(line, mk.end(), end)
        if role == "translator":
            names = _translators(line, s, e)
            if names is None:
                return _translation_roles(line)
            parts.extend(names)
            continue
        if e <= s or not _named(line[s:e], role):
            return _translation_roles(line)
        parts.append((role, s, e))
    return parts


def _piped_translation(line: str) -> list[Part] | None:
    """ "Translated by: Jane Roe | Edited by: Sami Haddad": credits fenced with pipes, as Arab sites print
    them; the line is a translation credit when one of its pieces is one (that piece's parts)."""
    start = 0
    for piece in line.split(" | "):
        parts = parse_translation(piece)
        if parts:
            return [(role, start + a, start + b) for role, a, b in parts]
        start += len(piece) + 3
    return None


#: Languages an original is named in ("first published in Arabic").
_LANGS = r"Arabic|Persian|Farsi|Dari|Pashto|Hebrew|Turkish|Kurdish|Urdu|French|Russian|Ukrainian|Spanish|German|Chinese|Hindi"
#: "Adapted from the Arabic by …", "Abridged from Persian": a translation credit that says it was cut or
#: reworked; only before a language, since "adapted from a novel" credits no translation.
_ADAPTED = lazy(rf"^[(\[]?\s*(?:adapted|abridged)\s+(?=from\s+(?:the\s+)?(?:{_LANGS})\b)", re.I)

_PIECE_WORDS = r"article|story|piece|op-ed|column|interview|analysis|commentary|editorial|essay"
_PIECE = rf"(?:{_PIECE_WORDS})"
#: The opening of a note that the copy is a translation of an article that ran elsewhere first.
_ORIGIN = lazy(
    r"^[(\[]?\s*(?:"
    rf"(?:this|the)\s+(?:original\s+)?{_PIECE}\s+(?:was|is|has\s+been)\s+(?:(?:originally|first|initially)\s+)?(?:published|written|posted|printed)\b"
    rf"|(?:this|the)\s+{_PIECE}\s+(?:(?:originally|first)\s+)?(?:appeared|ran)\b"
    rf"|an?\s+(?:version|edition)\s+of\s+this\s+{_PIECE}\s+(?:was\s+)?(?:(?:originally|first)\s+)?(?:appeared|published|ran|printed)\b"
    r"|this\s+is\s+an?\s+(?:(?:edited|abridged|unofficial|full|partial|machine|english)\s+)*translation\s+of\s+(?:an?|the)\s+"
    rf"(?:[\w'’\-]+\s+){{0,2}}?(?:{_PIECE_WORDS}|report|text|statement|speech)\b"
    # "This article is a translation from the Arabic original", "… a translation of an Arabic text"
    rf"|(?:this|the)\s+{_PIECE}\s+is\s+an?\s+(?:(?:edited|abridged|unofficial|full|partial|machine|english)\s+)*translation\s+(?:of|from)\s+(?=(?:an?|the)\s+(?:{_LANGS})\b|(?:{_LANGS})\b)"
    # "Read the Arabic version of this article here", "The Arabic original is here"
    rf"|(?:read\s+)?(?:the\s+)?(?:{_LANGS})\s+(?:original|version|text|edition)\b(?!\s*:)"
    r"|(?:read\s+)?(?:the\s+)?original(?:\s+(?:article|text|version|story|report))?\b"
    rf"|(?:the\s+)?(?:{_LANGS})\s+(?:original|version|text|edition)\s*:"
    r")",
    re.I,
)
#: The lower-case words the rest of an origin note may hold; any other word makes it a sentence.
_ORIGIN_WORDS = frozenset(
    "in on at by from of the a an its website site edition newspaper daily weekly magazine language original version"
    " and first originally published appeared that which was online page pages"
    # "The original article can be read in Arabic here"
    " here can be read found available this article is".split()
)
_OUTLET = lazy(r"\b(?:in|on|at|by|from|of)\s+(?:the\s+)?(?:(?:website|site)\s+of\s+)?(?P<outlet>(?!(?:" + _LANGS + r")\b)[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|al-[\w'’\-]+|el-[\w'’\-]+)){0,5})")
_LANG = lazy(rf"\b(?:{_LANGS})\b")
_MONTHS_DAYS = frozenset("January February March April May June July August September October November December Monday"
                         " Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def parse_origin(line: str) -> list[Part] | None:
    """A note that the copy first ran in another language or outlet ("This article was originally
    published in Arabic by Al-Ahram", "A version of this article appeared in Arabic", "Original
    article in Arabic") -> one ``source`` part: the outlet when the note names one, else the language."""
    if len(_WORD.findall(line)) > 28:
        return None
    m = _ORIGIN.match(line)
    if m is None:
        return None
    rest = line[m.end():]
    if any(w[0].islower() and w.lower() not in _ORIGIN_WORDS for w in _WORD.findall(rest)):
        return None  # a lower-case word beyond the note's own: a sentence ("… and officials denied it")
    for o in _OUTLET.finditer(line, m.end()):
        words = o.group("outlet").split()
        while words and words[-1].rstrip(".,;)") in _MONTHS_DAYS:
            words.pop()  # "on Monday", "in May 2024": a date, not an outlet
        if words and words[0].rstrip(".,;)") not in _MONTHS_DAYS:
            s = o.start("outlet")
            s, e = _trim(line, s, s + len(" ".join(words)))
            return [("source", s, e)]
    if m.group(0).rstrip().endswith(":"):  # "Arabic original: Al-Quds"
        s, e = _trim(line, m.end(), len(line))
        return [("source", s, e)] if e > s and _named(line[s:e], "source") else None
    lang = _LANG.search(line)
    return [("source", lang.start(), lang.end())] if lang else None


def _translators(line: str, s: int, e: int) -> list[Part] | None:
    """One ``translator`` part per name of ``line[s:e]`` ("Jane Roe and Sami Haddad"), or None
    when a piece is no name: the line is a sentence."""
    if e <= s:
        return None
    if not _NAME_SPLIT.search(line[s:e]):
        return [("translator", s, e)] if _named(line[s:e], "translator") else None
    out: list[Part] = []
    pos = s
    for piece in _NAME_SPLIT.split(line[s:e]):
        if not piece:
            return None
        start = line.index(piece, pos)
        pos = start + len(piece)
        if not _named(piece, "translator"):
            return None
        out.append(("translator", start, pos))
    return out


def _named(value: str, role: str) -> bool:
    """A translator is a name (every word capitalized); a source holds a capitalized word."""
    words = value.split()
    if role == "translator":
        if _DESK.match(value) or _OUTLET_DESK.match(value):
            return True
        return all(w[0].isupper() or w.lower() in NAME_PARTICLES or w.lower().startswith(("al-", "el-")) for w in words)
    return len(words) <= 8 and any(w[0].isupper() for w in words)


def parse_byline(line: str) -> list[Part] | None:
    """One ``by`` part per name of a byline, or None."""
    m = _BYLINE.match(line)
    if m is None:
        return _role_parts(line, "by") or _pipe_names(line) or _place_slash(line)
    if len(_WORD.findall(line, m.end())) > 9:  # the names after the formula
        return None
    s, e = _trim(line, m.end(), len(line))
    if e <= s or line.rstrip().endswith((".", "!", "?")) and not re.search(r"\b[A-Z]\.$", line.rstrip()):
        return _role_parts(line, "by")
    parts: list[Part] = []
    pos = s
    for piece in _NAME_SPLIT.split(line[s:e]) + [None]:
        if piece is None:
            break
        start = line.index(piece, pos) if piece else pos
        pos = start + len(piece)
        role = _ROLE.match(piece)  # "…; Editing by John Doe": the next role of a wire byline
        if role:
            start += role.end()
            piece = piece[role.end():]
        if not piece:
            continue
        if _FOR.match(piece):
            continue  # "By Jane Roe, for Al-Monitor": the outlet written for, no name of the byline
        words = piece.split()
        if not words or not all(w[0].isupper() or w.lower() in NAME_PARTICLES or w.lower().startswith(("al-", "el-")) for w in words):
            return _role_parts(line, "by")
        parts.append(("by", start, start + len(piece)))
    return parts or None


def _is_name(piece: str) -> bool:
    words = piece.split()
    return 2 <= len(words) <= 5 and all(
        w[0].isupper() or w.lower() in NAME_PARTICLES or w.lower().startswith(("al-", "el-")) for w in words
    )


def _pipe_names(line: str) -> list[Part] | None:
    """Two or more names and nothing else, fenced with pipes ("Jane Roe | Sami Haddad")."""
    if line.count("|") == 0 or len(_WORD.findall(line)) > 24:
        return None
    parts: list[Part] = []
    pos = 0
    for piece in line.split("|"):
        start = pos + len(piece) - len(piece.lstrip())
        end = pos + len(piece.rstrip())
        pos += len(piece) + 1
        if not _is_name(line[start:end]):
            return None
        parts.append(("by", start, end))
    return parts if len(parts) >= 2 else None


# -- datelines -------------------------------------------------------------------
#: Place of a dateline: one to four capitalized words ("RAMALLAH", "Sana'a", "Occupied Jerusalem").
#: (The Hijri months too: "Jeddah, Safar 3" is a place and a date.)
_NOT_DATE = (r"(?!(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
             r"|(?:Muharram|Safar|Rabi|Jumad[ao]|Rajab|Sha'?[ab]an|Ramadan|Shawwal|Dhu)\b)")
#: A place's capitalized words, maybe a city and its country or state after a comma ("BEIRUT, Lebanon").
_PLACE_WORDS = rf"{_NOT_DATE}[A-Z][\w'’.\-]*(?:[ \t]+{_NOT_DATE}[A-Z][\w'’.\-]*){{0,3}}"
_CITY_COUNTRY = rf"{_PLACE_WORDS}(?:,[ \t]*{_PLACE_WORDS})?"
_PLACE = rf"(?P<place>{_CITY_COUNTRY})"
#: What may stand between the place and the agency: a date written any way
#: (weekday, month, day, year, "Oct.", "17 / March", "25.2023"), a clock time.
_DATE_WORD = (
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    # the Hijri months, as agencies of the Gulf date their copy ("Rabi Al-Awwal 1, 1436")
    r"|Muharram|Safar|Rabi(?:[' ]?(?:Al|al|Ul|ul|Ath|ath|Al-|al-)[\- ]?(?:Awwal|Thani|Akhir|Akher))?|Jumad[ao](?:[' ]?(?:Al|al|Ul|ul)[\- ]?(?:Ula|Oula|Awwal|Thani|Akhira|Akhirah|Akhir))?"
    r"|Rajab|Sha'?[ab]an|Ramadan|Shawwal|Dhu[' ]?(?:al|Al|l)[\- ]?(?:Qa'?dah|Qi'?dah|Hijjah|Hijja)|AH|H"
    r"|\d{1,4}(?:[.:/]\d{1,4})*(?:st|nd|rd|th)?|[AaPp]\.?[Mm]\.?(?!\w)"
)
#: Unambiguous on purpose (spaces, then a separator and spaces, then a word): a
#: pattern that could split the same spaces two ways backtracks exponentially.
_DATE = rf"(?:[ \t]*(?:[,/][ \t]*)?(?:{_DATE_WORD})(?![\w'’]))*"
#: At least one date word.
_DATE_SOME = rf"(?:[ \t]*(?:[,/][ \t]*)?(?:{_DATE_WORD})(?![\w'’]))+"
_DASH = r"[ \t]*(?:[-–—_]{1,2}|\.\.(?!\.))"  # not a colon: "Rep. Jane Roe (D-Ohio):" opens a transcript line
#: "(WAFA)", "(Al Ittihad)", "(news)": a short name in brackets.
_BRACKETED = r"\((?P<agency>[A-Za-z][\w'’&.\- ]{0,28}?)\)"
#: A bare agency acronym: "SANA", "NNA", "KUNA".
#: (Not a country or body that opens a headline: "US – China talks".)
_ACRONYM = r"(?!(?:US|USA|UK|UN|EU|UAE|KSA|NATO|GCC|IMF|WHO|ISIS|PM|MP|TV|OPEC)\b)(?P<acronym>[A-Z]{2,6}(?:'[A-Z])?)"

#: The dateline's alternatives, each with the marks one of which every match of it holds (its bracket,
#: its dash, its slash): parse_dateline tries each only on a line that has one.
_DATELINE_FORMS = (
    # [PLACE[, DATE]] (AGENCY) DASH — the agency in brackets, the place optional
    # (a dash may part the place from the bracket: "Sanaa - (Saba) -")
    (rf"^(?:{_PLACE})?{_DATE}[ \t]*(?:[,–—-][ \t]*)?{_BRACKETED}{_DASH}(?=[ \t]*\S)", "("),
    # [PLACE,] ACRONYM DASH — "Provinces, SANA –", "NNA -"
    # PLACE - AGENCY: — "Sana'a - Saba: The council ..."
    (rf"^(?!(?:EXCLUSIVE|Exclusive|BREAKING|Breaking|WATCH|Watch|UPDATE|Update|LIVE|Live)\b)(?P<place3>[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){{0,2}})[ \t]+[-–—][ \t]+(?P<agency3>[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){{0,2}})[ \t]*:(?=[ \t]*\S)", "-–—"),
    # (a slash for the comma, "Baghdad/INA -"; the dash glued to the acronym or to the next word, not both:
    # "ABC-TV reported" is no dateline)
    (rf"^(?:(?P<place2>{_CITY_COUNTRY}){_DATE}[ \t]*[,/][ \t]*)?{_ACRONYM}"
     rf"(?:[ \t]+[-–—]{{1,2}}(?=[ \t]*[A-Z\"“])|[-–—]{{1,2}}(?=[ \t]+[A-Z\"“]))", "-–—"),
    # PLACE-AGENCY- — "Nablus-ABC- The council ..."
    (rf"^(?P<place5>{_NOT_DATE}[A-Z][\w'’.]*(?:[ \t]+{_NOT_DATE}[A-Z][\w'’.]*){{0,2}})[ \t]*-[ \t]*(?P<agency5>[A-Z]{{2,10}})[ \t]*-[ \t]*(?=[A-Z\"“])", "-"),
    # PLACE[, DATE] /AGENCY/ — "Doha /ABC/ The minister ..."
    (rf"^(?P<place4>{_NOT_DATE}[A-Z][\w'’.\-]*(?:[ \t]+{_NOT_DATE}[A-Z][\w'’.\-]*){{0,2}}){_DATE}[ \t]*,?[ \t]*/[ \t]*(?P<agency4>[A-Z]{{2,8}})[ \t]*/(?=[ \t]*\S)", "/"),
    # PLACE - AGENCY - — "Occupied Jerusalem - Some Press - The council ..." (an agency of words, spaced dashes)
    (rf"^(?!(?:EXCLUSIVE|Exclusive|BREAKING|Breaking|WATCH|Watch|UPDATE|Update|LIVE|Live)\b)(?P<place6>{_PLACE_WORDS})"
     r"[ \t]+[-–—][ \t]+(?P<agency6>[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){0,2})[ \t]+[-–—][ \t]+(?=[A-Z\"“])", "-–—"),
    # PLACE, DATE (ACRONYM) — no dash when a date stands before the bracket: "Manama, Jan. 2 (ABC) The council ..."
    (rf"^(?P<place7>{_CITY_COUNTRY})[ \t]*,{_DATE_SOME}[ \t]*\((?P<agency7>[A-Z]{{2,6}})\)[ \t]+(?=[A-Z\"“])", "("),
    # OUTLET/ — Iraqi sites open their copy with their name and a slash ("Some News/ The ministry ..."); a
    # place or an outlet: the line does not say
    (r"^[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){0,2}/[ \t]+(?=[A-Z\"“])", "/"),
)
#: The alternatives compiled one by one, each with its marks: the first that matches is the match of their
#: alternation ("|".join of the forms), which is not compiled here (a one-article check pays for each pattern).
_DATELINE_ALTERNATIVES = tuple((lazy(source), frozenset(marks)) for source, marks in _DATELINE_FORMS)
#: Every alternative's marks: parse_dateline reads once which of them a line holds.
_DATELINE_MARKS = "".join(sorted({c for _, marks in _DATELINE_FORMS for c in marks}))
#: A line that is only a place and an agency in brackets: "Aden (Al Ayyam)".
_PLACE_AGENCY_LINE = lazy(rf"^{_PLACE}[ \t]*{_BRACKETED}[ \t]*$")
#: Two short capitalized runs joined by a dash, alone on a line: place and reporter,
#: or outlet and place ("Tripoli - Jane Roe", "Daily Courier - Amman Mon 14 Mar 2022, 08:15 AM").
_DASHED_LINE = lazy(
    rf"^[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){{0,3}}[ \t]+[-–—][ \t]+[A-Z][\w'’.\-]*(?:[ \t]+(?:[A-Z][\w'’.\-]*|al-\w+|bin|ibn)){{0,3}}{_DATE}[ \t]*$"
)
#: An exclusivity slug alone on a line (Arabic خاص, "special"): "Some News/ special", "Special - Some Press".
_SPECIAL_LINE = lazy(
    r"^(?P<agency>[A-Z][\w'’.\-]*(?:[ \t]+[\w'’.\-]+){0,2})[ \t]*/[ \t]*(?:special|exclusive)[ \t]*$"
    r"|^(?:Special|Exclusive)[ \t]*[-–—/:]?[ \t]*(?P<agency2>[\w'’.\-]+(?:[ \t]+[\w'’.\-]+){0,2}[ \t]+(?:Press|News|Agency|Network|Media|TV|Channel))[ \t]*$",
    re.IGNORECASE,
)
#: The last character of an agency's tag (before spaces or tabs): parse_end_tag's gate.
_END_TAG_LAST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ/)")
#: The agency's tag closing the copy: "... the Amir. –KUNA", "... on Monday. - SPA".
_END_TAG = lazy(
    r"[.!?\"”)][ \t]*(?P<tag>[-–—][ \t]*(?P<agency>[A-Z]{2,6})|/[ \t]*(?P<agency2>[A-Z]{2,6})[ \t]*/|\((?P<agency3>[A-Z]{2,6})\))[ \t]*$"
)


def parse_dateline(line: str) -> tuple[int, list[Part]] | None:
    """(end of the dateline, its ``place``/``agency`` parts) when a line opens
    with a dateline or agency tag, or is one; None otherwise."""
    if len(line) > 400:
        line = line[:400]
    m = None
    if len(line) <= 60:
        m = _PLACE_AGENCY_LINE.match(line) or _SPECIAL_LINE.match(line) or _DASHED_LINE.match(line)
    if m is None:
        # the first of _DATELINE_FORMS that matches, each tried only where the line holds one of its marks: two
        # lines in three hold none, most others only a hyphen (6 µs for the five forms, 2 µs for the hyphen's);
        # the marks a line holds are read once, not once per form
        held = {c for c in _DATELINE_MARKS if c in line}
        if not held:
            return None
        for alternative, marks in _DATELINE_ALTERNATIVES:
            if not marks.isdisjoint(held) and (m := alternative.match(line)) is not None:
                break
        else:
            return None
    parts: list[Part] = []
    for group in m.re.groupindex:  # in each form a place's group opens before its agency's
        if not m.group(group) or group == "acronym" and not m.group("place2"):
            continue  # (an acronym alone, "NNA -" or "MIAMI -": an agency or a place, the line does not say)
        parts.append(("place" if group.startswith("place") else "agency", m.start(group), m.end(group)))
    end = m.end()
    while end > 0 and line[end - 1] in " \t":
        end -= 1
    return end, parts


def parse_end_tag(line: str) -> tuple[int, list[Part]] | None:
    """(start of the tag, its ``agency`` part) when a paragraph ends with an agency tag ("–KUNA")."""
    # Every match ends with an agency's capital, "/" or ")", then spaces or tabs, then the end (or a
    # final newline, which $ lets through): a line ending otherwise is not searched.
    tail = line.rstrip(" \t")
    if tail.endswith("\n"):
        tail = tail[:-1].rstrip(" \t")
    if tail[-1:] not in _END_TAG_LAST:
        return None
    m = _END_TAG.search(line)
    if m is None:
        return None
    group = next(g for g in ("agency", "agency2", "agency3") if m.group(g))
    return m.start("tag"), [("agency", m.start(group), m.end(group))]


#: Datelines open the first paragraphs of wire copy: only so many segments are read.
DATELINE_SEGMENTS = 5
_DATELINE_KINDS = ("title", "heading", "paragraph")


def dateline_credits(doc) -> list[dict]:
    """The datelines and agency tags of a Document, for its report's credits:
    ``{line, text, start, end, place, agency}`` (``place``/``agency`` a span
    ``{text, start, end}`` or None), in text order. Read at the start of the
    first segments and at the end of the last paragraph."""
    text = doc.text
    out: list[dict] = []

    def add(base: int, end: int, parts: list[Part]) -> None:
        while end > base and text[end - 1] in " \t":
            end -= 1
        roles = {role: {"text": text[base + a : base + b], "start": base + a, "end": base + b} for role, a, b in parts}
        out.append({"line": doc.line_col(base)[0], "text": text[base:end], "start": base, "end": end,
                    "place": roles.get("place"), "agency": roles.get("agency")})

    first = [seg for seg in doc.segments[:DATELINE_SEGMENTS] if seg.kind in _DATELINE_KINDS]
    for seg in first:
        nl = text.find("\n", seg.start, seg.prose_end)
        found = parse_dateline(text[seg.start : nl if nl >= 0 else seg.prose_end])
        if found is not None and found[0] > 0:
            add(seg.start, seg.start + found[0], found[1])
    last = next((seg for seg in reversed(doc.segments) if seg.kind == "paragraph"), None)  # the last paragraph
    if last is not None:
        line_start = text.rfind("\n", last.start, last.prose_end) + 1 or last.start
        found = parse_end_tag(text[line_start : last.prose_end])
        if found is not None:
            tag, parts = found
            add(line_start + tag, last.prose_end, [(r, a - tag, b - tag) for r, a, b in parts])
    return out


# -- credit lines by shape ---------------------------------------------------------
# A credit line is a run of roles, each a role word then "by" or a colon, then names:
# "Reporting by Jane Roe; Editing by Sami Haddad", "Translated into English by Jane Roe
# for Some Outlet", "— Translated by Jane Roe and reviewed by Sami Haddad", "Follow-up:
# Jane Roe | Editing: Sami Haddad" (a photo credit is a caption's, not read here). Read by
# shape, not from a list of whole formulas: the roles are a closed set, the names are
# capitalized, and nothing else may stand on the line.
_ROLE_HEAD = lazy(
    r"(?:(?:additional|edited|unofficial|machine|english|arabic[\s-]+to[\s-]+english)\s+)?"
    r"(?P<role>translated|translation|translators?|rendered|written|writing|reported|reporting|edited|editing|"
    r"prepared|preparation|compiled|follow[\s-]?up|monitoring|reviewed|revised|proofread(?:ing)?)"
    r"(?:\s+and\s+(?:edited|translated|reviewed|compiled|revised))?"
    rf"(?:\s+(?:in)?to\s+english|\s+from\s+(?:the\s+)?(?:{_LANGS})(?:\s+(?:in)?to\s+english)?)?"
    r"[ \t]*(?:\bby\b[ \t]*:?|:)[ \t]*(?=\S)",
    re.I,
)
#: What may open and close such a line: a bracket, a dash of a sign-off ("— Translated by …").
_ROLE_LEAD = lazy(r"^[(\[]?[ \t]*(?:[-–—]+[ \t]*)?")
#: Between two roles: a semicolon, a pipe, a comma or "and" ("Written by Jane Roe, translated by …").
_ROLE_SEP = lazy(r"[ \t]*(?:[;|,]|\band\b)[ \t]*$", re.I)
#: After the names of a role: the outlet written for or translated from, the place ("… in Amman").
_ROLE_TAIL = lazy(r"[ \t]+(?P<prep>for|from|in|at|with)[ \t]+(?:the[ \t]+)?(?P<what>[A-Z][\w'’.\-]*(?:[ \t]+(?:[A-Z][\w'’.\-]*|al-[\w'’\-]+|el-[\w'’\-]+)){0,4})$")


def _roles(line: str) -> list[tuple[str, int, int, tuple[int, int] | None]] | None:
    """(role word, start, end of its names, span of a "from OUTLET" tail) for each role of a
    credit line made only of roles and names, or None."""
    if len(_WORD.findall(line)) > 24:
        return None  # a credit line is short
    lead = _ROLE_LEAD.match(line).end()
    end = len(line.rstrip(" \t.)]"))
    heads = []
    for m in _ROLE_HEAD.finditer(line, lead, end):
        before = line[lead : m.start()]
        # a role opens the line or follows a separator: "… said he translated by hand" is a sentence
        if m.start() == lead or heads and _ROLE_SEP.search(before):
            heads.append(m)
    if not heads or heads[0].start() != lead:
        return None
    out = []
    for i, m in enumerate(heads):
        stop = heads[i + 1].start() if i + 1 < len(heads) else end
        piece_end = stop
        if i + 1 < len(heads):
            sep = _ROLE_SEP.search(line, m.end(), stop)
            piece_end = sep.start() if sep else stop
        source = None
        tail = _ROLE_TAIL.search(line, m.end(), piece_end)
        if tail is not None:
            if tail.group("prep").lower() == "from":
                source = (tail.start("what"), tail.end("what"))
            piece_end = tail.start()
        s, e = _trim(line, m.end(), piece_end)
        if e <= s:
            return None
        out.append((m.group("role").lower(), s, e, source))
    return out


def _role_parts(line: str, role_name: str) -> list[Part] | None:
    """Parts of a credit line read by shape: one ``role_name`` part per name, or None."""
    roles = _roles(line)
    if roles is None:
        return None
    parts: list[Part] = []
    for _, s, e, _source in roles:
        names = _translators(line, s, e)
        if names is None:
            return None  # a piece that is no list of names: a sentence
        parts += [(role_name, a, b) for _, a, b in names]
    return parts


def _translation_roles(line: str) -> list[Part] | None:
    """A credit line read by shape that holds a translation role: its ``translator`` and
    ``source`` parts ("Reporting by Jane Roe; translated from Arabic by Sami Haddad")."""
    roles = _roles(line)
    if roles is None or not any(r.startswith(("translat", "rendered")) for r, *_ in roles):
        return None
    parts: list[Part] = []
    for role, s, e, source in roles:
        names = _translators(line, s, e)
        if names is None:
            return None
        if role.startswith(("translat", "rendered")):
            parts += names
            if source is not None:
                parts.append(("source", *source))
    return parts


#: A place, a slash and a name: "Amman / Jane Roe", "Amman/ Jane Roe" (Arabic عمان / فلان); a space
#: beside the slash, since a photo credit writes none ("Facebook/Jane Roe", "Jane Roe/Agency").
_PLACE_SLASH = lazy(r"^[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*)?(?:[ \t]+/|/[ \t]+)[ \t]*(?P<name>[^/]+?)[ \t]*$")


def _place_slash(line: str) -> list[Part] | None:
    """The name of a place-and-name line ("Amman / Jane Roe"). (A dash and a name alone, "— Jane
    Roe", is no byline: it names the speaker of the quotation above it.)"""
    m = _PLACE_SLASH.match(line)
    if m is None or not _is_name(m.group("name")):
        return None
    return [("by", m.start("name"), m.end("name"))]
