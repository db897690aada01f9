"""PV1005 on invented pairs: English quotation conventions and what the original quotes that
is no speech (issue 11: false findings on clean NTREX pairs)."""

from __future__ import annotations

import pytest

from provenance.bilingual.pair import pair_texts
from provenance.config import Config
from provenance.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Config(select=["PV1005"]))


def _pv1005(pipeline, source, english, lang):
    report = pipeline.run_documents([(pair_texts(source, english + "\n", lang), "article.en.txt")])
    return [f.text for f in report.files[0].findings if f.rule == "PV1005"]


SPEECH_AR = 'وقال الوزير: "سنبقى هنا حتى النهاية ولن نغادر المدينة أبدا".'


def test_english_single_quotation_marks_count(pipeline):
    # a house style that quotes with single marks: the closing one after the full stop is no apostrophe
    english = "The minister said: 'We will stay here until the end and never leave the city.'"
    assert _pv1005(pipeline, SPEECH_AR, english, "ar") == []


def test_apostrophes_alone_do_not_count_as_quotation_marks(pipeline):
    english = "The minister said the ministers' staff will stay here until the end and never leave the city."
    assert _pv1005(pipeline, SPEECH_AR, english, "ar") == [english]
