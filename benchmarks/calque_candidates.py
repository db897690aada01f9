"""Native rate of candidate calques before they go into the ar-en packs (issue 9, calq9).

    python benchmarks/calque_candidates.py [--only NAME,...] [--no-gold] [--json]

Each candidate is a pattern written from knowledge of Arabic news language (a
stock formula and its word-for-word English), not read off the passages. The
script counts its matches per 1,000 words in the two native controls (PolNeAR
train, NTREX English originals): a phrase goes into a pack when it is rare in
native news (at most ``THRESHOLD`` per 1,000 words in each control), gated with
context until it is, or dropped. Beside the native rates it prints, per tune
half (tuneA, tuneB), the translated matches, how many overlap a gold item, and
how many overlap a gold item the default pipeline misses today (what an info
rule on the candidate would add to recall by any finding). Counts only, never
text; the held-out split is not a choice (docs/artifacts-gold.md).

Needs ../shared; prints "skipped" without it.
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import artifacts_eval as E  # noqa: E402
from benchmarks.markers_keyness import matches, rate, words  # noqa: E402

#: The native rate (per 1,000 words, in each control) under which a candidate is kept.
THRESHOLD = 0.02

_I = "(?i)"
_OPEN = r"(?:^|(?<=[.!?]\s)|(?<=\n))"  # sentence start

# (name, the Arabic it renders, pattern). Case-sensitive unless the pattern opens with (?i).
CANDIDATES: tuple[tuple[str, str, str], ...] = (
    # -- discourse connectives
    ("especially-that", "خاصة أن / لا سيما أن", _I + r"\b(?:especially|particularly|specially)\s+that\s+(?=(?:the|he|she|it|they|there|this|these|its|his|her|their|a|an)\b)"),
    ("knowing-that", "علما بأن", r",\s+knowing\s+that\b"),
    ("this-in-addition", "هذا بالإضافة إلى", _OPEN + r"(?:This|That)\s+is\s+in\s+addition\s+to\b"),
    ("in-the-time-that", "في الوقت الذي", _I + r"\bin\s+the\s+time\s+(?:that|which|when)\b"),
    ("at-the-top-of-which", "على رأسها", _I + r"\b(?:at|on)\s+the\s+(?:top|head)\s+of\s+(?:which|whom|them)\b"),
    ("and-in-this", "وفي هذا", _OPEN + r"And\s+(?:in|on|within|from)\s+(?:this|that|the\s+same|another|a\s+related)\s+(?:regard|context|framework|respect|level|side|matter|connection|direction),"),
    ("within-this-framework", "وفي هذا الإطار", _I + r"\b(?:within|in)\s+this\s+(?:frame|framework|scope|sphere),"),
    ("on-the-level-of", "على مستوى", _I + r"\bon\s+the\s+level\s+of\b"),
    ("from-his-side", "من جهته", _I + r"\b(?:from|on)\s+(?:his|her|its|their)\s+(?:side|direction|end)\b(?=\s*,)"),
    ("for-his-turn", "بدوره", _I + r"\b(?:for|by|with)\s+(?:his|her|its|their)\s+(?:turn|role),"),
    ("in-its-role", "بدوره", _OPEN + r"(?:And\s+)?In\s+(?:his|her|its|their)\s+role,"),
    ("to-this", "إلى ذلك", _OPEN + r"(?:And\s+)?(?:To\s+this|In\s+addition\s+to\s+this|Besides\s+that|Further\s+to\s+that),"),
    ("it-is-mentioned", "يذكر أن", _OPEN + r"(?:It\s+is\s+(?:recalled|reminded|remembered|to\s+be\s+recalled)|It\s+is\s+worth\s+remembering|Noteworthy,|Notably,\s+that)\b"),
    ("as-it-is-known", "كما هو معروف", _I + r"\bas\s+(?:it\s+is|is)\s+(?:well\s+)?known\b"),
    ("the-matter-that", "الأمر الذي", _I + r"\b(?:a|the)\s+matter\s+which\b|\bthe\s+thing\s+which\b"),
    ("which-is-what", "وهو ما", r",\s+which\s+is\s+what\b"),
    ("this-is-what", "وهذا ما", _OPEN + r"(?:And\s+)?This\s+is\s+what\s+(?!I\b|we\b|you\b)"),
    ("in-a-word-he-delivered", "في كلمة ألقاها", _I + r"\b(?:in|during)\s+(?:a|his|her|the)\s+(?:\w+\s+)?word\s+(?:he|she|that\s+he|that\s+she|which\s+he|which\s+she)?\s*(?:delivered|gave|made|said|addressed)\b|\bdeliver(?:ed|s|ing)?\s+a\s+word\b"),
    ("copy-of-which", "تلقت نسخة منه", _I + r"\b(?:a\s+copy\s+of\s+which|received\s+a\s+copy\s+of\s+it|obtained\s+a\s+copy\s+of\s+it)\b"),
    ("according-to-his-saying", "حسب قوله", _I + r"\baccording\s+to\s+(?:his|her|their)\s+(?:saying|sayings|words|expression|statement|statements|description)\b"),
    ("expressed-his-hope", "أعرب عن أمله", _I + r"\bexpress(?:ed|es|ing)?\s+(?:his|her|its|their)\s+hope\s+(?:that|to|for|in)\b"),
    ("alerted-that", "نبه إلى أن", _I + r"\balert(?:ed|s|ing)?\s+(?:to\s+)?that\b"),
    ("pointed-that", "أشار أن", _I + r"\bpoint(?:ed|s|ing)\s+that\b"),
    ("clarified-that", "أوضح أن", _I + r"\bclarif(?:ied|ies|ying)\s+that\b"),
    ("affirmed-that", "أكد أن", _I + r"\baffirm(?:ed|s|ing)\s+that\b"),
    ("deemed-that", "اعتبر أن", _I + r"\bdeem(?:ed|s|ing)\s+that\s+(?=(?:the|he|she|it|they|there|this|these|its|his|her|their)\b)"),
    ("it-was-stressed", "تم التأكيد", _OPEN + r"It\s+(?:was|has\s+been|had\s+been|is)\s+(?:stressed|emphasi[sz]ed|affirmed|underlined|pointed\s+out|indicated|clarified|explained)\b"),
    ("it-was-done", "تم + مصدر", _I + r"\b(?:it|which)\s+(?:was|has\s+been|had\s+been|will\s+be)\s+done\b"),
    ("called-to", "دعا إلى", _I + r"\bcall(?:ed|s|ing)?\s+to\s+(?:stop|end|halt|cease|the\s+(?:need|necessity|importance|stop|end|cessation|release|lifting|formation|unification|unity|adoption|implementation|activation|opening)|(?:an?\s+)?(?:immediate|urgent|quick|rapid|speedy|swift)\b)"),
    ("demanded-to", "طالب بـ", _I + r"\bdemand(?:ed|s|ing)?\s+(?:to\s+(?:stop|end|halt|release|lift|open|hold|form|punish|expel|withdraw)\b|with\s+the\b)"),
    ("praised-with", "أشاد بـ", _I + r"\b(?:praised|praises|praising|commended|lauded)\s+with\b"),
    ("warned-from", "حذر من", _I + r"\bwarn(?:ed|s|ing)?\s+from\b"),
    ("denounced-of", "", _I + r"\b(?:denounc|condemn)(?:ed|es|ing|e)?\s+(?:of|at|on)\s+the\b"),
    ("stated-to", "صرح لـ", _I + r"\bstat(?:ed|es|ing)\s+to\s+(?:the\s+)?(?:[A-Z]|reporters|journalists|press|media)"),
    # -- stock noun phrases
    ("public-opinion", "الرأي العام", _I + r"\bthe\s+public\s+opinion\b(?!\s+(?:poll|polls|survey|surveys|research|of|in|court)\b)"),
    ("civil-society", "المجتمع المدني", _I + r"\bthe\s+civil\s+society\b(?!\s+(?:groups?|organi[sz]ations?|sector|activists?|leaders?|members?|actors?|coalition|representatives?|movement|networks?|institutions?|bodies|space)\b)"),
    ("security-apparatuses", "الأجهزة الأمنية", _I + r"\b(?:security|intelligence|state|military)\s+apparatuses\b|\bthe\s+(?:security|intelligence)\s+(?:devices|organs)\b"),
    ("political-forces", "القوى السياسية", _I + r"\bthe\s+(?:political|national|partisan|Islamic|revolutionary|civil)\s+forces\b"),
    ("components", "المكونات", _I + r"\b(?:all|the|its)\s+(?:\w+\s+)?components\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:people|society|nation)\b|\bthe\s+(?:Sunni|Shiite|Shia|Kurdish|Christian|Turkmen|Yazidi|political|social|national)\s+components?\b"),
    ("religious-reference", "المرجعية", _I + r"\b(?:the\s+)?(?:supreme\s+|highest\s+|top\s+)?(?:religious|Shiite|Shia)\s+references?\b|\bthe\s+Marja(?:'|’)?iya\w*\b"),
    ("hebrew-media", "الإعلام العبري", _I + r"\b(?:the\s+)?Hebrew\s+(?:newspaper|newspapers|daily|dailies|website|websites|site|sites|channel|channels|media|press|radio|television|TV|sources|broadcaster|outlets?)\b"),
    ("american-administration", "الإدارة الأمريكية", _I + r"\bthe\s+American\s+administration\b"),
    ("nationality-side", "الجانب العراقي", _I + r"\bthe\s+(?:Iraqi|Egyptian|Jordanian|Lebanese|Syrian|Saudi|Kuwaiti|Qatari|Emirati|Bahraini|Omani|Yemeni|Libyan|Tunisian|Algerian|Moroccan|Sudanese|Turkish|Iranian)\s+side\b(?!\s+of\b)"),
    ("mobility", "الحراك", _I + r"\b(?:the\s+)?(?:political|diplomatic|popular|street|social|regional|international)\s+(?:mobility|mobilities|movements)\b|\bthe\s+(?:popular|street)\s+movement\b"),
    ("political-track", "المسار السياسي", _I + r"\bthe\s+(?:political|negotiating|negotiation|diplomatic|constitutional|electoral|judicial)\s+(?:track|path)\b"),
    ("gaza-sector", "قطاع غزة", _I + r"\bGaza\s+[Ss]ector\b|\bthe\s+(?:besieged\s+)?sector\b(?=[^.\n]{0,80}\bGaza\b)"),
    ("western-bank", "الضفة الغربية", r"\b[Tt]he\s+(?:occupied\s+)?Western\s+Bank\b"),
    ("memory-of", "الذكرى", _I + r"\bthe\s+(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|tenth|twentieth|fiftieth|hundredth|\w+(?:-|\s)(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|\w+tieth|\w+th)\s+(?:memory|remembrance)\s+of\b|\bthe\s+memory\s+of\s+the\s+(?:Nakba|Naksa|martyrdom|massacre|revolution|liberation|independence|founding|launch)\b"),
    ("the-citizens", "المواطنين", _I + r"\bthe\s+citizens\b(?!\s+of\b)(?!['’])"),
    ("dear-citizens", "المواطنين الكرام", _I + r"\b(?:dear|honou?rable|noble|gracious)\s+citizens\b"),
    ("the-homeland", "الوطن", _I + r"\bthe\s+homeland\b(?!\s+security\b)(?<!department\s\w{3}\s\w{8})"),
    ("islamic-nation", "الأمة الإسلامية", _I + r"\bthe\s+(?:Islamic|Arab|Muslim)\s+(?:nation|ummah|umma)\b"),
    ("public-money", "المال العام", _I + r"\bthe\s+public\s+money\b|\bpublic\s+(?:money|funds)\s+(?:squandering|theft)\b|\b(?:squander|squandering|waste|wasting|plunder|plundering|theft)\s+of\s+(?:the\s+)?public\s+(?:money|funds)\b"),
    ("masses", "الجماهير", _I + r"\bthe\s+masses\s+of\s+(?:the\s+)?(?:people|Palestinian|Arab|Iraqi|Egyptian|Lebanese|Syrian|Yemeni|Islamic|nation|citizens|supporters|fans|party|movement)\b|\bthe\s+(?:Palestinian|Arab|Iraqi|Egyptian|Lebanese|Syrian|Yemeni|popular)\s+masses\b"),
    ("the-brothers", "الأشقاء", _I + r"\b(?:the|our)\s+(?:Arab|Palestinian|Iraqi|Egyptian|Lebanese|Syrian|Yemeni|Libyan|Sudanese|Jordanian|Saudi|Kuwaiti|Qatari|Emirati|Gulf)\s+(?:brothers|brethren)\b|\bour\s+brothers\s+in\s+(?:the\s+)?(?:[A-Z]\w+)"),
    ("sister-country", "الدولة الشقيقة", _I + r"\bthe\s+sister(?:ly)?\s+(?:country|state|nation|kingdom|republic|sultanate|emirate)\b"),
    ("most-prominent-of-which", "أبرزها", _I + r"\b(?:the\s+)?most\s+(?:prominent|notable|important|significant)\s+of\s+(?:which|whom|them)\b"),
    ("with-attendance-of", "بحضور", _I + r"\b(?:with|amid)\s+the\s+(?:attendance|presence)\s+of\b"),
    ("with-participation-of", "بمشاركة", _I + r"\bwith\s+the\s+participation\s+of\b"),
    ("on-the-occasion", "بمناسبة", _I + r"\bon\s+the\s+occasion\s+of\b"),
    ("crisis-cell", "خلية الأزمة", _I + r"\b(?:the\s+)?crisis\s+cell\b|\bthe\s+(?:emergency|operations)\s+cell\b"),
    ("holy-jerusalem", "القدس الشريف", _I + r"\b(?:holy|noble)\s+Jerusalem\b|\bthe\s+blessed\s+Al-?Aqsa\b"),
    ("blessed-occasion", "عيد مبارك", _I + r"\bthe\s+blessed\s+(?:Eid|month|feast|holiday|occasion|Ramadan|day|days)\b|\bthe\s+(?:holy|blessed|honourable|honorable)\s+month\s+of\s+Ramadan\b"),
    ("all-its-forms", "بكافة أشكاله", _I + r"\b(?:in|with|of)\s+all\s+(?:its|their|his|her)\s+(?:forms|kinds|types|shapes|colors|colours)\s+and\s+(?:forms|kinds|types|shapes|colors|colours|manifestations|sizes)\b|\ball\s+(?:forms|kinds|types)\s+and\s+(?:forms|kinds|types|colors|colours|shapes|sizes)\b"),
    ("a-set-of", "جملة من / حزمة من", _I + r"\ba\s+(?:package|bundle|basket|sentence|series)\s+of\s+(?:the\s+)?(?:measures|procedures|decisions|steps|recommendations|reforms|demands|proposals|projects|laws|legislations|facilities|incentives|conditions)\b"),
    ("in-a-big-form", "بشكل كبير", _I + r"\b(?:in|with|by)\s+an?\s+(?:\w+\s+)?(?:form|shape|picture|image)\b(?=\s*(?:[,.;]|and\b|in\b|on\b|to\b|with\b|at\b|for\b|after\b|during\b|since\b|$))"),
    ("in-a-general-way", "بشكل عام", _I + r"\bin\s+a\s+general\s+(?:way|form|manner|shape)\b"),
    ("on-a-wide-scale", "على نطاق واسع", _I + r"\bon\s+a\s+(?:wide|large|broad)\s+(?:range|extent|level)\b"),
    ("the-aforementioned", "المذكور", _I + r"\bthe\s+(?:aforementioned|aforesaid|above-mentioned|abovementioned|above\s+mentioned)\b"),
    ("the-latter-said", "وقال الأخير", _I + r"\bthe\s+latter\s+(?:said|added|stressed|pointed|noted|confirmed|indicated|explained|stated|affirmed|considered|revealed|announced)\b"),
    # -- dates and time
    ("in-the-year", "عام 2019", _I + r"\b(?:in|during|since|until|by|of|for|from)\s+(?:the\s+)?year\s+(?:19|20)\d\d\b"),
    ("ongoing-year", "العام الجاري", _I + r"\bthe\s+(?:ongoing|running|present)\s+(?:year|month|week)\b"),
    ("the-current-year", "العام الجاري", _I + r"\b(?:of|during|in|since|until|for|from|throughout|within)\s+the\s+current\s+year\b"),
    ("since-years", "منذ سنوات", _I + r"\bsince\s+(?:(?:a\s+)?(?:few|several|many|long|some|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(?:years|months|weeks|days|decades|hours)\b(?!\s+(?:ago|before|earlier|after|of)\b)|\bsince\s+a\s+(?:long\s+)?(?:time|while|period)\b(?!\s+(?:ago|before|when)\b)"),
    ("before-two-days", "قبل يومين", _I + r"\bbefore\s+(?:(?:a\s+)?(?:few|several|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)(?:years|months|weeks|days|hours|decades)\b(?!\s+(?:of|in|at|on|to|from|before|after|later|and|or)\b)"),
    ("during-past-days", "خلال الأيام الماضية", _I + r"\b(?:during|over|in|within|throughout)\s+the\s+(?:last|past|previous|recent)\s+(?:days|weeks|months|years|hours)\b"),
    ("evening-of-monday", "مساء الاثنين", _I + r"\b(?:on\s+)?the\s+(?:evening|morning|night|afternoon|dawn|noon)\s+of\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("hijri-date", "هـ", r"\b1[34]\d\d\s*(?:AH|A\.H\.|H\b|Hijri|Hegira|after\s+Hijra)|\b(?:Muharram|Safar|Rabi(?:'|’)?\s?(?:al|Al|ul|el)?[-\s]?(?:Awwal|Awal|Thani|Akhir|Akhar|Al-?Thani)|Jumad[ae]\s?(?:al|Al|el)?[-\s]?(?:Ula|Oula|Awwal|Akhira|Akhirah|Thani|Al-?Akhira)|Rajab|Sha(?:'|’)?ban|Shawwal|Dhu\s?(?:al|Al|l)?[-\s]?(?:Qi|Q)(?:'|’)?(?:dah|ada|adah|da)|Dhu\s?(?:al|Al|l)?[-\s]?Hij(?:j)?ah)\s*,?\s+1[34]\d\d\b|\b\d{1,2}\s+(?:Muharram|Safar|Rajab|Sha(?:'|’)?ban|Shawwal|Ramadan)\b"),
    # -- other
    ("ended-tag", "انتهى", r"\((?:ended|Ended|end|Ends|ENDS|ends)\)|(?<=[.!?\"”])\s*[-–—]?\s*(?:Ended|ENDED)\s*(?:$|\n)"),
    ("agency-trailer", "—كونا", r"(?<=[.!?\"”])\s*(?:[-–—]{1,2}\s*|\(\s*|/\s*)(?:KUNA|WAM|SPA|QNA|BNA|ONA|MENA|SANA|Petra|PETRA|INA|NINA|APS|MAP|TAP|IRNA|WAFA|Wafa|SABA|Saba|NNA|LANA|SUNA)\s*(?:\)|/)?\s*(?=$|\n)"),
    ("agency-slash", "/كونا/", r"(?<!\w)/\s*(?:KUNA|WAM|SPA|QNA|BNA|ONA|MENA|SANA|Petra|PETRA|INA|NINA|APS|MAP|TAP|IRNA|WAFA|Wafa|SABA|Saba|NNA)\s*/"),
    ("she-said-ministry", "الوزارة قالت", r"\b(?:The\s+)?(?:[Mm]inistry|[Cc]ommittee|[Cc]ouncil|[Aa]gency|[Aa]uthority|[Cc]ommission|[Gg]overnment|[Cc]ompany|[Oo]rgani[sz]ation|[Ff]ederation|[Aa]rmy|[Pp]olice|[Dd]irectorate|[Mm]ovement|[Ff]ront|[Pp]arty|[Cc]ourt|[Mm]unicipality|[Uu]niversity|[Ee]mbassy)\b[^.!?\n]{0,120}[.!?]\s+(?:She|Her)\s+(?:said|added|stressed|noted|explained|pointed|called|confirmed|indicated|stated|affirmed|warned|urged|announced)\b"),
    # -- machine-translation word errors and more formulae
    ("drones-as-marches", "مسيرات", _I + r"\b(?:launch(?:ed|es|ing)?|fir(?:ed|es|ing)|bomb-laden|booby-trapped|explosive|armed|unmanned|suicide|hostile|intercept(?:ed|s|ing)?|down(?:ed|ing)|shot\s+down|shoot\s+down|Houthi|Iranian|Israeli)\s+(?:\w+\s+)?marches\b|\bmarches\s+(?:attack|attacks|strike|strikes|targeted|struck|hit|loaded|carrying|packed|and\s+(?:missiles|rockets))\b|\b(?:an?|the)\s+(?:booby-trapped|bomb-laden|explosive-laden|unmanned|suicide|armed)\s+march\b"),
    ("plane-without-pilot", "طائرة بدون طيار", _I + r"\b(?:planes?|aircraft|airplanes?)\s+without\s+(?:a\s+)?pilots?\b"),
    ("axes", "محاور", _I + r"\b(?:its|their|the\s+(?:main|following|most\s+important|three|four|five|several)|main|several|three|four|five|six)\s+axes\b|\baxes\s+(?:of|are|include|included|including)\s+(?!the\s+(?:attack|murder))"),
    ("belongingness", "الانتماء", _I + r"\bbelongingness\b"),
    ("in-few-days", "خلال أيام قليلة", _I + r"\b(?:in|within|after|for|since|before|during|over)\s+few\s+(?:days|hours|weeks|months|years|minutes|seconds)\b"),
    ("soonest-possible", "في أقرب وقت", _I + r"\bthe\s+soonest\s+possible\b|\bin\s+the\s+(?:nearest|closest)\s+(?:possible\s+)?(?:time|opportunity|date)\b|\bas\s+soon\s+as\s+possible\s+time\b"),
    ("called-x-to", "دعا المواطنين إلى", _I + r"\bcall(?:ed|s|ing)?\s+(?:all\s+)?(?:the\s+)?(?:citizens|residents|people|public|population|parties|sides|factions|international\s+community|world|youth|Palestinians|Iraqis|Lebanese|Syrians|Yemenis|Egyptians|Libyans|Arabs|Muslims)\s+to\s+(?!account\b|order\b|arms\b|the\s+(?:polls|table)\b)[a-z]+\b"),
    ("dealt-to", "تطرق إلى", _I + r"\b(?:dealt|deal|deals|dealing|touched|touches|touching|tackled|tackles|tackling)\s+to\s+(?:the|a|an|its|his|her|their|this|these)\b"),
    ("horizons-of", "آفاق", _I + r"\b(?:the\s+)?horizons\s+of\s+(?:the\s+)?(?:cooperation|relations|joint|bilateral|partnership|investment|work|action|development|dialogue|solution|peace)\b"),
    ("joint-arab-action", "العمل العربي المشترك", _I + r"\b(?:the\s+)?joint\s+(?:Arab|Islamic|Gulf|African)\s+(?:action|work)\b|\bthe\s+joint\s+(?:action|work)\b"),
    ("fateful-causes", "القضايا المصيرية", _I + r"\b(?:the\s+)?(?:fateful|destiny|central|pivotal)\s+(?:issues|causes|cause)\b"),
    ("wise-leadership", "القيادة الحكيمة", _I + r"\bthe\s+wise\s+(?:leadership|directives|guidance|vision|policy|policies)\b|\b(?:his|her|their)\s+wise\s+(?:leadership|directives|guidance|vision)\b"),
    ("treacherous-attack", "الاعتداء الغادر", _I + r"\b(?:treacherous|cowardly|heinous|sinful|odious|criminal|dastardly)\s+(?:attack|attacks|aggression|bombing|bombings|assault|act|acts|crime|crimes|operation|explosion)\b"),
    ("decade-of-century", "تسعينيات القرن الماضي", _I + r"\bthe\s+(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|\d0s|\d0['’]s)\s+of\s+the\s+(?:last|past|previous|twentieth|20th|nineteenth|19th)\s+century\b"),
    ("night-of-x-to-y", "ليلة الاثنين الثلاثاء", _I + r"\b(?:on\s+)?the\s+night\s+of\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*(?:to|-|–|and)\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*[-–]\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+night\b"),
    ("his-excellency", "معالي", r"\b(?:His|Her)\s+(?:Excellency|Eminence|Highness|Majesty)\b"),
    ("phone-call-with", "أجرى اتصالا هاتفيا مع", _I + r"\b(?:made|make|makes|making|conducted|conduct|conducts|conducting|held|hold|holds|holding)\s+(?:a\s+)?(?:phone|telephone|telephonic)\s+(?:call|contact|conversation|communication)\s+with\b|\b(?:a|the)\s+telephone\s+contact\b"),
    ("in-the-aim-of", "بهدف", _I + r"\bin\s+the\s+aim\s+of\b|\bwith\s+the\s+goal\s+of\b|\bin\s+a\s+bid\s+of\b"),
    ("under-the-slogan", "تحت شعار", _I + r"\bunder\s+the\s+(?:slogan|motto|theme|title)\s+(?:of\s+)?[\"“'‘]"),
    ("under-patronage", "تحت رعاية", _I + r"\bunder\s+the\s+(?:generous\s+|kind\s+|gracious\s+)?(?:patronage|sponsorship)\s+of\b"),
    ("god-willing", "إن شاء الله", _I + r"\b(?:God|Allah)\s+willing\b|\bif\s+(?:God|Allah)\s+wills\b|\bIn(?:\s|-)?sh(?:a|aa)(?:\s|-)?(?:A|a)llah\b"),
    ("aspects-of-cooperation", "أوجه التعاون", _I + r"\b(?:aspects|fields|domains|areas|horizons|frameworks|means)\s+of\s+(?:the\s+)?(?:bilateral\s+|joint\s+|mutual\s+|common\s+)?cooperation\b"),
    ("wrote-on-platform", "كتب على منصة", _I + r"\b(?:wrote|posted|tweeted|said)\s+(?:today\s+|on\s+\w+day\s+)?on\s+(?:the\s+)?platform\s+[\"“'‘]?(?:X|Twitter|Facebook|Instagram|Telegram)\b|\bon\s+(?:his|her|its|their)\s+(?:platform|page|account)\s+on\s+(?:the\s+)?(?:platform|site|website)\b"),
    ("affirmed-support", "أكد دعم", _I + r"\baffirm(?:ed|s|ing)?\s+(?:the\s+\w+(?:'s|’s)\s+|his\s+|her\s+|its\s+|their\s+|the\s+)(?:\w+\s+)?(?:support|commitment|rejection|solidarity|keenness|stance|position|standing|adherence|readiness|condemnation|refusal)\b"),
    # -- second batch: words of the Arabic that machine translation reads as their other sense
    ("air-weapon", "سلاح الجو", _I + r"\b(?:the\s+)?(?:\w+\s+)?air\s+weapon\b|\bthe\s+weapon\s+of\s+(?:the\s+)?air\b"),
    ("aviation-bombed", "الطيران", _I + r"\b(?:the\s+)?(?:Israeli|Syrian|Russian|Saudi|coalition|Turkish|Iraqi|Egyptian|Emirati|American|US|enemy|hostile|military|regime|occupation)\s+aviation\s+(?:bombed|struck|targeted|raided|launched|carried\s+out|shelled|attacked|hit|pounded|bombarded|conducted)\b"),
    ("general-budget", "الموازنة العامة", _I + r"\bthe\s+general\s+budget\b|\bthe\s+federal\s+general\s+budget\b"),
    ("exchange-price", "سعر الصرف", _I + r"\b(?:the\s+)?exchange\s+price\b|\bprice\s+of\s+(?:the\s+)?exchange\b"),
    ("electric-energy", "الطاقة الكهربائية", _I + r"\b(?:the\s+)?electric(?:al)?\s+energy\b"),
    ("sanitary-drainage", "الصرف الصحي", _I + r"\b(?:sanitary|healthy|health)\s+(?:drainage|exchange|sewage)\b"),
    ("infrastructures", "البنى التحتية", _I + r"\binfrastructures\b"),
    ("medical-cadres", "الكوادر الطبية", _I + r"\b(?:medical|health|nursing|teaching|educational|administrative|technical|media|hospital)\s+(?:cadres|crews|staffs)\b"),
    ("turned-that", "لفت إلى أن", _I + r"\bturned\s+(?:to\s+)?that\s+(?=(?:the|he|she|it|they|there|this|these|its|his|her|their)\s)"),
    ("tightened-that", "شدد على", _I + r"\btighten(?:ed|s|ing)?\s+(?:on\s+)?(?:that|the\s+need|the\s+necessity|the\s+importance)\b"),
    ("benefited-that", "أفاد بأن", _I + r"\bbenefit(?:ed|s|ted)?\s+(?:by\s+)?that\s+(?=(?:the|he|she|it|they|there|this|these|its|his|her|their)\s)"),
    ("informed-that", "أفاد بأن", _I + r"(?<!was\s)(?<!were\s)(?<!been\s)(?<!being\s)(?<!is\s)(?<!are\s)\binform(?:ed|s)\s+that\s+(?=(?:the|he|she|it|they|there|this|these|its|his|her|their)\s)"),
    ("cast-his-voice", "أدلى بصوته", _I + r"\b(?:cast|casts|casting)\s+(?:his|her|their)\s+voices?\b"),
    ("said-during-statement", "خلال بيان", _I + r"\b(?:said|stated|announced|added|confirmed|stressed|noted|explained|revealed|warned|indicated|affirmed)\s+(?:\w+\s+)?(?:during|through|via)\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+)?(?:statement|tweet|post|communique|communiqué)\b|\bthrough\s+a\s+(?:press\s+)?statement\b"),
    ("as-he-stressed-that", "كما أكد", r"(?:^|(?<=[.!?]\s)|(?<=\n))As\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:stressed|affirmed|confirmed|pointed\s+out|indicated|added|called\s+for|expressed|stated|noted|explained|demanded|urged)\s+(?:that|the|his|her|its|their|on)\b"),
    ("latest-of-which", "آخرها", _I + r"\bthe\s+(?:latest|last|most\s+recent|first|newest)\s+of\s+(?:which|them)\s+(?:was|is|were|came)\b"),
    ("she-for-institution", "الوزارة ... ها", _I + r"\b(?:ministry|government|committee|commission|agency|authority|organi[sz]ation|company|embassy|municipality|directorate|army|police|movement|party|council|state)\s+(?:said|added|stated|announced|confirmed|stressed|noted|explained|warned|indicated|pointed\s+out|called)\s+(?:in\s+her|that\s+she|she|on\s+her)\b|\b(?:ministry|government|committee|commission|agency|authority|organi[sz]ation|company|embassy|municipality|directorate|council)\s+(?:\w+\s+){0,3}?(?:in|on|through|via)\s+her\s+(?:statement|website|account|page|spokesman|spokesperson|official)\b"),
    # -- third batch: titles and names in the Arabic order
    ("generic-before-name", "تحالف الفتح", r"\bthe\s+(?:alliance|coalition|movement|bloc|list|gathering|front)\s+(?!(?:of|for|in|on|to|and|with|by|at|as|is|was|said|has|had|will|which|that|who|led)\b)[A-Z][a-z]+\b(?!\s+(?:[A-Z]|of\b|'s|’s))"),
    ("presidency-of-republic", "رئاسة الجمهورية", _I + r"\bthe\s+(?:presidency|head)\s+of\s+(?:the\s+)?(?:republic|government|council\s+of\s+ministers|cabinet)\b"),
    ("spokesman-of", "المتحدث باسم", _I + r"\bspokes(?:man|woman|person)\s+of\s+the\b"),
    ("member-of-committee", "عضو اللجنة", r"\b[Tt]he\s+member\s+of\s+the\s+(?:[A-Z]\w+\s+){0,3}(?:[Cc]ommittee|[Cc]ouncil|[Bb]ureau|[Pp]arliament|[Hh]ouse|[Bb]loc)\b(?=,?\s+[A-Z])"),
    # -- fourth batch: wire, security and health formulae
    ("wishing-more-success", "متمنيا له مزيدا من التوفيق", _I + r"\bwish(?:ing|ed|es)?\s+(?:him|her|them|the\s+\w+)\s+(?:more|further|continued|every|all)\s+(?:success|progress|prosperity|successes)\b"),
    ("written-letter", "رسالة خطية", _I + r"\b(?:a|the)\s+(?:written|verbal|oral)\s+(?:letter|message)\b"),
    ("it-was-agreed-on", "تم الاتفاق على", _OPEN + r"It\s+(?:was|has\s+been|had\s+been)\s+agreed\s+(?:on|upon)\b|" + _OPEN + r"It\s+is\s+planned\s+(?:that|to)\b"),
    ("outside-the-law", "الخارجين عن القانون", _I + r"\b(?:people|elements|gangs|groups|those|persons|individuals|men)\s+outside\s+(?:of\s+)?the\s+law\b|\boutlaw\s+(?:groups|gangs|elements|militias)\b"),
    ("unknown-destination", "إلى جهة مجهولة", _I + r"\b(?:fled|escaped|took|taken|led|transferred|moved)\s+(?:\w+\s+)?to\s+an\s+unknown\s+(?:destination|place|location|area|side)\b"),
    ("resorted-to-flight", "لاذ بالفرار", _I + r"\bresort(?:ed|s|ing)?\s+to\s+(?:flight|flee|fleeing|escape|escaping|the\s+escape)\b"),
    ("transferred-to-hospital", "نقل إلى المستشفى", _I + r"\b(?:was|were|been|being)\s+(?:transferred|transported)\s+to\s+(?:the\s+)?(?:hospital|hospitals)\b"),
    ("war-and-peace-decision", "قرار الحرب والسلم", _I + r"\bthe\s+decision\s+of\s+war\s+and\s+peace\b"),
    ("pbuh", "صلى الله عليه وسلم", r"\((?:PBUH|pbuh|SAW|saw|SWT|swt|AS|as)\)"),
    ("ministerial-exams", "الامتحانات الوزارية", _I + r"\bministerial\s+(?:exams|examinations|tests)\b|\bsixth\s+preparatory\b"),
    ("recovery-cases", "حالات الشفاء", _I + r"\b(?:recovery|healing)\s+cases\b|\bcases\s+of\s+(?:recovery|healing)\b"),
    ("health-quarantine", "الحجر الصحي", _I + r"\b(?:health|sanitary)\s+quarantine\b|\bcomprehensive\s+(?:curfew|ban|closure|lockdown)\b"),
    # -- fifth batch: grammar of the Arabic verb
    ("affiliate-to", "ينتمي إلى", _I + r"\b(?:affiliate|affiliates|affiliating)\s+to\b"),
    ("called-people-to", "دعا المواطنين إلى", _I + r"\bcall(?:ed|s|ing)\s+(?:the\s+|all\s+|on\s+the\s+)?(?:citizens|residents|people|public|population|parties|factions|youth|Palestinians|Iraqis|Lebanese|Syrians|Yemenis|Libyans|Egyptians|worshippers|farmers|merchants|traders|drivers|students|parents)(?:\s+of\s+(?:the\s+)?\w+){0,2}\s+to\s+(?!(?:account|order|arms|the|a|an|his|her|their|its|warn|ask|tell|say|inform|check|confirm|offer|apologi[sz]e|complain|thank|discuss|let|see|find|get|invite)\b)[a-z]+\b"),
    ("hailed-nat-role", "أشاد بالدور السعودي", _I + r"\b(?:hailed|praised|commended|lauded|valued|appreciated|welcomed|highlighted|stressed|underlined)\s+(?:Saudi|Egyptian|Emirati|Qatari|Kuwaiti|Jordanian|Omani|Bahraini|Iraqi|Arab|Turkish|Iranian|Russian|Chinese|American|French|UN|Kingdom(?:'s|’s)?)\s+(?:\w+\s+)?(?:role|stance|position|decision|initiative)\b"),
    # -- sixth batch: idioms of Arabic political prose, word for word
    ("heal-the-crack", "رأب الصدع", _I + r"\b(?:heal|heals|healed|healing|repair|repairs|repaired|repairing|mend|mends|mended|mending|patch|patched|patching)\s+the\s+(?:crack|cracks|fissure|fissures)\b"),
    ("water-of-face", "ماء الوجه", _I + r"\bwater\s+of\s+(?:the|his|her|their|its)\s+faces?\b"),
    ("palm-of-demon", "على كف عفريت", _I + r"\b(?:on|in)\s+the\s+palm\s+of\s+(?:a|an|the)\s+(?:demon|ghoul|afreet|ifrit|goblin|devil|imp|genie|jinn)\b"),
    ("egg-of-scale", "بيضة القبان", _I + r"\begg\s+of\s+the\s+(?:scale|scales|balance|qabban|steelyard)\b"),
    ("self-distancing", "النأي بالنفس", _I + r"\b(?:policy\s+of\s+)?self-(?:distancing|dissociation|disassociation)\b|\bdistancing\s+(?:oneself|itself)\s+policy\b"),
    ("time-ceiling", "سقف زمني", _I + r"\b(?:a\s+|the\s+)?(?:time|timed|temporal)\s+ceiling\b"),
    ("civil-peace", "السلم الأهلي", _I + r"\bthe\s+civil\s+peace\b|\b(?:joint|common|shared)\s+living\b|\bthe\s+national\s+(?:fabric|flesh|fusion|adhesion|welding)\b"),
    ("casts-its-shadows", "يلقي بظلاله", _I + r"\b(?:cast|casts|casting|threw|throws|throwing|throw)\s+(?:its|their|his|her)\s+shadows\s+(?:on|over|upon)\b"),
    ("she-camel", "لا ناقة له فيها ولا جمل", _I + r"\bshe-camel\b"),
    ("lowered-the-gaze", "غض الطرف", _I + r"\b(?:lower(?:ed|s|ing)?|turn(?:ed|s|ing)?)\s+(?:the|its|their|his|her)\s+(?:gaze|eyes?|sight)\s+(?:on|about|from|at|towards|over)\s+(?!the\s+(?:sky|ground|floor)\b)"),
    ("balloon-of-test", "بالون اختبار", _I + r"\bballoons?\s+of\s+(?:test|testing|trial|examination)\b|\b(?:mulberry|berry)\s+leaf\b|\bshirt\s+of\s+(?:Othman|Uthman)\b|\b(?:Othman|Uthman)(?:'s|’s)\s+shirt\b"),
    ("play-on-string", "العزف على وتر", _I + r"\b(?:play|plays|played|playing|strike|strikes|striking|struck|beat|beats|beating|press|pressing|pressed)\s+on\s+the\s+(?:string|strings|chord|tune|tunes)\s+of\b"),
    ("full-readiness", "على أهبة الاستعداد", _I + r"\b(?:on|at)\s+(?:full|complete|maximum|the\s+highest|high|utmost)\s+readiness\b|\bin\s+a\s+state\s+of\s+(?:full\s+|complete\s+|maximum\s+|utmost\s+)?(?:readiness|alert|preparedness)\b"),
    ("broad-lines", "الخطوط العريضة", _I + r"\bthe\s+(?:broad|wide|general|main)\s+lines\s+of\b"),
    ("talk-of-the-hour", "حديث الساعة", _I + r"\bthe\s+talk\s+of\s+the\s+hour\b"),
    ("iron-and-fire", "بالحديد والنار", _I + r"\b(?:with|by)\s+iron\s+and\s+fire\b|\bthe\s+green\s+and\s+the\s+(?:dry|dried|yellow)\b|\b(?:fire|embers)\s+under\s+(?:the\s+)?ashes\b|\bbetween\s+the\s+hammer\s+and\s+the\s+anvil\b"),
    ("caesarean-birth", "ولادة قيصرية", _I + r"\b(?:caesarean|cesarean)\s+(?:birth|delivery|labou?r)\b"),
    ("in-one-trench", "في خندق واحد", _I + r"\bin\s+(?:one|the\s+same|a\s+single)\s+trench\b|\bon\s+(?:the\s+)?two\s+ropes\b|\bon\s+both\s+ropes\b|\bMuawiya(?:'s|’s)\s+hair\b|\bhair\s+of\s+Muawiya\b"),
    ("neck-of", "في عنق", _I + r"\b(?:lies|rests|hangs|lie|rest|hang|placed|is)\s+(?:on|around|in)\s+the\s+necks?\s+of\b"),
    ("foreign-agendas", "أجندات خارجية", _I + r"\b(?:external|foreign|outside|suspicious)\s+agendas\b"),
    ("zeroing-problems", "تصفير المشاكل", _I + r"\bzeroing\s+(?:the\s+)?(?:problems|crises|disputes)\b"),
    ("measure-accusations", "يكيل الاتهامات", _I + r"\bmeasur(?:e|es|ed|ing)\s+(?:the\s+)?(?:accusations|charges|insults)\b"),
    ("word-of-truth", "كلمة حق يراد بها باطل", _I + r"\ba\s+word\s+of\s+truth\b"),
    # -- seventh batch
    ("in-a-big-way", "بشكل كبير", _I + r"\bin\s+an?\s+(?:large|big|great|huge|remarkable|significant|noticeable|dramatic|frightening|horrific)\s+way\b"),
    ("in-a-clear-picture", "بصورة واضحة", _I + r"\bin\s+an?\s+(?:large|big|great|clear|remarkable|significant|noticeable|direct|official|continuous|serious|radical|gradual|tangible|fundamental|unprecedented|wide|dramatic|daily|regular|permanent|temporary|effective|positive|negative|complete|total|full|quick|rapid|huge|frightening|horrific)\s+(?:picture|image)\b(?!\s+of\b)"),
    ("on-his-side", "من جهته", r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:And\s+)?On\s+(?:his|her|its|their)\s+side,"),
    ("hinted-to", "نوه إلى", _I + r"\bhint(?:ed|s|ing)?\s+to\s+(?:the|that|its|his|her|their)\b"),
    ("popular-circles", "الأوساط الشعبية", _I + r"\b(?:popular|partisan|governmental|economic|security)\s+circles\b|\bthe\s+(?:Israeli|Arab|Iraqi|Lebanese|Egyptian|Syrian|Palestinian|Iranian|Gulf|Jordanian|Yemeni|Libyan)\s+circles\b"),
)


def load(split: str) -> dict[str, str]:
    files, _ = E.load_gold()
    return {n: (E.TRANSLATED / n).read_text(encoding="utf-8") for n, h in sorted(files.items()) if E.in_split(n, h, split)}


def gold_and_missed(texts: dict[str, str]):
    _, gold = E.load_gold()
    _, findings, _, _ = E.run_files(E.make_pipeline(), [E.TRANSLATED / n for n in texts])
    by_file: dict[str, list] = {}
    for f in findings:
        by_file.setdefault(f.file, []).append(f)
    spans: dict[str, list] = {}
    missed: dict[str, list] = {}
    for g in gold:
        if g["file"] in texts:
            spans.setdefault(g["file"], []).append((g["start"], g["end"]))
            if not any(E.overlaps(g["start"], g["end"], f.start, f.end) for f in by_file.get(g["file"], ())):
                missed.setdefault(g["file"], []).append((g["start"], g["end"]))
    return spans, missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="comma-separated candidate names")
    parser.add_argument("--no-gold", action="store_true", help="native rates only (no pipeline run)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not E.TRANSLATED.is_dir() or not E.POLNEAR.is_dir():
        print(f"skipped: needs {E.TRANSLATED} and {E.POLNEAR} (../shared is absent)")
        return 0
    wanted = set(filter(None, args.only.split(",")))
    cands = [c for c in CANDIDATES if not wanted or c[0] in wanted]
    natives = {
        "polnear": [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(E.POLNEAR / "*.txt")))],
        "ntrex": [t for _, t in E.ntrex_articles()],
    }
    nw = {k: sum(words(t) for t in v) for k, v in natives.items()}
    halves = {h: load(h) for h in ("tuneA", "tuneB")}
    marks = {h: (None, None) if args.no_gold else gold_and_missed(t) for h, t in halves.items()}
    rows = []
    for name, arabic, pattern in cands:
        row = {"name": name, "arabic": arabic}
        for k, texts in natives.items():
            c = sum(len(matches(pattern, t)) for t in texts)
            row[k], row[f"{k}_per_1000"] = c, round(rate(c, nw[k]), 3)
        row["keep"] = all(row[f"{k}_per_1000"] <= THRESHOLD for k in natives)
        for h, texts in halves.items():
            spans, missed = marks[h]
            n = g = m = 0
            for f, text in texts.items():
                for s, e in matches(pattern, text):
                    n += 1
                    g += bool(spans and any(E.overlaps(a, b, s, e) for a, b in spans.get(f, ())))
                    m += bool(missed and any(E.overlaps(a, b, s, e) for a, b in missed.get(f, ())))
            row[h] = {"matches": n, "on_gold": g, "on_missed": m}
        rows.append(row)
    if args.json:
        print(json.dumps({"threshold": THRESHOLD, "rows": rows}, indent=1, sort_keys=True, ensure_ascii=False))
        return 0
    print(f"native controls: PolNeAR train {nw['polnear']} words, NTREX {nw['ntrex']} words; keep when both <= {THRESHOLD}/1k")
    print(f"{'candidate':<26}{'PolNeAR':>8}{'/1k':>7}{'NTREX':>6}{'/1k':>7}  keep   tuneA m/gold/new   tuneB m/gold/new")
    for r in rows:
        a, b = r["tuneA"], r["tuneB"]
        print(f"{r['name']:<26}{r['polnear']:>8}{r['polnear_per_1000']:>7.3f}{r['ntrex']:>6}{r['ntrex_per_1000']:>7.3f}  {'yes' if r['keep'] else 'no ':<5}"
              f"{a['matches']:>8}/{a['on_gold']}/{a['on_missed']:<8}{b['matches']:>6}/{b['on_gold']}/{b['on_missed']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
