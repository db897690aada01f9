"""The engine seam without Dask: settings in one place, shards, and the base
install never importing dask."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.config import Config
from provenance.engine import EngineError, EngineSettings, engine_settings, partitions

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def pv(*args: str):
    return runner.invoke(app, [*args], catch_exceptions=False)


def test_settings_flags_over_config_over_defaults():
    assert engine_settings(Config()) == EngineSettings("local", None, 500, None)
    config = Config(sections={"engine": {"name": "dask", "scheduler": "tcp://h:8786", "partition-size": 7, "workers": 2}})
    assert engine_settings(config) == EngineSettings("dask", "tcp://h:8786", 7, 2)
    assert engine_settings(config, "local").name == "local"
    assert engine_settings(Config(), scheduler="tcp://x:1") == EngineSettings("dask", "tcp://x:1", 500, None)
    assert engine_settings(Config(sections={"engine": {"scheduler": "tcp://x:1"}})).name == "dask"
    assert engine_settings(Config(sections={"engine": {"scheduler": "tcp://x:1", "name": "local"}})) == EngineSettings()
    with pytest.raises(EngineError, match="unknown engine"):
        engine_settings(Config(), "spark")
    with pytest.raises(EngineError, match="use it with --engine dask"):
        engine_settings(Config(), "local", "tcp://x:1")
    with pytest.raises(EngineError, match="unknown key 'partitions'"):
        engine_settings(Config(sections={"engine": {"partitions": 3}}))


def test_engine_table_is_checked_when_the_config_loads(tmp_path):
    bad = tmp_path / "provenance.toml"
    bad.write_text('[tool.provenance.engine]\nname = "spark"\n', encoding="utf-8")
    out = pv("check", str(ROOT / "seeds"), "--config", str(bad))
    assert out.exit_code == 2 and "engine.name" in out.output


def test_partitions_are_consecutive():
    assert partitions(list(range(7)), 3) == [[0, 1, 2], [3, 4, 5], [6]]
    assert partitions([], 3) == []


def test_local_shards_concatenate_to_the_jsonl_report(tmp_path, seeds_dir):
    config = tmp_path / "provenance.toml"
    config.write_text("[tool.provenance.engine]\npartition-size = 2\n", encoding="utf-8")
    whole = pv("check", str(seeds_dir), "--format", "jsonl", "--fail-on", "never", "--config", str(config))
    out = pv("check", str(seeds_dir), "--shards", str(tmp_path / "shards"), "--fail-on", "never", "--config", str(config))
    assert out.exit_code == 0, out.output
    names = sorted(p.name for p in (tmp_path / "shards").iterdir())
    assert names == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl", "summary.json"]
    assert [len(p.read_text().splitlines()) for p in sorted((tmp_path / "shards").glob("part-*"))] == [2, 2, 1]
    joined = "".join((tmp_path / "shards" / n).read_text(encoding="utf-8") for n in names)
    assert joined == whole.stdout
    rows = [json.loads(line) for line in whole.stdout.splitlines()]
    found = sum(len(row["file"]["findings"]) for row in rows if "file" in row)  # the count the summary line must give
    assert found > 0 and f"Found {found} findings in 5 files" in out.stdout and "3 shards" in out.stdout
    assert json.loads((tmp_path / "shards" / "summary.json").read_text())["summary"]["files"] == 5


def test_shards_refuse_other_outputs_and_foreign_directories(tmp_path, seeds_dir):
    out = pv("check", str(seeds_dir), "--shards", str(tmp_path / "s"), "--format", "json")
    assert out.exit_code == 2 and "--shards writes JSON Lines shards" in out.output
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine", encoding="utf-8")
    out = pv("check", str(seeds_dir), "--shards", str(tmp_path / "busy"))
    assert out.exit_code == 2 and "not a shard directory" in out.output
    assert (tmp_path / "busy" / "notes.txt").read_text() == "mine"


def test_base_install_never_imports_dask(seeds_dir):
    code = (
        "import sys\n"
        "from provenance.cli import main\n"
        f"sys.argv = ['provenance', 'check', {str(seeds_dir)!r}, '-q', '--fail-on', 'never', '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('DASK' if any(m == 'dask' or m.startswith(('dask.', 'distributed')) for m in sys.modules) else 'CLEAN', file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.stderr.strip().splitlines()[-1] == "CLEAN", done.stderr


def test_stdin_is_the_local_engines(seeds_dir):
    pytest.importorskip("distributed")
    from provenance.discover import Source
    from provenance.engine.dask import _absolute

    with pytest.raises(EngineError, match="standard input"):
        _absolute([Source("<stdin>", None)])
