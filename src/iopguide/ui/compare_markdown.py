"""``compare`` and ``shortlist`` as Markdown: a table whose every cell is escaped text.

Names and phones come from an untrusted directory file: a name such as
``[Call](http://x) | x`` must stay text and must not open a new cell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from iopguide import crisis
from iopguide.i18n import _
from iopguide.text import clean
from iopguide.ui.compare_rows import closing_lines, compare_rows, shortlist_lines
from iopguide.ui.summary_markdown import md_escape

if TYPE_CHECKING:
    from iopguide.app.results import CompareReport, ShortlistReport


def compare_markdown(report: CompareReport) -> str:
    out = ["# " + _("Programs side by side"), ""]
    if report.info.sample:
        out += [
            "**" + _("These are SAMPLE programs (fictional, for demos): do not call them.") + "**",
            "",
        ]
    heads = [
        f"{number}. **{md_escape(program.name)}**"
        for number, program in enumerate(report.programs, 1)
    ]
    out.append("| | " + " | ".join(heads) + " |")
    out.append("|---" * (len(heads) + 1) + "|")
    for row in compare_rows(report):
        cells = [md_escape(value) for value in row.values]
        if row.note:  # the person's own words, set apart from the directory's
            cells = [f"_{cell}_" if cell else "" for cell in cells]
        out.append(f"| **{md_escape(row.label)}** | " + " | ".join(cells) + " |")
    out.append("")
    out += [md_escape(line) for line in closing_lines(report)]
    out += ["", f"**{crisis.FOOTER}**", ""]
    return "\n".join(out)


def shortlist_markdown(report: ShortlistReport) -> str:
    out = ["# " + _("My shortlist"), ""]
    out += [md_escape(line) for line in shortlist_lines(report)]
    out.append("")
    for number, entry in enumerate(report.entries, 1):
        added = _("added {date}").format(date=md_escape(entry.added)) if entry.added else ""
        ident = "id `" + clean(entry.id).replace("`", "") + "`"
        out.append(
            " · ".join(x for x in (f"{number}. **{md_escape(entry.name)}**", ident, added) if x)
        )
    return "\n".join(out) + "\n"
