"""Install the lowest versions pyproject.toml allows and run the suite against them.

    python scripts/check_lowest_versions.py [pytest arguments...]

A scratch virtual environment is made in a temporary folder (removed afterwards),
uv is installed into it from PyPI, and ``uv pip install --resolution lowest-direct``
installs iopguide with every direct dependency (and test dependency) at the lowest
version its bound allows; then the suite runs. A bound that does not hold shows as a
failing install or failing tests: raise it in pyproject.toml. The last result is
recorded in the README's development section.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(pytest_args: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="iopguide-lowest-") as scratch:
        env_dir = Path(scratch) / "venv"
        venv.create(env_dir, with_pip=True)
        python = env_dir / "bin" / "python"
        run([python, "-m", "pip", "install", "-q", "uv"])
        run(
            [
                python,
                "-m",
                "uv",
                "pip",
                "install",
                "--python",
                python,
                "--resolution",
                "lowest-direct",
                f"{REPO}[test]",
            ]
        )
        print(run([python, "-m", "uv", "pip", "freeze", "--python", python], capture=True))
        return subprocess.call(
            [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *pytest_args], cwd=REPO
        )


def run(command: list[object], capture: bool = False) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout or ""


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
