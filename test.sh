#!/usr/bin/env bash
# Runs the whole test suite: every test project in Dossier.slnx, Release build, then one summary line.
# Tests that read ../shared (Category=SharedData) or need PostgreSQL (Category=Postgres) skip on a clone
# without them, and fail under CI=true, where .ci/run has installed what they need.
set -uo pipefail
cd "$(dirname "$0")"
results="TestResults"
rm -rf "$results"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test Dossier.slnx -c Release --results-directory "$results" --logger "trx" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# One closing line for the whole suite, summed over the per-project lines of `dotnet test`.
awk '
  /(Passed|Failed)!  - Failed:/ {
    gsub(",", "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1);
      if ($i == "Passed:") p += $(i + 1);
      if ($i == "Skipped:") s += $(i + 1);
    }
    n++
  }
  END {
    if (n == 0) { print "0 passed, 1 failed (no test project ran)"; exit 1 }
    printf "%d passed, %d failed, %d skipped\n", p, f, s
  }' "$log" || status=1
exit "$status"
