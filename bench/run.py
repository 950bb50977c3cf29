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


def timed(cmd: list[str], env: dict[str, str]) -> float:
    """Wall seconds of one run of *cmd*; stops the benchmark loudly if it fails."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode()}")
    return elapsed


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
        times.append(timed(cmd, env))
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
        seconds = timed(cmd, env)
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

        baseline = [sys.executable, "-c", "pass"]
        find_sample = [*iop, "find", "--json", "--sample"]
        find_default = [*iop, "find", "--zip", "40202", "--json"]
        find_national = [*iop, "find", "--zip", "40202", "--json", "--directory", str(national)]
        for cmd in (find_sample, find_default, find_national):
            timed(cmd, env)  # the first runs fill the caches, like anyone's second run
        figures = {
            "iopguide --version": ([*iop, "--version"], 6),
            "find --json --sample": (find_sample, 12),
            "find --zip 40202 --json (the shipped national directory, .json.xz)": (
                find_default,
                20,
            ),
            f"find --zip 40202 --json --directory ({programs} programs, imported .json)": (
                find_national,
                20,
            ),
        }
        # Interleaved rounds: each round times the baseline and then every command,
        # so a machine that speeds up or slows down moves both sides of a ratio.
        seconds: dict[str, list[float]] = {name: [] for name in figures}
        ratios: dict[str, list[float]] = {name: [] for name in figures}
        bases: list[float] = []
        for _ in range(args.runs):
            base = timed(baseline, env)
            bases.append(base)
            for name, (cmd, _limit) in figures.items():
                elapsed = timed(cmd, env)
                seconds[name].append(elapsed)
                ratios[name].append(elapsed / base)
        base = statistics.median(bases)
        rows: list[tuple[str, float, str, str]] = []
        for name, (_cmd, limit) in figures.items():
            ratio = statistics.median(ratios[name])
            verdict = "ok" if ratio <= limit else "OVER"
            rows.append(
                (
                    name,
                    statistics.median(seconds[name]),
                    f"{ratio:.1f}x",
                    f"<= {limit:g}x ({verdict})",
                )
            )

        def change_file() -> None:  # new content, so the cache entry no longer matches
            with open(national, "ab") as handle:
                handle.write(b" ")

        cold = median_of(find_national, env, max(3, args.runs // 2), before=change_file)
        verdict = "ok" if cold <= 5 else "OVER"
        rows.append(("first find after the file changed", cold, "", f"<= 5 s ({verdict})"))

        if import_seconds is not None:
            verdict = "ok" if import_seconds <= 30 else "OVER"
            rows.append(("import both 2022 workbooks", import_seconds, "", f"<= 30 s ({verdict})"))
        peak_mb = peak_rss_kib(find_national, env) / 1024
        verdict = "ok" if peak_mb <= 200 else "OVER"
        rows.append(("peak memory of find (national)", peak_mb, "MB", f"<= 200 MB ({verdict})"))

        # Last: it empties the cache (the national directory's entry and the ZIP table too).
        def empty_cache() -> None:  # the shipped file's first search after installing
            shutil.rmtree(work / "cache", ignore_errors=True)

        first = median_of(find_default, env, max(3, args.runs // 2), before=empty_cache)
        verdict = "ok" if first <= 5 else "OVER"
        rows.append(("first find after installing (empty cache)", first, "", f"<= 5 s ({verdict})"))

        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, {platform.platform()}"
        )
        print(
            f"national directory: {national_source}, {programs} programs, "
            f"{national.stat().st_size / 1e6:.1f} MB"
        )
        print(
            f"baseline python -c pass: {base * 1000:.1f} ms (median of {args.runs} rounds; "
            "each ratio is the median of per-round ratios)"
        )
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
