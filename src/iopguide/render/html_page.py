"""The one page every HTML handout shares: skeleton, print and phone CSS, crisis lines, escaping.

A handout is a single self-contained file: no scripts, fonts, images or
stylesheets from elsewhere, and no link that loads anything (``tel:`` links
only). Text from a directory file or a note is untrusted: :func:`esc` cleans
control and bidi characters and escapes it before it touches the page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from iopguide import crisis, i18n
from iopguide.i18n import _
from iopguide.text import clean

#: The colours the CSS uses, as (text, background) pairs a test checks against WCAG AA.
INK, PAPER = "#1a1a1a", "#ffffff"
MUTED = "#4d4d4d"
LINK = "#0b4f8a"
ALERT, ALERT_PAPER = "#8a1111", "#fdf2f2"
HEAD_PAPER = "#eef2f6"
WARN_PAPER = "#fff6d6"
COLOUR_PAIRS: tuple[tuple[str, str], ...] = (
    (INK, PAPER),
    (MUTED, PAPER),
    (LINK, PAPER),
    (ALERT, ALERT_PAPER),
    (INK, ALERT_PAPER),
    (LINK, ALERT_PAPER),
    (INK, HEAD_PAPER),
    (MUTED, HEAD_PAPER),
    (INK, WARN_PAPER),
)

CSS = f"""
*{{box-sizing:border-box}}
html{{-webkit-text-size-adjust:100%}}
body{{margin:0 auto;max-width:48rem;padding:1rem;color:{INK};background:{PAPER};
font:1rem/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;overflow-wrap:break-word}}
h1{{font-size:1.6rem;margin:.6rem 0 .3rem}}
h2{{font-size:1.25rem;margin:1.1rem 0 .35rem;border-bottom:1px solid {MUTED}}}
h3{{font-size:1.05rem;margin:.8rem 0 .25rem}}
p,ul,ol{{margin:.3rem 0 .5rem}}
ul,ol{{padding-left:1.4rem}}
a{{color:{LINK}}}
a[href^="tel:"]{{white-space:nowrap}}
.crisis{{border:2px solid {ALERT};background:{ALERT_PAPER};padding:.4rem .7rem;border-radius:.3rem}}
.crisis p{{margin:.15rem 0}}
.crisis .lead{{color:{ALERT};font-weight:700}}
.warn{{background:{WARN_PAPER};padding:.4rem .6rem;border-left:4px solid {ALERT}}}
.muted,footer{{color:{MUTED}}}
footer{{margin-top:1.2rem;border-top:1px solid {MUTED};padding-top:.4rem;font-size:.9em}}
table{{border-collapse:collapse;width:100%;margin:.4rem 0}}
th,td{{border:1px solid {MUTED};padding:.3rem .4rem;text-align:left;vertical-align:top}}
thead th{{background:{HEAD_PAPER}}}
th[scope=row]{{background:{HEAD_PAPER}}}
table.side{{table-layout:fixed}}
table.side col.label{{width:8rem}}
dl.facts{{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .8rem;margin:.4rem 0}}
dl.facts dt{{font-weight:700}}
dl.facts dd{{margin:0}}
dl.facts dd ul{{margin:0;padding-left:1.1rem}}
.log{{table-layout:fixed}}
.log col.who{{width:28%}}
.log td{{height:2.1rem}}
.program{{margin:.4rem 0 .6rem}}
.program h3{{margin-bottom:.1rem}}
.note{{border-left:4px solid {LINK};padding-left:.5rem}}
.note ul{{padding-left:1rem}}
.narrow{{display:none}}
@media (max-width:36rem){{
body{{padding:.6rem}}
h1{{font-size:1.4rem}}
.wide{{display:none}}
.narrow{{display:block}}
dl.facts{{grid-template-columns:1fr}}
dl.facts dd{{margin-bottom:.3rem}}
table.side,table.side tbody,table.side tr,table.side th,table.side td{{display:block;width:auto}}
table.side thead{{display:none}}
table.side th[scope=row]{{margin-top:.5rem}}
table.side td::before{{content:attr(data-program) ": ";font-weight:700}}
table.side td:empty{{display:none}}
.log{{font-size:.85rem}}
.log th{{font-size:.72rem;padding:.2rem}}
}}
@page{{size:auto;margin:1.2cm 1.4cm}}
@media print{{
body{{max-width:none;padding:0;font-size:9.5pt;line-height:1.3}}
h1{{font-size:15pt;margin:.4rem 0 .2rem}}
h2{{font-size:12pt;margin:.6rem 0 .2rem}}
h3{{font-size:10.5pt;margin:.45rem 0 .1rem}}
p,ul,ol{{margin:.15rem 0 .3rem}}
th,td{{padding:.12rem .3rem}}
.log td{{height:1.45rem}}
.program{{margin:.2rem 0 .3rem}}
.program p{{margin:0}}
a{{color:{INK};text-decoration:none}}
h2,h3{{break-after:avoid}}
.program,tr,.crisis{{break-inside:avoid}}
}}
"""

_PHONE_ONLY = re.compile(r"^\+?[\d\s().\-]+$")
_PHONE_IN_TEXT = re.compile(r"(?<![\w-])(1-\d{3}-\d{3}-\d{4}|988|911)(?![\w-])")


def esc(value: object) -> str:
    """Untrusted text as HTML text: control and bidi characters cleaned, markup escaped."""
    return html.escape(clean(value).strip(), quote=True)


def tel(number: object) -> str:
    """A phone number as a ``tel:`` link (digits only in the link); anything that is not
    plainly a phone number (letters, junk, an extension) stays text."""
    shown = esc(number)
    text = clean(number).strip()
    digits = re.sub(r"\D", "", text)
    if not _PHONE_ONLY.match(text) or not (len(digits) == 3 or 7 <= len(digits) <= 11):
        return shown
    if len(digits) == 10:
        digits = "1" + digits
    target = f"+{digits}" if len(digits) == 11 and digits.startswith("1") else digits
    return f'<a href="tel:{target}">{shown}</a>'


def linked_phones(text: str) -> str:
    """Our own text (crisis lines) escaped, with 988, 911 and 1-800 numbers as ``tel:`` links."""
    return _PHONE_IN_TEXT.sub(lambda m: tel(m.group(1)), html.escape(text, quote=True))


def items(values: Iterable[str], *, numbered: bool = False, raw: bool = False) -> str:
    """A list of our own (or, unless *raw*, escaped) sentences; "" when there are none."""
    lis = "".join(f"<li>{v if raw else esc(v)}</li>" for v in values)
    if not lis:
        return ""
    tag = "ol" if numbered else "ul"
    return f"<{tag}>{lis}</{tag}>"


def heading(text: str, level: int = 2) -> str:
    return f"<h{level}>{esc(text)}</h{level}>"


def section(title: str, body: str, *, level: int = 2) -> str:
    """A heading and its body; nothing when the body is empty."""
    return heading(title, level) + body if body else ""


def facts(rows: Sequence[tuple[str, str]]) -> str:
    """Label/value pairs (values already HTML) as a definition list; empty values left out."""
    shown = "".join(f"<dt>{esc(label)}</dt><dd>{value}</dd>" for label, value in rows if value)
    return f'<dl class="facts">{shown}</dl>' if shown else ""


def crisis_box() -> str:
    """988, 911 and the SAMHSA Helpline, from crisis.py, for the top of every handout."""
    lines = "".join(
        f"<p><strong>{esc(line.name)}:</strong> {linked_phones(line.how)}. "
        f"{linked_phones(line.notes)}</p>"
        for line in crisis.ALL_LINES
    )
    lead = f'<p class="lead">{linked_phones(crisis.FOOTER)}</p>'
    label = esc(_("Help at any time"))
    return f'<aside class="crisis" aria-label="{label}">{lead}{lines}</aside>'


def sample_warning() -> str:
    """The fictional directory's warning, as on every other format."""
    from iopguide.render.html_text import inline

    return (
        '<p class="warn">'
        + inline(
            _(
                "**These are SAMPLE programs: made up for demonstrations, with made-up phone "
                "numbers. Do not call them.** For real listings, see FindTreatment.gov or call "
                "the SAMHSA National Helpline below."
            )
        )
        + "</p>"
    )


def page(title: str, body: str, *, footer: str = "") -> str:
    """A whole handout: crisis lines first, then *body* (HTML), then *footer* (HTML)."""
    lang = i18n.current()
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{crisis_box()}\n<main>\n{body}\n</main>\n"
        f"<footer>{footer}</footer>\n</body>\n</html>\n"
    )
