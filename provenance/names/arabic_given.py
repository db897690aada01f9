"""The common Arabic given names of ``given_names`` in Arabic script: word -> group.

The cross-script matcher reads it to tell Mahmoud (محمود) from Muhammad (محمد)
when the Latin spelling alone is ambiguous: both have the consonants m-h-m-d,
and only the name tells which vowels go where.
"""

from __future__ import annotations

from functools import lru_cache

_TABLE = """
    محمد:muhammad محمود:mahmud أحمد:ahmad حمد:hamad حامد:hamid حميد:hamid حمادة:hamada حسن:hassan
    حسين:hussein حسني:husni حسنين:hassanein علي:ali علاء:alaa علوي:alawi عمر:omar عمرو:amr عمار:ammar
    أسامة:osama سعيد:said سيد:sayyid سعد:saad سعدي:saadi سعود:saud سيف:saif خالد:khalid خليل:khalil
    خلف:khalaf خليفة:khalifa يحيى:yahya يوسف:yusuf يونس:yunus إسماعيل:ismail إبراهيم:ibrahim
    مصطفى:mustafa مهدي:mahdi هادي:hadi موسى:musa عيسى:isa ياسر:yasser ناصر:nasser نصر:nasr منصور:mansour
    جمال:jamal جميل:jamil كمال:kamal كامل:kamil كريم:karim فادي:fadi فاضل:fadel فضل:fadl رامي:rami
    سامي:sami سامح:sameh سمير:samir بشير:bashir بشار:bashar زكريا:zakaria طارق:tariq فيصل:faisal
    وليد:walid وائل:wael زياد:ziad زيد:zaid أيمن:ayman عماد:imad إياد:iyad رياض:riad رشيد:rashid
    رشاد:rashad ماجد:majid مجيد:majid عادل:adel عدنان:adnan أنس:anas أنور:anwar أشرف:ashraf عاطف:atef
    أيوب:ayoub باسل:basel باسم:basem بلال:bilal فهد:fahd فوزي:fawzi فؤاد:fuad غسان:ghassan حبيب:habib
    حكيم:hakim هاني:hani هيثم:haitham حازم:hazem هشام:hisham حمزة:hamza إدريس:idris عصام:issam
    جعفر:jaafar جهاد:jihad قاسم:qasim قسام:qassam مروان:marwan مازن:mazen محسن:muhsin منير:munir
    مراد:murad نبيل:nabil ناجي:naji نجيب:najib نزار:nizar عمران:imran عثمان:uthman قيس:qais رفيق:rafiq
    رمضان:ramadan رائد:raed صالح:saleh صلاح:salah شريف:sharif سليمان:sulayman توفيق:tawfiq ياسين:yasin
    زهير:zuhair عباس:abbas حمدان:hamdan حمدي:hamdi نور:nour فاطمة:fatima عائشة:aisha خديجة:khadija
    مريم:maryam زينب:zaynab هدى:huda ليلى:layla أمينة:amina أمين:amin عبدالله:abdullah
"""


def key(word: str) -> str:
    """A folded Arabic word as the table keys it: hamza seats on alef folded, ta marbuta as ha, alef maqsura as ya."""
    from provenance.names.script_tables import fold_arabic

    return fold_arabic(word).replace("ة", "ه").replace("ى", "ي")


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    out = {}
    for item in _TABLE.split():
        word, _, group = item.partition(":")
        out[key(word)] = group
    return out


def group_of_arabic(word: str) -> str | None:
    """The given-name group of a folded Arabic word (article already removed), or None."""
    return table().get(key(word))
