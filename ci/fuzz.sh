#!/usr/bin/env bash
# Fuzz the demangler, each target for SECONDS (default 300):
#   demangle      cargo-fuzz on the Rust core: no panic, no hang, bounded;
#   differential  cargo-fuzz against GNU libiberty 2.47 linked into the
#                 harness: the same bytes as c++filt for every format and
#                 flag set (needs `bash ci/build_cxxfilt.sh` first);
#   atheris       the Python API.
#
#   bash ci/fuzz.sh [SECONDS] [TARGET ...]     # default: all three
#
# The cargo-fuzz targets build with the machine's stable toolchain
# (RUSTC_BOOTSTRAP=1 lets it take the sanitizer flags), cargo-fuzz installed
# here if missing; atheris needs the package built in place (setup.py test)
# or installed in $PYTHON's environment, and is installed into it. CI runs
# all three for 60 s each (ci/test.sh): a finding fails the run. Both are seeded with the symbols of
# tests/fixtures and with hostile shapes; what they find is kept in
# target/fuzz/ (crashes as artifacts) and must become a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-300}
# The same seed every run (FUZZ_SEED to change it): a run on another
# machine tries the same inputs first, so that what CI finds is found again.
SEED=${FUZZ_SEED:-1}
# FUZZ_RUNS=1 (CI): a fixed number of inputs a target, about a minute's
# worth here, instead of a time: with the fixed seed and the committed seeds
# a run tries the same inputs wherever it runs, so CI's verdict is the one a
# developer gets at the same commit. SECONDS_EACH then only caps the time.
budget() {
  if [ "${FUZZ_RUNS:-0}" = 1 ]; then
    case "$1" in
      demangle) echo "-runs=60000 -max_total_time=$((SECONDS_EACH * 3))" ;;
      differential) echo "-runs=500000 -max_total_time=$((SECONDS_EACH * 3))" ;;
      atheris) echo "-runs=400000 -max_total_time=$((SECONDS_EACH * 3))" ;;
    esac
  else
    echo "-max_total_time=$SECONDS_EACH"
  fi
}
shift || true
TARGETS=${*:-demangle differential atheris}
PYTHON=${PYTHON:-.venv/bin/python}
WORK=target/fuzz
mkdir -p "$WORK/corpus" "$WORK/artifacts"

# Seeds: real symbols (first two bytes 0: default options, the default
# format), then hostile shapes.
"$PYTHON" - "$WORK/corpus" <<'PY'
import hashlib, pathlib, sys
out = pathlib.Path(sys.argv[1])
seeds = []
for path in sorted(pathlib.Path("tests/fixtures").glob("*.tsv")):
    if "known-differences" not in path.name:
        seeds += [line.split("\t", 1)[0] for line in path.read_text().splitlines()[::20]]
seeds += [
    "_Z1fI1XIiiE" + "".join(f"S0_IS{c}_S{c}_E" for c in "123456789ABCDEFGHIJKLMNOPQRST") + "Evv",
    "_Z1f" + "P" * 1018 + "iv",
    "_Z1fI" + "1XI" * 200 + "i" + "E" * 200 + "Evv",
    "_ZTv0_n24_N3FooD0Ev", "_RNvCs1234_7mycrate3foo", "_ZN4core3fmt5write17h0123456789abcdefE",
    # Swift's old manglings (Swift's manglings.txt) and deep new ones.
    "_TtBf32_", "_TFC3foo3bar3basfT3zimCS_3zim_T_", "_TTSg5Si___TFSqcfT_GSqx_", "_TtGSaSS_",
    "_TTSf2dg___TTSf2s_d___TFSSCfVs20_StringBufferIvarSS", "_TtC3foo3bar", "@__swiftmacro_1a13testStringifyfMf_",
    "$s" + "Say" * 300 + "SiG" * 300, "$s4main3FooV" + "1x" * 200 + "G" * 200,
]
for seed in seeds:
    data = b"\0\0" + seed.encode()
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
print(f"{len(seeds)} seeds")
# The differential target's first byte is the format (Format::NAMES less
# none): GNU's suite cases with theirs, the rest with auto.
diff = pathlib.Path(str(out) + "-differential")
diff.mkdir(exist_ok=True)
styles = ["auto", "gnu-v3", "java", "gnat", "dlang", "rust"]
cases = []
suite = pathlib.Path("target/gnu/2.47/testsuite")
if suite.is_dir():
    sys.path.insert(0, "tests")
    import gnu_suite
    cases = [(styles.index(c.style), c.mangled) for c in gnu_suite.cases() if c.style in styles]
cases += [(0, s) for s in seeds]
for style, seed in cases:
    data = bytes([style]) + seed.encode("utf-8", "surrogateescape")
    (diff / hashlib.sha1(data).hexdigest()).write_bytes(data)
print(f"{len(cases)} differential seeds")
PY

case " $TARGETS " in *" demangle "*|*" differential "*)
  command -v cargo-fuzz >/dev/null || cargo install --quiet --locked cargo-fuzz ;;
esac

for target in $TARGETS; do
  [ "$target" = atheris ] && continue
  corpus="$WORK/corpus"
  [ "$target" = differential ] && corpus="$WORK/corpus-differential"
  echo "== cargo fuzz $target, ${SECONDS_EACH}s"
  (cd src/demangler/fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir . "$target" \
      "../../../$corpus" -- $(budget "$target") -max_len=4096 -seed="$SEED" \
      -artifact_prefix="../../../$WORK/artifacts/$target-" -print_final_stats=1 2>&1 \
      | tee "../../../$WORK/$target.log" \
      | grep -v '^\s*[0-9]*: \|^\s*at \|# Uses: \|^refused where' | tail -n 25)
  { grep -a '^refused where' "$WORK/$target.log" || true; } | sort -u > "$WORK/$target-refused.txt"
  if [ -s "$WORK/$target-refused.txt" ]; then
    echo "-- $(wc -l < "$WORK/$target-refused.txt") reported, not failed: refused where libiberty 2.47 prints:"
    head -n 20 "$WORK/$target-refused.txt"
  fi
done

case " $TARGETS " in *" atheris "*) ;; *) exit 0 ;; esac
echo "== atheris (Python API), ${SECONDS_EACH}s"
"$PYTHON" -m pip install --quiet atheris
mkdir -p "$WORK/py-corpus"
cp -n "$WORK"/corpus/* "$WORK/py-corpus/" 2>/dev/null || true
PYTHONPATH=. "$PYTHON" tests/fuzz_python_api.py "$WORK/py-corpus" $(budget atheris) -max_len=4096 -seed="$SEED" \
    -artifact_prefix="$WORK/artifacts/py-" -print_final_stats=1 2>&1 | tail -n 12
