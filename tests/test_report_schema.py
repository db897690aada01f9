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


CREDITED = """Talks on the port resume after a month of delays

By Sami al-Khatib and Jane Roe

The minister said on Monday that the talks on the port would resume next week.

Officials in the capital welcomed the news, the ministry added.

Edited translation from Al-Ahram
"""


def test_translation_credits_and_bylines_match_schema(schema, default_pipeline):
    from provenance.document import Document

    report = default_pipeline.check_document(Document(CREDITED, "credited.txt"))
    data = json.loads(report.to_json())
    jsonschema.validate(data, schema)
    credits = data["files"][0]["credits"]
    (translation,) = credits["translation"]
    assert translation["line"] == 9 and translation["translator"] is None
    source = translation["source"]
    assert source["text"] == "Al-Ahram" == CREDITED[source["start"] : source["end"]]
    (byline,) = credits["bylines"]
    assert [n["text"] for n in byline["names"]] == ["Sami al-Khatib", "Jane Roe"]
    assert all(CREDITED[n["start"] : n["end"]] == n["text"] for n in byline["names"])
    # each credit line is located as a whole, as a dateline is
    for entry in (translation, byline):
        assert CREDITED[entry["start"] : entry["end"]] == entry["text"]
    assert "translation credit on line 9: from Al-Ahram" in data["files"][0]["notes"]


def test_credit_without_parts_is_rejected(schema, default_pipeline):
    from provenance.document import Document

    data = json.loads(default_pipeline.check_document(Document(CREDITED, "credited.txt")).to_json())
    data["files"][0]["credits"]["translation"][0].pop("source")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_datelines_match_schema(schema, default_pipeline):
    from provenance.document import Document

    text = "Farmers count the damage\n\nHEBRON, May 5 (WAFA) – Farmers said the trees were cut.\n"
    data = json.loads(default_pipeline.check_document(Document(text, "dated.txt")).to_json())
    jsonschema.validate(data, schema)
    (dateline,) = data["files"][0]["credits"]["datelines"]
    assert dateline["agency"]["text"] == "WAFA" == text[dateline["agency"]["start"] : dateline["agency"]["end"]]
    dateline.pop("agency")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_link_cues_are_spans_or_null(schema, default_pipeline):
    from provenance.document import Document

    text = "The agency reported that an aide to the mayor said the bridge would reopen.\n"
    data = json.loads(default_pipeline.check_document(Document(text, "relay.txt")).to_json())
    (a,) = data["files"][0]["attributions"]
    assert [l["cue"]["text"] for l in a["chain"]] == ["reported", "said"]
    jsonschema.validate(data, schema)
    a["chain"][1]["cue"] = "said"  # a link cue is a span, not a bare string
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
