"""The HTML handouts in a real browser: printed to PDF, on at most two pages, loading nothing.

Chromium (headless) and poppler's pdfinfo/pdftotext are used when installed
(``.ci/run`` installs them where it can); without them those tests skip. The
static checks and the colour contrast need no browser.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from handout_samples import handouts
from iopguide import i18n
from iopguide.content.levels import LEVEL_DESCRIPTIONS
from iopguide.render.html_page import COLOUR_PAIRS, CSS
from iopguide.vocabulary import LEVELS


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


CHROMIUM = _chromium()
POPPLER = shutil.which("pdfinfo") and shutil.which("pdftotext")
needs_browser = pytest.mark.skipif(
    not (CHROMIUM and POPPLER), reason="chromium and poppler-utils (pdfinfo) are not installed"
)


def print_to_pdf(html_file: Path, work: Path) -> tuple[Path, Path]:
    """*html_file* printed by headless Chromium: the PDF, and the browser's network log.

    Chromium's profile and its own temporary folder (where it puts a socket) go in a
    short private folder, not under *work*: a socket's path may not be longer than
    about 100 bytes, and CI runs with a long TMPDIR.
    """
    with tempfile.TemporaryDirectory(prefix="iopg-", dir=_short_temp()) as short:
        return _print(html_file, work, Path(short))


def _short_temp() -> str | None:
    """/tmp when the usual temporary folder's path is too long for a socket, else None."""
    if len(tempfile.gettempdir()) < 40 or not os.path.isdir("/tmp"):
        return None
    return "/tmp"


def _print(html_file: Path, work: Path, short: Path) -> tuple[Path, Path]:
    profile = short / "profile"
    profile.mkdir()
    pdf, netlog = work / "out.pdf", work / "net.json"
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND",  # whatever is asked for, nothing leaves
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        f"--log-net-log={netlog}",
        html_file.resolve().as_uri(),
    ]
    env = {**os.environ, "TMPDIR": str(short)}
    done = subprocess.run(command, capture_output=True, timeout=120, check=False, env=env)
    assert pdf.is_file(), "chromium printed nothing: " + done.stderr.decode(errors="replace")[-800:]
    return pdf, netlog


def page_requests(netlog: Path, own: Path) -> list[str]:
    """Every URL the page asked for besides its own file: the browser's own calls home are
    made for no site, the page's carry its file:// site; data: and file: URLs count too."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    asked = []
    for event in log["events"]:
        params = event.get("params", {})
        url = params.get("url", "")
        if event["type"] != start or url == own.resolve().as_uri():
            continue
        if "file://" in params.get("network_isolation_key", "") or url.startswith(
            ("data:", "file:")
        ):
            asked.append(url)
    return asked


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


# ---------------------------------------------------------------------------- in a browser


CASES = [(name, "en") for name in handouts()] + [("summary", "es"), ("compare", "es")]


@needs_browser
@pytest.mark.parametrize(("name", "lang"), CASES)
def test_prints_on_two_pages_loading_nothing(tmp_path, name, lang) -> None:
    i18n.set_language(lang)
    html_file = tmp_path / f"{name}.html"
    html_file.write_text(handouts()[name], encoding="utf-8")
    pdf, netlog = print_to_pdf(html_file, tmp_path)
    assert pages(pdf) <= 2
    assert page_requests(netlog, html_file) == []
    text = pdf_text(pdf)
    assert "988" in text and "911" in text
    level = LEVEL_DESCRIPTIONS["iop"].title if name == "learn" else LEVELS.label("iop")
    assert " ".join(level.split()) in text
    if name.startswith("summary"):
        assert i18n._("Call log") in text


@needs_browser
def test_the_network_check_sees_a_page_that_loads_something(tmp_path) -> None:
    """The check above can fail: a page with a remote image is caught."""
    html_file = tmp_path / "bad.html"
    html_file.write_text(
        '<html lang="en"><body><p>988</p><img src="http://example.invalid/x.png"></body></html>',
        encoding="utf-8",
    )
    _pdf, netlog = print_to_pdf(html_file, tmp_path)
    assert page_requests(netlog, html_file) == ["http://example.invalid/x.png"]


# ---------------------------------------------------------------------------- no browser


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_handout_is_self_contained_and_labelled(lang) -> None:
    i18n.set_language(lang)
    for name, page in handouts().items():
        lower = page.lower()
        assert page.startswith("<!DOCTYPE html>"), name
        assert f'<html lang="{lang}">' in page, name
        assert '<meta name="viewport" content="width=device-width' in page, name
        assert lower.count("<h1>") == 1, name
        assert "<h2>" in lower or name in ("show", "compare"), name
        assert "@page" in page and "@media print" in page, name
        for banned in ("<script", "<img", "<link", "<iframe", "<object", "@import", "url("):
            assert banned not in lower, (name, banned)
        assert not re.search(r"(src|href|action)\s*=\s*[\"']?(https?:|//|data:)", lower), name
        assert set(re.findall(r'href="([a-z]+):', page)) <= {"tel"}, name
        # The crisis lines come first, from crisis.py.
        assert lower.index('class="crisis"') < lower.index("<h1>"), name
        assert 'href="tel:988"' in page and 'href="tel:911"' in page, name
        assert "1-800-273-8255" not in page, name
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", page), name


def test_untrusted_names_and_notes_stay_text() -> None:
    page = handouts()["compare"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=&quot;http://example.invalid/x.png&quot;&gt;" in page
    assert "\x1b" not in page and "\ufffd[31m" in page  # the escape sequence, defused and visible
    assert "Your note, 2026-05-04" in page
    assert "about 2 weeks" in page and 'href="tel:+15025550199"' in page


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert contrast("#777777", "#ffffff") < 4.5  # a grey that fails AA


@pytest.mark.parametrize(("foreground", "background"), COLOUR_PAIRS)
def test_colours_pass_wcag_aa(foreground, background) -> None:
    assert contrast(foreground, background) >= 4.5


def test_the_css_uses_only_the_checked_colours() -> None:
    checked = {colour for pair in COLOUR_PAIRS for colour in pair}
    assert set(re.findall(r"#[0-9a-fA-F]{6}\b", CSS)) <= checked
    assert not re.search(r"#[0-9a-fA-F]{3}\b|rgb\(|hsl\(", CSS)
