"""Foreign names in a Chinese original, for PV1007 (provenance.bilingual.names).

Chinese writes a foreign name in characters read for their sound (特朗普 te-lang-pu,
Trump). Three ways a reader finds such a name in the original:

- a dot between its parts (丹尼尔·斯图里奇); a middle part of three characters or
  fewer between two dots is the same name (马丁·路德·金), a longer one holds the
  end of one name, a word and the start of the next (巴巴·沃森和韦伯·辛普森);
- a run of three characters or more of the transliteration alphabet, the few
  hundred characters the standard tables use for foreign sounds (科尔宾 Corbyn,
  布伦特蒙哥马利 Brent Montgomery run together), few of them common words;
- Latin letters (counted by the caller).

A name is compared syllable by syllable: each syllable's initial, an n or ng
coda as n, 尔 as r; j and q are also read as s (乔齐克 qiao-qi-ke, Chozick: the qi
writes a z). On the English side a consonant not followed by a vowel may be
left out (Chinese syllables end in a vowel, n or ng, so an English coda is
dropped or given a syllable of its own: 大卫 David, 蒙哥马利 Montgomery).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

#: The dot between the parts of a foreign name.
DOT = re.compile("[·・•‧]")
_HAN = "\u3400-\u9fff"
#: Characters of the transliteration tables (Xinhua's for English, German, French, Russian names), less
#: the ones that are common words on their own (多, 东, 万, 明, 理, 保, 通: 东西, 三万 are no names).
TRANSLIT = frozenset(
    "阿埃艾爱安昂奥巴拜班邦鲍贝本比彼宾波伯勃博布查达戴丹道德登迪蒂丁杜厄恩尔法菲斐芬费弗福夫富"
    "盖甘冈戈格根古瓜圭哈海汉豪赫亨洪胡华怀霍基吉加贾杰捷卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳"
    "勒雷蕾里利莉丽莲林琳隆卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米密莫默姆穆纳娜奈南内尼妮宁纽努诺欧帕"
    "派潘庞佩彭皮珀坡普齐奇恰乔琼丘萨塞赛桑瑟森沙莎尚舍什施史斯苏索塔泰坦汤唐陶特廷图托瓦旺威韦"
    "维温沃乌伍西希锡谢辛休亚扬耶伊因英尤约詹泽扎兹佐芭黛娅薇琪瑞茜罕澳哥歌毕卜策岑楚茨措顿敦凡冯伏嘎"
    "贡季居喀孔阔列敏墨涅舒雅叶"
)
_RUN = re.compile("[" + "".join(sorted(TRANSLIT)) + "]{2,}")
#: A middle part of a dotted name is at most this long (马丁·路德·金); a longer stretch of characters
#: between two dots ends one name and starts the next (巴巴·沃森和韦伯·辛普森).
MIDDLE_MAX = 3
#: A run of the alphabet this long is read as a name when the gate counts names (two characters, 巴顿,
#: are as often a word: 巴西, 加拿).
RUN_MIN = 3


def count_dotted(text: str) -> int:
    """The names with a dot in text: a dot starts a new name unless the characters before it,
    back to the previous dot, are a middle part (three or fewer)."""
    n, prev_end = 0, -1
    for m in DOT.finditer(text):
        seg = re.search(f"[{_HAN}]*$", text[: m.start()]).group()
        before = m.start() - len(seg)
        if not seg:
            prev_end = m.end()
            continue
        if not (before == prev_end and len(seg) <= MIDDLE_MAX):
            n += 1
        prev_end = m.end()
    return n


def runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of two characters or more of the transliteration alphabet in text[start:end]."""
    return [(m.start(), m.end()) for m in _RUN.finditer(text, start, end)]


def count_runs(text: str) -> int:
    """The runs of RUN_MIN characters or more of the alphabet that no dot touches (a dotted name's
    parts are counted by count_dotted)."""
    n = 0
    for s, e in runs(text, 0, len(text)):
        if e - s >= RUN_MIN and not (s > 0 and DOT.match(text, s - 1)) and not DOT.match(text, e):
            n += 1
    return n


