"""`check --format html`: one self-contained page, findings highlighted at
their exact offsets (overlaps included), every string escaped, the same bytes
for the same input; and, in a real headless Chromium (Debian's `chromium`,
installed by `make test`), the highlights, counts and filters as a reader
sees them."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from provenance.cli import app
from provenance.render import html
from provenance.report import Finding, FileReport, Report
from tests.conftest import ROOT, SEEDS

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
HOSTILE = (
    "\nThe minister said <script>window.pwned = 1</script> on Tuesday & left.\r\n\r\n"
    'He added: <img src="x" onerror="window.pwned = 2"> “genocide. Collective.”\n\n'
    "The court heard charges of genocide. Collective.\n"
)
runner = CliRunner()


def finding(start, end, text, severity="warning", rule="PV999", category="calque") -> Finding:
    return Finding(rule, "test-rule", category, "Style/Unnatural", severity, f"message {start}-{end} <b>", None, 1, start + 1, start, end, text[start:end])


class Pieces(HTMLParser):
    """The text inside <pre class="text">, and per finding id the text of its marks, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.by_id: dict[str, str] = {}
        self.zero: list[str] = []
        self._in_pre = False
        self._ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "pre" and a.get("class") == "text":
            self._in_pre = True
            self._fresh = False
            self.texts.append("")
        elif tag == "mark" and self._in_pre:
            self._ids = a["data-f"].split()
            if "zero" in a["class"].split():
                self.zero += self._ids
            for i in self._ids:
                self.by_id.setdefault(i, "")

    def handle_endtag(self, tag):
        if tag == "pre":
            self._in_pre = False
        elif tag == "mark":
            self._ids = []

    def handle_data(self, data):
        if self._in_pre:
            if self.texts[-1] == "" and data.startswith("\n") and not self._fresh:
                data = data[1:]  # what a browser drops: the newline right after <pre>
            self._fresh = True
            self.texts[-1] += data
            for i in self._ids:
                self.by_id[i] += data


def parse(page: str) -> Pieces:
    p = Pieces()
    p.feed(page)
    p.close()
    return p


def page_for(text: str, findings: list[Finding], path="a.txt") -> str:
    report = Report(signature="test", files=[FileReport(path=path, words=len(text.split()), findings=findings)])
    report.texts[path] = text
    return html.render(report)


# -- the page as bytes ----------------------------------------------------------------


def test_overlapping_and_nested_spans_each_spell_their_text():
    text = "\nalpha beta\r\ngamma delta epsilon"
    fs = [finding(0, 10, text), finding(6, 16, text, "error"), finding(6, 10, text, "info"), finding(11, 30, text), finding(17, 17, text)]
    fs.sort(key=Finding.sort_key)
    p = parse(page_for(text, fs))
    assert p.texts == [text]
    ids = {str(i): f for i, f in enumerate(fs)}
    assert set(p.by_id) == set(ids)
    for i, f in ids.items():
        assert p.by_id[i] == f.text
    assert p.zero == [str(fs.index(next(f for f in fs if f.start == f.end)))]


@settings(max_examples=150, deadline=None, derandomize=True)
@given(text=st.text(alphabet=st.sampled_from(list("ab <&>\"'\n\r\u00e9\u0627")), min_size=1, max_size=40), data=st.data())
def test_any_spans_are_exact(text, data):
    n = len(text)
    span = st.tuples(st.integers(0, n), st.integers(0, n), st.sampled_from(html.SEVERITIES))
    raw = data.draw(st.lists(span, max_size=8))
    fs = sorted((finding(min(a, b), max(a, b), text, sev) for a, b, sev in raw), key=Finding.sort_key)
    p = parse(page_for(text, fs))
    assert p.texts == [text]
    for i, f in enumerate(fs):
        assert p.by_id[str(i)] == f.text


