"""The calq9 set of issue 9: stock formulae of Arabic news written from the
Arabic (PV618 and entries of PV604, PV607, PV616, PV627, PV632, PV141), the
Hijri date (PV136), agency sign-offs (PV130), the institution called "she"
(PV145) and the new binomial families (PV631). Examples are invented."""

from __future__ import annotations

import pytest

from tests.test_arabic_idiom_lexicon import hits  # one rule's findings on a text, every span checked exact


@pytest.mark.parametrize(
    "code, text, needle",
    [
        ("PV618", "The security apparatuses raided two farms.", "security apparatuses"),
        ("PV618", "The vote was held with the attendance of the governor.", "with the attendance of"),
        ("PV618", "The agency opened a crisis cell at the port.", "crisis cell"),
        ("PV618", "The minister held a phone call with his Qatari counterpart.", "held a phone call with"),
        ("PV618", "The deal was signed with the Egyptian side on Sunday.", "the Egyptian side"),
        ("PV618", "The plan calls for joint Arab action on water.", "joint Arab action"),
        ("PV618", "The movement won ten seats, more than the coalition Nasr.", "the coalition Nasr"),
        ("PV604", "Prices rose, especially that the harvest had failed.", "especially that"),
        ("PV604", "Within this framework, the council opened two clinics.", "Within this framework,"),
        ("PV604", "As the minister stressed that the port would reopen.", "As the minister stressed that"),
        ("PV607", "The spokesman deemed that the raid was illegal.", "deemed that"),
        ("PV616", "The mosque was restored in the year 2004.", "in the year 2004"),
        ("PV616", "The road has been closed since months.", "since months"),
        ("PV616", "The strike began before three days.", "before three days"),
        ("PV616", "The dam was built in the seventies of the last century.", "the seventies of the last century"),
        ("PV627", "The group said it downed two marches over the city.", "downed two marches"),
        ("PV627", "The air weapon struck a depot near the border.", "The air weapon"),
        ("PV632", "The official benefited that the crossing was open.", "benefited that"),
        ("PV141", "The report dealt to the cost of the war.", "dealt to"),
        ("PV141", "The mayor warned from the floods.", "warned from"),
        ("PV145", "The ministry said in her statement that the road was open.", "her"),
    ],
)
def test_arabic_formula_is_reported(code, text, needle):
    assert hits(code, text) == [needle]


@pytest.mark.parametrize(
    "code, text",
    [
        ("PV618", "The public opinion poll was published on Monday."),  # a poll is English
        ("PV618", "Civil society groups met the envoy."),
        ("PV618", "Troops moved to the Syrian side of the border."),
        ("PV618", "The case went to the Supreme Court after the Citizens United ruling."),
        ("PV618", "The Senate voted on the coalition budget."),
        ("PV604", "The tax falls especially on small farms."),
        ("PV604", "As the storm passed, crews cleared the roads."),
        ("PV604", "In the end, in this sphere, nothing changed."),  # lower case inside a sentence
        ("PV607", "The court deemed that clause void."),
        ("PV616", "The firm has grown since 2004, for years before that."),
        ("PV616", "The talks ended before two days of rain."),
        ("PV627", "Thousands joined two marches in the capital."),
        ("PV632", "The farmers benefited from the rain."),
        ("PV141", "The nurse attended to the wounded."),
        ("PV145", "The committee chairwoman said in her statement that the road was open."),
    ],
)
def test_native_english_is_left_alone(code, text):
    assert hits(code, text) == []


def test_hijri_date_beside_gregorian():
    text = "The decree was dated Monday 3 Safar 1446 AH, corresponding to August 8, 2024."
    assert hits("PV136", text) == ["3 Safar 1446"]
    assert hits("PV136", "The law of 1419 Hijri was repealed.") == ["1419 Hijri"]
    assert hits("PV136", "Ramadan began on Monday; the fast ends in April.") == []


def test_agency_sign_off_and_ended_tag():
    assert hits("PV130", "The delegation left for Amman on Monday.—KUNA") == ["—KUNA"]
    assert hits("PV130", "The fair closes on Friday. (ended)") == ["(ended)"]
    assert hits("PV130", "KUWAIT, Dec 8 (KUNA) -- The delegation left for Amman on Monday.") == []


def test_binomial_families_of_calq9():
    assert hits("PV631", "The ministry proposed solutions and treatments for the deficit.") == ["solutions and treatments"]
    assert hits("PV631", "The rally called for unity and cohesion among the parties.") == ["unity and cohesion"]
    assert hits("PV631", "The doctor prescribed rest and a treatment.") == []


def test_end_tag_between_dashes_and_date_in_brackets():
    assert hits("PV130", "The talks will resume next week. — End —") == ["— End —"]
    assert hits("PV130", "The talks ended on Monday - the end of a long week.") == []
    assert hits("PV616", "The council met on Monday (24/1/2022) to vote.") == ["Monday (24/1/2022)"]


@pytest.mark.parametrize(
    "text, needle",
    [
        ("The raid caused heavy causalities among the guards.", "causalities"),
        ("The Foreign Minster arrived in Rome.", "Foreign Minster"),
        ("Both sides returned to the piece talks.", "piece talks"),
        ("The officers will stand trail in May.", "stand trail"),
    ],
)
def test_wrong_word_typo(text, needle):
    assert hits("PV146", text) == [needle]


def test_wrong_word_typo_leaves_real_words():
    assert hits("PV146", "He hit the campaign trail after mass at the minster; a piece of the deal was lost.") == []


def test_arabic_verb_government():
    assert hits("PV141", "Five fighters who affiliate to the front were killed.") == ["affiliate to"]
    assert hits("PV141", "The union told its affiliates to wait.") == []
    assert hits("PV142", "The mayor called the farmers of the valley to stay home.") == [
        "called the farmers of the valley to stay"
    ]
    assert hits("PV142", "The clinic called residents to warn them of the outage.") == []
    assert hits("PV618", "The minister hailed Saudi pivotal role in the talks.") == ["hailed Saudi pivotal role"]
    assert hits("PV618", "The minister hailed the Saudi role in the talks.") == []


@pytest.mark.parametrize(
    "text, needle",
    [
        ("The ministers met to heal the crack in the cabinet.", "heal the crack"),
        ("The talks were a balloon of test for the new envoy.", "balloon of test"),
        ("The court set a time ceiling for the inquiry.", "a time ceiling"),
        ("The army is on full readiness along the border.", "on full readiness"),
    ],
)
def test_political_idiom_word_for_word(text, needle):
    assert hits("PV618", text) == [needle]


def test_political_idiom_leaves_english_alone():
    assert hits("PV618", "She turned her eyes towards the sea; the railway's main lines of track were shut.") == []
    assert hits("PV618", "The schools teach integration into the national fabric.") == []


def test_seventh_batch():
    assert hits("PV604", "On his side, the governor denied the report.") == ["On his side,"]
    assert hits("PV604", "The governor has time on his side, aides say.") == []
    assert hits("PV141", "The envoy hinted to the need for new talks.") == ["hinted to"]
    assert hits("PV618", "The report showed the damage in a clear picture.") == ["in a clear picture"]
    assert hits("PV618", "Prices rose in a big way after the decision.") == []
    assert hits("PV618", "The plan angered popular circles in the south.") == ["popular circles"]
