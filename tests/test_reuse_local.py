"""In-document repeats: one implementation behind PV401–PV403 and `provenance reuse`."""

from __future__ import annotations

import subprocess
import sys

from provenance.document import Document
from provenance.reuse.local import find_repeats
from provenance.reuse.passages import normalize, repeats_opening

SEED_003 = "003_54dceafa2da45155.txt"


def test_seed_003_repeats_found_once(seeds_dir):
    doc = Document.from_path(seeds_dir / SEED_003)
    repeats = find_repeats(doc)
    found = {(r.mode, doc.line_col(r.start)[0], r.first_line) for r in repeats}
    assert found == {("paragraph", 4, 2), ("prefix", 13, 7)}
    for r in repeats:  # the first copy's span is exact too
        assert doc.line_col(r.first_start)[0] == r.first_line
        assert doc.text[r.first_start : r.first_end].strip() == doc.text[r.first_start : r.first_end]


def test_check_reports_seed_003_repeats(seed_report):
    f = next(f for f in seed_report.files if f.path.endswith(SEED_003))
    got = sorted((x.rule, x.line, x.message) for x in f.findings if x.rule.startswith("PV40"))
    assert got == [
        ("PV401", 4, "repeats the paragraph at line 2 word for word"),
        ("PV402", 13, "repeats the opening of the paragraph at line 7"),
    ]


def test_normalization_ignores_spacing_and_quote_style():
    assert normalize("  He said \u201cyes\u201d\n and  left. ") == 'He said "yes" and left.'


def test_opening_stops_at_word_boundary():
    longer = "the leadership considers this meeting crucial, clarifying that its goal is unity"
    assert repeats_opening("the leadership considers this meeting crucial.", longer, 20)
    assert not repeats_opening("the leadership considers this meeting cru", longer, 20)


def test_check_does_not_import_heavy_modules(seeds_dir):
    code = (
        "import sys\n"
        "from provenance.cli import app\n"
        "try:\n"
        f"    app(['check', {str(seeds_dir)!r}, '--fail-on', 'never', '-q'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in ('datasketch', 'sacrebleu', 'torch', 'transformers', 'numpy', 'sqlite3') if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out
