#!/usr/bin/env bash
# Issue 20: any input of up to 20 MB must go through `dossier analyze` in under 5 s and 500 MB. This makes one
# input of each hostile shape we found (our own generator below, seeded), runs `dossier analyze FILE --format json`
# on each, one at a time, and prints wall time, CPU time (user + system: on a shared machine the wall time mostly
# measures the other jobs), peak RSS, the exit code and the first line of stderr.
#   benchmarks/worst-shapes.sh [SIZE_BYTES=20000000] [WORKDIR=/tmp/dossier-worst] [SHAPES="..."]
# Exit code 1 is expected for every shape over the language stage's limit (one line says the text was read in
# part); the verdict column compares CPU time and RSS with the bars. Needs python3 and GNU time.
set -euo pipefail
SIZE=${1:-20000000}
WORK=${2:-/tmp/dossier-worst}
SHAPES=${3:-"giant-sentence quotes said-quotes caps dates digits long-word parens parens-words number-table news-text dots initials short-lines jsonl-record html-paragraph"}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=ingest-bench.sh
source "$ROOT/benchmarks/ingest-bench.sh"
[ -x /usr/bin/time ] || { echo "worst-shapes: /usr/bin/time missing (apt-get install -y time)" >&2; exit 2; }

CLI=$(release_cli "$ROOT")
mkdir -p "$WORK"

gen_shape() {
  # gen_shape SHAPE SIZE OUT: one input of SHAPE, at most SIZE bytes (the JSONL and HTML wrappers add a few).
  python3 - "$1" "$2" "$3" <<'PY'
import json, random, sys
shape, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rng = random.Random(20)
lower = "the minister said that water talks would resume after a long pause in the capital while officials met".split()
caps = "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima Mike November Oscar Papa".split()
months = "January February March April May June July August September October November December".split()
def fill(unit):
    parts, n = [], 0
    while n < size:
        u = unit(); parts.append(u); n += len(u)
    return "".join(parts)[:size]
shapes = {
    # no sentence end in 20 MB: one giant sentence unless the splitter cuts it
    "giant-sentence": lambda: fill(lambda: rng.choice(lower) + " "),
    # millions of quotation marks, straight and curly, paired and not
    "quotes": lambda: fill(lambda: rng.choice(['"', "\u201c", "\u201d", "'", '"a" ', "\u201cSaid\u201d ", '" '])),
    "said-quotes": lambda: fill(lambda: f'"{rng.choice(lower)} {rng.choice(lower)}," {rng.choice(caps)} said '),
    # millions of capitalised words: every one a name candidate
    "caps": lambda: fill(lambda: rng.choice(caps) + " "),
    "dates": lambda: fill(lambda: f"{rng.randint(1, 28)} {rng.choice(months)} {rng.randint(1990, 2030)} "),
    "digits": lambda: "1234567890" * (size // 10),
    "long-word": lambda: "a" * size,
    "parens": lambda: "(" * (size // 2) + ")" * (size // 2),
    "parens-words": lambda: "( a " * (size // 8) + ") b " * (size // 8),
    "number-table": lambda: fill(lambda: " ".join(f"{rng.randint(0, 99999)}.{rng.randint(0, 9)}" for _ in range(8)) + "\n"),
    # news-like sentences from a small vocabulary: every sentence like every other, the fuser's worst case
    "news-text": lambda: fill(lambda: f"{rng.choice(caps)} {rng.choice(caps)} said on {rng.randint(1, 28)} {rng.choice(months)} that the {rng.choice(lower)} {rng.choice(lower)} would meet in {rng.choice(caps)}. " + ("\n" if rng.random() < 0.2 else "")),
    "dots": lambda: fill(lambda: rng.choice(["a.", "B.", ".", "...", "e.g.", "U.S.", " "])),
    "initials": lambda: fill(lambda: "A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W.X.Y.Z."),
    "short-lines": lambda: fill(lambda: rng.choice(caps) + "\n"),
    "jsonl-record": lambda: fill(lambda: rng.choice(lower) + " "),
    "html-paragraph": lambda: fill(lambda: rng.choice(lower) + " "),
}
s = shapes[shape]()
if shape == "jsonl-record":
    data = json.dumps({"url": "https://example.org/huge", "title": "Huge record", "text": s}) + "\n"
elif shape == "html-paragraph":
    data = "<html><head><title>Huge</title></head><body><article><p>" + s + "</p></article></body></html>"
else:
    data = s
raw = data.encode("utf-8")
if shape not in ("jsonl-record", "html-paragraph") and len(raw) > size:
    raw = raw[:size].decode("utf-8", "ignore").encode("utf-8")
open(out, "wb").write(raw)
PY
}

echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ); size $SIZE bytes"
# The floor: one sentence through the same command (start-up, dictionaries, JIT) at the same load.
echo "Officials met in Beijing on Monday." > "$WORK/one-sentence.txt"
/usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" dotnet "$CLI" analyze "$WORK/one-sentence.txt" --format json --out "$WORK/out.json" >/dev/null 2>&1 || true
read -r wall user sys rss_kb < <(tail -1 "$WORK/time.txt")
awk -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss_kb" 'BEGIN { printf "floor (one sentence): %.1f s wall, %.1f CPU-s, %.0f MB\n", w, u + s, r / 1024 }'
printf '%-15s %9s %7s %7s %8s %4s  %-8s %s\n' shape bytes wall_s cpu_s rss_MB exit verdict stderr
failed=0
for shape in $SHAPES; do
  case $shape in
    jsonl-record) ext=jsonl ;;
    html-paragraph) ext=html ;;
    *) ext=txt ;;
  esac
  input="$WORK/$shape-$SIZE.$ext"
  [ -f "$input" ] || gen_shape "$shape" "$SIZE" "$input"
  status=0
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" \
    dotnet "$CLI" analyze "$input" --format json --out "$WORK/out.json" >/dev/null 2>"$WORK/stderr.txt" || status=$?
  read -r wall user sys rss_kb < <(tail -1 "$WORK/time.txt")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
  rss=$(awk -v r="$rss_kb" 'BEGIN { printf "%.0f", r / 1024 }')
  # exit 0, or 1 with one line per reported input; anything else (a crash, a kill) fails.
  verdict=ok
  if [ "$status" -gt 1 ]; then verdict=CRASH; failed=1;
  elif awk -v c="$cpu" -v r="$rss" 'BEGIN { exit !(c >= 5 || r >= 500) }'; then verdict=OVER; failed=1; fi
  printf '%-15s %9d %7.1f %7s %8s %4d  %-8s %s\n' "$shape" "$(stat -L -c %s "$input")" "$wall" "$cpu" "$rss" "$status" "$verdict" "$(head -1 "$WORK/stderr.txt" | cut -c1-90)"
done
exit $failed
