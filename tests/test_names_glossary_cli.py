"""`provenance glossary …`: list, show, add, remove, lint, suggest, import, export;
writes keep comments, are locked and atomic (concurrent writers and a killed
writer, with real processes)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.names import glossary as G

DESK = """\
# Our desk's own names. Reviewed in pull requests.
description: Desk glossary
entries:
  # a Hamas commander; the agencies disagree on the first name
  - id: ahmed-ghandour
    type: person
    canonical: Ahmed Ghandour   # as Reuters writes it
    variants:
      - form: Ahmad Ghandour
        status: deprecated
        kind: transliteration
"""


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def desk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "desk.yaml"
    path.write_text(DESK, encoding="utf-8")
    return path


def test_list_and_show(desk):
    r = run("glossary", "list", "--type", "outlet", "--format", "json")
    rows = json.loads(r.output)
    assert r.exit_code == 0 and {"id": "reuters", "type": "outlet", "canonical": "Reuters", "variants": 0, "file": "<default>/outlets.yaml"} in rows
    assert all(x["type"] == "outlet" for x in rows)
    r = run("glossary", "show", "jack-lew")
    assert "forbidden   Jack Liu" in r.output and "جاك ليو" in r.output
    r = run("glossary", "show", "ahmed-ghandour", "--glossary", str(desk), "--format", "json")
    assert json.loads(r.output)["variants"][0]["form"] == "Ahmad Ghandour"
    r = run("glossary", "show", "jack-lw")
    assert r.exit_code == 2 and "did you mean 'jack-lew'" in r.output


def test_add_and_remove_keep_comments_and_order(desk):
    r = run("glossary", "add", "ahmed-ghandour", "--variant", "Ahmed Ghandur", "--status", "forbidden", "--kind", "misspelling", "--file", str(desk))
    assert r.exit_code == 0, r.output
    r = run("glossary", "add", "basel-al-araj", "--type", "person", "--canonical", "Basel al-Araj", "--variant", "Basil al-Araj", "--source-form", "باسل الأعرج", "--file", str(desk))
    assert r.exit_code == 0, r.output
    text = desk.read_text(encoding="utf-8")
    assert text.startswith(DESK.split("        kind: transliteration\n")[0])  # comments and order untouched
    assert "# as Reuters writes it" in text and "# a Hamas commander" in text
    g = G.load([desk], use_cache=False)
    assert g.by_id["ahmed-ghandour"].variant("Ahmed Ghandur").status == "forbidden"
    assert g.by_id["basel-al-araj"].source_forms[0].form == "باسل الأعرج"
    r = run("glossary", "remove", "ahmed-ghandour", "--variant", "Ahmed Ghandur", "--file", str(desk))
    assert r.exit_code == 0
    r = run("glossary", "remove", "basel-al-araj", "--file", str(desk))
    assert r.exit_code == 0
    assert desk.read_text(encoding="utf-8") == DESK


def test_adding_a_variant_to_a_default_entry_copies_it_into_the_desk_file(desk):
    r = run("glossary", "add", "jack-lew", "--variant", "Jack Lou", "--file", str(desk))
    assert r.exit_code == 0, r.output
    g = G.load([desk], use_cache=False)
    e = g.by_id["jack-lew"]
    assert e.file == "desk.yaml" and e.variant("Jack Liu").status == "forbidden" and e.variant("Jack Lou")


def test_add_refuses_bad_input_and_conflicts(desk):
    before = desk.read_text(encoding="utf-8")
    assert run("glossary", "add", "x-y", "--type", "person", "--file", str(desk)).exit_code == 2  # no canonical
    assert run("glossary", "add", "Bad Id", "--type", "person", "--canonical", "X Y", "--file", str(desk)).exit_code == 2
    assert run("glossary", "add", "ahmed-ghandour", "--variant", "Ahmad Ghandour", "--file", str(desk)).exit_code == 2  # already there
    r = run("glossary", "add", "ahmed-ghandour", "--variant", "Ahmed (Ghandour)", "--file", str(desk))
    assert r.exit_code == 2 and "literal text" in r.output
    assert desk.read_text(encoding="utf-8") == before


def test_lint(desk, tmp_path):
    r = run("glossary", "lint", str(desk))
    assert r.exit_code == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - id: a-b\n    type: person\n    canonical: Jack Liu\n    never_merge_with: [a-b]\n", encoding="utf-8")
    r = run("glossary", "lint", str(bad))
    assert r.exit_code == 1
    assert "bad.yaml:5: entry a-b: never_merge_with names the entry itself" in r.output
    assert "bad.yaml:4: form 'Jack Liu' of 'a-b' is also a form of 'jack-lew'" in r.output


def test_suggest_table_yaml_and_apply(desk, tmp_path):
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "a.txt").write_text(
        "Hamas commander Hossam Shahwan was killed, the group said.\n\nHossam Shahwan led the brigade. "
        "A statement named him as Husam Shahwan.\n\nSecretary of State Antony Blinkin arrived.\n",
        encoding="utf-8",
    )
    (arts / "b.txt").write_text("Officials said Hossam Shahwan had been targeted. Antony Blinkin spoke.\n", encoding="utf-8")
    r = run("glossary", "suggest", str(arts))
    assert r.exit_code == 0, r.output
    assert "new entry    hossam-shahwan  Hossam Shahwan  3" in r.output
    assert "new variant  antony-blinken  Antony Blinkin  2" in r.output
    r = run("glossary", "suggest", str(arts), "--format", "yaml")
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(r.output)
    assert data["entries"][0]["canonical"] == "Hossam Shahwan"
    assert data["variants"][0] == {"entry": "antony-blinken", "form": "Antony Blinkin", "status": "deprecated", "kind": "transliteration"}
    r = run("glossary", "suggest", str(arts), "--apply", "--file", str(desk))
    assert r.exit_code == 0, r.output
    g = G.load([desk], use_cache=False)
    assert g.by_id["hossam-shahwan"].variant("Husam Shahwan")
    assert g.by_id["antony-blinken"].variant("Antony Blinkin") and g.by_id["antony-blinken"].file == "desk.yaml"


# -- exchange formats ----------------------------------------------------------------------------------


def test_tbx_round_trip(tmp_path, desk):
    out = tmp_path / "all.tbx"
    assert run("glossary", "export", "--output", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert 'type="TBX-Basic"' in text and "urn:iso:std:iso:30042:ed-2" in text
    assert run("glossary", "import", str(out), "--file", str(tmp_path / "copy.yaml")).exit_code == 0
    a = [e._replace(file="") for e in G.load(use_cache=False).entries]
    b = [e._replace(file="") for e in G.load([tmp_path / "copy.yaml"], default=False, use_cache=False).entries]
    assert a == b


MARTIF = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>old termbase</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="c1">
      <descrip type="subjectField">person</descrip>
      <langSet xml:lang="en">
        <tig><term>Ismail Haniyeh</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <ntig><termGrp><term>Ismail Haniya</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termGrp></ntig>
        <tig><term>Esmail Hanieh</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="ar"><tig><term>إسماعيل هنية</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""


def test_import_tbx_v2_martif(tmp_path):
    src = tmp_path / "old.tbx"
    src.write_text(MARTIF, encoding="utf-8")
    target = tmp_path / "imported.yaml"
    r = run("glossary", "import", str(src), "--file", str(target))
    assert r.exit_code == 0, r.output
    (e,) = G.load([target], default=False, use_cache=False).entries
    assert (e.id, e.type, e.canonical) == ("ismail-haniyeh", "person", "Ismail Haniyeh")
    assert [(v.form, v.status) for v in e.variants] == [("Ismail Haniya", "deprecated"), ("Esmail Hanieh", "forbidden")]
    assert e.source_forms[0].lang == "ar"


@pytest.mark.parametrize(
    "content,expected",
    [
        ("<tbx><text><body><conceptEntry id='a'>", "bad.tbx:1: not well-formed XML"),
        ("<?xml version='1.0'?>\n<html/>\n", "bad.tbx:2: not a TBX file"),
        ('<?xml version="1.0"?>\n<!DOCTYPE t [<!ENTITY x "y">]>\n<tbx/>', "entity declarations are not accepted"),
        ("<martif><text><body><termEntry><langSet xml:lang='en'><tig><term>A (b)</term></tig></langSet></termEntry></body></text></martif>", "literal text"),
    ],
)
def test_bad_tbx_is_one_line_exit_2(tmp_path, content, expected):
    src = tmp_path / "bad.tbx"
    src.write_text(content, encoding="utf-8")
    target = tmp_path / "out.yaml"
    r = run("glossary", "import", str(src), "--file", str(target))
    assert r.exit_code == 2 and expected in r.output and "Traceback" not in r.output
    assert not target.exists()


def test_csv_round_trip_and_vale_export(tmp_path):
    out = tmp_path / "all.csv"
    assert run("glossary", "export", "--format", "csv", "--output", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").splitlines()[0] == "id,type,form,status,kind,lang,note"
    assert run("glossary", "import", str(out), "--file", str(tmp_path / "copy.yaml")).exit_code == 0
    copy = G.load([tmp_path / "copy.yaml"], default=False, use_cache=False)
    orig = G.load(use_cache=False)
    assert {e.id: e.all_forms() for e in copy.entries} == {e.id: e.all_forms() for e in orig.entries}
    r = run("glossary", "export", "--format", "vale")
    from ruamel.yaml import YAML

    rule = YAML(typ="safe").load(r.output)
    assert rule["extends"] == "substitution"
    assert rule["swap"]["Jack Liu"] == "Jack Lew" and rule["swap"]["al-Quds"] == "Jerusalem"
    assert "Bill Burns" not in rule["swap"]  # admitted forms are not swapped


# -- concurrent and killed writers (real processes) ----------------------------------------------------

WRITER = """
import sys
from pathlib import Path
from provenance.names.store import editing
path, prefix, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for i in range(n):
    with editing(path) as ed:
        ed.add_entry({"id": f"{prefix}-{i}", "type": "person", "canonical": f"{prefix.title()} Person{i:04d}"})
