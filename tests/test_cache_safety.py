"""The on-disk parse cache holds data, never code: planted files are not run,
unknown records are refused, and a directory other users can write is not used."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys

import pytest

from provenance import cache
from provenance.names import glossary as G
from provenance.rules.model import Example, Pack, Rule, load_pack, resolve_pack
from tests.conftest import SEEDS

SEED = sorted(SEEDS.glob("*.txt"))[0]


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("PROVENANCE_NO_CACHE", raising=False)
    return home


class _Payload:
    """What a planted pickle would run on load."""

    def __init__(self, marker: str):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def _entry_files(home):
    return sorted(home.glob("provenance/*/*"))


def test_values_round_trip_through_json(cache_home):
    rule = Rule("PV000", "x", "phrase", "calque", "Style/Unnatural", "info", "s", "d", "p", (Example("a", "b", flag="a"),), params={"n": [1, 2], "m": {"k": (1, 2)}})
    value = {"pack": Pack("p", "/p", "0" * 64, "", (rule,)), "words": frozenset({"a", "b"}), "pairs": {(1, 2): "x"}, "$odd": 1, "list": [1.5, None, True]}
    cache.put("test", "k1", value)
    [path] = _entry_files(cache_home)
    assert path.suffix == ".json"
    json.loads(path.read_text(encoding="utf-8"))  # plain JSON on disk
    assert cache.get("test", "k1") == value


def test_real_pack_and_glossary_come_back_equal(cache_home):
    pack = load_pack(resolve_pack("ar-en"))
    assert load_pack(resolve_pack("ar-en")) == pack  # second load: from the cache
    first = G.load()
    second = G.load()
    assert second.entries == first.entries and second.forms == first.forms


def test_data_files_read_through_the_cache_come_back_equal(cache_home):
    """The tables read on every run (cache.parsed) and the romanized model: the same values, of the
    same types, from the cache as from the files (floats exactly: scores must not move)."""
    from provenance import yamlguard
    from provenance.bilingual import lexicon as bilingual_lexicon
    from provenance.names import name_words, structure
    from provenance.rules.kinds import _romanized_model

    def same(a, b):
        if type(a) is not type(b):
            return False
        if isinstance(a, dict):
            return list(a) == list(b) and all(type(k) is type(j) and same(a[k], b[j]) for k, j in zip(a, b))
        if isinstance(a, list):
            return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
        return a == b

    raw = structure.PLACES_PATH.read_bytes()
    parsed = yamlguard.load(raw)
    assert same(cache.parsed("places", raw, yamlguard.load), parsed)
    assert same(cache.parsed("places", raw, lambda _: pytest.fail("parsed again")), parsed)  # second read: the cache
    raw = bilingual_lexicon.resources.files("provenance.bilingual").joinpath("lexicon.yaml").read_bytes()
    parsed = bilingual_lexicon._parse(raw)
    cache.parsed("bilingual-lexicon", raw, bilingual_lexicon._parse)
    assert same(cache.parsed("bilingual-lexicon", raw, lambda _: pytest.fail("parsed again")), parsed)
    name_words.english_first_names.cache_clear()
    try:
        assert name_words.english_first_names() == name_words._english_first_names()
        name_words.english_first_names.cache_clear()
        assert name_words.english_first_names() == name_words._english_first_names()  # from the cache
    finally:
        name_words.english_first_names.cache_clear()

    model = _romanized_model.model.__wrapped__()  # built from the data file, then cached
    again = _romanized_model.model.__wrapped__()  # from the cache
    assert again._interp == model._interp and again.common == model.common and again._rare == model._rare
    for word in ("alosmah", "altanmiah", "government", "intifada"):
        assert again.score(word) == model.score(word)
    state = model.state()
    state["byteorder"] = "big" if sys.byteorder == "little" else "little"
    with pytest.raises(ValueError):  # doubles cached on a machine of the other byte order: built again
        _romanized_model.Model.from_state(state)


def test_a_planted_pickle_is_never_loaded(cache_home, tmp_path):
    marker = tmp_path / "pwned"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    argv = [sys.executable, "-m", "provenance", "check", str(SEED), "--format", "json", "--fail-on", "never"]
    clean = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)
    entries = _entry_files(cache_home)
    assert entries, "the first run fills the cache"
    payload = pickle.dumps(("k", _Payload(str(marker))))
    for path in entries:  # every entry, under its own name and the name the pickle cache used
        path.write_bytes(payload)
        path.with_name(path.name.replace(f"-f{cache._FORMAT}.json", ".pickle")).write_bytes(payload)
    planted = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)
    assert planted.returncode == 0, planted.stderr
    assert not marker.exists()
    assert planted.stdout == clean.stdout  # the planted entries were parsed again, not used


def test_an_unregistered_record_is_refused(cache_home):
    cache.put("test", "k2", "value")
    [path] = _entry_files(cache_home)
    path.write_text(json.dumps({"key": "k2", "value": {"$r": "os:system", "$v": ["touch /tmp/x"]}}), encoding="utf-8")
    assert cache.get("test", "k2") is None


def test_a_corrupt_entry_is_a_miss(cache_home):
    cache.put("test", "k3", [1, 2])
    [path] = _entry_files(cache_home)
    path.write_bytes(b"\xff{not json")
    assert cache.get("test", "k3") is None


def test_an_entry_that_is_a_symlink_is_not_followed(cache_home, tmp_path):
    cache.put("test", "k4", [1])
    [path] = _entry_files(cache_home)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(json.dumps({"key": "k4", "value": [2]}), encoding="utf-8")
    path.unlink()
    path.symlink_to(elsewhere)
    assert cache.get("test", "k4") is None


def test_a_directory_others_can_write_is_not_used(cache_home, monkeypatch, capsys):
    cache.put("test", "k5", [1])
    os.chmod(cache_home / "provenance", 0o777)
    monkeypatch.setenv("PROVENANCE_VERBOSE", "1")
    assert cache.get("test", "k5") is None
    cache.put("test", "k6", [1])
    assert cache.get("test", "k6") is None
    err = capsys.readouterr().err
    assert err.count("cache off") == 1 and "writable by other users" in err


def test_a_shared_sticky_base_is_fine_but_not_a_shared_open_one(tmp_path, monkeypatch):
    monkeypatch.delenv("PROVENANCE_NO_CACHE", raising=False)
    base = tmp_path / "shared"
    base.mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(base))
    os.chmod(base, 0o1777)  # like /tmp
    cache.put("test", "k7", [1])
    assert cache.get("test", "k7") == [1]
    os.chmod(base, 0o777)  # anyone could rename our directory away and plant another
    assert cache.get("test", "k7") is None


def test_a_relative_xdg_cache_home_is_ignored(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PROVENANCE_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative-cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir("packs") == tmp_path / "home" / ".cache" / "provenance" / "packs"
