#!/usr/bin/env bash
# The slow tests (pytest -m slow): the cluster recipes on Dask, Spark and
# Ray started on this machine, each demangling a Parquet file of real
# symbols (tests/test_clusters.py), and Arrow columns past 2 GiB
# (tests/test_arrow.py). A step of its own, after ci/test.sh has built the
# package in place in $VENV: it adds the engines to that venv and runs the
# tests within a time budget ($SLOW_BUDGET seconds, default 1800: they took
# 785 s on a shared 2-core machine on a slow day). An engine that cannot
# start here is skipped with the reason, which pytest prints.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
BUDGET=${SLOW_BUDGET:-1800}

echo "== cluster engines (ci/requirements-clusters.txt)"
"$VENV/bin/python" -m pip install --quiet -r ci/requirements-clusters.txt
java -version 2>&1 | head -n 1 || echo "no Java here: the Spark test will skip"

echo "== slow tests: pytest -m slow (budget ${BUDGET} s)"
timeout --kill-after=30 "$BUDGET" "$VENV/bin/python" -m pytest -q -rs -m slow -p no:logging tests/
