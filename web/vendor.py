"""Copy the front-end files the web app serves from `node_modules` into `web/static/vendor`.

Run after `npm install` (or `npm run vendor`) when `package.json` changes; the copies are
committed, so `make run` needs no npm. Each package's licence goes beside its files, and
`versions.json` records the version copied (a test holds it to `package.json`'s pins).
axe-core is the browser tests' tool, not the app's: it goes to `tests/web/vendor`.

    python3 web/vendor.py
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ROOT / "node_modules"
STATIC = ROOT / "web" / "static" / "vendor"
TEST_TOOLS = ROOT / "tests" / "web" / "vendor"


@dataclass(frozen=True)
class Vendored:
    """One npm package: the files to copy (paths inside it), where they go, and the text
    to change in a copied file ({file: ((old, new), ...)}), each found exactly once."""

    package: str
    files: tuple[str, ...]
    licence: str = "LICENSE"
    into: Path = STATIC
    changes: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return self.into / self.package.removesuffix(".org").removesuffix(".js")


PACKAGES = (
    Vendored("htmx.org", ("dist/htmx.min.js",)),
    Vendored("cytoscape", ("dist/cytoscape.min.js",)),
    Vendored("chart.js", ("dist/chart.umd.min.js",), licence="LICENSE.md"),
    Vendored("swagger-ui-dist", ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png")),
    # ReDoc's side menu shows Redocly's logo from their CDN; with no source the image is
    # hidden (its onError does it), and the page asks no other host for anything.
    Vendored(
        "redoc",
        ("bundles/redoc.standalone.js",),
        changes={
            "redoc.standalone.js": (('src:"https://cdn.redoc.ly/redoc/logo-mini.svg"', 'src:""'),)
        },
    ),
    Vendored("axe-core", ("axe.min.js",), licence="LICENSE", into=TEST_TOOLS),
)


def pinned() -> dict[str, str]:
    """Return {package: version} as package.json pins them (exact versions only)."""
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    return {**manifest.get("dependencies", {}), **manifest.get("devDependencies", {})}


def installed_version(package: str) -> str:
    manifest = MODULES / package / "package.json"
    version: str = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    return version


def copy_all() -> dict[str, str]:
    """Copy every package's files and licence; return {package: version copied}."""
    pins = pinned()
    copied = {}
    for item in PACKAGES:
        version = installed_version(item.package)
        if pins.get(item.package) != version:
            raise SystemExit(
                f"error: node_modules has {item.package} {version}, package.json pins "
                f"{pins.get(item.package)}; run npm ci first"
            )
        shutil.rmtree(item.folder, ignore_errors=True)
        item.folder.mkdir(parents=True)
        for name in (*item.files, item.licence):
            shutil.copy2(MODULES / item.package / name, item.folder / Path(name).name)
        for name, changes in item.changes.items():
            change(item.folder / name, changes)
        copied[item.package] = version
    return copied


def change(path: Path, changes: tuple[tuple[str, str], ...]) -> None:
    """Make each change in a copied file; each old text must occur there exactly once."""
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        if text.count(old) != 1:
            raise SystemExit(f"error: {path.name} holds {old!r} {text.count(old)} times, not once")
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    if not MODULES.is_dir():
        print("error: no node_modules here; run `npm ci` first", file=sys.stderr)
        return 1
    copied = copy_all()
    record = json.dumps(dict(sorted(copied.items())), indent=2) + "\n"
    (STATIC / "versions.json").write_text(record, encoding="utf-8")
    for package, version in sorted(copied.items()):
        print(f"{package} {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
