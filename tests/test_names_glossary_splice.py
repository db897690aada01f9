"""Edits of one entry made in place as text (provenance/names/splice.py) and the
parse memo: the rest of the file stays byte for byte; odd shapes fall back to
the whole-file round trip and still come out right."""

from __future__ import annotations

from pathlib import Path

from provenance.names import glossary as G
from provenance.names.store import editing

DESK = """\
# desk glossary
description: Test desk
entries:
  # the first one
  - id: alpha-one
    type: person
    canonical: 'Alpha One'   # quoted on purpose
    variants:
      - form: A. One
        status: deprecated

  - id: beta-two
    type: organization
    canonical: Beta Two
    notes: |
      kept as written

  - id: gamma
    type: place
    canonical: Gamma Town
# a comment at the end
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "desk.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _entries(path: Path) -> dict[str, G.Entry]:
    entries, problems = G._parse(path.read_bytes(), "desk.yaml")  # a fresh read, not the memo
    assert not [p for p in problems if p.severity == "error"], problems
    return {e.id: e for e in entries}


def test_add_variant_in_place_keeps_every_other_line(tmp_path):
    path = _write(tmp_path, DESK)
    with editing(path) as ed:
        ed.add_variant("beta-two", "B2", "deprecated", "short-form")
    text = path.read_text(encoding="utf-8")
    added = "    variants:\n      - form: B2\n        status: deprecated\n        kind: short-form\n"
    assert text == DESK.replace("    canonical: Beta Two\n", "    canonical: Beta Two\n" + added)
    assert _entries(path)["beta-two"].variants == (G.Variant("B2", "deprecated", "short-form"),)


def test_edit_keeps_comments_and_quotes_inside_the_entry(tmp_path):
    path = _write(tmp_path, DESK)
    with editing(path) as ed:
        ed.add_variant("alpha-one", "Alfa One", "admitted")
        ed.add_source_form("alpha-one", "\u0623\u0644\u0641\u0627", "ar")
    text = path.read_text(encoding="utf-8")
    assert "    canonical: 'Alpha One'   # quoted on purpose\n" in text
    assert text.startswith("# desk glossary\ndescription: Test desk\nentries:\n  # the first one\n  - id: alpha-one\n")
    assert text.endswith(DESK[DESK.index("\n  - id: beta-two") :])
    entry = _entries(path)["alpha-one"]
    assert [v.form for v in entry.variants] == ["A. One", "Alfa One"]
    assert [s.form for s in entry.source_forms] == ["\u0623\u0644\u0641\u0627"]


def test_remove_entry_and_variant_in_place(tmp_path):
    path = _write(tmp_path, DESK)
    with editing(path) as ed:
        ed.remove_entry("beta-two")
        ed.remove_variant("alpha-one", "A. One")
    text = path.read_text(encoding="utf-8")
    assert "beta-two" not in text and "kept as written" not in text
    assert "\n\n\n" not in text
    assert text.endswith("    canonical: Gamma Town\n# a comment at the end\n")
    got = _entries(path)
    assert list(got) == ["alpha-one", "gamma"] and got["alpha-one"].variants == ()


def test_odd_shapes_fall_back_to_the_whole_round_trip(tmp_path):
    # dashes at column 4, and a kept-chomping block scalar that ends an entry: the
    # in-place path declines (its read-back differs) and the round trip does the edit
    odd = "description: Odd\nentries:\n    -   id: one\n        type: term\n        canonical: One\n        notes: |+\n          two blank lines kept\n\n\n    -   id: two\n        type: term\n        canonical: Two\n"
    path = _write(tmp_path, odd)
    before = _entries(path)
    with editing(path) as ed:
        ed.add_variant("one", "Uno", "admitted")
    got = _entries(path)
    assert got["one"].notes == before["one"].notes
    assert [v.form for v in got["one"].variants] == ["Uno"]
    assert got["two"] == before["two"]


def test_an_id_that_appears_twice_in_the_text_is_not_edited_in_place(tmp_path):
    text = DESK.replace("      kept as written\n", "      kept as written\n      - id: gamma\n")
    path = _write(tmp_path, text)
    with editing(path) as ed:
        ed.add_variant("gamma", "Gama", "deprecated", "misspelling")
    got = _entries(path)
    assert got["beta-two"].notes.endswith("- id: gamma\n")
    assert [v.form for v in got["gamma"].variants] == ["Gama"]


def _big(n: int) -> str:
    lines = ["description: Many", "entries:"]
    for i in range(n):
        lines += [f"  - id: person-{i}", "    type: person", f"    canonical: Somebody Number {i}", "    variants:", f"      - form: S. Number {i}", "        status: deprecated", ""]
    return "\n".join(lines)


def test_the_file_is_read_whole_once_per_edit(tmp_path, monkeypatch):
    # the parse memo and the in-place edit: the whole text is parsed when the editor
    # opens it, never again (not to find the target, not to check the write)
    path = _write(tmp_path, _big(600))
    assert path.stat().st_size > 65536
    whole = []
    real = G._parse
    monkeypatch.setattr(G, "_parse", lambda raw, shown: (whole.append(len(raw)) if len(raw) > 65536 else None, real(raw, shown))[1])
    G._PARSED.clear()
    for _ in range(2):
        G.parse(path.read_bytes(), "desk.yaml")
    with editing(path) as ed:
        ed.add_variant("person-300", "Somebody No. 300", "admitted")
    after, problems = G.parse(path.read_bytes(), "other name.yaml")
    assert len(whole) == 1
    assert not problems and len(after) == 600
    assert [v.form for v in after[300].variants] == ["S. Number 300", "Somebody No. 300"]
    assert after == list(_entries(path).values())  # the remembered result is what a fresh read gives


def test_the_memo_names_problems_for_each_reader(tmp_path):
    raw = (_big(600) + "  - id: person-1\n    type: person\n    canonical: Again\n").encode()
    G._PARSED.clear()
    _, first = G.parse(raw, "a.yaml")
    _, second = G.parse(raw, "b.yaml")
    assert [p.file for p in first] == ["a.yaml"] and [p.file for p in second] == ["b.yaml"]
    assert first[0].message == second[0].message and "duplicate id" in first[0].message


def test_in_place_edits_join_the_whole_document_when_it_is_loaded(tmp_path):
    path = _write(tmp_path, DESK)
    with editing(path) as ed:
        ed.add_variant("gamma", "Gama", "deprecated", "misspelling")
        assert [item["id"] for item in ed.entries] == ["alpha-one", "beta-two", "gamma"]  # the round-trip document
        ed.add_variant("beta-two", "B2", "deprecated")
    got = _entries(path)
    assert [v.form for v in got["gamma"].variants] == ["Gama"]
    assert [v.form for v in got["beta-two"].variants] == ["B2"]
    assert path.read_text(encoding="utf-8").startswith("# desk glossary\n")
