"""Every place that holds the version holds the same one.

Also a script, for the release rehearsal: ``python tests/test_version.py
CHECKOUT VERSION`` checks a checkout against an expected version.
"""

import configparser
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def versions(root):
    """The version each file of a checkout holds."""
    cfg = configparser.ConfigParser()
    cfg.read(root / "setup.cfg")
    cargo = (root / "Cargo.toml").read_text()
    lock = (root / "Cargo.lock").read_text()
    init = (root / "cpp_demangle" / "__init__.py").read_text()
    changelog = (root / "CHANGELOG.md").read_text()
    found = {
        "setup.cfg": cfg["metadata"]["version"],
        "Cargo.toml": re.search(r'\[workspace\.package\]\s+version = "([^"]+)"', cargo).group(1),
        "cpp_demangle/__init__.py": re.search(r'__version__ = "([^"]+)"', init).group(1),
        "CHANGELOG.md": re.search(r"^## \[(\d[^\]]*)\]", changelog, re.M).group(1),
    }
    for package in ("cpp-demangle-python", "demangler"):
        found[f"Cargo.lock {package}"] = re.search(rf'name = "{package}"\nversion = "([^"]+)"', lock).group(1)
    return found


def test_every_version_string_agrees():
    import pytest

    import cpp_demangle

    if not (ROOT / "setup.cfg").exists():
        pytest.skip("not run from a checkout")
    found = versions(ROOT)
    assert set(found.values()) == {cpp_demangle.__version__}, found


if __name__ == "__main__":
    checkout, expected = Path(sys.argv[1]), sys.argv[2]
    found = versions(checkout)
    wrong = {place: v for place, v in found.items() if v != expected}
    if wrong:
        sys.exit(f"expected {expected} everywhere, found {wrong}")
