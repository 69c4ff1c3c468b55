#!/usr/bin/env bash
# End-to-end throughput (issue: a day of the world's news in under two minutes).
#   benchmarks/end-to-end.sh [SIZES="1000 10000 100000"] [WORKDIR=/tmp/dossier-e2e]
# For each size: generates that many articles (seeded; the generator of benchmarks/ingest-bench.sh),
# runs `dossier analyze DIR --format json` and `dossier ingest DIR` into a fresh SQLite file, and prints
# wall time, articles/s and peak RSS of each; then the growth exponent of time over N, fitted by least
# squares on log(time) against log(N). Needs python3 and GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
SIZES=${1:-"1000 10000 100000"}
WORK=${2:-/tmp/dossier-e2e}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=ingest-bench.sh
source "$ROOT/benchmarks/ingest-bench.sh"
[ -x /usr/bin/time ] || { echo "end-to-end: /usr/bin/time missing (apt-get install -y time)" >&2; exit 2; }

CLI=$(release_cli "$ROOT")
mkdir -p "$WORK"
results="$WORK/results.tsv"
: > "$results"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; $(date -u +%Y-%m-%d)"
for n in $SIZES; do
  corpus=$(cached_corpus "$n" "$WORK")
  for job in analyze ingest; do
    rm -f "$WORK/e2e.db" "$WORK/e2e.db-wal" "$WORK/e2e.db-shm" "$WORK/out.json"
    if [ "$job" = analyze ]; then
      args=(analyze "$corpus" --format json --out "$WORK/out.json")
    else
      args=(ingest "$corpus" --db "$WORK/e2e.db")
    fi
    /usr/bin/time -f "%e %M" -o "$WORK/time.txt" dotnet "$CLI" "${args[@]}" >/dev/null 2>"$WORK/stderr.txt" || true
    read -r wall rss_kb < "$WORK/time.txt"
    printf "%s\t%s\t%s\t%s\n" "$job" "$n" "$wall" "$rss_kb" >> "$results"
    awk -v j="$job" -v n="$n" -v w="$wall" -v r="$rss_kb" 'BEGIN { printf "%-8s %7d articles: %7.1f s, %7.0f articles/s, peak RSS %4.0f MB\n", j, n, w, n / (w > 0 ? w : 0.001), r / 1024 }'
  done
done
python3 - "$results" <<'PY'
import math, sys
rows = [l.split("\t") for l in open(sys.argv[1]) if l.strip()]
for job in ("analyze", "ingest"):
    pts = [(math.log(int(n)), math.log(max(float(w), 1e-3))) for j, n, w, _ in rows if j == job]
    if len(pts) < 2:
        continue
    mx = sum(x for x, _ in pts) / len(pts); my = sum(y for _, y in pts) / len(pts)
    slope = sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts)
    print(f"{job}: fitted growth exponent of time over N = {slope:.2f}")
PY
