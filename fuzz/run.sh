#!/usr/bin/env bash
# Runs every fuzz harness EXECUTIONS times (default 1,000,000) with the in-process mutation driver, two lanes
# in parallel (one per core), and prints one summary line per harness. Findings (crashing or hanging inputs)
# go to $OUT/findings/NAME; logs to $OUT/NAME.log.
#   fuzz/run.sh [EXECUTIONS] [OUT]
# With AFL instead (coverage-guided; needs afl-fuzz and the sharpfuzz tool, `dotnet tool install -g SharpFuzz.CommandLine`):
#   sharpfuzz fuzz/Dossier.Fuzz/bin/Release/net10.0/Dossier.Core.dll
#   afl-fuzz -i fuzz/corpus/html -o /tmp/afl-html -t 10000 -m none -- dotnet fuzz/Dossier.Fuzz/bin/Release/net10.0/Dossier.Fuzz.dll afl html
set -euo pipefail
cd "$(dirname "$0")/.."
EXECUTIONS="${1:-1000000}"
OUT="${2:-/tmp/dossier-fuzz}"
mkdir -p "$OUT"
dotnet build fuzz/Dossier.Fuzz -c Release -v q -nologo >/dev/null
FUZZ=fuzz/Dossier.Fuzz/bin/Release/net10.0/Dossier.Fuzz.dll
lane() {
  for name in "$@"; do
    /usr/bin/time -f "$name: %e s wall, %U s user, %M KB peak" dotnet "$FUZZ" mutate "$name" "$EXECUTIONS" "fuzz/corpus/$name" "$OUT/findings/$name" 1 > "$OUT/$name.log" 2>&1 || true
  done
}
lane html sniffer charset feed &
lane jsonl warc input &
wait
grep -h -E "DONE|HANG|crash at|peak" "$OUT"/*.log
