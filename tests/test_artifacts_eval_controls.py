"""The control figures of benchmarks/artifacts_eval.py: false warnings and
errors, and info findings, per 1,000 words (invented text, no ../shared)."""

from __future__ import annotations

from benchmarks.artifacts_eval import control
from provenance.config import Config
from provenance.document import Document
from provenance.pipeline import Pipeline


def test_control_counts_info_findings_apart():
    text = "Harbour talks.. a date is set\n\nThe minister , speaking on Monday, said the the port would reopen.\n"
    report = Pipeline(Config(select=["PV122", "PV123", "PV321"])).run_documents([(Document(text, "a.txt"), "a.txt")])
    c = control(report)
    severities = [x.severity for _, x in report.all_findings()]
    assert severities.count("info") == c["info"] == 3
    assert c["false_warnings_errors"] == 0
    assert c["info_per_1000_words"] == round(1000 * 3 / c["words"], 3)
    assert c["top_info_rules"] == {"PV122": 1, "PV123": 1, "PV321": 1}
