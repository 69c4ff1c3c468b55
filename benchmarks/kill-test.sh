#!/usr/bin/env bash
# Crash-safety test for `dossier ingest` (docs/storage.md, "Crash safety").
#   benchmarks/kill-test.sh [RUNS=20] [N=600] [WORKDIR=/tmp/dossier-kill-test]
# 1. Ingests N generated articles (and two reports that code events) without interruption and exports jsonl,
#    events, mentions and csv; the events and mentions exports must not be empty.
# 2. RUNS times: a fresh database, an ingest killed with SIGKILL at a random moment (seeded; uniform over the
#    uninterrupted run's duration), then the same ingest run again to completion; its exports must be
#    byte-identical to step 1's.
# Exits 1 when any run differs. Needs python3 (corpus generator) and builds src/Dossier.Cli in Release.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=ingest-bench.sh
source "$ROOT/benchmarks/ingest-bench.sh"
RUNS=${1:-20}
N=${2:-600}
WORK=${3:-/tmp/dossier-kill-test}

mkdir -p "$WORK"
rm -rf "$WORK/corpus" "$WORK"/*.db* "$WORK"/exports-*
gen_corpus "$N" "$WORK/corpus"
# The generator's countries are invented, so its articles code no events and the events and mentions exports
# would be empty: two reports of one event between real countries make those exports part of the comparison.
mkdir -p "$WORK/corpus/coded"
cat > "$WORK/corpus/coded/a1.txt" <<'TEXT'
Kenya and Tanzania sign border trade accord

NAIROBI, March 3, 2026 - Kenya signed a trade agreement with Tanzania on Tuesday, the Kenyan foreign ministry said.

President William Ruto met Tanzanian President Samia Suluhu Hassan in Nairobi to sign the accord, which cuts tariffs on maize and cement.

"This agreement opens our markets to each other," Ruto told reporters after the ceremony.
TEXT
cat > "$WORK/corpus/coded/a2.txt" <<'TEXT'
Tanzania, Kenya agree to cut tariffs

DAR ES SALAAM, March 3, 2026 - Tanzania and Kenya signed an agreement on Tuesday to cut tariffs on maize and cement, officials said.

Tanzanian President Samia Suluhu Hassan travelled to Nairobi for the signing with Kenyan President William Ruto.

Ruto said the agreement opens both markets to each other.
TEXT
dotnet build "$ROOT/src/Dossier.Cli" -c Release -v q -nologo >/dev/null
CLI=(dotnet "$ROOT/src/Dossier.Cli/bin/Release/net10.0/dossier.dll")
BATCH=25

exports() { # exports DB DIR
  mkdir -p "$2"
  for f in jsonl events mentions csv; do "${CLI[@]}" export --db "$1" --format "$f" --out "$2/$f"; done
  (cd "$2" && sha256sum jsonl events mentions csv)
}

t0=$(date +%s.%N)
"${CLI[@]}" ingest "$WORK/corpus" --db "$WORK/reference.db" --batch-size $BATCH 2>/dev/null
t1=$(date +%s.%N)
reference=$(exports "$WORK/reference.db" "$WORK/exports-reference")
duration=$(python3 -c "print(max(0.5, $t1 - $t0))")
echo "reference: $N articles in ${duration}s; $(wc -l < "$WORK/exports-reference/jsonl") stories, $(wc -l < "$WORK/exports-reference/events") event rows, $(wc -l < "$WORK/exports-reference/mentions") mention rows"
if [[ ! -s "$WORK/exports-reference/events" || ! -s "$WORK/exports-reference/mentions" ]]; then
  echo "kill-test: the reference events or mentions export is empty, so comparing them would prove nothing" >&2
  exit 1
fi

failed=0
for run in $(seq 1 "$RUNS"); do
  db="$WORK/run$run.db"
  delay=$(python3 -c "import random; r=random.Random($run); print(round(r.uniform(0.2, $duration), 2))")
  "${CLI[@]}" ingest "$WORK/corpus" --db "$db" --batch-size $BATCH 2>/dev/null &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null && killed=yes || killed="no (finished first)"
  wait "$pid" 2>/dev/null || true
  stored=$(python3 -c "import sqlite3; print(sqlite3.connect('$db').execute('select count(*) from articles').fetchone()[0])" 2>/dev/null || echo 0)
  "${CLI[@]}" ingest "$WORK/corpus" --db "$db" --batch-size $BATCH 2>/dev/null
  result=$(exports "$db" "$WORK/exports-run$run")
  if [[ "$result" == "$reference" ]]; then verdict=identical; else verdict=DIFFERENT; failed=$((failed + 1)); fi
  echo "run $run: killed after ${delay}s: $killed, $stored articles stored at the kill; after resume: $verdict"
  rm -f "$db" "$db-wal" "$db-shm"
done
echo "kill-test: $((RUNS - failed))/$RUNS resumed runs export byte-identical to the uninterrupted run"
[[ $failed -eq 0 ]]
