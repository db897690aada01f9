"""Write docs/html-report.png: the seeds' HTML report in headless Chromium,
an error clicked open. Run from the repository root after `make test` has
installed Debian's chromium and playwright (the test extra):

    python tools/html_screenshot.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "seeds.html"
        env = dict(os.environ, PROVENANCE_NO_CACHE="1")
        subprocess.run([sys.executable, "-m", "provenance", "check", "seeds/", "--format", "html", "-o", str(page_path), "--fail-on", "never"], cwd=ROOT, env=env, check=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            page.goto(page_path.as_uri())
            page.locator("#file-1 mark.hl.s-error").first.click()
            page.evaluate("window.scrollTo(0, 0)")  # the click scrolled the mark into view
            page.screenshot(path=str(ROOT / "docs" / "html-report.png"))
            browser.close()


if __name__ == "__main__":
    main()
