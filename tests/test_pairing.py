"""provenance.bilingual.pairing: --source, front matter, directory convention, language."""

from __future__ import annotations

import pytest

from provenance.bilingual.pairing import PairingError, find_source, front_matter_source, language_of


def test_beside_convention(tmp_path):
    en = tmp_path / "story.en.txt"
    en.write_text("The minister spoke.\n", encoding="utf-8")
    ar = tmp_path / "story.ar.txt"
    ar.write_text("تحدث الوزير.\n", encoding="utf-8")
    assert find_source(en, en.read_text(encoding="utf-8")) == ar
    assert language_of(ar, ar.read_text(encoding="utf-8")) == "ar"


def test_source_dir(tmp_path):
    (tmp_path / "orig").mkdir()
    en = tmp_path / "story.txt"
    en.write_text("The minister spoke.\n", encoding="utf-8")
    ru = tmp_path / "orig" / "story.ru.txt"
    ru.write_text("Министр выступил.\n", encoding="utf-8")
    assert find_source(en, "x", source_dir=tmp_path / "orig") == ru


def test_front_matter(tmp_path):
    src = tmp_path / "original.txt"
    src.write_text("Le ministre a parlé hier devant le parlement de la situation économique du pays.\n", encoding="utf-8")
    text = "---\ntitle: x\nsource: original.txt\n---\nThe minister spoke.\n"
    assert front_matter_source(text) == "original.txt"
    en = tmp_path / "a.txt"
    assert find_source(en, text) == src
    assert language_of(src, src.read_text(encoding="utf-8")) == "fr"  # detected, seeded


def test_errors(tmp_path):
    with pytest.raises(PairingError):
        find_source(tmp_path / "a.txt", "", source=tmp_path / "missing.txt")
    with pytest.raises(PairingError):
        language_of(tmp_path / "a.txt", "", given="xx")
    assert find_source(tmp_path / "lonely.txt", "no front matter") is None