"""


def _writer(path: Path, prefix: str, n: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(path), prefix, str(n)], stderr=subprocess.PIPE)


def test_two_writers_at_once_lose_nothing(desk):
    a, b = _writer(desk, "alpha", 25), _writer(desk, "beta", 25)
    assert a.wait(120) == 0, a.stderr.read()
    assert b.wait(120) == 0, b.stderr.read()
    ids = set(G.load([desk], default=False, use_cache=False).by_id)
    assert {f"alpha-{i}" for i in range(25)} <= ids and {f"beta-{i}" for i in range(25)} <= ids
    assert "# as Reuters writes it" in desk.read_text(encoding="utf-8")


def test_a_killed_writer_leaves_a_complete_file(desk):
    complete_versions = 0
    for attempt in range(4):
        before = set(G.load([desk], default=False, use_cache=False).by_id)
        proc = _writer(desk, f"kill{attempt}", 400)
        time.sleep(0.6 + 0.15 * attempt)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        g = G.load([desk], default=False, use_cache=False)  # parses: never half a file
        after = set(g.by_id)
        added = sorted(int(i.split("-")[1]) for i in after - before)
        assert before <= after
        assert added == list(range(len(added)))  # a prefix of the writes, each one whole
        complete_versions += bool(added)
    assert complete_versions, "the writer was killed before writing anything"
    # the next write clears what a killed writer left beside the file
    assert run("glossary", "add", "late-entry", "--type", "person", "--canonical", "Late Entry", "--file", str(desk)).exit_code == 0
    assert not list(desk.parent.glob(".desk.yaml.*.tmp"))
    assert "late-entry" in G.load([desk], default=False, use_cache=False).by_id
