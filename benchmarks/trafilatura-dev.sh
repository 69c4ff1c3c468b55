#!/usr/bin/env bash
# Scores Dossier's HTML extraction on the development half of trafilatura's evaluation set
# (../shared/eval/trafilatura-dev: 500 pages, snippets that must and must not be in the output) with
# the set's own scorer (trafilatura's tests/eval_common.py rule). Prints tp/fp/fn/tn, precision, recall, F1.
# Usage: benchmarks/trafilatura-dev.sh [OUT_DIR]
# OUT_DIR (default: a temporary folder) keeps dev.jsonl, per-page.tsv (missed and kept snippets) and summary.json.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
set_dir="${DOSSIER_SHARED:-$repo/../shared}/eval/trafilatura-dev"
[ -d "$set_dir/html" ] || { echo "trafilatura-dev: no pages folder: $set_dir/html" >&2; exit 2; }
out="${1:-}"
if [ -z "$out" ]; then
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out"

echo "building dossier (Release) ..." >&2
dotnet build -c Release "$repo/src/Dossier.Cli" -v quiet -nologo >/dev/null
# Rejected pages print a one-line error and make the exit code 1; the scorer counts them as empty output.
dotnet "$repo/src/Dossier.Cli/bin/Release/net10.0/dossier.dll" extract "$set_dir/html" --format jsonl > "$out/dev.jsonl" 2> "$out/errors.txt" || true
python3 "$set_dir/score_trafilatura_set.py" "$set_dir/evaldata-dev.json" "$set_dir/html" "$out/dev.jsonl" \
  --label dossier --per-page "$out/per-page.tsv" --json "$out/summary.json"
echo "pages rejected: $(wc -l < "$out/errors.txt")"
