"""`glossary suggest --aligned`: source forms mined from originals kept beside translations."""

from __future__ import annotations

from provenance.names.suggest_sources import align_sentences, find_aligned_files, mine, mine_files, proposals


def _pair(folder, stem, lang, src, en):
    (folder / f"{stem}.{lang}.txt").write_text(src, encoding="utf-8")
    (folder / f"{stem}.en.txt").write_text(en, encoding="utf-8")


def test_align_sentences_pairs_paragraphs_and_sentences():
    src = "جملة أولى. جملة ثانية.\n\nفقرة ثانية؟"
    en = "First sentence. Second sentence.\n\nSecond paragraph?"
    assert align_sentences(src, en) == [("جملة أولى.", "First sentence."), ("جملة ثانية.", "Second sentence."), ("فقرة ثانية؟", "Second paragraph?")]
    assert align_sentences("أ.\n\nب.", "One paragraph only.") == [("أ.\n\nب.", "One paragraph only.")]


def test_mine_finds_the_source_form_of_each_english_name():
    src = "قال وزير الخارجية سامي الخوري إن المحادثات مستمرة."
    en = "Foreign Minister Sami al-Khouri said the talks were continuing."
    assert [(s, e) for s, e, _ in mine(src, "ar", en)] == [("سامي الخوري", "Sami al-Khouri")]
    assert mine("لا أسماء هنا.", "ar", "No names here at all.") == []


def test_find_mine_and_propose(tmp_path):
    from provenance.names.glossary import load

    _pair(tmp_path, "a", "ar", "التقت رانيا حداد بالوفد.", "Rania Haddad met the delegation.")
    _pair(tmp_path, "b", "ar", "وقالت رانيا حداد إن الاجتماع انتهى.", "Rania Hadad said the meeting was over.")
    _pair(tmp_path, "b2", "ar", "وصلت رانيا حداد أمس.", "Rania Haddad arrived yesterday.")
    _pair(tmp_path, "c", "he", "ראניה חדאד הגיעה.", "Rania Haddad arrived.")
    (tmp_path / "lonely.ar.txt").write_text("نص بلا ترجمة.", encoding="utf-8")
    pairs = find_aligned_files([tmp_path])
    assert [(p[2], p[1].name) for p in pairs] == [("ar", "a.ar.txt"), ("ar", "b.ar.txt"), ("ar", "b2.ar.txt"), ("he", "c.he.txt")]
    g = load([], default=True, use_cache=False)
    mined, problems = mine_files(pairs, g)
    assert not problems
    props = proposals(mined, g, min_count=2)
    assert [(p.lang, p.source, p.english, p.count, p.also) for p in props] == [("ar", "رانيا حداد", "Rania Haddad", 3, ["Rania Hadad"])]


def test_cli_suggest_aligned(tmp_path):
    from typer.testing import CliRunner

    from provenance.cli import app

    _pair(tmp_path, "a", "ar", "التقى سامي الخوري بالسفير.", "Sami Khouri met the ambassador.")
    _pair(tmp_path, "b", "ar", "وقال سامي الخوري إنه متفائل.", "Sami Khouri said he was hopeful.")
    r = CliRunner().invoke(app, ["glossary", "suggest", "--aligned", str(tmp_path), "--isolated"])
    assert r.exit_code == 0, r.output
    assert "سامي الخوري" in r.output and "Sami Khouri" in r.output
    desk = tmp_path / "desk.yaml"
    r = CliRunner().invoke(app, ["glossary", "suggest", "--aligned", str(tmp_path), "--isolated", "--apply", "--file", str(desk)])
    assert r.exit_code == 0, r.output
    from provenance.names.glossary import load

    e = load([desk], default=False, use_cache=False).by_id["sami-khouri"]
    assert [(s.form, s.lang) for s in e.source_forms] == [("سامي الخوري", "ar")]
    r = CliRunner().invoke(app, ["glossary", "suggest", "--aligned", str(tmp_path / "none")])
    assert r.exit_code == 2 and "Traceback" not in r.output
