"""The install is locked: uv.lock is current with pyproject.toml, this environment holds
every locked package at its locked version (`make setup`, which `.ci/run` runs, installs
from the lock), and the production install (the Dockerfile's: no extra) holds no test
package."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UV = Path(sys.executable).parent / "uv"  # the dev extra's uv, beside this Python


def uv(*args: str) -> subprocess.CompletedProcess[str]:
    assert UV.exists(), f"no {UV}: run `make setup` (uv is in the dev extra)"
    env = os.environ | {"UV_PROJECT_ENVIRONMENT": sys.prefix, "UV_PYTHON_DOWNLOADS": "never"}
    return subprocess.run(
        [str(UV), *args, "--offline"], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_the_lock_is_current_with_pyproject() -> None:
    checked = uv("lock", "--check")
    assert checked.returncode == 0, checked.stderr


def test_this_environment_holds_every_locked_version() -> None:
    # The project itself is left out: an editable pip install of it (a worktree's) and
    # uv's differ in form only.
    checked = uv(
        "sync", "--locked", "--extra", "dev", "--check", "--inexact", "--no-install-project"
    )
    assert checked.returncode == 0, checked.stderr


def test_the_production_install_holds_no_test_package() -> None:
    exported = uv("export", "--locked", "--no-hashes", "--no-header", "--no-emit-project")
    assert exported.returncode == 0, exported.stderr
    production = {
        re.split(r"[=\s;]", line, maxsplit=1)[0].lower()
        for line in exported.stdout.splitlines()
        if line and not line.startswith(("#", " "))
    }
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    dev = {
        re.split(r"[=\[<>]", r, maxsplit=1)[0].lower()
        for r in project["optional-dependencies"]["dev"]
    }
    assert {"fastapi", "neo4j", "httpx2"} <= production  # the export read the lock
    assert dev & production == set()
