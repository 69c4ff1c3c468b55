#!/usr/bin/env bash
# Pages per second of Readability.js (npm @mozilla/readability on linkedom, node, one thread) and of
# Dossier's HTML extractor (one thread, then all cores) on the same pages, in one run.
# Wall-clock pages/s is the bar; pages per CPU-second (all threads of each process, GC included) is printed
# too, because on a shared machine wall-clock figures depend on what else is running.
# Usage: benchmarks/extraction-vs-readability.sh [PAGES_DIR] [SECONDS] [ROUNDS]
# PAGES_DIR defaults to ../shared/eval/article-extraction-benchmark/html (*.html or *.html.gz).
# ROUNDS (default 3) fresh processes of each side run in turn, Readability.js then Dossier, and the median of
# the rounds' ratios is the figure: one node process runs these pages anywhere from 31 to 47 pages/s on the
# quiet machine (its JIT and heap sizing differ from process to process), so one pair says little.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
pages="${1:-${DOSSIER_SHARED:-$repo/../shared}/eval/article-extraction-benchmark/html}"
seconds="${2:-10}"
rounds="${3:-3}"
[ -d "$pages" ] || { echo "extraction-vs-readability: no pages folder: $pages" >&2; exit 2; }
pages="$(cd "$pages" && pwd)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "installing @mozilla/readability and linkedom into $tmp ..." >&2
npm install --silent --no-audit --no-fund --prefix "$tmp" @mozilla/readability linkedom >/dev/null

cat > "$tmp/readability-speed.mjs" <<'JS'
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
const require = createRequire(path.join(process.argv[2], 'package.json'));
const { Readability } = require('@mozilla/readability');
const { parseHTML } = require('linkedom');
const dir = process.argv[3];
const seconds = Number(process.argv[4]);
const pages = fs.readdirSync(dir).filter(f => f.endsWith('.html') || f.endsWith('.html.gz')).sort().map(f => {
  const bytes = fs.readFileSync(path.join(dir, f));
  return (f.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes).toString('utf8');
});
const extract = html => {
  const { document } = parseHTML(html);
  const article = new Readability(document).parse();
  return article ? article.textContent : '';
};
for (const html of pages) extract(html); // warm-up: JIT, as for our side
let done = 0;
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
let elapsed = 0;
do {
  for (const html of pages) extract(html);
  done += pages.length;
  elapsed = Number(process.hrtime.bigint() - start) / 1e9;
} while (elapsed < seconds);
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(`readability.js single-thread: ${(done / elapsed).toFixed(1)} pages/s`);
console.log(`readability.js cpu: ${(done / cpuSeconds).toFixed(1)} pages per cpu-second`);
JS

echo "building Dossier.Benchmarks (Release) ..." >&2
dotnet build -c Release "$repo/benchmarks/Dossier.Benchmarks" -v quiet -nologo >/dev/null

ratios=()
for round in $(seq 1 "$rounds"); do
  readability="$(node "$tmp/readability-speed.mjs" "$tmp" "$pages" "$seconds")"
  ours="$(dotnet "$repo/benchmarks/Dossier.Benchmarks/bin/Release/net10.0/Dossier.Benchmarks.dll" extraction-speed "$pages" --seconds "$seconds")"
  echo "round $round of $rounds:"
  echo "$readability"
  echo "$ours"
  r="$(echo "$readability" | sed -n 's/^readability.js single-thread: \([0-9.]*\) pages\/s/\1/p')"
  rc="$(echo "$readability" | sed -n 's/^readability.js cpu: \([0-9.]*\) pages per cpu-second/\1/p')"
  sc="$(echo "$ours" | sed -n 's/^dossier cpu: \([0-9.]*\) pages per cpu-second/\1/p')"
  s="$(echo "$ours" | sed -n 's/^dossier single-thread: \([0-9.]*\) pages\/s/\1/p')"
  m="$(echo "$ours" | sed -n 's/^dossier multi-core.*: \([0-9.]*\) pages\/s/\1/p')"
  awk -v r="$r" -v s="$s" -v m="$m" -v rc="$rc" -v sc="$sc" 'BEGIN {
    printf "ratio single-thread: %.1fx, multi-core: %.1fx (bar: >= 10x single-thread)\n", s / r, m / r
    printf "ratio per cpu-second (less sensitive to a busy machine): %.1fx\n", sc / rc }'
  ratios+=("$(awk -v r="$r" -v s="$s" 'BEGIN { printf "%.2f", s / r }')")
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END {
  printf "median single-thread ratio of %d rounds: %.1fx (rounds: ", NR, (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)
  for (i = 1; i <= NR; i++) printf "%s%.1fx", (i > 1 ? ", " : ""), v[i]
  print ", sorted; bar: >= 10x)" }'
