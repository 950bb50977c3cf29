"""Rebuild the national directory iopguide ships, from SAMHSA's National Directory workbooks.

    python scripts/build_national.py [WORKBOOK ...]

With no arguments it reads the 2022 workbooks from ../shared/data/samhsa-2022/.
For a new edition, pass both new workbooks (substance use and mental health);
the file written is data/national-directory.json.xz, which the wheel ships as
iopguide/data/national-directory.json.xz. The workbooks themselves are never
committed. tests/test_national.py checks the shipped file equals a fresh build.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "samhsa-2022"


def main(argv: list[str]) -> int:
    from iopguide.directory.national import FILE_NAME, WORKBOOKS_2022, build

    files = [Path(a) for a in argv] or [DEFAULT_DATA / name for name in WORKBOOKS_2022]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        print("Not found: " + ", ".join(missing), file=sys.stderr)
        print("Give the National Directory workbooks as arguments.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    data, count = build(files)
    target = ROOT / "data" / FILE_NAME
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(target)
    seconds = time.perf_counter() - started
    print(f"Wrote {count:,} programmes to {target} ({len(data) / 1e6:.2f} MB) in {seconds:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
