"""Common Arabic given names and their usual romanizations.

Edit similarity alone cannot tell Mahmoud from Muhammad, Hassan from Hussein
or Said from Sayyid: the spellings are close, the names are not. Each group
below is one Arabic name; two spellings in the same group are the same name,
two spellings in different groups are different names, however close. Groups
list only spellings that are common in news and sanctions lists.
"""

from __future__ import annotations

from functools import lru_cache

GROUPS: dict[str, tuple[str, ...]] = {
    # Arabic script in the comment, then the spellings.
    "muhammad": ("muhammad", "mohammed", "mohammad", "mohamed", "muhammed", "mohamad", "muhamad", "mouhamed", "mouhammad", "mohd", "muhamed", "mohamud", "mahamat"),  # محمد
    "mahmud": ("mahmoud", "mahmud", "mahmood", "mehmood", "mahmut"),  # محمود
    "ahmad": ("ahmad", "ahmed", "ahmet", "ehmed", "ahmat"),  # أحمد
    "hamad": ("hamad",),  # حمد
    "hamid": ("hamid", "hamed", "hameed"),  # حامد / حميد
    "hamada": ("hamada",),  # حمادة
    "hassan": ("hassan", "hasan", "hassen", "hacen", "hasen"),  # حسن
    "hussein": ("hussein", "husein", "hussain", "husain", "husayn", "hussien", "houssein", "hossein", "hosein", "hussin", "hossain"),  # حسين
    "husni": ("husni", "hosni", "housni", "hosny"),  # حسني
    "hassanein": ("hassanein", "hasanain", "hassanain", "hasanayn"),  # حسنين
    "ali": ("ali", "aly"),  # علي
    "alaa": ("alaa", "ala", "alaaeddin"),  # علاء
    "alawi": ("alawi", "alaoui", "alawy"),  # علوي
    "omar": ("omar", "umar", "omer", "oumar", "umer"),  # عمر
    "amr": ("amr", "amro", "amru", "amrou"),  # عمرو
    "ammar": ("ammar",),  # عمار
    "osama": ("osama", "usama", "ousama", "oussama", "usamah", "osamah"),  # أسامة
    "said": ("said", "saeed", "saied", "saiid", "saaid"),  # سعيد
    "sayyid": ("sayyid", "sayed", "sayyed", "seyed", "seyyed", "sayid"),  # سيد
    "saad": ("saad", "sad"),  # سعد
    "saadi": ("saadi", "saady"),  # سعدي
    "saud": ("saud", "saoud", "suud"),  # سعود
    "saif": ("saif", "sayf", "seif", "saifeddin"),  # سيف
    "khalid": ("khalid", "khaled", "khaleed", "chaled"),  # خالد
    "khalil": ("khalil", "khaleel", "khelil"),  # خليل
    "khalaf": ("khalaf",),  # خلف
    "khalifa": ("khalifa", "khalifah", "khelifa"),  # خليفة
    "yahya": ("yahya", "yehia", "yahia", "yehya", "yahiya", "yihya"),  # يحيى
    "yusuf": ("yusuf", "yousef", "youssef", "yousif", "yusef", "yousuf", "yusif", "youcef", "yossef"),  # يوسف
    "yunus": ("yunus", "younes", "younis", "yunis", "younus", "younous"),  # يونس
    "ismail": ("ismail", "ismael", "esmail", "ismaeel", "ismaiel", "smail", "ismaail"),  # إسماعيل
    "ibrahim": ("ibrahim", "ebrahim", "ibraheem", "brahim", "ibrahem"),  # إبراهيم
    "mustafa": ("mustafa", "mostafa", "moustafa", "mustapha", "mostapha", "moustapha", "mustefa"),  # مصطفى
    "mahdi": ("mahdi", "mehdi", "mahdy"),  # مهدي
    "hadi": ("hadi", "hady"),  # هادي
    "musa": ("musa", "mousa", "moussa", "mussa", "moosa", "mosa"),  # موسى
    "isa": ("isa", "issa", "eisa", "esa", "aissa"),  # عيسى
    "yasser": ("yasser", "yasir", "yaser", "yassir"),  # ياسر
    "nasser": ("nasser", "nasir", "naser", "nassir", "nacer", "nasser"),  # ناصر
    "nasr": ("nasr", "nasrallah", "nasrullah"),  # نصر
    "mansour": ("mansour", "mansur", "mansoor"),  # منصور
    "jamal": ("jamal", "gamal", "djamel", "jamel", "djamal"),  # جمال
    "jamil": ("jamil", "jameel", "gamil", "djamil", "gameel"),  # جميل
    "kamal": ("kamal", "kemal"),  # كمال
    "kamil": ("kamil", "kamel", "kameel"),  # كامل
    "karim": ("karim", "kareem", "krim"),  # كريم
    "fadi": ("fadi", "fady"),  # فادي
    "fadel": ("fadel", "fadil", "fadhil", "fadhel"),  # فاضل
    "fadl": ("fadl", "fadhl", "fadlallah"),  # فضل
    "rami": ("rami", "ramy"),  # رامي
    "sami": ("sami", "samy"),  # سامي
    "sameh": ("sameh", "samih"),  # سامح
    "samir": ("samir", "sameer", "semir"),  # سمير
    "bashir": ("bashir", "basheer", "bachir", "béchir", "bechir"),  # بشير
    "bashar": ("bashar", "bachar"),  # بشار
    "zakaria": ("zakaria", "zakariya", "zakariyya", "zakariyah", "zakarya", "zakariah"),  # زكريا
    "tariq": ("tariq", "tarek", "tareq", "tarik", "tarak"),  # طارق
    "faisal": ("faisal", "faysal", "feisal", "faycal", "faiçal"),  # فيصل
    "walid": ("walid", "waleed", "oualid"),  # وليد
    "wael": ("wael", "wail", "wa'il", "wa'el"),  # وائل
    "ziad": ("ziad", "ziyad", "zeyad", "zyad", "ziyadeh"),  # زياد
    "zaid": ("zaid", "zayd", "zeid", "zeyd"),  # زيد
    "ayman": ("ayman", "aiman", "eyman", "aymen"),  # أيمن
    "imad": ("imad", "emad"),  # عماد
    "iyad": ("iyad", "eyad", "iad"),  # إياد
    "riad": ("riad", "riyad", "riyadh", "reyad"),  # رياض
    "rashid": ("rashid", "rasheed", "rachid", "racheed"),  # رشيد
    "rashad": ("rashad", "rachad"),  # رشاد
    "majid": ("majid", "majed", "maged", "magid", "madjid"),  # ماجد / مجيد
    "adel": ("adel", "adil", "aadel"),  # عادل
    "adnan": ("adnan",),  # عدنان
    "anas": ("anas",),  # أنس
    "anwar": ("anwar", "anouar"),  # أنور
    "ashraf": ("ashraf", "achraf"),  # أشرف
    "atef": ("atef", "atif"),  # عاطف
    "ayoub": ("ayoub", "ayyub", "ayub", "ayoob", "ayyoub"),  # أيوب
    "basel": ("basel", "basil", "bassel", "basil"),  # باسل
    "basem": ("basem", "basim", "bassem", "bassim"),  # باسم
    "bilal": ("bilal", "belal"),  # بلال
    "fahd": ("fahd", "fahad"),  # فهد
    "fawzi": ("fawzi", "fawzy", "fouzi", "fawzy"),  # فوزي
    "fuad": ("fuad", "fouad", "fuwad"),  # فؤاد
    "ghassan": ("ghassan",),  # غسان
    "habib": ("habib", "habeeb"),  # حبيب
    "hakim": ("hakim", "hakeem"),  # حكيم
    "hani": ("hani", "hany"),  # هاني
    "haitham": ("haitham", "haytham", "heitham", "haithem"),  # هيثم
    "hazem": ("hazem", "hazim"),  # حازم
    "hisham": ("hisham", "hesham", "hicham"),  # هشام
    "hamza": ("hamza", "hamzah", "hamzeh"),  # حمزة
    "idris": ("idris", "idriss", "idrees", "edris"),  # إدريس
    "issam": ("issam", "essam", "isam", "esam"),  # عصام
    "jaafar": ("jaafar", "jafar", "jaffar", "jafer"),  # جعفر
    "jihad": ("jihad", "gehad", "jehad"),  # جهاد
    "qasim": ("qasim", "qassem", "kassem", "kasim", "qasem", "kacem", "qaasim"),  # قاسم
    "qassam": ("qassam", "kassam"),  # قسام
    "marwan": ("marwan", "merwan"),  # مروان
    "mazen": ("mazen", "mazin"),  # مازن
    "muhsin": ("muhsin", "mohsen", "mohsin", "muhsen"),  # محسن
    "munir": ("munir", "mounir", "muneer"),  # منير
    "murad": ("murad", "mourad"),  # مراد
    "nabil": ("nabil", "nabeel"),  # نبيل
    "naji": ("naji", "nagi", "naggi"),  # ناجي
    "najib": ("najib", "nagib", "naguib", "najeeb"),  # نجيب
    "nizar": ("nizar", "nezar"),  # نزار
    "imran": ("imran", "omran", "emran"),  # عمران
    "uthman": ("uthman", "othman", "osman", "usman", "uthmane", "othmane"),  # عثمان
    "qais": ("qais", "qays", "kais", "kays"),  # قيس
    "rafiq": ("rafiq", "rafik", "rafeeq", "rafeek"),  # رفيق
    "ramadan": ("ramadan", "ramazan", "ramadhan", "ramdane"),  # رمضان
    "raed": ("raed", "raid", "ra'ed"),  # رائد
    "saleh": ("saleh", "salih"),  # صالح
    "salah": ("salah", "salaheddin", "salahuddin", "salaheddine", "salahaldin"),  # صلاح
    "sharif": ("sharif", "sherif", "cherif", "shareef"),  # شريف
    "sulayman": ("suleiman", "sulayman", "sulaiman", "soliman", "slimane", "sleiman", "suleyman", "soleiman"),  # سليمان
    "tawfiq": ("tawfiq", "tawfik", "toufik", "tewfik", "taufiq"),  # توفيق
    "yasin": ("yasin", "yassin", "yaseen", "yassine", "yacine"),  # ياسين
    "zuhair": ("zuhair", "zouheir", "zuheir", "zuhayr", "zoheir"),  # زهير
    "abbas": ("abbas",),  # عباس
    "hamdan": ("hamdan",),  # حمدان
    "hamdi": ("hamdi", "hamdy"),  # حمدي
    "nour": ("nour", "noor", "nur"),  # نور
    "fatima": ("fatima", "fatma", "fatimah", "fatema"),  # فاطمة
    "aisha": ("aisha", "ayesha", "aicha", "aysha", "aishah"),  # عائشة
    "khadija": ("khadija", "khadijah", "khadeeja"),  # خديجة
    "maryam": ("maryam", "mariam", "meryem"),  # مريم
    "zaynab": ("zainab", "zaynab", "zeinab"),  # زينب
    "huda": ("huda", "houda", "hoda"),  # هدى
    "layla": ("layla", "leila", "laila", "leyla"),  # ليلى
    "amina": ("amina", "aminah", "ameena"),  # أمينة
    "amin": ("amin", "ameen"),  # أمين
    "abdullah": ("abdullah", "abdallah", "abdulla", "abdalla"),  # عبد الله
}


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    from provenance.names.normalize import fold, letters, name_tokens

    index: dict[str, str] = {}
    for group, spellings in GROUPS.items():
        for s in spellings:
            toks = name_tokens(s)
            key = toks[0] if len(toks) == 1 else letters(fold(s).replace(" ", ""))
            index.setdefault(key, group)
    return index


def group_of(token: str) -> str | None:
    """The given-name group of a reduced token (see normalize.letters), or None."""
    return _index().get(token)


def spellings_of(group: str) -> tuple[str, ...]:
    from provenance.names.normalize import name_tokens

    return tuple(t for s in GROUPS.get(group, ()) for t in name_tokens(s)[:1])