_INITIAL = re.compile("zh|ch|sh|[bpmfdtnlgkjqxrzcsw]")
_SOUND = {"w": ("v",), "x": ("s",), "q": ("k", "s"), "j": ("k", "s"), "c": ("s",), "zh": ("j",), "ch": ("k",), "sh": ("s",)}


@lru_cache(maxsize=16384)
def pinyin_skeletons(chars: str) -> frozenset[str]:
    """The consonant skeletons of a transliteration in characters, syllable by syllable: each
    syllable's initial (w is a v: 沃顿 Walton; j and q a k or an s) and its n or ng coda as an n
    (特朗普 te-lang-pu is t-l-n-p, Trump), 尔 an r (丹尼尔, Daniel)."""
    from anyascii import anyascii

    from provenance.bilingual.names import skeleton

    parts: list[tuple[str, ...]] = []
    for c in chars:
        syl = anyascii(c).lower()
        if syl == "er":
            parts.append(("r",))
            continue
        m = _INITIAL.match(syl)
        coda = "n" if syl.endswith(("n", "ng")) and len(syl) > 1 else ""
        if m:
            parts.append(tuple(x + coda for x in _SOUND.get(m.group(), (m.group(),))))
        elif coda:
            parts.append((coda,))
    if sum(len(p) > 1 for p in parts) > 3:  # 3 ambiguous syllables at most: 8 readings
        parts = [p[:1] for p in parts]
    return frozenset(skeleton("".join(x)) for x in product(*parts)) - {""}


def source_skeletons(text: str, start: int, end: int, origin: dict[str, set[tuple[int, int, bool]]] | None = None) -> set[str]:
    """Skeletons of the foreign names of a Chinese original in text[start:end]: one to four
    characters each side of a dot (the name's edges are not marked: 在第 follows), and every stretch
    of one to five characters of a run of the alphabet (弗拉基米尔 before a dot, 布伦特蒙哥马利).
    ``origin``, when given, gets each skeleton's spans (start, end, whole): whole when the stretch
    ends where its part of the name ends (a dot, the run's end: 马丁 of 彼得·马丁, not 格兰 of 英格兰
    nor 密尔顿 of 汉密尔顿, which start inside a word)."""
    out: set[str] = set()

    def add(s: int, e: int, whole: bool) -> None:
        keys = pinyin_skeletons(text[s:e])
        out.update(keys)
        if origin is not None:
            for k in keys:
                origin.setdefault(k, set()).add((s, e, whole))

    for m in DOT.finditer(text, start, end):
        left = re.search(f"[{_HAN}]{{1,4}}$", text[max(start, m.start() - 4) : m.start()])
        right = re.match(f"[{_HAN}]{{1,4}}", text[m.end() : min(end, m.end() + 4)])
        if left:
            for k in range(1, len(left.group()) + 1):
                add(m.start() - k, m.start(), False)
        if right:
            for k in range(1, len(right.group()) + 1):
                e = m.end() + k
                add(m.end(), e, _ends_name(text, e))
    for s, e in runs(text, start, end):
        for i in range(s, e):
            for k in range(1, min(5, e - i) + 1):
                add(i, i + k, (i == s or DOT.match(text, i - 1) is not None) and (i + k == e or DOT.match(text, i + k) is not None))
    out.discard("")
    return out


def _ends_name(text: str, e: int) -> bool:
    """Does a name's part end at e: a dot, or a character no name is written with, after it?"""
    return e >= len(text) or text[e] not in TRANSLIT


_CODA = re.compile("[bcdfgklmnprstvxz](?=[^aeiouy]|$)")


