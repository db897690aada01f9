"""The JSON report against its published schema (provenance/schema/report-v1.json)."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from provenance.discover import Source


@pytest.fixture(scope="module")
def schema():
    return json.loads(resources.files("provenance").joinpath("schema/report-v1.json").read_text())


def test_schema_is_valid(schema):
    jsonschema.Draft202012Validator.check_schema(schema)


def test_seed_report_matches_schema(schema, seed_report):
    jsonschema.validate(json.loads(seed_report.to_json()), schema)


def test_report_with_unreadable_file_matches_schema(schema, default_pipeline, tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    (tmp_path / "ok.txt").write_text("The talks resumed on Monday.\n")
    report = default_pipeline.run([Source("bin.txt", tmp_path / "bin.txt"), Source("ok.txt", tmp_path / "ok.txt")])
    data = json.loads(report.to_json())
    jsonschema.validate(data, schema)
    assert data["summary"]["errors"] == 1 and data["files"][0]["error_kind"] == "binary"