def test_article_text_and_strings_are_escaped():
    text = HOSTILE
    fs = [finding(text.index("<script>"), text.index("</script>") + 9, text, "error")]
    page = page_for(text, fs, path='<img src=x onerror=alert(1)>.txt')
    assert page.count("<script") == 1  # the page's own, at the end
    assert "<img" not in page
    assert "&lt;script&gt;window.pwned" in page
    assert "message" in page and "<b>" not in page.split("<script>")[0].split("</style>")[1]
    assert parse(page).texts == [text]


def test_page_fetches_nothing():
    page = html.render(_seed_report())
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    for marker in ("<link", "src=", "url(", "@import", "http://", "https://"):
        assert marker not in page.split("<main>")[0], marker  # head: no external asset
    assert "<link" not in page and " src=" not in page


def _seed_report():
    from provenance.config import Config
    from provenance.discover import Source, display_path
    from provenance.pipeline import Pipeline

    paths = sorted(SEEDS.glob("*.txt"))
    return Pipeline(Config()).run([Source(display_path(p.relative_to(ROOT)), p) for p in paths], keep_text=True)


def test_seed_highlights_match_the_report(seed_report):
    page = html.render(seed_report)
    p = parse(page)
    findings = [x for f in seed_report.files for x in sorted(f.findings, key=Finding.sort_key)]
    assert len(p.by_id) == len(findings) > 50
    for i, x in enumerate(findings):
        assert p.by_id[str(i)] == x.text
    assert p.texts == [seed_report.texts[f.path] for f in seed_report.files]
    assert page.count('<li class="finding ') == len(findings)


def test_names_attributions_and_sourcing_are_shown(seed_report):
    page = html.render(seed_report)
    assert page.count('<details class="names">') == sum(bool(f.names) for f in seed_report.files)
    assert "glossary status" in page and 'class="st-forbidden"' in page
    assert page.count('<details class="attributions">') == sum(bool(f.attributions) for f in seed_report.files)
    assert "anonymous share" in page and "innermost sources" in page


def test_reuse_links_point_at_articles_of_the_run():
    text = "One passage here.\n"
    a = FileReport(path="old.txt", words=3)
    b = FileReport(path="new.txt", words=3)
    b.extra["reuse"] = [{"kind": "paragraph", "line": 1, "column": 1, "start": 0, "end": 17, "text": text[:17], "label": "verbatim", "match": "verbatim", "first": {"path": "old.txt", "date": None, "kind": "paragraph", "line": 1, "start": 0, "end": 17}}]
    report = Report(signature="s", files=[a, b], texts={"old.txt": text, "new.txt": text})
    page = html.render(report)
    assert '<a href="#file-1">old.txt, line 1</a>' in page


