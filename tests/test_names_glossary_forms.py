"""Glossary entries with forms in several source languages (`forms: {ar: …, fa: …}`):
validation, the Entry they make, TBX export/import with one language section each."""

from __future__ import annotations

import pytest

from provenance.names.glossary import GlossaryError, SourceForm, load
from provenance.names.tbx import export, import_tbx

ENTRY = """entries:
  - id: rania-haddad
    type: person
    canonical: Rania Haddad
    forms:
      ar: رانيا حداد
      fa: [رانیا حداد, رانیا حدّاد]
      he: "ראניה חדאד"
      ru: Рания Хаддад
    source_forms:
      - {form: رانية حداد, lang: ar, note: ta marbuta spelling}
"""


def _load(tmp_path, text):
    f = tmp_path / "g.yaml"
    f.write_text(text, encoding="utf-8")
    return load([f], default=False, use_cache=False)


def test_forms_mapping_becomes_source_forms(tmp_path):
    e = _load(tmp_path, ENTRY).by_id["rania-haddad"]
    assert SourceForm("رانية حداد", "ar", "ta marbuta spelling") in e.source_forms
    langs = [s.lang for s in e.source_forms]
    assert langs.count("ar") == 2 and langs.count("fa") == 2 and "he" in langs and "ru" in langs


@pytest.mark.parametrize(
    "forms, message",
    [
        ("{arabic: رانيا}", "not a language tag"),
        ("{en: Rania}", "English forms are the canonical form"),
        ("[ar, رانيا]", "forms is a mapping from language"),
        ("{ar: [رانيا, رانيا]}", "listed twice"),
        ("{ar: 'ران*'}", "literal text"),
    ],
)
def test_bad_forms_are_reported(tmp_path, forms, message):
    text = f"entries:\n  - id: a-b\n    type: person\n    canonical: A B\n    forms: {forms}\n"
    with pytest.raises(GlossaryError) as exc:
        _load(tmp_path, text)
    assert message in str(exc.value) and "g.yaml" in str(exc.value)


def test_tbx_has_one_language_section_per_source_language(tmp_path):
    e = _load(tmp_path, ENTRY).by_id["rania-haddad"]
    xml = export([e])
    for lang in ("en", "ar", "fa", "he", "ru"):
        assert f'xml:lang="{lang}"' in xml
    back, problems = import_tbx(xml.encode("utf-8"), "x.tbx")
    assert not problems
    assert sorted(back[0].source_forms) == sorted(e.source_forms)


def test_crossscript_matcher_reads_every_language(tmp_path):
    from provenance.names.crossscript import find_in_text, match_cross

    g = _load(tmp_path, ENTRY)
    for src, lang in [("رانيا حداد", "ar"), ("رانیا حداد", "fa"), ("ראניה חדאד", "he"), ("Рания Хаддад", "ru")]:
        assert match_cross(src, "Rania Haddad", lang, g).same, (src, lang)
    text = "A statement from Rania Haddad followed."
    assert [text[s:e] for s, e, _ in find_in_text("ראניה חדאד", "he", text, g)] == ["Rania Haddad"]
