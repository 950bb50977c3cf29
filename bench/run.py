"""Time iopguide as a person runs it: whole processes, several runs, medians, ratios.

Usage: python bench/run.py [--runs N] [--data DIR]

Every figure is a median of N runs of a fresh process, printed with its ratio to
``python -c pass`` measured in the same run on the same machine, so the numbers
mean something on any machine. The national directory is imported from SAMHSA's
2022 workbooks when ``../shared/data`` (or --data) has them; otherwise a synthetic
directory of the same size and shape is generated. Caches go to a temporary
folder so runs do not depend on each other. Paste the table into docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def iopguide_cmd() -> list[str]:
    script = Path(sys.executable).with_name("iopguide")
    return [str(script)] if script.exists() else [sys.executable, "-m", "iopguide"]


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one run of *cmd*; fails loudly if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode()}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before)


def peak_rss_kib(cmd: list[str], env: dict[str, str]) -> int:
    """Peak memory of one process, measured in a fresh child so earlier runs do not mask it."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,"
        " stderr=subprocess.DEVNULL, check=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *cmd], env=env, capture_output=True, check=True
    )
    return int(out.stdout)


def median_of(cmd: list[str], env: dict[str, str], runs: int, before=None) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        times.append(timed(cmd, env)[0])
    return statistics.median(times)


def build_national(
    work: Path, data_dir: Path, env: dict[str, str]
) -> tuple[Path, str, float | None]:
    workbooks = sorted((data_dir / "samhsa-2022").glob("National_Directory_*_2022.xlsx"))
    out = work / "national.json"
    if workbooks:
        cmd = [
            *iopguide_cmd(),
            "directory",
            "import",
            "samhsa",
            *map(str, workbooks),
            "--output",
            str(out),
        ]
        seconds, _ = timed(cmd, env)
        return out, f"SAMHSA 2022 workbooks ({len(workbooks)} files)", seconds
    subprocess.run(
        [sys.executable, str(HERE / "synthetic_directory.py"), str(out)], env=env, check=True
    )
    return out, "synthetic directory (bench/synthetic_directory.py)", None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="iopguide-bench-"))
    env = dict(os.environ, IOPGUIDE_CACHE_DIR=str(work / "cache"), NO_COLOR="1")
    env.pop("IOPGUIDE_DIRECTORY", None)
    iop = iopguide_cmd()
    try:
        national, national_source, import_seconds = build_national(work, args.data, env)
        programs = national.read_bytes().count(b'"id":')

        base = median_of([sys.executable, "-c", "pass"], env, args.runs)
        rows: list[tuple[str, float, str, str]] = []

        def ratio_row(name: str, seconds: float, limit: float) -> None:
            ratio = seconds / base
            verdict = "ok" if ratio <= limit else "OVER"
            rows.append((name, seconds, f"{ratio:.1f}x", f"<= {limit:g}x ({verdict})"))

        ratio_row("iopguide --version", median_of([*iop, "--version"], env, args.runs), 6)
        find_builtin = [*iop, "find", "--json"]
        timed(find_builtin, env)  # first run fills the cache, like any person's second run
        ratio_row("find --json (built-in)", median_of(find_builtin, env, args.runs), 12)
        find_national = [*iop, "find", "--zip", "40202", "--json", "--directory", str(national)]
        timed(find_national, env)
        ratio_row(
            f"find --zip 40202 --json ({programs} programs)",
            median_of(find_national, env, args.runs),
            20,
        )

        def change_file() -> None:  # new content, so the cache entry no longer matches
            with open(national, "ab") as handle:
                handle.write(b" ")

        cold = median_of(find_national, env, max(3, args.runs // 2), before=change_file)
        rows.append(
            (
                "first find after the file changed",
                cold,
                f"{cold / base:.1f}x",
                "<= 5 s (" + ("ok" if cold <= 5 else "OVER") + ")",
            )
        )
        if import_seconds is not None:
            rows.append(
                (
                    "import both 2022 workbooks",
                    import_seconds,
                    f"{import_seconds / base:.0f}x",
                    "<= 30 s (" + ("ok" if import_seconds <= 30 else "OVER") + ")",
                )
            )
        peak_mb = peak_rss_kib(find_national, env) / 1024
        rows.append(
            (
                "peak memory of find (national)",
                peak_mb,
                "MB",
                "<= 200 MB (" + ("ok" if peak_mb <= 200 else "OVER") + ")",
            )
        )

        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, {platform.platform()}"
        )
        print(
            f"national directory: {national_source}, {programs} programs, "
            f"{national.stat().st_size / 1e6:.1f} MB"
        )
        print(f"baseline python -c pass: {base * 1000:.1f} ms (median of {args.runs})")
        print()
        print("| figure | median | ratio | target |")
        print("|---|---|---|---|")
        for name, value, ratio, target in rows:
            shown = (
                f"{value:.0f} MB"
                if ratio == "MB"
                else (f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s")
            )
            print(f"| {name} | {shown} | {'' if ratio == 'MB' else ratio} | {target} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
