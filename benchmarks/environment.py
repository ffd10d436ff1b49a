"""Size and install time of the reader's environment and of the full development environment.

Builds each in a fresh virtual environment in a temporary folder, exactly as `make setup` and
`make setup-dev` do (pip, from whatever package cache the machine has: run it twice to measure a
warm cache), and reports the installed size as `du` does (MiB).

Usage: python benchmarks/environment.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _size_mib(path: Path) -> int:
    return int(subprocess.run(["du", "-sm", str(path)], capture_output=True, text=True, check=True).stdout.split()[0])


def _pip(venv: Path, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", *args], check=True,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        venv = Path(folder) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        _pip(venv, "--upgrade", "pip")
        reader_s = _pip(venv, "-r", str(ROOT / "binder" / "requirements.txt"))
        reader_s += _pip(venv, "--no-deps", "--no-build-isolation", str(ROOT))
        reader_mib = _size_mib(venv)
        dev_s = _pip(venv, "-r", str(ROOT / "binder" / "requirements.txt"), "-r", str(ROOT / "tests" / "requirements.txt"))
        dev_mib = _size_mib(venv)
    print(f"{'environment':<40} {'size (MiB)':>10} {'install (s)':>12}")
    print(f"{'reader (binder/requirements.txt)':<40} {reader_mib:>10} {reader_s:>12.1f}")
    print(f"{'development (+ tests/requirements.txt)':<40} {dev_mib:>10} {reader_s + dev_s:>12.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
