"""Real Microsoft C++ names, from Windows wheels on PyPI, and what
llvm-undname 19 makes of them.

Shared by benchmarks/compare_undname.py (the accuracy and speed table) and
tests/regenerate_fixtures.py --msvc (the committed fixtures).

For each Windows architecture (``win64``: ``win_amd64`` wheels; ``win32``)
it downloads the newest wheels of several projects with C++ in them
(``pip download --platform``, into target/msvc-wheels), unpacks their DLLs,
extension modules and import libraries, and takes every name that starts
with ``?``: the exports of each DLL (``llvm-readobj --coff-exports``) and
the symbols defined in each library (``llvm-nm``). Needs network access to
PyPI and LLVM's tools (``apt-get install llvm-19``).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "target" / "msvc-wheels"

# Projects whose Windows wheels export C++ (several, so that no one
# compiler setting or code base decides the figures).
PROJECTS = {
    "win64": [
        "torch",
        "wxPython",
        "pyarrow",
        "shapely",
        "opencv-python",
        "pywin32",
        "numpy",
        "pandas",
        "scikit-learn",
        "llvmlite",
        "grpcio",
        "matplotlib",
    ],
    "win32": ["wxPython", "pywin32", "pandas", "matplotlib", "numpy", "grpcio", "pyzmq", "lxml", "pillow"],
}
PLATFORMS = {"win64": "win_amd64", "win32": "win32"}
BINARIES = (".dll", ".pyd", ".lib")


def tool(name: str) -> str:
    """An LLVM tool: `name`, or its newest versioned copy."""
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/bin/{name}-*"), reverse=True)), None)
    if found is None:
        raise SystemExit(f"{name} is not installed: apt-get install llvm-19")
    return found


def undname_command() -> str:
    """The reference: $UNDNAME, else llvm-undname-19."""
    return os.environ.get("UNDNAME") or shutil.which("llvm-undname-19") or tool("llvm-undname")


def download(arch: str) -> list[Path]:
    folder = CACHE / arch
    folder.mkdir(parents=True, exist_ok=True)
    for project in PROJECTS[arch]:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"]
            + ["--platform", PLATFORMS[arch], "--python-version", "3.11", "-d", str(folder), project],
            check=False,
        )
    return sorted(folder.glob("*.whl"))


def names_of(wheel: Path) -> set[str]:
    """The `?` names exported or defined by the binaries in a wheel."""
    found: set[str] = set()
    unpacked = CACHE / "unpacked" / wheel.stem
    if not unpacked.exists():
        with zipfile.ZipFile(wheel) as archive:
            for member in archive.namelist():
                if member.lower().endswith(BINARIES):
                    archive.extract(member, unpacked)
    binaries = [str(p) for p in unpacked.rglob("*") if p.suffix.lower() in BINARIES]
    for start in range(0, len(binaries), 50):
        batch = binaries[start : start + 50]
        dlls = [b for b in batch if not b.lower().endswith(".lib")]
        libs = [b for b in batch if b.lower().endswith(".lib")]
        if dlls:
            out = subprocess.run([tool("llvm-readobj"), "--coff-exports", *dlls], capture_output=True, text=True)
            for line in out.stdout.splitlines():
                line = line.strip()
                if line.startswith("Name: ?"):
                    found.add(line[len("Name: ") :])
        if libs:
            out = subprocess.run([tool("llvm-nm"), "--defined-only", *libs], capture_output=True, text=True)
            found.update(word for line in out.stdout.splitlines() for word in line.split()[-1:] if word[:1] == "?")
    return found


def harvest(arch: str) -> dict[str, list[str]]:
    """Every distinct `?` name of the architecture's wheels, by project."""
    by_project: dict[str, list[str]] = {}
    for wheel in download(arch):
        project = wheel.name.split("-")[0]
        by_project.setdefault(project, [])
        by_project[project] = sorted(set(by_project[project]) | names_of(wheel))
    return by_project


def undname(names: list[str], *flags: str) -> list[str | None]:
    """What llvm-undname prints for each name; None where it refuses it."""
    run = subprocess.run(
        [undname_command(), *flags],
        input="".join(n + "\n" for n in names),
        capture_output=True,
        text=True,
        errors="surrogateescape",
    )
    # For each line read: the line, then its name or (on standard error) an
    # error, then an empty line. Standard error is read apart: a refused
    # name is the one with an empty second line.
    lines = run.stdout.split("\n")
    out: list[str | None] = []
    i = 0
    for name in names:
        if lines[i] != name.strip():
            raise RuntimeError(f"llvm-undname's output does not line up at {name!r}")
        if lines[i + 1] == "":
            out.append(None)
            i += 2
        else:
            out.append(lines[i + 1])
            i += 3
    return out


def ours(names: list[str], **options) -> list[str | None]:
    """What cpp_demangle prints for each name; None where it refuses it."""
    from cpp_demangle import DemangleError, demangle

    out: list[str | None] = []
    for name in names:
        try:
            out.append(demangle(name, format="msvc", **options))
        except DemangleError:
            out.append(None)
    return out
