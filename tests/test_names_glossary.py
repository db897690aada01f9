"""The glossary: the default one, strict loading (bad input with file and line),
configuration, desk overrides and the cache."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from provenance.config import Config
from provenance.names import glossary as G

ROOT = Path(__file__).resolve().parent.parent


def test_default_glossary_lints_clean():
    g = G.load(use_cache=False, strict=False)
    assert g.problems == []
    assert len(g) > 150
    assert g.signature().startswith("glossary:default@")


def test_top_level_glossaries_folder_is_the_default():
    assert (ROOT / "glossaries" / "default").resolve() == G.default_glossary_dir().resolve()


@pytest.mark.parametrize(
    "form,entry,type_",
    [
        ("Jack Lew", "jack-lew", "person"),
        ("William Burns", "william-burns", "person"),
        ("Mohammed bin Abdulrahman Al Thani", "mohammed-bin-abdulrahman-al-thani", "person"),
        ("Antony Blinken", "antony-blinken", "person"),
        ("Benjamin Netanyahu", "benjamin-netanyahu", "person"),
        ("David Barnea", "david-barnea", "person"),
        ("Abu Ubaida", "abu-ubaida", "person"),
        ("Sami Abu Zuhri", "sami-abu-zuhri", "person"),
        ("Gadi Eisenkot", "gadi-eisenkot", "person"),
        ("Nitzan Alon", "nitzan-alon", "person"),
        ("Abbas Kamel", "abbas-kamel", "person"),
        ("John Kirby", "john-kirby", "person"),
        ("Joe Biden", "joe-biden", "person"),
        ("Hamas", "hamas", "organization"),
        ("Islamic Resistance Movement", "hamas", "organization"),
        ("Izz al-Din al-Qassam Brigades", "qassam-brigades", "organization"),
        ("Mossad", "mossad", "organization"),
        ("Shin Bet", "shin-bet", "organization"),
        ("CIA", "cia", "organization"),
        ("Knesset", "knesset", "organization"),
        ("International Court of Justice", "icj", "organization"),
        ("Kan", "kan", "outlet"),
        ("Maariv", "maariv", "outlet"),
        ("Walla", "walla", "outlet"),
        ("Channel 12", "channel-12", "outlet"),
        ("Channel 13", "channel-13", "outlet"),
        ("Axios", "axios", "outlet"),
        ("Xinhua", "xinhua", "outlet"),
        ("Anatolia", "anadolu", "outlet"),
        ("Reuters", "reuters", "outlet"),
        ("AFP", "afp", "outlet"),
        ("Associated Press", "associated-press", "outlet"),
        ("Al Jazeera", "al-jazeera", "outlet"),
        ("Cairo News Channel", "al-qahera-news", "outlet"),
        ("Jerusalem", "jerusalem", "place"),
        ("al-Quds", "jerusalem", "place"),
        ("Tel Aviv", "tel-aviv", "place"),
    ],
)
def test_default_glossary_covers_the_seeds(form, entry, type_):
    e = G.load().entry_for_form(form)
    assert e is not None and e.id == entry and e.type == type_


def test_every_entry_has_an_arabic_source_form():
    g = G.load()
    missing = [e.id for e in g.entries if not any(s.lang == "ar" for s in e.source_forms)]
    assert missing == []


# -- bad input ---------------------------------------------------------------------------------

BAD = {
    "malformed": ("entries:\n  - id: a\n    canonical: [Foo\n", "invalid YAML"),
    "unknown-field": ("entries:\n  - id: a-b\n    type: person\n    canonical: Foo Bar\n    variantz: []\n", ":5: unknown field 'variantz'"),
    "duplicate-id": ("entries:\n  - id: a-b\n    type: person\n    canonical: Foo Bar\n  - id: a-b\n    type: person\n    canonical: Foo Baz\n", ":5: duplicate id 'a-b'"),
    "conflict": ("entries:\n  - id: a-b\n    type: person\n    canonical: Jack Liu\n", "also a form of 'jack-lew'"),
    "regex": ("entries:\n  - id: a-b\n    type: person\n    canonical: Foo Bar\n    variants:\n      - form: Foo.*Bar\n        status: deprecated\n", ":6: entry a-b: variant 'Foo.*Bar' contains '*'"),
    "empty-file": ("", "empty glossary"),
    "no-entries": ("entries: []\n", ":1: empty glossary: no entries"),
    "bad-type": ("entries:\n  - id: a-b\n    type: persn\n    canonical: Foo Bar\n", ":3: entry a-b: type 'persn'"),
    "bad-status": ("entries:\n  - id: a-b\n    type: person\n    canonical: Foo Bar\n    variants:\n      - form: Foo Baz\n        status: wrong\n", ":7: entry a-b: status 'wrong'"),
    "variant-is-canonical": ("entries:\n  - id: a-b\n    type: person\n    canonical: Foo Bar\n    variants:\n      - form: foo bar\n        status: admitted\n", ":6: entry a-b: variant 'foo bar' is the same as the canonical form"),
    "bare-list": ("- id: a-b\n", "not a bare list"),
    "duplicate-key": ("entries:\n  - id: a-b\n    id: c-d\n", ":3: invalid YAML (found duplicate key"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_glossary_is_one_clear_error_with_file_and_line(tmp_path, name):
    text, expected = BAD[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(G.GlossaryError) as err:
        G.load([path], use_cache=False)
    message = str(err.value)
    assert f"{name}.yaml" in message and expected in message
    assert "\n" not in message


def test_check_with_a_bad_glossary_exits_2_without_traceback(tmp_path, seed_paths):
    bad = tmp_path / "desk.yaml"
    bad.write_text(BAD["unknown-field"][0], encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "provenance", "check", str(seed_paths[0]), "--glossary", str(bad)],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "desk.yaml:5: unknown field 'variantz'" in lines[0]


def test_check_uses_a_desk_glossary_given_on_the_command_line(tmp_path):
    desk = tmp_path / "desk.yaml"
    desk.write_text(
        "entries:\n  - id: ahmed-ghandour\n    type: person\n    canonical: Ahmed Ghandour\n"
        "    variants:\n      - form: Ahmad Ghandour\n        status: forbidden\n        kind: misspelling\n",
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text("Hamas said Ahmad Ghandour was killed.\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "provenance", "check", "a.txt", "--glossary", "desk.yaml", "--format", "json", "--isolated"],
        capture_output=True, text=True, cwd=tmp_path,
    )
    import json

    report = json.loads(proc.stdout)
    assert proc.returncode == 1
    (f,) = [f for f in report["files"][0]["findings"] if f["rule"] == "PV801"]
    assert (f["text"], f["suggestion"]) == ("Ahmad Ghandour", "Ahmed Ghandour")
    assert "glossary:default+desk@" in report["signature"]
    assert str(tmp_path) not in proc.stdout  # no absolute path the user did not give


def test_unknown_never_merge_id_is_a_lint_warning_only(tmp_path):
    path = tmp_path / "desk.yaml"
    path.write_text("entries:\n  - id: a-b\n    type: person\n    canonical: Foo Bar\n    never_merge_with: [nobody]\n", encoding="utf-8")
    g = G.load([path], use_cache=False)  # loads: a warning is not fatal
    assert [p.severity for p in g.problems] == ["warning"]


# -- configuration and desk glossaries ------------------------------------------------------------


def test_desk_glossary_extends_and_overrides_the_default(tmp_path):
    desk = tmp_path / "desk.yaml"
    desk.write_text(
        "entries:\n"
        "  - id: yahya-sinwar\n    type: person\n    canonical: Yahya al-Sinwar\n"
        "  - id: ahmed-ghandour\n    type: person\n    canonical: Ahmed Ghandour\n",
        encoding="utf-8",
    )
    g = G.load([desk], use_cache=False)
    assert g.by_id["yahya-sinwar"].canonical == "Yahya al-Sinwar"  # the desk's entry replaces the default one
    assert g.entry_for_form("Yehia Sinwar") is None  # ...with its forms
    assert "ahmed-ghandour" in g.by_id and "jack-lew" in g.by_id
    assert g.signature().startswith("glossary:default+desk@")


def test_config_glossaries_are_relative_to_the_config_file_and_the_default_can_be_turned_off(tmp_path):
    from provenance.config import load_config

    (tmp_path / "glossaries").mkdir()
    (tmp_path / "glossaries" / "desk.yaml").write_text("entries:\n  - id: a-b\n    type: person\n    canonical: Foo Bar\n", encoding="utf-8")
    cfg = tmp_path / "provenance.toml"
    cfg.write_text('glossaries = ["glossaries/"]\n[names]\ndefault-glossary = false\n', encoding="utf-8")
    g = G.load_for_config(load_config(cfg))
    assert list(g.by_id) == ["a-b"]
    cfg.write_text('glossaries = ["glossaries/desk.yaml"]\n', encoding="utf-8")
    g = G.load_for_config(load_config(cfg))
    assert "a-b" in g.by_id and "jack-lew" in g.by_id


def test_unknown_names_setting_is_a_config_error():
    from provenance.config import ConfigError

    with pytest.raises(ConfigError, match="unknown key 'defaults'"):
        G.load_for_config(Config(sections={"names": {"defaults": False}}))


# -- cache ------------------------------------------------------------------------------------------


def test_second_load_comes_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("PROVENANCE_NO_CACHE", raising=False)
    first = G.load()
    monkeypatch.setattr(G, "parse", lambda *a, **k: pytest.fail("parsed although cached"))
    second = G.load()
    assert [e.id for e in second.entries] == [e.id for e in first.entries]
    assert second.signature() == first.signature()


def test_a_changed_file_is_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    desk = tmp_path / "desk.yaml"
    desk.write_text("entries:\n  - id: a-b\n    type: person\n    canonical: Foo Bar\n", encoding="utf-8")
    assert G.load([desk]).by_id["a-b"].canonical == "Foo Bar"
    desk.write_text("entries:\n  - id: a-b\n    type: person\n    canonical: Foo Baz\n", encoding="utf-8")
    assert G.load([desk]).by_id["a-b"].canonical == "Foo Baz"


def test_an_unwritable_cache_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert len(G.load()) > 150