def english_keys(word: str) -> set[str]:
    """Skeletons of an English name's word as Chinese may write it: with consonants not followed by a
    vowel left out (two of them at most, any r; never the first letter; two consonants left only of a word of three): David 大卫, Montgomery 蒙哥马利."""
    from provenance.bilingual.names import _english_keys, skeleton

    low = word.lower()
    out = _english_keys(word, False, "zh")
    full = skeleton(low)
    forms = {low, low.replace("th", "z"), low.replace("w", "v")}
    if re.search("[dt]i", low):  # a Russian д, т before и is soft: the tables write it with j (弗拉基米尔 Vladimir, 普京 Putin)
        forms.add(re.sub("[dt](?=i)", "j", low))
        out.add(skeleton(re.sub("[dt](?=i)", "j", low)))
    if low.startswith("j"):  # an initial j is written with 约 (yue) as often as with 乔 (约翰逊, Johnson; 约瑟夫, Joseph)
        forms.add("y" + low[1:])
        out.add(skeleton("y" + low[1:]))
    for form in forms:
        codas = [m.start() for m in _CODA.finditer(form) if m.start() > 0][:5]
        for mask in range(1, 1 << len(codas)):
            drop = {p for b, p in enumerate(codas) if mask >> b & 1}
            if sum(form[p] != "r" for p in drop) > 2:  # an r after a vowel Chinese leaves out anyway (马丁, Martin)
                continue
            key = skeleton("".join(ch for i, ch in enumerate(form) if i not in drop))
            if len(key) >= 3 or (len(key) == 2 and len(full) <= 3):  # Bernard cut to b-n matches 宾 by chance
                out.add(key)
    return out


def han_readings(text: str, start: int, end: int) -> set[str]:
    """The pinyin (lower case, no tones) of every one to three adjacent characters: a Chinese
    person's name is written in its own characters and romanized by them (习近平, Xi Jinping); and
    the characters themselves (a Korean surname's hanja, 金 for Kim)."""
    from anyascii import anyascii

    out: set[str] = set()
    for m in re.finditer(f"[{_HAN}]+", text[start:end]):
        w = m.group()
        out |= {anyascii(w[i : i + k]).lower() for k in (1, 2, 3) for i in range(len(w) - k + 1)} | set(w)
    return out


#: A Korean name romanized (Kim Jong-un, Moon Jae-in): a syllable after a hyphen in lower case.
_KOREAN = re.compile("[A-Z][a-z]{1,4}-[a-z]{1,4}$")
#: The commonest Korean surnames as romanized, North and South (Ri is the North's Lee), and their hanja
#: as Chinese prints them: a Korean name is the surname and a given name of two syllables, written as two
#: words as often as hyphenated ("Kim Jong Un", "Ri Yong Ho"), its hanja read otherwise (金正恩 jin zheng en,
#: 李勇浩 li yong hao); the surname's character in the original is the sign of it.
_KOREAN_SURNAMES = {
    "kim": "金", "lee": "李", "ri": "李", "park": "朴", "pak": "朴", "choi": "崔", "choe": "崔", "jung": "郑", "chung": "郑",
    "kang": "姜", "cho": "赵", "yoon": "尹", "yun": "尹", "jang": "张", "lim": "林", "han": "韩", "oh": "吴", "seo": "徐",
    "shin": "申", "kwon": "权", "hwang": "黄", "ahn": "安", "song": "宋", "moon": "文", "mun": "文", "hong": "洪",
}