def test_check_index_links_each_reused_passage_to_its_first_article(tmp_path, monkeypatch):
    monkeypatch.setenv("PROVENANCE_NO_CACHE", "1")
    index = tmp_path / "index.db"
    assert runner.invoke(app, ["index", "add", str(SEEDS), "--index-path", str(index), "--isolated", "--no-progress"]).exit_code == 0
    out = tmp_path / "reuse.html"
    result = runner.invoke(app, ["check", str(SEEDS), "--index", "--index-path", str(index), "--format", "html", "-o", str(out), "--fail-on", "never", "--no-progress"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert '<details class="reuse" open>' in page
    links = re.findall(r'first ran in <a href="#(file-\d+)">', page)
    assert links and all(f'id="{a}"' in page for a in links)


def test_unreadable_file_is_shown_with_its_reason():
    report = Report(signature="s", files=[FileReport(path="x<y>.txt", error="binary <file>", error_kind="input")])
    page = html.render(report)
    assert "could not be checked: binary &lt;file&gt;" in page and "x&lt;y&gt;.txt" in page


def test_cli_writes_the_same_bytes_every_time(tmp_path, monkeypatch):
    monkeypatch.setenv("PROVENANCE_NO_CACHE", "1")
    outs = []
    for name in ("a.html", "b.html"):
        result = runner.invoke(app, ["check", str(SEEDS), "--format", "html", "-o", str(tmp_path / name), "--fail-on", "never"])
        assert result.exit_code == 0, result.output
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1] and outs[0].startswith(b"<!DOCTYPE html>")
    stdout = runner.invoke(app, ["check", str(SEEDS), "--format", "html", "--fail-on", "never"])
    assert stdout.stdout.encode() == outs[0]


# -- in a real browser ------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing (make test installs Debian's chromium where apt-get can)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the test extra)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, requests, errors


def test_browser_highlights_counts_and_filters(browser, seed_report, tmp_path):
    out = tmp_path / "seeds.html"
    out.write_text(html.render(seed_report), encoding="utf-8")
    page, requests, errors = open_page(browser, out)
    try:
        assert errors == []
        assert requests == [out.as_uri()]  # nothing fetched but the page
        total = sum(len(f.findings) for f in seed_report.files)
        by_sev = seed_report.summary()["by_severity"]
        for i, f in enumerate(seed_report.files):
            sec = f"#file-{i + 1}"
            ids = page.evaluate(f"new Set(Array.from(document.querySelectorAll('{sec} pre.text mark.hl')).flatMap(m => m.dataset.f.split(' '))).size")
            assert ids == len(f.findings)
            spelled = page.evaluate(
                f"""Array.from(document.querySelectorAll('{sec} li.finding')).map(li =>
                    Array.from(document.querySelectorAll('{sec} pre.text mark.hl')).filter(m => m.dataset.f.split(' ').includes(li.dataset.f)).map(m => m.textContent).join(''))"""
            )
            assert spelled == [x.text for x in sorted(f.findings, key=Finding.sort_key)]
        assert page.text_content("#shown") == str(total)
        assert page.locator("li.finding:visible").count() == total

        # a mark explains itself on click: the finding and its rule's docs
        page.locator("mark.hl.s-error").first.click()
        assert page.locator("#detail").is_visible()
        assert page.locator("#detail .ruledoc").count() >= 1
        page.screenshot(path=str(tmp_path / "detail.png"))
        page.locator("#detail .close").click()

        # untick "error": its findings hide, marks covered only by errors lose their highlight
        page.locator('input[data-kind="sev"][value="error"]').uncheck()
        assert page.text_content("#shown") == str(total - by_sev["error"])
        assert page.locator("li.finding.s-error:visible").count() == 0
        assert page.locator("li.finding.s-warning:visible").count() == by_sev["warning"]
        assert page.locator("mark.hl.s-error:not(.off)").count() == 0
        # and a category filter on top
        cat = next(iter(seed_report.summary()["by_category"]))
        page.locator(f'input[data-kind="cat"][value="{cat}"]').uncheck()
        left = sum(1 for _, x in seed_report.all_findings() if x.severity != "error" and x.category != cat)
        assert page.text_content("#shown") == str(left)
        page.locator('button[data-all="cat"][data-on="0"]').click()
        assert page.text_content("#shown") == "0" and page.locator("mark.hl:not(.off)").count() == 0
        page.locator('button[data-all="cat"][data-on="1"]').click()
        assert page.text_content("#shown") == str(total - by_sev["error"])
        page.screenshot(path=str(tmp_path / "filtered.png"), full_page=False)
        assert (tmp_path / "filtered.png").stat().st_size > 1000
    finally:
        page.close()


def test_browser_keeps_hostile_article_as_text(browser, tmp_path, monkeypatch):
    art = tmp_path / "hostile.txt"
    art.write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "hostile.html"
    monkeypatch.setenv("PROVENANCE_NO_CACHE", "1")
    result = runner.invoke(app, ["check", str(art), "--format", "html", "-o", str(out), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    page, requests, errors = open_page(browser, out)
    try:
        assert errors == []
        assert page.evaluate("window.pwned") is None
        assert page.locator("pre.text img, pre.text script").count() == 0
        assert page.text_content("pre.text") == HOSTILE
        assert page.locator("pre.text mark.hl").count() >= 1
        assert requests == [out.as_uri()]
        page.screenshot(path=str(tmp_path / "hostile.png"))
    finally:
        page.close()
