"""False findings the source-aware rules must not give on faithful translations
(issue 11), and the errors they must still find. Examples written for these tests."""

from __future__ import annotations

import pytest

from provenance.bilingual.pair import pair_texts
from provenance.config import Config
from provenance.pipeline import Pipeline
from provenance.rules import RuleSet

SOURCE_RULES = sorted(c for c, r in RuleSet.load().all_rules.items() if r.kind.startswith("source-"))

CLEAN = [
    # the Arabic comma as a thousands separator (Persian)
    ("fa-comma", "fa", "وزارت اعلام کرد 1،250 نفر در این مراسم شرکت کردند.", "The ministry said 1,250 people attended the ceremony."),
    # "می" is the present-tense prefix, not the month May
    ("fa-mi", "fa", "رئیس جمهور گفت که دولت از این طرح حمایت می کند.", "The president said in June that the government supports the plan."),
    # a range's unit is the second number's: 1 to 2 inches = 2,5 to 5 cm
    ("fr-range", "fr", "Il devrait tomber de 2,5 à 5 centimètres de pluie.", "Between 1 and 2 inches of rain are expected."),
    # American degrees are Fahrenheit
    ("fr-degrees", "fr", "Il faisait 27 degrés dehors.", "It was 80 degrees outside."),
    # a clock time written with a point in the original
    ("es-time", "es", "El programa se emite el domingo a las 11.15.", "The programme airs on Sunday at 11:15."),
    # a scale word the lexicon does not read (a Turkish suffix): the English digits vouch
    ("tr-scale", "tr", "Duruşmayı 20,4 milyondan fazla kişi izledi.", "More than 20.4 million people watched the hearing."),
    # a phone number whose groups a right-to-left original lists the other way round
    ("ar-phone", "ar", "يمكن الاتصال بالرقم 555 111 مجانا.", "You can call 0800 555 111 free of charge."),
    # names: c before e, sch, a Hebrew geresh, vav as a vowel, a name written in two words
    ("ar-pence", "ar", "وقال نائب الرئيس مايك بينس إن الاجتماع كان مثمرا.", "Vice President Mike Pence said the meeting had been productive."),
    ("ar-schroeder", "ar", "وقالت النائبة باتريشيا شرودر إنها ستترشح.", "Congresswoman Patricia Schroeder said she would run."),
    ("he-walton", "he", "המאמן לוק וולטון אמר שהקבוצה מוכנה.", "Coach Luke Walton said the team was ready."),
    ("he-chozick", "he", "הכתבת איימי צ‘וזיק כתבה ספר חדש.", "The reporter Amy Chozick wrote a new book."),
    ("fa-mcgregor", "fa", "دروازه بان آلن مک گرگور توپ را گرفت.", "The goalkeeper Allan McGregor caught the ball."),
    # a short quotation of a name the English writes capitalized
    ("ar-quoted-name", "ar", 'وقال الكاتب "جون سميث" إن الكتاب سيصدر قريبا.', "The writer John Smith said the book would be out soon."),
]

ERRORS = [
    ("fa-comma", "fa", "وزارت اعلام کرد 1،250 نفر در این مراسم شرکت کردند.", "The ministry said 1,520 people attended the ceremony.", "PV1001"),
    ("fr-degrees", "fr", "Il faisait 35 degrés dehors.", "It was 80 degrees outside.", "PV1001"),
    ("ar-pence", "ar", "وقال نائب الرئيس مايك بينس إن الاجتماع كان مثمرا.", "Vice President Joe Biden said the meeting had been productive.", "PV1007"),
    ("he-walton", "he", "המאמן לוק וולטון אמר שהקבוצה מוכנה.", "Coach Steve Kerr said the team was ready.", "PV1007"),
    ("es-time", "es", "El programa se emite el domingo a las 11.15.", "The programme airs on Sunday at 11:45.", "PV1001"),
    ("ar-short-quote", "ar", 'وقال الوزير إنه "لن يستقيل".', "The minister said he would not resign.", "PV1005"),
    ("ar-quote", "ar", 'وقال الوزير: "لن نتفاوض تحت التهديد أبدا".', "The minister said they would never negotiate under threat.", "PV1005"),
]


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Config(select=SOURCE_RULES))


def _findings(pipeline, source, english, lang):
    report = pipeline.run_documents([(pair_texts(source, english + "\n", lang), "article.en.txt")])
    return report.files[0].findings


@pytest.mark.parametrize("case,lang,source,english", CLEAN, ids=[c[0] for c in CLEAN])
def test_faithful_translation_has_no_source_findings(pipeline, case, lang, source, english):
    assert [(f.rule, f.text, f.message) for f in _findings(pipeline, source, english, lang)] == []


@pytest.mark.parametrize("case,lang,source,english,rule", ERRORS, ids=[c[0] for c in ERRORS])
def test_errors_are_still_found(pipeline, case, lang, source, english, rule):
    assert rule in {f.rule for f in _findings(pipeline, source, english, lang)}