def vouched(words: list[str], latin: set[str], dotted: set[str], hanzi: set[str], min_ratio: float, min_len: int, origin=None) -> bool:
    """Is the English name (its words) in the Chinese original: in Latin letters (latin), written by
    sound (dotted: source_skeletons), or a Chinese name in its characters (hanzi: han_readings)?
    With ``origin`` (source_skeletons' spans) a name of two words or more is placed (_placed)."""
    from provenance.bilingual.names import _english_keys, _latin_found, _loose, _vouched, skeleton

    if _latin_found(words, latin):
        return True
    if all(re.sub("[^a-z]", "", w.lower()) in hanzi for w in words):  # 习近平 xi jin ping: Xi Jinping
        return True
    korean = len(words) == 3 and _KOREAN_SURNAMES.get(words[0].lower()) in hanzi and all(len(w) <= 4 for w in words[1:])
    if korean or any(_KOREAN.match(w) for w in words) or any(w[:1].islower() and len(w) <= 4 for w in words[1:]):  # Jong-un's "un" a word of its own
        return True  # a Korean name is written in hanja read another way (金正恩 jin zheng en, Kim Jong-un): not comparable
    kept = [w for w in words if len(skeleton(w)) >= min_len]
    if not kept:
        return True
    keys = [_english_keys(w, False, "zh") for w in kept]
    if origin is not None and len(kept) >= 2:
        return _placed(keys, [english_keys(w) for w in kept], dotted, min_ratio, origin)
    if _vouched(keys, dotted, min_ratio, "zh"):
        return True
    # with its codas left out (大卫 David), a word is matched exactly only: fuzzily such short keys match by chance
    cut = [english_keys(w) for w in kept]
    if any(len(k) >= 3 for k in cut[-1] & dotted):  # the surname found, its codas left out (卢瑟福, Rutherford)
        return True
    same = sum(1 for ks in cut if ks & dotted)
    long_same = sum(1 for ks in cut if any(len(k) >= 3 for k in ks & dotted))
    alike = sum(1 for ks, cs in zip(keys, cut) if not cs & dotted and _loose(ks, dotted))
    # two words the same (迈克·范恩, Michael Vann), or one of three consonants or more the same and another like a part
    # (a two-consonant part, 比尔 for Paul, is the same as many given names by chance)
    return same >= 2 or (long_same >= 1 and same + alike >= 2)


def _placed(keys: list[set[str]], cut: list[set[str]], dotted: set[str], min_ratio: float, origin) -> bool:
    """A name of two words or more found by sound in a Chinese original: two of its words written
    next to each other (across a dot or run together: 杰夫·弗雷克, 布伦特蒙哥马利), or its surname, three
    consonants or more, as the whole last part of a name (马丁 of 彼得·马丁). Every stretch of a run is
    read, so a word's skeleton is found inside another name by chance (Corcoran in 英格兰's 格兰,
    Martin in 汉密尔顿's 密尔顿)."""
    from provenance.bilingual.names import _found, _hits, _loose

    placed: list[set[tuple[int, int, bool]]] = []
    given: list[set[tuple[int, int, bool]]] = []
    last = len(keys) - 1
    for n, (ks, cs) in enumerate(zip(keys, cut)):
        hit_keys = [h for k in ks if _found(k, dotted, min_ratio, False) for h in _hits(k, dotted, min_ratio, False)]
        hit_keys += [k for k in cs if k in dotted]  # codas left out: matched exactly only
        spans = set().union(*(origin.get(k, set()) for k in hit_keys))
        if n == last and any(whole and len(k) >= 3 for k in hit_keys for _, _, whole in origin.get(k, ())):
            return True
        if any(_next_to(spans, other) for other in placed):
            return True
        if n == last and given:  # the given name found, the surname written next to it otherwise (托马斯·比约恩, Thomas Bjorn)
            loose = set().union(*(origin.get(k, set()) for k in dotted if _loose(ks, {k})))
            if any(_next_to(loose, other) for other in given):
                return True
        placed.append(spans)
        if any(len(k) >= 3 for k in hit_keys):  # a given name of two consonants (比尔 b-r, Paul and Bill) is many names
            given.append(spans)
    return False


def _next_to(a, b) -> bool:
    """Two stretches written one after the other, or with a dot between them."""
    return any(e1 == s2 or e2 == s1 or (s2 - e1 == 1 or s1 - e2 == 1) for s1, e1, _ in a for s2, e2, _ in b)
