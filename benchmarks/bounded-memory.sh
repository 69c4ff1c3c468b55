#!/usr/bin/env bash
# Shows that `dossier analyze` holds memory bounded by its open stories, not by the length of the input:
# the run at every size must complete inside one fixed cap on the managed heap (DOTNET_GCHeapHardLimit,
# workstation GC).
# Peak RSS without a cap grows somewhat with N because the garbage collector lets its heap grow with the
# allocation volume; under the cap the same runs complete, which is what "bounded" means here.
#   benchmarks/bounded-memory.sh [SIZES="1000 10000 100000"] [WORKDIR=/tmp/dossier-e2e] [CAP_MB=64]
# Corpora are those of benchmarks/end-to-end.sh (same generator, same seed, reused when present).
# Memory and time of one huge hostile document (issue 20) are measured by benchmarks/worst-shapes.sh.
set -euo pipefail
SIZES=${1:-"1000 10000 100000"}
WORK=${2:-/tmp/dossier-e2e}
CAP_MB=${3:-64}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=ingest-bench.sh
source "$ROOT/benchmarks/ingest-bench.sh"
[ -x /usr/bin/time ] || { echo "bounded-memory: /usr/bin/time missing (apt-get install -y time)" >&2; exit 2; }

CLI=$(release_cli "$ROOT")
mkdir -p "$WORK"
cap_hex=$(printf '0x%x' $((CAP_MB * 1024 * 1024)))
failed=0
for n in $SIZES; do
  corpus=$(cached_corpus "$n" "$WORK")
  rm -f "$WORK/bounded.json"
  status=0
  # Workstation GC for this check: server GC splits the cap across per-core heaps with large gen0 budgets,
  # which measures the collector's policy rather than what the run holds.
  DOTNET_gcServer=0 DOTNET_GCHeapHardLimit=$cap_hex /usr/bin/time -f "%e %M" -o "$WORK/time.txt" \
    dotnet "$CLI" analyze "$corpus" --format json --out "$WORK/bounded.json" >/dev/null 2>"$WORK/stderr.txt" || status=$?
  read -r wall rss_kb < <(tail -1 "$WORK/time.txt")
  if [ "$status" -eq 0 ]; then verdict="completed"; else verdict="FAILED (exit $status)"; failed=1; fi
  awk -v n="$n" -v w="$wall" -v r="$rss_kb" -v c="$CAP_MB" -v v="$verdict" 'BEGIN { printf "analyze %7d articles under a %d MB heap cap: %s in %.1f s, peak RSS %.0f MB\n", n, c, v, w, r / 1024 }'
done
exit $failed
